/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmarks of zzyra-cli share. */

/* The median of @values (sorted in place); @n > 0. */
double _zz_bench_median (double *values,
                         guint   n);

G_END_DECLS
