/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-expression.c: CONDITION expressions, as the Zzyra platform's
 * workflows write them */
#include "config.h"

#include <string.h>

#include "zz-engine-error.h"
#include "zz-expression.h"
#include "zz-json.h"

typedef struct
{
  GHashTable     *outputs;
  JsonNode       *data;
  JsonObject     *variables;
  ZzTemplateScope scope;
} Fixture;

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = zz_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return node;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(JsonNode) variables = parse ("{\"threshold\": 70000, \"name\": \"Ada\"}");

  fixture->outputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) json_node_unref);
  g_hash_table_insert (fixture->outputs, g_strdup ("fetch"),
                       parse ("{\"status\": 200, \"body\": {\"ok\": true}}"));
  fixture->data = parse ("{\"price\": 65000.5, \"text\": \"70000\", \"name\": \"Bitcoin\", "
                         "\"symbol\": \"BTC\", \"tags\": [\"crypto\", \"coin\", 7], "
                         "\"empty\": \"\", \"zero\": 0, \"nothing\": null, "
                         "\"obj\": {\"a\": 1}, \"flag\": false}");
  fixture->variables = json_object_ref (json_node_get_object (variables));

  fixture->scope.outputs = fixture->outputs;
  fixture->scope.json = fixture->data;
  fixture->scope.data = fixture->data;
  fixture->scope.variables = fixture->variables;
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_clear_pointer (&fixture->outputs, g_hash_table_unref);
  g_clear_pointer (&fixture->data, json_node_unref);
  g_clear_pointer (&fixture->variables, json_object_unref);
}

static gboolean
evaluate (Fixture    *fixture,
          const char *expression)
{
  g_autoptr(GError) error = NULL;
  gboolean result = FALSE;
  gboolean ok = zz_expression_evaluate (expression, &fixture->scope, &result, &error);

  if (error != NULL)
    g_test_message ("%s: %s", expression, error->message);
  g_assert_no_error (error);
  g_assert_true (ok);
  return result;
}

#define assert_holds(fixture, expression) \
  g_assert_true (evaluate (fixture, expression))
#define assert_fails(fixture, expression) \
  g_assert_false (evaluate (fixture, expression))

static void
assert_error (Fixture    *fixture,
              const char *expression,
              int         code,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  gboolean result = FALSE;

  g_assert_false (zz_expression_evaluate (expression, &fixture->scope, &result, &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_platform_price_example (Fixture      *fixture,
                             gconstpointer user_data)
{
  const char *example = "{{data.price}} > 70000 || {{data.price}} < 40000";
  g_autoptr(JsonNode) high = parse ("{\"price\": 75000}");
  g_autoptr(JsonNode) low = parse ("{\"price\": \"39999.99\"}");

  assert_fails (fixture, example);
  fixture->scope.data = high;
  assert_holds (fixture, example);
  fixture->scope.data = low;
  assert_holds (fixture, example);
}

static void
test_and_binds_tighter_than_or (Fixture      *fixture,
                                gconstpointer user_data)
{
  assert_holds (fixture, "true || false && false");
  assert_fails (fixture, "(true || false) && false");
  assert_holds (fixture, "false && false || true");
  assert_fails (fixture, "false || false");
  assert_holds (fixture, "true && true && true");
  assert_fails (fixture, "true && true && false");
}

static void
test_parentheses_group (Fixture      *fixture,
                        gconstpointer user_data)
{
  assert_holds (fixture, "((({{data.price}} > 1)))");
  assert_holds (fixture, "({{data.zero}}) == 0");
  assert_fails (fixture, "!(1 < 2 && (2 < 3 || false))");
}

static void
test_not_negates_truthiness (Fixture      *fixture,
                             gconstpointer user_data)
{
  assert_holds (fixture, "!false");
  assert_fails (fixture, "!true");
  assert_holds (fixture, "!!true");
  assert_holds (fixture, "!{{data.empty}}");
  assert_holds (fixture, "!{{data.nothing}}");
  assert_fails (fixture, "!{{data.obj}}");
  assert_holds (fixture, "!{{data.price}} == false");
}

static void
test_a_lone_value_is_its_truthiness (Fixture      *fixture,
                                     gconstpointer user_data)
{
  assert_holds (fixture, "{{data.price}}");
  assert_holds (fixture, "{{data.name}}");
  assert_holds (fixture, "{{data.tags}}");
  assert_holds (fixture, "{{fetch.body.ok}}");
  assert_fails (fixture, "{{data.zero}}");
  assert_fails (fixture, "{{data.empty}}");
  assert_fails (fixture, "{{data.nothing}}");
  assert_fails (fixture, "{{data.flag}}");
  assert_fails (fixture, "0");
  assert_fails (fixture, "''");
  assert_fails (fixture, "null");
  assert_holds (fixture, "'false'");
}

static void
test_equality_operators (Fixture      *fixture,
                         gconstpointer user_data)
{
  assert_holds (fixture, "{{fetch.status}} == 200");
  assert_holds (fixture, "{{fetch.status}} === 200");
  assert_holds (fixture, "{{data.text}} == 70000");
  assert_fails (fixture, "{{data.text}} === 70000");
  assert_holds (fixture, "{{data.text}} !== 70000");
  assert_holds (fixture, "{{data.symbol}} == 'BTC'");
  assert_holds (fixture, "{{data.symbol}} != \"ETH\"");
  assert_fails (fixture, "{{data.symbol}} != 'BTC'");
  assert_holds (fixture, "{{data.obj}} == {{data.obj}}");
  assert_holds (fixture, "true == 1");
  assert_fails (fixture, "true === 1");
  assert_holds (fixture, "'' == 0");
}

static void
test_ordering_operators (Fixture      *fixture,
                         gconstpointer user_data)
{
  assert_holds (fixture, "{{data.price}} > 65000");
  assert_fails (fixture, "{{data.price}} < 65000");
  assert_holds (fixture, "{{data.price}} >= 65000.5");
  assert_holds (fixture, "{{data.price}} <= 65000.5");
  assert_fails (fixture, "{{data.price}} > 65000.5");
  assert_holds (fixture, "-1 < 0");
  assert_holds (fixture, "1e3 == 1000");
  assert_holds (fixture, "0.5 < .75");
}

static void
test_numeric_strings_compare_as_numbers (Fixture      *fixture,
                                         gconstpointer user_data)
{
  assert_holds (fixture, "{{data.text}} > 9999");
  assert_holds (fixture, "'10' > 9");
  /* Two strings compare as text, as in JavaScript. */
  assert_holds (fixture, "'10' < '9'");
  assert_holds (fixture, "'apple' < 'banana'");
  assert_fails (fixture, "'abc' > 1");
  assert_fails (fixture, "'abc' < 1");
}

static void
test_null_equals_only_null_and_orders_nothing (Fixture      *fixture,
                                               gconstpointer user_data)
{
  assert_holds (fixture, "{{data.nothing}} == null");
  assert_holds (fixture, "{{data.nothing}} === null");
  assert_fails (fixture, "{{data.zero}} == null");
  assert_fails (fixture, "{{data.empty}} == null");
  assert_holds (fixture, "{{data.price}} != null");
  assert_fails (fixture, "{{data.nothing}} < 40000");
  assert_fails (fixture, "{{data.nothing}} > 70000");
  assert_fails (fixture, "{{data.nothing}} contains 'a'");
  assert_fails (fixture, "{{data.nothing}} startsWith 'a'");
  assert_fails (fixture, "{{data.nothing}} matches 'a'");
}

static void
test_contains_looks_in_text_lists_and_keys (Fixture      *fixture,
                                            gconstpointer user_data)
{
  assert_holds (fixture, "{{data.name}} contains 'coin'");
  assert_fails (fixture, "{{data.name}} contains 'Coin'");
  assert_holds (fixture, "{{data.tags}} contains 'crypto'");
  assert_holds (fixture, "{{data.tags}} contains 7");
  assert_holds (fixture, "{{data.tags}} contains '7'");
  assert_fails (fixture, "{{data.tags}} contains 'cry'");
  assert_holds (fixture, "{{data.obj}} contains 'a'");
  assert_fails (fixture, "{{data.obj}} contains 'b'");
  assert_holds (fixture, "{{data.price}} contains '000.5'");
}

static void
test_starts_with_and_ends_with (Fixture      *fixture,
                                gconstpointer user_data)
{
  assert_holds (fixture, "{{data.name}} startsWith 'Bit'");
  assert_fails (fixture, "{{data.name}} startsWith 'bit'");
  assert_holds (fixture, "{{data.name}} endsWith 'coin'");
  assert_fails (fixture, "{{data.name}} endsWith 'Bit'");
  assert_holds (fixture, "{{fetch.status}} startsWith 2");
}

static void
test_matches_takes_a_regular_expression (Fixture      *fixture,
                                         gconstpointer user_data)
{
  assert_holds (fixture, "{{data.symbol}} matches '^[A-Z]{3}$'");
  assert_fails (fixture, "{{data.name}} matches '^\\d+$'");
  assert_holds (fixture, "{{data.text}} matches '^\\d+$'");
  assert_holds (fixture, "{{data.name}} matches '(?i)bitcoin'");
}

static void
test_bare_paths_and_single_braces_are_references (Fixture      *fixture,
                                                  gconstpointer user_data)
{
  assert_holds (fixture, "data.price > 70000 || data.price < 66000");
  assert_holds (fixture, "json.symbol == 'BTC'");
  assert_holds (fixture, "{data.tags[1]} == 'coin'");
  assert_holds (fixture, "{{ data.tags[2] }} === 7");
  assert_holds (fixture, "fetch.body.ok");
  assert_holds (fixture, "{{threshold}} > {{data.price}}");
  assert_holds (fixture, "variables.name == 'Ada'");
}

static void
test_templates_are_values_not_pasted_text (Fixture      *fixture,
                                           gconstpointer user_data)
{
  g_autoptr(JsonNode) sneaky = parse ("{\"name\": \"x' || true || '\"}");

  fixture->scope.data = sneaky;
  assert_fails (fixture, "{{data.name}} == 'Bitcoin'");
  assert_holds (fixture, "{{data.name}} contains \"||\"");
}

static void
test_and_or_stop_early (Fixture      *fixture,
                        gconstpointer user_data)
{
  /* The right side names nothing, but is never looked at. */
  assert_fails (fixture, "false && {{ghost.x}} > 1");
  assert_holds (fixture, "true || {{ghost.x}}");
  assert_holds (fixture, "{{data.nothing}} == null || {{data.nothing.deeper}} > 1");
  assert_fails (fixture, "false && {{data.obj}} > 1");
}

static void
test_string_literals_take_escapes (Fixture      *fixture,
                                   gconstpointer user_data)
{
  assert_holds (fixture, "'it\\'s' == \"it's\"");
  assert_holds (fixture, "'a\"b' contains '\"'");
}

static void
test_syntax_errors_name_the_column (Fixture      *fixture,
                                    gconstpointer user_data)
{
  assert_error (fixture, "{{a}} > ", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “{{a}} > ” is incomplete: expected a value after “>” at column 9");
  assert_error (fixture, "1 > 2 &&", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “1 > 2 &&” is incomplete: expected a value after “&&” at column 9");
  assert_error (fixture, "!", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “!” is incomplete: expected a value after “!” at column 2");
  assert_error (fixture, "", ZZ_ENGINE_ERROR_EXPRESSION, "The condition is empty");
  assert_error (fixture, "   ", ZZ_ENGINE_ERROR_EXPRESSION, "The condition is empty");
  assert_error (fixture, "1 = 1", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “1 = 1”: unknown operator “=” at column 3");
  assert_error (fixture, "1 and 2", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “1 and 2”: unknown operator “and” at column 3");
  assert_error (fixture, "1 <> 2", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “1 <> 2”: unknown operator “<>” at column 3");
  assert_error (fixture, "(1 < 2", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “(1 < 2”: the “(” at column 1 is never closed");
  assert_error (fixture, "1 < 2)", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “1 < 2)”: the “)” at column 6 has no matching “(”");
  assert_error (fixture, "()", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “()”: expected a value at column 2, found “)”");
  assert_error (fixture, "> 1", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “> 1”: expected a value at column 1, found “>”");
  assert_error (fixture, "1 < 2 < 3", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “1 < 2 < 3”: “<” at column 7 cannot follow a comparison; "
                "join comparisons with && or ||");
  assert_error (fixture, "1 2", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “1 2”: expected an operator before “2” at column 3");
  assert_error (fixture, "'open", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “'open”: the text starting at column 1 is never closed");
  assert_error (fixture, "{{data.price > 1", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “{{data.price > 1”: the “{{” at column 1 is never closed");
  /* Columns count characters, not bytes. */
  assert_error (fixture, "'é' = 1", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “'é' = 1”: unknown operator “=” at column 5");
}

static void
test_type_errors_are_explained (Fixture      *fixture,
                                gconstpointer user_data)
{
  assert_error (fixture, "{{data.obj}} > 1", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “{{data.obj}} > 1”: cannot compare an object with a number at column 14");
  assert_error (fixture, "'a' <= {{data.tags}}", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “'a' <= {{data.tags}}”: cannot compare a string with an array at column 5");
  assert_error (fixture, "{{data.tags}} startsWith 'c'", ZZ_ENGINE_ERROR_EXPRESSION,
                "Condition “{{data.tags}} startsWith 'c'”: “startsWith” at column 15 needs text, not an array");
}

static void
test_invalid_patterns_are_refused (Fixture      *fixture,
                                   gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_pattern = g_string_new ("'");
  g_autofree char *expression = NULL;
  gboolean         result = FALSE;

  g_assert_false (zz_expression_evaluate ("{{data.name}} matches '(unclosed'",
                                          &fixture->scope, &result, &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Condition “{{data.name}} matches '(unclosed'”: "
                                   "“(unclosed” is not a valid regular expression: "));
  g_clear_error (&error);

  for (guint i = 0; i < 1001; i++)
    g_string_append_c (long_pattern, 'a');
  g_string_append_c (long_pattern, '\'');
  expression = g_strdup_printf ("'a' matches %s", long_pattern->str);
  g_assert_false (zz_expression_evaluate (expression, &fixture->scope, &result, &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION);
  g_assert_nonnull (strstr (error->message, "is longer than 1000 characters"));
}

static void
test_unresolved_references_are_template_errors (Fixture      *fixture,
                                                gconstpointer user_data)
{
  assert_error (fixture, "{{ghost.x}} > 1", ZZ_ENGINE_ERROR_TEMPLATE,
                "“{{ghost.x}}”: there is no node “ghost” upstream");
  assert_error (fixture, "{{data.cost}} > 1", ZZ_ENGINE_ERROR_TEMPLATE,
                "“{{data.cost}}” refers to nothing: the upstream data has no “cost”");
  assert_error (fixture, "data.cost > 1", ZZ_ENGINE_ERROR_TEMPLATE,
                "“data.cost” refers to nothing: the upstream data has no “cost”");
  assert_error (fixture, "{{limit}} > 1", ZZ_ENGINE_ERROR_TEMPLATE,
                "“{{limit}}” is not a workflow variable");
}

static char *
repeated (const char *piece,
          guint       times,
          const char *then)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, piece);
  g_string_append (text, then);
  return g_string_free (text, FALSE);
}

static void
test_deep_nesting_is_refused_not_a_crash (Fixture      *fixture,
                                          gconstpointer user_data)
{
  /* 40,000 "(" or 100,000 "!" overflowed the recursive descent's stack. */
  g_autofree char *parentheses = repeated ("(", 40000, "1");
  g_autofree char *nots = repeated ("!", 100000, "true");
  g_autofree char *deepest = repeated ("!", 100, "false");
  g_autofree char *one_more = repeated ("!", 101, "false");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  expected = g_strdup_printf ("Condition “%.79s…”: “(” at column 101 nests deeper than 100 levels of “(” and “!”",
                              parentheses);
  assert_error (fixture, parentheses, ZZ_ENGINE_ERROR_EXPRESSION, expected);
  g_assert_false (zz_expression_check (nots, &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION);
  g_assert_nonnull (strstr (error->message, "“!” at column 101 nests deeper than 100 levels"));

  /* 100 levels are read; one more is not. */
  assert_fails (fixture, deepest);
  g_clear_error (&error);
  g_assert_false (zz_expression_check (one_more, &error));
}

static void
test_check_reads_syntax_without_resolving (Fixture      *fixture,
                                           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  /* A reference to nothing is fine for the syntax: it is resolved at run time. */
  g_assert_true (zz_expression_check ("{{nowhere.price}} > 1 && !({{a}} == 'x')", &error));
  g_assert_no_error (error);
  g_assert_false (zz_expression_check ("{{a}} >", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/expression/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("platform-price-example-routes-both-ways", test_platform_price_example);
  ADD ("and-binds-tighter-than-or", test_and_binds_tighter_than_or);
  ADD ("parentheses-group", test_parentheses_group);
  ADD ("not-negates-truthiness", test_not_negates_truthiness);
  ADD ("a-lone-value-is-its-truthiness", test_a_lone_value_is_its_truthiness);
  ADD ("equality-operators", test_equality_operators);
  ADD ("ordering-operators", test_ordering_operators);
  ADD ("numeric-strings-compare-as-numbers", test_numeric_strings_compare_as_numbers);
  ADD ("null-equals-only-null-and-orders-nothing", test_null_equals_only_null_and_orders_nothing);
  ADD ("contains-looks-in-text-lists-and-keys", test_contains_looks_in_text_lists_and_keys);
  ADD ("starts-with-and-ends-with", test_starts_with_and_ends_with);
  ADD ("matches-takes-a-regular-expression", test_matches_takes_a_regular_expression);
  ADD ("bare-paths-and-single-braces-are-references", test_bare_paths_and_single_braces_are_references);
  ADD ("templates-are-values-not-pasted-text", test_templates_are_values_not_pasted_text);
  ADD ("and-or-stop-early", test_and_or_stop_early);
  ADD ("string-literals-take-escapes", test_string_literals_take_escapes);
  ADD ("syntax-errors-name-the-column", test_syntax_errors_name_the_column);
  ADD ("type-errors-are-explained", test_type_errors_are_explained);
  ADD ("invalid-patterns-are-refused", test_invalid_patterns_are_refused);
  ADD ("unresolved-references-are-template-errors", test_unresolved_references_are_template_errors);
  ADD ("deep-nesting-is-refused-not-a-crash", test_deep_nesting_is_refused_not_a_crash);
  ADD ("check-reads-syntax-without-resolving", test_check_reads_syntax_without_resolving);

#undef ADD

  return g_test_run ();
}
