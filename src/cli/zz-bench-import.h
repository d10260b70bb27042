/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zz-store.h"

G_BEGIN_DECLS

/* Writes to @path a workflow of @n_nodes nodes as the Zzyra web editor
 * saves one (a layered DAG of the starters' blocks, about as many edges as
 * nodes, unknown keys included), the same for the same @n_nodes; @n_edges
 * (nullable) is set to how many edges it has. */
gboolean zz_bench_import_write_workflow (const char *path,
                                         guint       n_nodes,
                                         guint      *n_edges,
                                         GError    **error);

/* `zzyra-cli bench import --nodes N`: imports such a workflow as
 * `zzyra-cli import` does, each time in a fresh process, and prints its
 * wall time and peak memory beside their floors (parsing the file alone;
 * the file's size). */
gboolean zz_bench_import_run (guint    n_nodes,
                              GError **error);

/* In the process zz_bench_import_run() starts: imports @file into @store as
 * `zzyra-cli import` does (or, when @store is %NULL, only reads and parses
 * it) and prints the seconds it took and the growth of the peak resident
 * size, in bytes, on one line. */
gboolean zz_bench_import_measure (ZzStore    *store,
                                  const char *file,
                                  GError    **error);

G_END_DECLS
