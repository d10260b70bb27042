/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-bench.c: what the benchmarks of zzyra-cli share */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

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

void
_zz_bench_remove_database (const char *path)
{
  /* The database and every file the store and SQLite keep beside it. */
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", "-notes" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}
