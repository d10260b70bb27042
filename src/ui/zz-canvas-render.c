/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas-render.c: what the canvas draws itself: grid, edges, the nodes
 * below the detail zoom, a connection being made, the rubber band */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include <math.h>

#include "zz-canvas-private.h"

/* Canvas units between the dots of the background grid. */
#define GRID_STEP 24.0
/* Pixels around the view that the scene texture covers too, so that a pan
 * rebuilds it only every so often. */
#define SCENE_MARGIN 256.0
/* Canvas units that an edge can reach beyond its nodes' bounds (a
 * backward edge bends out sideways, an arrow sticks out). */
#define EDGE_REACH_X 220.0
#define EDGE_REACH_Y 20.0

/* Drawing ------------------------------------------------------------------ */

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
}

/* The dot grid: a dot in the middle of each step × step tile, the first
 * tile at (*ox, *oy) in widget pixels, at or left of and above 0. */
static void
grid_geometry (ZzCanvas *self,
               double   *step,
               double   *dot,
               double   *ox,
               double   *oy)
{
  double zoom = zz_viewport_get_zoom (self->viewport);

  *step = GRID_STEP * zoom;
  *dot = MAX (1.0, 1.5 * MIN (zoom, 1.0));

  /* Too dense to help: a plain background reads better. */
  while (*step < 12)
    *step *= 2;

  zz_viewport_canvas_to_widget (self->viewport, 0, 0, ox, oy);
  *ox = fmod (*ox, *step);
  *oy = fmod (*oy, *step);
  if (*ox > 0)
    *ox -= *step;
  if (*oy > 0)
    *oy -= *step;
}

/* The canvas is a shade off the cards (style.css), so that they stand off
 * it in the light style as in the dark one. */
static void
canvas_color (GtkWidget *widget,
              GdkRGBA   *color)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "canvas_bg_color", color))
    lookup_color (widget, "view_bg_color", "#ffffff", color);
  color->alpha = 1.0;
}

static void
grid_colors (ZzCanvas *self,
             GdkRGBA  *background,
             GdkRGBA  *dots)
{
  canvas_color (GTK_WIDGET (self), background);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), dots);
  dots->alpha *= 0.22;
}

/* The background and its grid, when there is no scene to hold them. */
static void
snapshot_grid (ZzCanvas    *self,
               GtkSnapshot *snapshot,
               int          width,
               int          height)
{
  double  step, dot, ox, oy;
  GdkRGBA background, color;

  grid_geometry (self, &step, &dot, &ox, &oy);
  grid_colors (self, &background, &color);

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_push_repeat (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height),
                            &GRAPHENE_RECT_INIT (ox, oy, step, step));
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (ox + (step - dot) / 2, oy + (step - dot) / 2, dot, dot));
  gtk_snapshot_pop (snapshot);
}

/* The same background and grid, into the scene's image, whose top-left
 * corner is at widget pixel (x0, y0). */
static void
draw_grid (ZzCanvas *self,
           cairo_t  *cr,
           int       x0,
           int       y0,
           int       width,
           int       height)
{
  double  step, dot, ox, oy;
  GdkRGBA background, color;

  grid_geometry (self, &step, &dot, &ox, &oy);
  grid_colors (self, &background, &color);

  gdk_cairo_set_source_rgba (cr, &background);
  cairo_paint (cr);

  /* Tiles from the first one left of and above the image. */
  ox -= ceil ((ox - x0) / step) * step;
  oy -= ceil ((oy - y0) / step) * step;
  gdk_cairo_set_source_rgba (cr, &color);
  for (double y = oy + (step - dot) / 2; y < y0 + height; y += step)
    for (double x = ox + (step - dot) / 2; x < x0 + width; x += step)
      cairo_rectangle (cr, x, y, dot, dot);
  cairo_fill (cr);
}

static void
path_edge (cairo_t *cr,
           double   sx,
           double   sy,
           double   tx,
           double   ty,
           double   zoom,
           double   arrow)
{
  double c1x, c2x;

  /* The curve ends at the arrow's base; the arrow's tip touches the port. */
  _zz_canvas_edge_controls (sx, sy, tx - arrow, ty, &c1x, &c2x);
  cairo_move_to (cr, sx, sy);
  cairo_curve_to (cr, c1x, sy, c2x, ty, tx - arrow, ty);
}

static void
draw_arrow (cairo_t *cr,
            double   tx,
            double   ty,
            double   arrow)
{
  cairo_move_to (cr, tx, ty);
  cairo_line_to (cr, tx - arrow, ty - arrow * 0.6);
  cairo_line_to (cr, tx - arrow, ty + arrow * 0.6);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* In a run shown on the canvas, an edge carried data when its source
 * completed and its target went on to run. */
static gboolean
edge_carried_data (ZzCanvas *self,
                   ZzEdge   *edge)
{
  ZzNodeRunState *source = g_hash_table_lookup (self->node_statuses, zz_edge_get_source (edge));
  ZzNodeRunState *target = g_hash_table_lookup (self->node_statuses, zz_edge_get_target (edge));

  return source != NULL && source->status == ZZ_RUN_STATUS_COMPLETED &&
         target != NULL && target->status != ZZ_RUN_STATUS_SKIPPED && target->status != ZZ_RUN_STATUS_PENDING;
}

/* Every edge in the widget rectangle (x0, y0, width, height), in widget
 * coordinates, as one cairo node (an empty one when there is none). */
static GskRenderNode *
build_edges (ZzCanvas *self,
             int       x0,
             int       y0,
             int       width,
             int       height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GListModel *edges = zz_workflow_get_edges (self->workflow);
  guint       n = g_list_model_get_n_items (edges);
  double      zoom = zz_viewport_get_zoom (self->viewport);
  double      arrow = MAX (4.0, 9.0 * MIN (zoom, 1.5));
  double      port = ZZ_NODE_CARD_PORT_RADIUS * zoom;
  GdkRGBA     normal, selected;
  cairo_t    *cr;

  if (n == 0)
    return gsk_container_node_new (NULL, 0);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &normal);
  normal.alpha *= 0.45;
  lookup_color (widget, "accent_bg_color", "#3584e4", &selected);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, width, height));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (int pass = 0; pass < 2; pass++)
    {
      /* Selected edges are drawn last, over the others. */
      gboolean want_selected = pass == 1;

      gdk_cairo_set_source_rgba (cr, want_selected ? &selected : &normal);
      cairo_set_line_width (cr, want_selected ? MAX (2.0, 3.0 * MIN (zoom, 1.0)) : MAX (1.0, 2.0 * MIN (zoom, 1.0)));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);
          double sx, sy, tx, ty;

          if ((g_hash_table_contains (self->selected_edges, zz_edge_get_id (edge)) ||
               edge_carried_data (self, edge)) != want_selected)
            continue;
          if (!_zz_canvas_output_point (self, zz_edge_get_source (edge), zz_edge_get_source_handle (edge), &sx, &sy) ||
              !_zz_canvas_input_point (self, zz_edge_get_target (edge), &tx, &ty))
            continue;

          zz_viewport_canvas_to_widget (self->viewport, sx, sy, &sx, &sy);
          zz_viewport_canvas_to_widget (self->viewport, tx, ty, &tx, &ty);
          sx += port;
          tx -= port;

          /* Only what is on screen; a backward edge bends out sideways. */
          if (MAX (sx, tx) + 200 * zoom < x0 || MIN (sx, tx) - 200 * zoom > x0 + width ||
              MAX (sy, ty) < y0 - arrow || MIN (sy, ty) > y0 + height + arrow)
            continue;

          path_edge (cr, sx, sy, tx, ty, zoom, arrow);
          cairo_stroke (cr);
          draw_arrow (cr, tx, ty, arrow);
        }
    }

  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Below the detail zoom, each node as a rounded shape in its category's
 * colour, in canvas coordinates: kept until the document or the selection
 * changes, and only transformed while panning and zooming. */
static GskRenderNode *
build_shapes (ZzCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GdkRGBA     card, accent, outline, success, failure;
  const float widths[4] = { 10, 10, 10, 10 };
  const float thin[4] = { 3, 3, 3, 3 };

  GdkRGBA view;

  /* The card colour as it shows over the canvas: in the dark style it is a
   * translucent white, which made opaque would be a white card. */
  lookup_color (widget, "card_bg_color", "#ffffff", &card);
  canvas_color (widget, &view);
  card.red = card.red * card.alpha + view.red * (1 - card.alpha);
  card.green = card.green * card.alpha + view.green * (1 - card.alpha);
  card.blue = card.blue * card.alpha + view.blue * (1 - card.alpha);
  card.alpha = 1.0;
  lookup_color (widget, "accent_bg_color", "#3584e4", &accent);
  lookup_color (widget, "success_color", "#26a269", &success);
  lookup_color (widget, "error_color", "#c01c28", &failure);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &outline);
  outline.alpha *= 0.25;

  for (guint i = 0; i < self->order->len; i++)
    {
      ZzCanvasItem   *item = g_ptr_array_index (self->order, i);
      ZzNodeRunState *state = g_hash_table_lookup (self->node_statuses, zz_node_get_id (item->node));
      ZzRunStatus     status = state ? state->status : ZZ_RUN_STATUS_NONE;
      GskRoundedRect  shape;
      GdkRGBA         stripe, tint;
      const GdkRGBA  *ring = NULL;
      double          x, y;

      _zz_canvas_item_position (self, item, &x, &y);
      zz_node_card_category_color (zz_node_card_category_for_node (item->node), &stripe);
      if (!zz_node_get_enabled (item->node) || status == ZZ_RUN_STATUS_SKIPPED)
        stripe.alpha = 0.4;

      gsk_rounded_rect_init_from_rect (&shape,
                                       &GRAPHENE_RECT_INIT (x, y, ZZ_NODE_CARD_WIDTH, ZZ_NODE_CARD_HEIGHT),
                                       12);
      gtk_snapshot_push_rounded_clip (snapshot, &shape);
      gtk_snapshot_append_color (snapshot, &card, &shape.bounds);
      /* Tinted, so that a node reads on a background of the card's colour. */
      tint = stripe;
      tint.alpha *= 0.18;
      gtk_snapshot_append_color (snapshot, &tint, &shape.bounds);
      gtk_snapshot_append_color (snapshot, &stripe,
                                 &GRAPHENE_RECT_INIT (x, y, ZZ_NODE_CARD_WIDTH, 12));
      gtk_snapshot_pop (snapshot);
      {
        const GdkRGBA colors[4] = { outline, outline, outline, outline };

        gtk_snapshot_append_border (snapshot, &shape, thin, colors);
      }

      /* A run's states as the cards show them (style.css), drawn thick
       * enough to read at this zoom. */
      if (status == ZZ_RUN_STATUS_COMPLETED)
        ring = &success;
      else if (status == ZZ_RUN_STATUS_FAILED)
        ring = &failure;
      else if (status == ZZ_RUN_STATUS_RUNNING)
        ring = &accent;
      if (g_hash_table_contains (self->selected_nodes, zz_node_get_id (item->node)))
        ring = &accent;

      if (ring != NULL)
        {
          const GdkRGBA colors[4] = { *ring, *ring, *ring, *ring };

          gtk_snapshot_append_border (snapshot, &shape, widths, colors);
        }
    }

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

GskRenderNode *
_zz_canvas_ensure_shapes (ZzCanvas *self)
{
  if (self->shapes_cache == NULL && self->workflow != NULL && self->order->len > 0)
    self->shapes_cache = build_shapes (self);
  return self->shapes_cache;
}

static void
snapshot_connection (ZzCanvas    *self,
                     GtkSnapshot *snapshot,
                     int          width,
                     int          height)
{
  double   zoom = zz_viewport_get_zoom (self->viewport);
  double   sx, sy, tx = self->drag_x, ty = self->drag_y;
  double   dashes[] = { 6, 4 };
  GdkRGBA  accent;
  cairo_t *cr;

  if (!_zz_canvas_output_point (self, self->drag_node_id, self->drag_handle, &sx, &sy))
    return;
  zz_viewport_canvas_to_widget (self->viewport, sx, sy, &sx, &sy);
  sx += ZZ_NODE_CARD_PORT_RADIUS * zoom;
  if (self->drop_node_id != NULL && _zz_canvas_input_point (self, self->drop_node_id, &tx, &ty))
    {
      zz_viewport_canvas_to_widget (self->viewport, tx, ty, &tx, &ty);
      tx -= ZZ_NODE_CARD_PORT_RADIUS * zoom;
    }

  lookup_color (GTK_WIDGET (self), "accent_bg_color", "#3584e4", &accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (self->drop_node_id == NULL)
    {
      /* A loose end follows the pointer from any side. */
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, sx, sy);
      cairo_curve_to (cr, sx + MAX (fabs (tx - sx) / 2, 40), sy, tx, ty, tx, ty);
    }
  else
    path_edge (cr, sx, sy, tx, ty, zoom, 0);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
snapshot_rubber_band (ZzCanvas    *self,
                      GtkSnapshot *snapshot)
{
  graphene_rect_t band;
  GskRoundedRect  outline;
  GdkRGBA         fill, border;
  const float     widths[4] = { 1, 1, 1, 1 };

  graphene_rect_init (&band,
                      MIN (self->drag_start_x, self->drag_x), MIN (self->drag_start_y, self->drag_y),
                      fabs (self->drag_x - self->drag_start_x), fabs (self->drag_y - self->drag_start_y));
  lookup_color (GTK_WIDGET (self), "accent_bg_color", "#3584e4", &border);
  fill = border;
  fill.alpha = 0.15;

  gtk_snapshot_append_color (snapshot, &fill, &band);
  gsk_rounded_rect_init_from_rect (&outline, &band, 0);
  {
    const GdkRGBA colors[4] = { border, border, border, border };

    gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  }
}

/* Rasterizes the edges (and the shapes below the detail zoom) for the view
 * and SCENE_MARGIN around it, clipped to where the nodes and their edges
 * are: a texture is a single cheap draw in any renderer, where thousands
 * of curves and shapes cost a frame's budget many times over, in cairo
 * most of all. */
static void
build_scene (ZzCanvas *self,
             int       width,
             int       height,
             double    zoom,
             int       scale)
{
  double           ox = zz_viewport_get_offset_x (self->viewport);
  double           oy = zz_viewport_get_offset_y (self->viewport);
  graphene_rect_t  content, area;
  double           wx0, wy0, wx1, wy1;
  int              x0, y0, w, h;
  cairo_surface_t *surface;
  cairo_t         *cr;

  g_clear_pointer (&self->scene, gsk_render_node_unref);
  self->scene_zoom = zoom;
  self->scene_scale = scale;
  graphene_rect_init (&self->scene_bounds,
                      ox - SCENE_MARGIN / zoom, oy - SCENE_MARGIN / zoom,
                      (width + 2 * SCENE_MARGIN) / zoom, (height + 2 * SCENE_MARGIN) / zoom);

  /* The scene is the whole area, background and grid included, so that
   * a frame is one opaque image and the cards: the grid as a repeated
   * tile was a pass over every pixel in every frame. */
  zz_viewport_canvas_to_widget (self->viewport, self->scene_bounds.origin.x, self->scene_bounds.origin.y,
                                &wx0, &wy0);
  zz_viewport_canvas_to_widget (self->viewport,
                                self->scene_bounds.origin.x + self->scene_bounds.size.width,
                                self->scene_bounds.origin.y + self->scene_bounds.size.height,
                                &wx1, &wy1);
  /* Whole widget pixels, so that the image is drawn unfiltered. */
  x0 = floor (wx0);
  y0 = floor (wy0);
  w = ceil (wx1) - x0;
  h = ceil (wy1) - y0;
  self->scene_x = ox + x0 / zoom;
  self->scene_y = oy + y0 / zoom;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w * scale, h * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x0, -y0);
  draw_grid (self, cr, x0, y0, w, h);

  g_clear_pointer (&self->edges_cache, gsk_render_node_unref);
  if (self->workflow != NULL && zz_canvas_nodes_bounds (self, FALSE, &content))
    {
      graphene_rect_inset (&content, -EDGE_REACH_X, -EDGE_REACH_Y);
      if (graphene_rect_intersection (&content, &self->scene_bounds, &area))
        {
          self->edges_cache = build_edges (self, x0, y0, w, h);
          gsk_render_node_draw (self->edges_cache, cr);
          if (zoom < ZZ_CANVAS_DETAIL_ZOOM)
            {
              _zz_canvas_ensure_shapes (self);
              cairo_scale (cr, zoom, zoom);
              cairo_translate (cr, -ox, -oy);
              gsk_render_node_draw (self->shapes_cache, cr);
            }
        }
    }
  /* Non-NULL marks the scene built, even with nothing in view. */
  if (self->edges_cache == NULL)
    self->edges_cache = gsk_container_node_new (NULL, 0);
  cairo_destroy (cr);

  /* A cairo node that paints the image, not a texture node: the cairo
   * renderer then composites it as is (a texture would be converted to a
   * new surface every frame), and the GL renderer uploads it once, as it
   * caches a cairo node's texture for as long as the node lives. */
  self->scene = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, w, h));
  cr = gsk_cairo_node_get_draw_context (self->scene);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  self->scene_width = w;
  self->scene_height = h;
}

static void
snapshot_scene (ZzCanvas    *self,
                GtkSnapshot *snapshot,
                int          width,
                int          height,
                double       zoom)
{
  int                    scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  const graphene_rect_t *bounds = &self->scene_bounds;
  double                 x0 = zz_viewport_get_offset_x (self->viewport);
  double                 y0 = zz_viewport_get_offset_y (self->viewport);
  double                 x, y;

  /* graphene_rect_contains_rect() compares floats for equality after a
   * union, and fails for a rectangle well inside. */
  if (self->edges_cache == NULL || self->scene_zoom != zoom || self->scene_scale != scale ||
      x0 < bounds->origin.x || y0 < bounds->origin.y ||
      x0 + width / zoom > bounds->origin.x + bounds->size.width ||
      y0 + height / zoom > bounds->origin.y + bounds->size.height)
    build_scene (self, width, height, zoom, scale);

  if (self->scene == NULL)
    return;

  /* The same node every frame, moved: whole pixels, so nothing is
   * filtered. */
  zz_viewport_canvas_to_widget (self->viewport, self->scene_x, self->scene_y, &x, &y);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_node (snapshot, self->scene);
  gtk_snapshot_restore (snapshot);
}

void
_zz_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  ZzCanvas *self = ZZ_CANVAS (widget);
  int       width = gtk_widget_get_width (widget);
  int       height = gtk_widget_get_height (widget);
  double    zoom = zz_viewport_get_zoom (self->viewport);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->workflow == NULL)
    snapshot_grid (self, snapshot, width, height);
  else
    {
      snapshot_scene (self, snapshot, width, height, zoom);

      if (zoom >= ZZ_CANVAS_DETAIL_ZOOM)
        {
          /* Cards that are not child-visible cost nothing here. */
          for (GtkWidget *child = gtk_widget_get_first_child (widget);
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (!_zz_canvas_is_overlay (self, child))
              gtk_widget_snapshot_child (widget, child, snapshot);
        }

      if (self->drag == ZZ_CANVAS_DRAG_CONNECT)
        snapshot_connection (self, snapshot, width, height);
      if (self->drag == ZZ_CANVAS_DRAG_RUBBER_BAND)
        snapshot_rubber_band (self, snapshot);
      _zz_canvas_snapshot_overlays (self, snapshot);
    }

  gtk_snapshot_pop (snapshot);
}
