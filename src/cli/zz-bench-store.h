/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `zzyra-cli bench store`: measures the store's two hot paths in a fresh
 * database under @dir (%NULL: a new temporary folder, removed afterwards)
 * and prints the figures beside their targets. */
gboolean zz_bench_store_run (const char  *dir,
                             GError     **error);

G_END_DECLS
