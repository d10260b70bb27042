/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-executor-run.c: one run, on the executor's worker thread
 *
 * The run happens on a worker thread (g_task_run_in_thread) that has its
 * own GMainContext and its own store connection, so blocks run
 * asynchronously there and SQLite is never shared between threads. The
 * caller's thread only receives signals, each carrying a copy of a row as it
 * was committed, through a ZzAnnouncer (zz-executor-announcer.c).
 *
 * Scheduling: a node is ready when every incoming edge is resolved. An edge
 * is active when its source completed (or failed with continue-on-error, or
 * is disabled and passes its input on) and, for a branching source such as
 * CONDITION, leaves from the handle of the branch taken. A node with no
 * active incoming edge is skipped, and so on downstream. Ready nodes start in
 * the order they became ready, up to the concurrency limit, so independent
 * branches run side by side.
 *
 * Per node, from its config: `retries` and `retryDelay` (ms, doubled after
 * each attempt), `timeout` (ms) and `continueOnError`. A failure stops the
 * run unless the node continues on error: running nodes are cancelled and the
 * rest are recorded as skipped.
 */
#define G_LOG_DOMAIN "zz-executor"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "zz-engine-error.h"
#include "zz-executor-announcer-private.h"
#include "zz-executor-run-private.h"
#include "zz-executor-private.h"
#include "zz-json.h"
#include "zz-store.h"
#include "zz-template.h"
#include "zz-time.h"

#define MAX_RETRY_DELAY_MS 60000
#define FLUSH_INTERVAL_US  (5 * 1000)

/* Node state ----------------------------------------------------------- */

static void
node_run_free (ZzNodeRun *nr)
{
  if (nr->timer != NULL)
    {
      g_source_destroy (nr->timer);
      g_source_unref (nr->timer);
    }
  g_clear_object (&nr->cancellable);
  g_clear_pointer (&nr->outgoing, g_ptr_array_unref);
  g_clear_pointer (&nr->active_inputs, g_ptr_array_unref);
  g_clear_pointer (&nr->row, zz_node_execution_free);
  g_clear_pointer (&nr->input, json_node_unref);
  g_clear_pointer (&nr->config, json_object_unref);
  g_clear_pointer (&nr->output, json_node_unref);
  g_free (nr->branch);
  g_free (nr);
}

const char *
_zz_node_run_name (ZzNodeRun *nr)
{
  const char *label = nr->node->label;

  return (label != NULL && *label != '\0') ? label : nr->node->id;
}

void
_zz_run_stop (ZzRun      *run,
              const char *reason)
{
  if (run->stopping)
    return;

  run->stopping = TRUE;
  if (run->stop_error == NULL && reason != NULL)
    run->stop_error = g_strdup (reason);

  /* Cancel what runs; each ends through its own callback. */
  for (guint i = 0; i < run->order->len; i++)
    {
      ZzNodeRun *nr = g_ptr_array_index (run->order, i);

      if (nr->phase == ZZ_NODE_RUNNING && nr->cancellable != NULL)
        g_cancellable_cancel (nr->cancellable);
    }
}

/* The data a node hands along its active edges. */
static JsonNode *
passed_output (ZzNodeRun *nr)
{
  if (nr->branch != NULL && nr->output != NULL && JSON_NODE_HOLDS_OBJECT (nr->output))
    {
      JsonNode *data = json_object_get_member (json_node_get_object (nr->output), "data");

      if (data != NULL)
        return data;
    }

  return nr->output;
}

static gboolean
edge_is_active (ZzNodeRun  *source,
                ZzEdgeSpec *edge)
{
  const char *handle = edge->source_handle;

  if (!source->passes)
    return FALSE;

  /* A branching block's unnamed handle carries every branch. */
  if (source->branch == NULL || handle == NULL || *handle == '\0')
    return TRUE;

  return g_str_equal (handle, source->branch);
}

static void finish_node (ZzNodeRun  *nr,
                         ZzRunStatus status,
                         JsonNode   *output,
                         const char *error);

static void
make_ready (ZzNodeRun *nr)
{
  ZzRun *run = nr->run;

  nr->phase = ZZ_NODE_READY;

  if (nr->active_inputs->len == 1)
    {
      JsonNode *passed = passed_output (g_ptr_array_index (nr->active_inputs, 0));
      nr->input = passed ? json_node_copy (passed) : json_node_new (JSON_NODE_NULL);
    }
  else if (nr->active_inputs->len > 1)
    {
      JsonObject *merged = json_object_new ();

      for (guint i = 0; i < nr->active_inputs->len; i++)
        {
          ZzNodeRun *source = g_ptr_array_index (nr->active_inputs, i);
          JsonNode  *passed = passed_output (source);

          json_object_set_member (merged, source->node->id,
                                  passed ? json_node_copy (passed) : json_node_new (JSON_NODE_NULL));
        }
      nr->input = zz_json_node_new_take_object (merged);
    }
  else
    {
      nr->input = run->input ? json_node_copy (run->input) : zz_json_node_new_take_object (NULL);
    }

  g_queue_push_tail (&run->ready, nr);
}

/* Resolves the edges out of a node that is done, iteratively: a long chain
 * of skipped nodes must not recurse once per node. */
static void
propagate (ZzNodeRun *done)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new ();
  ZzRun *run = done->run;

  g_ptr_array_add (skipped, done);

  while (skipped->len > 0)
    {
      ZzNodeRun *nr = g_ptr_array_steal_index_fast (skipped, skipped->len - 1);

      for (guint i = 0; i < nr->outgoing->len; i++)
        {
          ZzEdgeSpec *edge = g_ptr_array_index (nr->outgoing, i);
          ZzNodeRun  *target = g_hash_table_lookup (run->nodes, edge->target);

          if (target == NULL || target->phase != ZZ_NODE_WAITING)
            continue;

          if (edge_is_active (nr, edge))
            {
              g_ptr_array_add (target->active_inputs, nr);
              nr->n_active_out++;
            }

          if (--target->unresolved > 0)
            continue;

          if (target->active_inputs->len > 0)
            make_ready (target);
          else
            {
              /* Reached only through branches not taken. */
              target->phase = ZZ_NODE_DONE;
              target->row->status = ZZ_RUN_STATUS_SKIPPED;
              g_clear_pointer (&target->row->completed_at, g_free);
              target->row->completed_at = zz_time_now_iso8601 ();
              _zz_run_write_row (run, target);
              g_ptr_array_add (skipped, target);
            }
        }
    }
}

static JsonNode *
error_output (const char *message)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "error", message);

  return zz_json_node_new_take_object (object);
}

static void pump (ZzRun *run);

static void
finish_node (ZzNodeRun  *nr,
             ZzRunStatus status,
             JsonNode   *output,
             const char *error)
{
  ZzRun           *run = nr->run;
  gboolean         was_running = nr->phase == ZZ_NODE_RUNNING;
  g_autofree char *too_deep = NULL;

  /* Parsed data is at most ZZ_JSON_MAX_DEPTH deep, but outputs compose
   * (a template embedding an object, a transform setting a long path, a
   * disabled node passing on merged inputs): one the store would refuse,
   * or that would take the writer past a safe recursion, fails its node. */
  if (output != NULL && status != ZZ_RUN_STATUS_FAILED && zz_json_node_is_deeper_than (output, ZZ_JSON_MAX_DEPTH))
    {
      too_deep = g_strdup_printf (_("The output of “%s” is nested deeper than %u levels, more than can be stored"),
                                     _zz_node_run_name (nr), (guint) ZZ_JSON_MAX_DEPTH);
      json_node_unref (output);
      output = nr->continue_on_error ? error_output (too_deep) : NULL;
      status = ZZ_RUN_STATUS_FAILED;
      error = too_deep;
      g_clear_pointer (&nr->branch, g_free);
    }

  nr->phase = ZZ_NODE_DONE;
  /* Data goes on from a completed node, a failed one that continues on
   * error (its error as data), and a disabled one (its input). */
  nr->passes = status == ZZ_RUN_STATUS_COMPLETED ||
               (status == ZZ_RUN_STATUS_FAILED && nr->continue_on_error && output != NULL) ||
               (status == ZZ_RUN_STATUS_SKIPPED && output != NULL);

  g_clear_pointer (&nr->output, json_node_unref);
  nr->output = output;
  if (output != NULL && nr->passes)
    g_hash_table_insert (run->outputs, nr->node->id, output);

  nr->row->status = status;
  g_free (nr->row->completed_at);
  nr->row->completed_at = zz_time_now_iso8601 ();
  g_free (nr->row->error);
  nr->row->error = g_strdup (error);
  g_free (nr->row->output);
  nr->row->output = output ? zz_json_to_string (output, FALSE) : NULL;
  _zz_run_write_row (run, nr);

  if (was_running)
    run->running--;

  if (status == ZZ_RUN_STATUS_FAILED && !nr->continue_on_error)
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” failed: %s"), _zz_node_run_name (nr), error);
      _zz_run_stop (run, reason);
    }

  if (!run->stopping)
    propagate (nr);
}

/* Running a node ---------------------------------------------------------- */

static void attempt_start (ZzNodeRun *nr);

static gboolean
is_retryable (const GError *error)
{
  if (error->domain != ZZ_ENGINE_ERROR)
    return TRUE;

  switch (error->code)
    {
    case ZZ_ENGINE_ERROR_TEMPLATE:
    case ZZ_ENGINE_ERROR_EXPRESSION:
    case ZZ_ENGINE_ERROR_CONFIG:
    case ZZ_ENGINE_ERROR_CANCELLED:
    case ZZ_ENGINE_ERROR_QUOTA:
      return FALSE;
    default:
      return TRUE;
    }
}

static void
clear_timer (ZzNodeRun *nr)
{
  if (nr->timer != NULL)
    {
      g_source_destroy (nr->timer);
      g_clear_pointer (&nr->timer, g_source_unref);
    }
}

static gboolean
on_retry_cb (gpointer user_data)
{
  ZzNodeRun *nr = user_data;

  g_clear_pointer (&nr->timer, g_source_unref);
  attempt_start (nr);

  return G_SOURCE_REMOVE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  ZzNodeRun *nr = user_data;

  g_clear_pointer (&nr->timer, g_source_unref);
  nr->timed_out = TRUE;
  g_cancellable_cancel (nr->cancellable);

  return G_SOURCE_REMOVE;
}

static void
fail_node (ZzNodeRun  *nr,
           const char *message)
{
  finish_node (nr, ZZ_RUN_STATUS_FAILED, nr->continue_on_error ? error_output (message) : NULL, message);
}

static void
on_block_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ZzNodeRun *nr = user_data;
  ZzRun     *run = nr->run;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  JsonNode        *output;

  output = zz_block_type_execute_finish (ZZ_BLOCK_TYPE (object), result, &error);
  clear_timer (nr);

  if (output != NULL)
    {
      if (zz_block_type_get_outputs (nr->type)[0] != NULL && JSON_NODE_HOLDS_OBJECT (output))
        nr->branch = g_strdup (zz_json_object_get_string (json_node_get_object (output), "branch", NULL));

      finish_node (nr, ZZ_RUN_STATUS_COMPLETED, output, NULL);
      pump (run);
      return;
    }

  if (nr->timed_out)
    message = g_strdup_printf (_("Timed out after %u ms"), nr->timeout_ms);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (run->cancelled ? _("Cancelled") : _("Stopped because another node failed"));
  else
    message = g_strdup (error->message);

  if (!run->stopping && nr->attempt <= nr->retries &&
      (nr->timed_out || is_retryable (error)) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) == !nr->timed_out)
    {
      guint delay = MIN ((guint64) nr->retry_delay << MIN (nr->attempt - 1, 16), MAX_RETRY_DELAY_MS);

      /* The row says which attempt comes next and when, so that a card and
       * the run panel can show a wait instead of a spinner that seems stuck;
       * the time is in the announced text only, the store has no column. */
      g_free (nr->row->error);
      nr->row->error = g_strdup_printf (_("Attempt %u of %u failed: %s; next in %u s"), nr->attempt,
                                           nr->retries + 1, message, (delay + 999) / 1000);
      nr->row->attempts = nr->attempt + 1;
      _zz_run_write_row (run, nr);

      nr->timed_out = FALSE;
      nr->timer = g_timeout_source_new (delay);
      g_source_set_callback (nr->timer, on_retry_cb, nr, NULL);
      g_source_attach (nr->timer, run->context);
      return;
    }

  fail_node (nr, message);
  pump (run);
}

static void
attempt_start (ZzNodeRun *nr)
{
  ZzRun *run = nr->run;

  nr->attempt++;
  nr->row->attempts = nr->attempt;

  g_clear_object (&nr->cancellable);
  nr->cancellable = g_cancellable_new ();
  if (run->stopping)
    g_cancellable_cancel (nr->cancellable);

  if (nr->timeout_ms > 0)
    {
      nr->timer = g_timeout_source_new (nr->timeout_ms);
      g_source_set_callback (nr->timer, on_timeout_cb, nr, NULL);
      g_source_attach (nr->timer, run->context);
    }

  zz_block_type_execute_async (nr->type, nr->config, nr->input, &nr->block_context,
                               nr->cancellable, on_block_done_cb, nr);
}

/* Resolves the config against the outputs so far, except the keys the
 * block resolves itself; the schema's defaults fill the keys not given. */
static gboolean
resolve_member (ZzNodeRun  *nr,
                JsonObject *resolved,
                const char *key,
                JsonNode   *value,
                GError    **error)
{
  JsonNode *result;

  if (zz_block_type_is_raw_key (nr->type, key))
    result = zz_json_node_deep_copy (value);
  else if (!(result = zz_template_resolve (&nr->scope, value, error)))
    return FALSE;

  json_object_set_member (resolved, key, result);

  return TRUE;
}

static JsonObject *
resolve_config (ZzNodeRun *nr,
                GError   **error)
{
  g_autoptr(JsonObject) resolved = json_object_new ();
  JsonObject    *properties = json_object_get_object_member (zz_block_type_get_config_schema (nr->type), "properties");
  JsonObject    *config = nr->node->config;
  JsonObjectIter iter;
  const char    *key;
  JsonNode      *value;

  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &key, &value))
    {
      JsonNode *default_value = json_object_get_member (json_node_get_object (value), "default");

      if (default_value != NULL && !json_object_has_member (config, key) &&
          !resolve_member (nr, resolved, key, default_value, error))
        return NULL;
    }

  /* In the config's own order, so that the first bad reference a user
   * wrote is the one reported. */
  json_object_iter_init_ordered (&iter, config);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      if (!resolve_member (nr, resolved, key, value, error))
        return NULL;
    }

  return g_steal_pointer (&resolved);
}

static void
start_node (ZzNodeRun *nr)
{
  ZzRun *run = nr->run;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = zz_time_now_iso8601 ();

  nr->phase = ZZ_NODE_RUNNING;
  run->running++;

  nr->row->status = ZZ_RUN_STATUS_RUNNING;
  g_free (nr->row->started_at);
  nr->row->started_at = g_steal_pointer (&now);
  g_clear_pointer (&nr->row->input, g_free);

  /* Merged inputs nest one level deeper than the outputs they merge. */
  if (zz_json_node_is_deeper_than (nr->input, ZZ_JSON_MAX_DEPTH))
    {
      g_autofree char *message = g_strdup_printf (_("The input of “%s” is nested deeper than %u levels, "
                                                    "more than can be stored"),
                                                     _zz_node_run_name (nr), (guint) ZZ_JSON_MAX_DEPTH);
      fail_node (nr, message);
      return;
    }
  nr->row->input = zz_json_to_string (nr->input, FALSE);

  /* A disabled node is passed over: its input goes on unchanged. */
  if (!nr->node->enabled)
    {
      finish_node (nr, ZZ_RUN_STATUS_SKIPPED, json_node_copy (nr->input), _("Disabled"));
      return;
    }

  if (nr->type == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” blocks cannot run in Zzyra Desktop"),
                                                     nr->node->block_type);
      fail_node (nr, message);
      return;
    }

  nr->scope.outputs = run->outputs;
  nr->scope.json = nr->input;
  nr->scope.data = nr->input;
  nr->scope.input = run->input;
  nr->scope.variables = run->variables;

  if (!(nr->config = resolve_config (nr, &error)) ||
      !zz_block_type_validate_config (nr->type, nr->config, &error))
    {
      g_autofree char *config = zz_json_object_to_string (nr->node->config, FALSE);

      g_free (nr->row->config);
      nr->row->config = g_steal_pointer (&config);
      fail_node (nr, error->message);
      return;
    }

  nr->retries = (guint) CLAMP (zz_json_object_get_int (nr->config, "retries", 0), 0, 10);
  nr->retry_delay = (guint) CLAMP (zz_json_object_get_int (nr->config, "retryDelay", 1000), 0, MAX_RETRY_DELAY_MS);
  nr->timeout_ms = (guint) CLAMP (zz_json_object_get_int (nr->config, "timeout", 0), 0, 24 * 3600 * 1000);
  nr->continue_on_error = zz_json_object_get_bool (nr->config, "continueOnError",
                                                   zz_json_object_get_bool (nr->config, "continueOnFail", FALSE));

  /* A template may embed an output deep inside the config. */
  {
    g_autoptr(JsonNode) config = json_node_init_object (json_node_alloc (), nr->config);

    if (zz_json_node_is_deeper_than (config, ZZ_JSON_MAX_DEPTH))
      {
        g_autofree char *message = g_strdup_printf (_("The config of “%s” is nested deeper than %u levels, "
                                                      "more than can be stored"),
                                                       _zz_node_run_name (nr), (guint) ZZ_JSON_MAX_DEPTH);
        fail_node (nr, message);
        return;
      }
  }

  g_free (nr->row->config);
  nr->row->config = zz_json_object_to_string (nr->config, FALSE);

  nr->block_context.store = run->store;
  nr->block_context.session = run->session;
  nr->block_context.scope = &nr->scope;
  nr->block_context.user_id = run->execution->user_id;
  nr->block_context.workflow_id = run->execution->workflow_id;
  nr->block_context.execution_id = run->execution->id;
  nr->block_context.node_id = nr->node->id;
  nr->block_context.execution_input = run->input;

  _zz_run_write_row (run, nr);
  attempt_start (nr);
}

static void
pump (ZzRun *run)
{
  while (!run->stopping && run->running < run->concurrency && !g_queue_is_empty (&run->ready))
    start_node (g_queue_pop_head (&run->ready));
}

static gboolean
on_run_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  ZzRun *run = user_data;

  run->cancelled = TRUE;
  _zz_run_stop (run, _("Cancelled"));

  return G_SOURCE_REMOVE;
}

/* Setting up and finishing the run --------------------------------------- */

static gboolean
prepare_run (ZzRun         *run,
             ZzRunSnapshot *snapshot,
             GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_nodes = snapshot->nodes->len;

  if (snapshot->variables != NULL)
    run->variables = json_object_ref (snapshot->variables);

  run->order = g_ptr_array_new_full (n_nodes, (GDestroyNotify) node_run_free);
  run->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  run->outputs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_nodes; i++)
    {
      ZzNodeSpec *spec = g_ptr_array_index (snapshot->nodes, i);
      ZzNodeRun  *nr = g_new0 (ZzNodeRun, 1);

      nr->run = run;
      nr->node = spec;
      nr->type = zz_block_registry_lookup (run->registry, spec->block_type);
      nr->outgoing = g_ptr_array_new ();
      nr->active_inputs = g_ptr_array_new ();
      nr->row = zz_node_execution_new ();
      nr->row->node_id = g_strdup (spec->id);
      nr->row->status = ZZ_RUN_STATUS_PENDING;

      g_ptr_array_add (run->order, nr);
      g_hash_table_insert (run->nodes, spec->id, nr);
      g_ptr_array_add (rows, nr->row);
    }

  for (guint i = 0; i < snapshot->edges->len; i++)
    {
      ZzEdgeSpec *edge = g_ptr_array_index (snapshot->edges, i);
      ZzNodeRun  *source = g_hash_table_lookup (run->nodes, edge->source);
      ZzNodeRun  *target = g_hash_table_lookup (run->nodes, edge->target);

      g_ptr_array_add (source->outgoing, edge);
      target->n_incoming++;
      target->unresolved++;
    }

  return zz_store_begin_execution (run->store, run->execution, rows, error);
}

static JsonNode *
collect_output (ZzRun *run)
{
  g_autoptr(JsonObject) outputs = json_object_new ();
  ZzNodeRun *last = NULL;
  guint      n = 0;

  /* The outputs of the nodes where the run ended: completed, with no
   * edge out that carried data on. */
  for (guint i = 0; i < run->order->len; i++)
    {
      ZzNodeRun *nr = g_ptr_array_index (run->order, i);

      if (nr->phase != ZZ_NODE_DONE || !nr->passes || nr->output == NULL || nr->n_active_out > 0)
        continue;

      json_object_set_member (outputs, nr->node->id, json_node_copy (passed_output (nr)));
      last = nr;
      n++;
    }

  if (n == 1)
    return json_node_copy (passed_output (last));

  return zz_json_node_new_take_object (g_steal_pointer (&outputs));
}

static void
finish_run (ZzRun *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *end_reason = NULL;
  ZzRunStatus      status;
  gboolean         rows_saved;

  /* What never started is recorded as not run, with why. */
  for (guint i = 0; i < run->order->len; i++)
    {
      ZzNodeRun *nr = g_ptr_array_index (run->order, i);

      if (nr->phase == ZZ_NODE_DONE)
        continue;

      if (reason == NULL)
        reason = g_strdup_printf (_("Not run: %s"), run->stop_error ? run->stop_error : _("the run stopped"));

      nr->phase = ZZ_NODE_DONE;
      nr->row->status = ZZ_RUN_STATUS_SKIPPED;
      g_free (nr->row->error);
      nr->row->error = g_strdup (reason);
      nr->row->completed_at = zz_time_now_iso8601 ();
      _zz_run_write_row (run, nr);
    }

  /* The last try for rows an earlier flush could not write. */
  rows_saved = _zz_run_flush_rows (run);

  if (run->cancelled)
    status = ZZ_RUN_STATUS_CANCELLED;
  else if (run->stopping)
    status = ZZ_RUN_STATUS_FAILED;
  else
    status = ZZ_RUN_STATUS_COMPLETED;

  run->execution->status = status;
  run->execution->finished_at = zz_time_now_iso8601 ();
  g_free (run->execution->error);
  run->execution->error = run->stopping ? g_strdup (run->stop_error) : NULL;

  if (status == ZZ_RUN_STATUS_COMPLETED)
    {
      g_autoptr(JsonNode) output = collect_output (run);
      run->execution->output = zz_json_to_string (output, FALSE);
    }

  if (!zz_store_update_execution (run->store, run->execution, &error))
    {
      if (g_error_matches (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_FULL))
        end_reason = g_strdup (_("The disk was full: the end of the run could not be saved"));
      else
        end_reason = g_strdup_printf (_("Could not save the end of the run: %s"), error->message);
    }

  if (!rows_saved || end_reason != NULL)
    _zz_run_record_unsaved_end (run, run->stop_error ? run->stop_error : end_reason, end_reason == NULL);
  else if (run->disk_full)
    zz_store_forget_execution_note (run->store, run->execution->id);

  _zz_announcer_emit (run->announcer, ZZ_EXECUTOR_EXECUTION_FINISHED, ZZ_TYPE_EXECUTION, run->execution);
}

static void
run_free (ZzRun *run)
{
  if (run->cancel_source != NULL)
    {
      g_source_destroy (run->cancel_source);
      g_source_unref (run->cancel_source);
    }
  g_queue_clear (&run->ready);
  g_clear_pointer (&run->dirty, g_ptr_array_unref);
  g_clear_pointer (&run->dirty_nodes, g_ptr_array_unref);
  g_clear_pointer (&run->order, g_ptr_array_unref);
  g_clear_pointer (&run->nodes, g_hash_table_unref);
  g_clear_pointer (&run->outputs, g_hash_table_unref);
  g_clear_pointer (&run->execution, zz_execution_free);
  g_clear_pointer (&run->variables, json_object_unref);
  g_clear_pointer (&run->input, json_node_unref);
  g_clear_object (&run->session);
  g_clear_object (&run->store);
  g_clear_object (&run->registry);
  g_clear_pointer (&run->announcer, _zz_announcer_release);
  g_clear_object (&run->executor);
  g_free (run->stop_error);
  g_free (run);
}

void
_zz_executor_run_in_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  ZzExecutor    *self = source_object;
  ZzRunSnapshot *snapshot = task_data;
  ZzRun         *run = g_new0 (ZzRun, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  ZzExecution *result;

  g_main_context_push_thread_default (context);

  run->executor = g_object_ref (self);
  run->announcer = _zz_announcer_new (self, snapshot->caller_context);
  run->dirty = g_ptr_array_new ();
  run->dirty_nodes = g_ptr_array_new ();
  run->context = context;
  run->cancellable = cancellable;
  run->concurrency = MAX (snapshot->concurrency, 1);
  run->registry = g_object_ref (snapshot->registry);
  run->input = snapshot->input ? json_node_copy (snapshot->input) : NULL;

  if (!(run->store = zz_store_open (snapshot->db_path, &error)))
    goto failed;

  run->execution = zz_execution_new ();
  run->execution->status = ZZ_RUN_STATUS_RUNNING;
  run->execution->workflow_id = g_strdup (snapshot->workflow_id);
  run->execution->user_id = g_strdup (snapshot->user_id
                                        ? snapshot->user_id
                                        : zz_store_get_current_user_id (run->store));
  run->execution->input = run->input ? zz_json_to_string (run->input, FALSE) : NULL;
  g_free (run->execution->trigger);
  run->execution->trigger = g_strdup (snapshot->trigger);

  if (!prepare_run (run, snapshot, &error))
    goto failed;

  _zz_announcer_emit (run->announcer, ZZ_EXECUTOR_EXECUTION_STARTED, ZZ_TYPE_EXECUTION, run->execution);
  for (guint i = 0; i < run->order->len; i++)
    _zz_announcer_emit (run->announcer, ZZ_EXECUTOR_NODE_CHANGED, ZZ_TYPE_NODE_EXECUTION, ((ZzNodeRun *) g_ptr_array_index (run->order, i))->row);

  run->session = soup_session_new ();
  soup_session_set_user_agent (run->session, "Zzyra/" PACKAGE_VERSION " ");

  if (cancellable != NULL)
    {
      run->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (run->cancel_source, G_SOURCE_FUNC (on_run_cancelled_cb), run, NULL);
      g_source_attach (run->cancel_source, context);
    }

  for (guint i = 0; i < run->order->len; i++)
    {
      ZzNodeRun *nr = g_ptr_array_index (run->order, i);

      if (nr->n_incoming == 0)
        make_ready (nr);
    }

  pump (run);
  while (run->running > 0 || (!run->stopping && !g_queue_is_empty (&run->ready)))
    {
      if (!g_main_context_pending (context) ||
          g_get_monotonic_time () - run->last_flush >= FLUSH_INTERVAL_US)
        _zz_run_flush_rows (run);

      g_main_context_iteration (context, TRUE);
      pump (run);
    }

  finish_run (run);
  result = zz_execution_copy (run->execution);
  run_free (run);
  g_main_context_pop_thread_default (context);

  g_task_return_pointer (task, result, (GDestroyNotify) zz_execution_free);
  return;

failed:
  run_free (run);
  g_main_context_pop_thread_default (context);
  g_task_return_error (task, g_steal_pointer (&error));
}
