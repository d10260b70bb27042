/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas-geometry.c: where things are on the canvas, in canvas units:
 * the nodes with a drag's preview applied, their ports, the edges' curves,
 * and what a point hits. */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include <math.h>

#include "zz-canvas-private.h"

/* How close to a port (widget pixels) a press grabs it. */
#define PORT_GRAB 9.0
/* How close to an edge's curve (widget pixels) a press selects it. */
#define EDGE_GRAB    6.0
#define EDGE_SAMPLES 24

void
_zz_canvas_item_position (ZzCanvas     *self,
                          ZzCanvasItem *item,
                          double       *x,
                          double       *y)
{
  *x = zz_node_get_x (item->node);
  *y = zz_node_get_y (item->node);

  if (self->drag == ZZ_CANVAS_DRAG_MOVE &&
      g_hash_table_contains (self->selected_nodes, zz_node_get_id (item->node)))
    {
      *x += self->move_dx;
      *y += self->move_dy;
    }
}

ZzCanvasItem *
_zz_canvas_item_at (ZzCanvas *self,
                    double    canvas_x,
                    double    canvas_y)
{
  /* The last one drawn is on top. */
  for (guint i = self->order->len; i > 0; i--)
    {
      ZzCanvasItem *item = g_ptr_array_index (self->order, i - 1);
      double        x, y;

      _zz_canvas_item_position (self, item, &x, &y);
      if (canvas_x >= x && canvas_x < x + ZZ_NODE_CARD_WIDTH &&
          canvas_y >= y && canvas_y < y + ZZ_NODE_CARD_HEIGHT)
        return item;
    }

  return NULL;
}

static double
grab_distance (ZzCanvas *self,
               double    pixels)
{
  return pixels / zz_viewport_get_zoom (self->viewport);
}

ZzCanvasItem *
_zz_canvas_output_at (ZzCanvas    *self,
                      double       canvas_x,
                      double       canvas_y,
                      const char **handle)
{
  double grab = MAX (grab_distance (self, PORT_GRAB), ZZ_NODE_CARD_PORT_RADIUS + 2);

  for (guint i = self->order->len; i > 0; i--)
    {
      ZzCanvasItem      *item = g_ptr_array_index (self->order, i - 1);
      const char *const *outputs = zz_node_card_outputs_for_node (item->node);
      guint              n_outputs = MAX (g_strv_length ((char **) outputs), 1);
      double             x, y;

      _zz_canvas_item_position (self, item, &x, &y);
      x += ZZ_NODE_CARD_WIDTH;
      if (fabs (canvas_x - x) > grab)
        continue;

      for (guint j = 0; j < n_outputs; j++)
        if (fabs (canvas_y - (y + zz_node_card_output_y (j, n_outputs))) <= grab)
          {
            *handle = outputs[0] ? outputs[j] : NULL;
            return item;
          }
    }

  return NULL;
}

ZzCanvasItem *
_zz_canvas_input_at (ZzCanvas *self,
                     double    canvas_x,
                     double    canvas_y)
{
  double        grab = MAX (grab_distance (self, PORT_GRAB * 2), 12);
  ZzCanvasItem *item;

  for (guint i = self->order->len; i > 0; i--)
    {
      double x, y;

      item = g_ptr_array_index (self->order, i - 1);
      if (!zz_node_card_has_input_for_node (item->node))
        continue;
      _zz_canvas_item_position (self, item, &x, &y);
      if (fabs (canvas_x - x) <= grab && fabs (canvas_y - (y + ZZ_NODE_CARD_HEIGHT / 2)) <= grab)
        return item;
    }

  /* Dropping anywhere on a node connects to its one input; a trigger has none. */
  item = _zz_canvas_item_at (self, canvas_x, canvas_y);
  return item != NULL && zz_node_card_has_input_for_node (item->node) ? item : NULL;
}

gboolean
_zz_canvas_output_point (ZzCanvas   *self,
                         const char *node_id,
                         const char *handle,
                         double     *x,
                         double     *y)
{
  ZzCanvasItem      *item = node_id ? g_hash_table_lookup (self->items, node_id) : NULL;
  const char *const *outputs;
  guint              n_outputs, index = 0;

  if (item == NULL)
    return FALSE;

  outputs = zz_node_card_outputs_for_node (item->node);
  n_outputs = MAX (g_strv_length ((char **) outputs), 1);
  if (handle != NULL && outputs[0] != NULL)
    {
      while (outputs[index] != NULL && !g_str_equal (outputs[index], handle))
        index++;
      if (outputs[index] == NULL)
        index = 0; /* a handle this block does not have: draw it from the first */
    }

  _zz_canvas_item_position (self, item, x, y);
  *x += ZZ_NODE_CARD_WIDTH;
  *y += zz_node_card_output_y (index, n_outputs);
  return TRUE;
}

gboolean
_zz_canvas_input_point (ZzCanvas   *self,
                        const char *node_id,
                        double     *x,
                        double     *y)
{
  ZzCanvasItem *item = node_id ? g_hash_table_lookup (self->items, node_id) : NULL;

  if (item == NULL)
    return FALSE;

  _zz_canvas_item_position (self, item, x, y);
  *y += ZZ_NODE_CARD_HEIGHT / 2;
  return TRUE;
}

/* The curve of an edge: it leaves an output and enters an input
 * horizontally, and bends further the further back it has to go. */
void
_zz_canvas_edge_controls (double  sx,
                          double  sy,
                          double  tx,
                          double  ty,
                          double *c1x,
                          double *c2x)
{
  double dx = tx - sx;
  double bend = dx > 0 ? MAX (dx / 2, 40) : MAX (-dx / 2, 80) + fabs (ty - sy) / 4;

  *c1x = sx + bend;
  *c2x = tx - bend;
}

static void
bezier_point (double  t,
              double  sx,
              double  sy,
              double  c1x,
              double  c2x,
              double  tx,
              double  ty,
              double *x,
              double *y)
{
  double u = 1 - t;

  *x = u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx;
  *y = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ty + t * t * t * ty;
}

static double
segment_distance (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / length2, 0, 1) : 0;

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

const char *
_zz_canvas_edge_at (ZzCanvas *self,
                    double    canvas_x,
                    double    canvas_y)
{
  GListModel *edges;
  double      grab = grab_distance (self, EDGE_GRAB);
  guint       n;

  if (self->workflow == NULL)
    return NULL;

  edges = zz_workflow_get_edges (self->workflow);
  n = g_list_model_get_n_items (edges);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i - 1);
      double sx, sy, tx, ty, c1x, c2x, px, py;

      if (!_zz_canvas_output_point (self, zz_edge_get_source (edge), zz_edge_get_source_handle (edge), &sx, &sy) ||
          !_zz_canvas_input_point (self, zz_edge_get_target (edge), &tx, &ty))
        continue;

      _zz_canvas_edge_controls (sx, sy, tx, ty, &c1x, &c2x);
      if (canvas_x < MIN (MIN (sx, tx), c2x) - grab || canvas_x > MAX (MAX (sx, tx), c1x) + grab ||
          canvas_y < MIN (sy, ty) - grab || canvas_y > MAX (sy, ty) + grab)
        continue;

      px = sx;
      py = sy;
      for (guint s = 1; s <= EDGE_SAMPLES; s++)
        {
          double x, y;

          bezier_point ((double) s / EDGE_SAMPLES, sx, sy, c1x, c2x, tx, ty, &x, &y);
          if (segment_distance (canvas_x, canvas_y, px, py, x, y) <= grab)
            return zz_edge_get_id (edge);
          px = x;
          py = y;
        }
    }

  return NULL;
}

gboolean
zz_canvas_nodes_bounds (ZzCanvas        *self,
                        gboolean         selected_only,
                        graphene_rect_t *bounds)
{
  double   x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  gboolean any = FALSE;

  for (guint i = 0; i < self->order->len; i++)
    {
      ZzCanvasItem *item = g_ptr_array_index (self->order, i);
      double        x, y;

      if (selected_only && !g_hash_table_contains (self->selected_nodes, zz_node_get_id (item->node)))
        continue;

      _zz_canvas_item_position (self, item, &x, &y);
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x + ZZ_NODE_CARD_WIDTH);
      y1 = MAX (y1, y + ZZ_NODE_CARD_HEIGHT);
      any = TRUE;
    }

  if (any)
    graphene_rect_init (bounds, x0, y0, x1 - x0, y1 - y0);
  return any;
}
