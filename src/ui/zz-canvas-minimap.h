/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ZZ_TYPE_CANVAS_MINIMAP (zz_canvas_minimap_get_type ())

G_DECLARE_FINAL_TYPE (ZzCanvasMinimap, zz_canvas_minimap, ZZ, CANVAS_MINIMAP, GtkWidget)

/* The whole workflow small, in a corner of the canvas (its parent), with
 * the view as a rectangle: dragging in it moves the view. Drawn from the
 * canvas's cached far-zoom shapes, rasterized once per change. */
GtkWidget *zz_canvas_minimap_new          (void);
/* Where in canvas units a point of the minimap is; FALSE with no nodes. */
gboolean   zz_canvas_minimap_to_canvas    (ZzCanvasMinimap *self,
                                           double           x,
                                           double           y,
                                           double          *canvas_x,
                                           double          *canvas_y);

G_END_DECLS
