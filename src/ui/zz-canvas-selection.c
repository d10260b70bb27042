/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas-selection.c: which nodes and edges are selected, by id, kept
 * in document order for callers; zz-canvas.c tells the cards and
 * listeners when it changed (_zz_canvas_selection_changed). */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include "zz-canvas-private.h"

gboolean
_zz_canvas_is_selected (ZzCanvas   *self,
                        const char *node_id)
{
  return g_hash_table_contains (self->selected_nodes, node_id);
}

void
_zz_canvas_set_node_selected (ZzCanvas   *self,
                              const char *node_id,
                              gboolean    selected)
{
  if (selected && g_hash_table_contains (self->items, node_id))
    g_hash_table_add (self->selected_nodes, g_strdup (node_id));
  else
    g_hash_table_remove (self->selected_nodes, node_id);
}

void
_zz_canvas_set_edge_selected (ZzCanvas   *self,
                              const char *edge_id,
                              gboolean    selected)
{
  if (selected)
    g_hash_table_add (self->selected_edges, g_strdup (edge_id));
  else
    g_hash_table_remove (self->selected_edges, edge_id);
}

void
_zz_canvas_clear_selection (ZzCanvas *self)
{
  g_hash_table_remove_all (self->selected_nodes);
  g_hash_table_remove_all (self->selected_edges);
}

char **
zz_canvas_get_selected_node_ids (ZzCanvas *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ZZ_IS_CANVAS (self), NULL);

  for (guint i = 0; i < self->order->len; i++)
    {
      ZzCanvasItem *item = g_ptr_array_index (self->order, i);

      if (g_hash_table_contains (self->selected_nodes, zz_node_get_id (item->node)))
        g_strv_builder_add (builder, zz_node_get_id (item->node));
    }

  return g_strv_builder_end (builder);
}

char **
_zz_canvas_dup_selected_edges (ZzCanvas *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *edges;
  guint       n;

  if (self->workflow == NULL)
    return g_strv_builder_end (builder);

  edges = zz_workflow_get_edges (self->workflow);
  n = g_list_model_get_n_items (edges);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);

      if (g_hash_table_contains (self->selected_edges, zz_edge_get_id (edge)))
        g_strv_builder_add (builder, zz_edge_get_id (edge));
    }

  return g_strv_builder_end (builder);
}

void
zz_canvas_select_nodes (ZzCanvas          *self,
                        const char *const *node_ids)
{
  g_return_if_fail (ZZ_IS_CANVAS (self));

  _zz_canvas_clear_selection (self);
  for (guint i = 0; node_ids != NULL && node_ids[i] != NULL; i++)
    _zz_canvas_set_node_selected (self, node_ids[i], TRUE);
  _zz_canvas_selection_changed (self);
}

void
zz_canvas_select_all (ZzCanvas *self)
{
  g_return_if_fail (ZZ_IS_CANVAS (self));

  g_hash_table_remove_all (self->selected_edges);
  for (guint i = 0; i < self->order->len; i++)
    {
      ZzCanvasItem *item = g_ptr_array_index (self->order, i);

      _zz_canvas_set_node_selected (self, zz_node_get_id (item->node), TRUE);
    }
  _zz_canvas_selection_changed (self);
}

void
zz_canvas_unselect_all (ZzCanvas *self)
{
  g_return_if_fail (ZZ_IS_CANVAS (self));

  if (g_hash_table_size (self->selected_nodes) == 0 && g_hash_table_size (self->selected_edges) == 0)
    return;

  _zz_canvas_clear_selection (self);
  _zz_canvas_selection_changed (self);
}
