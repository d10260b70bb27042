/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-registry.c: the block types this app knows */
#define G_LOG_DOMAIN "zz-block-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-block-registry.h"
#include "zz-blocks-private.h"

struct _ZzBlockRegistry
{
  GObject parent_instance;

  GListStore *types;
  GHashTable *by_id; /* id -> ZzBlockType (borrowed from types) */
};

G_DEFINE_FINAL_TYPE (ZzBlockRegistry, zz_block_registry, G_TYPE_OBJECT)

static void
zz_block_registry_finalize (GObject *object)
{
  ZzBlockRegistry *self = ZZ_BLOCK_REGISTRY (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->types);

  G_OBJECT_CLASS (zz_block_registry_parent_class)->finalize (object);
}

static void
zz_block_registry_class_init (ZzBlockRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zz_block_registry_finalize;
}

static void
zz_block_registry_init (ZzBlockRegistry *self)
{
  self->types = g_list_store_new (ZZ_TYPE_BLOCK_TYPE);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * zz_block_registry_new:
 *
 * Returns: (transfer full): a registry holding the built-in block types
 */
ZzBlockRegistry *
zz_block_registry_new (void)
{
  static const ZzBlockTypeInfo *(*const builtins[]) (void) = {
    _zz_block_manual_trigger_get_info,
    _zz_block_schedule_get_info,
    _zz_block_http_request_get_info,
    _zz_block_webhook_get_info,
    _zz_block_condition_get_info,
    _zz_block_data_transform_get_info,
    _zz_block_calculator_get_info,
    _zz_block_delay_get_info,
    _zz_block_notification_get_info,
    _zz_block_email_get_info,
    _zz_block_custom_get_info,
  };
  ZzBlockRegistry *self = g_object_new (ZZ_TYPE_BLOCK_REGISTRY, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      g_autoptr(ZzBlockType) type = zz_block_type_new (builtins[i]());
      zz_block_registry_add (self, type);
    }

  return self;
}

/**
 * zz_block_registry_get_default:
 *
 * Returns: (transfer none): the registry of built-in types, shared by the
 *   process; block types are immutable, so threads may share it
 */
ZzBlockRegistry *
zz_block_registry_get_default (void)
{
  static ZzBlockRegistry *registry;

  if (g_once_init_enter (&registry))
    g_once_init_leave (&registry, zz_block_registry_new ());

  return registry;
}

GListModel *
zz_block_registry_get_types (ZzBlockRegistry *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_REGISTRY (self), NULL);

  return G_LIST_MODEL (self->types);
}

/**
 * zz_block_registry_lookup:
 *
 * Returns: (transfer none) (nullable): the type, or %NULL if unknown
 */
ZzBlockType *
zz_block_registry_lookup (ZzBlockRegistry *self,
                          const char      *id)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_REGISTRY (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
zz_block_registry_add (ZzBlockRegistry *self,
                       ZzBlockType     *type)
{
  const char *id;

  g_return_val_if_fail (ZZ_IS_BLOCK_REGISTRY (self), FALSE);
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (type), FALSE);

  id = zz_block_type_get_id (type);
  if (g_hash_table_contains (self->by_id, id))
    return FALSE;

  g_list_store_append (self->types, type);
  g_hash_table_insert (self->by_id, (gpointer) id, type);

  return TRUE;
}

gboolean
zz_block_registry_check (const char         *block_type,
                         const char *const **required,
                         gpointer            user_data)
{
  ZzBlockRegistry *self = user_data ? user_data : zz_block_registry_get_default ();
  ZzBlockType     *type = zz_block_registry_lookup (self, block_type);

  if (type == NULL || !zz_block_type_can_execute (type))
    return FALSE;

  if (required != NULL)
    *required = zz_block_type_get_required_keys (type);

  return TRUE;
}

/**
 * zz_block_registry_check_configs:
 * @workflow: a workflow
 *
 * Checks each node's config against its block type, as a run would before
 * starting the node: its required keys, types, ranges and the block's own
 * rules (a CONDITION's syntax, say). Nodes of types that do not run here
 * are left to zz_workflow_validate().
 *
 * Returns: (transfer container) (element-type ZzProblem): one
 *   %ZZ_PROBLEM_INVALID_CONFIG error per node whose config would fail
 *   (a warning for a disabled node),
 *   naming the node by its label
 */
GPtrArray *
zz_block_registry_check_configs (ZzBlockRegistry *self,
                                 ZzWorkflow      *workflow)
{
  GPtrArray  *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) zz_problem_free);
  GListModel *nodes;
  guint       n;

  g_return_val_if_fail (ZZ_IS_BLOCK_REGISTRY (self), problems);
  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), problems);

  nodes = zz_workflow_get_nodes (workflow);
  n = g_list_model_get_n_items (nodes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);
      ZzBlockType *type = zz_block_registry_lookup (self, zz_node_get_block_type (node));
      g_autoptr(JsonObject) own_config = NULL;
      g_autoptr(JsonObject) config = NULL;
      g_autoptr(GError) error = NULL;

      if (type == NULL || !zz_block_type_can_execute (type))
        continue;

      /* A copy: checking a file being imported makes no config of its own
       * for each node, which would stay. */
      own_config = zz_node_dup_config (node);
      config = zz_block_type_apply_defaults (type, own_config);
      if (zz_block_type_validate_config (type, config, &error))
        continue;

      g_ptr_array_add (problems,
                       /* A disabled node does not run: it does not stop a run. */
                       zz_problem_new (ZZ_PROBLEM_INVALID_CONFIG,
                                       zz_node_get_enabled (node) ? ZZ_PROBLEM_ERROR : ZZ_PROBLEM_WARNING,
                                       zz_node_get_id (node), NULL,
                                       /* Translators: a node's name, then what is wrong */
                                       _("%s: %s"), zz_node_get_display_name (node),
                                          error->message));
    }

  return problems;
}

/* The document names nodes by id, which means nothing to the user: the
 * label is what the canvas shows. */
static char *
message_with_label (ZzWorkflow      *workflow,
                    const ZzProblem *problem)
{
  ZzNode          *node = problem->node_id ? zz_workflow_find_node (workflow, problem->node_id) : NULL;
  g_autofree char *quoted_id = NULL;
  g_autofree char *quoted_label = NULL;
  g_auto(GStrv) parts = NULL;

  if (node == NULL || g_strcmp0 (zz_node_get_display_name (node), problem->node_id) == 0)
    return g_strdup (problem->message);

  quoted_id = g_strdup_printf ("“%s”", problem->node_id);
  quoted_label = g_strdup_printf ("“%s”", zz_node_get_display_name (node));
  parts = g_strsplit (problem->message, quoted_id, -1);
  return g_strjoinv (quoted_label, parts);
}

/**
 * zz_block_registry_check_workflow:
 * @workflow: a workflow
 *
 * Everything wrong with @workflow, told as the user sees it: nodes by
 * label, a node's config as its block type checks it, by field title
 * ("“URL” is required"), and also for types and ranges, which the
 * document's check (required keys by name) does not look at. The problems
 * list and the executor's refusal to run both say this.
 *
 * Returns: (transfer container) (element-type ZzProblem): the problems,
 *   the document's first, then the configs'
 */
GPtrArray *
zz_block_registry_check_workflow (ZzBlockRegistry *self,
                                  ZzWorkflow      *workflow)
{
  g_autoptr(GPtrArray) document = NULL;
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(GHashTable) checked = NULL;
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) zz_problem_free);

  g_return_val_if_fail (ZZ_IS_BLOCK_REGISTRY (self), problems);
  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), problems);

  document = zz_workflow_validate (workflow, zz_block_registry_check, self);
  configs = zz_block_registry_check_configs (self, workflow);
  checked = g_hash_table_new (g_str_hash, g_str_equal);

  /* A node whose config its block type refuses is told once, as it says. */
  for (guint i = 0; i < configs->len; i++)
    g_hash_table_add (checked, ((ZzProblem *) g_ptr_array_index (configs, i))->node_id);

  for (guint i = 0; i < document->len; i++)
    {
      ZzProblem *problem = g_ptr_array_index (document, i);
      ZzProblem *copy;

      if ((problem->kind == ZZ_PROBLEM_MISSING_CONFIG || problem->kind == ZZ_PROBLEM_INVALID_CONFIG) &&
          problem->node_id != NULL && g_hash_table_contains (checked, problem->node_id))
        continue;

      copy = zz_problem_copy (problem);
      g_free (copy->message);
      copy->message = message_with_label (workflow, problem);
      g_ptr_array_add (problems, copy);
    }

  for (guint i = 0; i < configs->len; i++)
    g_ptr_array_add (problems, zz_problem_copy (g_ptr_array_index (configs, i)));

  return problems;
}
