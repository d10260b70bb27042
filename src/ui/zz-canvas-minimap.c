/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas-minimap.c: the whole workflow in a corner of the canvas */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-canvas-minimap.h"
#include "zz-canvas-private.h"

/* Room around the nodes, in minimap pixels. */
#define PADDING 6

struct _ZzCanvasMinimap
{
  GtkWidget parent_instance;

  /* The shapes are the canvas's (zz-canvas-render.c); the image is them
   * drawn at this scale, redrawn only when they or the size change, so
   * that a frame costs one image and a rectangle. */
  GskRenderNode  *image;
  GskRenderNode  *image_of; /* the shapes node it was drawn from */
  int             image_width;
  int             image_height;
  int             image_scale;
  graphene_rect_t bounds; /* canvas units shown */
  double          scale;  /* minimap pixels per canvas unit */
  double          x0, y0; /* minimap pixel of bounds' origin */
  double          drag_x; /* where a drag started */
  double          drag_y;
};

G_DEFINE_FINAL_TYPE (ZzCanvasMinimap, zz_canvas_minimap, GTK_TYPE_WIDGET)

static ZzCanvas *
canvas_of (ZzCanvasMinimap *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return ZZ_IS_CANVAS (parent) ? ZZ_CANVAS (parent) : NULL;
}

/* The nodes' bounds fitted into the widget, centred. */
static gboolean
update_geometry (ZzCanvasMinimap *self,
                 ZzCanvas        *canvas)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (canvas == NULL || width <= 2 * PADDING || height <= 2 * PADDING ||
      !zz_canvas_nodes_bounds (canvas, FALSE, &self->bounds) ||
      self->bounds.size.width <= 0 || self->bounds.size.height <= 0)
    return FALSE;

  self->scale = MIN ((width - 2 * PADDING) / self->bounds.size.width,
                     (height - 2 * PADDING) / self->bounds.size.height);
  self->x0 = (width - self->bounds.size.width * self->scale) / 2;
  self->y0 = (height - self->bounds.size.height * self->scale) / 2;
  return TRUE;
}

gboolean
zz_canvas_minimap_to_canvas (ZzCanvasMinimap *self,
                             double           x,
                             double           y,
                             double          *canvas_x,
                             double          *canvas_y)
{
  g_return_val_if_fail (ZZ_IS_CANVAS_MINIMAP (self), FALSE);

  if (!update_geometry (self, canvas_of (self)))
    return FALSE;

  *canvas_x = self->bounds.origin.x + (x - self->x0) / self->scale;
  *canvas_y = self->bounds.origin.y + (y - self->y0) / self->scale;
  return TRUE;
}

static void
ensure_image (ZzCanvasMinimap *self,
              ZzCanvas        *canvas)
{
  int              width = gtk_widget_get_width (GTK_WIDGET (self));
  int              height = gtk_widget_get_height (GTK_WIDGET (self));
  int              scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GskRenderNode   *shapes = _zz_canvas_ensure_shapes (canvas);
  cairo_surface_t *surface;
  cairo_t         *cr;

  if (self->image != NULL && self->image_of == shapes && self->image_width == width &&
      self->image_height == height && self->image_scale == scale)
    return;

  g_clear_pointer (&self->image, gsk_render_node_unref);
  g_clear_pointer (&self->image_of, gsk_render_node_unref);
  if (shapes == NULL)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, self->x0, self->y0);
  cairo_scale (cr, self->scale, self->scale);
  cairo_translate (cr, -self->bounds.origin.x, -self->bounds.origin.y);
  gsk_render_node_draw (shapes, cr);
  cairo_destroy (cr);

  /* As the canvas's scene: a cairo node painting the image, which both
   * renderers keep as it is for as long as the node lives. */
  self->image = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gsk_cairo_node_get_draw_context (self->image);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  self->image_of = gsk_render_node_ref (shapes);
  self->image_width = width;
  self->image_height = height;
  self->image_scale = scale;
}

static void
zz_canvas_minimap_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ZzCanvasMinimap *self = ZZ_CANVAS_MINIMAP (widget);
  ZzCanvas        *canvas = canvas_of (self);
  ZzViewport      *viewport;
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  double           ox, oy, zoom;
  graphene_rect_t  view, clip = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                    gtk_widget_get_height (widget));
  GdkRGBA          accent, fill;

  /* Background, border and rounding from the CSS (style.css). */
  GTK_WIDGET_CLASS (zz_canvas_minimap_parent_class)->snapshot (widget, snapshot);

  if (!update_geometry (self, canvas))
    return;

  ensure_image (self, canvas);
  gtk_snapshot_push_clip (snapshot, &clip);
  if (self->image != NULL)
    gtk_snapshot_append_node (snapshot, self->image);

  /* The view. */
  viewport = zz_canvas_get_viewport (canvas);
  zoom = zz_viewport_get_zoom (viewport);
  ox = zz_viewport_get_offset_x (viewport);
  oy = zz_viewport_get_offset_y (viewport);
  graphene_rect_init (&view,
                      self->x0 + (ox - self->bounds.origin.x) * self->scale,
                      self->y0 + (oy - self->bounds.origin.y) * self->scale,
                      gtk_widget_get_width (GTK_WIDGET (canvas)) / zoom * self->scale,
                      gtk_widget_get_height (GTK_WIDGET (canvas)) / zoom * self->scale);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  fill = accent;
  fill.alpha = 0.12;
  gtk_snapshot_append_color (snapshot, &fill, &view);
  {
    GskRoundedRect outline;
    const float    widths[4] = { 1.5, 1.5, 1.5, 1.5 };
    const GdkRGBA  colors[4] = { accent, accent, accent, accent };

    gsk_rounded_rect_init_from_rect (&outline, &view, 2);
    gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  }
  gtk_snapshot_pop (snapshot);
}

/* Dragging puts the middle of the view where the pointer is. */
static void
centre_view_at (ZzCanvasMinimap *self,
                double           x,
                double           y)
{
  ZzCanvas   *canvas = canvas_of (self);
  ZzViewport *viewport;
  double      cx, cy, zoom;

  if (canvas == NULL || !zz_canvas_minimap_to_canvas (self, x, y, &cx, &cy))
    return;

  viewport = zz_canvas_get_viewport (canvas);
  zoom = zz_viewport_get_zoom (viewport);
  zz_viewport_set_offset (viewport,
                          cx - gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0 / zoom,
                          cy - gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0 / zoom);
}

static void
on_drag_begun_cb (ZzCanvasMinimap *self,
                  double           x,
                  double           y,
                  GtkGestureDrag  *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_x = x;
  self->drag_y = y;
  centre_view_at (self, x, y);
}

static void
on_drag_updated_cb (ZzCanvasMinimap *self,
                    double           dx,
                    double           dy,
                    GtkGestureDrag  *gesture)
{
  centre_view_at (self, self->drag_x + dx, self->drag_y + dy);
}

static void
zz_canvas_minimap_dispose (GObject *object)
{
  ZzCanvasMinimap *self = ZZ_CANVAS_MINIMAP (object);

  g_clear_pointer (&self->image, gsk_render_node_unref);
  g_clear_pointer (&self->image_of, gsk_render_node_unref);

  G_OBJECT_CLASS (zz_canvas_minimap_parent_class)->dispose (object);
}

static void
zz_canvas_minimap_measure (GtkWidget     *widget,
                           GtkOrientation orientation,
                           int            for_size,
                           int           *minimum,
                           int           *natural,
                           int           *minimum_baseline,
                           int           *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 130;
}

static void
zz_canvas_minimap_class_init (ZzCanvasMinimapClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_canvas_minimap_dispose;
  widget_class->snapshot = zz_canvas_minimap_snapshot;
  widget_class->measure = zz_canvas_minimap_measure;

  gtk_widget_class_set_css_name (widget_class, "zzcanvasminimap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zz_canvas_minimap_init (ZzCanvasMinimap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begun_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_updated_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minimap"), -1);
}

GtkWidget *
zz_canvas_minimap_new (void)
{
  return g_object_new (ZZ_TYPE_CANVAS_MINIMAP, NULL);
}
