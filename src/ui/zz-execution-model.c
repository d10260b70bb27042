/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-execution-model.c: the node executions of one run, as a GListModel */
#define G_LOG_DOMAIN "zz-execution-model"

#include "config.h"

#include "zz-execution-model.h"

struct _ZzExecutionModel
{
  GObject parent_instance;

  ZzWorkflow  *workflow;
  ZzExecution *execution;
  GPtrArray   *items;   /* ZzNodeRunItem */
  GHashTable  *by_node; /* node id -> ZzNodeRunItem, borrowed */
  gboolean     live;
  gboolean     unsaved_document;
};

static void zz_execution_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZzExecutionModel, zz_execution_model, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, zz_execution_model_list_model_init))

enum
{
  PROP_0,
  PROP_EXECUTION,
  PROP_LIVE,
  PROP_UNSAVED_DOCUMENT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  NODE_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static GType
zz_execution_model_get_item_type (GListModel *model)
{
  return ZZ_TYPE_NODE_RUN_ITEM;
}

static guint
zz_execution_model_get_n_items (GListModel *model)
{
  return ZZ_EXECUTION_MODEL (model)->items->len;
}

static gpointer
zz_execution_model_get_item (GListModel *model,
                             guint       position)
{
  ZzExecutionModel *self = ZZ_EXECUTION_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
zz_execution_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = zz_execution_model_get_item_type;
  iface->get_n_items = zz_execution_model_get_n_items;
  iface->get_item = zz_execution_model_get_item;
}

static void
zz_execution_model_finalize (GObject *object)
{
  ZzExecutionModel *self = ZZ_EXECUTION_MODEL (object);

  g_clear_object (&self->workflow);
  g_clear_pointer (&self->execution, zz_execution_free);
  g_clear_pointer (&self->by_node, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (zz_execution_model_parent_class)->finalize (object);
}

static void
zz_execution_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZzExecutionModel *self = ZZ_EXECUTION_MODEL (object);

  switch (prop_id)
    {
    case PROP_EXECUTION:
      g_value_set_boxed (value, self->execution);
      break;
    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;
    case PROP_UNSAVED_DOCUMENT:
      g_value_set_boolean (value, self->unsaved_document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_execution_model_class_init (ZzExecutionModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zz_execution_model_finalize;
  object_class->get_property = zz_execution_model_get_property;

  properties[PROP_EXECUTION] =
    g_param_spec_boxed ("execution", NULL, NULL, ZZ_TYPE_EXECUTION,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSAVED_DOCUMENT] =
    g_param_spec_boolean ("unsaved-document", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NODE_CHANGED] =
    g_signal_new ("node-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZZ_TYPE_NODE_RUN_ITEM);
}

static void
zz_execution_model_init (ZzExecutionModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_node = g_hash_table_new (g_str_hash, g_str_equal);
}

ZzExecutionModel *
zz_execution_model_new (ZzWorkflow *workflow)
{
  ZzExecutionModel *self;

  g_return_val_if_fail (workflow == NULL || ZZ_IS_WORKFLOW (workflow), NULL);

  self = g_object_new (ZZ_TYPE_EXECUTION_MODEL, NULL);
  if (workflow != NULL)
    self->workflow = g_object_ref (workflow);
  return self;
}

ZzWorkflow *
zz_execution_model_get_workflow (ZzExecutionModel *self)
{
  g_return_val_if_fail (ZZ_IS_EXECUTION_MODEL (self), NULL);
  return self->workflow;
}

const ZzExecution *
zz_execution_model_get_execution (ZzExecutionModel *self)
{
  g_return_val_if_fail (ZZ_IS_EXECUTION_MODEL (self), NULL);
  return self->execution;
}

void
zz_execution_model_set_execution (ZzExecutionModel  *self,
                                  const ZzExecution *execution)
{
  g_return_if_fail (ZZ_IS_EXECUTION_MODEL (self));

  g_clear_pointer (&self->execution, zz_execution_free);
  if (execution != NULL)
    self->execution = zz_execution_copy (execution);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXECUTION]);
}

gboolean
zz_execution_model_get_live (ZzExecutionModel *self)
{
  g_return_val_if_fail (ZZ_IS_EXECUTION_MODEL (self), FALSE);
  return self->live;
}

void
zz_execution_model_set_live (ZzExecutionModel *self,
                             gboolean          live)
{
  g_return_if_fail (ZZ_IS_EXECUTION_MODEL (self));

  live = !!live;
  if (self->live == live)
    return;
  self->live = live;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

gboolean
zz_execution_model_get_unsaved_document (ZzExecutionModel *self)
{
  g_return_val_if_fail (ZZ_IS_EXECUTION_MODEL (self), FALSE);
  return self->unsaved_document;
}

void
zz_execution_model_set_unsaved_document (ZzExecutionModel *self,
                                         gboolean          unsaved_document)
{
  g_return_if_fail (ZZ_IS_EXECUTION_MODEL (self));

  unsaved_document = !!unsaved_document;
  if (self->unsaved_document == unsaved_document)
    return;
  self->unsaved_document = unsaved_document;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED_DOCUMENT]);
}

void
zz_execution_model_update_node (ZzExecutionModel      *self,
                                const ZzNodeExecution *row)
{
  ZzNodeRunItem *item;

  g_return_if_fail (ZZ_IS_EXECUTION_MODEL (self));
  g_return_if_fail (row != NULL && row->node_id != NULL);

  item = g_hash_table_lookup (self->by_node, row->node_id);
  if (item == NULL)
    {
      ZzNode *node = self->workflow ? zz_workflow_find_node (self->workflow, row->node_id) : NULL;

      item = zz_node_run_item_new (row->node_id, node ? zz_node_get_label (node) : NULL);
      zz_node_run_item_update (item, row);
      g_ptr_array_add (self->items, item);
      g_hash_table_insert (self->by_node, (char *) zz_node_run_item_get_node_id (item), item);
      g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
    }
  else
    zz_node_run_item_update (item, row);

  g_signal_emit (self, signals[NODE_CHANGED], 0, item);
}

ZzNodeRunItem *
zz_execution_model_find (ZzExecutionModel *self,
                         const char       *node_id,
                         guint            *position)
{
  g_return_val_if_fail (ZZ_IS_EXECUTION_MODEL (self), NULL);

  if (node_id == NULL)
    return NULL;
  for (guint i = 0; i < self->items->len; i++)
    {
      ZzNodeRunItem *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (zz_node_run_item_get_node_id (item), node_id))
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }
  return NULL;
}

ZzNodeRunItem *
zz_execution_model_find_failed (ZzExecutionModel *self)
{
  g_return_val_if_fail (ZZ_IS_EXECUTION_MODEL (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      ZzNodeRunItem *item = g_ptr_array_index (self->items, i);

      /* Rows stopped because another node failed fail later than their
       * cause: the first to arrive is the one to show. */
      if (zz_node_run_item_get_status (item) == ZZ_RUN_STATUS_FAILED)
        return item;
    }
  return NULL;
}
