/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-template.c: {{references}} in config values, as workflows from the
 * Zzyra platform use them */
#include "config.h"

#include <string.h>

#include "zz-engine-error.h"
#include "zz-json.h"
#include "zz-template.h"

typedef struct
{
  GHashTable     *outputs;
  JsonNode       *json;
  JsonNode       *input;
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
  g_autoptr(JsonNode) variables = NULL;

  fixture->outputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) json_node_unref);
  g_hash_table_insert (fixture->outputs, g_strdup ("fetch"),
                       parse ("{\"status\": 200, \"body\": {\"price\": 65000.5, "
                              "\"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}], "
                              "\"key with spaces\": \"spaced\"}}"));
  g_hash_table_insert (fixture->outputs, g_strdup ("n1"),
                       parse ("{\"count\": 3, \"ratio\": 0.25, \"whole\": 2.0, \"ok\": true, "
                              "\"nothing\": null, \"list\": [1, 2, 3], \"obj\": {\"a\": 1}}"));
  g_hash_table_insert (fixture->outputs, g_strdup ("node-2"), parse ("\"plain\""));

  fixture->json = parse ("{\"field\": \"hello\", \"a\": {\"b\": 42}, \"list\": [\"first\", \"second\"]}");
  fixture->input = parse ("{\"user\": {\"email\": \"ada@example.org\"}}");
  variables = parse ("{\"threshold\": 70000, \"name\": \"Ada\", \"cfg\": {\"x\": 1}}");
  fixture->variables = json_object_ref (json_node_get_object (variables));

  fixture->scope.outputs = fixture->outputs;
  fixture->scope.json = fixture->json;
  fixture->scope.data = NULL;
  fixture->scope.input = fixture->input;
  fixture->scope.variables = fixture->variables;
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_clear_pointer (&fixture->outputs, g_hash_table_unref);
  g_clear_pointer (&fixture->json, json_node_unref);
  g_clear_pointer (&fixture->input, json_node_unref);
  g_clear_pointer (&fixture->variables, json_object_unref);
}

static JsonNode *
resolve_text (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), text);
  JsonNode *resolved = zz_template_resolve (&fixture->scope, value, &error);

  g_assert_no_error (error);
  g_assert_nonnull (resolved);
  return resolved;
}

static void
assert_resolves_to_string (Fixture    *fixture,
                           const char *text,
                           const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = zz_template_resolve_string (&fixture->scope, text, &error);
  g_autoptr(JsonNode) node = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (resolved, ==, expected);

  /* The deep resolver agrees for text that is not one lone reference. */
  node = resolve_text (fixture, text);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_assert_cmpstr (json_node_get_string (node), ==, expected);
}

static void
assert_fails_naming (Fixture    *fixture,
                     const char *text,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) deep_error = NULL;
  g_autofree char *resolved = zz_template_resolve_string (&fixture->scope, text, &error);
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), text);
  g_autoptr(JsonNode) node = zz_template_resolve (&fixture->scope, value, &deep_error);

  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (resolved);
  g_assert_error (deep_error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE);
  g_assert_cmpstr (deep_error->message, ==, message);
  g_assert_null (node);
}

static void
test_whole_template_keeps_its_json_type (Fixture      *fixture,
                                         gconstpointer user_data)
{
  g_autoptr(JsonNode) count = resolve_text (fixture, "{{n1.count}}");
  g_autoptr(JsonNode) ratio = resolve_text (fixture, "{{n1.ratio}}");
  g_autoptr(JsonNode) ok = resolve_text (fixture, "{{n1.ok}}");
  g_autoptr(JsonNode) nothing = resolve_text (fixture, "{{n1.nothing}}");
  g_autoptr(JsonNode) obj = resolve_text (fixture, "{{n1.obj}}");
  g_autoptr(JsonNode) list = resolve_text (fixture, "{{n1.list}}");
  g_autoptr(JsonNode) whole = resolve_text (fixture, "{{n1}}");
  g_autoptr(JsonNode) text = resolve_text (fixture, "{{node-2}}");

  g_assert_cmpint (json_node_get_value_type (count), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (count), ==, 3);
  g_assert_cmpfloat (json_node_get_double (ratio), ==, 0.25);
  g_assert_true (json_node_get_boolean (ok));
  g_assert_true (JSON_NODE_HOLDS_NULL (nothing));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (obj));
  g_assert_cmpint (zz_json_object_get_int (json_node_get_object (obj), "a", 0), ==, 1);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 3);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (whole));
  g_assert_cmpstr (json_node_get_string (text), ==, "plain");
}

static void
test_reference_inside_text_is_interpolated (Fixture      *fixture,
                                            gconstpointer user_data)
{
  assert_resolves_to_string (fixture,
                             "count {{n1.count}}, ratio {{n1.ratio}}, ok {{n1.ok}}, "
                             "none {{n1.nothing}}, obj {{n1.obj}}, list {{n1.list}}, {{json.field}}!",
                             "count 3, ratio 0.25, ok true, none null, obj {\"a\":1}, "
                             "list [1,2,3], hello!");
}

static void
test_numbers_are_written_without_trailing_zeros (Fixture      *fixture,
                                                 gconstpointer user_data)
{
  g_autoptr(JsonNode) tenth = json_node_init_double (json_node_alloc (), 0.1);
  g_autoptr(JsonNode) third = json_node_init_double (json_node_alloc (), 1.0 / 3.0);
  g_autoptr(JsonNode) negative = json_node_init_double (json_node_alloc (), -12.5);
  g_autofree char *tenth_text = zz_template_format_value (tenth);
  g_autofree char *third_text = zz_template_format_value (third);
  g_autofree char *negative_text = zz_template_format_value (negative);

  assert_resolves_to_string (fixture, "price {{fetch.body.price}}", "price 65000.5");
  assert_resolves_to_string (fixture, "whole {{n1.whole}}", "whole 2");
  g_assert_cmpstr (tenth_text, ==, "0.1");
  g_assert_cmpstr (third_text, ==, "0.3333333333333333");
  g_assert_cmpstr (negative_text, ==, "-12.5");
}

static void
test_paths_follow_members_and_indexes (Fixture      *fixture,
                                       gconstpointer user_data)
{
  g_autoptr(JsonNode) b = resolve_text (fixture, "{{json.a.b}}");
  g_autoptr(JsonNode) length = resolve_text (fixture, "{{json.list.length}}");

  g_assert_cmpint (json_node_get_int (b), ==, 42);
  g_assert_cmpint (json_node_get_int (length), ==, 2);
  assert_resolves_to_string (fixture, "{{json.field}}", "hello");
  assert_resolves_to_string (fixture, "{{json.list[0]}} and {{json.list[1]}}", "first and second");
  assert_resolves_to_string (fixture, "{{fetch.body.items[1].name}}", "b");
  assert_resolves_to_string (fixture, "{{fetch.body[\"key with spaces\"]}}", "spaced");
  assert_resolves_to_string (fixture, "{{fetch.body['key with spaces']}}", "spaced");
}

static void
test_data_is_the_upstream_output (Fixture      *fixture,
                                  gconstpointer user_data)
{
  g_autoptr(JsonNode) data = parse ("{\"field\": \"from data\"}");

  /* Without data of its own, the scope's data is the node's input. */
  assert_resolves_to_string (fixture, "{{data.field}}", "hello");
  assert_resolves_to_string (fixture, "{data.field}", "hello");

  fixture->scope.data = data;
  assert_resolves_to_string (fixture, "{{data.field}} / {{json.field}}", "from data / hello");
}

static void
test_single_braces_name_data_json_input_and_nodes (Fixture      *fixture,
                                                   gconstpointer user_data)
{
  g_autoptr(JsonNode) status = resolve_text (fixture, "{fetch.status}");

  g_assert_cmpint (json_node_get_int (status), ==, 200);
  assert_resolves_to_string (fixture, "{json.a.b}", "42");
  assert_resolves_to_string (fixture, "to {input.user.email}", "to ada@example.org");
  assert_resolves_to_string (fixture, "{n1.count} items", "3 items");
  assert_resolves_to_string (fixture, "{ data.field }", "hello");
}

static void
test_other_braces_are_left_alone (Fixture      *fixture,
                                  gconstpointer user_data)
{
  const char *texts[] = {
    "{\"a\": 1, \"b\": {\"c\": 2}}",
    "{unknown.x}",
    "{threshold}",
    "function () { return 1; }",
    "{{ hello world }}",
    "{{",
    "}}{{",
    "{{$now",
    "{$now}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) node = resolve_text (fixture, texts[i]);

      g_assert_cmpstr (json_node_get_string (node), ==, texts[i]);
    }
}

static void
test_whitespace_inside_braces_is_allowed (Fixture      *fixture,
                                          gconstpointer user_data)
{
  g_autoptr(JsonNode) count = resolve_text (fixture, "{{ n1.count }}");

  g_assert_cmpint (json_node_get_int (count), ==, 3);
  assert_resolves_to_string (fixture, "say {{  json.field\t}}", "say hello");
  assert_resolves_to_string (fixture, "{{ $randomInt( 4 , 4 ) }}", "4");
}

static void
test_input_is_the_execution_input (Fixture      *fixture,
                                   gconstpointer user_data)
{
  assert_resolves_to_string (fixture, "mail {{input.user.email}}", "mail ada@example.org");
}

static void
test_variables_by_name_or_through_variables (Fixture      *fixture,
                                             gconstpointer user_data)
{
  g_autoptr(JsonNode) threshold = resolve_text (fixture, "{{threshold}}");
  g_autoptr(JsonNode) all = resolve_text (fixture, "{{variables}}");

  g_assert_cmpint (json_node_get_value_type (threshold), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (threshold), ==, 70000);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (all));
  assert_resolves_to_string (fixture, "Hi {{name}}, {{variables.name}}", "Hi Ada, Ada");
  assert_resolves_to_string (fixture, "{{variables.cfg.x}} {{cfg.x}}", "1 1");
}

static void
test_now_is_utc_iso8601_with_milliseconds (Fixture      *fixture,
                                           gconstpointer user_data)
{
  g_autoptr(JsonNode) now = resolve_text (fixture, "{{$now}}");
  const char *text = json_node_get_string (now);
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) current = g_date_time_new_now_utc ();

  g_assert_nonnull (text);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$",
                                       text, 0, 0));
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpint (ABS (g_date_time_difference (current, parsed)), <, 5 * G_TIME_SPAN_SECOND);
}

static void
test_uuid_is_a_fresh_uuid (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(JsonNode) first = resolve_text (fixture, "{{$uuid}}");
  g_autoptr(JsonNode) second = resolve_text (fixture, "{{$uuid}}");

  g_assert_true (g_uuid_string_is_valid (json_node_get_string (first)));
  g_assert_cmpuint (strlen (json_node_get_string (first)), ==, 36);
  g_assert_cmpstr (json_node_get_string (first), !=, json_node_get_string (second));
}

static void
test_random_int_stays_in_range_and_reaches_both_ends (Fixture      *fixture,
                                                      gconstpointer user_data)
{
  gboolean seen[4] = {
    FALSE,
  };

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(JsonNode) value = resolve_text (fixture, "{{$randomInt(1,3)}}");
      gint64 n = json_node_get_int (value);

      g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_INT64);
      g_assert_cmpint (n, >=, 1);
      g_assert_cmpint (n, <=, 3);
      seen[n] = TRUE;
    }
  g_assert_true (seen[1]);
  g_assert_true (seen[2]);
  g_assert_true (seen[3]);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(JsonNode) value = resolve_text (fixture, "{{$randomInt(-5, 100)}}");

      g_assert_cmpint (json_node_get_int (value), >=, -5);
      g_assert_cmpint (json_node_get_int (value), <=, 100);
    }
}

static void
test_resolving_goes_deep_and_leaves_the_value_alone (Fixture      *fixture,
                                                     gconstpointer user_data)
{
  g_autoptr(JsonNode) config = parse ("{\"url\": \"https://example.org/{{json.field}}\", "
                                       "\"headers\": {\"X-Count\": \"{{n1.count}}\"}, "
                                       "\"list\": [\"{{n1.ok}}\", 5, null, [\"{{threshold}}\"]], "
                                       "\"n\": 7, \"{{json.field}}\": \"keys stay\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) resolved = zz_template_resolve (&fixture->scope, config, &error);
  g_autofree char *resolved_text = NULL;
  g_autofree char *config_text = NULL;

  g_assert_no_error (error);
  resolved_text = zz_json_to_string (resolved, FALSE);
  g_assert_cmpstr (resolved_text, ==,
                   "{\"url\":\"https://example.org/hello\",\"headers\":{\"X-Count\":3},"
                   "\"list\":[true,5,null,[70000]],\"n\":7,\"{{json.field}}\":\"keys stay\"}");
  config_text = zz_json_to_string (config, FALSE);
  g_assert_nonnull (strstr (config_text, "{{n1.count}}"));
}

static void
test_unresolved_references_are_named_as_written (Fixture      *fixture,
                                                 gconstpointer user_data)
{
  assert_fails_naming (fixture, "{{fetch.body.cost}}",
                       "“{{fetch.body.cost}}” refers to nothing: node “fetch” has no “cost” in its output");
  assert_fails_naming (fixture, "Price: {{ fetch.body.price.usd }} now",
                       "“{{ fetch.body.price.usd }}” refers to nothing: node “fetch” has no “usd” in its output");
  assert_fails_naming (fixture, "{fetch.nope}",
                       "“{fetch.nope}” refers to nothing: node “fetch” has no “nope” in its output");
  assert_fails_naming (fixture, "{{fetch.body.items[2].name}}",
                       "“{{fetch.body.items[2].name}}” refers to nothing: node “fetch” has no “[2]” in its output");
  assert_fails_naming (fixture, "{{ghost.x}}",
                       "“{{ghost.x}}”: there is no node “ghost” upstream");
  assert_fails_naming (fixture, "limit {{threshold2}}",
                       "“{{threshold2}}” is not a workflow variable");
  assert_fails_naming (fixture, "{{variables.nope}}",
                       "“{{variables.nope}}” is not a workflow variable");
  assert_fails_naming (fixture, "{{variables.cfg.y}}",
                       "“{{variables.cfg.y}}” refers to nothing: variable “cfg” has no “y”");
  assert_fails_naming (fixture, "{{json.missing}}",
                       "“{{json.missing}}” refers to nothing: the node’s input has no “missing”");
  assert_fails_naming (fixture, "{{json.list[5]}}",
                       "“{{json.list[5]}}” refers to nothing: the node’s input has no “[5]”");
  assert_fails_naming (fixture, "{data.missing}",
                       "“{data.missing}” refers to nothing: the upstream data has no “missing”");
  assert_fails_naming (fixture, "{{input.user.name}}",
                       "“{{input.user.name}}” refers to nothing: the execution input has no “name”");
  assert_fails_naming (fixture, "{{$nope}}",
                       "“{{$nope}}”: there is no function “$nope”; use $now, $uuid or $randomInt(a,b)");
  assert_fails_naming (fixture, "{{$randomInt(1)}}",
                       "“{{$randomInt(1)}}”: $randomInt needs two whole numbers, as in $randomInt(1,100)");
  assert_fails_naming (fixture, "{{$randomInt(a,b)}}",
                       "“{{$randomInt(a,b)}}”: $randomInt needs two whole numbers, as in $randomInt(1,100)");
}

static void
test_a_node_without_input_cannot_name_json (Fixture      *fixture,
                                            gconstpointer user_data)
{
  fixture->scope.json = NULL;
  assert_fails_naming (fixture, "{{json.field}}",
                       "“{{json.field}}” refers to nothing: this node has no input");
  assert_fails_naming (fixture, "{{data.field}}",
                       "“{{data.field}}” refers to nothing: this node has no input");
  fixture->scope.input = NULL;
  assert_fails_naming (fixture, "{{input.user}}",
                       "“{{input.user}}” refers to nothing: the execution has no input");
}

static void
test_an_error_deep_inside_stops_the_whole_value (Fixture      *fixture,
                                                 gconstpointer user_data)
{
  g_autoptr(JsonNode) config = parse ("{\"a\": \"ok\", \"b\": [1, {\"c\": \"{{ghost.x}}\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) resolved = zz_template_resolve (&fixture->scope, config, &error);

  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE);
  g_assert_null (resolved);
  g_assert_nonnull (strstr (error->message, "“{{ghost.x}}”"));
}

static void
test_a_single_reference_resolves_with_or_without_braces (Fixture      *fixture,
                                                         gconstpointer user_data)
{
  const char *forms[] = { "{{fetch.status}}", "{fetch.status}", "fetch.status", " fetch.status " };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) bad = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) value = zz_template_resolve_reference (&fixture->scope, forms[i], &local_error);

      g_assert_no_error (local_error);
      g_assert_cmpint (json_node_get_int (value), ==, 200);
    }

  bad = zz_template_resolve_reference (&fixture->scope, "not a reference", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_TEMPLATE);
  g_assert_cmpstr (error->message, ==, "“not a reference” is not a reference");
  g_assert_null (bad);
}

static void
test_has_references_tells_templated_text (void)
{
  g_assert_true (zz_template_has_references ("{{json.x}}"));
  g_assert_true (zz_template_has_references ("at {{$now}}"));
  g_assert_true (zz_template_has_references ("{data.field}"));
  g_assert_true (zz_template_has_references ("{NodeId.field}"));
  g_assert_true (zz_template_has_references ("Hi {{ name }}"));
  g_assert_false (zz_template_has_references ("plain text"));
  g_assert_false (zz_template_has_references ("{\"a\": 1}"));
  g_assert_false (zz_template_has_references ("{threshold}"));
  g_assert_false (zz_template_has_references ("{{ two words }}"));
  g_assert_false (zz_template_has_references (""));
  g_assert_false (zz_template_has_references (NULL));
}

static void
test_node_references_are_listed_once (void)
{
  g_auto(GStrv) ids = zz_template_list_node_references ("{{fetch.body}} {{json.x}} {data.y} "
                                                         "{{n1[0]}} {{fetch.status}} {NodeId.field} "
                                                         "{{threshold}} {{variables.a}} {{$now}} "
                                                         "{\"a\": 1}");
  g_auto(GStrv) none = zz_template_list_node_references ("nothing here");
  const char *expected[] = { "fetch", "n1", "NodeId", NULL };

  g_assert_cmpstrv (ids, expected);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/template/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("whole-template-keeps-its-json-type", test_whole_template_keeps_its_json_type);
  ADD ("reference-inside-text-is-interpolated", test_reference_inside_text_is_interpolated);
  ADD ("numbers-are-written-without-trailing-zeros", test_numbers_are_written_without_trailing_zeros);
  ADD ("paths-follow-members-and-indexes", test_paths_follow_members_and_indexes);
  ADD ("data-is-the-upstream-output", test_data_is_the_upstream_output);
  ADD ("single-braces-name-data-json-input-and-nodes", test_single_braces_name_data_json_input_and_nodes);
  ADD ("other-braces-are-left-alone", test_other_braces_are_left_alone);
  ADD ("whitespace-inside-braces-is-allowed", test_whitespace_inside_braces_is_allowed);
  ADD ("input-is-the-execution-input", test_input_is_the_execution_input);
  ADD ("variables-by-name-or-through-variables", test_variables_by_name_or_through_variables);
  ADD ("now-is-utc-iso8601-with-milliseconds", test_now_is_utc_iso8601_with_milliseconds);
  ADD ("uuid-is-a-fresh-uuid", test_uuid_is_a_fresh_uuid);
  ADD ("random-int-stays-in-range-and-reaches-both-ends", test_random_int_stays_in_range_and_reaches_both_ends);
  ADD ("resolving-goes-deep-and-leaves-the-value-alone", test_resolving_goes_deep_and_leaves_the_value_alone);
  ADD ("unresolved-references-are-named-as-written", test_unresolved_references_are_named_as_written);
  ADD ("a-node-without-input-cannot-name-json", test_a_node_without_input_cannot_name_json);
  ADD ("an-error-deep-inside-stops-the-whole-value", test_an_error_deep_inside_stops_the_whole_value);
  ADD ("a-single-reference-resolves-with-or-without-braces", test_a_single_reference_resolves_with_or_without_braces);

#undef ADD

  g_test_add_func ("/template/has-references-tells-templated-text", test_has_references_tells_templated_text);
  g_test_add_func ("/template/node-references-are-listed-once", test_node_references_are_listed_once);

  return g_test_run ();
}
