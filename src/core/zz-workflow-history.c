/* zz-workflow-history.c: the document's undo/redo stack and its commands
 *
 * A step is a list of primitive operations (insert or remove one node or
 * edge at a list position, set one property of one node), each recording
 * both the value before and after. Every command opens a group, applies its
 * operations one by one through the document's mutators, and closes the
 * group, which pushes the step: a zz_workflow_begin_group() of the caller
 * simply makes the group the command opens an inner one. Undo replays a
 * step's operations backwards in reverse order, so removals recorded with
 * their positions put everything back exactly where it was.
 */
#define G_LOG_DOMAIN "zz-workflow-history"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-id.h"
#include "zz-json.h"
#include "zz-workflow-graph-private.h"
#include "zz-workflow-history.h"
#include "zz-workflow-private.h"

#define HISTORY_LIMIT 500

typedef enum
{
  OP_NODE,        /* insert (forwards) or remove a node at a position */
  OP_EDGE,        /* insert (forwards) or remove an edge at a position */
  OP_POSITION,
  OP_LABEL,
  OP_ENABLED,
  OP_CONFIG,
} OpKind;

typedef struct
{
  OpKind kind;
  union
  {
    struct
    {
      GObject  *item;      /* the ZzNode or ZzEdge itself, kept while out */
      guint     position;
      gboolean  insert;    /* FALSE: the op removes, and undo inserts */
    } list;
    struct
    {
      char *node_id;
      union
      {
        struct { double x, y; } position;
        char       *label;
        gboolean    enabled;
        JsonObject *config;
      } values[2];         /* [0] before, [1] after */
    } set;
  };
} Op;

typedef struct
{
  char      *name;
  GPtrArray *ops;          /* (element-type Op) in the order applied */
  guint      serial;       /* names the state after this step */
} Step;

struct _ZzWorkflowHistory
{
  GQueue    undo;          /* (element-type Step) most recent first */
  GQueue    redo;          /* (element-type Step) next to redo first */
  Step     *group;         /* the step being built, or %NULL */
  guint     group_depth;

  guint     next_serial;
  guint     base_serial;   /* the state when the undo stack is empty */
  guint     saved_serial;

  /* As last notified. */
  gboolean  can_undo;
  gboolean  can_redo;
  gboolean  modified;
};

static void
op_free (Op *op)
{
  switch (op->kind)
    {
    case OP_NODE:
    case OP_EDGE:
      g_clear_object (&op->list.item);
      break;

    case OP_LABEL:
      g_free (op->set.values[0].label);
      g_free (op->set.values[1].label);
      break;

    case OP_CONFIG:
      g_clear_pointer (&op->set.values[0].config, json_object_unref);
      g_clear_pointer (&op->set.values[1].config, json_object_unref);
      break;

    case OP_POSITION:
    case OP_ENABLED:
    default:
      break;
    }

  if (op->kind != OP_NODE && op->kind != OP_EDGE)
    g_free (op->set.node_id);

  g_free (op);
}

static Op *
op_new_set (OpKind      kind,
            const char *node_id)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->set.node_id = g_strdup (node_id);

  return op;
}

static Op *
op_new_list (OpKind    kind,
             gpointer  item,
             guint     position,
             gboolean  insert)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->list.item = g_object_ref (item);
  op->list.position = position;
  op->list.insert = insert;

  return op;
}

static void
step_free (Step *step)
{
  g_free (step->name);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

ZzWorkflowHistory *
_zz_workflow_history_new (void)
{
  ZzWorkflowHistory *history = g_new0 (ZzWorkflowHistory, 1);

  g_queue_init (&history->undo);
  g_queue_init (&history->redo);
  history->next_serial = 1;

  return history;
}

void
_zz_workflow_history_free (ZzWorkflowHistory *history)
{
  g_queue_clear_full (&history->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&history->redo, (GDestroyNotify) step_free);
  g_clear_pointer (&history->group, step_free);
  g_free (history);
}

static guint
current_serial (ZzWorkflowHistory *history)
{
  Step *top = g_queue_peek_head (&history->undo);

  return top != NULL ? top->serial : history->base_serial;
}

/* Notifies the properties whose value changed since the last call. */
static void
update_state (ZzWorkflow *self)
{
  ZzWorkflowHistory *history = _zz_workflow_get_history (self);
  gboolean can_undo = !g_queue_is_empty (&history->undo);
  gboolean can_redo = !g_queue_is_empty (&history->redo);
  gboolean modified = current_serial (history) != history->saved_serial;
  gboolean notify_undo = can_undo != history->can_undo;
  gboolean notify_redo = can_redo != history->can_redo;
  gboolean notify_modified = modified != history->modified;

  history->can_undo = can_undo;
  history->can_redo = can_redo;
  history->modified = modified;

  _zz_workflow_notify_history (self, notify_undo, notify_redo, notify_modified);
}

static ZzNode *
find_node (ZzWorkflow *self,
           const char *node_id)
{
  ZzNode *node = zz_workflow_find_node (self, node_id);

  if (node == NULL)
    g_warning ("The history names a node “%s” the workflow no longer has: "
               "was it edited outside a command?", node_id);

  return node;
}

static void
apply_list_op (ZzWorkflow *self,
               Op         *op,
               gboolean    insert)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (op->kind == OP_NODE && insert)
    done = _zz_workflow_insert_node (self, ZZ_NODE (op->list.item), op->list.position, &error);
  else if (op->kind == OP_NODE)
    done = zz_workflow_remove_node (self, zz_node_get_id (ZZ_NODE (op->list.item)), &error);
  else if (insert)
    done = _zz_workflow_insert_edge (self, ZZ_EDGE (op->list.item), op->list.position, &error);
  else
    done = zz_workflow_remove_edge (self, zz_edge_get_id (ZZ_EDGE (op->list.item)), &error);

  if (!done)
    g_warning ("Cannot replay the history: %s", error->message);
}

/* @forwards: do (TRUE) or undo (FALSE) */
static void
apply_op (ZzWorkflow *self,
          Op         *op,
          gboolean    forwards)
{
  guint i = forwards ? 1 : 0;
  ZzNode *node;

  if (op->kind == OP_NODE || op->kind == OP_EDGE)
    {
      apply_list_op (self, op, op->list.insert == forwards);
      return;
    }

  node = find_node (self, op->set.node_id);
  if (node == NULL)
    return;

  switch (op->kind)
    {
    case OP_POSITION:
      zz_node_set_position (node, op->set.values[i].position.x, op->set.values[i].position.y);
      break;

    case OP_LABEL:
      zz_node_set_label (node, op->set.values[i].label);
      break;

    case OP_ENABLED:
      zz_node_set_enabled (node, op->set.values[i].enabled);
      break;

    case OP_CONFIG:
      {
        /* A copy, so that editing the node's config in place later cannot
         * change what the history restores. */
        g_autoptr(JsonObject) config = zz_json_object_deep_copy (op->set.values[i].config);

        zz_node_set_config (node, config);
      }
      break;

    case OP_NODE:
    case OP_EDGE:
    default:
      g_assert_not_reached ();
    }
}

/* Applies @op (taking it) and records it in the open group. */
static void
push_op (ZzWorkflow *self,
         Op         *op)
{
  ZzWorkflowHistory *history = _zz_workflow_get_history (self);

  g_return_if_fail (history->group != NULL);

  apply_op (self, op, TRUE);
  g_ptr_array_add (history->group->ops, op);
}

/* Groups */

void
zz_workflow_begin_group (ZzWorkflow *self,
                         const char *name)
{
  ZzWorkflowHistory *history;

  g_return_if_fail (ZZ_IS_WORKFLOW (self));
  g_return_if_fail (name != NULL);

  history = _zz_workflow_get_history (self);
  if (history->group_depth++ > 0)
    return;

  history->group = g_new0 (Step, 1);
  history->group->name = g_strdup (name);
  history->group->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
}

void
zz_workflow_end_group (ZzWorkflow *self)
{
  ZzWorkflowHistory *history;
  Step *step;

  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  history = _zz_workflow_get_history (self);
  g_return_if_fail (history->group_depth > 0);

  if (--history->group_depth > 0)
    return;

  step = g_steal_pointer (&history->group);
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }

  step->serial = history->next_serial++;
  g_queue_push_head (&history->undo, step);
  g_queue_clear_full (&history->redo, (GDestroyNotify) step_free);

  while (g_queue_get_length (&history->undo) > HISTORY_LIMIT)
    {
      Step *oldest = g_queue_pop_tail (&history->undo);

      history->base_serial = oldest->serial;
      step_free (oldest);
    }

  update_state (self);
}

/* Undo and redo */

gboolean
zz_workflow_can_undo (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);

  return !g_queue_is_empty (&_zz_workflow_get_history (self)->undo);
}

gboolean
zz_workflow_can_redo (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);

  return !g_queue_is_empty (&_zz_workflow_get_history (self)->redo);
}

const char *
zz_workflow_get_undo_name (ZzWorkflow *self)
{
  Step *step;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  step = g_queue_peek_head (&_zz_workflow_get_history (self)->undo);

  return step != NULL ? step->name : NULL;
}

const char *
zz_workflow_get_redo_name (ZzWorkflow *self)
{
  Step *step;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  step = g_queue_peek_head (&_zz_workflow_get_history (self)->redo);

  return step != NULL ? step->name : NULL;
}

/* Takes the newest step of @from, plays its operations (backwards when
 * undoing) and keeps it on @to: undo and redo are the same move. */
static gboolean
replay_step (ZzWorkflow *self,
             gboolean    forward)
{
  ZzWorkflowHistory *history = _zz_workflow_get_history (self);
  GQueue *from = forward ? &history->redo : &history->undo;
  GQueue *to = forward ? &history->undo : &history->redo;
  Step *step;

  g_return_val_if_fail (history->group_depth == 0, FALSE);

  step = g_queue_pop_head (from);
  if (step == NULL)
    return FALSE;

  for (guint i = 0; i < step->ops->len; i++)
    {
      guint index = forward ? i : step->ops->len - 1 - i;

      apply_op (self, g_ptr_array_index (step->ops, index), forward);
    }

  g_queue_push_head (to, step);
  update_state (self);

  return TRUE;
}

gboolean
zz_workflow_undo (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);

  return replay_step (self, FALSE);
}

gboolean
zz_workflow_redo (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);

  return replay_step (self, TRUE);
}

gboolean
zz_workflow_get_modified (ZzWorkflow *self)
{
  ZzWorkflowHistory *history;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);

  history = _zz_workflow_get_history (self);

  return current_serial (history) != history->saved_serial;
}

void
zz_workflow_mark_saved (ZzWorkflow *self)
{
  ZzWorkflowHistory *history;

  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  history = _zz_workflow_get_history (self);
  history->saved_serial = current_serial (history);
  update_state (self);
}

void
zz_workflow_clear_history (ZzWorkflow *self)
{
  ZzWorkflowHistory *history;
  gboolean modified;

  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  history = _zz_workflow_get_history (self);
  g_return_if_fail (history->group_depth == 0);

  modified = zz_workflow_get_modified (self);
  g_queue_clear_full (&history->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&history->redo, (GDestroyNotify) step_free);
  history->base_serial = history->next_serial++;
  if (!modified)
    history->saved_serial = history->base_serial;

  update_state (self);
}

/* Helpers of the commands */

static gboolean
lookup_nodes (ZzWorkflow          *self,
              const char * const  *node_ids,
              GError             **error)
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
lookup_node (ZzWorkflow  *self,
             const char  *node_id,
             GError     **error)
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

      if (zz_workflow_find_node (self, id) == NULL
          && zz_workflow_find_edge (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/* Removes every item of @model (nodes or edges) that @doomed holds, last
 * first, so that each recorded position is right when undo puts the items
 * back first first. */
static void
push_removals (ZzWorkflow *self,
               OpKind      kind,
               GListModel *model,
               GHashTable *doomed)
{
  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i - 1);

      if (g_hash_table_contains (doomed, item))
        push_op (self, op_new_list (kind, item, i - 1, FALSE));
    }
}

/* Commands */

gboolean
zz_workflow_add_node_command (ZzWorkflow  *self,
                              ZzNode      *node,
                              GError     **error)
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
  push_op (self, op_new_list (OP_NODE, node, g_list_model_get_n_items (nodes), TRUE));
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_remove_nodes_command (ZzWorkflow          *self,
                                  const char * const  *node_ids,
                                  GError             **error)
{
  g_autoptr(GHashTable) doomed_nodes = NULL;
  g_autoptr(GHashTable) doomed_edges = NULL;
  GListModel *edges;
  guint n_edges;

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

      if ((source != NULL && g_hash_table_contains (doomed_nodes, source))
          || (target != NULL && g_hash_table_contains (doomed_nodes, target)))
        g_hash_table_add (doomed_edges, edge);
    }

  zz_workflow_begin_group (self, g_dngettext (GETTEXT_PACKAGE, "Delete Node", "Delete Nodes",
                                              g_hash_table_size (doomed_nodes)));
  /* Edges first, so that no view sees an edge to a node that is gone. */
  push_removals (self, OP_EDGE, edges, doomed_edges);
  push_removals (self, OP_NODE, zz_workflow_get_nodes (self), doomed_nodes);
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_move_nodes_command (ZzWorkflow          *self,
                                const char * const  *node_ids,
                                const double        *x,
                                const double        *y,
                                GError             **error)
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
      Op *op;

      if (zz_node_get_x (node) == x[i] && zz_node_get_y (node) == y[i])
        continue;

      op = op_new_set (OP_POSITION, node_ids[i]);
      op->set.values[0].position.x = zz_node_get_x (node);
      op->set.values[0].position.y = zz_node_get_y (node);
      op->set.values[1].position.x = x[i];
      op->set.values[1].position.y = y[i];
      push_op (self, op);
    }
  zz_workflow_end_group (self);

  return TRUE;
}

static const char *
node_name (ZzWorkflow *self,
           const char *node_id)
{
  ZzNode *node = zz_workflow_find_node (self, node_id);
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
  guint depth = 0;
  guint start, goal;
  GPtrArray *path;

  if (!_zz_workflow_graph_lookup (graph, from, &start)
      || !_zz_workflow_graph_lookup (graph, to, &goal))
    return NULL;

  for (guint v = 0; v < n_vertices; v++)
    reached_from[v] = G_MAXUINT;

  reached_from[start] = start;
  stack[depth++] = start;
  while (depth > 0)
    {
      guint v = stack[--depth];
      guint n_next;
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
  for (guint v = goal; ; v = reached_from[v])
    {
      g_ptr_array_insert (path, 0, (char *) _zz_workflow_graph_get_id (graph, v));
      if (v == start)
        break;
    }

  return path;
}

ZzEdge *
zz_workflow_connect_command (ZzWorkflow  *self,
                             const char  *source,
                             const char  *source_handle,
                             const char  *target,
                             const char  *target_handle,
                             GError     **error)
{
  g_autoptr(ZzEdge) edge = NULL;
  g_autoptr(GPtrArray) loop = NULL;
  g_autofree char *id = NULL;
  GListModel *edges;
  guint n_edges;

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

      if (g_strcmp0 (zz_edge_get_source (other), source) == 0
          && g_strcmp0 (zz_edge_get_target (other), target) == 0
          && g_strcmp0 (zz_edge_get_source_handle (other), source_handle) == 0
          && g_strcmp0 (zz_edge_get_target_handle (other), target_handle) == 0)
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
  push_op (self, op_new_list (OP_EDGE, edge, n_edges, TRUE));
  zz_workflow_end_group (self);

  return edge;
}

gboolean
zz_workflow_remove_edges_command (ZzWorkflow          *self,
                                  const char * const  *edge_ids,
                                  GError             **error)
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
  push_removals (self, OP_EDGE, zz_workflow_get_edges (self), doomed);
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_set_node_label_command (ZzWorkflow  *self,
                                    const char  *node_id,
                                    const char  *label,
                                    GError     **error)
{
  ZzNode *node;
  Op *op;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  node = lookup_node (self, node_id, error);
  if (node == NULL)
    return FALSE;
  if (g_strcmp0 (zz_node_get_label (node), label) == 0)
    return TRUE;

  op = op_new_set (OP_LABEL, node_id);
  op->set.values[0].label = g_strdup (zz_node_get_label (node));
  op->set.values[1].label = g_strdup (label);

  zz_workflow_begin_group (self, _("Rename Node"));
  push_op (self, op);
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_set_node_enabled_command (ZzWorkflow  *self,
                                      const char  *node_id,
                                      gboolean     enabled,
                                      GError     **error)
{
  ZzNode *node;
  Op *op;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  node = lookup_node (self, node_id, error);
  if (node == NULL)
    return FALSE;
  enabled = !!enabled;
  if (!!zz_node_get_enabled (node) == enabled)
    return TRUE;

  op = op_new_set (OP_ENABLED, node_id);
  op->set.values[0].enabled = !enabled;
  op->set.values[1].enabled = enabled;

  zz_workflow_begin_group (self, enabled ? _("Enable Node") : _("Disable Node"));
  push_op (self, op);
  zz_workflow_end_group (self);

  return TRUE;
}

gboolean
zz_workflow_set_node_config_command (ZzWorkflow  *self,
                                     const char  *node_id,
                                     JsonObject  *config,
                                     GError     **error)
{
  g_autoptr(JsonObject) new_config = NULL;
  ZzNode *node;
  Op *op;

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

  op = op_new_set (OP_CONFIG, node_id);
  op->set.values[0].config = zz_json_object_deep_copy (zz_node_get_config (node));
  op->set.values[1].config = g_steal_pointer (&new_config);

  zz_workflow_begin_group (self, _("Change Node Settings"));
  push_op (self, op);
  zz_workflow_end_group (self);

  return TRUE;
}

/* Clipboard */

char *
zz_workflow_copy_nodes (ZzWorkflow         *self,
                        const char * const *node_ids)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray *nodes_json = json_array_new ();
  JsonArray *edges_json = json_array_new ();
  GListModel *nodes;
  GListModel *edges;
  guint n;

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

      if (g_hash_table_contains (wanted, zz_edge_get_source (edge))
          && g_hash_table_contains (wanted, zz_edge_get_target (edge)))
        json_array_add_object_element (edges_json, zz_edge_to_json (edge));
    }

  return zz_json_object_to_string (object, TRUE);
}

static gboolean
get_clipboard_lists (JsonNode    *root,
                     JsonArray  **nodes,
                     JsonArray  **edges,
                     GError     **error)
{
  JsonObject *object;
  JsonNode *member;

  *nodes = NULL;
  *edges = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      *nodes = json_node_get_array (root);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root)
      || (member = json_object_get_member (json_node_get_object (root), "nodes")) == NULL)
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

/* The nodes (is_nodes) or edges of @array, read as a file's are, or %NULL */
static GPtrArray *
read_items (JsonArray  *array,
            gboolean    is_nodes,
            GError    **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          if (is_nodes)
            g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                         _("Node %u is not a JSON object"), i + 1);
          else
            g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                         _("Edge %u is not a JSON object"), i + 1);
          return NULL;
        }

      if (is_nodes)
        item = _zz_node_new_from_json_at (json_node_get_object (element), i + 1, error);
      else
        item = _zz_edge_new_from_json_at (json_node_get_object (element), i + 1, error);
      if (item == NULL)
        return NULL;

      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

char **
zz_workflow_paste_command (ZzWorkflow  *self,
                           const char  *text,
                           double       dx,
                           double       dy,
                           GError     **error)
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

  if (!get_clipboard_lists (root, &nodes_json, &edges_json, error)
      || (nodes = read_items (nodes_json, TRUE, error)) == NULL
      || (edges = read_items (edges_json, FALSE, error)) == NULL)
    return NULL;

  /* old id -> new id; a file's second node of one id gets its own copy,
   * edges go to the first. */
  new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  result = g_strv_builder_new ();

  zz_workflow_begin_group (self, _("Paste"));

  for (guint i = 0; i < nodes->len; i++)
    {
      ZzNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *id = new_unique_id (self);
      g_autoptr(ZzNode) copy = zz_node_copy (node, id);
      GListModel *list = zz_workflow_get_nodes (self);

      zz_node_set_position (copy, zz_node_get_x (node) + dx, zz_node_get_y (node) + dy);
      if (!g_hash_table_contains (new_ids, zz_node_get_id (node)))
        g_hash_table_insert (new_ids, (char *) zz_node_get_id (node), g_strdup (id));
      g_strv_builder_add (result, id);

      push_op (self, op_new_list (OP_NODE, copy, g_list_model_get_n_items (list), TRUE));
    }

  for (guint i = 0; i < edges->len; i++)
    {
      ZzEdge *edge = g_ptr_array_index (edges, i);
      const char *source = g_hash_table_lookup (new_ids, zz_edge_get_source (edge));
      const char *target = g_hash_table_lookup (new_ids, zz_edge_get_target (edge));
      g_autofree char *id = NULL;
      g_autoptr(ZzEdge) copy = NULL;
      GListModel *list = zz_workflow_get_edges (self);

      if (source == NULL || target == NULL)
        continue;

      id = new_unique_id (self);
      copy = zz_edge_copy (edge, id, source, target);
      push_op (self, op_new_list (OP_EDGE, copy, g_list_model_get_n_items (list), TRUE));
    }

  zz_workflow_end_group (self);

  return g_strv_builder_end (result);
}

char **
zz_workflow_duplicate_nodes_command (ZzWorkflow          *self,
                                     const char * const  *node_ids,
                                     double               dx,
                                     double               dy,
                                     GError             **error)
{
  g_autofree char *text = NULL;
  char **new_ids;

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
zz_workflow_replace_contents_command (ZzWorkflow  *self,
                                      ZzWorkflow  *source,
                                      const char  *name,
                                      GError     **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) all_nodes = NULL;
  g_autoptr(GHashTable) all_edges = NULL;
  GListModel *nodes, *edges;
  guint n_nodes, n_edges;

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
  push_removals (self, OP_EDGE, zz_workflow_get_edges (self), all_edges);
  push_removals (self, OP_NODE, zz_workflow_get_nodes (self), all_nodes);

  /* Copies: @source keeps its own, and ours belong to no other document. */
  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);
      g_autoptr(ZzNode) copy = zz_node_copy (node, NULL);

      push_op (self, op_new_list (OP_NODE, copy, i, TRUE));
    }
  for (guint i = 0; i < n_edges; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);
      g_autoptr(ZzEdge) copy = zz_edge_copy (edge, NULL, NULL, NULL);

      push_op (self, op_new_list (OP_EDGE, copy, i, TRUE));
    }
  zz_workflow_end_group (self);

  return TRUE;
}
