/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ZZ_VIEWPORT_MIN_ZOOM 0.1
#define ZZ_VIEWPORT_MAX_ZOOM 4.0

#define ZZ_TYPE_VIEWPORT (zz_viewport_get_type ())

G_DECLARE_FINAL_TYPE (ZzViewport, zz_viewport, ZZ, VIEWPORT, GObject)

/* Where a view looks at the canvas: a zoom and the canvas point shown at the
 * view's top-left corner (offset-x, offset-y, in canvas units). Widgets
 * (the canvas, a minimap) and the PNG renderer share one, and all the
 * coordinate maths lives here so that it is tested without a display:
 *
 *   widget = (canvas - offset) * zoom
 *
 * Properties: zoom (clamped to [ZZ_VIEWPORT_MIN_ZOOM, ZZ_VIEWPORT_MAX_ZOOM]),
 * offset-x, offset-y. Each notifies only when it changed; a change of
 * several is notified together.
 */
ZzViewport *zz_viewport_new               (void);

double      zz_viewport_get_zoom          (ZzViewport *self);
void        zz_viewport_set_zoom          (ZzViewport *self,
                                           double      zoom);
double      zz_viewport_get_offset_x      (ZzViewport *self);
double      zz_viewport_get_offset_y      (ZzViewport *self);
void        zz_viewport_set_offset        (ZzViewport *self,
                                           double      x,
                                           double      y);

void        zz_viewport_widget_to_canvas  (ZzViewport *self,
                                           double      widget_x,
                                           double      widget_y,
                                           double     *canvas_x,
                                           double     *canvas_y);
void        zz_viewport_canvas_to_widget  (ZzViewport *self,
                                           double      canvas_x,
                                           double      canvas_y,
                                           double     *widget_x,
                                           double     *widget_y);

/* Moves the view by a distance in widget pixels (a drag of the background
 * moves it by minus the pointer's motion). */
void        zz_viewport_pan               (ZzViewport *self,
                                           double      widget_dx,
                                           double      widget_dy);
/* Sets the zoom keeping the canvas point under (widget_x, widget_y) where
 * it is, as a zoom around the pointer does. */
void        zz_viewport_zoom_at           (ZzViewport *self,
                                           double      zoom,
                                           double      widget_x,
                                           double      widget_y);
/* Shows the canvas rectangle whole and centred in a view of @view_width x
 * @view_height pixels, leaving @padding pixels around it; the zoom never
 * goes above @max_zoom (1.0 keeps a small workflow at its natural size).
 * An empty rectangle centres its origin at zoom 1. */
void        zz_viewport_fit               (ZzViewport *self,
                                           double      x,
                                           double      y,
                                           double      width,
                                           double      height,
                                           double      view_width,
                                           double      view_height,
                                           double      padding,
                                           double      max_zoom);

G_END_DECLS
