/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-expression.c: CONDITION expressions, parsed and never run as code
 *
 * The expression is cut into tokens first, so that every error can name
 * the column of what is wrong, then read by a recursive-descent parser
 * that evaluates as it goes. Values are JsonNodes, which is what
 * references resolve to. A flag turns evaluation off on the side of a
 * && or || that JavaScript would not look at, while the parser still
 * checks its syntax.
 */
#define G_LOG_DOMAIN "zz-expression"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-engine-error.h"
#include "zz-expression.h"

#define MAX_PATTERN_LENGTH 1000

/* Parentheses and "!" are read by recursion: past this many levels, far
 * beyond what a person writes, the condition is refused instead of
 * overflowing the stack (40,000 "(" or 100,000 "!" did). */
#define MAX_DEPTH 100

/* A condition is quoted in its errors; a long one only by its start. */
#define MAX_QUOTED_CHARS 80

typedef enum
{
  TOKEN_END,
  TOKEN_NUMBER,
  TOKEN_STRING,
  TOKEN_TRUE,
  TOKEN_FALSE,
  TOKEN_NULL,
  TOKEN_REFERENCE,
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_NOT,
  TOKEN_AND,
  TOKEN_OR,
  TOKEN_OPERATOR,
  TOKEN_UNKNOWN,
} TokenKind;

typedef enum
{
  OP_EQUAL,
  OP_NOT_EQUAL,
  OP_STRICT_EQUAL,
  OP_STRICT_NOT_EQUAL,
  OP_GREATER,
  OP_LESS,
  OP_GREATER_EQUAL,
  OP_LESS_EQUAL,
  OP_CONTAINS,
  OP_STARTS_WITH,
  OP_ENDS_WITH,
  OP_MATCHES,
} Operator;

typedef struct
{
  TokenKind   kind;
  const char *start;
  gsize       length;
  Operator    op;
  double      number;
  char       *text; /* a string literal's value, or the token as written */
} Token;

typedef struct
{
  const char            *expression;
  const ZzTemplateScope *scope;
  GArray                *tokens;
  guint                  position;
  guint                  depth;
  gboolean               evaluating;
  GError               **error;
} Parser;

static const struct
{
  const char *text;
  TokenKind   kind;
  Operator    op;
} symbols[] = {
  /* Longest first, so that "===" is not read as "==" then "=". */
  { "===", TOKEN_OPERATOR, OP_STRICT_EQUAL },
  { "!==", TOKEN_OPERATOR, OP_STRICT_NOT_EQUAL },
  { "==", TOKEN_OPERATOR, OP_EQUAL },
  { "!=", TOKEN_OPERATOR, OP_NOT_EQUAL },
  { ">=", TOKEN_OPERATOR, OP_GREATER_EQUAL },
  { "<=", TOKEN_OPERATOR, OP_LESS_EQUAL },
  { "&&", TOKEN_AND, 0 },
  { "||", TOKEN_OR, 0 },
  { ">", TOKEN_OPERATOR, OP_GREATER },
  { "<", TOKEN_OPERATOR, OP_LESS },
  { "!", TOKEN_NOT, 0 },
  { "(", TOKEN_OPEN, 0 },
  { ")", TOKEN_CLOSE, 0 },
};

static const struct
{
  const char *text;
  TokenKind   kind;
  Operator    op;
} words[] = {
  { "true", TOKEN_TRUE, 0 },
  { "false", TOKEN_FALSE, 0 },
  { "null", TOKEN_NULL, 0 },
  { "contains", TOKEN_OPERATOR, OP_CONTAINS },
  { "startsWith", TOKEN_OPERATOR, OP_STARTS_WITH },
  { "endsWith", TOKEN_OPERATOR, OP_ENDS_WITH },
  { "matches", TOKEN_OPERATOR, OP_MATCHES },
};

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_clear_pointer (&token->text, g_free);
}

static glong
column_of (Parser     *parser,
           const char *at)
{
  return g_utf8_pointer_to_offset (parser->expression, at) + 1;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '$' || (guchar) c >= 0x80;
}

static gboolean
is_symbol_char (char c)
{
  return c != '\0' && strchr ("=!<>&|~^%*/+-:;,?@#", c) != NULL;
}

static char *
quote_expression (Parser *parser)
{
  const char *cut;

  if (g_utf8_strlen (parser->expression, MAX_QUOTED_CHARS * 4 + 4) <= MAX_QUOTED_CHARS)
    return g_strdup (parser->expression);

  cut = g_utf8_offset_to_pointer (parser->expression, MAX_QUOTED_CHARS - 1);
  return g_strdup_printf ("%.*s…", (int) (cut - parser->expression), parser->expression);
}

static void
set_error (Parser     *parser,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
set_error (Parser     *parser,
           const char *format,
           ...)
{
  g_autofree char *what = NULL;
  g_autofree char *quoted = quote_expression (parser);
  va_list          args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (parser->error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION,
               _("Condition “%s”: %s"), quoted, what);
}

static gboolean
scan_string (Parser     *parser,
             const char *start,
             Token      *token)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char        quote = *start;
  const char *p;

  for (p = start + 1; *p != '\0' && *p != quote; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          switch (*p)
            {
            case 'n':
              g_string_append_c (text, '\n');
              break;
            case 't':
              g_string_append_c (text, '\t');
              break;
            case '\\':
            case '\'':
            case '"':
              g_string_append_c (text, *p);
              break;
            /* Unlike JavaScript, "\d" stays "\d": patterns for
             * “matches” are written in these strings. */
            default:
              g_string_append_c (text, '\\');
              g_string_append_c (text, *p);
              break;
            }
        }
      else
        g_string_append_c (text, *p);
    }

  if (*p != quote)
    {
      set_error (parser, _("the text starting at column %ld is never closed"),
                            column_of (parser, start));
      return FALSE;
    }

  token->kind = TOKEN_STRING;
  token->length = p + 1 - start;
  token->text = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

static gboolean
scan_reference (Parser     *parser,
                const char *start,
                Token      *token)
{
  gboolean    doubled = start[1] == '{';
  const char *close = doubled ? strstr (start + 2, "}}") : strchr (start + 1, '}');

  if (close == NULL)
    {
      set_error (parser, _("the “%s” at column %ld is never closed"),
                            doubled ? "{{" : "{", column_of (parser, start));
      return FALSE;
    }

  token->kind = TOKEN_REFERENCE;
  token->length = close + (doubled ? 2 : 1) - start;
  return TRUE;
}

/* A bare path such as data.price or json.items[0].name. */
static void
scan_path (const char *start,
           Token      *token)
{
  const char *p = start;

  while (is_name_char (*p))
    p++;
  while (*p == '.' || *p == '[')
    {
      if (*p == '.' && is_name_char (p[1]))
        {
          p++;
          while (is_name_char (*p))
            p++;
        }
      else if (*p == '[')
        {
          const char *close = strchr (p, ']');

          if (close == NULL)
            break;
          p = close + 1;
        }
      else
        break;
    }

  token->kind = TOKEN_REFERENCE;
  token->length = p - start;
}

static gboolean
tokenize (Parser *parser)
{
  const char *p = parser->expression;

  for (;;)
    {
      Token token = {
        0,
      };

      while (g_ascii_isspace (*p))
        p++;
      token.start = p;

      if (*p == '\0')
        {
          token.kind = TOKEN_END;
          g_array_append_val (parser->tokens, token);
          return TRUE;
        }

      if (*p == '\'' || *p == '"')
        {
          if (!scan_string (parser, p, &token))
            return FALSE;
        }
      else if (*p == '{')
        {
          if (!scan_reference (parser, p, &token))
            return FALSE;
        }
      else if (g_ascii_isdigit (*p) ||
               ((*p == '-' || *p == '.') && g_ascii_isdigit (p[1])) ||
               (*p == '-' && p[1] == '.' && g_ascii_isdigit (p[2])))
        {
          char *end = NULL;

          token.kind = TOKEN_NUMBER;
          token.number = g_ascii_strtod (p, &end);
          token.length = end - p;
        }
      else if (is_name_char (*p) && *p != '-')
        {
          scan_path (p, &token);
          for (guint i = 0; i < G_N_ELEMENTS (words); i++)
            if (strlen (words[i].text) == token.length &&
                strncmp (p, words[i].text, token.length) == 0)
              {
                token.kind = words[i].kind;
                token.op = words[i].op;
              }
        }
      else
        {
          for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
            if (g_str_has_prefix (p, symbols[i].text))
              {
                token.kind = symbols[i].kind;
                token.op = symbols[i].op;
                token.length = strlen (symbols[i].text);
                break;
              }

          /* "=", "=>", "<>" or any other run of symbols: the parser names
           * it as an unknown operator. */
          if (token.length == 0 ||
              (token.kind == TOKEN_OPERATOR && is_symbol_char (p[token.length]) &&
               p[token.length] != '!' && p[token.length] != '-'))
            {
              const char *end = p;

              if (is_symbol_char (*end))
                while (is_symbol_char (*end))
                  end++;
              else
                end = g_utf8_next_char (end);
              token.kind = TOKEN_UNKNOWN;
              token.length = end - p;
            }
        }

      if (token.text == NULL)
        token.text = g_strndup (token.start, token.length);
      g_array_append_val (parser->tokens, token);
      p += token.length;
    }
}

static Token *
peek (Parser *parser)
{
  return &g_array_index (parser->tokens, Token, parser->position);
}

static Token *
advance (Parser *parser)
{
  Token *token = peek (parser);

  if (token->kind != TOKEN_END)
    parser->position++;
  return token;
}

/* Why the token after a complete value cannot be there. */
static void
set_unexpected_error (Parser *parser,
                      Token  *token)
{
  glong column = column_of (parser, token->start);

  switch (token->kind)
    {
    case TOKEN_CLOSE:
      set_error (parser, _("the “)” at column %ld has no matching “(”"), column);
      break;
    case TOKEN_OPERATOR:
      set_error (parser, _("“%s” at column %ld cannot follow a comparison; join comparisons with && or ||"),
                            token->text, column);
      break;
    case TOKEN_UNKNOWN:
    case TOKEN_REFERENCE:
      set_error (parser, _("unknown operator “%s” at column %ld"), token->text, column);
      break;
    case TOKEN_END:
    case TOKEN_NUMBER:
    case TOKEN_STRING:
    case TOKEN_TRUE:
    case TOKEN_FALSE:
    case TOKEN_NULL:
    case TOKEN_OPEN:
    case TOKEN_NOT:
    case TOKEN_AND:
    case TOKEN_OR:
    default:
      set_error (parser, _("expected an operator before “%s” at column %ld"), token->text, column);
      break;
    }
}

typedef enum
{
  KIND_NULL,
  KIND_BOOLEAN,
  KIND_NUMBER,
  KIND_STRING,
  KIND_OBJECT,
  KIND_ARRAY,
} ValueKind;

static ValueKind
kind_of (JsonNode *value)
{
  switch (json_node_get_node_type (value))
    {
    case JSON_NODE_OBJECT:
      return KIND_OBJECT;
    case JSON_NODE_ARRAY:
      return KIND_ARRAY;
    case JSON_NODE_NULL:
      return KIND_NULL;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (value))
        {
        case G_TYPE_BOOLEAN:
          return KIND_BOOLEAN;
        case G_TYPE_STRING:
          return KIND_STRING;
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          return KIND_NUMBER;
        default:
          return KIND_NULL;
        }
    }
}

static const char *
describe_kind (ValueKind kind)
{
  switch (kind)
    {
    case KIND_NULL:
      return _("null");
    case KIND_BOOLEAN:
      return _("a boolean");
    case KIND_NUMBER:
      return _("a number");
    case KIND_STRING:
      return _("a string");
    case KIND_OBJECT:
      return _("an object");
    case KIND_ARRAY:
      return _("an array");
    default:
      return _("a value");
    }
}

/* JavaScript's Number(): "" is 0, text that is not a number is NaN. */
static double
to_number (JsonNode *value)
{
  switch (kind_of (value))
    {
    case KIND_NUMBER:
      return json_node_get_double (value);
    case KIND_BOOLEAN:
      return json_node_get_boolean (value) ? 1 : 0;
    case KIND_STRING:
      {
        g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (value)));
        char            *end = NULL;
        double           number;

        if (*text == '\0')
          return 0;
        number = g_ascii_strtod (text, &end);
        return *end == '\0' ? number : NAN;
      }
    case KIND_NULL:
    case KIND_OBJECT:
    case KIND_ARRAY:
    default:
      return NAN;
    }
}

static gboolean
is_truthy (JsonNode *value)
{
  switch (kind_of (value))
    {
    case KIND_NULL:
      return FALSE;
    case KIND_BOOLEAN:
      return json_node_get_boolean (value);
    case KIND_NUMBER:
      {
        double number = json_node_get_double (value);

        return number != 0 && !isnan (number);
      }
    case KIND_STRING:
      return json_node_get_string (value)[0] != '\0';
    case KIND_OBJECT:
    case KIND_ARRAY:
    default:
      return TRUE;
    }
}

static gboolean
loosely_equal (JsonNode *a,
               JsonNode *b)
{
  ValueKind ka = kind_of (a);
  ValueKind kb = kind_of (b);

  if (ka == KIND_NULL || kb == KIND_NULL)
    return ka == kb;
  if (ka == KIND_OBJECT || ka == KIND_ARRAY || kb == KIND_OBJECT || kb == KIND_ARRAY)
    return ka == kb && json_node_equal (a, b);
  if (ka == KIND_STRING && kb == KIND_STRING)
    return g_str_equal (json_node_get_string (a), json_node_get_string (b));

  return to_number (a) == to_number (b);
}

static gboolean
compare_order (Parser   *parser,
               Token    *op,
               JsonNode *a,
               JsonNode *b,
               gboolean *result)
{
  ValueKind ka = kind_of (a);
  ValueKind kb = kind_of (b);
  double    x;
  double    y;
  int       order;

  if (ka == KIND_OBJECT || ka == KIND_ARRAY || kb == KIND_OBJECT || kb == KIND_ARRAY)
    {
      set_error (parser, _("cannot compare %s with %s at column %ld"),
                            describe_kind (ka), describe_kind (kb), column_of (parser, op->start));
      return FALSE;
    }

  if (ka == KIND_NULL || kb == KIND_NULL)
    {
      *result = FALSE;
      return TRUE;
    }

  if (ka == KIND_STRING && kb == KIND_STRING)
    {
      order = strcmp (json_node_get_string (a), json_node_get_string (b));
    }
  else
    {
      x = to_number (a);
      y = to_number (b);
      if (isnan (x) || isnan (y))
        {
          *result = FALSE;
          return TRUE;
        }
      order = x < y ? -1 : x > y ? 1
                                 : 0;
    }

  switch (op->op)
    {
    case OP_GREATER:
      *result = order > 0;
      break;
    case OP_LESS:
      *result = order < 0;
      break;
    case OP_GREATER_EQUAL:
      *result = order >= 0;
      break;
    case OP_LESS_EQUAL:
      *result = order <= 0;
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* The text of a scalar for contains, startsWith, endsWith and matches. */
static gboolean
text_operand (Parser   *parser,
              Token    *op,
              JsonNode *value,
              char    **text)
{
  ValueKind kind = kind_of (value);

  if (kind == KIND_OBJECT || kind == KIND_ARRAY)
    {
      set_error (parser, _("“%s” at column %ld needs text, not %s"),
                            op->text, column_of (parser, op->start), describe_kind (kind));
      return FALSE;
    }
  *text = kind == KIND_NULL ? NULL : zz_template_format_value (value);
  return TRUE;
}

static gboolean
compare_contains (Parser   *parser,
                  Token    *op,
                  JsonNode *a,
                  JsonNode *b,
                  gboolean *result)
{
  g_autofree char *haystack = NULL;
  g_autofree char *needle = NULL;

  *result = FALSE;
  switch (kind_of (a))
    {
    case KIND_ARRAY:
      {
        JsonArray *array = json_node_get_array (a);

        for (guint i = 0; i < json_array_get_length (array) && !*result; i++)
          *result = loosely_equal (json_array_get_element (array, i), b);
        return TRUE;
      }

    case KIND_OBJECT:
      if (kind_of (b) == KIND_STRING)
        *result = json_object_has_member (json_node_get_object (a), json_node_get_string (b));
      return TRUE;

    case KIND_NULL:
      return TRUE;

    case KIND_BOOLEAN:
    case KIND_NUMBER:
    case KIND_STRING:
    default:
      if (!text_operand (parser, op, b, &needle))
        return FALSE;
      haystack = zz_template_format_value (a);
      *result = needle != NULL && strstr (haystack, needle) != NULL;
      return TRUE;
    }
}

static gboolean
compare_text (Parser   *parser,
              Token    *op,
              JsonNode *a,
              JsonNode *b,
              gboolean *result)
{
  g_autofree char *text = NULL;
  g_autofree char *pattern = NULL;

  if (!text_operand (parser, op, a, &text) || !text_operand (parser, op, b, &pattern))
    return FALSE;

  *result = FALSE;
  if (op->op == OP_MATCHES)
    {
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GError) regex_error = NULL;

      if (pattern == NULL)
        {
          set_error (parser, _("“matches” at column %ld needs a pattern, not null"),
                                column_of (parser, op->start));
          return FALSE;
        }
      /* GRegex has no time limit of its own; long patterns are where
       * catastrophic backtracking hides, and PCRE2's match limit stops
       * the rest with an error. */
      if (g_utf8_strlen (pattern, -1) > MAX_PATTERN_LENGTH)
        {
          set_error (parser, _("the pattern of “matches” at column %ld is longer than %d characters"),
                                column_of (parser, op->start), MAX_PATTERN_LENGTH);
          return FALSE;
        }
      regex = g_regex_new (pattern, 0, 0, &regex_error);
      if (regex == NULL)
        {
          set_error (parser, _("“%s” is not a valid regular expression: %s"),
                                pattern, regex_error->message);
          return FALSE;
        }
      if (text == NULL)
        return TRUE;
      *result = g_regex_match_full (regex, text, -1, 0, 0, NULL, &regex_error);
      if (regex_error != NULL)
        {
          set_error (parser, _("matching “%s” failed: %s"), pattern, regex_error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (text == NULL || pattern == NULL)
    return TRUE;
  if (op->op == OP_STARTS_WITH)
    *result = g_str_has_prefix (text, pattern);
  else
    *result = g_str_has_suffix (text, pattern);
  return TRUE;
}

static gboolean
compare (Parser   *parser,
         Token    *op,
         JsonNode *a,
         JsonNode *b,
         gboolean *result)
{
  switch (op->op)
    {
    case OP_EQUAL:
      *result = loosely_equal (a, b);
      return TRUE;
    case OP_NOT_EQUAL:
      *result = !loosely_equal (a, b);
      return TRUE;
    case OP_STRICT_EQUAL:
      *result = kind_of (a) == kind_of (b) && loosely_equal (a, b);
      return TRUE;
    case OP_STRICT_NOT_EQUAL:
      *result = !(kind_of (a) == kind_of (b) && loosely_equal (a, b));
      return TRUE;
    case OP_GREATER:
    case OP_LESS:
    case OP_GREATER_EQUAL:
    case OP_LESS_EQUAL:
      return compare_order (parser, op, a, b, result);
    case OP_CONTAINS:
      return compare_contains (parser, op, a, b, result);
    case OP_STARTS_WITH:
    case OP_ENDS_WITH:
    case OP_MATCHES:
    default:
      return compare_text (parser, op, a, b, result);
    }
}

static JsonNode *
boolean_node (gboolean value)
{
  return json_node_init_boolean (json_node_alloc (), value);
}

static JsonNode *parse_or (Parser *parser);

/* Before reading one level deeper, for "(" and "!". */
static gboolean
enter_level (Parser *parser,
             Token  *token)
{
  if (parser->depth >= MAX_DEPTH)
    {
      set_error (parser, _("“%s” at column %ld nests deeper than %d levels of “(” and “!”"),
                            token->text, column_of (parser, token->start), MAX_DEPTH);
      return FALSE;
    }
  parser->depth++;
  return TRUE;
}

static JsonNode *
parse_value (Parser *parser)
{
  Token *token = peek (parser);

  switch (token->kind)
    {
    case TOKEN_NUMBER:
      advance (parser);
      return json_node_init_double (json_node_alloc (), token->number);
    case TOKEN_STRING:
      advance (parser);
      return json_node_init_string (json_node_alloc (), token->text);
    case TOKEN_TRUE:
    case TOKEN_FALSE:
      advance (parser);
      return boolean_node (token->kind == TOKEN_TRUE);
    case TOKEN_NULL:
      advance (parser);
      return json_node_new (JSON_NODE_NULL);

    case TOKEN_REFERENCE:
      advance (parser);
      if (!parser->evaluating)
        return json_node_new (JSON_NODE_NULL);
      return zz_template_resolve_reference (parser->scope, token->text, parser->error);

    case TOKEN_OPEN:
      {
        g_autoptr(JsonNode) value = NULL;

        if (!enter_level (parser, token))
          return NULL;
        advance (parser);
        value = parse_or (parser);
        parser->depth--;
        if (value == NULL)
          return NULL;
        if (peek (parser)->kind != TOKEN_CLOSE)
          {
            if (peek (parser)->kind == TOKEN_END)
              set_error (parser, _("the “(” at column %ld is never closed"),
                                    column_of (parser, token->start));
            else
              set_unexpected_error (parser, peek (parser));
            return NULL;
          }
        advance (parser);
        return g_steal_pointer (&value);
      }

    case TOKEN_END:
      if (parser->position == 0)
        {
          g_set_error (parser->error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION,
                       _("The condition is empty"));
        }
      else
        {
          Token           *previous = &g_array_index (parser->tokens, Token, parser->position - 1);
          g_autofree char *quoted = quote_expression (parser);

          g_set_error (parser->error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION,
                       _("Condition “%s” is incomplete: expected a value after “%s” at column %ld"),
                          quoted, previous->text, column_of (parser, token->start));
        }
      return NULL;

    case TOKEN_CLOSE:
    case TOKEN_NOT:
    case TOKEN_AND:
    case TOKEN_OR:
    case TOKEN_OPERATOR:
    case TOKEN_UNKNOWN:
    default:
      set_error (parser, _("expected a value at column %ld, found “%s”"),
                            column_of (parser, token->start), token->text);
      return NULL;
    }
}

static JsonNode *
parse_comparison (Parser *parser)
{
  g_autoptr(JsonNode) left = parse_value (parser);
  g_autoptr(JsonNode) right = NULL;
  Token   *op;
  gboolean result = FALSE;

  if (left == NULL)
    return NULL;
  if (peek (parser)->kind != TOKEN_OPERATOR)
    return g_steal_pointer (&left);

  op = advance (parser);
  right = parse_value (parser);
  if (right == NULL)
    return NULL;
  if (parser->evaluating && !compare (parser, op, left, right, &result))
    return NULL;

  return boolean_node (result);
}

static JsonNode *
parse_not (Parser *parser)
{
  g_autoptr(JsonNode) value = NULL;

  if (peek (parser)->kind != TOKEN_NOT)
    return parse_comparison (parser);

  if (!enter_level (parser, peek (parser)))
    return NULL;
  advance (parser);
  value = parse_not (parser);
  parser->depth--;
  if (value == NULL)
    return NULL;
  return boolean_node (!is_truthy (value));
}

/* Shared by && and ||: @stop_when is the truthiness that decides the
 * result without looking further. */
static JsonNode *
parse_chain (Parser   *parser,
             TokenKind separator,
             JsonNode *(*parse_operand) (Parser *),
             gboolean stop_when)
{
  g_autoptr(JsonNode) left = parse_operand (parser);
  gboolean was_evaluating = parser->evaluating;
  gboolean result;

  if (left == NULL || peek (parser)->kind != separator)
    return g_steal_pointer (&left);

  result = is_truthy (left);
  while (peek (parser)->kind == separator)
    {
      g_autoptr(JsonNode) right = NULL;

      advance (parser);
      if (result == stop_when)
        parser->evaluating = FALSE;
      right = parse_operand (parser);
      if (right == NULL)
        {
          parser->evaluating = was_evaluating;
          return NULL;
        }
      if (parser->evaluating)
        result = is_truthy (right);
    }
  parser->evaluating = was_evaluating;

  return boolean_node (result);
}

static JsonNode *
parse_and (Parser *parser)
{
  return parse_chain (parser, TOKEN_AND, parse_not, FALSE);
}

static JsonNode *
parse_or (Parser *parser)
{
  return parse_chain (parser, TOKEN_OR, parse_and, TRUE);
}

/* Reads @expression: its syntax only when @scope is %NULL and @result is
 * %NULL, else its syntax, then its value. */
static gboolean
read_expression (const char            *expression,
                 const ZzTemplateScope *scope,
                 gboolean              *result,
                 GError               **error)
{
  g_autoptr(JsonNode) value = NULL;
  Parser parser = {
    0,
  };
  int      passes = result != NULL ? 2 : 1;
  gboolean ok = FALSE;

  if (!g_utf8_validate (expression, -1, NULL))
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION,
                   _("The condition is not valid UTF-8 text"));
      return FALSE;
    }

  parser.expression = expression;
  parser.scope = scope;
  parser.tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (parser.tokens, token_clear);
  parser.error = error;

  if (tokenize (&parser))
    {
      /* Syntax first, without resolving anything, so that a mistake in
       * the expression is reported as such and not as whatever the first
       * reference happens to name. */
      for (int pass = 0; pass < passes; pass++)
        {
          parser.position = 0;
          parser.depth = 0;
          parser.evaluating = pass == 1;
          g_clear_pointer (&value, json_node_unref);
          value = parse_or (&parser);
          if (value == NULL)
            break;
          if (peek (&parser)->kind != TOKEN_END)
            {
              set_unexpected_error (&parser, peek (&parser));
              break;
            }
          if (pass == passes - 1)
            ok = TRUE;
        }
      if (ok && result != NULL)
        *result = is_truthy (value);
    }

  g_array_unref (parser.tokens);
  return ok;
}

/**
 * zz_expression_evaluate:
 * @expression: a condition, as in a CONDITION block's config
 * @scope: (nullable): what its references may name
 * @result: (out): where the condition's truth goes
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
zz_expression_evaluate (const char            *expression,
                        const ZzTemplateScope *scope,
                        gboolean              *result,
                        GError               **error)
{
  g_return_val_if_fail (expression != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_expression (expression, scope, result, error);
}

/**
 * zz_expression_check:
 * @expression: a condition
 * @error: return location for a #GError
 *
 * Checks @expression's syntax, resolving nothing, as
 * zz_expression_evaluate() does first: what would fail a run is found in
 * the editor and at import.
 *
 * Returns: %TRUE if it reads
 */
gboolean
zz_expression_check (const char *expression,
                     GError    **error)
{
  g_return_val_if_fail (expression != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_expression (expression, NULL, NULL, error);
}
