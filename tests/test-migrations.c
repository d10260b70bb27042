/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migrations.c: the schema's versions, and databases the store refuses. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zz-store-private.h"
#include "zz-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->dir = zz_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "zzyra.db", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  zz_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *text = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

static void
test_fresh_database_gets_latest_version (Fixture      *fixture,
                                         gconstpointer data)
{
  g_autoptr(ZzStore) store = NULL;
  g_autofree char *version = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *tables = NULL;
  GError          *error = NULL;

  store = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zz_store_get_latest_version (), ==, 4);
  g_assert_cmpint (zz_store_get_version (store), ==, zz_store_get_latest_version ());
  g_clear_object (&store);

  version = query_text (fixture->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "4");
  journal = query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  tables = query_text (fixture->path,
                       "SELECT group_concat (name, ',') FROM (SELECT name FROM sqlite_master "
                       "WHERE type = 'table' ORDER BY name)");
  g_assert_cmpstr (tables, ==,
                   "BlockLibrary,BlockchainTransaction,CustomBlock,LocalState,NodeExecution,"
                   "Notification,PricingTier,Profile,Session,Subscription,Team,TeamMember,"
                   "User,Workflow,WorkflowDraft,WorkflowExecution");
}

static void
test_version_1_upgrades_keeping_data (Fixture      *fixture,
                                      gconstpointer data)
{
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzUser) user = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *nodes = NULL;
  g_autofree char *count = NULL;
  GError          *error = NULL;

  store = _zz_store_open_at_version (fixture->path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zz_store_get_version (store), ==, 1);
  g_assert_null (zz_store_get_current_user_id (store));

  user = zz_user_new ();
  user->email = g_strdup ("ada@example.com");
  zz_store_insert_user (store, user, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  run_sql (fixture->path,
           "INSERT INTO \"Workflow\" (\"id\", \"name\", \"nodes\", \"edges\", \"updatedAt\", \"userId\") "
           "SELECT 'w1', 'Old flow', '[{\"id\":\"a\"}]', '[]', '2025-01-01T00:00:00.000Z', \"id\" "
           "FROM \"User\"");

  store = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zz_store_get_version (store), ==, zz_store_get_latest_version ());
  g_clear_pointer (&user, zz_user_free);
  user = zz_store_get_user_by_email (store, "ada@example.com", &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  g_assert_nonnull (zz_store_get_current_user_id (store));
  g_assert_cmpstr (zz_store_get_current_user_id (store), !=, user->id);
  g_clear_object (&store);

  nodes = query_text (fixture->path, "SELECT \"nodes\" FROM \"Workflow\" WHERE \"id\" = 'w1'");
  g_assert_cmpstr (nodes, ==, "[{\"id\":\"a\"}]");
  extra = query_text (fixture->path, "SELECT \"extra\" FROM \"Workflow\" WHERE \"id\" = 'w1'");
  g_assert_cmpstr (extra, ==, "{}");
  count = query_text (fixture->path, "SELECT count(*) FROM \"User\"");
  g_assert_cmpstr (count, ==, "2");
}

static void
assert_file_unchanged (const char *path,
                       const char *before,
                       gsize       before_length)
{
  g_autofree char *after = NULL;
  gsize            after_length = 0;
  GError          *error = NULL;

  g_file_get_contents (path, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_newer_database_is_refused_unchanged (Fixture      *fixture,
                                          gconstpointer data)
{
  g_autoptr(ZzStore) store = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  gsize            before_length = 0;
  int              newer = zz_store_get_latest_version () + 1;
  GError          *error = NULL;

  sql = g_strdup_printf ("CREATE TABLE \"Future\" (x); PRAGMA user_version = %d;", newer);
  run_sql (fixture->path, sql);
  g_file_get_contents (fixture->path, &before, &before_length, &error);
  g_assert_no_error (error);

  store = zz_store_open (fixture->path, &error);
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  expected = g_strdup_printf ("This database was made by a newer version of Zzyra (schema %d); "
                              "this version understands up to %d. It was not changed.",
                              newer, newer - 1);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  assert_file_unchanged (fixture->path, before, before_length);
}

static void
test_file_that_is_not_a_database_is_refused (Fixture      *fixture,
                                             gconstpointer data)
{
  g_autoptr(ZzStore) store = NULL;
  g_autofree char *text = NULL;
  GError          *error = NULL;

  text = g_strnfill (4096, 'x');
  g_file_set_contents (fixture->path, text, -1, &error);
  g_assert_no_error (error);

  store = zz_store_open (fixture->path, &error);
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_true (g_str_has_suffix (error->message, "is not a Zzyra database, or it is damaged "
                                                   "(file is not a database). It was not changed."));
  g_clear_error (&error);

  assert_file_unchanged (fixture->path, text, 4096);
}

static void
test_other_sqlite_database_is_refused (Fixture      *fixture,
                                       gconstpointer data)
{
  g_autoptr(ZzStore) store = NULL;
  GError *error = NULL;

  run_sql (fixture->path, "CREATE TABLE songs (title TEXT)");

  store = zz_store_open (fixture->path, &error);
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_suffix (error->message, "is an SQLite database, but not one of Zzyra. It was not changed."));
  g_clear_error (&error);
}

static void
test_reopening_keeps_version_and_local_user (Fixture      *fixture,
                                             gconstpointer data)
{
  g_autoptr(ZzStore) first = NULL;
  g_autoptr(ZzStore) second = NULL;
  GError *error = NULL;

  first = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  second = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zz_store_get_version (second), ==, zz_store_get_latest_version ());
  g_assert_cmpstr (zz_store_get_current_user_id (first), ==, zz_store_get_current_user_id (second));
}

static void
test_version_2_upgrades_node_executions (Fixture      *fixture,
                                         gconstpointer data)
{
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzNodeExecution) node = zz_node_execution_new ();
  g_autoptr(ZzNodeExecution) back = NULL;
  g_autofree char *count = NULL;
  GError          *error = NULL;

  store = _zz_store_open_at_version (fixture->path, 2, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Written as schema 2 has them. */
  run_sql (fixture->path,
           "INSERT INTO \"User\" (\"id\", \"email\", \"updatedAt\") VALUES ('u1', 'a@b.c', '2025-01-01T00:00:00.000Z');"
           "INSERT INTO \"Workflow\" (\"id\", \"name\", \"nodes\", \"edges\", \"updatedAt\", \"userId\") "
           "VALUES ('w1', 'Old runs', '[]', '[]', '2025-01-01T00:00:00.000Z', 'u1');"
           "INSERT INTO \"WorkflowExecution\" (\"id\", \"status\", \"updatedAt\", \"workflowId\", \"userId\") "
           "VALUES ('e1', 'completed', '2025-01-01T00:00:00.000Z', 'w1', 'u1');"
           "INSERT INTO \"NodeExecution\" (\"id\", \"nodeId\", \"status\", \"output\", \"updatedAt\", \"executionId\") "
           "VALUES ('ne1', 'fetch', 'completed', '{\"price\":7}', '2025-01-01T00:00:00.000Z', 'e1');");

  store = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  back = zz_store_get_node_execution (store, "ne1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->node_id, ==, "fetch");
  g_assert_cmpstr (back->output, ==, "{\"price\":7}");
  g_assert_cmpstr (back->execution_id, ==, "e1");
  g_assert_null (back->input);
  g_assert_cmpint (back->attempts, ==, 0);

  /* Schema 3 knows the status 'skipped'. */
  node->node_id = g_strdup ("other");
  node->status = ZZ_RUN_STATUS_SKIPPED;
  node->execution_id = g_strdup ("e1");
  zz_store_insert_node_execution (store, node, &error);
  g_assert_no_error (error);

  /* Deleting the execution still cascades to the rebuilt table. */
  zz_store_delete_execution (store, "e1", &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  count = query_text (fixture->path, "SELECT count(*) FROM \"NodeExecution\"");
  g_assert_cmpstr (count, ==, "0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/migrations/fresh-database-gets-the-latest-version", test_fresh_database_gets_latest_version);
  ADD ("/migrations/database-at-version-1-upgrades-keeping-its-data", test_version_1_upgrades_keeping_data);
  ADD ("/migrations/database-at-version-2-keeps-node-executions-and-learns-skipped", test_version_2_upgrades_node_executions);
  ADD ("/migrations/database-of-a-newer-zzyra-is-refused-and-left-unchanged", test_newer_database_is_refused_unchanged);
  ADD ("/migrations/file-that-is-not-a-database-is-refused-as-corrupt", test_file_that_is_not_a_database_is_refused);
  ADD ("/migrations/sqlite-database-of-another-program-is-refused", test_other_sqlite_database_is_refused);
  ADD ("/migrations/reopening-keeps-the-version-and-the-local-user", test_reopening_keeps_version_and_local_user);
#undef ADD

  return g_test_run ();
}
