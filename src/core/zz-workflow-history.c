/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-history.c: the document's undo/redo stack
 *
 * A step is a list of primitive operations (insert or remove one node or
 * edge at a list position, set one property of one node), each recording
 * both the value before and after. Every command (zz-workflow-commands.c)
 * opens a group, applies its
 * operations one by one through the document's mutators, and closes the
 * group, which pushes the step: a zz_workflow_begin_group() of the caller
 * simply makes the group the command opens an inner one. Undo replays a
 * step's operations backwards in reverse order, so removals recorded with
 * their positions put everything back exactly where it was.
 */
#define G_LOG_DOMAIN "zz-workflow-history"

#include "config.h"

#include "zz-json.h"
#include "zz-workflow-history.h"
#include "zz-workflow-history-private.h"
#include "zz-workflow-private.h"

#define HISTORY_LIMIT 500

typedef enum
{
  OP_NODE, /* insert (forwards) or remove a node at a position */
  OP_EDGE, /* insert (forwards) or remove an edge at a position */
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
      GObject *item; /* the ZzNode or ZzEdge itself, kept while out */
      guint    position;
      gboolean insert; /* FALSE: the op removes, and undo inserts */
    } list;
    struct
    {
      char *node_id;
      union
      {
        struct
        {
          double x, y;
        } position;
        char       *label;
        gboolean    enabled;
        JsonObject *config;
      } values[2]; /* [0] before, [1] after */
    } set;
  };
} Op;

typedef struct
{
  char      *name;
  GPtrArray *ops;    /* (element-type Op) in the order applied */
  guint      serial; /* names the state after this step */
} Step;

struct _ZzWorkflowHistory
{
  GQueue undo;  /* (element-type Step) most recent first */
  GQueue redo;  /* (element-type Step) next to redo first */
  Step  *group; /* the step being built, or %NULL */
  guint  group_depth;

  guint next_serial;
  guint base_serial; /* the state when the undo stack is empty */
  guint saved_serial;

  /* As last notified. */
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
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
op_new_list (OpKind   kind,
             gpointer item,
             guint    position,
             gboolean insert)
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
  gboolean           can_undo = !g_queue_is_empty (&history->undo);
  gboolean           can_redo = !g_queue_is_empty (&history->redo);
  gboolean           modified = current_serial (history) != history->saved_serial;
  gboolean           notify_undo = can_undo != history->can_undo;
  gboolean           notify_redo = can_redo != history->can_redo;
  gboolean           notify_modified = modified != history->modified;

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
               "was it edited outside a command?",
               node_id);

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
  guint   i = forwards ? 1 : 0;
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
  Step              *step;

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
  GQueue            *from = forward ? &history->redo : &history->undo;
  GQueue            *to = forward ? &history->undo : &history->redo;
  Step              *step;

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
  gboolean           modified;

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

/* What the commands record */

void
_zz_workflow_push_insert (ZzWorkflow *self,
                          gpointer    item,
                          guint       position)
{
  push_op (self, op_new_list (ZZ_IS_NODE (item) ? OP_NODE : OP_EDGE, item, position, TRUE));
}

void
_zz_workflow_push_remove (ZzWorkflow *self,
                          gpointer    item,
                          guint       position)
{
  push_op (self, op_new_list (ZZ_IS_NODE (item) ? OP_NODE : OP_EDGE, item, position, FALSE));
}

void
_zz_workflow_push_position (ZzWorkflow *self,
                            const char *node_id,
                            double      old_x,
                            double      old_y,
                            double      x,
                            double      y)
{
  Op *op = op_new_set (OP_POSITION, node_id);

  op->set.values[0].position.x = old_x;
  op->set.values[0].position.y = old_y;
  op->set.values[1].position.x = x;
  op->set.values[1].position.y = y;
  push_op (self, op);
}

void
_zz_workflow_push_label (ZzWorkflow *self,
                         const char *node_id,
                         const char *old_label,
                         const char *label)
{
  Op *op = op_new_set (OP_LABEL, node_id);

  op->set.values[0].label = g_strdup (old_label);
  op->set.values[1].label = g_strdup (label);
  push_op (self, op);
}

void
_zz_workflow_push_enabled (ZzWorkflow *self,
                           const char *node_id,
                           gboolean    old_enabled,
                           gboolean    enabled)
{
  Op *op = op_new_set (OP_ENABLED, node_id);

  op->set.values[0].enabled = old_enabled;
  op->set.values[1].enabled = enabled;
  push_op (self, op);
}

void
_zz_workflow_push_config (ZzWorkflow *self,
                          const char *node_id,
                          JsonObject *old_config,
                          JsonObject *config)
{
  Op *op = op_new_set (OP_CONFIG, node_id);

  op->set.values[0].config = old_config;
  op->set.values[1].config = config;
  push_op (self, op);
}
