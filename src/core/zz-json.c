/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-json.c: JSON helpers shared by the store, the document and the CLI
 *
 * Reading JSON text is zz-json-parse.c's. The getters read a member only
 * when it has the expected type, so that a file with a wrong type gets the
 * default instead of a critical.
 */
#define G_LOG_DOMAIN "zz-json"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-json-private.h"

/* clang-format would space out the quark's dashes */
/* clang-format off */
G_DEFINE_QUARK (zz-json-error-quark, zz_json_error)
/* clang-format on */

/* JSON text is written here rather than by JsonGenerator, for two reasons:
 * json-glib prints every double with 17 significant digits, so 0.1 became
 * 0.10000000000000001 in exported files, run outputs and the CLI; and a row
 * of every node of a run is serialized, where a GObject per call costs. A
 * double is written in the shortest form that reads back as the same
 * double, and keeps a decimal point so that it stays a double. */
static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }

  g_string_append_c (out, '"');
}

/**
 * zz_json_format_double:
 * @buffer: (out caller-allocates): at least %G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * Writes @value in the shortest form that reads back as the same double
 * ("0.1", not "0.10000000000000001"); "null" if it is not finite, as JSON
 * has no NaN or infinity.
 *
 * Returns: (transfer none): @buffer
 */
const char *
zz_json_format_double (char  *buffer,
                       double value)
{
  if (!isfinite (value))
    return strcpy (buffer, "null");

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return buffer;
}

static void
append_newline (GString *out,
                gboolean pretty,
                guint    depth)
{
  if (!pretty)
    return;

  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_node (GString  *out,
             JsonNode *node,
             gboolean  pretty,
             guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject    *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char    *member;
        JsonNode      *value;
        gboolean       first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &member, &value))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_newline (out, pretty, depth + 1);
            append_string (out, member);
            g_string_append (out, pretty ? ": " : ":");
            append_node (out, value, pretty, depth + 1);
          }
        if (!first)
          append_newline (out, pretty, depth);
        g_string_append_c (out, '}');
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint      n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_newline (out, pretty, depth + 1);
            append_node (out, json_array_get_element (array, i), pretty, depth + 1);
          }
        if (n > 0)
          append_newline (out, pretty, depth);
        g_string_append_c (out, ']');
        break;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char        buffer[G_ASCII_DTOSTR_BUF_SIZE];
            const char *text = zz_json_format_double (buffer, json_node_get_double (node));

            g_string_append (out, text);
            /* 5.0 stays a double when read back. */
            if (strpbrk (text, ".eEn") == NULL)
              g_string_append (out, ".0");
            break;
          }
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
zz_json_to_string (JsonNode *node,
                   gboolean  pretty)
{
  GString *out = g_string_sized_new (64);
  gsize    length;

  g_return_val_if_fail (node != NULL, NULL);

  append_node (out, node, pretty, 0);

  /* A GString holds up to twice its text; nodes keep their configs as such
   * text, a hundred thousand of them in a large workflow. */
  length = out->len;
  return g_realloc (g_string_free (out, FALSE), length + 1);
}

void
_zz_json_append_object (GString    *out,
                        JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  append_node (out, node, FALSE, 0);
}

char *
zz_json_object_to_string (JsonObject *object,
                          gboolean    pretty)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return zz_json_to_string (node, pretty);
}

char *
zz_json_array_to_string (JsonArray *array,
                         gboolean   pretty)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  return zz_json_to_string (node, pretty);
}

gboolean
zz_json_is_valid (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    return FALSE;

  node = zz_json_parse (text, -1, NULL);

  return node != NULL;
}

static JsonNode *
get_value_member (JsonObject *object,
                  const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  return node;
}

const char *
zz_json_object_get_string (JsonObject *object,
                           const char *member,
                           const char *default_value)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return default_value;

  return json_node_get_string (node);
}

gint64
zz_json_object_get_int (JsonObject *object,
                        const char *member,
                        gint64      default_value)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL)
    return default_value;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return (gint64) json_node_get_double (node);
    default:
      return default_value;
    }
}

double
zz_json_object_get_double (JsonObject *object,
                           const char *member,
                           double      default_value)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL)
    return default_value;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    default:
      return default_value;
    }
}

gboolean
zz_json_object_get_bool (JsonObject *object,
                         const char *member,
                         gboolean    default_value)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return default_value;

  return json_node_get_boolean (node);
}

/**
 * zz_json_object_get_object:
 *
 * Returns: (transfer none) (nullable): the member if it is an object
 */
JsonObject *
zz_json_object_get_object (JsonObject *object,
                           const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/**
 * zz_json_object_get_array:
 *
 * Returns: (transfer none) (nullable): the member if it is an array
 */
JsonArray *
zz_json_object_get_array (JsonObject *object,
                          const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

/**
 * zz_json_array_to_strv:
 * @array: (nullable): an array
 *
 * Returns: (transfer full): the string elements of @array; others are skipped
 */
char **
zz_json_array_to_strv (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) &&
          json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/**
 * zz_json_array_new_from_strv:
 *
 * Returns: (transfer full): a JSON array of the strings in @strv
 */
JsonArray *
zz_json_array_new_from_strv (const char *const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

/**
 * zz_json_strv_from_string:
 * @text: (nullable): a JSON array of strings, as a `String[]` column holds it
 *
 * Returns: (transfer full): the strings; empty if @text is not such an array
 */
char **
zz_json_strv_from_string (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (text != NULL)
    node = zz_json_parse (text, -1, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_new0 (char *, 1);

  return zz_json_array_to_strv (json_node_get_array (node));
}

/**
 * zz_json_strv_to_string:
 *
 * Returns: (transfer full): @strv as a compact JSON array
 */
char *
zz_json_strv_to_string (const char *const *strv)
{
  g_autoptr(JsonArray) array = zz_json_array_new_from_strv (strv);

  return zz_json_array_to_string (array, FALSE);
}

/* Splits "a.b[0].c" into members and indexes; FALSE if malformed. */
static gboolean
next_path_step (const char **cursor,
                char       **member,
                gint64      *index)
{
  const char *p = *cursor;

  *member = NULL;
  *index = -1;

  if (*p == '.')
    p++;

  if (*p == '[')
    {
      char   *end = NULL;
      guint64 value = g_ascii_strtoull (p + 1, &end, 10);

      if (end == p + 1 || *end != ']')
        return FALSE;
      *index = (gint64) value;
      *cursor = end + 1;
      return TRUE;
    }

  {
    const char *start = p;

    while (*p != '\0' && *p != '.' && *p != '[')
      p++;
    if (p == start)
      return FALSE;
    *member = g_strndup (start, p - start);
    *cursor = p;
    return TRUE;
  }
}

/**
 * zz_json_node_get_path:
 * @root: (nullable): a JSON value
 * @path: a path such as `body.items[0].price`; empty for @root itself
 *
 * Returns: (transfer none) (nullable): the value at @path, or %NULL if
 *   there is nothing there
 */
JsonNode *
zz_json_node_get_path (JsonNode   *root,
                       const char *path)
{
  const char *cursor = path;
  JsonNode   *node = root;

  g_return_val_if_fail (path != NULL, NULL);

  while (node != NULL && *cursor != '\0')
    {
      g_autofree char *member = NULL;
      gint64           index;

      if (!next_path_step (&cursor, &member, &index))
        return NULL;

      if (member != NULL)
        node = JSON_NODE_HOLDS_OBJECT (node)
                 ? json_object_get_member (json_node_get_object (node), member)
                 : NULL;
      else if (JSON_NODE_HOLDS_ARRAY (node) &&
               index < json_array_get_length (json_node_get_array (node)))
        node = json_array_get_element (json_node_get_array (node), (guint) index);
      else
        node = NULL;
    }

  return node;
}

/**
 * zz_json_object_set_path:
 * @object: the object to change
 * @path: a dotted path such as `result.total`
 * @value: (transfer full): the value to set
 *
 * Sets @value at @path, making the objects on the way that are missing.
 *
 * Returns: %FALSE (and frees @value) if the path is malformed or crosses a
 *   value that is not an object
 */
gboolean
zz_json_object_set_path (JsonObject *object,
                         const char *path,
                         JsonNode   *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    {
      if (*parts[i] == '\0')
        {
          json_node_unref (value);
          return FALSE;
        }

      if (i + 1 == n)
        {
          json_object_set_member (object, parts[i], value);
          return TRUE;
        }

      if (!json_object_has_member (object, parts[i]))
        json_object_set_object_member (object, parts[i], json_object_new ());

      object = zz_json_object_get_object (object, parts[i]);
      if (object == NULL)
        {
          json_node_unref (value);
          return FALSE;
        }
    }

  json_node_unref (value);
  return FALSE;
}

/**
 * zz_json_node_new_take_object:
 * @object: (transfer full) (nullable): an object, or %NULL for a new empty one
 *
 * Returns: (transfer full): a node holding @object
 */
JsonNode *
zz_json_node_new_take_object (JsonObject *object)
{
  JsonNode *node = json_node_alloc ();

  if (object == NULL)
    object = json_object_new ();

  json_node_init_object (node, object);
  json_object_unref (object);

  return node;
}

static gboolean
is_deeper_than (JsonNode *node,
                guint     levels_left)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode      *member;

        if (levels_left == 0)
          return TRUE;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          if (is_deeper_than (member, levels_left - 1))
            return TRUE;
        return FALSE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        if (levels_left == 0)
          return TRUE;

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (is_deeper_than (json_array_get_element (array, i), levels_left - 1))
            return TRUE;
        return FALSE;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

/**
 * zz_json_node_is_deeper_than:
 * @node: a tree, however deep
 * @max_depth: how many levels of arrays and objects may nest
 *
 * Whether @node nests arrays and objects more than @max_depth levels, as
 * zz_json_parse() counts them (`[[1]]` has two). The walk goes no deeper
 * than @max_depth + 1, so a tree built deeper than any reader or writer
 * could recurse (by composing outputs, not by parsing) is measured safely,
 * before anything serializes it.
 */
gboolean
zz_json_node_is_deeper_than (JsonNode *node,
                             guint     max_depth)
{
  g_return_val_if_fail (node != NULL, FALSE);

  return is_deeper_than (node, max_depth);
}

/**
 * zz_json_node_deep_copy:
 *
 * A mutable copy that shares nothing with @node: json_node_copy() shares
 * children, and zz_json_parse() seals what it makes.
 *
 * Returns: (transfer full): the copy
 */
JsonNode *
zz_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, zz_json_object_deep_copy (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *array_copy = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (array_copy,
                                  zz_json_node_deep_copy (json_array_get_element (array, i)));

        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, array_copy);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      /* json_node_copy() gives an unsealed node; values share nothing mutable. */
      return json_node_copy (node);
    }
}

JsonObject *
zz_json_object_deep_copy (JsonObject *object)
{
  JsonObject    *copy = json_object_new ();
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  g_return_val_if_fail (object != NULL, NULL);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    json_object_set_member (copy, member, zz_json_node_deep_copy (value));

  return copy;
}
