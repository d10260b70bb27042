/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-cli-run.c: zzyra-cli run, executions and execution
 *
 * A run goes through the same ZzExecutor as in the app; this file only
 * prints what it reports. Ctrl+C cancels the run cleanly: the executor
 * records the nodes as cancelled and the execution as cancelled, and the
 * exit status is 130.
 */
#define G_LOG_DOMAIN "zzyra-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "zz-cli-commands.h"
#include "zz-cli-private.h"
#include "zz-cli-run.h"
#include "zz-executor.h"
#include "zz-json.h"
#include "zz-store.h"
#include "zz-time.h"

static gint64
duration_ms (const char *start,
             const char *end)
{
  if (start == NULL || end == NULL)
    return -1;

  return zz_time_diff_ms (start, end);
}

static void
set_json_member (JsonObject *object,
                 const char *member,
                 const char *json_text)
{
  JsonNode *node = json_text ? zz_json_parse (json_text, -1, NULL) : NULL;

  json_object_set_member (object, member, node ? node : json_node_new (JSON_NODE_NULL));
}

static void
set_string_or_null (JsonObject *object,
                    const char *member,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/* The document `run --json` and `execution --json` print. */
static JsonObject *
execution_to_json (ZzExecution *execution,
                   GPtrArray   *nodes)
{
  JsonObject *object = json_object_new ();
  JsonArray  *array = json_array_new ();
  gint64      ms = duration_ms (execution->started_at, execution->finished_at);

  json_object_set_string_member (object, "id", execution->id);
  json_object_set_string_member (object, "workflowId", execution->workflow_id);
  json_object_set_string_member (object, "status", zz_run_status_to_string (execution->status));
  set_string_or_null (object, "error", execution->error);
  set_json_member (object, "input", execution->input);
  set_json_member (object, "output", execution->output);
  json_object_set_string_member (object, "trigger", execution->trigger);
  json_object_set_string_member (object, "startedAt", execution->started_at);
  set_string_or_null (object, "finishedAt", execution->finished_at);
  if (ms >= 0)
    json_object_set_int_member (object, "durationMs", ms);
  else
    json_object_set_null_member (object, "durationMs");

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      ZzNodeExecution *node = g_ptr_array_index (nodes, i);
      JsonObject      *row = json_object_new ();
      gint64           node_ms = duration_ms (node->started_at, node->completed_at);

      json_object_set_string_member (row, "nodeId", node->node_id);
      json_object_set_string_member (row, "status", zz_run_status_to_string (node->status));
      json_object_set_string_member (row, "startedAt", node->started_at);
      set_string_or_null (row, "completedAt", node->completed_at);
      if (node_ms >= 0 && node->status != ZZ_RUN_STATUS_PENDING)
        json_object_set_int_member (row, "durationMs", node_ms);
      else
        json_object_set_null_member (row, "durationMs");
      json_object_set_int_member (row, "attempts", node->attempts);
      set_json_member (row, "input", node->input);
      set_json_member (row, "output", node->output);
      set_string_or_null (row, "error", node->error);
      json_array_add_object_element (array, row);
    }

  json_object_set_array_member (object, "nodes", array);

  return object;
}

static int
exit_status_for (ZzExecution *execution)
{
  if (execution->status == ZZ_RUN_STATUS_COMPLETED)
    return ZZ_CLI_EXIT_OK;
  if (execution->status == ZZ_RUN_STATUS_CANCELLED)
    return ZZ_CLI_EXIT_CANCELLED;

  return ZZ_CLI_EXIT_FAILED;
}

/* run ------------------------------------------------------------------- */

typedef struct
{
  ZzWorkflow   *workflow;
  gboolean      json;
  GCancellable *cancellable;
} RunState;

static void
on_node_changed_cb (ZzExecutor      *executor,
                    ZzNodeExecution *row,
                    RunState        *state)
{
  ZzNode     *node;
  const char *label;
  gint64      ms;

  if (state->json ||
      row->status == ZZ_RUN_STATUS_PENDING ||
      row->status == ZZ_RUN_STATUS_RUNNING)
    return;

  node = zz_workflow_find_node (state->workflow, row->node_id);
  label = node && zz_node_get_label (node) && *zz_node_get_label (node) ? zz_node_get_label (node) : row->node_id;
  ms = duration_ms (row->started_at, row->completed_at);

  if (row->status == ZZ_RUN_STATUS_COMPLETED)
    g_print ("%-9s %-24s %" G_GINT64_FORMAT " ms\n", _("completed"), label, ms);
  else if (row->status == ZZ_RUN_STATUS_SKIPPED)
    g_print ("%-9s %-24s %s\n", _("skipped"), label, row->error ? row->error : _("branch not taken"));
  else
    g_print ("%-9s %-24s %s\n", _("failed"), label, row->error ? row->error : "");
}

static gboolean
on_interrupt_cb (gpointer user_data)
{
  RunState *state = user_data;

  if (!state->json)
    g_printerr ("%s\n", _("Cancelling…"));
  g_cancellable_cancel (state->cancellable);

  return G_SOURCE_CONTINUE;
}

/* A stored workflow by id, or a file, imported first. */
static ZzWorkflow *
load_or_import (ZzStore    *store,
                const char *what,
                GError    **error)
{
  g_autoptr(ZzWorkflow) workflow = NULL;

  if (!g_file_test (what, G_FILE_TEST_IS_REGULAR))
    return zz_store_get_workflow (store, what, error);

  if (!(workflow = _zz_cli_import_file (store, what, error)))
    return NULL;

  return g_steal_pointer (&workflow);
}

int
zz_cli_command_run (ZzCliContext *context,
                    int           argc,
                    char        **argv)
{
  g_autofree char *input_text = NULL;
  gboolean         json = FALSE;
  int              concurrency = ZZ_EXECUTOR_DEFAULT_CONCURRENCY;
  GOptionEntry     entries[] = {
        { "input", 'i', 0, G_OPTION_ARG_STRING, &input_text, N_ ("The run’s input, as JSON"), N_ ("JSON") },
        { "concurrency", 'c', 0, G_OPTION_ARG_INT, &concurrency, N_ ("How many nodes may run at once (8)"), N_ ("N") },
        { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print one JSON document at the end"), NULL },
        { NULL }
  };
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(ZzExecutor) executor = NULL;
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(JsonNode) input = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RunState state = { NULL };
  guint    sigint_id, sigterm_id;

  if (!_zz_cli_parse_options (_("ID|FILE"), _("Run a stored workflow, or a workflow file (imported first)."),
                                                entries, &argc, &argv, 1))
    return ZZ_CLI_EXIT_USAGE;

  if (concurrency < 1 || concurrency > 256)
    {
      g_printerr ("%s\n", _("zzyra-cli run: --concurrency must be between 1 and 256"));
      return ZZ_CLI_EXIT_USAGE;
    }

  if (input_text != NULL && !(input = zz_json_parse (input_text, -1, &error)))
    {
      g_printerr (_("zzyra-cli run: --input: %s\n"), error->message);
      return ZZ_CLI_EXIT_USAGE;
    }

  if (!(store = _zz_cli_open_store (context, &error)) ||
      !(workflow = load_or_import (store, argv[1], &error)))
    return _zz_cli_fail (NULL, error);

  executor = zz_executor_new (zz_store_get_path (store), workflow);
  zz_executor_set_trigger (executor, "cli");
  zz_executor_set_concurrency (executor, (guint) concurrency);
  if (input != NULL)
    zz_executor_set_input (executor, input);

  state.workflow = workflow;
  state.json = json;
  state.cancellable = cancellable;
  g_signal_connect (executor, "node-changed", G_CALLBACK (on_node_changed_cb), &state);
  sigint_id = g_unix_signal_add (SIGINT, on_interrupt_cb, &state);
  sigterm_id = g_unix_signal_add (SIGTERM, on_interrupt_cb, &state);

  execution = zz_executor_run_sync (executor, cancellable, &error);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  if (execution == NULL)
    return _zz_cli_fail (NULL, error);

  if (json)
    {
      g_autoptr(GPtrArray) nodes = NULL;
      g_autoptr(ZzExecution) stored = zz_store_get_execution_with_nodes (store, execution->id, NULL, &nodes, &error);
      g_autoptr(JsonObject) document = NULL;
      g_autofree char *text = NULL;

      if (stored == NULL)
        return _zz_cli_fail (NULL, error);

      document = execution_to_json (stored, nodes);
      text = zz_json_object_to_string (document, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      gint64 ms = duration_ms (execution->started_at, execution->finished_at);

      if (execution->error != NULL)
        g_print (_("Execution %s %s in %" G_GINT64_FORMAT " ms: %s\n"),
                    execution->id, zz_run_status_to_string (execution->status), ms, execution->error);
      else
        g_print (_("Execution %s %s in %" G_GINT64_FORMAT " ms\n"),
                    execution->id, zz_run_status_to_string (execution->status), ms);
    }

  return exit_status_for (execution);
}

/* executions ------------------------------------------------------------ */

int
zz_cli_command_executions (ZzCliContext *context,
                           int           argc,
                           char        **argv)
{
  gboolean     json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print one JSON document"), NULL },
    { NULL }
  };
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GPtrArray) executions = NULL;
  g_autoptr(GError) error = NULL;

  if (!_zz_cli_parse_options (_("WORKFLOW_ID"), _("List a workflow’s executions, newest first."),
                                                    entries, &argc, &argv, 1))
    return ZZ_CLI_EXIT_USAGE;

  if (!(store = _zz_cli_open_store (context, &error)) ||
      !(workflow = zz_store_get_workflow (store, argv[1], &error)) ||
      !(executions = zz_store_list_executions (store, argv[1], &error)))
    return _zz_cli_fail (NULL, error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autofree char *text = NULL;

      for (guint i = 0; i < executions->len; i++)
        json_array_add_object_element (array, execution_to_json (g_ptr_array_index (executions, i), NULL));

      text = zz_json_array_to_string (array, TRUE);
      g_print ("%s\n", text);
      return ZZ_CLI_EXIT_OK;
    }

  if (executions->len == 0)
    {
      g_printerr (_("“%s” has not run yet. Run it with “zzyra-cli run %s”.\n"),
                     zz_workflow_get_name (workflow), argv[1]);
      return ZZ_CLI_EXIT_OK;
    }

  g_print ("%-25s  %-9s  %-24s  %10s  %s\n", _("ID"), _("STATUS"), _("STARTED"), _("DURATION"), _("TRIGGER"));
  for (guint i = 0; i < executions->len; i++)
    {
      ZzExecution     *execution = g_ptr_array_index (executions, i);
      gint64           ms = duration_ms (execution->started_at, execution->finished_at);
      g_autofree char *duration = ms >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT " ms", ms) : g_strdup ("—");

      g_print ("%-25s  %-9s  %-24s  %10s  %s\n", execution->id, zz_run_status_to_string (execution->status),
               execution->started_at, duration, execution->trigger);
    }

  return ZZ_CLI_EXIT_OK;
}

/* execution ------------------------------------------------------------- */

int
zz_cli_command_execution (ZzCliContext *context,
                          int           argc,
                          char        **argv)
{
  gboolean     json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print one JSON document"), NULL },
    { NULL }
  };
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(JsonObject) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!_zz_cli_parse_options (_("EXECUTION_ID"), _("Show an execution with each node’s state."),
                                                     entries, &argc, &argv, 1))
    return ZZ_CLI_EXIT_USAGE;

  if (!(store = _zz_cli_open_store (context, &error)) ||
      !(execution = zz_store_get_execution_with_nodes (store, argv[1], &workflow, &nodes, &error)))
    return _zz_cli_fail (NULL, error);

  if (json)
    {
      g_autofree char *text = NULL;

      document = execution_to_json (execution, nodes);
      text = zz_json_object_to_string (document, TRUE);
      g_print ("%s\n", text);
      return ZZ_CLI_EXIT_OK;
    }

  g_print (_("Execution %s of “%s”: %s\n"), execution->id, zz_workflow_get_name (workflow), zz_run_status_to_string (execution->status));
  if (execution->error != NULL)
    g_print (_("Error: %s\n"), execution->error);
  for (guint i = 0; i < nodes->len; i++)
    {
      ZzNodeExecution *node = g_ptr_array_index (nodes, i);
      gint64           ms = duration_ms (node->started_at, node->completed_at);
      g_autofree char *duration = ms >= 0 && node->status != ZZ_RUN_STATUS_PENDING
                                    ? g_strdup_printf ("%" G_GINT64_FORMAT " ms", ms)
                                    : g_strdup ("—");

      g_print ("  %-9s %-24s %10s  %s\n", zz_run_status_to_string (node->status), node->node_id, duration, node->error ? node->error : "");
    }

  return ZZ_CLI_EXIT_OK;
}
