/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `zzyra-cli bench canvas --nodes N --edges E`: a random layered DAG of
 * @n_nodes nodes and @n_edges edges on a 1600 x 1000 canvas drawn
 * offscreen; prints the time to the first frame and a frame's median time
 * at fit zoom and at 100 %. Needs a display (xvfb-run will do). */
gboolean zz_bench_canvas_run (guint    n_nodes,
                              guint    n_edges,
                              GError **error);

G_END_DECLS
