/* test-cli.c: zzyra-cli end to end, as a script would run it
 *
 * Each test gets an empty temporary folder and runs the real binary (its
 * path is in ZZYRA_CLI, set by meson) with --db pointing there.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zzyra-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs zzyra-cli with the fixture's database and @args (NULL-terminated). */
static void
run_cli_env (Fixture     *fixture,
             Result      *result,
             gboolean     with_db,
             const char  *env_db,
             const char  *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ZZYRA_CLI");
  va_list args;

  g_assert_nonnull (cli);

  g_ptr_array_add (argv, (gpointer) cli);
  if (with_db)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, fixture->db);
    }

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  if (env_db != NULL)
    g_subprocess_launcher_setenv (launcher, "ZZYRA_DB", env_db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "ZZYRA_DB");
  /* Never let a test touch the real database of whoever runs it. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->dir, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

#define run_cli(fixture, result, ...) run_cli_env (fixture, result, TRUE, NULL, __VA_ARGS__, NULL)

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static const char price_alert_json[] =
  "{\n"
  "  \"name\": \"Price alert\",\n"
  "  \"description\": \"Tell me when BTC moves\",\n"
  "  \"tags\": [\"crypto\", \"alerts\"],\n"
  "  \"isPublic\": false,\n"
  "  \"metadata\": {\"variables\": {\"threshold\": 70000}, \"editor\": \"web\"},\n"
  "  \"nodes\": [\n"
  "    {\"id\": \"trigger\", \"type\": \"custom\", \"position\": {\"x\": 0, \"y\": 0},\n"
  "     \"data\": {\"blockType\": \"MANUAL_TRIGGER\", \"label\": \"Start\", \"config\": {}}},\n"
  "    {\"id\": \"fetch\", \"type\": \"HTTP_REQUEST\", \"position\": {\"x\": 250, \"y\": 0},\n"
  "     \"dragHandle\": \".handle\",\n"
  "     \"data\": {\"label\": \"Fetch price\", \"config\": {\"url\": \"https://example.org/price\", \"method\": \"GET\"}}},\n"
  "    {\"id\": \"check\", \"type\": \"custom\", \"position\": {\"x\": 500, \"y\": 0},\n"
  "     \"data\": {\"blockType\": \"CONDITION\", \"label\": \"Above?\", \"ui\": {\"color\": \"red\"},\n"
  "              \"config\": {\"condition\": \"{{fetch.price}} > 70000\"}}}\n"
  "  ],\n"
  "  \"edges\": [\n"
  "    {\"id\": \"e1\", \"source\": \"trigger\", \"target\": \"fetch\", \"sourceHandle\": null, \"targetHandle\": null,\n"
  "     \"animated\": true},\n"
  "    {\"id\": \"e2\", \"source\": \"fetch\", \"target\": \"check\", \"sourceHandle\": null, \"targetHandle\": null,\n"
  "     \"data\": {\"fieldMappings\": [{\"from\": \"price\", \"to\": \"value\"}]}}\n"
  "  ]\n"
  "}\n";

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_member_equal (JsonObject *a,
                     JsonObject *b,
                     const char *member)
{
  JsonNode *x = json_object_get_member (a, member);
  JsonNode *y = json_object_get_member (b, member);

  g_assert_nonnull (x);
  g_assert_nonnull (y);
  if (!json_node_equal (x, y))
    g_error ("member “%s” differs after the round trip", member);
}

static char *
import_price_alert (Fixture *fixture)
{
  g_auto(Result) result = { 0 };
  g_autofree char *path = write_file (fixture, "price-alert.json", price_alert_json);

  run_cli (fixture, &result, "import", path);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_suffix (result.out, "\n"));
  result.out[strlen (result.out) - 1] = '\0';

  return g_steal_pointer (&result.out);
}

static char *
list_json (Fixture *fixture)
{
  g_auto(Result) result = { 0 };

  run_cli (fixture, &result, "list", "--json");
  g_assert_cmpint (result.status, ==, 0);

  return g_steal_pointer (&result.out);
}

static void
test_init_creates_database (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };

  run_cli (fixture, &first, "init");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (first.out, "schema version"));

  /* A second init finds it up to date and changes nothing. */
  run_cli (fixture, &second, "init");
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (first.out, ==, second.out);
}

static void
test_import_prints_only_the_new_id (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *id = import_price_alert (fixture);
  g_autofree char *again = import_price_alert (fixture);

  g_assert_cmpuint (strlen (id), ==, 25);
  g_assert_cmpint (id[0], ==, 'c');
  g_assert_null (strchr (id, ' '));
  /* Importing twice makes two workflows, never an overwrite. */
  g_assert_cmpstr (id, !=, again);
}

static void
test_export_round_trip_keeps_unknown_keys (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autofree char *id = import_price_alert (fixture);
  g_auto(Result) result = { 0 };
  g_autoptr(JsonNode) original = parse_json (price_alert_json);
  g_autoptr(JsonNode) exported = NULL;
  JsonObject *a, *b;

  run_cli (fixture, &result, "export", id);
  g_assert_cmpint (result.status, ==, 0);
  exported = parse_json (result.out);

  a = json_node_get_object (original);
  b = json_node_get_object (exported);
  g_assert_cmpstr (json_object_get_string_member (b, "id"), ==, id);
  assert_member_equal (a, b, "name");
  assert_member_equal (a, b, "description");
  assert_member_equal (a, b, "tags");
  assert_member_equal (a, b, "isPublic");
  assert_member_equal (a, b, "metadata");
  assert_member_equal (a, b, "nodes");
  assert_member_equal (a, b, "edges");
}

static void
test_import_malformed_json_names_line_and_column (Fixture       *fixture,
                                                  gconstpointer  data)
{
  g_autofree char *id = import_price_alert (fixture);
  g_autofree char *before = list_json (fixture);
  g_autofree char *after = NULL;
  g_autofree char *path = write_file (fixture, "broken.json",
                                      "{\n  \"name\": \"Broken\",\n  \"nodes\": [\n    {\"id\": \"a\",}\n  ]\n}\n");
  g_auto(Result) result = { 0 };

  run_cli (fixture, &result, "import", path);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "broken.json"));
  g_assert_nonnull (strstr (result.err, "line 4"));
  g_assert_nonnull (strstr (result.err, "column"));

  after = list_json (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_invalid_node_names_the_node (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autofree char *before = list_json (fixture);
  g_autofree char *after = NULL;
  g_autofree char *path = write_file (fixture, "dangling.json",
                                      "{\"name\": \"Dangling\", \"nodes\": ["
                                      "{\"id\": \"only\", \"type\": \"DELAY\", \"position\": {\"x\": 0, \"y\": 0}, \"data\": {\"config\": {}}}],"
                                      "\"edges\": [{\"id\": \"e9\", \"source\": \"only\", \"target\": \"ghost\"}]}");
  g_auto(Result) result = { 0 };

  run_cli (fixture, &result, "import", path);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "e9"));
  g_assert_nonnull (strstr (result.err, "ghost"));
  g_assert_nonnull (strstr (result.err, "nothing was imported"));

  after = list_json (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_cycle_is_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "cycle.json",
                                      "{\"name\": \"Loop\", \"nodes\": ["
                                      "{\"id\": \"a\", \"type\": \"DELAY\", \"position\": {\"x\": 0, \"y\": 0}, \"data\": {\"config\": {}}},"
                                      "{\"id\": \"b\", \"type\": \"DELAY\", \"position\": {\"x\": 0, \"y\": 0}, \"data\": {\"config\": {}}}],"
                                      "\"edges\": [{\"id\": \"e1\", \"source\": \"a\", \"target\": \"b\"},"
                                      "{\"id\": \"e2\", \"source\": \"b\", \"target\": \"a\"}]}");
  g_auto(Result) result = { 0 };
  g_autofree char *after = NULL;

  run_cli (fixture, &result, "import", path);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "cycle"));

  after = list_json (fixture);
  g_assert_cmpstr (g_strstrip (after), ==, "[]");
}

static void
test_import_unknown_block_is_kept_with_a_warning (Fixture       *fixture,
                                                  gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "future.json",
                                      "{\"name\": \"Future\", \"nodes\": ["
                                      "{\"id\": \"x\", \"type\": \"TELEPORT\", \"position\": {\"x\": 0, \"y\": 0}, \"data\": {\"config\": {}}}],"
                                      "\"edges\": []}");
  g_auto(Result) result = { 0 };
  g_auto(Result) exported = { 0 };

  run_cli (fixture, &result, "import", path);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.err, "warning"));
  g_assert_nonnull (strstr (result.err, "TELEPORT"));
  g_strstrip (result.out);

  run_cli (fixture, &exported, "export", result.out);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "TELEPORT"));
}

static void
test_import_missing_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  run_cli (fixture, &result, "import", "/nonexistent/flow.json");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "/nonexistent/flow.json"));
}

static void
test_list_shows_workflows (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = import_price_alert (fixture);
  g_autofree char *json = list_json (fixture);
  g_autoptr(JsonNode) root = parse_json (json);
  g_auto(Result) table = { 0 };
  JsonArray *array;
  JsonObject *row;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  row = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "Price alert");
  g_assert_cmpint (json_object_get_int_member (row, "nodeCount"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (row, "version"), >=, 1);
  g_assert_true (json_object_get_null_member (row, "lastExecutionStatus"));
  g_assert_true (json_object_has_member (row, "updatedAt"));

  run_cli (fixture, &table, "list");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_str_has_prefix (table.out, "ID"));
  g_assert_nonnull (strstr (table.out, id));
  g_assert_nonnull (strstr (table.out, "Price alert"));
  g_assert_nonnull (strstr (table.out, "never"));
}

static void
test_delete_removes_workflow (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *id = import_price_alert (fixture);
  g_auto(Result) result = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) exported = { 0 };
  g_autofree char *after = NULL;

  run_cli (fixture, &result, "delete", id);
  g_assert_cmpint (result.status, ==, 0);

  after = list_json (fixture);
  g_assert_cmpstr (g_strstrip (after), ==, "[]");

  run_cli (fixture, &again, "delete", id);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, id));

  run_cli (fixture, &exported, "export", id);
  g_assert_cmpint (exported.status, ==, 1);
  g_assert_cmpstr (exported.out, ==, "");
  g_assert_nonnull (strstr (exported.err, id));
}

static void
test_database_from_environment (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *env_db = g_build_filename (fixture->dir, "from-env.db", NULL);
  g_autofree char *default_db = g_build_filename (fixture->dir, "zzyra", "zzyra.db", NULL);
  g_auto(Result) result = { 0 };
  g_auto(Result) fallback = { 0 };

  run_cli_env (fixture, &result, FALSE, env_db, "init", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  /* Without --db or ZZYRA_DB: the app's own, under XDG_DATA_HOME. */
  run_cli_env (fixture, &fallback, FALSE, NULL, "init", NULL);
  g_assert_cmpint (fallback.status, ==, 0);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));

  {
    g_autofree char *sub = g_build_filename (fixture->dir, "zzyra", NULL);
    remove_tree (sub);
  }
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Result) unknown = { 0 };
  g_auto(Result) missing = { 0 };
  g_auto(Result) bench = { 0 };

  run_cli (fixture, &unknown, "frobnicate");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  run_cli (fixture, &missing, "export");
  g_assert_cmpint (missing.status, ==, 2);

  run_cli (fixture, &bench, "bench", "nothing");
  g_assert_cmpint (bench.status, ==, 2);
  g_assert_nonnull (strstr (bench.err, "store"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/init/creates-the-database-once", test_init_creates_database);
  ADD ("/cli/import/prints-only-the-new-id", test_import_prints_only_the_new_id);
  ADD ("/cli/import/malformed-json-names-line-and-column-and-changes-nothing", test_import_malformed_json_names_line_and_column);
  ADD ("/cli/import/invalid-edge-is-named-and-changes-nothing", test_import_invalid_node_names_the_node);
  ADD ("/cli/import/cycle-is-refused", test_import_cycle_is_refused);
  ADD ("/cli/import/unknown-block-is-kept-with-a-warning", test_import_unknown_block_is_kept_with_a_warning);
  ADD ("/cli/import/missing-file-is-named", test_import_missing_file);
  ADD ("/cli/export/round-trip-keeps-unknown-keys", test_export_round_trip_keeps_unknown_keys);
  ADD ("/cli/list/shows-workflows-as-table-and-json", test_list_shows_workflows);
  ADD ("/cli/delete/removes-the-workflow", test_delete_removes_workflow);
  ADD ("/cli/database/comes-from-environment-or-default", test_database_from_environment);
  ADD ("/cli/usage/errors-exit-2", test_usage_errors);
#undef ADD

  return g_test_run ();
}
