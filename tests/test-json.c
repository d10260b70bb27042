/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c: JSON from outside is read strictly, and never crashes */
#include "config.h"

#include <math.h>
#include <string.h>

#include "zz-json.h"

/* Parses @text and asserts it is refused with @code and a message that
 * contains @message. */
static void
assert_refused (const char *text,
                gssize      length,
                gint        code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = zz_json_parse (text, length, &error);

  g_assert_null (node);
  g_assert_error (error, ZZ_JSON_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message);
}

static JsonNode *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = zz_json_parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static char *
nested (const char *open,
        guint       levels,
        const char *middle,
        const char *close)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append (text, open);
  g_string_append (text, middle);
  for (guint i = 0; i < levels; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

static void
test_deep_nesting_is_refused_before_recursing (void)
{
  /* 60,000 levels overflowed the stack of json-glib's parser. */
  g_autofree char *arrays = nested ("[", 60000, "1", "]");
  g_autofree char *objects = nested ("{\"a\":", 60000, "1", "}");
  g_autofree char *unclosed = nested ("[", 200000, "", "");

  assert_refused (arrays, -1, ZZ_JSON_ERROR_TOO_DEEP, "nested deeper than 512 levels at line 1, column 513");
  /* Each level of objects is five characters: the 513th opens at 2561. */
  assert_refused (objects, -1, ZZ_JSON_ERROR_TOO_DEEP, "nested deeper than 512 levels at line 1, column 2561");
  assert_refused (unclosed, -1, ZZ_JSON_ERROR_TOO_DEEP, "nested deeper than 512 levels");
}

static void
test_nesting_up_to_the_limit_is_read (void)
{
  g_autofree char *text = nested ("[", ZZ_JSON_MAX_DEPTH, "true", "]");
  g_autoptr(JsonNode) node = parse_ok (text);
  JsonNode *inner = node;

  for (guint i = 0; i < ZZ_JSON_MAX_DEPTH; i++)
    {
      g_assert_true (JSON_NODE_HOLDS_ARRAY (inner));
      inner = json_array_get_element (json_node_get_array (inner), 0);
    }
  g_assert_true (json_node_get_boolean (inner));
}

static void
test_depth_of_a_tree_is_measured (void)
{
  g_autofree char *deepest = nested ("[", ZZ_JSON_MAX_DEPTH, "1", "]");
  g_autoptr(JsonNode) readable = parse_ok (deepest);
  g_autoptr(JsonNode) scalar = parse_ok ("\"flat\"");
  g_autoptr(JsonNode) two = parse_ok ("{\"a\": [1], \"b\": 2}");
  g_autoptr(JsonNode) built = json_node_init_object (json_node_alloc (), json_object_new ());
  JsonObject *inner = json_node_get_object (built);

  /* As zz_json_parse() counts: what it reads is not too deep. */
  g_assert_false (zz_json_node_is_deeper_than (readable, ZZ_JSON_MAX_DEPTH));
  g_assert_true (zz_json_node_is_deeper_than (readable, ZZ_JSON_MAX_DEPTH - 1));
  g_assert_false (zz_json_node_is_deeper_than (scalar, 0));
  g_assert_false (zz_json_node_is_deeper_than (two, 2));
  g_assert_true (zz_json_node_is_deeper_than (two, 1));

  /* A tree built, not parsed, 2,000 levels deep: one level past the limit
   * is enough to tell. */
  for (guint i = 1; i < 2000; i++)
    {
      JsonObject *child = json_object_new ();

      json_object_set_object_member (inner, "a", child);
      inner = child;
    }
  g_assert_true (zz_json_node_is_deeper_than (built, ZZ_JSON_MAX_DEPTH));
  g_assert_false (zz_json_node_is_deeper_than (built, 2000));
}

static void
test_numbers_beyond_a_double_are_refused (void)
{
  assert_refused ("{\"position\": {\"x\": 1e400, \"y\": 0}}", -1, ZZ_JSON_ERROR_SYNTAX,
                  "the number 1e400 is too large to be held (a double ends near 1.8e308) at line 1, column 20");
  assert_refused ("[\n  -2E+999\n]", -1, ZZ_JSON_ERROR_SYNTAX, "-2E+999 is too large to be held");
}

static void
test_integers_past_64_bits_are_doubles (void)
{
  g_autoptr(JsonNode) node = parse_ok ("[99999999999999999999999, -9223372036854775809, "
                                        "9223372036854775807, -9223372036854775808, 1e-400, -0]");
  JsonArray *array = json_node_get_array (node);

  /* As JavaScript reads them: a double, never wrapped. */
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 0)), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (array, 0), ==, 1e23);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 1)), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (array, 1), ==, -9223372036854775808.0);
  g_assert_cmpint (json_array_get_int_element (array, 2), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (array, 3), ==, G_MININT64);
  g_assert_cmpfloat (json_array_get_double_element (array, 4), ==, 0.0);
  g_assert_cmpint (json_array_get_int_element (array, 5), ==, 0);
}

static void
test_nul_in_a_string_is_refused (void)
{
  /* It cut the string there: a node id "t\u0000x" became "t". */
  assert_refused ("{\"id\": \"t\\u0000x\"}", -1, ZZ_JSON_ERROR_SYNTAX,
                  "a NUL character, which text here cannot hold at line 1, column 10");
  /* A raw NUL byte too, when the length is given. */
  assert_refused ("[\"a\0b\"]", 7, ZZ_JSON_ERROR_SYNTAX, "a control character (U+0000)");
}

static void
test_escapes_json_does_not_have_are_refused (void)
{
  assert_refused ("[\"\\666\"]", -1, ZZ_JSON_ERROR_SYNTAX, "“\\” followed by “6” is not an escape JSON has at line 1, column 3");
  assert_refused ("[\"\\q\"]", -1, ZZ_JSON_ERROR_SYNTAX, "“\\” followed by “q” is not an escape JSON has");
  assert_refused ("[\"\\u12\"]", -1, ZZ_JSON_ERROR_SYNTAX, "four hexadecimal digits");
  assert_refused ("[\"\\uD83D\"]", -1, ZZ_JSON_ERROR_SYNTAX, "first half of a surrogate pair without its second");
  assert_refused ("[\"\\uDE00\"]", -1, ZZ_JSON_ERROR_SYNTAX, "second half of a surrogate pair without its first");
}

static void
test_escapes_json_has_are_read (void)
{
  g_autoptr(JsonNode) node = parse_ok ("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"]");

  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 0), ==,
                   "\"\\/\b\f\n\r\té😀");
}

static void
test_text_that_is_not_utf8_is_refused (void)
{
  assert_refused ("{\"name\": \"caf\xE9\"}", -1, ZZ_JSON_ERROR_SYNTAX, "the text is not UTF-8 at line 1, column 14");
}

static void
test_what_json_does_not_allow_is_refused (void)
{
  assert_refused ("[1, 2,]", -1, ZZ_JSON_ERROR_SYNTAX, "expected a value, found “]” at line 1, column 7");
  assert_refused ("{\"a\": 1,}", -1, ZZ_JSON_ERROR_SYNTAX, "a member name in double quotes");
  assert_refused ("[012]", -1, ZZ_JSON_ERROR_SYNTAX, "cannot start with 0");
  assert_refused ("[1.]", -1, ZZ_JSON_ERROR_SYNTAX, "a digit after the decimal point");
  assert_refused ("{'a': 1}", -1, ZZ_JSON_ERROR_SYNTAX, "a member name in double quotes");
  assert_refused ("[\"tab\there\"]", -1, ZZ_JSON_ERROR_SYNTAX, "control character (U+0009)");
  assert_refused ("{} {}", -1, ZZ_JSON_ERROR_SYNTAX, "“{” follows the end of the value at line 1, column 4");
  assert_refused ("[tru]", -1, ZZ_JSON_ERROR_SYNTAX, "expected a value");
  /* A missing comma is named where it is missing, not on the next line. */
  assert_refused ("{\n  \"price\": 1\n  \"unit\": \"EUR\"\n}", -1, ZZ_JSON_ERROR_SYNTAX,
                  "“,” or “}” is missing after the value, before “\"” at line 2, column 13");
  assert_refused ("[1 2]", -1, ZZ_JSON_ERROR_SYNTAX, "“,” or “]” is missing after the value, before “2” at line 1, column 3");
  assert_refused ("[\"open", -1, ZZ_JSON_ERROR_SYNTAX, "the string that starts here is never closed at line 1, column 2");
  assert_refused ("  \n ", -1, ZZ_JSON_ERROR_SYNTAX, "the text is empty");
}

static void
test_repeated_names_keep_place_take_last_value (void)
{
  g_autoptr(JsonNode) node = parse_ok ("\xEF\xBB\xBF{\"a\": 1, \"b\": 2, \"a\": 3}");
  g_autofree char *text = zz_json_to_string (node, FALSE);

  /* As JSON.parse does, and a byte-order mark before the text is allowed. */
  g_assert_cmpstr (text, ==, "{\"a\":3,\"b\":2}");
}

static void
test_parsed_text_writes_back_the_same (void)
{
  const char *text = "{\"z\":[1,2.5,-0.1,1e+300,\"é\\n\\u0001\",true,false,null,{}],\"a\":{\"b\":[]}}";
  g_autoptr(JsonNode) node = parse_ok (text);
  g_autofree char *written = zz_json_to_string (node, FALSE);
  g_autoptr(JsonNode) again = parse_ok (written);
  g_autofree char *rewritten = zz_json_to_string (again, FALSE);

  g_assert_cmpstr (written, ==, rewritten);
  g_assert_true (json_node_equal (node, again));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/parse/deep-nesting-is-refused-before-recursing", test_deep_nesting_is_refused_before_recursing);
  g_test_add_func ("/json/parse/nesting-up-to-the-limit-is-read", test_nesting_up_to_the_limit_is_read);
  g_test_add_func ("/json/depth/is-measured-as-the-reader-counts-it", test_depth_of_a_tree_is_measured);
  g_test_add_func ("/json/parse/numbers-beyond-a-double-are-refused", test_numbers_beyond_a_double_are_refused);
  g_test_add_func ("/json/parse/integers-past-64-bits-are-doubles", test_integers_past_64_bits_are_doubles);
  g_test_add_func ("/json/parse/nul-in-a-string-is-refused", test_nul_in_a_string_is_refused);
  g_test_add_func ("/json/parse/escapes-json-does-not-have-are-refused", test_escapes_json_does_not_have_are_refused);
  g_test_add_func ("/json/parse/escapes-json-has-are-read", test_escapes_json_has_are_read);
  g_test_add_func ("/json/parse/text-that-is-not-utf8-is-refused", test_text_that_is_not_utf8_is_refused);
  g_test_add_func ("/json/parse/what-json-does-not-allow-is-refused", test_what_json_does_not_allow_is_refused);
  g_test_add_func ("/json/parse/repeated-names-keep-place-take-last-value", test_repeated_names_keep_place_take_last_value);
  g_test_add_func ("/json/parse/parsed-text-writes-back-the-same", test_parsed_text_writes_back_the_same);

  return g_test_run ();
}
