/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zz-cli-commands.h"

G_BEGIN_DECLS

/* `zzyra-cli render ID --out FILE.png [--width W] [--height H] [--dark]`:
 * the workflow as the canvas draws it, fitted to the image. The only
 * command that needs a display. */
int zz_cli_command_render (ZzCliContext  *context,
                           int            argc,
                           char         **argv);

/* `zzyra-cli bench canvas`: starts GTK as render does, then runs
 * zz_bench_canvas_run(). */
int zz_cli_command_bench_canvas (guint n_nodes,
                                 int   n_edges);

G_END_DECLS
