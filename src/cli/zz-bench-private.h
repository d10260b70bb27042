/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmarks of zzyra-cli share. */

/* The median of @values (sorted in place); @n > 0. */
double _zz_bench_median (double *values,
                         guint   n);

/* Removes the database at @path and the files beside it. */
void   _zz_bench_remove_database (const char *path);

G_END_DECLS
