/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-transform.c: DATA_TRANSFORM applies the platform's
 * transformations, in order, to its input
 *
 * Each transformation is {type, field, operation, value, outputField}:
 *   map        copy `field` to `outputField`
 *   filter     keep the elements of a list whose `field` passes
 *              `operation` (equals, not_equals, greater_than, less_than,
 *              contains) against `value`
 *   aggregate  sum, average, count, min or max of the list at `field`
 *   format     uppercase, lowercase, capitalize, trim, number or string
 *   extract    the value at `field`, alone (or as `outputField`)
 *   combine    the values of the fields listed in `value`, joined by
 *              `separator` (default " "), into `outputField`
 *   set        `outputField` (or `field`) = `value`, a template resolved
 *              before the node runs, keeping its JSON type
 * On a list, map, format and set apply to each element. Fields are dotted
 * paths (`body.price`).
 */
#define G_LOG_DOMAIN "zz-block-transform"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-blocks-private.h"
#include "zz-engine-error.h"
#include "zz-json.h"

typedef gboolean (*ElementFunc) (JsonObject *transformation,
                                 JsonNode   *element,
                                 GError    **error);

static gboolean
node_to_number (JsonNode *node,
                double   *number)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *number = json_node_get_double (node);
      return TRUE;

    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        char       *end = NULL;

        *number = g_ascii_strtod (text, &end);
        return end != text && *end == '\0';
      }

    default:
      return FALSE;
    }
}

static char *
node_to_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    }

  return zz_json_to_string (node, FALSE);
}

static JsonNode *
number_node (double value)
{
  if (value == floor (value) && fabs (value) < 9e15)
    return json_node_init_int (json_node_alloc (), (gint64) value);

  return json_node_init_double (json_node_alloc (), value);
}

static const char *
output_field (JsonObject *transformation)
{
  const char *out = zz_json_object_get_string (transformation, "outputField", NULL);

  if (out == NULL || *out == '\0')
    out = zz_json_object_get_string (transformation, "field", NULL);

  return out;
}

static gboolean
set_field (JsonNode   *target,
           const char *path,
           JsonNode   *value,
           GError    **error)
{
  if (path == NULL || *path == '\0' || !JSON_NODE_HOLDS_OBJECT (target))
    {
      json_node_unref (value);
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                   _("Cannot set “%s”: the data is not an object"), path ? path : "");
      return FALSE;
    }

  if (!zz_json_object_set_path (json_node_get_object (target), path, value))
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                   _("Cannot set “%s”: a part of the path is not an object"), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
map_element (JsonObject *transformation,
             JsonNode   *element,
             GError    **error)
{
  const char *field = zz_json_object_get_string (transformation, "field", "");
  JsonNode   *value = zz_json_node_get_path (element, field);

  if (value == NULL)
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                   _("Map: the data has no field “%s”"), field);
      return FALSE;
    }

  return set_field (element, output_field (transformation), json_node_copy (value), error);
}

static gboolean
set_element (JsonObject *transformation,
             JsonNode   *element,
             GError    **error)
{
  JsonNode *value = json_object_get_member (transformation, "value");

  return set_field (element, output_field (transformation),
                    value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL), error);
}

static JsonNode *
format_value (const char *operation,
              JsonNode   *value,
              GError    **error)
{
  g_autofree char *text = node_to_text (value);
  double           number;

  if (g_str_equal (operation, "uppercase"))
    {
      g_autofree char *up = g_utf8_strup (text, -1);
      return json_node_init_string (json_node_alloc (), up);
    }

  if (g_str_equal (operation, "lowercase"))
    {
      g_autofree char *down = g_utf8_strdown (text, -1);
      return json_node_init_string (json_node_alloc (), down);
    }

  if (g_str_equal (operation, "capitalize"))
    {
      GString *result = g_string_new (NULL);
      gboolean at_start = TRUE;

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_string_append_unichar (result, at_start ? g_unichar_totitle (c) : c);
          at_start = g_unichar_isspace (c);
        }

      value = json_node_init_string (json_node_alloc (), result->str);
      g_string_free (result, TRUE);
      return value;
    }

  if (g_str_equal (operation, "trim"))
    return json_node_init_string (json_node_alloc (), g_strstrip (text));

  if (g_str_equal (operation, "number"))
    {
      if (!node_to_number (value, &number))
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                       _("Format: “%s” is not a number"), text);
          return NULL;
        }
      return number_node (number);
    }

  if (g_str_equal (operation, "string"))
    return json_node_init_string (json_node_alloc (), text);

  g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
               _("Format: unknown operation “%s”; use uppercase, lowercase, capitalize, trim, number or string"),
                  operation);
  return NULL;
}

static gboolean
format_element (JsonObject *transformation,
                JsonNode   *element,
                GError    **error)
{
  const char *field = zz_json_object_get_string (transformation, "field", "");
  const char *operation = zz_json_object_get_string (transformation, "operation", "");
  JsonNode   *value = zz_json_node_get_path (element, field);
  JsonNode   *result;

  if (value == NULL)
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                   _("Format: the data has no field “%s”"), field);
      return FALSE;
    }

  if (!(result = format_value (operation, value, error)))
    return FALSE;

  return set_field (element, output_field (transformation), result, error);
}

/* Applies @func to @data, or to each of its elements if it is a list. */
static gboolean
for_each_element (JsonObject *transformation,
                  JsonNode   *data,
                  ElementFunc func,
                  GError    **error)
{
  if (JSON_NODE_HOLDS_ARRAY (data))
    {
      JsonArray *array = json_node_get_array (data);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (!func (transformation, json_array_get_element (array, i), error))
            return FALSE;
        }
      return TRUE;
    }

  return func (transformation, data, error);
}

static gboolean
compare (JsonNode   *left,
         const char *operation,
         JsonNode   *right)
{
  g_autofree char *left_text = node_to_text (left);
  g_autofree char *right_text = node_to_text (right);
  double           a, b;
  gboolean         numeric = node_to_number (left, &a) && node_to_number (right, &b);

  if (g_str_equal (operation, "equals"))
    return numeric ? a == b : g_strcmp0 (left_text, right_text) == 0;
  if (g_str_equal (operation, "not_equals"))
    return numeric ? a != b : g_strcmp0 (left_text, right_text) != 0;
  if (g_str_equal (operation, "greater_than"))
    return numeric ? a > b : g_strcmp0 (left_text, right_text) > 0;
  if (g_str_equal (operation, "less_than"))
    return numeric ? a < b : g_strcmp0 (left_text, right_text) < 0;
  if (g_str_equal (operation, "contains"))
    {
      if (left != NULL && JSON_NODE_HOLDS_ARRAY (left))
        {
          JsonArray *array = json_node_get_array (left);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              if (compare (json_array_get_element (array, i), "equals", right))
                return TRUE;
            }
          return FALSE;
        }
      return strstr (left_text, right_text) != NULL;
    }

  return FALSE;
}

static gboolean
filter (JsonObject *transformation,
        JsonNode  **data,
        GError    **error)
{
  static const char *const operations[] = { "equals", "not_equals", "greater_than", "less_than", "contains", NULL };
  const char              *field = zz_json_object_get_string (transformation, "field", "");
  const char              *operation = zz_json_object_get_string (transformation, "operation", "equals");
  JsonNode                *value = json_object_get_member (transformation, "value");
  JsonNode                *list = *data;
  const char              *element_field = field;
  JsonArray               *kept;

  if (!g_strv_contains (operations, operation))
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                   _("Filter: unknown operation “%s”; use equals, not_equals, greater_than, less_than or contains"),
                      operation);
      return FALSE;
    }

  /* A list of records filtered by a field of each, or a list inside the
   * data whose elements are compared themselves. */
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      list = zz_json_node_get_path (*data, field);
      element_field = "";
      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                       _("Filter needs a list, and “%s” is not one"), field);
          return FALSE;
        }
    }

  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);

      if (compare (zz_json_node_get_path (element, element_field), operation, value))
        json_array_add_element (kept, json_node_copy (element));
    }

  if (list == *data)
    {
      json_node_unref (*data);
      *data = json_node_init_array (json_node_alloc (), kept);
    }
  else
    {
      zz_json_object_set_path (json_node_get_object (*data), field,
                               json_node_init_array (json_node_alloc (), kept));
    }
  json_array_unref (kept);

  return TRUE;
}

static gboolean
aggregate (JsonObject *transformation,
           JsonNode  **data,
           GError    **error)
{
  const char      *field = zz_json_object_get_string (transformation, "field", "");
  const char      *operation = zz_json_object_get_string (transformation, "operation", "sum");
  const char      *out = zz_json_object_get_string (transformation, "outputField", NULL);
  const char      *of = zz_json_object_get_string (transformation, "value", NULL);
  JsonNode        *list = zz_json_node_get_path (*data, field);
  g_autofree char *default_out = NULL;
  double           sum = 0, min = INFINITY, max = -INFINITY;
  guint            count = 0;
  JsonNode        *result;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                   _("Aggregate needs a list, and “%s” is not one"), *field ? field : _("the input"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);
      double    number;

      /* `value` names the field of each record to aggregate, if any. */
      if (of != NULL && *of != '\0')
        element = zz_json_node_get_path (element, of);

      if (g_str_equal (operation, "count"))
        {
          count++;
          continue;
        }

      if (!node_to_number (element, &number))
        continue;

      sum += number;
      min = MIN (min, number);
      max = MAX (max, number);
      count++;
    }

  if (g_str_equal (operation, "sum"))
    result = number_node (sum);
  else if (g_str_equal (operation, "average"))
    result = count ? number_node (sum / count) : json_node_new (JSON_NODE_NULL);
  else if (g_str_equal (operation, "count"))
    result = number_node (count);
  else if (g_str_equal (operation, "min"))
    result = count ? number_node (min) : json_node_new (JSON_NODE_NULL);
  else if (g_str_equal (operation, "max"))
    result = count ? number_node (max) : json_node_new (JSON_NODE_NULL);
  else
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                   _("Aggregate: unknown operation “%s”; use sum, average, count, min or max"), operation);
      return FALSE;
    }

  if (out == NULL || *out == '\0')
    out = default_out = g_strdup (operation);

  if (!JSON_NODE_HOLDS_OBJECT (*data))
    {
      json_node_unref (*data);
      *data = zz_json_node_new_take_object (NULL);
    }

  return set_field (*data, out, result, error);
}

static gboolean
extract (JsonObject *transformation,
         JsonNode  **data,
         GError    **error)
{
  const char *field = zz_json_object_get_string (transformation, "field", "");
  const char *out = zz_json_object_get_string (transformation, "outputField", NULL);
  JsonNode   *value = zz_json_node_get_path (*data, field);
  JsonNode   *extracted;

  if (value == NULL)
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                   _("Extract: the data has no field “%s”"), field);
      return FALSE;
    }

  extracted = json_node_copy (value);
  json_node_unref (*data);

  if (out == NULL || *out == '\0')
    {
      *data = extracted;
      return TRUE;
    }

  *data = zz_json_node_new_take_object (NULL);

  return set_field (*data, out, extracted, error);
}

static gboolean
combine_element (JsonObject *transformation,
                 JsonNode   *element,
                 GError    **error)
{
  JsonNode   *value = json_object_get_member (transformation, "value");
  const char *separator = zz_json_object_get_string (transformation, "separator", " ");
  const char *out = zz_json_object_get_string (transformation, "outputField", NULL);
  g_autoptr(GString) combined = g_string_new (NULL);

  if (out == NULL || *out == '\0')
    {
      g_set_error_literal (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                           _("Combine needs an output field"));
      return FALSE;
    }

  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    return set_field (element, out, value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL), error);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (value)); i++)
    {
      JsonNode        *name = json_array_get_element (json_node_get_array (value), i);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
        continue;

      text = node_to_text (zz_json_node_get_path (element, json_node_get_string (name)));
      if (combined->len > 0)
        g_string_append (combined, separator);
      g_string_append (combined, text);
    }

  return set_field (element, out, json_node_init_string (json_node_alloc (), combined->str), error);
}

static gboolean
apply_transformation (JsonObject *transformation,
                      JsonNode  **data,
                      GError    **error)
{
  const char *type = zz_json_object_get_string (transformation, "type", "");

  if (g_str_equal (type, "map"))
    return for_each_element (transformation, *data, map_element, error);
  if (g_str_equal (type, "set"))
    return for_each_element (transformation, *data, set_element, error);
  if (g_str_equal (type, "format"))
    return for_each_element (transformation, *data, format_element, error);
  if (g_str_equal (type, "combine"))
    return for_each_element (transformation, *data, combine_element, error);
  if (g_str_equal (type, "filter"))
    return filter (transformation, data, error);
  if (g_str_equal (type, "aggregate"))
    return aggregate (transformation, data, error);
  if (g_str_equal (type, "extract"))
    return extract (transformation, data, error);

  g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
               _("Unknown transformation “%s”; use map, filter, aggregate, format, extract, combine or set"),
                  type);
  return FALSE;
}

static gboolean
transform_validate (ZzBlockType *type,
                    JsonObject  *config,
                    GError     **error)
{
  JsonArray *transformations = zz_json_object_get_array (config, "transformations");
  guint      n = transformations ? json_array_get_length (transformations) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (transformations, i);

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          zz_json_object_get_string (json_node_get_object (element), "type", NULL) == NULL)
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                       _("Transformation %u has no type"), i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static void
transform_execute (ZzBlockType    *type,
                   JsonObject     *config,
                   JsonNode       *input,
                   ZzBlockContext *context,
                   GTask          *task)
{
  JsonArray *transformations = zz_json_object_get_array (config, "transformations");
  guint      n = transformations ? json_array_get_length (transformations) : 0;
  JsonNode  *data;

  if (input != NULL && !JSON_NODE_HOLDS_NULL (input))
    data = json_node_copy (input);
  else
    {
      data = zz_json_node_new_take_object (NULL);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!apply_transformation (json_array_get_object_element (transformations, i), &data, &error))
        {
          json_node_unref (data);
          g_task_return_new_error (task, ZZ_ENGINE_ERROR, error->code,
                                   _("Transformation %u: %s"), i + 1, error->message);
          g_object_unref (task);
          return;
        }
    }

  _zz_block_return_output (task, data);
}

static const ZzConfigField transform_fields[] = {
  { "transformations", ZZ_FIELD_LIST, N_ ("Transformations"),
    N_ ("Applied in order: {type, field, operation, value, outputField}"), "[]" },
  { "outputSchema", ZZ_FIELD_JSON, N_ ("Output Schema"), NULL, NULL, NULL, 0, 0, ZZ_FIELD_ADVANCED },
  { "previewMode", ZZ_FIELD_BOOLEAN, N_ ("Preview Mode"), NULL, "false", NULL, 0, 0, ZZ_FIELD_ADVANCED },
};

const ZzBlockTypeInfo *
_zz_block_data_transform_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "DATA_TRANSFORM",
    .title = N_ ("Transform Data"),
    .description = N_ ("Maps, filters, aggregates and formats its input"),
    .category = "data",
    .icon_name = "view-list-symbolic",
    .tags = "map filter aggregate format extract combine set json data",
    .fields = transform_fields,
    .n_fields = G_N_ELEMENTS (transform_fields),
    .execute = transform_execute,
    .validate = transform_validate,
  };

  return &info;
}
