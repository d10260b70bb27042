/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas.c: the canvas widget: its items and cards kept in step with
 * the document, which cards are shown (culling, level of detail) and where
 * they are allocated, run states and problems on the cards, editing
 * through the document's commands, and the GObject. Geometry and hit
 * testing are in zz-canvas-geometry.c, the selection in
 * zz-canvas-selection.c, drawing in zz-canvas-render.c, gestures in
 * zz-canvas-input.c, actions in zz-canvas-actions.c. */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-block-registry.h"
#include "zz-canvas-private.h"
#include "zz-id.h"
#include "zz-workflow-history.h"

G_DEFINE_FINAL_TYPE (ZzCanvas, zz_canvas, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_WORKFLOW,
  PROP_VIEWPORT,
  PROP_SHOW_MINIMAP,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  SELECTION_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* Items -------------------------------------------------------------------- */

static void
zz_canvas_item_free (gpointer data)
{
  ZzCanvasItem *item = data;

  g_clear_signal_handler (&item->notify_id, item->node);
  if (item->card != NULL)
    gtk_widget_unparent (item->card);
  g_clear_object (&item->node);
  g_free (item);
}

void
_zz_canvas_invalidate (ZzCanvas *self)
{
  g_clear_pointer (&self->edges_cache, gsk_render_node_unref);
  g_clear_pointer (&self->shapes_cache, gsk_render_node_unref);
  if (!self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_node_notified_cb (ZzCanvas   *self,
                     GParamSpec *pspec,
                     ZzNode     *node)
{
  const char *name = g_param_spec_get_name (pspec);

  /* A label or an enabled state is the card's business; shapes and edges
   * follow positions and block types (which change the outputs). */
  if (g_str_equal (name, "x") || g_str_equal (name, "y") || g_str_equal (name, "block-type"))
    _zz_canvas_invalidate (self);
}

/* Matches the items to the document's nodes: items of nodes that are gone
 * are dropped (with their cards), new nodes get an item. */
static void
zz_canvas_sync_nodes (ZzCanvas *self)
{
  GListModel *nodes = self->workflow ? zz_workflow_get_nodes (self->workflow) : NULL;
  guint       n = nodes ? g_list_model_get_n_items (nodes) : 0;
  g_autoptr(GHashTable) old = self->items;
  gboolean       selection_changed = FALSE;
  GHashTableIter iter;
  gpointer       key;

  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, zz_canvas_item_free);
  g_ptr_array_set_size (self->order, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);
      const char   *id = zz_node_get_id (node);
      ZzCanvasItem *item = NULL;
      gpointer      old_key;

      if (g_hash_table_contains (self->items, id))
        continue; /* a duplicate id: the document reports it; show the first */

      if (g_hash_table_lookup_extended (old, id, &old_key, (gpointer *) &item) && item->node == node)
        g_hash_table_steal (old, id);
      else
        {
          item = g_new0 (ZzCanvasItem, 1);
          item->node = g_object_ref (node);
          item->notify_id = g_signal_connect_object (node, "notify",
                                                     G_CALLBACK (on_node_notified_cb),
                                                     self, G_CONNECT_SWAPPED);
        }

      g_hash_table_insert (self->items, (gpointer) zz_node_get_id (item->node), item);
      g_ptr_array_add (self->order, item);
    }

  g_hash_table_iter_init (&iter, self->selected_nodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->items, key))
      {
        g_hash_table_iter_remove (&iter);
        selection_changed = TRUE;
      }

  if (self->drag_node_id != NULL && !g_hash_table_contains (self->items, self->drag_node_id))
    self->drag = ZZ_CANVAS_DRAG_NONE;

  _zz_canvas_invalidate (self);
  if (selection_changed)
    _zz_canvas_selection_changed (self);
}

static void
zz_canvas_sync_edges (ZzCanvas *self)
{
  gboolean       selection_changed = FALSE;
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, self->selected_edges);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (self->workflow == NULL || zz_workflow_find_edge (self->workflow, key) == NULL)
      {
        g_hash_table_iter_remove (&iter);
        selection_changed = TRUE;
      }

  _zz_canvas_invalidate (self);
  if (selection_changed)
    _zz_canvas_selection_changed (self);
}

static void
on_nodes_changed_cb (ZzCanvas   *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  zz_canvas_sync_nodes (self);
}

static void
on_edges_changed_cb (ZzCanvas   *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  zz_canvas_sync_edges (self);
}

static void
on_history_changed_cb (ZzCanvas   *self,
                       GParamSpec *pspec,
                       ZzWorkflow *workflow)
{
  _zz_canvas_update_actions (self);
}

static void
visible_canvas_rect (ZzCanvas        *self,
                     graphene_rect_t *rect)
{
  double x0, y0, x1, y1;

  zz_viewport_widget_to_canvas (self->viewport, 0, 0, &x0, &y0);
  zz_viewport_widget_to_canvas (self->viewport,
                                gtk_widget_get_width (GTK_WIDGET (self)),
                                gtk_widget_get_height (GTK_WIDGET (self)), &x1, &y1);
  graphene_rect_init (rect, x0, y0, x1 - x0, y1 - y0);
}

/* Run statuses ------------------------------------------------------------- */

void
_zz_canvas_node_run_state_free (ZzNodeRunState *state)
{
  g_free (state->detail);
  g_free (state);
}

static void
zz_canvas_apply_node_status (ZzCanvas     *self,
                             ZzCanvasItem *item)
{
  ZzNodeRunState *state = g_hash_table_lookup (self->node_statuses, zz_node_get_id (item->node));

  if (item->card == NULL)
    return;
  zz_node_card_set_status (ZZ_NODE_CARD (item->card), state ? state->status : ZZ_RUN_STATUS_NONE);
  zz_node_card_set_status_detail (ZZ_NODE_CARD (item->card), state ? state->detail : NULL);
}

void
zz_canvas_set_node_status (ZzCanvas   *self,
                           const char *node_id,
                           ZzRunStatus status,
                           const char *detail)
{
  ZzCanvasItem *item;

  g_return_if_fail (ZZ_IS_CANVAS (self));
  g_return_if_fail (node_id != NULL);

  if (status == ZZ_RUN_STATUS_NONE)
    g_hash_table_remove (self->node_statuses, node_id);
  else
    {
      ZzNodeRunState *state = g_new0 (ZzNodeRunState, 1);

      state->status = status;
      state->detail = g_strdup (detail ? detail : "");
      g_hash_table_replace (self->node_statuses, g_strdup (node_id), state);
    }

  if ((item = g_hash_table_lookup (self->items, node_id)) != NULL)
    zz_canvas_apply_node_status (self, item);
  /* Far out, the shapes show the states too. */
  g_clear_pointer (&self->edges_cache, gsk_render_node_unref);
  g_clear_pointer (&self->shapes_cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

ZzRunStatus
zz_canvas_get_node_status (ZzCanvas   *self,
                           const char *node_id)
{
  ZzNodeRunState *state;

  g_return_val_if_fail (ZZ_IS_CANVAS (self), ZZ_RUN_STATUS_NONE);

  state = node_id ? g_hash_table_lookup (self->node_statuses, node_id) : NULL;
  return state ? state->status : ZZ_RUN_STATUS_NONE;
}

const char *
zz_canvas_get_node_status_detail (ZzCanvas   *self,
                                  const char *node_id)
{
  ZzNodeRunState *state;

  g_return_val_if_fail (ZZ_IS_CANVAS (self), NULL);

  state = node_id ? g_hash_table_lookup (self->node_statuses, node_id) : NULL;
  return state && state->detail && state->detail[0] != '\0' ? state->detail : NULL;
}

void
zz_canvas_clear_node_statuses (ZzCanvas *self)
{
  g_return_if_fail (ZZ_IS_CANVAS (self));

  g_hash_table_remove_all (self->node_statuses);
  for (guint i = 0; self->order != NULL && i < self->order->len; i++)
    zz_canvas_apply_node_status (self, g_ptr_array_index (self->order, i));
  g_clear_pointer (&self->edges_cache, gsk_render_node_unref);
  g_clear_pointer (&self->shapes_cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zz_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  ZzCanvas       *self = ZZ_CANVAS (widget);
  double          zoom;
  gboolean        detailed;
  graphene_rect_t view;
  /* Ports stick out of the cards a little. */
  double margin = ZZ_NODE_CARD_PORT_RADIUS * 2;

  self->in_allocate = TRUE;

  if (self->fit_pending && width > 1 && height > 1)
    {
      self->fit_pending = FALSE;
      zz_canvas_zoom_to_fit (self);
    }
  else if (self->allocated_width > 0 &&
           (width != self->allocated_width || height != self->allocated_height))
    {
      /* A resize keeps the middle of the view in the middle: a side panel
       * opening beside the canvas must not hide the node it is about. */
      zz_viewport_pan (self->viewport,
                       (self->allocated_width - width) / 2.0,
                       (self->allocated_height - height) / 2.0);
    }
  self->allocated_width = width;
  self->allocated_height = height;

  zoom = zz_viewport_get_zoom (self->viewport);
  detailed = zoom >= ZZ_CANVAS_DETAIL_ZOOM;
  visible_canvas_rect (self, &view);

  for (guint i = 0; i < self->order->len; i++)
    {
      ZzCanvasItem *item = g_ptr_array_index (self->order, i);
      double        x, y, wx, wy;
      gboolean      shown;
      GskTransform *transform;
      ZzProblem    *problem;
      int           min_height;

      _zz_canvas_item_position (self, item, &x, &y);
      shown = detailed &&
              x + ZZ_NODE_CARD_WIDTH + margin >= view.origin.x &&
              x - margin <= view.origin.x + view.size.width &&
              y + ZZ_NODE_CARD_HEIGHT + margin >= view.origin.y &&
              y - margin <= view.origin.y + view.size.height;

      if (!shown)
        {
          if (item->card != NULL)
            gtk_widget_set_child_visible (item->card, FALSE);
          continue;
        }

      if (item->card == NULL)
        {
          item->card = zz_node_card_new (item->node);
          gtk_widget_set_parent (item->card, widget);
          zz_node_card_set_selected (ZZ_NODE_CARD (item->card),
                                     g_hash_table_contains (self->selected_nodes,
                                                            zz_node_get_id (item->node)));
          zz_canvas_apply_node_status (self, item);
          if ((problem = g_hash_table_lookup (self->node_problems, zz_node_get_id (item->node))))
            zz_node_card_set_problem (ZZ_NODE_CARD (item->card), problem->severity, problem->message);
        }
      gtk_widget_set_child_visible (item->card, TRUE);

      gtk_widget_measure (item->card, GTK_ORIENTATION_VERTICAL, ZZ_NODE_CARD_WIDTH,
                          &min_height, NULL, NULL, NULL);
      zz_viewport_canvas_to_widget (self->viewport, x, y, &wx, &wy);
      transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (wx, wy));
      transform = gsk_transform_scale (transform, zoom, zoom);
      gtk_widget_allocate (item->card, ZZ_NODE_CARD_WIDTH,
                           MAX (ZZ_NODE_CARD_HEIGHT, min_height), -1, transform);
    }

  _zz_canvas_allocate_overlays (self, width, height);
  self->in_allocate = FALSE;
}

static void
zz_canvas_measure (GtkWidget     *widget,
                   GtkOrientation orientation,
                   int            for_size,
                   int           *minimum,
                   int           *natural,
                   int           *minimum_baseline,
                   int           *natural_baseline)
{
  /* The canvas takes the room it is given; its content scrolls. */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
zz_canvas_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (zz_canvas_parent_class)->css_changed (widget, change);

  /* Colours come from the style (dark, high contrast). */
  _zz_canvas_invalidate (ZZ_CANVAS (widget));
}

/* Selection ---------------------------------------------------------------- */

void
_zz_canvas_selection_changed (ZzCanvas *self)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      ZzCanvasItem *item = g_ptr_array_index (self->order, i);

      if (item->card != NULL)
        zz_node_card_set_selected (ZZ_NODE_CARD (item->card),
                                   g_hash_table_contains (self->selected_nodes,
                                                          zz_node_get_id (item->node)));
    }

  g_clear_pointer (&self->edges_cache, gsk_render_node_unref);
  g_clear_pointer (&self->shapes_cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _zz_canvas_update_actions (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* A card reached with Tab is selected, as a click would. */
static void
zz_canvas_set_focus_child (GtkWidget *widget,
                           GtkWidget *child)
{
  ZzCanvas *self = ZZ_CANVAS (widget);

  GTK_WIDGET_CLASS (zz_canvas_parent_class)->set_focus_child (widget, child);

  if (child != NULL && ZZ_IS_NODE_CARD (child) && !self->selecting_focus &&
      self->drag == ZZ_CANVAS_DRAG_NONE)
    {
      const char *id = zz_node_get_id (zz_node_card_get_node (ZZ_NODE_CARD (child)));

      if (!_zz_canvas_is_selected (self, id))
        {
          const char *ids[] = { id, NULL };

          zz_canvas_select_nodes (self, ids);
        }
    }
}

/* Editing ------------------------------------------------------------------ */

void
_zz_canvas_show_error (ZzCanvas     *self,
                       const GError *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

void
_zz_canvas_move_selection (ZzCanvas *self,
                           double    dx,
                           double    dy)
{
  g_auto(GStrv) ids = zz_canvas_get_selected_node_ids (self);
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_strv_length (ids);

  if (self->workflow == NULL || n == 0 || (dx == 0 && dy == 0))
    return;

  x = g_new (double, n);
  y = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      ZzNode *node = zz_workflow_find_node (self->workflow, ids[i]);

      x[i] = zz_node_get_x (node) + dx;
      y[i] = zz_node_get_y (node) + dy;
    }

  if (!zz_workflow_move_nodes_command (self->workflow, (const char *const *) ids, x, y, &error))
    _zz_canvas_show_error (self, error);
}

char *
zz_canvas_add_node (ZzCanvas   *self,
                    const char *block_type,
                    double      x,
                    double      y,
                    GError    **error)
{
  ZzBlockType *type;
  g_autoptr(ZzNode) node = NULL;
  g_autofree char *id = NULL;
  const char      *ids[2] = { NULL, NULL };

  g_return_val_if_fail (ZZ_IS_CANVAS (self), NULL);
  g_return_val_if_fail (block_type != NULL, NULL);
  g_return_val_if_fail (self->workflow != NULL, NULL);

  id = zz_id_new ();
  node = zz_node_new (id, block_type);
  zz_node_set_position (node, x, y);

  type = zz_block_registry_lookup (zz_block_registry_get_default (), block_type);
  if (type != NULL)
    {
      g_autoptr(JsonObject) config = zz_block_type_apply_defaults (type, NULL);

      zz_node_set_label (node, _(zz_block_type_get_title (type)));
      zz_node_set_config (node, config);
    }

  if (!zz_workflow_add_node_command (self->workflow, node, error))
    return NULL;

  ids[0] = id;
  zz_canvas_select_nodes (self, ids);
  return g_steal_pointer (&id);
}

gboolean
zz_canvas_connect (ZzCanvas   *self,
                   const char *source,
                   const char *source_handle,
                   const char *target,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  ZzEdge *edge;
  ZzNode *target_node;

  g_return_val_if_fail (ZZ_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (self->workflow != NULL, FALSE);

  target_node = target ? zz_workflow_find_node (self->workflow, target) : NULL;
  if (target_node != NULL && !zz_node_card_has_input_for_node (target_node))
    {
      g_set_error (&local_error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   _("A trigger starts the workflow: nothing connects into it"));
      _zz_canvas_show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  edge = zz_workflow_connect_command (self->workflow, source, source_handle, target, NULL,
                                      &local_error);
  if (edge == NULL)
    {
      _zz_canvas_show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

void
_zz_canvas_zoom_by (ZzCanvas *self,
                    double    factor,
                    double    widget_x,
                    double    widget_y)
{
  zz_viewport_zoom_at (self->viewport, zz_viewport_get_zoom (self->viewport) * factor,
                       widget_x, widget_y);
}

/**
 * zz_canvas_centre_node:
 *
 * Puts @node in the middle of the view, at a zoom where its card reads
 * (100 % when the view is further out than 75 %), as the problems list and
 * the node list do when one of their rows is activated.
 */
void
zz_canvas_centre_node (ZzCanvas *self,
                       ZzNode   *node)
{
  double width, height, zoom;

  g_return_if_fail (ZZ_IS_CANVAS (self));
  g_return_if_fail (ZZ_IS_NODE (node));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 1 || height <= 1)
    return;

  if (zz_viewport_get_zoom (self->viewport) < 0.75)
    zz_viewport_set_zoom (self->viewport, 1.0);
  zoom = zz_viewport_get_zoom (self->viewport);
  zz_viewport_set_offset (self->viewport,
                          zz_node_get_x (node) + ZZ_NODE_CARD_WIDTH / 2 - width / 2 / zoom,
                          zz_node_get_y (node) + ZZ_NODE_CARD_HEIGHT / 2 - height / 2 / zoom);
}

void
zz_canvas_zoom_to_fit (ZzCanvas *self)
{
  graphene_rect_t bounds;
  int             width, height;

  g_return_if_fail (ZZ_IS_CANVAS (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 1 || height <= 1)
    {
      self->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  if (!zz_canvas_nodes_bounds (self, FALSE, &bounds))
    graphene_rect_init (&bounds, 0, 0, 0, 0);
  zz_viewport_fit (self->viewport, bounds.origin.x, bounds.origin.y,
                   bounds.size.width, bounds.size.height, width, height, 48, 1.0);
}

/* Problems ----------------------------------------------------------------- */

void
zz_canvas_set_node_problem (ZzCanvas         *self,
                            const char       *node_id,
                            ZzProblemSeverity severity,
                            const char       *message)
{
  ZzCanvasItem *item;

  g_return_if_fail (ZZ_IS_CANVAS (self));
  g_return_if_fail (node_id != NULL);

  /* Kept by id: a card made later (scrolled into view) shows it too. */
  if (message == NULL)
    g_hash_table_remove (self->node_problems, node_id);
  else
    g_hash_table_replace (self->node_problems, g_strdup (node_id),
                          zz_problem_new (ZZ_PROBLEM_INVALID_CONFIG, severity, node_id, NULL, "%s", message));

  if ((item = g_hash_table_lookup (self->items, node_id)) != NULL && item->card != NULL)
    zz_node_card_set_problem (ZZ_NODE_CARD (item->card), severity, message);
}

/* Minimap ------------------------------------------------------------------ */

gboolean
zz_canvas_get_show_minimap (ZzCanvas *self)
{
  g_return_val_if_fail (ZZ_IS_CANVAS (self), FALSE);

  return self->show_minimap;
}

void
zz_canvas_set_show_minimap (ZzCanvas *self,
                            gboolean  show)
{
  g_return_if_fail (ZZ_IS_CANVAS (self));

  show = !!show;
  if (self->show_minimap == show)
    return;

  self->show_minimap = show;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MINIMAP]);
}

/* Testing ------------------------------------------------------------------ */

GtkWidget *
_zz_canvas_get_card (ZzCanvas   *self,
                     const char *node_id)
{
  ZzCanvasItem *item = g_hash_table_lookup (self->items, node_id);

  return item ? item->card : NULL;
}

guint
zz_canvas_get_n_shown_cards (ZzCanvas *self)
{
  guint n = 0;

  for (guint i = 0; i < self->order->len; i++)
    {
      ZzCanvasItem *item = g_ptr_array_index (self->order, i);

      if (item->card != NULL && gtk_widget_get_child_visible (item->card))
        n++;
    }

  return n;
}

/* GObject ------------------------------------------------------------------ */

static void
on_viewport_changed_cb (ZzCanvas   *self,
                        GParamSpec *pspec,
                        ZzViewport *viewport)
{
  /* The scene texture is kept while the view stays inside it
   * (zz-canvas-render.c decides). */
  if (!self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zz_canvas_dispose (GObject *object)
{
  ZzCanvas *self = ZZ_CANVAS (object);

  zz_canvas_set_workflow (self, NULL);
  _zz_canvas_dispose_menus (self);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->edges_cache, gsk_render_node_unref);
  g_clear_pointer (&self->shapes_cache, gsk_render_node_unref);
  g_clear_pointer (&self->scene, gsk_render_node_unref);
  g_clear_object (&self->viewport);

  G_OBJECT_CLASS (zz_canvas_parent_class)->dispose (object);
}

static void
zz_canvas_finalize (GObject *object)
{
  ZzCanvas *self = ZZ_CANVAS (object);

  g_clear_pointer (&self->selected_nodes, g_hash_table_unref);
  g_clear_pointer (&self->selected_edges, g_hash_table_unref);
  g_clear_pointer (&self->node_statuses, g_hash_table_unref);
  g_clear_pointer (&self->node_problems, g_hash_table_unref);
  g_clear_pointer (&self->band_base, g_hash_table_unref);
  g_free (self->drag_node_id);
  g_free (self->drag_handle);
  g_free (self->drop_node_id);
  g_free (self->drag_edge_id);
  g_clear_object (&self->workflow_signals);
  g_clear_object (&self->nodes_signals);
  g_clear_object (&self->edges_signals);

  G_OBJECT_CLASS (zz_canvas_parent_class)->finalize (object);
}

static void
zz_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZzCanvas *self = ZZ_CANVAS (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;
    case PROP_SHOW_MINIMAP:
      g_value_set_boolean (value, self->show_minimap);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZzCanvas *self = ZZ_CANVAS (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      zz_canvas_set_workflow (self, g_value_get_object (value));
      break;
    case PROP_SHOW_MINIMAP:
      zz_canvas_set_show_minimap (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_canvas_class_init (ZzCanvasClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_canvas_dispose;
  object_class->finalize = zz_canvas_finalize;
  object_class->get_property = zz_canvas_get_property;
  object_class->set_property = zz_canvas_set_property;
  widget_class->measure = zz_canvas_measure;
  widget_class->size_allocate = zz_canvas_size_allocate;
  widget_class->snapshot = _zz_canvas_snapshot;
  widget_class->css_changed = zz_canvas_css_changed;
  widget_class->set_focus_child = zz_canvas_set_focus_child;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, ZZ_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL, ZZ_TYPE_VIEWPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The canvas.show-minimap action's state. */
  properties[PROP_SHOW_MINIMAP] =
    g_param_spec_boolean ("show-minimap", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _zz_canvas_class_init_actions (widget_class);
  _zz_canvas_class_init_menus (widget_class);
  gtk_widget_class_install_property_action (widget_class, "canvas.show-minimap", "show-minimap");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "canvas.show-minimap", NULL);

  gtk_widget_class_set_css_name (widget_class, "zzcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
zz_canvas_init (ZzCanvas *self)
{
  self->viewport = zz_viewport_new ();
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, zz_canvas_item_free);
  self->order = g_ptr_array_new ();
  self->selected_nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->selected_edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->node_statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) _zz_canvas_node_run_state_free);
  self->node_problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) zz_problem_free);
  self->pointer_x = self->pointer_y = -1;

  g_signal_connect_object (self->viewport, "notify",
                           G_CALLBACK (on_viewport_changed_cb), self, G_CONNECT_SWAPPED);

  self->workflow_signals = g_signal_group_new (ZZ_TYPE_WORKFLOW);
  g_signal_group_connect_object (self->workflow_signals, "notify::can-undo",
                                 G_CALLBACK (on_history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->workflow_signals, "notify::can-redo",
                                 G_CALLBACK (on_history_changed_cb), self, G_CONNECT_SWAPPED);
  self->nodes_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->nodes_signals, "items-changed",
                                 G_CALLBACK (on_nodes_changed_cb), self, G_CONNECT_SWAPPED);
  self->edges_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->edges_signals, "items-changed",
                                 G_CALLBACK (on_edges_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Workflow Canvas"), -1);

  _zz_canvas_init_input (self);
  _zz_canvas_init_menus (self);
  _zz_canvas_update_actions (self);
}

GtkWidget *
zz_canvas_new (void)
{
  return g_object_new (ZZ_TYPE_CANVAS, NULL);
}

ZzWorkflow *
zz_canvas_get_workflow (ZzCanvas *self)
{
  g_return_val_if_fail (ZZ_IS_CANVAS (self), NULL);

  return self->workflow;
}

void
zz_canvas_set_workflow (ZzCanvas   *self,
                        ZzWorkflow *workflow)
{
  gboolean had_selection;

  g_return_if_fail (ZZ_IS_CANVAS (self));
  g_return_if_fail (workflow == NULL || ZZ_IS_WORKFLOW (workflow));

  if (self->workflow == workflow)
    return;

  g_set_object (&self->workflow, workflow);
  g_signal_group_set_target (self->workflow_signals, workflow);
  g_signal_group_set_target (self->nodes_signals, workflow ? zz_workflow_get_nodes (workflow) : NULL);
  g_signal_group_set_target (self->edges_signals, workflow ? zz_workflow_get_edges (workflow) : NULL);
  self->drag = ZZ_CANVAS_DRAG_NONE;
  had_selection = g_hash_table_size (self->selected_nodes) > 0 ||
                  g_hash_table_size (self->selected_edges) > 0;
  _zz_canvas_clear_selection (self);

  if (self->items != NULL)
    zz_canvas_sync_nodes (self);
  if (workflow != NULL)
    zz_canvas_zoom_to_fit (self);

  _zz_canvas_update_actions (self);
  if (had_selection)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW]);
}

ZzViewport *
zz_canvas_get_viewport (ZzCanvas *self)
{
  g_return_val_if_fail (ZZ_IS_CANVAS (self), NULL);

  return self->viewport;
}
