/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-run-manager.c: the runs going on in the app, one per workflow */
#define G_LOG_DOMAIN "zz-run-manager"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-executor.h"
#include "zz-run-manager.h"

typedef struct
{
  ZzRunManager     *manager; /* unowned: the manager outlives its runs' callbacks via a ref */
  char             *workflow_id;
  ZzExecutor       *executor;
  GSignalGroup     *executor_signals;
  GCancellable     *cancellable;
  ZzExecutionModel *model;
} Run;

struct _ZzRunManager
{
  GObject parent_instance;

  char       *db_path;
  GHashTable *running; /* workflow id -> Run */
  GHashTable *models;  /* workflow id -> ZzExecutionModel of the last run */
};

G_DEFINE_FINAL_TYPE (ZzRunManager, zz_run_manager, G_TYPE_OBJECT)

enum
{
  RUN_STARTED,
  RUN_FINISHED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
run_free (Run *run)
{
  g_clear_object (&run->executor_signals);
  g_clear_object (&run->executor);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->model);
  g_free (run->workflow_id);
  g_free (run);
}

static void
on_execution_started_cb (ZzExecutor  *executor,
                         ZzExecution *execution,
                         Run         *run)
{
  zz_execution_model_set_execution (run->model, execution);
}

static void
on_node_changed_cb (ZzExecutor      *executor,
                    ZzNodeExecution *row,
                    Run             *run)
{
  zz_execution_model_update_node (run->model, row);
}

static void
on_execution_finished_cb (ZzExecutor  *executor,
                          ZzExecution *execution,
                          Run         *run)
{
  zz_execution_model_set_execution (run->model, execution);
}

static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(ZzRunManager) self = run->manager;
  g_autoptr(ZzExecutionModel) model = g_object_ref (run->model);
  g_autofree char *workflow_id = g_strdup (run->workflow_id);
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(GError) error = NULL;

  execution = zz_executor_run_finish (ZZ_EXECUTOR (object), result, &error);
  if (execution != NULL)
    zz_execution_model_set_execution (model, execution);
  zz_execution_model_set_live (model, FALSE);

  /* The manager may be disposed while a run was still going. */
  if (self->running != NULL)
    g_hash_table_remove (self->running, workflow_id);
  else
    run_free (run);

  g_signal_emit (self, signals[RUN_FINISHED], 0, workflow_id, model,
                 error ? error->message : NULL);
}

static void
zz_run_manager_dispose (GObject *object)
{
  ZzRunManager *self = ZZ_RUN_MANAGER (object);

  /* Runs hold a reference on the manager, so none is left here; still,
   * cancel anything a caller leaked. */
  if (self->running != NULL)
    {
      GHashTableIter iter;
      Run           *run;

      g_hash_table_iter_init (&iter, self->running);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &run))
        g_cancellable_cancel (run->cancellable);
    }

  G_OBJECT_CLASS (zz_run_manager_parent_class)->dispose (object);
}

static void
zz_run_manager_finalize (GObject *object)
{
  ZzRunManager *self = ZZ_RUN_MANAGER (object);

  g_clear_pointer (&self->running, g_hash_table_unref);
  g_clear_pointer (&self->models, g_hash_table_unref);
  g_free (self->db_path);

  G_OBJECT_CLASS (zz_run_manager_parent_class)->finalize (object);
}

static void
zz_run_manager_class_init (ZzRunManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zz_run_manager_dispose;
  object_class->finalize = zz_run_manager_finalize;

  signals[RUN_STARTED] =
    g_signal_new ("run-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING, ZZ_TYPE_EXECUTION_MODEL);
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, ZZ_TYPE_EXECUTION_MODEL, G_TYPE_STRING);
}

static void
zz_run_manager_init (ZzRunManager *self)
{
  self->running = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) run_free);
  self->models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

ZzRunManager *
zz_run_manager_new (const char *db_path)
{
  ZzRunManager *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (ZZ_TYPE_RUN_MANAGER, NULL);
  self->db_path = g_strdup (db_path);
  return self;
}

gboolean
zz_run_manager_start (ZzRunManager *self,
                      ZzWorkflow   *workflow,
                      JsonNode     *input,
                      const char   *trigger,
                      GError      **error)
{
  const char *workflow_id;
  Run        *run;

  g_return_val_if_fail (ZZ_IS_RUN_MANAGER (self), FALSE);
  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), FALSE);

  workflow_id = zz_workflow_get_id (workflow);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (g_hash_table_contains (self->running, workflow_id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is already running"), zz_workflow_get_name (workflow));
      return FALSE;
    }

  run = g_new0 (Run, 1);
  run->manager = self;
  run->workflow_id = g_strdup (workflow_id);
  run->executor = zz_executor_new (self->db_path, workflow);
  run->cancellable = g_cancellable_new ();
  run->model = zz_execution_model_new (workflow);
  if (input != NULL)
    zz_executor_set_input (run->executor, input);
  if (trigger != NULL)
    zz_executor_set_trigger (run->executor, trigger);

  /* The executor may outlive its run (its worker drops it last): the
   * group is the run's and takes the handlers with it. */
  run->executor_signals = g_signal_group_new (ZZ_TYPE_EXECUTOR);
  g_signal_group_connect (run->executor_signals, "execution-started", G_CALLBACK (on_execution_started_cb), run);
  g_signal_group_connect (run->executor_signals, "node-changed", G_CALLBACK (on_node_changed_cb), run);
  g_signal_group_connect (run->executor_signals, "execution-finished", G_CALLBACK (on_execution_finished_cb), run);
  g_signal_group_set_target (run->executor_signals, run->executor);

  zz_execution_model_set_live (run->model, TRUE);
  g_hash_table_insert (self->running, run->workflow_id, run);
  g_hash_table_replace (self->models, g_strdup (workflow_id), g_object_ref (run->model));

  /* Each run keeps the manager alive until its callback. */
  g_object_ref (self);
  zz_executor_run_async (run->executor, run->cancellable, on_run_done_cb, run);

  g_signal_emit (self, signals[RUN_STARTED], 0, workflow_id, run->model);
  return TRUE;
}

void
zz_run_manager_stop (ZzRunManager *self,
                     const char   *workflow_id)
{
  Run *run;

  g_return_if_fail (ZZ_IS_RUN_MANAGER (self));

  if (workflow_id != NULL && (run = g_hash_table_lookup (self->running, workflow_id)) != NULL)
    g_cancellable_cancel (run->cancellable);
}

gboolean
zz_run_manager_is_running (ZzRunManager *self,
                           const char   *workflow_id)
{
  g_return_val_if_fail (ZZ_IS_RUN_MANAGER (self), FALSE);

  return workflow_id != NULL && g_hash_table_contains (self->running, workflow_id);
}

void
zz_run_manager_stop_all (ZzRunManager *self)
{
  GHashTableIter iter;
  Run           *run;

  g_return_if_fail (ZZ_IS_RUN_MANAGER (self));

  g_hash_table_iter_init (&iter, self->running);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &run))
    g_cancellable_cancel (run->cancellable);
}

guint
zz_run_manager_get_n_running (ZzRunManager *self)
{
  g_return_val_if_fail (ZZ_IS_RUN_MANAGER (self), 0);

  return g_hash_table_size (self->running);
}

ZzExecutionModel *
zz_run_manager_get_model (ZzRunManager *self,
                          const char   *workflow_id)
{
  g_return_val_if_fail (ZZ_IS_RUN_MANAGER (self), NULL);

  return workflow_id ? g_hash_table_lookup (self->models, workflow_id) : NULL;
}
