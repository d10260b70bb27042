/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-template.c: {{references}} in config values, resolved as Zzyra does
 *
 * Workflows come from the Zzyra web platform, so the forms and their
 * meaning are the platform's. Two choices are this app's own: a reference
 * that names nothing is an error quoting the reference as written (an
 * empty string silently sent in an e-mail is worse than a failed node),
 * and single braces are a reference only when their head is a word the
 * platform gives them or a node id, because JSON bodies are full of braces.
 */
#define G_LOG_DOMAIN "zz-template"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-engine-error.h"
#include "zz-json.h"
#include "zz-template.h"
#include "zz-time.h"

typedef struct
{
  char  *key; /* NULL for an index step */
  gint64 index;
  char  *written; /* "price", "[3]": how messages name the step */
} PathStep;

typedef struct
{
  char      *head;  /* json, data, a node id, a variable, or "$now" */
  GPtrArray *steps; /* of PathStep */
  char      *args;  /* between the parentheses of $randomInt(...) */
} Reference;

typedef struct
{
  const char *start; /* the opening brace */
  const char *end;   /* just past the closing brace(s) */
  Reference   ref;
} Span;

static void
path_step_free (gpointer data)
{
  PathStep *step = data;

  g_free (step->key);
  g_free (step->written);
  g_free (step);
}

static void
reference_clear (Reference *ref)
{
  g_clear_pointer (&ref->head, g_free);
  g_clear_pointer (&ref->steps, g_ptr_array_unref);
  g_clear_pointer (&ref->args, g_free);
}

static gboolean
is_name_char (char c)
{
  /* Node ids are cuids or React Flow ids ("dndnode_0", "node-1"); bytes
   * above ASCII let names in other scripts through. */
  return g_ascii_isalnum (c) || c == '_' || c == '-' || (guchar) c >= 0x80;
}

static gboolean
is_reserved_head (const char *head)
{
  return g_str_equal (head, "json") || g_str_equal (head, "data") ||
         g_str_equal (head, "input") || g_str_equal (head, "variables");
}

/* Parses the text between the braces. FALSE when it is not a reference at
 * all, in which case the braces are ordinary text. */
static gboolean
parse_reference (const char *text,
                 gsize       length,
                 Reference  *ref)
{
  const char *p = text;
  const char *end = text + length;
  const char *start;

  memset (ref, 0, sizeof *ref);

  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  if (p == end)
    return FALSE;

  start = p;
  if (*p == '$')
    {
      p++;
      while (p < end && is_name_char (*p))
        p++;
      if (p == start + 1)
        return FALSE;
      ref->head = g_strndup (start, p - start);
      ref->steps = g_ptr_array_new_with_free_func (path_step_free);
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end)
        {
          const char *close;

          if (*p != '(' || end[-1] != ')')
            goto fail;
          close = memchr (p + 1, ')', end - p - 1);
          if (close != end - 1)
            goto fail;
          ref->args = g_strndup (p + 1, close - p - 1);
        }
      return TRUE;
    }

  while (p < end && is_name_char (*p))
    p++;
  if (p == start)
    return FALSE;
  ref->head = g_strndup (start, p - start);
  ref->steps = g_ptr_array_new_with_free_func (path_step_free);

  while (p < end)
    {
      PathStep *step = g_new0 (PathStep, 1);

      g_ptr_array_add (ref->steps, step);
      if (*p == '.')
        {
          start = ++p;
          while (p < end && is_name_char (*p))
            p++;
          if (p == start)
            goto fail;
          step->key = g_strndup (start, p - start);
          step->written = g_strdup (step->key);
        }
      else if (*p == '[')
        {
          const char *open = p++;

          if (p < end && (*p == '"' || *p == '\''))
            {
              const char *close = memchr (p + 1, *p, end - p - 1);

              if (close == NULL || close + 1 >= end || close[1] != ']')
                goto fail;
              step->key = g_strndup (p + 1, close - p - 1);
              p = close + 2;
            }
          else
            {
              guint64 index = 0;

              start = p;
              while (p < end && g_ascii_isdigit (*p))
                {
                  if (index > G_MAXINT32)
                    goto fail;
                  index = index * 10 + (*p - '0');
                  p++;
                }
              if (p == start || p >= end || *p != ']')
                goto fail;
              step->index = (gint64) index;
              p++;
            }
          step->written = g_strndup (open, p - open);
        }
      else
        goto fail;
    }

  return TRUE;

fail:
  reference_clear (ref);
  return FALSE;
}

/* Finds the next reference at or after @from. With @guess_node_ids (no
 * scope to ask), a single-brace head with a path counts as a node id. */
static gboolean
find_reference (const char            *from,
                const ZzTemplateScope *scope,
                gboolean               guess_node_ids,
                Span                  *span)
{
  const char *p;

  for (p = strchr (from, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *close;

      if (p[1] == '{')
        {
          close = strstr (p + 2, "}}");
          if (close != NULL && parse_reference (p + 2, close - p - 2, &span->ref))
            {
              span->start = p;
              span->end = close + 2;
              return TRUE;
            }
          continue;
        }

      close = strchr (p + 1, '}');
      if (close == NULL)
        return FALSE;
      if (parse_reference (p + 1, close - p - 1, &span->ref))
        {
          const char *head = span->ref.head;
          gboolean    is_reference;

          if (head[0] == '$' || g_str_equal (head, "variables"))
            is_reference = FALSE;
          else if (is_reserved_head (head))
            is_reference = TRUE;
          else if (guess_node_ids)
            is_reference = span->ref.steps->len > 0;
          else
            is_reference = scope != NULL && scope->outputs != NULL &&
                           g_hash_table_contains (scope->outputs, head);

          if (is_reference)
            {
              span->start = p;
              span->end = close + 1;
              return TRUE;
            }
          reference_clear (&span->ref);
        }
    }

  return FALSE;
}

static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  if (value == 0)
    return g_strdup ("0");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);

  /* As JavaScript prints it: 0.1 and not 0.10000000000000001. */
  zz_json_format_double (buffer, value);

  return g_strdup (buffer);
}

/**
 * zz_template_format_value:
 * @value: (nullable): a JSON value; %NULL reads as JSON null
 *
 * Returns: (transfer full): how @value reads inside text
 */
char *
zz_template_format_value (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("null");
  if (!JSON_NODE_HOLDS_VALUE (value))
    return zz_json_to_string (value, FALSE);

  switch (json_node_get_value_type (value))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (value));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    case G_TYPE_DOUBLE:
      return format_double (json_node_get_double (value));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? "true" : "false");
    default:
      return zz_json_to_string (value, FALSE);
    }
}

static JsonNode *
call_function (const Reference *ref,
               const char      *written,
               GError         **error)
{
  if (g_str_equal (ref->head, "$now") && (ref->args == NULL || *ref->args == '\0'))
    {
      g_autofree char *now = zz_time_now_iso8601 ();

      return json_node_init_string (json_node_alloc (), now);
    }

  if (g_str_equal (ref->head, "$uuid") && (ref->args == NULL || *ref->args == '\0'))
    {
      g_autofree char *uuid = g_uuid_string_random ();

      return json_node_init_string (json_node_alloc (), uuid);
    }

  if (g_str_equal (ref->head, "$randomInt"))
    {
      g_auto(GStrv) bounds = ref->args ? g_strsplit (ref->args, ",", -1) : NULL;
      gint64 low = 0;
      gint64 high = 0;

      if (bounds == NULL || g_strv_length (bounds) != 2 ||
          !g_ascii_string_to_signed (g_strstrip (bounds[0]), 10, G_MININT32, G_MAXINT32 - 1, &low, NULL) ||
          !g_ascii_string_to_signed (g_strstrip (bounds[1]), 10, G_MININT32, G_MAXINT32 - 1, &high, NULL))
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
                       _("“%s”: $randomInt needs two whole numbers, as in $randomInt(1,100)"),
                          written);
          return NULL;
        }
      if (low > high)
        {
          gint64 swap = low;

          low = high;
          high = swap;
        }

      return json_node_init_int (json_node_alloc (),
                                 g_random_int_range ((gint32) low, (gint32) high + 1));
    }

  g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
               _("“%s”: there is no function “%s”; use $now, $uuid or $randomInt(a,b)"),
                  written, ref->head);
  return NULL;
}

typedef enum
{
  OWNER_NODE,
  OWNER_JSON,
  OWNER_DATA,
  OWNER_INPUT,
  OWNER_VARIABLE,
} Owner;

static void
set_missing_step_error (GError    **error,
                        const char *written,
                        Owner       owner,
                        const char *owner_name,
                        const char *step)
{
  g_autofree char *what = NULL;

  switch (owner)
    {
    case OWNER_NODE:
      what = g_strdup_printf (_("node “%s” has no “%s” in its output"), owner_name, step);
      break;
    case OWNER_JSON:
      what = g_strdup_printf (_("the node’s input has no “%s”"), step);
      break;
    case OWNER_DATA:
      what = g_strdup_printf (_("the upstream data has no “%s”"), step);
      break;
    case OWNER_INPUT:
      what = g_strdup_printf (_("the execution input has no “%s”"), step);
      break;
    case OWNER_VARIABLE:
    default:
      what = g_strdup_printf (_("variable “%s” has no “%s”"), owner_name, step);
      break;
    }

  g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
               _("“%s” refers to nothing: %s"), written, what);
}

static JsonNode *
walk_path (JsonNode   *base,
           GPtrArray  *steps,
           guint       first,
           const char *written,
           Owner       owner,
           const char *owner_name,
           GError    **error)
{
  JsonNode *current = base;

  for (guint i = first; i < steps->len; i++)
    {
      PathStep *step = g_ptr_array_index (steps, i);
      JsonNode *next = NULL;

      if (current != NULL && JSON_NODE_HOLDS_OBJECT (current) && step->key != NULL)
        {
          next = json_object_get_member (json_node_get_object (current), step->key);
        }
      else if (current != NULL && JSON_NODE_HOLDS_ARRAY (current))
        {
          JsonArray *array = json_node_get_array (current);

          if (step->key == NULL && (guint64) step->index < json_array_get_length (array))
            next = json_array_get_element (array, step->index);
          else if (g_strcmp0 (step->key, "length") == 0 && i + 1 == steps->len)
            return json_node_init_int (json_node_alloc (), json_array_get_length (array));
        }

      if (next == NULL)
        {
          set_missing_step_error (error, written, owner, owner_name, step->written);
          return NULL;
        }
      current = next;
    }

  return current ? json_node_copy (current) : json_node_new (JSON_NODE_NULL);
}

static JsonNode *
resolve (const ZzTemplateScope *scope,
         const Reference       *ref,
         const char            *written,
         GError               **error)
{
  const char *head = ref->head;
  GHashTable *outputs = scope ? scope->outputs : NULL;
  JsonObject *variables = scope ? scope->variables : NULL;
  JsonNode   *base;

  if (head[0] == '$')
    return call_function (ref, written, error);

  if (g_str_equal (head, "json") || g_str_equal (head, "data"))
    {
      gboolean is_data = g_str_equal (head, "data");

      base = scope ? scope->json : NULL;
      if (is_data && scope && scope->data)
        base = scope->data;
      if (base == NULL)
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
                       _("“%s” refers to nothing: this node has no input"), written);
          return NULL;
        }
      return walk_path (base, ref->steps, 0, written,
                        is_data ? OWNER_DATA : OWNER_JSON, head, error);
    }

  if (g_str_equal (head, "input"))
    {
      if (scope == NULL || scope->input == NULL)
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
                       _("“%s” refers to nothing: the execution has no input"), written);
          return NULL;
        }
      return walk_path (scope->input, ref->steps, 0, written, OWNER_INPUT, head, error);
    }

  if (g_str_equal (head, "variables"))
    {
      PathStep *name;

      if (ref->steps->len == 0)
        {
          JsonNode *node = json_node_new (JSON_NODE_OBJECT);

          json_node_take_object (node, variables ? json_object_ref (variables) : json_object_new ());
          return node;
        }
      name = g_ptr_array_index (ref->steps, 0);
      if (name->key == NULL || variables == NULL || !json_object_has_member (variables, name->key))
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
                       _("“%s” is not a workflow variable"), written);
          return NULL;
        }
      return walk_path (json_object_get_member (variables, name->key), ref->steps, 1,
                        written, OWNER_VARIABLE, name->key, error);
    }

  /* A lone name is a variable first ({{threshold}}); with a path it is a
   * node first ({{fetch.body}}), as the platform reads them. */
  if (ref->steps->len == 0 && variables && json_object_has_member (variables, head))
    return json_node_copy (json_object_get_member (variables, head));

  if (outputs && g_hash_table_contains (outputs, head))
    return walk_path (g_hash_table_lookup (outputs, head), ref->steps, 0, written,
                      OWNER_NODE, head, error);

  if (ref->steps->len > 0 && variables && json_object_has_member (variables, head))
    return walk_path (json_object_get_member (variables, head), ref->steps, 0, written,
                      OWNER_VARIABLE, head, error);

  if (ref->steps->len == 0)
    g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
                 _("“%s” is not a workflow variable"), written);
  else
    g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
                 _("“%s”: there is no node “%s” upstream"), written, head);
  return NULL;
}

static JsonNode *
resolve_span (const ZzTemplateScope *scope,
              Span                  *span,
              GError               **error)
{
  g_autofree char *written = g_strndup (span->start, span->end - span->start);

  return resolve (scope, &span->ref, written, error);
}

/**
 * zz_template_resolve_string:
 * @scope: (nullable): what references may name
 * @text: the text to interpolate
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the text with its references replaced
 */
char *
zz_template_resolve_string (const ZzTemplateScope *scope,
                            const char            *text,
                            GError               **error)
{
  g_autoptr(GString) result = NULL;
  const char *p = text;
  Span        span;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = g_string_new (NULL);
  while (find_reference (p, scope, FALSE, &span))
    {
      g_autoptr(JsonNode) value = resolve_span (scope, &span, error);
      g_autofree char *formatted = NULL;

      reference_clear (&span.ref);
      if (value == NULL)
        return NULL;
      formatted = zz_template_format_value (value);
      g_string_append_len (result, p, span.start - p);
      g_string_append (result, formatted);
      p = span.end;
    }
  g_string_append (result, p);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static JsonNode *
resolve_string_node (const ZzTemplateScope *scope,
                     const char            *text,
                     GError               **error)
{
  Span             span;
  g_autofree char *resolved = NULL;

  if (find_reference (text, scope, FALSE, &span))
    {
      if (span.start == text && *span.end == '\0')
        {
          JsonNode *value = resolve_span (scope, &span, error);

          reference_clear (&span.ref);
          return value;
        }
      reference_clear (&span.ref);
    }
  else
    return json_node_init_string (json_node_alloc (), text);

  resolved = zz_template_resolve_string (scope, text, error);
  if (resolved == NULL)
    return NULL;
  return json_node_init_string (json_node_alloc (), resolved);
}

/**
 * zz_template_resolve:
 * @scope: (nullable): what references may name
 * @value: (nullable): a config value
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new node with every string resolved
 */
JsonNode *
zz_template_resolve (const ZzTemplateScope *scope,
                     JsonNode              *value,
                     GError               **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (value == NULL)
    return json_node_new (JSON_NODE_NULL);

  switch (json_node_get_node_type (value))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (value);
        g_autoptr(JsonObject) copy = json_object_new ();
        JsonObjectIter iter;
        const char    *member;
        JsonNode      *child;

        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &member, &child))
          {
            JsonNode *resolved = zz_template_resolve (scope, child, error);

            if (resolved == NULL)
              return NULL;
            json_object_set_member (copy, member, resolved);
          }
        return json_node_init_object (json_node_alloc (), copy);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (value);
        g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *resolved = zz_template_resolve (scope, json_array_get_element (array, i), error);

            if (resolved == NULL)
              return NULL;
            json_array_add_element (copy, resolved);
          }
        return json_node_init_array (json_node_alloc (), copy);
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (value) == G_TYPE_STRING)
        return resolve_string_node (scope, json_node_get_string (value), error);
      return json_node_copy (value);

    case JSON_NODE_NULL:
    default:
      return json_node_copy (value);
    }
}

/**
 * zz_template_resolve_reference:
 * @scope: (nullable): what references may name
 * @reference: one reference, with or without its braces
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a copy of the value @reference names
 */
JsonNode *
zz_template_resolve_reference (const ZzTemplateScope *scope,
                               const char            *reference,
                               GError               **error)
{
  const char *inner = reference;
  gsize       length;
  Reference   ref;
  JsonNode   *value;

  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  length = strlen (reference);
  if (g_str_has_prefix (reference, "{{") && g_str_has_suffix (reference, "}}") && length >= 4)
    {
      inner = reference + 2;
      length -= 4;
    }
  else if (reference[0] == '{' && length >= 2 && reference[length - 1] == '}')
    {
      inner = reference + 1;
      length -= 2;
    }

  if (!parse_reference (inner, length, &ref))
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE,
                   _("“%s” is not a reference"), reference);
      return NULL;
    }

  value = resolve (scope, &ref, reference, error);
  reference_clear (&ref);

  return value;
}

/**
 * zz_template_has_references:
 * @text: (nullable): some text
 *
 * Returns: whether @text may hold a reference
 */
gboolean
zz_template_has_references (const char *text)
{
  Span span;

  if (text == NULL || !find_reference (text, NULL, TRUE, &span))
    return FALSE;

  reference_clear (&span.ref);
  return TRUE;
}

/**
 * zz_template_list_node_references:
 * @text: (nullable): some text
 *
 * Returns: (transfer full): the node ids @text refers to
 */
GStrv
zz_template_list_node_references (const char *text)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  Span        span;

  while (p != NULL && find_reference (p, NULL, TRUE, &span))
    {
      const char *head = span.ref.head;

      if (span.ref.steps->len > 0 && head[0] != '$' && !is_reserved_head (head) &&
          !g_ptr_array_find_with_equal_func (ids, head, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (head));

      reference_clear (&span.ref);
      p = span.end;
    }
  g_ptr_array_add (ids, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}
