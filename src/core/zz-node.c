/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-node.c: one node of a workflow
 *
 * A node read from a file keeps the object it was read from, as compact
 * JSON text: a JsonObject is some ten times the size of its text, and a
 * large workflow has a hundred thousand nodes. Writing it back starts from
 * that object, read again, and overwrites only what this app knows, and only where the file had it or the value differs from what
 * "absent" means: so `type` stays "custom" when it was, data.blockType is
 * not added to an older file, and keys of the web editor that this app
 * does not know (dragHandle, ui, data.inputs ...) come back unchanged.
 */
#define G_LOG_DOMAIN "zz-node"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zz-json-private.h"
#include "zz-node.h"
#include "zz-workflow-private.h"

struct _ZzNode
{
  GObject parent_instance;

  char    *id;
  char    *block_type;
  char    *label;
  char    *description;
  double   x;
  double   y;
  gboolean enabled;

  /* The config, made on first use (ensure_config()): until then it is
   * @config_text as read, or {} when that is %NULL too. A workflow read
   * from a file is checked and stored without its configs ever being
   * JsonObjects, each some ten times the size of its text. */
  JsonObject *config;
  char       *config_text;

  /* The object read, as JSON text, or %NULL for a node made here. */
  char *source;
  /* The document the node is in, not a reference: it holds the node. */
  ZzWorkflow *document;
  /* "type" held the block type when read (older files and most new ones). */
  guint type_is_block_type : 1;
  guint had_data_block_type : 1;
};

G_DEFINE_FINAL_TYPE (ZzNode, zz_node, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_BLOCK_TYPE,
  PROP_LABEL,
  PROP_DESCRIPTION,
  PROP_X,
  PROP_Y,
  PROP_ENABLED,
  PROP_CONFIG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
member_is_string (JsonObject *object,
                  const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL)
    return FALSE;

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
member_is_number (JsonObject *object,
                  const char *member)
{
  JsonNode *node;
  GType     type;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Whole numbers are written as integers, as JavaScript would. */
static void
set_number_member (JsonObject *object,
                   const char *member,
                   double      value)
{
  if (isfinite (value) && value == floor (value) && fabs (value) < 9007199254740992.0)
    json_object_set_int_member (object, member, (gint64) value);
  else
    json_object_set_double_member (object, member, value);
}

/* Writes a nullable string the file may have had: a %NULL value removes
 * a string member and leaves a member of another type as it was. */
static void
set_nullable_string_member (JsonObject *object,
                            const char *member,
                            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else if (member_is_string (object, member))
    json_object_remove_member (object, member);
}

static gboolean
set_string (char      **field,
            const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
zz_node_finalize (GObject *object)
{
  ZzNode *self = ZZ_NODE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->block_type, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->config, json_object_unref);
  g_clear_pointer (&self->config_text, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (zz_node_parent_class)->finalize (object);
}

static void
zz_node_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ZzNode *self = ZZ_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_BLOCK_TYPE:
      g_value_set_string (value, self->block_type);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_X:
      g_value_set_double (value, self->x);
      break;

    case PROP_Y:
      g_value_set_double (value, self->y);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_CONFIG:
      g_value_set_boxed (value, zz_node_get_config (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_node_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ZzNode *self = ZZ_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_BLOCK_TYPE:
      zz_node_set_block_type (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      zz_node_set_label (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      zz_node_set_description (self, g_value_get_string (value));
      break;

    case PROP_X:
      zz_node_set_position (self, g_value_get_double (value), self->y);
      break;

    case PROP_Y:
      zz_node_set_position (self, self->x, g_value_get_double (value));
      break;

    case PROP_ENABLED:
      zz_node_set_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_CONFIG:
      zz_node_set_config (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Each notification, then the document's "changed", as a handler of
 * "notify" connected by the document did before. */
static void
zz_node_dispatch_properties_changed (GObject     *object,
                                     guint        n_pspecs,
                                     GParamSpec **pspecs)
{
  ZzNode *self = ZZ_NODE (object);

  for (guint i = 0; i < n_pspecs; i++)
    {
      G_OBJECT_CLASS (zz_node_parent_class)->dispatch_properties_changed (object, 1, &pspecs[i]);
      if (self->document != NULL)
        _zz_workflow_node_changed (self->document);
    }
}

void
_zz_node_set_document (ZzNode     *self,
                       ZzWorkflow *document)
{
  g_return_if_fail (ZZ_IS_NODE (self));
  g_return_if_fail (document == NULL || self->document == NULL || self->document == document);

  self->document = document;
}

static void
zz_node_class_init (ZzNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispatch_properties_changed = zz_node_dispatch_properties_changed;
  object_class->finalize = zz_node_finalize;
  object_class->get_property = zz_node_get_property;
  object_class->set_property = zz_node_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCK_TYPE] =
    g_param_spec_string ("block-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIG] =
    g_param_spec_boxed ("config", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zz_node_init (ZzNode *self)
{
  self->enabled = TRUE;
  self->type_is_block_type = TRUE;
}

ZzNode *
zz_node_new (const char *id,
             const char *block_type)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (block_type != NULL && *block_type != '\0', NULL);

  return g_object_new (ZZ_TYPE_NODE,
                       "id", id,
                       "block-type", block_type,
                       NULL);
}

static gboolean
read_position (JsonObject *object,
               const char *id,
               double     *x,
               double     *y,
               GError    **error)
{
  JsonNode   *position = json_object_get_member (object, "position");
  JsonObject *position_object;

  *x = *y = 0.0;

  /* React Flow always saves one; a hand-written file may leave it out. */
  if (position == NULL)
    return TRUE;

  position_object = JSON_NODE_HOLDS_OBJECT (position) ? json_node_get_object (position) : NULL;
  if (!member_is_number (position_object, "x") || !member_is_number (position_object, "y"))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   _("Node “%s” has a position that is not two numbers x and y"), id);
      return FALSE;
    }

  *x = json_object_get_double_member (position_object, "x");
  *y = json_object_get_double_member (position_object, "y");
  return TRUE;
}

ZzNode *
_zz_node_new_from_json_at (JsonObject *object,
                           const char *text,
                           gsize       length,
                           guint       index,
                           GError    **error)
{
  g_autoptr(ZzNode) self = NULL;
  JsonObject *data;
  JsonObject *config;
  const char *id;
  const char *type;
  const char *data_block_type = NULL;
  const char *block_type;
  double      x, y;

  g_return_val_if_fail (object != NULL, NULL);

  id = zz_json_object_get_string (object, "id", NULL);
  if (id == NULL || *id == '\0')
    {
      if (index > 0)
        g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                     _("Node %u has no id"), index);
      else
        g_set_error_literal (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                             _("A node has no id"));
      return NULL;
    }

  data = zz_json_object_get_object (object, "data");
  type = zz_json_object_get_string (object, "type", NULL);
  if (data != NULL)
    data_block_type = zz_json_object_get_string (data, "blockType", NULL);
  if (data_block_type != NULL && *data_block_type == '\0')
    data_block_type = NULL;

  block_type = data_block_type != NULL ? data_block_type : type;
  if (block_type == NULL || *block_type == '\0')
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   _("Node “%s” has no block type"), id);
      return NULL;
    }

  if (!read_position (object, id, &x, &y, error))
    return NULL;

  self = g_object_new (ZZ_TYPE_NODE, "id", id, NULL);
  self->block_type = g_strdup (block_type);
  self->x = x;
  self->y = y;
  self->type_is_block_type = g_strcmp0 (type, block_type) == 0;
  self->had_data_block_type = data_block_type != NULL;

  if (data != NULL)
    {
      self->label = g_strdup (zz_json_object_get_string (data, "label", NULL));
      self->description = g_strdup (zz_json_object_get_string (data, "description", NULL));
      self->enabled = zz_json_object_get_bool (data, "isEnabled", TRUE);

      config = zz_json_object_get_object (data, "config");
      if (config != NULL)
        self->config_text = zz_json_object_to_string (config, FALSE);
    }

  self->source = text != NULL ? g_strndup (text, length) : zz_json_object_to_string (object, FALSE);

  return g_steal_pointer (&self);
}

/**
 * zz_node_new_from_json:
 * @object: a node as the Zzyra web editor saves it
 * @error: return location for a #GError
 *
 * Reads a node. The block type is data.blockType when present, else
 * "type". Fails with %ZZ_WORKFLOW_ERROR_INVALID when the node has no id,
 * no block type, or a position that is not numbers. @object is copied.
 *
 * Returns: (transfer full): the node, or %NULL
 */
ZzNode *
zz_node_new_from_json (JsonObject *object,
                       GError    **error)
{
  return _zz_node_new_from_json_at (object, NULL, 0, 0, error);
}

/**
 * zz_node_to_json:
 * @self: a #ZzNode
 *
 * Returns: (transfer full): the node in the Zzyra web format, with every
 * key it was read with
 */
JsonObject *
zz_node_to_json (ZzNode *self)
{
  JsonObject *object;
  JsonObject *data = NULL;
  JsonNode   *data_node;
  JsonNode   *position_node;
  gboolean    is_new;

  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  is_new = self->source == NULL;
  object = is_new ? json_object_new () : _zz_json_object_read_back (self->source);

  json_object_set_string_member (object, "id", self->id);

  if (is_new || self->type_is_block_type)
    json_object_set_string_member (object, "type", self->block_type);

  position_node = json_object_get_member (object, "position");
  if (position_node != NULL && JSON_NODE_HOLDS_OBJECT (position_node))
    {
      JsonObject *position = json_node_get_object (position_node);

      set_number_member (position, "x", self->x);
      set_number_member (position, "y", self->y);
    }
  else if (is_new || position_node == NULL)
    {
      if (is_new || self->x != 0.0 || self->y != 0.0)
        {
          JsonObject *position = json_object_new ();

          set_number_member (position, "x", self->x);
          set_number_member (position, "y", self->y);
          json_object_set_object_member (object, "position", position);
        }
    }

  data_node = json_object_get_member (object, "data");
  if (data_node != NULL && JSON_NODE_HOLDS_OBJECT (data_node))
    data = json_object_ref (json_node_get_object (data_node));
  else if (data_node == NULL)
    data = json_object_new ();

  if (data != NULL)
    {
      JsonNode *config_node = json_object_get_member (data, "config");
      JsonNode *enabled_node = json_object_get_member (data, "isEnabled");
      gboolean  enabled_was_bool = enabled_node != NULL && JSON_NODE_HOLDS_VALUE (enabled_node) && json_node_get_value_type (enabled_node) == G_TYPE_BOOLEAN;

      if (is_new || self->had_data_block_type || !self->type_is_block_type)
        json_object_set_string_member (data, "blockType", self->block_type);

      set_nullable_string_member (data, "label", self->label);
      set_nullable_string_member (data, "description", self->description);

      if (is_new || enabled_was_bool || !self->enabled)
        json_object_set_boolean_member (data, "isEnabled", self->enabled);

      /* A config never read is the source's own, there already. */
      if (self->config == NULL && self->config_text != NULL)
        ;
      else if (is_new || (config_node != NULL && JSON_NODE_HOLDS_OBJECT (config_node)) ||
               (self->config != NULL && json_object_get_size (self->config) > 0))
        json_object_set_object_member (data, "config", zz_json_object_deep_copy (zz_node_get_config (self)));

      if (data_node == NULL && json_object_get_size (data) > 0)
        json_object_set_object_member (object, "data", json_object_ref (data));

      json_object_unref (data);
    }

  return object;
}

/**
 * zz_node_copy:
 * @self: a #ZzNode
 * @new_id: (nullable): the copy's id, or %NULL to keep @self's
 *
 * Returns: (transfer full): a deep copy of @self, unknown keys included
 */
ZzNode *
zz_node_copy (ZzNode     *self,
              const char *new_id)
{
  ZzNode *copy;

  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  copy = g_object_new (ZZ_TYPE_NODE, "id", new_id != NULL ? new_id : self->id, NULL);
  copy->block_type = g_strdup (self->block_type);
  copy->label = g_strdup (self->label);
  copy->description = g_strdup (self->description);
  copy->x = self->x;
  copy->y = self->y;
  copy->enabled = self->enabled;
  copy->config = self->config != NULL ? zz_json_object_deep_copy (self->config) : NULL;
  copy->config_text = g_strdup (self->config_text);
  copy->source = g_strdup (self->source);
  copy->type_is_block_type = self->type_is_block_type;
  copy->had_data_block_type = self->had_data_block_type;

  return copy;
}

const char *
zz_node_get_id (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  return self->id;
}

const char *
zz_node_get_block_type (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  return self->block_type;
}

void
zz_node_set_block_type (ZzNode     *self,
                        const char *block_type)
{
  g_return_if_fail (ZZ_IS_NODE (self));

  if (set_string (&self->block_type, block_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCK_TYPE]);
}

const char *
zz_node_get_label (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  return self->label;
}

const char *
zz_node_get_display_name (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  return self->label && self->label[0] ? self->label : self->id;
}

void
zz_node_set_label (ZzNode     *self,
                   const char *label)
{
  g_return_if_fail (ZZ_IS_NODE (self));

  if (set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
zz_node_get_description (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  return self->description;
}

void
zz_node_set_description (ZzNode     *self,
                         const char *description)
{
  g_return_if_fail (ZZ_IS_NODE (self));

  if (set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

double
zz_node_get_x (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), 0.0);

  return self->x;
}

double
zz_node_get_y (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), 0.0);

  return self->y;
}

void
zz_node_set_position (ZzNode *self,
                      double  x,
                      double  y)
{
  g_return_if_fail (ZZ_IS_NODE (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->x != x)
    {
      self->x = x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
    }

  if (self->y != y)
    {
      self->y = y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
zz_node_get_enabled (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), FALSE);

  return self->enabled;
}

void
zz_node_set_enabled (ZzNode  *self,
                     gboolean enabled)
{
  g_return_if_fail (ZZ_IS_NODE (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

JsonObject *
zz_node_get_config (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  if (self->config == NULL)
    {
      self->config = self->config_text != NULL ? _zz_json_object_read_back (self->config_text) : json_object_new ();
      g_clear_pointer (&self->config_text, g_free);
    }

  return self->config;
}

/**
 * zz_node_dup_config:
 * @self: a #ZzNode
 *
 * A copy of the config, as zz_json_object_deep_copy (zz_node_get_config ())
 * gives, but a config that was never read is read for the copy alone and
 * stays text in the node: checking every node of a large workflow keeps
 * no JsonObject per node.
 *
 * Returns: (transfer full): the copy, the caller's to change
 */
JsonObject *
zz_node_dup_config (ZzNode *self)
{
  g_return_val_if_fail (ZZ_IS_NODE (self), NULL);

  if (self->config != NULL)
    return zz_json_object_deep_copy (self->config);
  if (self->config_text != NULL)
    return _zz_json_object_read_back (self->config_text);
  return json_object_new ();
}

void
zz_node_set_config (ZzNode     *self,
                    JsonObject *config)
{
  g_autoptr(JsonObject) new_config = NULL;

  g_return_if_fail (ZZ_IS_NODE (self));

  /* The same object again means the caller edited it in place: that is a
   * change, and there is nothing left to compare it with. */
  if (config != NULL && config == self->config)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIG]);
      return;
    }

  new_config = config != NULL ? json_object_ref (config) : json_object_new ();
  if (json_object_equal (new_config, zz_node_get_config (self)))
    return;

  g_clear_pointer (&self->config, json_object_unref);
  self->config = g_steal_pointer (&new_config);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIG]);
}
