/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-executor.c: ZzExecutor, one execution of a workflow
 *
 * This half lives on the caller's thread: it checks the workflow, takes a
 * snapshot of it (ZzWorkflow and its JSON belong to the caller's thread)
 * and hands it to a worker thread, where zz-executor-run.c runs it. The
 * worker's progress comes back as this object's signals.
 */
#define G_LOG_DOMAIN "zz-executor"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-engine-error.h"
#include "zz-executor-private.h"
#include "zz-json.h"

struct _ZzExecutor
{
  GObject parent_instance;

  char            *db_path;
  ZzWorkflow      *workflow; /* the caller's: never touched by the worker */
  JsonNode        *input;
  guint            concurrency;
  char            *trigger;
  ZzBlockRegistry *registry;
  char            *execution_id;
  gboolean         started;
};

G_DEFINE_FINAL_TYPE (ZzExecutor, zz_executor, G_TYPE_OBJECT)

static guint signals[ZZ_EXECUTOR_N_SIGNALS];

static void
node_spec_free (ZzNodeSpec *spec)
{
  g_free (spec->id);
  g_free (spec->block_type);
  g_free (spec->label);
  g_clear_pointer (&spec->config, json_object_unref);
  g_free (spec);
}

static void
edge_spec_free (ZzEdgeSpec *spec)
{
  g_free (spec->source);
  g_free (spec->source_handle);
  g_free (spec->target);
  g_free (spec);
}

static void
snapshot_free (ZzRunSnapshot *snapshot)
{
  g_main_context_unref (snapshot->caller_context);
  g_free (snapshot->db_path);
  g_free (snapshot->trigger);
  g_clear_object (&snapshot->registry);
  g_clear_pointer (&snapshot->input, json_node_unref);
  g_free (snapshot->workflow_id);
  g_free (snapshot->user_id);
  g_clear_pointer (&snapshot->variables, json_object_unref);
  g_ptr_array_unref (snapshot->nodes);
  g_ptr_array_unref (snapshot->edges);
  g_free (snapshot);
}

static ZzRunSnapshot *
snapshot_new (ZzExecutor *self)
{
  ZzWorkflow      *workflow = self->workflow;
  ZzRunSnapshot   *snapshot = g_new0 (ZzRunSnapshot, 1);
  GListModel      *nodes = zz_workflow_get_nodes (workflow);
  GListModel      *edges = zz_workflow_get_edges (workflow);
  guint            n_nodes = g_list_model_get_n_items (nodes);
  guint            n_edges = g_list_model_get_n_items (edges);
  g_autofree char *extra = zz_workflow_dup_extra_json (workflow);
  g_autoptr(JsonObject) extra_object = zz_json_parse_object (extra, -1, NULL);
  JsonObject *variables = zz_json_object_get_object (zz_json_object_get_object (extra_object, "metadata"),
                                                     "variables");

  snapshot->caller_context = g_main_context_ref_thread_default ();
  snapshot->db_path = g_strdup (self->db_path);
  snapshot->trigger = g_strdup (self->trigger);
  snapshot->concurrency = self->concurrency;
  snapshot->registry = g_object_ref (self->registry ? self->registry : zz_block_registry_get_default ());
  snapshot->input = self->input ? json_node_copy (self->input) : NULL;
  snapshot->workflow_id = g_strdup (zz_workflow_get_id (workflow));
  snapshot->user_id = g_strdup (zz_workflow_get_user_id (workflow));
  snapshot->variables = variables ? zz_json_object_deep_copy (variables) : NULL;
  snapshot->nodes = g_ptr_array_new_full (n_nodes, (GDestroyNotify) node_spec_free);
  snapshot->edges = g_ptr_array_new_full (n_edges, (GDestroyNotify) edge_spec_free);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);
      ZzNodeSpec *spec = g_new0 (ZzNodeSpec, 1);

      spec->id = g_strdup (zz_node_get_id (node));
      spec->block_type = g_strdup (zz_node_get_block_type (node));
      spec->label = g_strdup (zz_node_get_label (node));
      spec->enabled = zz_node_get_enabled (node);
      spec->config = zz_node_dup_config (node);
      g_ptr_array_add (snapshot->nodes, spec);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);
      ZzEdgeSpec *spec = g_new0 (ZzEdgeSpec, 1);

      spec->source = g_strdup (zz_edge_get_source (edge));
      spec->source_handle = g_strdup (zz_edge_get_source_handle (edge));
      spec->target = g_strdup (zz_edge_get_target (edge));
      g_ptr_array_add (snapshot->edges, spec);
    }

  return snapshot;
}

gboolean
_zz_executor_has_listener (ZzExecutor      *self,
                           ZzExecutorSignal signal)
{
  return g_signal_has_handler_pending (self, signals[signal], 0, TRUE);
}

void
_zz_executor_deliver (ZzExecutor      *self,
                      ZzExecutorSignal signal,
                      gpointer         record)
{
  if (signal == ZZ_EXECUTOR_EXECUTION_STARTED)
    {
      ZzExecution *execution = record;

      g_free (self->execution_id);
      self->execution_id = g_strdup (execution->id);
    }

  g_signal_emit (self, signals[signal], 0, record);
}

/* The object ------------------------------------------------------------ */

static void
zz_executor_finalize (GObject *object)
{
  ZzExecutor *self = ZZ_EXECUTOR (object);

  g_free (self->db_path);
  g_clear_object (&self->workflow);
  g_clear_pointer (&self->input, json_node_unref);
  g_free (self->trigger);
  g_clear_object (&self->registry);
  g_free (self->execution_id);

  G_OBJECT_CLASS (zz_executor_parent_class)->finalize (object);
}

static void
zz_executor_class_init (ZzExecutorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zz_executor_finalize;

  signals[ZZ_EXECUTOR_EXECUTION_STARTED] =
    g_signal_new ("execution-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZZ_TYPE_EXECUTION);
  signals[ZZ_EXECUTOR_NODE_CHANGED] =
    g_signal_new ("node-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZZ_TYPE_NODE_EXECUTION);
  signals[ZZ_EXECUTOR_EXECUTION_FINISHED] =
    g_signal_new ("execution-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZZ_TYPE_EXECUTION);
}

static void
zz_executor_init (ZzExecutor *self)
{
  self->concurrency = ZZ_EXECUTOR_DEFAULT_CONCURRENCY;
  self->trigger = g_strdup ("manual");
}

/**
 * zz_executor_new:
 * @db_path: the database the run is recorded in
 * @workflow: the workflow to run, as it is now (later edits do not count)
 *
 * Returns: (transfer full): a new executor, for one run
 */
ZzExecutor *
zz_executor_new (const char *db_path,
                 ZzWorkflow *workflow)
{
  ZzExecutor *self;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), NULL);

  self = g_object_new (ZZ_TYPE_EXECUTOR, NULL);
  self->db_path = g_strdup (db_path);
  self->workflow = g_object_ref (workflow);

  return self;
}

void
zz_executor_set_input (ZzExecutor *self,
                       JsonNode   *input)
{
  g_return_if_fail (ZZ_IS_EXECUTOR (self));
  g_return_if_fail (!self->started);

  g_clear_pointer (&self->input, json_node_unref);
  if (input != NULL)
    self->input = json_node_copy (input);
}

void
zz_executor_set_concurrency (ZzExecutor *self,
                             guint       concurrency)
{
  g_return_if_fail (ZZ_IS_EXECUTOR (self));
  g_return_if_fail (!self->started);

  self->concurrency = MAX (concurrency, 1);
}

void
zz_executor_set_trigger (ZzExecutor *self,
                         const char *trigger)
{
  g_return_if_fail (ZZ_IS_EXECUTOR (self));
  g_return_if_fail (trigger != NULL);
  g_return_if_fail (!self->started);

  g_free (self->trigger);
  self->trigger = g_strdup (trigger);
}

void
zz_executor_set_registry (ZzExecutor      *self,
                          ZzBlockRegistry *registry)
{
  g_return_if_fail (ZZ_IS_EXECUTOR (self));
  g_return_if_fail (!self->started);

  g_set_object (&self->registry, registry);
}

const char *
zz_executor_get_execution_id (ZzExecutor *self)
{
  g_return_val_if_fail (ZZ_IS_EXECUTOR (self), NULL);

  return self->execution_id;
}

static gboolean
check_workflow (ZzWorkflow      *workflow,
                ZzBlockRegistry *registry,
                GError         **error)
{
  /* Told as the problems list tells it, by label and field title. */
  g_autoptr(GPtrArray) problems = zz_block_registry_check_workflow (registry, workflow);
  ZzProblem *first = NULL;
  guint      n_errors = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      ZzProblem *problem = g_ptr_array_index (problems, i);

      /* Nodes of types this app cannot run fail when reached. */
      if (problem->severity != ZZ_PROBLEM_ERROR)
        continue;
      if (first == NULL)
        first = problem;
      n_errors++;
    }

  if (first == NULL)
    return TRUE;

  if (n_errors == 1)
    g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                 _("The workflow cannot run: %s"), first->message);
  else
    g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The workflow cannot run: %s (and %u more problem)",
                              "The workflow cannot run: %s (and %u more problems)", n_errors - 1),
                 first->message, n_errors - 1);

  return FALSE;
}

void
zz_executor_run_async (ZzExecutor         *self,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZZ_IS_EXECUTOR (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zz_executor_run_async);

  if (!check_workflow (self->workflow,
                       self->registry ? self->registry : zz_block_registry_get_default (),
                       &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The document belongs to this thread: the worker gets a copy. */
  g_task_set_task_data (task, snapshot_new (self), (GDestroyNotify) snapshot_free);
  /* The run reports cancellation as its own status, not as an error. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, _zz_executor_run_in_thread);
}

/**
 * zz_executor_run_finish:
 *
 * Returns: (transfer full): the execution as it ended
 */
ZzExecution *
zz_executor_run_finish (ZzExecutor   *self,
                        GAsyncResult *result,
                        GError      **error)
{
  g_return_val_if_fail (ZZ_IS_EXECUTOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sync_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/**
 * zz_executor_run_sync:
 *
 * Returns: (transfer full): the execution as it ended
 */
ZzExecution *
zz_executor_run_sync (ZzExecutor   *self,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GMainContext *context = g_main_context_get_thread_default ();

  zz_executor_run_async (self, cancellable, on_sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);

  /* Signals queued before the result are delivered first. */
  while (g_main_context_pending (context))
    g_main_context_iteration (context, FALSE);

  return zz_executor_run_finish (self, result, error);
}
