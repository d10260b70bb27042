/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `zzyra-cli bench engine --nodes N`: a MANUAL_TRIGGER then @n_nodes
 * DATA_TRANSFORM nodes in a chain, run with every row persisted; prints the
 * run's time and the overhead a node. */
gboolean zz_bench_engine_run (guint    n_nodes,
                              GError **error);

G_END_DECLS
