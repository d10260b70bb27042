/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-commands.c: every edit the UI makes, as one undoable step
 *
 * Each command checks what it is asked, refuses with a message for the
 * user or opens a group and pushes its primitive operations onto the
 * history (zz-workflow-history.c); the clipboard is read and written as
 * Zzyra JSON here too, since pasting is a command.
 */
#define G_LOG_DOMAIN "zz-workflow-commands"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-id.h"
#include "zz-json.h"
#include "zz-workflow-graph-private.h"
#include "zz-workflow-history.h"
#include "zz-workflow-history-private.h"
#include "zz-workflow-private.h"

/* Helpers of the commands */

static gboolean
lookup_nodes (ZzWorkflow        *self,
              const char *const *node_ids,
              GError           **error)
{
  for (guint i = 0; node_ids[i] != NULL; i++)
    {
      if (zz_workflow_find_node (self, node_ids[i]) == NULL)
        {
          g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND,
                       _("The workflow has no node “%s”"), node_ids[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static ZzNode *
lookup_node (ZzWorkflow *self,
             const char *node_id,
             GError    **error)
{
  ZzNode *node = zz_workflow_find_node (self, node_id);

  if (node == NULL)
    g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND,
                 _("The workflow has no node “%s”"), node_id);

  return node;
}

/* A new id no node and no edge of @self has. */
static char *
new_unique_id (ZzWorkflow *self)
{
  for (;;)
    {
      g_autofree char *id = zz_id_new ();

      if (zz_workflow_find_node (self, id) == NULL && zz_workflow_find_edge (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/* Removes every item of @model (nodes or edges) that @doomed holds, last
 * first, so that each recorded position is right when undo puts the items
 * back first first. */
static void
push_removals (ZzWorkflow *self,
               GListModel *model,
               GHashTable *doomed)
{
  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i - 1);

      if (g_hash_table_contains (doomed, item))
        _zz_workflow_push_remove (self, item, i - 1);
    }
}

/* Commands */

gboolean
zz_workflow_add_node_command (ZzWorkflow *self,
                              ZzNode     *node,
                              GError    **error)
{
  GListModel *nodes;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (ZZ_IS_NODE (node), FALSE);

  if (zz_workflow_find_node (self, zz_node_get_id (node)) != NULL)
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_DUPLICATE_ID,
                   _("The workflow already has a node “%s”"), zz_node_get_id (node));
      return FALSE;
    }

  nodes = zz_workflow_get_nodes (self);
  zz_workflow_begin_group (self, _("Add Node"));
  _zz_workflow_push_insert (self, node, g_list_model_get_n_items (nodes));
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_remove_nodes_command (ZzWorkflow        *self,
                                  const char *const *node_ids,
                                  GError           **error)
{
  g_autoptr(GHashTable) doomed_nodes = NULL;
  g_autoptr(GHashTable) doomed_edges = NULL;
  GListModel *edges;
  guint       n_edges;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (node_ids != NULL, FALSE);

  if (!lookup_nodes (self, node_ids, error))
    return FALSE;

  doomed_nodes = g_hash_table_new (NULL, NULL);
  for (guint i = 0; node_ids[i] != NULL; i++)
    g_hash_table_add (doomed_nodes, zz_workflow_find_node (self, node_ids[i]));

  edges = zz_workflow_get_edges (self);
  n_edges = g_list_model_get_n_items (edges);
  doomed_edges = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_edges; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);
      ZzNode *source = zz_workflow_find_node (self, zz_edge_get_source (edge));
      ZzNode *target = zz_workflow_find_node (self, zz_edge_get_target (edge));

      if ((source != NULL && g_hash_table_contains (doomed_nodes, source)) || (target != NULL && g_hash_table_contains (doomed_nodes, target)))
        g_hash_table_add (doomed_edges, edge);
    }

  zz_workflow_begin_group (self, g_dngettext (GETTEXT_PACKAGE, "Delete Node", "Delete Nodes",
                                              g_hash_table_size (doomed_nodes)));
  /* Edges first, so that no view sees an edge to a node that is gone. */
  push_removals (self, edges, doomed_edges);
  push_removals (self, zz_workflow_get_nodes (self), doomed_nodes);
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_move_nodes_command (ZzWorkflow        *self,
                                const char *const *node_ids,
                                const double      *x,
                                const double      *y,
                                GError           **error)
{
  guint n;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (node_ids != NULL, FALSE);

  n = g_strv_length ((char **) node_ids);
  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), FALSE);

  if (!lookup_nodes (self, node_ids, error))
    return FALSE;

  zz_workflow_begin_group (self, g_dngettext (GETTEXT_PACKAGE, "Move Node", "Move Nodes", n));
  for (guint i = 0; i < n; i++)
    {
      ZzNode *node = zz_workflow_find_node (self, node_ids[i]);

      if (zz_node_get_x (node) == x[i] && zz_node_get_y (node) == y[i])
        continue;

      _zz_workflow_push_position (self, node_ids[i], zz_node_get_x (node), zz_node_get_y (node),
                                  x[i], y[i]);
    }
  zz_workflow_end_group (self);

  return TRUE;
}

static const char *
node_name (ZzWorkflow *self,
           const char *node_id)
{
  ZzNode     *node = zz_workflow_find_node (self, node_id);
  const char *label = node != NULL ? zz_node_get_label (node) : NULL;

  return label != NULL && *label != '\0' ? label : node_id;
}

/* A path of node ids from @from to @to over the edges, or %NULL. An edge
 * from or to an id no node has still links its ends. The ids belong to
 * the document's nodes and edges. */
static GPtrArray *
find_path (ZzWorkflow *self,
           const char *from,
           const char *to)
{
  g_autoptr(ZzWorkflowGraph) graph = _zz_workflow_graph_new_with_missing (self);
  guint n_vertices = _zz_workflow_graph_get_n_vertices (graph);
  /* vertex -> the vertex it was reached from (@from: itself), or G_MAXUINT */
  g_autofree guint *reached_from = g_new (guint, n_vertices);
  /* Each vertex is pushed once at the most: when it is first reached. */
  g_autofree guint *stack = g_new (guint, n_vertices);
  guint             depth = 0;
  guint             start, goal;
  GPtrArray        *path;

  if (!_zz_workflow_graph_lookup (graph, from, &start) || !_zz_workflow_graph_lookup (graph, to, &goal))
    return NULL;

  for (guint v = 0; v < n_vertices; v++)
    reached_from[v] = G_MAXUINT;

  reached_from[start] = start;
  stack[depth++] = start;
  while (depth > 0)
    {
      guint        v = stack[--depth];
      guint        n_next;
      const guint *next;

      if (v == goal)
        break;

      next = _zz_workflow_graph_get_successors (graph, v, &n_next);
      for (guint i = 0; i < n_next; i++)
        {
          if (reached_from[next[i]] == G_MAXUINT)
            {
              reached_from[next[i]] = v;
              stack[depth++] = next[i];
            }
        }
    }

  if (reached_from[goal] == G_MAXUINT)
    return NULL;

  path = g_ptr_array_new ();
  for (guint v = goal;; v = reached_from[v])
    {
      g_ptr_array_insert (path, 0, (char *) _zz_workflow_graph_get_id (graph, v));
      if (v == start)
        break;
    }

  return path;
}

ZzEdge *
zz_workflow_connect_command (ZzWorkflow *self,
                             const char *source,
                             const char *source_handle,
                             const char *target,
                             const char *target_handle,
                             GError    **error)
{
  g_autoptr(ZzEdge) edge = NULL;
  g_autoptr(GPtrArray) loop = NULL;
  g_autofree char *id = NULL;
  GListModel      *edges;
  guint            n_edges;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  for (guint i = 0; i < 2; i++)
    {
      const char *node_id = i == 0 ? source : target;

      if (zz_workflow_find_node (self, node_id) == NULL)
        {
          g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                       _("The workflow has no node “%s”"), node_id);
          return NULL;
        }
    }

  if (g_str_equal (source, target))
    {
      g_set_error_literal (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                           _("A node cannot be connected to itself"));
      return NULL;
    }

  edges = zz_workflow_get_edges (self);
  n_edges = g_list_model_get_n_items (edges);
  for (guint i = 0; i < n_edges; i++)
    {
      g_autoptr(ZzEdge) other = g_list_model_get_item (edges, i);

      if (g_strcmp0 (zz_edge_get_source (other), source) == 0 && g_strcmp0 (zz_edge_get_target (other), target) == 0 && g_strcmp0 (zz_edge_get_source_handle (other), source_handle) == 0 && g_strcmp0 (zz_edge_get_target_handle (other), target_handle) == 0)
        {
          g_set_error_literal (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                               _("These nodes are already connected"));
          return NULL;
        }
    }

  /* The new edge closes a loop when @source is reachable from @target. */
  loop = find_path (self, target, source);
  if (loop != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      /* Translators: a node's name in a loop "“A” → “B” → “A”" */
      g_string_append_printf (names, _("“%s”"), node_name (self, source));
      for (guint i = 0; i < loop->len; i++)
        {
          g_string_append (names, " → ");
          g_string_append_printf (names, _("“%s”"),
                                            node_name (self, g_ptr_array_index (loop, i)));
        }

      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   _("This connection would make a loop: %s"), names->str);
      return NULL;
    }

  id = new_unique_id (self);
  edge = zz_edge_new (id, source, source_handle, target, target_handle);

  zz_workflow_begin_group (self, _("Connect Nodes"));
  _zz_workflow_push_insert (self, edge, n_edges);
  zz_workflow_end_group (self);

  return edge;
}

gboolean
zz_workflow_remove_edges_command (ZzWorkflow        *self,
                                  const char *const *edge_ids,
                                  GError           **error)
{
  g_autoptr(GHashTable) doomed = NULL;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (edge_ids != NULL, FALSE);

  doomed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; edge_ids[i] != NULL; i++)
    {
      ZzEdge *edge = zz_workflow_find_edge (self, edge_ids[i]);

      if (edge == NULL)
        {
          g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND,
                       _("The workflow has no edge “%s”"), edge_ids[i]);
          return FALSE;
        }
      g_hash_table_add (doomed, edge);
    }

  zz_workflow_begin_group (self, g_dngettext (GETTEXT_PACKAGE, "Delete Connection",
                                              "Delete Connections", g_hash_table_size (doomed)));
  push_removals (self, zz_workflow_get_edges (self), doomed);
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_set_node_label_command (ZzWorkflow *self,
                                    const char *node_id,
                                    const char *label,
                                    GError    **error)
{
  ZzNode *node;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  node = lookup_node (self, node_id, error);
  if (node == NULL)
    return FALSE;
  if (g_strcmp0 (zz_node_get_label (node), label) == 0)
    return TRUE;

  zz_workflow_begin_group (self, _("Rename Node"));
  _zz_workflow_push_label (self, node_id, zz_node_get_label (node), label);
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_set_node_enabled_command (ZzWorkflow *self,
                                      const char *node_id,
                                      gboolean    enabled,
                                      GError    **error)
{
  ZzNode *node;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  node = lookup_node (self, node_id, error);
  if (node == NULL)
    return FALSE;
  enabled = !!enabled;
  if (!!zz_node_get_enabled (node) == enabled)
    return TRUE;

  zz_workflow_begin_group (self, enabled ? _("Enable Node") : _("Disable Node"));
  _zz_workflow_push_enabled (self, node_id, !enabled, enabled);
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_set_node_config_command (ZzWorkflow *self,
                                     const char *node_id,
                                     JsonObject *config,
                                     GError    **error)
{
  g_autoptr(JsonObject) new_config = NULL;
  ZzNode *node;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  node = lookup_node (self, node_id, error);
  if (node == NULL)
    return FALSE;
  /* Edited in place, the old config is gone: nothing to undo to. */
  g_return_val_if_fail (config == NULL || config != zz_node_get_config (node), FALSE);

  new_config = config != NULL ? zz_json_object_deep_copy (config) : json_object_new ();
  if (json_object_equal (new_config, zz_node_get_config (node)))
    return TRUE;

  zz_workflow_begin_group (self, _("Change Node Settings"));
  _zz_workflow_push_config (self, node_id, zz_json_object_deep_copy (zz_node_get_config (node)),
                            g_steal_pointer (&new_config));
  zz_workflow_end_group (self);

  return TRUE;
}

/* Clipboard */

char *
zz_workflow_copy_nodes (ZzWorkflow        *self,
                        const char *const *node_ids)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray  *nodes_json = json_array_new ();
  JsonArray  *edges_json = json_array_new ();
  GListModel *nodes;
  GListModel *edges;
  guint       n;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (node_ids != NULL, NULL);

  json_object_set_array_member (object, "nodes", nodes_json);
  json_object_set_array_member (object, "edges", edges_json);

  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; node_ids[i] != NULL; i++)
    g_hash_table_add (wanted, (char *) node_ids[i]);

  nodes = zz_workflow_get_nodes (self);
  n = g_list_model_get_n_items (nodes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);

      if (g_hash_table_contains (wanted, zz_node_get_id (node)))
        json_array_add_object_element (nodes_json, zz_node_to_json (node));
    }

  edges = zz_workflow_get_edges (self);
  n = g_list_model_get_n_items (edges);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);

      if (g_hash_table_contains (wanted, zz_edge_get_source (edge)) && g_hash_table_contains (wanted, zz_edge_get_target (edge)))
        json_array_add_object_element (edges_json, zz_edge_to_json (edge));
    }

  return zz_json_object_to_string (object, TRUE);
}

static gboolean
get_clipboard_lists (JsonNode   *root,
                     JsonArray **nodes,
                     JsonArray **edges,
                     GError    **error)
{
  JsonObject *object;
  JsonNode   *member;

  *nodes = NULL;
  *edges = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      *nodes = json_node_get_array (root);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) || (member = json_object_get_member (json_node_get_object (root), "nodes")) == NULL)
    {
      g_set_error_literal (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                           _("The clipboard holds no Zzyra nodes"));
      return FALSE;
    }

  object = json_node_get_object (root);
  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   /* Translators: %s is "nodes" or "edges", a JSON key */
                   _("“%s” is not a list"), "nodes");
      return FALSE;
    }
  *nodes = json_node_get_array (member);

  member = json_object_get_member (object, "edges");
  if (member != NULL && !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   _("“%s” is not a list"), "edges");
      return FALSE;
    }
  if (member != NULL)
    *edges = json_node_get_array (member);

  return TRUE;
}

char **
zz_workflow_paste_command (ZzWorkflow *self,
                           const char *text,
                           double      dx,
                           double      dy,
                           GError    **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(GHashTable) new_ids = NULL;
  g_autoptr(GStrvBuilder) result = NULL;
  JsonArray *nodes_json;
  JsonArray *edges_json;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  root = zz_json_parse (text, -1, error);
  if (root == NULL)
    return NULL;

  if (!get_clipboard_lists (root, &nodes_json, &edges_json, error) || (nodes = _zz_workflow_read_nodes (nodes_json, error)) == NULL || (edges = _zz_workflow_read_edges (edges_json, error)) == NULL)
    return NULL;

  /* old id -> new id; a file's second node of one id gets its own copy,
   * edges go to the first. */
  new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  result = g_strv_builder_new ();

  zz_workflow_begin_group (self, _("Paste"));

  for (guint i = 0; i < nodes->len; i++)
    {
      ZzNode          *node = g_ptr_array_index (nodes, i);
      g_autofree char *id = new_unique_id (self);
      g_autoptr(ZzNode) copy = zz_node_copy (node, id);
      GListModel *list = zz_workflow_get_nodes (self);

      zz_node_set_position (copy, zz_node_get_x (node) + dx, zz_node_get_y (node) + dy);
      if (!g_hash_table_contains (new_ids, zz_node_get_id (node)))
        g_hash_table_insert (new_ids, (char *) zz_node_get_id (node), g_strdup (id));
      g_strv_builder_add (result, id);

      _zz_workflow_push_insert (self, copy, g_list_model_get_n_items (list));
    }

  for (guint i = 0; i < edges->len; i++)
    {
      ZzEdge          *edge = g_ptr_array_index (edges, i);
      const char      *source = g_hash_table_lookup (new_ids, zz_edge_get_source (edge));
      const char      *target = g_hash_table_lookup (new_ids, zz_edge_get_target (edge));
      g_autofree char *id = NULL;
      g_autoptr(ZzEdge) copy = NULL;
      GListModel *list = zz_workflow_get_edges (self);

      if (source == NULL || target == NULL)
        continue;

      id = new_unique_id (self);
      copy = zz_edge_copy (edge, id, source, target);
      _zz_workflow_push_insert (self, copy, g_list_model_get_n_items (list));
    }

  zz_workflow_end_group (self);

  return g_strv_builder_end (result);
}

char **
zz_workflow_duplicate_nodes_command (ZzWorkflow        *self,
                                     const char *const *node_ids,
                                     double             dx,
                                     double             dy,
                                     GError           **error)
{
  g_autofree char *text = NULL;
  char           **new_ids;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (node_ids != NULL, NULL);

  if (!lookup_nodes (self, node_ids, error))
    return NULL;

  text = zz_workflow_copy_nodes (self, node_ids);
  zz_workflow_begin_group (self, _("Duplicate"));
  new_ids = zz_workflow_paste_command (self, text, dx, dy, error);
  zz_workflow_end_group (self);

  return new_ids;
}

gboolean
zz_workflow_replace_contents_command (ZzWorkflow *self,
                                      ZzWorkflow *source,
                                      const char *name,
                                      GError    **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) all_nodes = NULL;
  g_autoptr(GHashTable) all_edges = NULL;
  GListModel *nodes, *edges;
  guint       n_nodes, n_edges;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (ZZ_IS_WORKFLOW (source), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* The history inserts by id: refuse before changing anything. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  nodes = zz_workflow_get_nodes (source);
  n_nodes = g_list_model_get_n_items (nodes);
  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);

      if (!g_hash_table_add (seen, (gpointer) zz_node_get_id (node)))
        {
          g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_DUPLICATE_ID,
                       _("The workflow already has a node “%s”"), zz_node_get_id (node));
          return FALSE;
        }
    }
  g_hash_table_remove_all (seen);
  edges = zz_workflow_get_edges (source);
  n_edges = g_list_model_get_n_items (edges);
  for (guint i = 0; i < n_edges; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);

      if (!g_hash_table_add (seen, (gpointer) zz_edge_get_id (edge)))
        {
          g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_DUPLICATE_ID,
                       _("The workflow already has an edge “%s”"), zz_edge_get_id (edge));
          return FALSE;
        }
    }

  /* Keyed by the items themselves, a reference each. */
  all_nodes = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  for (guint i = 0; i < zz_workflow_get_n_nodes (self); i++)
    g_hash_table_add (all_nodes, g_list_model_get_item (zz_workflow_get_nodes (self), i));
  all_edges = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (zz_workflow_get_edges (self)); i++)
    g_hash_table_add (all_edges, g_list_model_get_item (zz_workflow_get_edges (self), i));

  zz_workflow_begin_group (self, name);
  push_removals (self, zz_workflow_get_edges (self), all_edges);
  push_removals (self, zz_workflow_get_nodes (self), all_nodes);

  /* Copies: @source keeps its own, and ours belong to no other document. */
  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);
      g_autoptr(ZzNode) copy = zz_node_copy (node, NULL);

      _zz_workflow_push_insert (self, copy, i);
    }
  for (guint i = 0; i < n_edges; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);
      g_autoptr(ZzEdge) copy = zz_edge_copy (edge, NULL, NULL, NULL);

      _zz_workflow_push_insert (self, copy, i);
    }
  zz_workflow_end_group (self);

  return TRUE;
}
