/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-executor.c: ZzExecutor, the way runs behave
 *
 * Each test gets a fresh database, builds a workflow from Zzyra JSON, runs
 * it with zz_executor_run_sync() on the test's main context, and reads the
 * rows back from the store, as the UI and zzyra-cli would.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "zz-engine-error.h"
#include "zz-executor.h"
#include "zz-json.h"
#include "zz-process.h"
#include "zz-store.h"
#include "zz-time.h"
#include "zz-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  ZzStore *store;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = zz_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->store);
  zz_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A workflow from nodes "id:TYPE:config-json" and edges "source->target"
 * or "source.handle->target", inserted in the store. */
static ZzWorkflow *
make_workflow (Fixture    *fixture,
               const char *nodes_json,
               const char *edges_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("{\"name\": \"Test\", \"nodes\": %s, \"edges\": %s}",
                                           nodes_json, edges_json);
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  zz_workflow_set_id (workflow, NULL);
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&workflow);
}

#define NODE(id, type, config)                                                        \
  "{\"id\": \"" id "\", \"type\": \"" type "\", \"position\": {\"x\": 0, \"y\": 0}, " \
  "\"data\": {\"label\": \"" id "\", \"config\": " config "}}"
#define EDGE(id, source, target) \
  "{\"id\": \"" id "\", \"source\": \"" source "\", \"target\": \"" target "\"}"
#define BRANCH(id, source, handle, target) \
  "{\"id\": \"" id "\", \"source\": \"" source "\", \"sourceHandle\": \"" handle "\", \"target\": \"" target "\"}"

typedef struct
{
  GPtrArray *events;   /* "started", "node:ID:STATUS", "finished" */
  GPtrArray *attempts; /* "ID:ATTEMPTS:ERROR" of each running row announced */
} Recorder;

static void
on_started_cb (ZzExecutor  *executor,
               ZzExecution *execution,
               Recorder    *recorder)
{
  g_ptr_array_add (recorder->events, g_strdup ("started"));
}

static void
on_node_changed_cb (ZzExecutor      *executor,
                    ZzNodeExecution *row,
                    Recorder        *recorder)
{
  g_ptr_array_add (recorder->events, g_strdup_printf ("node:%s:%s", row->node_id, zz_run_status_to_string (row->status)));
  if (recorder->attempts != NULL && row->status == ZZ_RUN_STATUS_RUNNING)
    g_ptr_array_add (recorder->attempts, g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", row->node_id, row->attempts,
                                                          row->error != NULL ? row->error : ""));
}

static void
on_finished_cb (ZzExecutor  *executor,
                ZzExecution *execution,
                Recorder    *recorder)
{
  g_ptr_array_add (recorder->events, g_strdup ("finished"));
}

/* Whatever way a run ended, every row of it ended too: a row left pending
 * or running would tell the history a story the execution does not. */
static void
assert_no_row_unfinished (Fixture     *fixture,
                          ZzExecution *execution)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZzExecution) stored = zz_store_get_execution_with_nodes (fixture->store, execution->id,
                                                                      NULL, &rows, &error);

  g_assert_no_error (error);
  g_assert_true (zz_run_status_is_finished (stored->status));
  for (guint i = 0; i < rows->len; i++)
    {
      ZzNodeExecution *row = g_ptr_array_index (rows, i);

      if (row->status == ZZ_RUN_STATUS_PENDING || row->status == ZZ_RUN_STATUS_RUNNING)
        g_error ("Node %s of a finished execution is still %s", row->node_id, zz_run_status_to_string (row->status));
    }
}

/* Runs @executor to its end, and checks what every run must leave. */
static ZzExecution *
run_executor (Fixture      *fixture,
              ZzExecutor   *executor,
              GCancellable *cancellable,
              GError      **error)
{
  ZzExecution *execution = zz_executor_run_sync (executor, cancellable, error);

  if (execution != NULL)
    assert_no_row_unfinished (fixture, execution);

  return execution;
}

static ZzExecution *
run_workflow (Fixture      *fixture,
              ZzWorkflow   *workflow,
              const char   *input_json,
              Recorder     *recorder,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr(ZzExecutor) executor = zz_executor_new (fixture->path, workflow);

  if (input_json != NULL)
    {
      g_autoptr(JsonNode) input = zz_json_parse (input_json, -1, NULL);
      zz_executor_set_input (executor, input);
    }

  if (recorder != NULL)
    {
      g_signal_connect (executor, "execution-started", G_CALLBACK (on_started_cb), recorder);
      g_signal_connect (executor, "node-changed", G_CALLBACK (on_node_changed_cb), recorder);
      g_signal_connect (executor, "execution-finished", G_CALLBACK (on_finished_cb), recorder);
    }

  return run_executor (fixture, executor, cancellable, error);
}

static ZzNodeExecution *
find_row (GPtrArray  *rows,
          const char *node_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      ZzNodeExecution *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->node_id, node_id))
        return row;
    }

  g_error ("No row for node %s", node_id);
  return NULL;
}

static GPtrArray *
rows_of (Fixture     *fixture,
         ZzExecution *execution)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZzExecution) stored = zz_store_get_execution_with_nodes (fixture->store, execution->id,
                                                                      NULL, &rows, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (stored->status), ==, zz_run_status_to_string (execution->status));

  return g_steal_pointer (&rows);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_nonnull (text);
  node = zz_json_parse (text, -1, &error);
  g_assert_no_error (error);

  return node;
}

static void
assert_json (const char *text,
             const char *expected)
{
  g_autoptr(JsonNode) a = parse (text);
  g_autoptr(JsonNode) b = parse (expected);

  if (!json_node_equal (a, b))
    g_error ("JSON %s is not %s", text, expected);
}

/* Scheduling ------------------------------------------------------------- */

static void
test_chain_runs_in_order (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("double", "CALCULATOR", "{\"operation\": \"multiply\", \"leftOperand\": \"{{json.n}}\", \"rightOperand\": \"2\"}") "," NODE ("shape", "DATA_TRANSFORM", "{\"transformations\": [{\"type\": \"set\", \"outputField\": \"total\", \"value\": \"{{json.result}}\"}]}") "]",
                                                   "[" EDGE ("e1", "start", "double") "," EDGE ("e2", "double", "shape") "]");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  Recorder recorder = { events };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, "{\"n\": 21}", &recorder, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  ZzNodeExecution *start, *twice, *shape;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  g_assert_null (execution->error);
  g_assert_nonnull (execution->finished_at);
  g_assert_cmpstr (execution->trigger, ==, "manual");
  assert_json (execution->input, "{\"n\": 21}");
  assert_json (execution->output, "{\"result\": 42, \"success\": true, \"error\": null, \"total\": 42}");

  rows = rows_of (fixture, execution);
  g_assert_cmpuint (rows->len, ==, 3);
  start = find_row (rows, "start");
  twice = find_row (rows, "double");
  shape = find_row (rows, "shape");
  g_assert_cmpstr (zz_run_status_to_string (start->status), ==, "completed");
  g_assert_cmpstr (zz_run_status_to_string (twice->status), ==, "completed");
  g_assert_cmpstr (zz_run_status_to_string (shape->status), ==, "completed");
  g_assert_cmpint (twice->attempts, ==, 1);
  /* Each started after the one before it had completed. */
  g_assert_cmpstr (start->completed_at, <=, twice->started_at);
  g_assert_cmpstr (twice->completed_at, <=, shape->started_at);
  assert_json (twice->input, "{\"n\": 21}");
  assert_json (twice->config, "{\"operation\": \"multiply\", \"leftOperand\": 21, \"rightOperand\": \"2\", \"precision\": 2}");
  assert_json (twice->output, "{\"result\": 42, \"success\": true, \"error\": null}");

  /* The caller heard the start first, the end last, and the final state of
   * every node in between. */
  g_assert_cmpuint (events->len, >=, 5);
  g_assert_cmpstr (g_ptr_array_index (events, 0), ==, "started");
  g_assert_cmpstr (g_ptr_array_index (events, events->len - 1), ==, "finished");
  g_assert_true (g_ptr_array_find_with_equal_func (events, "node:shape:completed", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (events, "node:start:pending", g_str_equal, NULL));
}

static void
test_parallel_branches_overlap (Fixture      *fixture,
                                gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("left", "DELAY", "{\"duration\": 300, \"unit\": \"milliseconds\"}") "," NODE ("right", "DELAY", "{\"duration\": 300, \"unit\": \"milliseconds\"}") "," NODE ("join", "DATA_TRANSFORM", "{\"transformations\": []}") "]",
                                                   "[" EDGE ("e1", "start", "left") "," EDGE ("e2", "start", "right") "," EDGE ("e3", "left", "join") "," EDGE ("e4", "right", "join") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, "{\"x\": 1}", NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) join_input = NULL;
  ZzNodeExecution *left, *right, *join;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  rows = rows_of (fixture, execution);
  left = find_row (rows, "left");
  right = find_row (rows, "right");
  join = find_row (rows, "join");

  /* Side by side: each started before the other ended. */
  g_assert_cmpstr (left->started_at, <, right->completed_at);
  g_assert_cmpstr (right->started_at, <, left->completed_at);
  /* The join waited for both, and got both outputs by node id. */
  g_assert_cmpstr (join->started_at, >=, left->completed_at);
  g_assert_cmpstr (join->started_at, >=, right->completed_at);
  join_input = parse (join->input);
  g_assert_true (json_object_has_member (json_node_get_object (join_input), "left"));
  g_assert_true (json_object_has_member (json_node_get_object (join_input), "right"));
}

static void
test_condition_routes_and_skips (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("check", "CONDITION", "{\"condition\": \"{{json.price}} > 100\"}") "," NODE ("high", "DATA_TRANSFORM", "{\"transformations\": [{\"type\": \"set\", \"outputField\": \"verdict\", \"value\": \"high\"}]}") "," NODE ("low", "DATA_TRANSFORM", "{\"transformations\": [{\"type\": \"set\", \"outputField\": \"verdict\", \"value\": \"low\"}]}") "," NODE ("after-low", "DATA_TRANSFORM", "{\"transformations\": []}") "," NODE ("both", "DATA_TRANSFORM", "{\"transformations\": []}") "]",
                                                   "[" EDGE ("e1", "start", "check") "," BRANCH ("e2", "check", "true", "high") "," BRANCH ("e3", "check", "false", "low") "," EDGE ("e4", "low", "after-low") "," EDGE ("e5", "high", "both") "," EDGE ("e6", "after-low", "both") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) expensive = run_workflow (fixture, workflow, "{\"price\": 150}", NULL, NULL, &error);
  g_autoptr(ZzExecution) cheap = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (expensive->status), ==, "completed");
  rows = rows_of (fixture, expensive);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "high")->status), ==, "completed");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "low")->status), ==, "skipped");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "after-low")->status), ==, "skipped");
  /* A join runs with the inputs that were not skipped. */
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "both")->status), ==, "completed");
  assert_json (find_row (rows, "both")->input, "{\"price\": 150, \"verdict\": \"high\"}");
  assert_json (find_row (rows, "high")->input, "{\"price\": 150}");
  assert_json (expensive->output, "{\"price\": 150, \"verdict\": \"high\"}");
  g_clear_pointer (&rows, g_ptr_array_unref);

  cheap = run_workflow (fixture, workflow, "{\"price\": 50}", NULL, NULL, &error);
  g_assert_no_error (error);
  rows = rows_of (fixture, cheap);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "high")->status), ==, "skipped");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "low")->status), ==, "completed");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "after-low")->status), ==, "completed");
  assert_json (find_row (rows, "check")->output,
               "{\"result\": false, \"branch\": \"false\", \"condition\": \"{{json.price}} > 100\", \"data\": {\"price\": 50}}");
}

static void
test_concurrency_limit_is_kept (Fixture      *fixture,
                                gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("a", "DELAY", "{\"duration\": 100, \"unit\": \"milliseconds\"}") "," NODE ("b", "DELAY", "{\"duration\": 100, \"unit\": \"milliseconds\"}") "]",
                                                   "[" EDGE ("e1", "start", "a") "," EDGE ("e2", "start", "b") "]");
  g_autoptr(ZzExecutor) executor = zz_executor_new (fixture->path, workflow);
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  ZzNodeExecution *a, *b;

  zz_executor_set_concurrency (executor, 1);
  execution = run_executor (fixture, executor, NULL, &error);
  g_assert_no_error (error);
  rows = rows_of (fixture, execution);
  a = find_row (rows, "a");
  b = find_row (rows, "b");

  /* One at a time, in the order they became ready. */
  g_assert_cmpstr (b->started_at, >=, a->completed_at);
}

/* Templates -------------------------------------------------------------- */

static void
test_templates_keep_types_and_name_missing_references (Fixture      *fixture,
                                                       gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("shape", "DATA_TRANSFORM",
                                                                                                        "{\"transformations\": [{\"type\": \"set\", \"outputField\": \"count\", \"value\": \"{{start.count}}\"},"
                                                                                                        " {\"type\": \"set\", \"outputField\": \"text\", \"value\": \"n={{json.count}} first={{input.items[0]}}\"}]}") "," NODE ("broken", "DATA_TRANSFORM",
                                                                                                                                                                                                                                 "{\"transformations\": [{\"type\": \"set\", \"outputField\": \"x\", \"value\": \"{{shape.missing}}\"}]}") "]",
                                                   "[" EDGE ("e1", "start", "shape") "," EDGE ("e2", "shape", "broken") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, "{\"count\": 3, \"items\": [\"a\", \"b\"]}",
                                                    NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) output = NULL;
  ZzNodeExecution *broken;

  g_assert_no_error (error);
  rows = rows_of (fixture, execution);
  output = parse (find_row (rows, "shape")->output);
  /* A whole template keeps the number; interpolation makes text. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (json_node_get_object (output), "count")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (output), "count"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (output), "text"), ==, "n=3 first=a");

  broken = find_row (rows, "broken");
  g_assert_cmpstr (zz_run_status_to_string (broken->status), ==, "failed");
  g_assert_nonnull (strstr (broken->error, "{{shape.missing}}"));
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "failed");
  g_assert_nonnull (strstr (execution->error, "broken"));
}

/* Failures, retries, timeouts --------------------------------------------- */

typedef struct
{
  guint failures_left;
  guint requests;
} FlakyServer;

static void
flaky_handler (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  FlakyServer *flaky = user_data;

  flaky->requests++;
  if (flaky->failures_left > 0)
    {
      flaky->failures_left--;
      soup_server_message_set_status (message, 500, NULL);
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, "{\"ok\": true}", 12);
}

static char *
start_server (SoupServer  *server,
              FlakyServer *flaky)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  soup_server_add_handler (server, NULL, flaky_handler, flaky, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);

  return g_uri_to_string (uris->data);
}

static ZzWorkflow *
make_http_workflow (Fixture    *fixture,
                    const char *url,
                    guint       retries)
{
  g_autofree char *nodes = g_strdup_printf (
    "[" NODE ("start", "MANUAL_TRIGGER", "{}") ","
                                               "{\"id\": \"call\", \"type\": \"HTTP_REQUEST\", \"position\": {\"x\": 0, \"y\": 0},"
                                               " \"data\": {\"label\": \"call\", \"config\": {\"url\": \"%sflaky\", \"retries\": %u, \"retryDelay\": 10,"
                                               " \"dataPath\": \"ok\"}}}]",
    url, retries);

  return make_workflow (fixture, nodes, "[" EDGE ("e1", "start", "call") "]");
}

static void
test_retries_until_success (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  FlakyServer      flaky = { .failures_left = 2 };
  g_autofree char *url = start_server (server, &flaky);
  g_autoptr(ZzWorkflow) workflow = make_http_workflow (fixture, url, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  ZzNodeExecution *call;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  rows = rows_of (fixture, execution);
  call = find_row (rows, "call");
  g_assert_cmpint (call->attempts, ==, 3);
  g_assert_cmpuint (flaky.requests, ==, 3);
  assert_json (call->output, "true");
}

/* A retry is announced while the node still runs: the attempt to come,
 * and the last one's error with the wait before the next. */
static void
test_retries_are_announced (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  FlakyServer      flaky = { .failures_left = 2 };
  g_autofree char *url = start_server (server, &flaky);
  g_autoptr(ZzWorkflow) workflow = make_http_workflow (fixture, url, 3);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func (g_free);
  Recorder recorder = { events, attempts };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, &recorder, NULL, &error);
  gboolean saw_second = FALSE, saw_third = FALSE;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  for (guint i = 0; i < attempts->len; i++)
    {
      const char *line = g_ptr_array_index (attempts, i);

      if (g_str_has_prefix (line, "call:2:"))
        {
          g_assert_nonnull (strstr (line, "Attempt 1 of 4 failed"));
          g_assert_nonnull (strstr (line, "HTTP 500"));
          g_assert_nonnull (strstr (line, "next in 1 s"));
          saw_second = TRUE;
        }
      if (g_str_has_prefix (line, "call:3:Attempt 2 of 4 failed"))
        saw_third = TRUE;
    }
  g_assert_true (saw_second);
  g_assert_true (saw_third);
}

static void
test_retries_run_out (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  FlakyServer      flaky = { .failures_left = 5 };
  g_autofree char *url = start_server (server, &flaky);
  g_autoptr(ZzWorkflow) workflow = make_http_workflow (fixture, url, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  ZzNodeExecution *call;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "failed");
  rows = rows_of (fixture, execution);
  call = find_row (rows, "call");
  g_assert_cmpstr (zz_run_status_to_string (call->status), ==, "failed");
  g_assert_cmpint (call->attempts, ==, 2);
  g_assert_nonnull (strstr (call->error, "HTTP 500"));
  g_assert_cmpuint (flaky.requests, ==, 2);
}

static void
test_timeout_fails_the_node (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("slow", "DELAY", "{\"duration\": 20, \"unit\": \"seconds\", \"timeout\": 100}") "]",
                                                   "[" EDGE ("e1", "start", "slow") "]");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "failed");
  rows = rows_of (fixture, execution);
  g_assert_cmpstr (find_row (rows, "slow")->error, ==, "Timed out after 100 ms");
}

static void
test_continue_on_error_hands_the_error_on (Fixture      *fixture,
                                           gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("divide", "CALCULATOR", "{\"operation\": \"divide\", \"leftOperand\": \"1\", \"rightOperand\": \"0\", \"continueOnError\": true}") "," NODE ("next", "DATA_TRANSFORM", "{\"transformations\": []}") "]",
                                                   "[" EDGE ("e1", "start", "divide") "," EDGE ("e2", "divide", "next") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) input = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  rows = rows_of (fixture, execution);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "divide")->status), ==, "failed");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "next")->status), ==, "completed");
  input = parse (find_row (rows, "next")->input);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (input), "error"), "Division by zero"));
}

static void
test_failure_stops_the_run (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("divide", "CALCULATOR", "{\"operation\": \"divide\", \"leftOperand\": \"1\", \"rightOperand\": \"0\"}") "," NODE ("next", "DATA_TRANSFORM", "{\"transformations\": []}") "]",
                                                   "[" EDGE ("e1", "start", "divide") "," EDGE ("e2", "divide", "next") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "failed");
  g_assert_nonnull (strstr (execution->error, "“divide” failed: Division by zero"));
  rows = rows_of (fixture, execution);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "divide")->status), ==, "failed");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "next")->status), ==, "skipped");
  g_assert_true (g_str_has_prefix (find_row (rows, "next")->error, "Not run:"));
  g_assert_null (execution->output);
}

/* A DATA_TRANSFORM node that sets "x" at a path of @levels keys on its
 * input ({} from the trigger), so that its output nests @levels deep (the
 * input and an object for each key but the last): built by composing,
 * past what any parsed document may hold. */
static char *
deep_transform_node (const char *id,
                     guint       levels,
                     const char *more_config)
{
  g_autoptr(GString) path = g_string_new ("a");

  for (guint i = 1; i < levels; i++)
    g_string_append (path, ".a");

  return g_strdup_printf ("{\"id\": \"%s\", \"type\": \"DATA_TRANSFORM\", \"position\": {\"x\": 0, \"y\": 0},"
                          " \"data\": {\"label\": \"%s\", \"config\": {\"transformations\": [{\"type\": \"set\","
                          " \"outputField\": \"%s\", \"value\": \"x\"}]%s}}}",
                          id, id, path->str, more_config);
}

static void
test_output_too_deep_to_store_fails_its_node (Fixture      *fixture,
                                              gconstpointer data)
{
  g_autofree char *deep = deep_transform_node ("deep", ZZ_JSON_MAX_DEPTH + 1, "");
  g_autofree char *nodes = g_strdup_printf ("[" NODE ("start", "MANUAL_TRIGGER", "{}") ", %s, " NODE ("next", "DATA_TRANSFORM", "{\"transformations\": []}") "]", deep);
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture, nodes,
                                                   "[" EDGE ("e1", "start", "deep") "," EDGE ("e2", "deep", "next") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, "{}", NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  ZzNodeExecution *row;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "failed");
  g_assert_cmpstr (execution->error, ==,
                   "“deep” failed: The output of “deep” is nested deeper than 512 levels, more than can be stored");
  rows = rows_of (fixture, execution);
  row = find_row (rows, "deep");
  g_assert_cmpstr (zz_run_status_to_string (row->status), ==, "failed");
  g_assert_cmpstr (row->error, ==, "The output of “deep” is nested deeper than 512 levels, more than can be stored");
  g_assert_null (row->output);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "next")->status), ==, "skipped");
}

static void
test_output_too_deep_continues_on_error (Fixture      *fixture,
                                         gconstpointer data)
{
  g_autofree char *deep = deep_transform_node ("deep", ZZ_JSON_MAX_DEPTH + 1, ", \"continueOnError\": true");
  g_autofree char *nodes = g_strdup_printf ("[" NODE ("start", "MANUAL_TRIGGER", "{}") ", %s, " NODE ("next", "DATA_TRANSFORM", "{\"transformations\": []}") "]", deep);
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture, nodes,
                                                   "[" EDGE ("e1", "start", "deep") "," EDGE ("e2", "deep", "next") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, "{}", NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  rows = rows_of (fixture, execution);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "deep")->status), ==, "failed");
  /* The error goes on as data, as any other failure's does. */
  assert_json (find_row (rows, "next")->input,
               "{\"error\": \"The output of “deep” is nested deeper than 512 levels, more than can be stored\"}");
}

static void
test_input_or_config_too_deep_to_store_fails_its_node (Fixture      *fixture,
                                                       gconstpointer data)
{
  /* 512 levels each, the most that can be stored: both complete. */
  g_autofree char *left = deep_transform_node ("left", ZZ_JSON_MAX_DEPTH, "");
  g_autofree char *right = deep_transform_node ("right", ZZ_JSON_MAX_DEPTH, "");
  g_autofree char *nodes = g_strdup_printf (
    "[" NODE ("start", "MANUAL_TRIGGER", "{}") ", %s, %s, " NODE ("join", "DATA_TRANSFORM", "{\"transformations\": []}") "]",
    left, right);
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture, nodes,
                                                   "[" EDGE ("e1", "start", "left") "," EDGE ("e2", "start", "right") "," EDGE ("e3", "left", "join") "," EDGE ("e4", "right", "join") "]");
  /* A template embedding a 512-level output three levels into a config. */
  g_autofree char *embed_nodes = g_strdup_printf (
    "[" NODE ("start", "MANUAL_TRIGGER", "{}") ", %s, " NODE ("embed", "DATA_TRANSFORM", "{\"transformations\": [{\"type\": \"set\", \"outputField\": \"copy\", \"value\": \"{{left}}\"}]}") "]",
    left);
  g_autoptr(ZzWorkflow) embedding = make_workflow (fixture, embed_nodes,
                                                    "[" EDGE ("e1", "start", "left") "," EDGE ("e2", "left", "embed") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, "{}", NULL, NULL, &error);
  g_autoptr(ZzExecution) embedded = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  ZzNodeExecution *row;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "failed");
  rows = rows_of (fixture, execution);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "left")->status), ==, "completed");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "right")->status), ==, "completed");
  /* Merged by node id, the two are 513 levels deep. */
  row = find_row (rows, "join");
  g_assert_cmpstr (zz_run_status_to_string (row->status), ==, "failed");
  g_assert_cmpstr (row->error, ==, "The input of “join” is nested deeper than 512 levels, more than can be stored");
  g_assert_null (row->input);
  g_clear_pointer (&rows, g_ptr_array_unref);

  embedded = run_workflow (fixture, embedding, "{}", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (embedded->status), ==, "failed");
  rows = rows_of (fixture, embedded);
  row = find_row (rows, "embed");
  g_assert_cmpstr (zz_run_status_to_string (row->status), ==, "failed");
  g_assert_cmpstr (row->error, ==, "The config of “embed” is nested deeper than 512 levels, more than can be stored");
  g_assert_null (row->config);
}

static void
test_row_the_store_refuses_ends_failed (Fixture      *fixture,
                                        gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("shape", "DATA_TRANSFORM", "{\"transformations\": []}") "," NODE ("after", "DATA_TRANSFORM", "{\"transformations\": []}") "]",
                                                   "[" EDGE ("e1", "start", "shape") "," EDGE ("e2", "shape", "after") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3         *db = NULL;
  ZzNodeExecution *shape;

  /* A store that will not take the row of "shape" completed, whatever the
   * reason (a full disk, a constraint): here a trigger says no. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TRIGGER refuse BEFORE UPDATE ON \"NodeExecution\" "
                                 "WHEN NEW.\"nodeId\" = 'shape' AND NEW.\"status\" = 'completed' "
                                 "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  g_test_expect_message ("zz-executor", G_LOG_LEVEL_WARNING,
                         "Could not save the run’s progress: *refused by the test");
  execution = run_workflow (fixture, workflow, "{}", NULL, NULL, &error);
  g_test_assert_expected_messages ();

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "failed");
  g_assert_nonnull (strstr (execution->error, "Could not save the run’s progress"));
  rows = rows_of (fixture, execution);
  /* The rows written with it in one transaction were not lost with it. */
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "start")->status), ==, "completed");
  shape = find_row (rows, "shape");
  g_assert_cmpstr (zz_run_status_to_string (shape->status), ==, "failed");
  g_assert_true (g_str_has_prefix (shape->error, "Could not save the record of “shape”: "));
  g_assert_nonnull (strstr (shape->error, "refused by the test"));
  /* "after" completed or was not run, as the rows were written before or
   * after it ran; either way it ended (run_workflow() checked). */
}

static void
test_unknown_block_fails_its_node (Fixture      *fixture,
                                   gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("beam", "TELEPORT", "{}") "]",
                                                   "[" EDGE ("e1", "start", "beam") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  rows = rows_of (fixture, execution);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "beam")->status), ==, "failed");
  g_assert_cmpstr (find_row (rows, "beam")->error, ==, "“TELEPORT” blocks cannot run in Zzyra Desktop");
}

static void
test_disabled_node_passes_its_input_on (Fixture      *fixture,
                                        gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") ","
                                                                                              "{\"id\": \"off\", \"type\": \"CALCULATOR\", \"position\": {\"x\": 0, \"y\": 0},"
                                                                                              " \"data\": {\"label\": \"off\", \"isEnabled\": false, \"config\": {\"operation\": \"divide\", \"rightOperand\": \"0\"}}}," NODE ("next", "DATA_TRANSFORM", "{\"transformations\": []}") "]",
                                                   "[" EDGE ("e1", "start", "off") "," EDGE ("e2", "off", "next") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, "{\"a\": 1}", NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  rows = rows_of (fixture, execution);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "off")->status), ==, "skipped");
  assert_json (find_row (rows, "next")->input, "{\"a\": 1}");
}

static void
test_invalid_workflow_is_refused (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("a", "DATA_TRANSFORM", "{}") "," NODE ("b", "DATA_TRANSFORM", "{}") "]",
                                                   "[" EDGE ("e1", "a", "b") "," EDGE ("e2", "b", "a") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) executions = NULL;

  g_assert_null (execution);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_true (g_str_has_prefix (error->message, "The workflow cannot run:"));
  g_assert_nonnull (strstr (error->message, "cycle"));

  g_clear_error (&error);
  executions = zz_store_list_executions (fixture->store, zz_workflow_get_id (workflow), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (executions->len, ==, 0);
}

static void
test_refusal_names_node_by_label (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") ","
                                                                                              "{\"id\": \"cmx5q2\", \"type\": \"HTTP_REQUEST\", \"position\": {\"x\": 0, \"y\": 0},"
                                                                                              " \"data\": {\"label\": \"Fetch price\", \"config\": {\"method\": \"GET\"}}}]",
                                                   "[" EDGE ("e1", "start", "cmx5q2") "]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);

  g_assert_null (execution);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  /* As the problems list says it: the node by label, the field by title. */
  g_assert_cmpstr (error->message, ==, "The workflow cannot run: Fetch price: “URL” is required");
}

/* Cancel ------------------------------------------------------------------ */

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_stops_at_once (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture,
                                                   "[" NODE ("start", "MANUAL_TRIGGER", "{}") "," NODE ("wait", "DELAY", "{\"duration\": 30, \"unit\": \"seconds\"}") "," NODE ("after", "DATA_TRANSFORM", "{\"transformations\": []}") "]",
                                                   "[" EDGE ("e1", "start", "wait") "," EDGE ("e2", "wait", "after") "]");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 start = g_get_monotonic_time ();

  g_timeout_add (200, cancel_cb, cancellable);
  execution = run_workflow (fixture, workflow, NULL, NULL, cancellable, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "cancelled");
  rows = rows_of (fixture, execution);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "start")->status), ==, "completed");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "wait")->status), ==, "failed");
  g_assert_cmpstr (find_row (rows, "wait")->error, ==, "Cancelled");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "after")->status), ==, "skipped");
}

/* Quotas and ownership ----------------------------------------------------- */

static void
set_profile (Fixture    *fixture,
             gint64      quota,
             gint64      count,
             const char *month)
{
  g_autoptr(ZzUser) user = NULL;
  g_autoptr(ZzProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  user = zz_store_get_user_with_profile (fixture->store, zz_store_get_current_user_id (fixture->store),
                                         &profile, &error);
  g_assert_no_error (error);
  profile->monthly_execution_quota = quota;
  profile->monthly_execution_count = count;
  g_free (profile->execution_count_month);
  profile->execution_count_month = g_strdup (month);
  g_free (profile->subscription_tier);
  profile->subscription_tier = g_strdup ("Community");
  zz_store_update_profile (fixture->store, profile, &error);
  g_assert_no_error (error);
}

static gint64
profile_count (Fixture *fixture)
{
  g_autoptr(ZzUser) user = NULL;
  g_autoptr(ZzProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  user = zz_store_get_user_with_profile (fixture->store, zz_store_get_current_user_id (fixture->store),
                                         &profile, &error);
  g_assert_no_error (error);

  return profile->monthly_execution_count;
}

static void
test_quota_refuses_runs_past_the_limit (Fixture      *fixture,
                                        gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture, "[" NODE ("start", "MANUAL_TRIGGER", "{}") "]", "[]");
  g_autofree char *now = zz_time_now_iso8601 ();
  g_autofree char *month = g_strndup (now, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) first = NULL;
  g_autoptr(ZzExecution) refused = NULL;

  set_profile (fixture, 2, 1, month);

  first = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (profile_count (fixture), ==, 2);

  refused = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_QUOTA);
  g_assert_nonnull (strstr (error->message, "2 runs"));
  g_assert_nonnull (strstr (error->message, "Community"));
  g_assert_cmpint (profile_count (fixture), ==, 2);
}

static void
test_quota_count_restarts_each_month (Fixture      *fixture,
                                      gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture, "[" NODE ("start", "MANUAL_TRIGGER", "{}") "]", "[]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzExecution) execution = NULL;

  set_profile (fixture, 2, 2, "2000-01");
  execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  g_assert_cmpint (profile_count (fixture), ==, 1);
}

static void
test_local_profile_is_unlimited (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture, "[" NODE ("start", "MANUAL_TRIGGER", "{}") "]", "[]");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZzExecution) execution = run_workflow (fixture, workflow, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
    }

  g_assert_cmpint (profile_count (fixture), ==, 3);
}

static ZzExecution *
insert_running (Fixture    *fixture,
                ZzWorkflow *workflow,
                gint64      pid,
                const char *identity)
{
  g_autoptr(ZzExecution) execution = zz_execution_new ();
  g_autoptr(ZzNodeExecution) done = zz_node_execution_new ();
  g_autoptr(ZzNodeExecution) busy = zz_node_execution_new ();
  g_autoptr(GError) error = NULL;

  execution->status = ZZ_RUN_STATUS_RUNNING;
  execution->workflow_id = g_strdup (zz_workflow_get_id (workflow));
  execution->user_id = g_strdup (zz_store_get_current_user_id (fixture->store));
  execution->owner_host = g_strdup (g_get_host_name ());
  execution->has_owner_pid = TRUE;
  execution->owner_pid = pid;
  execution->owner_start_time = g_strdup (identity);
  zz_store_insert_execution (fixture->store, execution, &error);
  g_assert_no_error (error);

  done->node_id = g_strdup ("done");
  done->status = ZZ_RUN_STATUS_COMPLETED;
  done->output = g_strdup ("{\"kept\": true}");
  done->execution_id = g_strdup (execution->id);
  busy->node_id = g_strdup ("busy");
  busy->status = ZZ_RUN_STATUS_RUNNING;
  busy->execution_id = g_strdup (execution->id);
  zz_store_insert_node_execution (fixture->store, done, &error);
  g_assert_no_error (error);
  zz_store_insert_node_execution (fixture->store, busy, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&execution);
}

static void
test_runs_of_a_gone_process_are_interrupted (Fixture      *fixture,
                                             gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = make_workflow (fixture, "[" NODE ("start", "MANUAL_TRIGGER", "{}") "]", "[]");
  g_autofree char *self_identity = zz_process_dup_identity (getpid ());
  g_autoptr(ZzExecution) mine = insert_running (fixture, workflow, getpid (), self_identity);
  /* Same pid, but another process start: the pid was reused. */
  g_autoptr(ZzExecution) gone = insert_running (fixture, workflow, getpid (), "another-boot:1");
  g_autoptr(ZzStore) reopened = NULL;
  g_autoptr(ZzExecution) mine_after = NULL;
  g_autoptr(ZzExecution) gone_after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  reopened = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);

  mine_after = zz_store_get_execution (reopened, mine->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (mine_after->status), ==, "running");

  gone_after = zz_store_get_execution_with_nodes (reopened, gone->id, NULL, &rows, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (gone_after->status), ==, "failed");
  g_assert_cmpstr (gone_after->error, ==, "interrupted");
  g_assert_nonnull (gone_after->finished_at);
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "done")->status), ==, "completed");
  g_assert_cmpstr (find_row (rows, "done")->output, ==, "{\"kept\": true}");
  g_assert_cmpstr (zz_run_status_to_string (find_row (rows, "busy")->status), ==, "failed");
  g_assert_cmpstr (find_row (rows, "busy")->error, ==, "interrupted");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/executor/chain/runs-in-order-recording-every-node", test_chain_runs_in_order);
  ADD ("/executor/parallel/independent-branches-overlap", test_parallel_branches_overlap);
  ADD ("/executor/parallel/concurrency-limit-is-kept", test_concurrency_limit_is_kept);
  ADD ("/executor/condition/routes-to-its-branch-and-skips-the-other", test_condition_routes_and_skips);
  ADD ("/executor/templates/keep-types-and-name-missing-references", test_templates_keep_types_and_name_missing_references);
  ADD ("/executor/retries/try-again-until-success", test_retries_until_success);
  ADD ("/executor/retries/run-out-and-fail", test_retries_run_out);
  ADD ("/executor/retries/are-announced-with-the-next-attempt", test_retries_are_announced);
  ADD ("/executor/timeout/fails-the-node", test_timeout_fails_the_node);
  ADD ("/executor/errors/continue-on-error-hands-the-error-on", test_continue_on_error_hands_the_error_on);
  ADD ("/executor/errors/failure-stops-the-run", test_failure_stops_the_run);
  ADD ("/executor/errors/unknown-block-fails-its-node", test_unknown_block_fails_its_node);
  ADD ("/executor/records/output-too-deep-to-store-fails-its-node", test_output_too_deep_to_store_fails_its_node);
  ADD ("/executor/records/output-too-deep-to-store-continues-on-error", test_output_too_deep_continues_on_error);
  ADD ("/executor/records/input-or-config-too-deep-to-store-fails-its-node",
       test_input_or_config_too_deep_to_store_fails_its_node);
  ADD ("/executor/records/row-the-store-refuses-ends-failed-not-running", test_row_the_store_refuses_ends_failed);
  ADD ("/executor/disabled-node-passes-its-input-on", test_disabled_node_passes_its_input_on);
  ADD ("/executor/invalid-workflow-is-refused-before-any-row", test_invalid_workflow_is_refused);
  ADD ("/executor/invalid-workflow/refusal-names-the-node-by-label-and-field-title", test_refusal_names_node_by_label);
  ADD ("/executor/cancel/stops-running-nodes-at-once", test_cancel_stops_at_once);
  ADD ("/executor/quota/refuses-runs-past-the-limit", test_quota_refuses_runs_past_the_limit);
  ADD ("/executor/quota/count-restarts-each-month", test_quota_count_restarts_each_month);
  ADD ("/executor/quota/local-profile-is-unlimited", test_local_profile_is_unlimited);
  ADD ("/executor/ownership/runs-of-a-gone-process-are-interrupted", test_runs_of_a_gone_process_are_interrupted);
#undef ADD

  return g_test_run ();
}
