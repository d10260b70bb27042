/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-bench.c: what the benchmarks of zzyra-cli share */
#include "config.h"

#include <stdlib.h>

#include "zz-bench-private.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
_zz_bench_median (double *values,
                  guint   n)
{
  g_return_val_if_fail (values != NULL && n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}
