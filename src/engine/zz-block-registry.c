/* zz-block-registry.c: the block types this app knows */
#define G_LOG_DOMAIN "zz-block-registry"

#include "config.h"

#include "zz-block-registry.h"
#include "zz-blocks-private.h"

struct _ZzBlockRegistry
{
  GObject     parent_instance;

  GListStore *types;
  GHashTable *by_id;   /* id -> ZzBlockType (borrowed from types) */
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
  static const ZzBlockTypeInfo *(* const builtins[]) (void) = {
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
      g_autoptr(ZzBlockType) type = zz_block_type_new (builtins[i] ());
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
zz_block_registry_check (const char          *block_type,
                         const char * const **required,
                         gpointer             user_data)
{
  ZzBlockRegistry *self = user_data ? user_data : zz_block_registry_get_default ();
  ZzBlockType *type = zz_block_registry_lookup (self, block_type);

  if (type == NULL || !zz_block_type_can_execute (type))
    return FALSE;

  if (required != NULL)
    *required = zz_block_type_get_required_keys (type);

  return TRUE;
}
