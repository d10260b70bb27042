/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow.c: the workflow document, its nodes and edges
 *
 * Reading and writing the Zzyra JSON is in zz-workflow-json.c, validation
 * in zz-workflow-validate.c.
 */
#define G_LOG_DOMAIN "zz-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-id.h"
#include "zz-workflow.h"
#include "zz-json.h"
#include "zz-workflow-history.h"
#include "zz-workflow-private.h"

struct _ZzWorkflow
{
  GObject parent_instance;

  char    *id;
  char    *name;
  char    *description;
  char   **tags;
  char    *user_id;
  char    *created_at;
  char    *updated_at;
  gint64   version;
  gboolean is_public;

  GListStore *nodes;
  GListStore *edges;
  /* id -> ZzNode / ZzEdge owned by the stores; the first one of an id
   * when a file has two. */
  GHashTable *node_index;
  GHashTable *edge_index;

  JsonObject    *extra;
  ZzWorkflowKeys keys;

  /* The undo/redo stack, made on first use (zz-workflow-history.c). */
  ZzWorkflowHistory *history;
};

G_DEFINE_FINAL_TYPE (ZzWorkflow, zz_workflow, G_TYPE_OBJECT)

/* clang-format would space out the quark's dashes */
/* clang-format off */
G_DEFINE_QUARK (zz-workflow-error-quark, zz_workflow_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_TAGS,
  PROP_IS_PUBLIC,
  PROP_VERSION,
  PROP_USER_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
emit_changed (ZzWorkflow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_zz_workflow_node_changed (ZzWorkflow *self)
{
  emit_changed (self);
}

/* Each node in the document tells it of its changes directly
 * (_zz_node_set_document()), not through a handler of its "notify": a
 * handler is some two hundred bytes of GSignal's bookkeeping a node, and
 * a GSignalGroup or g_signal_connect_object() put a closure on the document
 * that was found by a linear search when it went, so that freeing a
 * document of n nodes took n²/2 steps. */
static void
watch_node (ZzWorkflow *self,
            ZzNode     *node)
{
  _zz_node_set_document (node, self);
}

static void
unwatch_node (ZzWorkflow *self,
              ZzNode     *node)
{
  _zz_node_set_document (node, NULL);
}

static void
unwatch_all_nodes (ZzWorkflow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->nodes));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (G_LIST_MODEL (self->nodes), i);

      unwatch_node (self, node);
    }
}

static void
zz_workflow_dispose (GObject *object)
{
  ZzWorkflow *self = ZZ_WORKFLOW (object);

  if (self->nodes != NULL)
    unwatch_all_nodes (self);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_clear_pointer (&self->edge_index, g_hash_table_unref);
  g_clear_object (&self->nodes);
  g_clear_object (&self->edges);
  /* The steps hold nodes and edges: let them go with the lists. */
  g_clear_pointer (&self->history, _zz_workflow_history_free);

  G_OBJECT_CLASS (zz_workflow_parent_class)->dispose (object);
}

static void
zz_workflow_finalize (GObject *object)
{
  ZzWorkflow *self = ZZ_WORKFLOW (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zz_workflow_parent_class)->finalize (object);
}

static void
zz_workflow_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZzWorkflow *self = ZZ_WORKFLOW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_IS_PUBLIC:
      g_value_set_boolean (value, self->is_public);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, zz_workflow_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, zz_workflow_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, zz_workflow_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_workflow_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZzWorkflow *self = ZZ_WORKFLOW (object);

  switch (prop_id)
    {
    case PROP_ID:
      zz_workflow_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      zz_workflow_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      zz_workflow_set_description (self, g_value_get_string (value));
      break;

    case PROP_TAGS:
      zz_workflow_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_IS_PUBLIC:
      zz_workflow_set_is_public (self, g_value_get_boolean (value));
      break;

    case PROP_VERSION:
      zz_workflow_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_USER_ID:
      zz_workflow_set_user_id (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      zz_workflow_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      zz_workflow_set_updated_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_workflow_class_init (ZzWorkflowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zz_workflow_dispose;
  object_class->finalize = zz_workflow_finalize;
  object_class->get_property = zz_workflow_get_property;
  object_class->set_property = zz_workflow_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_PUBLIC] =
    g_param_spec_boolean ("is-public", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The history's state (zz-workflow-history.h), read-only. */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZzWorkflow::changed:
   *
   * Emitted after any change to the document: a field, a node's property,
   * a node or edge added or removed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
zz_workflow_init (ZzWorkflow *self)
{
  self->version = 1;
  self->nodes = g_list_store_new (ZZ_TYPE_NODE);
  self->edges = g_list_store_new (ZZ_TYPE_EDGE);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->edge_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->extra = json_object_new ();
}

/**
 * zz_workflow_new:
 * @name: (nullable): the workflow's name
 *
 * Returns: (transfer full): an empty workflow with a new id
 */
ZzWorkflow *
zz_workflow_new (const char *name)
{
  g_autofree char *id = zz_id_new ();
  ZzWorkflow      *self;

  self = g_object_new (ZZ_TYPE_WORKFLOW,
                       "id", id,
                       "name", name,
                       NULL);
  /* Made here, so written in full. */
  self->keys = ZZ_WORKFLOW_KEY_ALL;

  return self;
}

/* Private to the document */

JsonObject *
_zz_workflow_get_extra (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return self->extra;
}

void
_zz_workflow_set_extra (ZzWorkflow *self,
                        JsonObject *extra)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  if (extra == self->extra)
    return;

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra != NULL ? json_object_ref (extra) : json_object_new ();
  emit_changed (self);
}

ZzWorkflowKeys
_zz_workflow_get_keys (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), 0);

  return self->keys;
}

void
_zz_workflow_set_keys (ZzWorkflow    *self,
                       ZzWorkflowKeys keys)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  self->keys = keys;
}

void
_zz_workflow_replace_contents (ZzWorkflow *self,
                               GPtrArray  *nodes,
                               GPtrArray  *edges)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));
  g_return_if_fail (nodes != NULL);
  g_return_if_fail (edges != NULL);

  unwatch_all_nodes (self);
  g_hash_table_remove_all (self->node_index);
  g_hash_table_remove_all (self->edge_index);

  for (guint i = 0; i < nodes->len; i++)
    {
      ZzNode     *node = g_ptr_array_index (nodes, i);
      const char *id = zz_node_get_id (node);

      if (!g_hash_table_contains (self->node_index, id))
        g_hash_table_insert (self->node_index, (char *) id, node);
      watch_node (self, node);
    }

  for (guint i = 0; i < edges->len; i++)
    {
      ZzEdge     *edge = g_ptr_array_index (edges, i);
      const char *id = zz_edge_get_id (edge);

      if (!g_hash_table_contains (self->edge_index, id))
        g_hash_table_insert (self->edge_index, (char *) id, edge);
    }

  /* One items-changed each, so that a view rebuilds once. */
  g_list_store_splice (self->nodes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->nodes)),
                       nodes->pdata, nodes->len);
  g_list_store_splice (self->edges, 0, g_list_model_get_n_items (G_LIST_MODEL (self->edges)),
                       edges->pdata, edges->len);

  emit_changed (self);
}

/* History: the stack is in zz-workflow-history.c, its properties here. */

ZzWorkflowHistory *
_zz_workflow_get_history (ZzWorkflow *self)
{
  if (self->history == NULL)
    self->history = _zz_workflow_history_new ();

  return self->history;
}

void
_zz_workflow_notify_history (ZzWorkflow *self,
                             gboolean    can_undo,
                             gboolean    can_redo,
                             gboolean    modified)
{
  if (can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Fields */

static gboolean
set_string_field (ZzWorkflow *self,
                  char      **field,
                  const char *value,
                  guint       prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
  return TRUE;
}

const char *
zz_workflow_get_id (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return self->id;
}

void
zz_workflow_set_id (ZzWorkflow *self,
                    const char *id)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  set_string_field (self, &self->id, id, PROP_ID);
}

const char *
zz_workflow_get_name (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return self->name;
}

void
zz_workflow_set_name (ZzWorkflow *self,
                      const char *name)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  set_string_field (self, &self->name, name, PROP_NAME);
}

const char *
zz_workflow_get_description (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return self->description;
}

void
zz_workflow_set_description (ZzWorkflow *self,
                             const char *description)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  set_string_field (self, &self->description, description, PROP_DESCRIPTION);
}

const char *const *
zz_workflow_get_tags (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return (const char *const *) self->tags;
}

static gboolean
strv_equal0 (const char *const *a,
             const char *const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

void
zz_workflow_set_tags (ZzWorkflow        *self,
                      const char *const *tags)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  if (strv_equal0 ((const char *const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  emit_changed (self);
}

gboolean
zz_workflow_get_is_public (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);

  return self->is_public;
}

void
zz_workflow_set_is_public (ZzWorkflow *self,
                           gboolean    is_public)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  is_public = !!is_public;
  if (self->is_public == is_public)
    return;

  self->is_public = is_public;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_PUBLIC]);
  emit_changed (self);
}

gint64
zz_workflow_get_version (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), 0);

  return self->version;
}

void
zz_workflow_set_version (ZzWorkflow *self,
                         gint64      version)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
  emit_changed (self);
}

const char *
zz_workflow_get_user_id (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return self->user_id;
}

void
zz_workflow_set_user_id (ZzWorkflow *self,
                         const char *user_id)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  set_string_field (self, &self->user_id, user_id, PROP_USER_ID);
}

const char *
zz_workflow_get_created_at (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return self->created_at;
}

void
zz_workflow_set_created_at (ZzWorkflow *self,
                            const char *created_at)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  set_string_field (self, &self->created_at, created_at, PROP_CREATED_AT);
}

const char *
zz_workflow_get_updated_at (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return self->updated_at;
}

void
zz_workflow_set_updated_at (ZzWorkflow *self,
                            const char *updated_at)
{
  g_return_if_fail (ZZ_IS_WORKFLOW (self));

  set_string_field (self, &self->updated_at, updated_at, PROP_UPDATED_AT);
}

/* Nodes and edges */

GListModel *
zz_workflow_get_nodes (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return G_LIST_MODEL (self->nodes);
}

GListModel *
zz_workflow_get_edges (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return G_LIST_MODEL (self->edges);
}

guint
zz_workflow_get_n_nodes (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->nodes));
}

/**
 * zz_workflow_find_node:
 * @self: a #ZzWorkflow
 * @node_id: a node id
 *
 * Returns: (transfer none) (nullable): the node of that id
 */
ZzNode *
zz_workflow_find_node (ZzWorkflow *self,
                       const char *node_id)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (node_id != NULL, NULL);

  return g_hash_table_lookup (self->node_index, node_id);
}

/**
 * zz_workflow_find_edge:
 * @self: a #ZzWorkflow
 * @edge_id: an edge id
 *
 * Returns: (transfer none) (nullable): the edge of that id
 */
ZzEdge *
zz_workflow_find_edge (ZzWorkflow *self,
                       const char *edge_id)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (edge_id != NULL, NULL);

  return g_hash_table_lookup (self->edge_index, edge_id);
}

/**
 * zz_workflow_add_node:
 * @self: a #ZzWorkflow
 * @node: a node not in any workflow
 * @error: return location for a #GError
 *
 * Appends @node. Fails with %ZZ_WORKFLOW_ERROR_DUPLICATE_ID when a node of
 * its id is there.
 */
gboolean
zz_workflow_add_node (ZzWorkflow *self,
                      ZzNode     *node,
                      GError    **error)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (ZZ_IS_NODE (node), FALSE);

  return _zz_workflow_insert_node (self, node, G_MAXUINT, error);
}

gboolean
_zz_workflow_insert_node (ZzWorkflow *self,
                          ZzNode     *node,
                          guint       position,
                          GError    **error)
{
  const char *id;

  id = zz_node_get_id (node);
  if (g_hash_table_contains (self->node_index, id))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_DUPLICATE_ID,
                   _("The workflow already has a node “%s”"), id);
      return FALSE;
    }

  g_hash_table_insert (self->node_index, (char *) id, node);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->nodes)));
  g_list_store_insert (self->nodes, position, node);
  watch_node (self, node);
  emit_changed (self);

  return TRUE;
}

static gboolean
find_in_store (GListStore *store,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* After removing the indexed item of @id, index the next one of that id
 * a file may have had. */
static void
reindex (GHashTable *index,
         GListModel *model,
         const char *id,
         const char *(*get_id) (gpointer))
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (get_id (item), id) == 0)
        {
          g_hash_table_insert (index, (char *) get_id (item), item);
          return;
        }
    }
}

static void
remove_edge_at (ZzWorkflow *self,
                guint       position)
{
  g_autoptr(ZzEdge) edge = g_list_model_get_item (G_LIST_MODEL (self->edges), position);
  g_autofree char *id = g_strdup (zz_edge_get_id (edge));

  if (g_hash_table_lookup (self->edge_index, id) == edge)
    g_hash_table_remove (self->edge_index, id);
  g_list_store_remove (self->edges, position);
  if (!g_hash_table_contains (self->edge_index, id))
    reindex (self->edge_index, G_LIST_MODEL (self->edges), id,
             (const char *(*) (gpointer)) zz_edge_get_id);
}

/**
 * zz_workflow_remove_node:
 * @self: a #ZzWorkflow
 * @node_id: the id of a node of @self
 * @error: return location for a #GError
 *
 * Removes the node and every edge from or to it. Fails with
 * %ZZ_WORKFLOW_ERROR_NOT_FOUND when there is no such node.
 */
gboolean
zz_workflow_remove_node (ZzWorkflow *self,
                         const char *node_id,
                         GError    **error)
{
  g_autoptr(ZzNode) node = NULL;
  g_autofree char *id = NULL;
  ZzNode          *indexed;
  guint            position;
  guint            n_edges;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  indexed = g_hash_table_lookup (self->node_index, node_id);
  if (indexed == NULL || !find_in_store (self->nodes, indexed, &position))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND,
                   _("The workflow has no node “%s”"), node_id);
      return FALSE;
    }

  /* @node_id may be the node's own string. */
  node = g_object_ref (indexed);
  id = g_strdup (node_id);

  /* Edges first, so that no view sees an edge to a node that is gone. */
  n_edges = g_list_model_get_n_items (G_LIST_MODEL (self->edges));
  for (guint i = n_edges; i > 0; i--)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (G_LIST_MODEL (self->edges), i - 1);

      if (g_strcmp0 (zz_edge_get_source (edge), id) == 0 || g_strcmp0 (zz_edge_get_target (edge), id) == 0)
        remove_edge_at (self, i - 1);
    }

  unwatch_node (self, node);
  g_hash_table_remove (self->node_index, id);
  g_list_store_remove (self->nodes, position);
  reindex (self->node_index, G_LIST_MODEL (self->nodes), id,
           (const char *(*) (gpointer)) zz_node_get_id);
  emit_changed (self);

  return TRUE;
}

/**
 * zz_workflow_add_edge:
 * @self: a #ZzWorkflow
 * @edge: an edge
 * @error: return location for a #GError
 *
 * Appends @edge. Fails with %ZZ_WORKFLOW_ERROR_DUPLICATE_ID when an edge of
 * its id is there. An edge naming a missing node is added and reported by
 * zz_workflow_validate(), as it would be in a file.
 */
gboolean
zz_workflow_add_edge (ZzWorkflow *self,
                      ZzEdge     *edge,
                      GError    **error)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (ZZ_IS_EDGE (edge), FALSE);

  return _zz_workflow_insert_edge (self, edge, G_MAXUINT, error);
}

gboolean
_zz_workflow_insert_edge (ZzWorkflow *self,
                          ZzEdge     *edge,
                          guint       position,
                          GError    **error)
{
  const char *id;

  id = zz_edge_get_id (edge);
  if (g_hash_table_contains (self->edge_index, id))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_DUPLICATE_ID,
                   _("The workflow already has an edge “%s”"), id);
      return FALSE;
    }

  g_hash_table_insert (self->edge_index, (char *) id, edge);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->edges)));
  g_list_store_insert (self->edges, position, edge);
  emit_changed (self);

  return TRUE;
}

gboolean
zz_workflow_remove_edge (ZzWorkflow *self,
                         const char *edge_id,
                         GError    **error)
{
  ZzEdge *edge;
  guint   position;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (edge_id != NULL, FALSE);

  edge = g_hash_table_lookup (self->edge_index, edge_id);
  if (edge == NULL || !find_in_store (self->edges, edge, &position))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND,
                   _("The workflow has no edge “%s”"), edge_id);
      return FALSE;
    }

  remove_edge_at (self, position);
  emit_changed (self);

  return TRUE;
}

/**
 * zz_workflow_duplicate:
 * @self: a #ZzWorkflow
 * @name: (nullable): the copy's name, or %NULL to keep @self's
 *
 * Copies the document with a new id. Node and edge ids are kept: they are
 * only unique inside one workflow. The row fields (user, dates, version,
 * public) are those of a new workflow.
 *
 * Returns: (transfer full): the copy
 */
ZzWorkflow *
zz_workflow_duplicate (ZzWorkflow *self,
                       const char *name)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func (g_object_unref);
  ZzWorkflow *copy;
  guint       n;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  copy = zz_workflow_new (name != NULL ? name : self->name);
  copy->description = g_strdup (self->description);
  copy->tags = g_strdupv (self->tags);
  g_clear_pointer (&copy->extra, json_object_unref);
  copy->extra = zz_json_object_deep_copy (self->extra);
  copy->keys = self->keys | ZZ_WORKFLOW_KEY_ID | ZZ_WORKFLOW_KEY_NAME;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->nodes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (G_LIST_MODEL (self->nodes), i);

      g_ptr_array_add (nodes, zz_node_copy (node, NULL));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->edges));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (G_LIST_MODEL (self->edges), i);

      g_ptr_array_add (edges, zz_edge_copy (edge, NULL, NULL, NULL));
    }

  _zz_workflow_replace_contents (copy, nodes, edges);

  return copy;
}
