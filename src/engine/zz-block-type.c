/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-type.c: one kind of block: its config schema and how it runs
 *
 * A block type is described by a static ZzBlockTypeInfo (see the zz-block-*
 * files). From its fields this builds the JSON schema the inspector reads,
 * and checks configs against it, so that every block validates its config
 * the same way and says which key is wrong.
 */
#define G_LOG_DOMAIN "zz-block-type"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-block-type.h"
#include "zz-engine-error.h"
#include "zz-json.h"

struct _ZzBlockType
{
  GObject parent_instance;

  const ZzBlockTypeInfo *info;
  JsonObject            *schema;
  GStrv                  required;
  GStrv                  outputs;
  GStrv                  tags;
};

G_DEFINE_FINAL_TYPE (ZzBlockType, zz_block_type, G_TYPE_OBJECT)

static const char *
field_json_type (ZzFieldKind kind)
{
  switch (kind)
    {
    case ZZ_FIELD_STRING:
    case ZZ_FIELD_TEXT:
    case ZZ_FIELD_CODE:
    case ZZ_FIELD_CHOICE:
      return "string";
    case ZZ_FIELD_INTEGER:
      return "integer";
    case ZZ_FIELD_NUMBER:
      return "number";
    case ZZ_FIELD_BOOLEAN:
      return "boolean";
    case ZZ_FIELD_KEY_VALUE:
      return "object";
    case ZZ_FIELD_LIST:
      return "array";
    case ZZ_FIELD_JSON:
    default:
      return NULL;
    }
}

static const char *
field_widget (ZzFieldKind kind)
{
  static const char *const widgets[] = {
    [ZZ_FIELD_STRING] = "entry",
    [ZZ_FIELD_TEXT] = "textarea",
    [ZZ_FIELD_CODE] = "code",
    [ZZ_FIELD_INTEGER] = "spin",
    [ZZ_FIELD_NUMBER] = "spin",
    [ZZ_FIELD_BOOLEAN] = "switch",
    [ZZ_FIELD_CHOICE] = "choice",
    [ZZ_FIELD_KEY_VALUE] = "key-value",
    [ZZ_FIELD_JSON] = "json",
    [ZZ_FIELD_LIST] = "json",
  };

  return widgets[kind];
}

static gboolean
field_has_range (const ZzConfigField *field)
{
  return field->minimum < field->maximum;
}

static JsonObject *
build_field_schema (const ZzConfigField *field)
{
  JsonObject *property = json_object_new ();
  const char *type = field_json_type (field->kind);

  if (type != NULL)
    json_object_set_string_member (property, "type", type);
  json_object_set_string_member (property, "title", _(field->title));
  if (field->description != NULL)
    json_object_set_string_member (property, "description", _(field->description));
  json_object_set_string_member (property, "x-widget", field_widget (field->kind));

  if (field->default_json != NULL)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *value = zz_json_parse (field->default_json, -1, &error);

      /* A programming error in a built-in table, not user input. */
      if (value == NULL)
        g_critical ("Default of config key “%s” is not JSON: %s", field->key, error->message);
      else
        json_object_set_member (property, "default", value);
    }

  if (field->kind == ZZ_FIELD_CHOICE && field->choices != NULL)
    {
      g_auto(GStrv) choices = g_strsplit (field->choices, "|", -1);
      json_object_set_array_member (property, "enum",
                                    zz_json_array_new_from_strv ((const char *const *) choices));
    }

  if (field_has_range (field))
    {
      json_object_set_double_member (property, "minimum", field->minimum);
      json_object_set_double_member (property, "maximum", field->maximum);
    }

  if (field->flags & ZZ_FIELD_RAW)
    json_object_set_boolean_member (property, "x-raw", TRUE);
  if (field->flags & ZZ_FIELD_ADVANCED)
    json_object_set_boolean_member (property, "x-advanced", TRUE);

  return property;
}

static void
zz_block_type_finalize (GObject *object)
{
  ZzBlockType *self = ZZ_BLOCK_TYPE (object);

  g_clear_pointer (&self->schema, json_object_unref);
  g_clear_pointer (&self->required, g_strfreev);
  g_clear_pointer (&self->outputs, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (zz_block_type_parent_class)->finalize (object);
}

static void
zz_block_type_class_init (ZzBlockTypeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zz_block_type_finalize;
}

static void
zz_block_type_init (ZzBlockType *self)
{
}

/**
 * zz_block_type_new:
 * @info: a description that outlives the block type (a static table)
 *
 * Returns: (transfer full): a new block type
 */
ZzBlockType *
zz_block_type_new (const ZzBlockTypeInfo *info)
{
  ZzBlockType *self;
  g_autoptr(GStrvBuilder) required = g_strv_builder_new ();
  JsonObject *properties;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (info->id != NULL, NULL);

  self = g_object_new (ZZ_TYPE_BLOCK_TYPE, NULL);
  self->info = info;
  self->outputs = info->outputs ? g_strsplit (info->outputs, "|", -1) : g_new0 (char *, 1);
  self->tags = g_strsplit (info->tags ? info->tags : "", " ", -1);

  self->schema = json_object_new ();
  properties = json_object_new ();
  json_object_set_string_member (self->schema, "type", "object");

  for (guint i = 0; i < info->n_fields; i++)
    {
      const ZzConfigField *field = &info->fields[i];

      json_object_set_object_member (properties, field->key, build_field_schema (field));
      if (field->flags & ZZ_FIELD_REQUIRED)
        g_strv_builder_add (required, field->key);
    }

  self->required = g_strv_builder_end (required);
  json_object_set_object_member (self->schema, "properties", properties);
  json_object_set_array_member (self->schema, "required",
                                zz_json_array_new_from_strv ((const char *const *) self->required));

  return self;
}

const char *
zz_block_type_get_id (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return self->info->id;
}

const char *
zz_block_type_get_title (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return _(self->info->title);
}

const char *
zz_block_type_get_description (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return self->info->description ? _(self->info->description) : "";
}

const char *
zz_block_type_get_category (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return self->info->category;
}

const char *
zz_block_type_get_icon_name (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return self->info->icon_name;
}

const char *const *
zz_block_type_get_tags (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return (const char *const *) self->tags;
}

JsonObject *
zz_block_type_get_config_schema (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return self->schema;
}

const char *const *
zz_block_type_get_required_keys (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return (const char *const *) self->required;
}

const char *const *
zz_block_type_get_outputs (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  return (const char *const *) self->outputs;
}

gboolean
zz_block_type_is_trigger (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), FALSE);
  return self->info->trigger;
}

gboolean
zz_block_type_can_execute (ZzBlockType *self)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), FALSE);
  return self->info->execute != NULL;
}

static const ZzConfigField *
find_field (ZzBlockType *self,
            const char  *key)
{
  for (guint i = 0; i < self->info->n_fields; i++)
    {
      if (g_str_equal (self->info->fields[i].key, key))
        return &self->info->fields[i];
    }

  return NULL;
}

gboolean
zz_block_type_is_raw_key (ZzBlockType *self,
                          const char  *key)
{
  const ZzConfigField *field;

  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), FALSE);

  field = find_field (self, key);

  return field != NULL && (field->flags & ZZ_FIELD_RAW) != 0;
}

/**
 * zz_block_type_apply_defaults:
 * @config: (nullable): a node's config
 *
 * Returns: (transfer full): the defaults of the schema with @config over them
 */
JsonObject *
zz_block_type_apply_defaults (ZzBlockType *self,
                              JsonObject  *config)
{
  JsonObject    *result = json_object_new ();
  JsonObject    *properties;
  JsonObjectIter iter;
  const char    *key;
  JsonNode      *value;

  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), result);

  properties = json_object_get_object_member (self->schema, "properties");
  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &key, &value))
    {
      JsonNode *default_value = json_object_get_member (json_node_get_object (value), "default");

      if (default_value != NULL)
        json_object_set_member (result, key, json_node_copy (default_value));
    }

  if (config != NULL)
    {
      json_object_iter_init (&iter, config);
      while (json_object_iter_next (&iter, &key, &value))
        json_object_set_member (result, key, json_node_copy (value));
    }

  return result;
}

static gboolean
is_template_string (JsonNode *value)
{
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return FALSE;

  text = json_node_get_string (value);

  return strstr (text, "{{") != NULL || (text[0] == '{' && strchr (text, '}') != NULL);
}

static gboolean
is_empty (JsonNode *value)
{
  if (JSON_NODE_HOLDS_NULL (value))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (json_node_get_string (value)));
      return *stripped == '\0';
    }

  return FALSE;
}

static gboolean
check_number (const ZzConfigField *field,
              JsonNode            *value,
              GError             **error)
{
  double number;
  GType  type;

  if (!JSON_NODE_HOLDS_VALUE (value) ||
      ((type = json_node_get_value_type (value)) != G_TYPE_INT64 && type != G_TYPE_DOUBLE))
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                   _("“%s” must be a number"), _(field->title));
      return FALSE;
    }

  number = json_node_get_double (value);
  if (field->kind == ZZ_FIELD_INTEGER && number != floor (number))
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                   _("“%s” must be a whole number, not %g"), _(field->title), number);
      return FALSE;
    }

  if (field_has_range (field) && (number < field->minimum || number > field->maximum))
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                   _("“%s” must be between %g and %g, not %g"),
                      _(field->title), field->minimum, field->maximum, number);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_field (const ZzConfigField *field,
             JsonNode            *value,
             GError             **error)
{
  /* A template is checked once it is resolved, just before the node runs. */
  if (is_template_string (value) || JSON_NODE_HOLDS_NULL (value))
    return TRUE;

  switch (field->kind)
    {
    case ZZ_FIELD_STRING:
    case ZZ_FIELD_TEXT:
    case ZZ_FIELD_CODE:
      /* A number or a boolean reads as text; a whole-value template such
       * as "{{json.price}}" resolves to one. */
      if (!JSON_NODE_HOLDS_VALUE (value))
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                       _("“%s” must be text"), _(field->title));
          return FALSE;
        }
      return TRUE;

    case ZZ_FIELD_INTEGER:
    case ZZ_FIELD_NUMBER:
      return check_number (field, value, error);

    case ZZ_FIELD_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                       _("“%s” must be true or false"), _(field->title));
          return FALSE;
        }
      return TRUE;

    case ZZ_FIELD_CHOICE:
      {
        g_auto(GStrv) choices = g_strsplit (field->choices, "|", -1);
        g_autofree char *list = g_strjoinv (", ", choices);

        if (!JSON_NODE_HOLDS_VALUE (value) ||
            json_node_get_value_type (value) != G_TYPE_STRING ||
            !g_strv_contains ((const char *const *) choices, json_node_get_string (value)))
          {
            g_autofree char *given = zz_json_to_string (value, FALSE);
            g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                         _("“%s” must be one of %s, not %s"), _(field->title), list, given);
            return FALSE;
          }
        return TRUE;
      }

    case ZZ_FIELD_KEY_VALUE:
      {
        JsonObjectIter iter;
        const char    *name;
        JsonNode      *member;

        if (!JSON_NODE_HOLDS_OBJECT (value))
          {
            g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                         _("“%s” must be a list of names and values"), _(field->title));
            return FALSE;
          }

        json_object_iter_init (&iter, json_node_get_object (value));
        while (json_object_iter_next (&iter, &name, &member))
          {
            if (!JSON_NODE_HOLDS_VALUE (member))
              {
                g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                             _("“%s”: the value of “%s” must be text"), _(field->title), name);
                return FALSE;
              }
          }
        return TRUE;
      }

    case ZZ_FIELD_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (value))
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                       _("“%s” must be a list"), _(field->title));
          return FALSE;
        }
      return TRUE;

    case ZZ_FIELD_JSON:
    default:
      return TRUE;
    }
}

/**
 * zz_block_type_validate_config:
 * @config: (nullable): a node's config, before or after templates are resolved
 *
 * Checks the required keys, then each key's type, choices and range, then
 * the block's own rules. Values that are still templates pass; they are
 * checked again once resolved.
 *
 * Returns: %TRUE if @config is valid; else %ZZ_ENGINE_ERROR_CONFIG naming the key
 */
gboolean
zz_block_type_validate_config (ZzBlockType *self,
                               JsonObject  *config,
                               GError     **error)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), FALSE);

  for (guint i = 0; i < self->info->n_fields; i++)
    {
      const ZzConfigField *field = &self->info->fields[i];
      JsonNode            *value = config ? json_object_get_member (config, field->key) : NULL;

      if (value == NULL || is_empty (value))
        {
          if (field->flags & ZZ_FIELD_REQUIRED)
            {
              g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                           _("“%s” is required"), _(field->title));
              return FALSE;
            }
          continue;
        }

      if (!check_field (field, value, error))
        return FALSE;
    }

  if (self->info->validate != NULL)
    return self->info->validate (self, config, error);

  return TRUE;
}

void
zz_block_type_execute_async (ZzBlockType        *self,
                             JsonObject         *config,
                             JsonNode           *input,
                             ZzBlockContext     *context,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZZ_IS_BLOCK_TYPE (self));
  g_return_if_fail (config != NULL);
  g_return_if_fail (context != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zz_block_type_execute_async);

  if (self->info->execute == NULL)
    {
      g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                               _("“%s” blocks cannot run in Zzyra Desktop yet"),
                                  _(self->info->title));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  self->info->execute (self, config, input, context, g_steal_pointer (&task));
}

/**
 * zz_block_type_execute_finish:
 *
 * Returns: (transfer full): the block's output
 */
JsonNode *
zz_block_type_execute_finish (ZzBlockType  *self,
                              GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (ZZ_IS_BLOCK_TYPE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
