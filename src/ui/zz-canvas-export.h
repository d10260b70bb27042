/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zz-canvas.h"

G_BEGIN_DECLS

/* Renders @workflow as the canvas shows it, whole and centred in a
 * @width x @height image (zoom-to-fit), and writes it as a PNG file. It
 * uses the canvas's own drawing: cards where the zoom lets their text be
 * read, the canvas's simple shapes below that. Needs GTK to be initialised
 * (a display), not a window on screen: the canvas is laid out and drawn
 * offscreen with cairo. The colours follow the current style (light or
 * dark, AdwStyleManager). */
gboolean              zz_canvas_render_to_png       (ZzWorkflow         *workflow,
                                                     const char         *path,
                                                     int                 width,
                                                     int                 height,
                                                     GError            **error);

/* A canvas laid out and drawn at a fixed size without being on screen,
 * for the PNG renderer and the canvas benchmark. */
typedef struct _ZzCanvasOffscreen ZzCanvasOffscreen;

ZzCanvasOffscreen    *zz_canvas_offscreen_new       (int                 width,
                                                     int                 height);
void                  zz_canvas_offscreen_free      (ZzCanvasOffscreen  *self);
/* (transfer none) */
ZzCanvas             *zz_canvas_offscreen_get_canvas (ZzCanvasOffscreen *self);
/* Lays the canvas out (measure and allocate, as a frame does) and
 * snapshots it, background included.
 * Returns: (transfer full) (nullable): the frame's render node */
GskRenderNode        *zz_canvas_offscreen_snapshot  (ZzCanvasOffscreen  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZzCanvasOffscreen, zz_canvas_offscreen_free)

G_END_DECLS
