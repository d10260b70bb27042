/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: zzyra-cli end to end, as a script would run it
 *
 * Each test gets an empty temporary folder and runs the real binary (its
 * path is in ZZYRA_CLI, set by meson) with --db pointing there.
 */
#include "config.h"
#include "zz-store.h"
#include "zz-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>

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
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = zz_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  zz_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs zzyra-cli with the fixture's database and @args (NULL-terminated). */
static void
run_cli_env (Fixture    *fixture,
             Result     *result,
             gboolean    with_db,
             const char *env_db,
             const char *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ZZYRA_CLI");
  va_list     args;

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

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
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
test_init_creates_database (Fixture      *fixture,
                            gconstpointer data)
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
test_import_prints_only_the_new_id (Fixture      *fixture,
                                    gconstpointer data)
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
test_export_round_trip_keeps_unknown_keys (Fixture      *fixture,
                                           gconstpointer data)
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
test_import_malformed_json_names_line_and_column (Fixture      *fixture,
                                                  gconstpointer data)
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

static char *
repeat (const char *piece,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, piece);
  return g_string_free (text, FALSE);
}

static void
test_import_deep_json_is_refused_not_a_crash (Fixture      *fixture,
                                              gconstpointer data)
{
  g_autofree char *id = import_price_alert (fixture);
  g_autofree char *before = list_json (fixture);
  g_autofree char *after = NULL;
  g_autofree char *open = repeat ("[", 60000);
  g_autofree char *close = repeat ("]", 60000);
  g_autofree char *contents = g_strdup_printf ("{\"name\": \"Deep\", \"nodes\": [], \"edges\": [], "
                                               "\"metadata\": %s1%s}",
                                               open, close);
  g_autofree char *path = write_file (fixture, "deep.json", contents);
  g_auto(Result) result = { 0 };

  /* 60,000 levels overflowed json-glib's stack: a SIGSEGV, not an error. */
  run_cli (fixture, &result, "import", path);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "deep.json"));
  g_assert_nonnull (strstr (result.err, "nested deeper than 512 levels at line 1, column 567"));

  after = list_json (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_warns_of_a_condition_that_cannot_be_read (Fixture      *fixture,
                                                      gconstpointer data)
{
  g_autofree char *parentheses = repeat ("(", 40000);
  g_autofree char *contents = g_strdup_printf (
    "{\"name\": \"Deep condition\", \"edges\": [], \"nodes\": [\n"
    "  {\"id\": \"check\", \"type\": \"custom\", \"position\": {\"x\": 0, \"y\": 0},\n"
    "   \"data\": {\"blockType\": \"CONDITION\", \"label\": \"Deep\", \"config\": {\"condition\": \"%s1\"}}}]}",
    parentheses);
  g_autofree char *path = write_file (fixture, "condition.json", contents);
  g_auto(Result) result = { 0 };

  /* Reported now, not first when it runs; the workflow is kept to be mended. */
  run_cli (fixture, &result, "import", path);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.err, "condition.json: warning: Deep: Condition"));
  g_assert_nonnull (strstr (result.err, "nests deeper than 100 levels"));
}

static void
test_import_invalid_node_names_the_node (Fixture      *fixture,
                                         gconstpointer data)
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
test_import_cycle_is_refused (Fixture      *fixture,
                              gconstpointer data)
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
test_import_unknown_block_is_kept_with_a_warning (Fixture      *fixture,
                                                  gconstpointer data)
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
test_import_missing_file (Fixture      *fixture,
                          gconstpointer data)
{
  g_auto(Result) result = { 0 };

  run_cli (fixture, &result, "import", "/nonexistent/flow.json");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "/nonexistent/flow.json"));
}

/* g_format_size() has a non-breaking space between number and unit. */
#define NBSP "\xc2\xa0"

static void
test_import_too_large_names_sizes_in_iec_units (Fixture      *fixture,
                                                gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.json", NULL);
  g_auto(Result) result = { 0 };
  int fd;

  /* A sparse file: its size is what is checked, before anything is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 65 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);

  /* The limit is 64 binary megabytes: "67.1 MB" named a limit nobody set. */
  run_cli (fixture, &result, "import", path);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "The file is 65.0" NBSP "MiB; workflows larger than 64.0" NBSP "MiB are not read"));
}

static void
test_list_shows_workflows (Fixture      *fixture,
                           gconstpointer data)
{
  g_autofree char *id = import_price_alert (fixture);
  g_autofree char *json = list_json (fixture);
  g_autoptr(JsonNode) root = parse_json (json);
  g_auto(Result) table = { 0 };
  JsonArray  *array;
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
test_delete_removes_workflow (Fixture      *fixture,
                              gconstpointer data)
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
test_database_from_environment (Fixture      *fixture,
                                gconstpointer data)
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
    zz_test_remove_dir (sub);
  }
}

static void
test_usage_errors (Fixture      *fixture,
                   gconstpointer data)
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
  g_assert_nonnull (strstr (bench.err, "import"));
}

/* The generated workflow imports without a warning, or the bench fails:
 * a small one, so that this is not a timed test. */
static void
test_bench_import_runs (Fixture      *fixture,
                        gconstpointer data)
{
  g_auto(Result) bench = { 0 };

  run_cli (fixture, &bench, "bench", "import", "--nodes", "200");
  g_assert_cmpstr (bench.err, ==, "");
  g_assert_cmpint (bench.status, ==, 0);
  g_assert_nonnull (strstr (bench.out, "200 nodes"));
  g_assert_nonnull (strstr (bench.out, "the parse floor"));
  g_assert_nonnull (strstr (bench.out, "the file"));
}

/* run ------------------------------------------------------------------- */

static const char calc_json[] =
  "{\"name\": \"Sum\", \"nodes\": ["
  "{\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0}, \"data\": {\"label\": \"Start\", \"config\": {}}},"
  "{\"id\": \"add\", \"type\": \"CALCULATOR\", \"position\": {\"x\": 200, \"y\": 0},"
  " \"data\": {\"label\": \"Add\", \"config\": {\"operation\": \"add\", \"leftOperand\": \"{{json.a}}\", \"rightOperand\": \"{{json.b}}\"}}}],"
  "\"edges\": [{\"id\": \"e1\", \"source\": \"start\", \"target\": \"add\"}]}";

static const char slow_json[] =
  "{\"name\": \"Slow\", \"nodes\": ["
  "{\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0}, \"data\": {\"label\": \"Start\", \"config\": {}}},"
  "{\"id\": \"first\", \"type\": \"CALCULATOR\", \"position\": {\"x\": 200, \"y\": 0}, \"data\": {\"label\": \"First\", \"config\": {}}},"
  "{\"id\": \"wait\", \"type\": \"DELAY\", \"position\": {\"x\": 400, \"y\": 0},"
  " \"data\": {\"label\": \"Wait\", \"config\": {\"duration\": 60, \"unit\": \"seconds\"}}}],"
  "\"edges\": [{\"id\": \"e1\", \"source\": \"start\", \"target\": \"first\"},"
  "{\"id\": \"e2\", \"source\": \"first\", \"target\": \"wait\"}]}";

static void
test_run_prints_nodes_and_json (Fixture      *fixture,
                                gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "sum.json", calc_json);
  g_auto(Result) text = { 0 };
  g_auto(Result) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *document;
  JsonArray  *nodes;
  JsonObject *add;

  run_cli (fixture, &text, "run", path, "--input", "{\"a\": 2, \"b\": 3}");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "completed"));
  g_assert_nonnull (strstr (text.out, "Add"));
  g_assert_nonnull (strstr (text.out, "Execution "));

  run_cli (fixture, &json, "run", path, "--input", "{\"a\": 2, \"b\": 3}", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  document = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (document, "status"), ==, "completed");
  g_assert_true (json_object_get_null_member (document, "error"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (document, "output"), "result"), ==, 5);
  nodes = json_object_get_array_member (document, "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 2);
  add = json_array_get_object_element (nodes, 1);
  g_assert_cmpstr (json_object_get_string_member (add, "nodeId"), ==, "add");
  g_assert_cmpstr (json_object_get_string_member (add, "status"), ==, "completed");
  g_assert_true (json_object_has_member (add, "startedAt"));
  g_assert_true (json_object_has_member (add, "completedAt"));
  g_assert_cmpint (json_object_get_int_member (add, "durationMs"), >=, 0);
  g_assert_true (json_object_get_null_member (add, "error"));
}

static void
test_run_failure_exits_1 (Fixture      *fixture,
                          gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "sum.json", calc_json);
  g_auto(Result) result = { 0 };
  g_auto(Result) bad_input = { 0 };

  /* No input: {{json.a}} names nothing. */
  run_cli (fixture, &result, "run", path);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "failed"));
  g_assert_nonnull (strstr (result.out, "{{json.a}}"));

  run_cli (fixture, &bad_input, "run", path, "--input", "{oops");
  g_assert_cmpint (bad_input.status, ==, 2);
  g_assert_nonnull (strstr (bad_input.err, "line 1"));
}

static void
test_run_deep_input_is_refused_not_a_crash (Fixture      *fixture,
                                            gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "sum.json", calc_json);
  g_autofree char *input = repeat ("[", 120000);
  g_auto(Result) result = { 0 };

  run_cli (fixture, &result, "run", path, "--input", input);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "nested deeper than 512 levels at line 1, column 513"));
}

static char *
query_db (const char *path,
          const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *value = NULL;

  /* NULL while the file does not exist yet (a child still starting). */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Starts `zzyra-cli run` on the slow workflow and waits until its first
 * node is committed as completed. */
static gboolean
first_node_completed (gpointer data)
{
  g_autofree char *status = query_db (data, "SELECT status FROM NodeExecution WHERE nodeId = 'first'");

  return g_strcmp0 (status, "completed") == 0;
}

static GSubprocess *
start_slow_run (Fixture *fixture)
{
  g_autofree char *path = write_file (fixture, "slow.json", slow_json);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->dir, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("ZZYRA_CLI"),
                                         "--db", fixture->db, "run", path, NULL);
  g_assert_no_error (error);

  /* Polling the database, as another process would see it. */
  g_assert_true (zz_test_wait_until (first_node_completed, fixture->db, 20 * 1000));

  return process;
}

static void
test_run_interrupted_by_ctrl_c_is_cancelled (Fixture      *fixture,
                                             gconstpointer data)
{
  g_autoptr(GSubprocess) process = start_slow_run (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  g_subprocess_send_signal (process, SIGINT);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 130);

  status = query_db (fixture->db, "SELECT status FROM WorkflowExecution");
  g_assert_cmpstr (status, ==, "cancelled");
}

static void
test_run_killed_keeps_finished_nodes (Fixture      *fixture,
                                      gconstpointer data)
{
  g_autoptr(GSubprocess) process = start_slow_run (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *before = NULL;
  g_auto(Result) list = { 0 };
  g_autofree char *status = NULL;
  g_autofree char *error_text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *wait = NULL;

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));

  integrity = query_db (fixture->db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  before = query_db (fixture->db, "SELECT status FROM WorkflowExecution");
  g_assert_cmpstr (before, ==, "running");

  /* The next open notices that its owner is gone. */
  run_cli (fixture, &list, "list");
  g_assert_cmpint (list.status, ==, 0);
  status = query_db (fixture->db, "SELECT status FROM WorkflowExecution");
  error_text = query_db (fixture->db, "SELECT error FROM WorkflowExecution");
  first = query_db (fixture->db, "SELECT status FROM NodeExecution WHERE nodeId = 'first'");
  wait = query_db (fixture->db, "SELECT status || ': ' || error FROM NodeExecution WHERE nodeId = 'wait'");
  g_assert_cmpstr (status, ==, "failed");
  g_assert_cmpstr (error_text, ==, "interrupted");
  g_assert_cmpstr (first, ==, "completed");
  g_assert_cmpstr (wait, ==, "failed: interrupted");
}

/* A chain of DATA_TRANSFORM nodes without transformations: each passes
 * its input on, so each row it writes holds the run's input twice. */
static char *
copy_chain_json (guint n_copies)
{
  g_autoptr(GString) json = g_string_new ("{\"name\": \"Copies\", \"nodes\": ["
                                           "{\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0},"
                                           " \"data\": {\"label\": \"Start\", \"config\": {}}}");
  g_autoptr(GString) edges = g_string_new (NULL);

  for (guint i = 1; i <= n_copies; i++)
    {
      g_autofree char *source = i > 1 ? g_strdup_printf ("copy%u", i - 1) : g_strdup ("start");

      g_string_append_printf (json,
                              ", {\"id\": \"copy%u\", \"type\": \"DATA_TRANSFORM\", \"position\": {\"x\": %u, \"y\": 0},"
                              " \"data\": {\"label\": \"Copy %u\", \"config\": {}}}",
                              i, 200 * i, i);
      g_string_append_printf (edges, "%s{\"id\": \"e%u\", \"source\": \"%s\", \"target\": \"copy%u\"}",
                              i > 1 ? ", " : "", i, source, i);
    }
  g_string_append_printf (json, "], \"edges\": [%s]}", edges->str);

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static goffset
file_size (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf         buf;

  if (g_stat (path, &buf) != 0)
    return -1;

  return buf.st_size;
}

/* Whether this kernel lets an unprivileged user mount a tmpfs of its own */
static gboolean
can_mount_in_namespace (const char *unshare,
                        char      **why)
{
  const char      *argv[] = { unshare, "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$1\"", "sh", NULL, NULL };
  g_autofree char *dir = zz_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int              status = 0;

  argv[6] = dir;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  zz_test_remove_dir (dir);
  if (error == NULL && g_spawn_check_wait_status (status, &error))
    return TRUE;

  *why = g_strdup_printf ("%s (%s)", error->message, err ? g_strstrip (err) : "");
  return FALSE;
}

/* Runs @workflow_id with @input on a tmpfs with room for the database and
 * @headroom KiB more, mounted in a user and mount namespace of the run's
 * own, then copies the database's files out, to @name in the fixture. */
static char *
run_on_a_full_disk (Fixture    *fixture,
                    const char *unshare,
                    const char *name,
                    guint       headroom,
                    const char *workflow_id,
                    const char *input)
{
  static const char script[] =
    "mount -t tmpfs -o size=\"$1\"k tmpfs \"$2\" || exit 1\n"
    "cp \"$3\" \"$2/db\" || exit 1\n"
    "status=0\n"
    "\"$4\" --db \"$2/db\" run \"$5\" --input \"$6\" >\"$7/run.log\" 2>&1 || status=$?\n"
    "echo \"$status\" >\"$7/status\"\n"
    "for f in db db-wal db-notes; do\n"
    "  if [ -e \"$2/$f\" ]; then cp \"$2/$f\" \"$7/$f\" || exit 1; fi\n"
    "done\n";
  g_autofree char *mount_dir = g_strdup_printf ("%s/%s-disk", fixture->dir, name);
  g_autofree char *out_dir = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *size = g_strdup_printf ("%" G_GOFFSET_FORMAT, file_size (fixture->dir, "test.db") / 1024 + headroom);
  g_autofree char *log_path = g_build_filename (out_dir, "run.log", NULL);
  g_autofree char *status_path = g_build_filename (out_dir, "status", NULL);
  g_autofree char *log = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (mount_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "ZZYRA_DB");
  process = g_subprocess_launcher_spawn (launcher, &error, unshare, "-rm", "sh", "-c", script, "sh",
                                         size, mount_dir, fixture->db, g_getenv ("ZZYRA_CLI"),
                                         workflow_id, input, out_dir, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  g_file_get_contents (log_path, &log, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("zzyra-cli run on a disk of %s KiB said:\n%s", size, log);
  g_file_get_contents (status_path, &status, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_strstrip (status), ==, "1");

  return g_steal_pointer (&out_dir);
}

/* The disk fills during a run: its row must say so, not "interrupted". */
static void
test_run_on_a_full_disk_records_why (Fixture      *fixture,
                                     gconstpointer data)
{
  /* With little headroom even the run's last small writes find no room,
   * and it leaves a note; with more, they fit where its big ones failed. */
  static const guint headrooms[] = { 200, 320 };
  g_autofree char   *unshare = g_find_program_in_path ("unshare");
  g_autofree char   *why = NULL;
  g_autofree char   *chain = copy_chain_json (30);
  g_autofree char   *path = NULL;
  g_autofree char   *big = repeat ("x", 20000);
  g_autofree char   *input = NULL;
  g_auto(Result) import = { 0 };

  if (unshare == NULL)
    {
      g_test_skip ("unshare (util-linux) is needed to give the run a small disk of its own");
      return;
    }
  if (!can_mount_in_namespace (unshare, &why))
    {
      g_autofree char *message = g_strdup_printf ("This kernel does not let unshare mount a tmpfs: %s", why);
      g_test_skip (message);
      return;
    }

  path = write_file (fixture, "copies.json", chain);
  run_cli (fixture, &import, "import", path);
  g_assert_cmpint (import.status, ==, 0);
  g_strstrip (import.out);
  /* Each of the thirty copies writes 40 KB: the run's start fits, they do not. */
  input = g_strdup_printf ("{\"big\": \"%s\"}", big);

  for (guint i = 0; i < G_N_ELEMENTS (headrooms); i++)
    {
      g_autofree char *name = g_strdup_printf ("headroom-%u", headrooms[i]);
      g_autofree char *out_dir = run_on_a_full_disk (fixture, unshare, name, headrooms[i], import.out, input);
      g_autofree char *out_db = g_build_filename (out_dir, "db", NULL);
      g_autofree char *notes_path = g_build_filename (out_dir, "db-notes", NULL);
      g_autofree char *notes = NULL;
      g_autofree char *execution_status = NULL;
      g_autofree char *execution_error = NULL;
      g_autofree char *n_unfinished = NULL;
      g_autofree char *integrity = NULL;
      g_autoptr(ZzStore) store = NULL;
      g_autoptr(GError) error = NULL;
      gsize notes_length = 0;

      /* What the full disk left: a WAL its last connection could not
       * checkpoint into the database. */
      g_assert_cmpint (file_size (out_dir, "db-wal"), >, 0);
      if (g_file_get_contents (notes_path, &notes, &notes_length, NULL))
        g_test_message ("With %u KiB of headroom, the run %s", headrooms[i],
                        memchr (notes, 'Z', notes_length) ? "left a note of why it stopped" : "recorded why it stopped");
      g_clear_pointer (&notes, g_free);

      /* With room again, the next open records the run and empties the WAL. */
      store = zz_store_open (out_db, &error);
      g_assert_no_error (error);

      execution_status = query_db (out_db, "SELECT status FROM WorkflowExecution");
      execution_error = query_db (out_db, "SELECT error FROM WorkflowExecution");
      n_unfinished = query_db (out_db, "SELECT count(*) FROM NodeExecution WHERE status IN ('running', 'pending')");
      integrity = query_db (out_db, "PRAGMA integrity_check");
      g_assert_cmpstr (execution_status, ==, "failed");
      g_assert_true (g_str_has_prefix (execution_error, "The disk was full: the run stopped at “"));
      g_assert_cmpstr (n_unfinished, ==, "0");
      g_assert_cmpstr (integrity, ==, "ok");
      g_assert_cmpint (file_size (out_dir, "db-wal"), <=, 0);

      /* The note, if the run had to leave one, is cleared once used. */
      g_file_get_contents (notes_path, &notes, &notes_length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (notes_length, >=, 4096);
      for (gsize j = 0; j < notes_length; j++)
        g_assert_cmpint (notes[j], ==, 0);
    }
}

static void
test_executions_lists_and_shows_runs (Fixture      *fixture,
                                      gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "sum.json", calc_json);
  g_auto(Result) run = { 0 };
  g_auto(Result) list = { 0 };
  g_auto(Result) one = { 0 };
  g_autoptr(JsonNode) runs = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autoptr(JsonNode) ran = NULL;
  const char *workflow_id;
  const char *execution_id;

  run_cli (fixture, &run, "run", path, "--input", "{\"a\": 1, \"b\": 1}", "--json");
  g_assert_cmpint (run.status, ==, 0);
  ran = parse_json (run.out);
  workflow_id = json_object_get_string_member (json_node_get_object (ran), "workflowId");
  execution_id = json_object_get_string_member (json_node_get_object (ran), "id");

  run_cli (fixture, &list, "executions", workflow_id, "--json");
  g_assert_cmpint (list.status, ==, 0);
  runs = parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (runs)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (runs), 0), "trigger"),
                   ==, "cli");

  run_cli (fixture, &one, "execution", execution_id, "--json");
  g_assert_cmpint (one.status, ==, 0);
  detail = parse_json (one.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (detail), "status"), ==, "completed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (detail), "nodes")), ==, 2);
}

static void
test_new_from_template_runs (Fixture      *fixture,
                             gconstpointer data)
{
  g_auto(Result) templates = { 0 };
  g_auto(Result) created = { 0 };
  g_auto(Result) run = { 0 };
  g_auto(Result) unknown = { 0 };

  run_cli (fixture, &templates, "templates");
  g_assert_cmpint (templates.status, ==, 0);
  g_assert_nonnull (strstr (templates.out, "order-total"));

  run_cli (fixture, &created, "new", "--template", "order-total");
  g_assert_cmpint (created.status, ==, 0);
  g_strstrip (created.out);
  g_assert_cmpuint (strlen (created.out), ==, 25);

  run_cli (fixture, &run, "run", created.out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Flag large order"));

  run_cli (fixture, &unknown, "new", "--template", "nope");
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "nope"));
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
  ADD ("/cli/import/deep-json-is-refused-not-a-crash", test_import_deep_json_is_refused_not_a_crash);
  ADD ("/cli/import/warns-of-a-condition-that-cannot-be-read", test_import_warns_of_a_condition_that_cannot_be_read);
  ADD ("/cli/import/cycle-is-refused", test_import_cycle_is_refused);
  ADD ("/cli/import/unknown-block-is-kept-with-a-warning", test_import_unknown_block_is_kept_with_a_warning);
  ADD ("/cli/import/missing-file-is-named", test_import_missing_file);
  ADD ("/cli/import/too-large-names-sizes-in-iec-units", test_import_too_large_names_sizes_in_iec_units);
  ADD ("/cli/export/round-trip-keeps-unknown-keys", test_export_round_trip_keeps_unknown_keys);
  ADD ("/cli/list/shows-workflows-as-table-and-json", test_list_shows_workflows);
  ADD ("/cli/delete/removes-the-workflow", test_delete_removes_workflow);
  ADD ("/cli/database/comes-from-environment-or-default", test_database_from_environment);
  ADD ("/cli/usage/errors-exit-2", test_usage_errors);
  ADD ("/cli/bench/import-of-the-generated-workflow-is-clean", test_bench_import_runs);
  ADD ("/cli/run/prints-each-node-or-one-json-document", test_run_prints_nodes_and_json);
  ADD ("/cli/run/a-failed-run-exits-1-naming-the-reference", test_run_failure_exits_1);
  ADD ("/cli/run/deep-input-is-refused-not-a-crash", test_run_deep_input_is_refused_not_a_crash);
  ADD ("/cli/run/ctrl-c-cancels-and-exits-130", test_run_interrupted_by_ctrl_c_is_cancelled);
  ADD ("/cli/run/sigkill-keeps-finished-nodes-and-marks-interrupted", test_run_killed_keeps_finished_nodes);
  ADD ("/cli/run/a-full-disk-is-recorded-as-the-cause", test_run_on_a_full_disk_records_why);
  ADD ("/cli/executions/list-and-show-runs", test_executions_lists_and_shows_runs);
  ADD ("/cli/new/from-a-template-and-run-it", test_new_from_template_runs);
#undef ADD

  return g_test_run ();
}
