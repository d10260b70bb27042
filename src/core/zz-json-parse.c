/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-json-parse.c: JSON text from outside, read strictly into JsonNodes
 *
 * Every JSON the app reads from outside (a file to import, a run's input,
 * an HTTP reply, the clipboard, a config field) comes through
 * zz_json_parse(). json-glib's parser recurses without a limit, so text
 * nested some 60,000 levels deep overflowed the stack; it also let through
 * what JSON does not have (escapes such as "\q", a NUL inside a string that
 * then cut it short, numbers too large for a double that became null, and
 * integers past 64 bits that wrapped). This reader follows RFC 8259 and
 * JavaScript's JSON.parse, which wrote the documents it reads:
 *
 * - nesting is limited to %ZZ_JSON_MAX_DEPTH, checked before going deeper;
 * - an integer that does not fit in 64 bits is read as a double, as
 *   JavaScript reads every number, never wrapped;
 * - a number beyond a double's range, a NUL, an unpaired surrogate, an
 *   escape JSON does not have, a raw control character or text that is not
 *   UTF-8 are refused;
 * - a name given twice keeps its first place and its last value.
 *
 * Each refusal says what is wrong and where, as a line and a column
 * (counted in characters, from 1).
 */
#define G_LOG_DOMAIN "zz-json"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-json-private.h"

typedef struct
{
  const char *start;
  const char *end;
  const char *p;
  GError    **error;

  /* _zz_json_parse_streaming(): the arrays whose elements go to @func
   * rather than into the tree: the root's own when @root_array, else those
   * of the root object named in @members. */
  gboolean           root_array;
  const char *const *members;
  ZzJsonElementFunc  func;
  gpointer           user_data;
} Reader;

static void
position_of (const Reader *reader,
             const char   *at,
             guint        *line,
             guint        *column)
{
  *line = 1;
  *column = 1;

  for (const char *p = reader->start; p < at && p < reader->end; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        {
          /* a character starts here, not a UTF-8 continuation byte */
          (*column)++;
        }
    }
}

static gboolean fail (Reader     *reader,
                      const char *at,
                      ZzJsonError code,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Reader     *reader,
      const char *at,
      ZzJsonError code,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  guint            line, column;
  va_list          args;

  if (reader->error == NULL || *reader->error != NULL)
    return FALSE;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (reader, at, &line, &column);
  /* Translators: "Not valid JSON: <what is wrong> at line 3, column 14" */
  g_set_error (reader->error, ZZ_JSON_ERROR, code,
               _("Not valid JSON: %s at line %u, column %u"),
                  what, line, column);
  return FALSE;
}

/* What stands at @at, for a message: a character, or "the end". */
static char *
describe_at (const Reader *reader,
             const char   *at)
{
  gunichar c;

  if (at >= reader->end)
    return g_strdup (_("the end of the text"));

  c = g_utf8_get_char_validated (at, reader->end - at);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf ("“\\x%02X”", (guchar) *at);
  if (g_unichar_iscntrl (c))
    return g_strdup_printf ("“U+%04X”", c);

  {
    char buffer[8] = { 0 };

    g_unichar_to_utf8 (c, buffer);
    return g_strdup_printf ("“%s”", buffer);
  }
}

static gboolean
unexpected (Reader     *reader,
            const char *expected)
{
  g_autofree char *found = describe_at (reader, reader->p);

  /* Translators: "expected a value, found “}”" */
  return fail (reader, reader->p, ZZ_JSON_ERROR_SYNTAX, _("expected %s, found %s"), expected, found);
}

/* After a value, where a separator was expected: the place to name is
 * where one is missing, the end of that value, not the next line's text. */
static gboolean
missing_separator (Reader     *reader,
                   const char *value_end,
                   const char *expected)
{
  g_autofree char *found = describe_at (reader, reader->p);

  /* Translators: "“,” or “}” is missing after the value, before “"”" */
  return fail (reader, value_end, ZZ_JSON_ERROR_SYNTAX, _("%s is missing after the value, before %s"), expected, found);
}

static void
skip_space (Reader *reader)
{
  while (reader->p < reader->end &&
         (*reader->p == ' ' || *reader->p == '\t' || *reader->p == '\n' || *reader->p == '\r'))
    reader->p++;
}

static gboolean
read_literal (Reader     *reader,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (reader->end - reader->p) < n || memcmp (reader->p, word, n) != 0)
    return unexpected (reader, _("a value"));
  reader->p += n;
  return TRUE;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u", at reader->p; -1 when they are not. */
static int
read_hex4 (Reader *reader)
{
  int value = 0;

  if (reader->end - reader->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_digit (reader->p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  reader->p += 4;
  return value;
}

static gboolean
read_escape (Reader  *reader,
             GString *out)
{
  const char *escape = reader->p; /* at the backslash */
  int         unit, low;

  reader->p++;
  if (reader->p >= reader->end)
    return fail (reader, escape, ZZ_JSON_ERROR_SYNTAX, _("the text ends inside a string"));

  switch (*reader->p++)
    {
    case '"':
      g_string_append_c (out, '"');
      return TRUE;
    case '\\':
      g_string_append_c (out, '\\');
      return TRUE;
    case '/':
      g_string_append_c (out, '/');
      return TRUE;
    case 'b':
      g_string_append_c (out, '\b');
      return TRUE;
    case 'f':
      g_string_append_c (out, '\f');
      return TRUE;
    case 'n':
      g_string_append_c (out, '\n');
      return TRUE;
    case 'r':
      g_string_append_c (out, '\r');
      return TRUE;
    case 't':
      g_string_append_c (out, '\t');
      return TRUE;
    case 'u':
      break;
    default:
      {
        g_autofree char *found = describe_at (reader, escape + 1);

        return fail (reader, escape, ZZ_JSON_ERROR_SYNTAX,
                     /* Translators: %s is the character after the backslash */
                     _("“\\” followed by %s is not an escape JSON has"), found);
      }
    }

  if ((unit = read_hex4 (reader)) < 0)
    return fail (reader, escape, ZZ_JSON_ERROR_SYNTAX, _("“\\u” must be followed by four hexadecimal digits"));

  if (unit == 0)
    return fail (reader, escape, ZZ_JSON_ERROR_SYNTAX,
                 _("a string holds “\\u0000”, a NUL character, which text here cannot hold"));

  if (unit >= 0xDC00 && unit <= 0xDFFF)
    return fail (reader, escape, ZZ_JSON_ERROR_SYNTAX,
                 _("“\\u%04X” is the second half of a surrogate pair without its first"), (guint) unit);

  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      if (reader->end - reader->p < 6 || reader->p[0] != '\\' || reader->p[1] != 'u')
        return fail (reader, escape, ZZ_JSON_ERROR_SYNTAX,
                     _("“\\u%04X” is the first half of a surrogate pair without its second"), (guint) unit);
      reader->p += 2;
      low = read_hex4 (reader);
      if (low < 0xDC00 || low > 0xDFFF)
        return fail (reader, escape, ZZ_JSON_ERROR_SYNTAX,
                     _("“\\u%04X” is the first half of a surrogate pair without its second"), (guint) unit);
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }

  g_string_append_unichar (out, (gunichar) unit);
  return TRUE;
}

/* A string, reader->p at its opening quote. Returns it in @out. */
static gboolean
read_string (Reader  *reader,
             GString *out)
{
  const char *opening = reader->p;

  g_string_truncate (out, 0);
  reader->p++;

  for (;;)
    {
      const char *run = reader->p;
      const char *bad = NULL;

      /* A run of plain characters is copied at once, checked as UTF-8. */
      while (reader->p < reader->end && *reader->p != '"' && *reader->p != '\\' &&
             (guchar) *reader->p >= 0x20)
        reader->p++;

      if (!g_utf8_validate_len (run, reader->p - run, &bad))
        return fail (reader, bad, ZZ_JSON_ERROR_SYNTAX, _("the text is not UTF-8"));
      g_string_append_len (out, run, reader->p - run);

      if (reader->p >= reader->end)
        return fail (reader, opening, ZZ_JSON_ERROR_SYNTAX, _("the string that starts here is never closed"));

      switch (*reader->p)
        {
        case '"':
          reader->p++;
          return TRUE;

        case '\\':
          if (!read_escape (reader, out))
            return FALSE;
          break;

        default:
          return fail (reader, reader->p, ZZ_JSON_ERROR_SYNTAX,
                       _("a control character (U+%04X) must be written as an escape inside a string"),
                          (guint) (guchar) *reader->p);
        }
    }
}

static gboolean
is_digit (const Reader *reader,
          const char   *p)
{
  return p < reader->end && *p >= '0' && *p <= '9';
}

static JsonNode *
read_number (Reader *reader)
{
  const char      *first = reader->p;
  const char      *p = first;
  gboolean         integral = TRUE;
  char             small[64];
  g_autofree char *large = NULL;
  char            *text;
  gsize            length;
  JsonNode        *node;

  if (p < reader->end && *p == '-')
    p++;
  if (!is_digit (reader, p))
    {
      reader->p = p;
      unexpected (reader, _("a digit"));
      return NULL;
    }
  if (*p == '0')
    {
      p++;
      if (is_digit (reader, p))
        {
          fail (reader, first, ZZ_JSON_ERROR_SYNTAX, _("a number cannot start with 0 followed by more digits"));
          return NULL;
        }
    }
  else
    {
      while (is_digit (reader, p))
        p++;
    }
  if (p < reader->end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (!is_digit (reader, p))
        {
          reader->p = p;
          unexpected (reader, _("a digit after the decimal point"));
          return NULL;
        }
      while (is_digit (reader, p))
        p++;
    }
  if (p < reader->end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < reader->end && (*p == '+' || *p == '-'))
        p++;
      if (!is_digit (reader, p))
        {
          reader->p = p;
          unexpected (reader, _("a digit in the exponent"));
          return NULL;
        }
      while (is_digit (reader, p))
        p++;
    }

  /* The text may not end with a NUL: the number is copied to read it. */
  length = p - first;
  if (length < sizeof small)
    {
      memcpy (small, first, length);
      small[length] = '\0';
      text = small;
    }
  else
    {
      text = large = g_strndup (first, length);
    }

  if (integral)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, NULL, 10);
      if (errno != ERANGE)
        {
          node = json_node_init_int (json_node_alloc (), value);
          reader->p = p;
          return node;
        }
      /* Past 64 bits: a double, as JavaScript reads every number. */
    }

  {
    double value = g_ascii_strtod (text, NULL);

    if (!isfinite (value))
      {
        fail (reader, first, ZZ_JSON_ERROR_SYNTAX,
              _("the number %.40s is too large to be held (a double ends near 1.8e308)"), text);
        return NULL;
      }
    node = json_node_init_double (json_node_alloc (), value);
  }

  reader->p = p;
  return node;
}

static JsonNode *read_value (Reader *reader,
                             guint   depth);

static JsonNode *
read_array (Reader *reader,
            guint   depth)
{
  g_autoptr(JsonArray) array = json_array_new ();
  const char *value_end;

  reader->p++; /* [ */
  skip_space (reader);
  if (reader->p < reader->end && *reader->p == ']')
    {
      reader->p++;
      return json_node_init_array (json_node_alloc (), array);
    }

  for (;;)
    {
      JsonNode *element = read_value (reader, depth);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);

      value_end = reader->p;
      skip_space (reader);
      if (reader->p < reader->end && *reader->p == ',')
        {
          reader->p++;
          continue;
        }
      if (reader->p < reader->end && *reader->p == ']')
        {
          reader->p++;
          return json_node_init_array (json_node_alloc (), array);
        }
      missing_separator (reader, value_end, _("“,” or “]”"));
      return NULL;
    }
}

static JsonNode *
new_empty_array (void)
{
  g_autoptr(JsonArray) array = json_array_new ();

  return json_node_init_array (json_node_alloc (), array);
}

/* An array whose elements are handed to reader->func as they are read,
 * reader->p at its "[" and @depth counting it; an empty array stands in
 * for it in the tree. The same checks, in the same order, as
 * read_array(). */
static JsonNode *
stream_array (Reader     *reader,
              const char *member,
              guint       depth)
{
  const char *value_end;

  if (depth > ZZ_JSON_MAX_DEPTH)
    {
      fail (reader, reader->p, ZZ_JSON_ERROR_TOO_DEEP,
            _("nested deeper than %u levels"), (guint) ZZ_JSON_MAX_DEPTH);
      return NULL;
    }

  reader->func (member, NULL, NULL, 0, reader->user_data);

  reader->p++; /* [ */
  skip_space (reader);
  if (reader->p < reader->end && *reader->p == ']')
    {
      reader->p++;
      return new_empty_array ();
    }

  for (;;)
    {
      const char *value_start;
      JsonNode   *element;

      skip_space (reader);
      value_start = reader->p;
      if ((element = read_value (reader, depth)) == NULL)
        return NULL;
      reader->func (member, element, value_start, reader->p - value_start, reader->user_data);

      value_end = reader->p;
      skip_space (reader);
      if (reader->p < reader->end && *reader->p == ',')
        {
          reader->p++;
          continue;
        }
      if (reader->p < reader->end && *reader->p == ']')
        {
          reader->p++;
          return new_empty_array ();
        }
      missing_separator (reader, value_end, _("“,” or “]”"));
      return NULL;
    }
}

static gboolean
is_streamed_member (Reader     *reader,
                    guint       depth,
                    const char *name)
{
  if (depth != 1 || reader->members == NULL)
    return FALSE;

  for (guint i = 0; reader->members[i] != NULL; i++)
    if (g_str_equal (reader->members[i], name))
      return TRUE;

  return FALSE;
}

static JsonNode *
read_object (Reader *reader,
             guint   depth)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  const char *value_end;

  reader->p++; /* { */
  skip_space (reader);
  if (reader->p < reader->end && *reader->p == '}')
    {
      reader->p++;
      return json_node_init_object (json_node_alloc (), object);
    }

  for (;;)
    {
      JsonNode *value;

      if (reader->p >= reader->end || *reader->p != '"')
        {
          unexpected (reader, _("a member name in double quotes"));
          return NULL;
        }
      if (!read_string (reader, name))
        return NULL;

      skip_space (reader);
      if (reader->p >= reader->end || *reader->p != ':')
        {
          unexpected (reader, _("“:”"));
          return NULL;
        }
      reader->p++;

      skip_space (reader);
      if (reader->p < reader->end && *reader->p == '[' && is_streamed_member (reader, depth, name->str))
        value = stream_array (reader, name->str, depth + 1);
      else
        value = read_value (reader, depth);
      if (value == NULL)
        return NULL;
      /* As JSON.parse: a repeated name keeps its place, takes the last value. */
      json_object_set_member (object, name->str, value);

      value_end = reader->p;
      skip_space (reader);
      if (reader->p < reader->end && *reader->p == ',')
        {
          reader->p++;
          skip_space (reader);
          continue;
        }
      if (reader->p < reader->end && *reader->p == '}')
        {
          reader->p++;
          return json_node_init_object (json_node_alloc (), object);
        }
      missing_separator (reader, value_end, _("“,” or “}”"));
      return NULL;
    }
}

/* A value, after any white space; @depth counts the arrays and objects
 * around it. */
static JsonNode *
read_value (Reader *reader,
            guint   depth)
{
  skip_space (reader);

  if (reader->p >= reader->end)
    {
      unexpected (reader, _("a value"));
      return NULL;
    }

  switch (*reader->p)
    {
    case '{':
    case '[':
      if (depth >= ZZ_JSON_MAX_DEPTH)
        {
          fail (reader, reader->p, ZZ_JSON_ERROR_TOO_DEEP,
                /* Translators: %u is a number of levels, 512 */
                _("nested deeper than %u levels"), (guint) ZZ_JSON_MAX_DEPTH);
          return NULL;
        }
      return *reader->p == '{' ? read_object (reader, depth + 1) : read_array (reader, depth + 1);

    case '"':
      {
        g_autoptr(GString) text = g_string_new (NULL);

        if (!read_string (reader, text))
          return NULL;
        return json_node_init_string (json_node_alloc (), text->str);
      }

    case 't':
      return read_literal (reader, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_literal (reader, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return read_literal (reader, "null") ? json_node_init_null (json_node_alloc ()) : NULL;

    default:
      if (*reader->p == '-' || (*reader->p >= '0' && *reader->p <= '9'))
        return read_number (reader);
      unexpected (reader, _("a value"));
      return NULL;
    }
}

/* Parses the whole of @reader's text; the root, sealed if @seal. */
static JsonNode *
parse_text (Reader  *reader,
            gboolean seal,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;

  reader->p = reader->start;
  reader->error = &local_error;

  /* A byte-order mark is allowed before the text, as json-glib allowed it. */
  if (reader->end - reader->p >= 3 && memcmp (reader->p, "\xEF\xBB\xBF", 3) == 0)
    reader->p += 3;

  skip_space (reader);
  if (reader->p >= reader->end)
    {
      g_set_error_literal (error, ZZ_JSON_ERROR, ZZ_JSON_ERROR_SYNTAX,
                           _("Not valid JSON: the text is empty"));
      return NULL;
    }

  if (reader->root_array && *reader->p == '[')
    root = stream_array (reader, NULL, 1);
  else
    root = read_value (reader, 0);
  if (root != NULL)
    {
      skip_space (reader);
      if (reader->p < reader->end)
        {
          g_autofree char *found = describe_at (reader, reader->p);

          fail (reader, reader->p, ZZ_JSON_ERROR_SYNTAX, _("%s follows the end of the value"), found);
          g_clear_pointer (&root, json_node_unref);
        }
    }

  if (root == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (seal)
    json_node_seal (root);
  return g_steal_pointer (&root);
}

/**
 * zz_json_parse:
 * @data: JSON text
 * @length: length of @data, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Parses @data strictly (see the top of zz-json-parse.c). Syntax errors are
 * %ZZ_JSON_ERROR_SYNTAX, nesting past %ZZ_JSON_MAX_DEPTH is
 * %ZZ_JSON_ERROR_TOO_DEEP, each with a message naming the line and column.
 * The nodes are sealed: copy them to change them.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
zz_json_parse (const char *data,
               gssize      length,
               GError    **error)
{
  Reader reader = { 0 };

  g_return_val_if_fail (data != NULL, NULL);

  reader.start = data;
  reader.end = data + (length < 0 ? strlen (data) : (gsize) length);

  return parse_text (&reader, TRUE, error);
}

JsonNode *
_zz_json_parse_unsealed (const char *data,
                         gssize      length,
                         GError    **error)
{
  Reader reader = { 0 };

  g_return_val_if_fail (data != NULL, NULL);

  reader.start = data;
  reader.end = data + (length < 0 ? strlen (data) : (gsize) length);

  return parse_text (&reader, FALSE, error);
}

JsonObject *
_zz_json_object_read_back (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  root = _zz_json_parse_unsealed (text, -1, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_critical ("A kept JSON object does not read back: %s", error != NULL ? error->message : "not an object");
      return json_object_new ();
    }

  return json_node_dup_object (root);
}

JsonNode *
_zz_json_parse_streaming (const char        *data,
                          gssize             length,
                          const char *const *members,
                          ZzJsonElementFunc  func,
                          gpointer           user_data,
                          GError           **error)
{
  Reader reader = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  reader.start = data;
  reader.end = data + (length < 0 ? strlen (data) : (gsize) length);
  reader.root_array = members == NULL;
  reader.members = members;
  reader.func = func;
  reader.user_data = user_data;

  return parse_text (&reader, TRUE, error);
}

/**
 * zz_json_parse_object:
 * @data: JSON text
 * @length: length of @data, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Like zz_json_parse(), and fails with %ZZ_JSON_ERROR_TYPE unless the text
 * is an object.
 *
 * Returns: (transfer full): the object
 */
JsonObject *
zz_json_parse_object (const char *data,
                      gssize      length,
                      GError    **error)
{
  g_autoptr(JsonNode) root = zz_json_parse (data, length, error);

  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ZZ_JSON_ERROR, ZZ_JSON_ERROR_TYPE,
                           _("Expected a JSON object at the top level"));
      return NULL;
    }

  return json_node_dup_object (root);
}
