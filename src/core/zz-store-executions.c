/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-executions.c: WorkflowExecution and NodeExecution. */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "zz-process.h"
#include "zz-store-private.h"
#include "zz-time.h"

ZZ_STORE_DEFINE_CRUD (ZzExecution, execution)
ZZ_STORE_DEFINE_CRUD (ZzNodeExecution, node_execution)

/**
 * zz_store_get_execution_with_nodes:
 * @workflow: (out) (optional) (transfer full): the execution's workflow
 * @node_executions: (out) (optional) (transfer full) (element-type ZzNodeExecution):
 *   its node executions in start order
 *
 * The common query "execution with node details", read in one transaction
 * so that the three parts agree with each other.
 */
ZzExecution *
zz_store_get_execution_with_nodes (ZzStore     *self,
                                   const char  *execution_id,
                                   ZzWorkflow **workflow,
                                   GPtrArray  **node_executions,
                                   GError     **error)
{
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(ZzWorkflow) the_workflow = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  const char *args[] = { execution_id, NULL };

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (execution_id != NULL, NULL);

  if (!_zz_store_begin (self, FALSE, error))
    return NULL;

  if (!(execution = _zz_store_model_get (self, &_zz_model_execution, execution_id, error)))
    goto failed;

  if (workflow != NULL &&
      !(the_workflow = zz_store_get_workflow (self, execution->workflow_id, error)))
    goto failed;

  if (node_executions != NULL &&
      !(nodes = _zz_store_model_list (self, &_zz_model_node_execution,
                                      "WHERE \"executionId\" = ?1 ORDER BY \"startedAt\", rowid",
                                      args, error)))
    goto failed;

  if (!_zz_store_commit (self, error))
    return NULL;

  if (workflow != NULL)
    *workflow = g_steal_pointer (&the_workflow);
  if (node_executions != NULL)
    *node_executions = g_steal_pointer (&nodes);

  return g_steal_pointer (&execution);

failed:
  _zz_store_rollback (self);
  return NULL;
}

/* (transfer full) (element-type ZzExecution): newest first */
GPtrArray *
zz_store_list_executions (ZzStore    *self,
                          const char *workflow_id,
                          GError    **error)
{
  const char *args[] = { workflow_id, NULL };

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  return _zz_store_model_list (self, &_zz_model_execution,
                               "WHERE \"workflowId\" = ?1 ORDER BY \"createdAt\" DESC, rowid DESC",
                               args, error);
}

/**
 * zz_store_insert_node_executions:
 * @node_executions: (element-type ZzNodeExecution): rows; ids and times
 *   that are %NULL are filled in and written back, one time for all
 *
 * Inserts every row in one transaction with one prepared statement: all
 * of them or, on error, none.
 */
/* Inserts @rows of @model in one transaction with one prepared statement:
 * all of them or, on error, none. */
static gboolean
insert_rows (ZzStore       *self,
             const ZzModel *model,
             GPtrArray     *rows,
             GError       **error)
{
  g_autofree char *now = zz_time_now_iso8601 ();
  sqlite3_stmt    *stmt;

  if (!(stmt = _zz_store_prepare (self, model->insert_sql, error)) ||
      !_zz_store_begin (self, TRUE, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      if (!_zz_store_model_insert_prepared (self, model, stmt, g_ptr_array_index (rows, i), now, error))
        {
          _zz_store_rollback (self);
          return FALSE;
        }
    }

  return _zz_store_commit (self, error);
}

gboolean
zz_store_insert_node_executions (ZzStore   *self,
                                 GPtrArray *node_executions,
                                 GError   **error)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (node_executions != NULL, FALSE);

  return insert_rows (self, &_zz_model_node_execution, node_executions, error);
}

/**
 * zz_store_insert_executions:
 * @executions: (element-type ZzExecution): rows; ids and times that are
 *   %NULL are filled in and written back
 *
 * Inserts every row in one transaction, as a sync or a benchmark brings
 * many at once. No quota is counted: these are records of runs, not runs.
 */
gboolean
zz_store_insert_executions (ZzStore   *self,
                            GPtrArray *executions,
                            GError   **error)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (executions != NULL, FALSE);

  return insert_rows (self, &_zz_model_execution, executions, error);
}

/* Counts a run in the profile of @user_id, inside the caller's transaction. */
static gboolean
count_execution (ZzStore    *self,
                 const char *user_id,
                 const char *now,
                 GError    **error)
{
  g_autofree char *month = g_strndup (now, 7); /* "2026-11" */
  g_autofree char *tier = NULL;
  g_autofree char *counted_month = NULL;
  gint64           quota, count;
  sqlite3_stmt    *stmt;
  int              rc;

  if (!(stmt = _zz_store_prepare (self,
                                  "SELECT \"monthlyExecutionQuota\", \"monthlyExecutionCount\", "
                                  "\"executionCountMonth\", \"subscriptionTier\" "
                                  "FROM \"Profile\" WHERE \"userId\" = ?1",
                                  error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      /* A user without a profile is not metered. */
      _zz_store_release (stmt);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      _zz_store_set_error (self, rc, NULL, NULL, error);
      _zz_store_release (stmt);
      return FALSE;
    }

  quota = sqlite3_column_int64 (stmt, 0);
  count = sqlite3_column_int64 (stmt, 1);
  counted_month = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  tier = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  _zz_store_release (stmt);

  if (g_strcmp0 (counted_month, month) != 0)
    count = 0;

  if (quota >= 0 && count >= quota)
    {
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_QUOTA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The monthly limit of %" G_GINT64_FORMAT " run on the “%s” plan is reached; it starts again next month",
                                "The monthly limit of %" G_GINT64_FORMAT " runs on the “%s” plan is reached; it starts again next month",
                                quota),
                   quota, tier ? tier : "free");
      return FALSE;
    }

  if (!(stmt = _zz_store_prepare (self,
                                  "UPDATE \"Profile\" SET \"monthlyExecutionCount\" = ?1, "
                                  "\"executionCountMonth\" = ?2, \"updatedAt\" = ?3 WHERE \"userId\" = ?4",
                                  error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, count + 1);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, user_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    _zz_store_set_error (self, rc, NULL, NULL, error);
  _zz_store_release (stmt);

  return rc == SQLITE_DONE;
}

gboolean
zz_store_begin_execution (ZzStore     *self,
                          ZzExecution *execution,
                          GPtrArray   *node_executions,
                          GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (execution != NULL, FALSE);
  g_return_val_if_fail (execution->user_id != NULL, FALSE);

  now = zz_time_now_iso8601 ();

  g_free (execution->owner_host);
  execution->owner_host = g_strdup (g_get_host_name ());
  execution->has_owner_pid = TRUE;
  execution->owner_pid = getpid ();
  g_free (execution->owner_start_time);
  execution->owner_start_time = zz_process_dup_identity (getpid ());

  if (!_zz_store_begin (self, TRUE, error))
    return FALSE;

  if (!count_execution (self, execution->user_id, now, error) ||
      !_zz_store_model_insert (self, &_zz_model_execution, execution, now, error) ||
      !(stmt = _zz_store_prepare (self, _zz_model_node_execution.insert_sql, error)))
    goto failed;

  for (guint i = 0; node_executions != NULL && i < node_executions->len; i++)
    {
      ZzNodeExecution *row = g_ptr_array_index (node_executions, i);

      g_free (row->execution_id);
      row->execution_id = g_strdup (execution->id);
      if (!_zz_store_model_insert_prepared (self, &_zz_model_node_execution, stmt, row, now, error))
        goto failed;
    }

  return _zz_store_commit (self, error);

failed:
  _zz_store_rollback (self);
  return FALSE;
}

static gboolean
run_update (ZzStore    *self,
            const char *sql,
            const char *id,
            const char *now,
            const char *text,
            GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  if (!(stmt = _zz_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    _zz_store_set_error (self, rc, NULL, NULL, error);
  _zz_store_release (stmt);

  return rc == SQLITE_DONE;
}

/* Fails execution @id and its running nodes with @reason, and skips its
 * pending nodes with @not_run, inside the caller's transaction. Only rows
 * still running or pending change: what completed is kept as it is. */
static gboolean
fail_execution (ZzStore    *self,
                const char *id,
                const char *now,
                const char *reason,
                const char *not_run,
                GError    **error)
{
  return run_update (self,
                     "UPDATE \"WorkflowExecution\" SET \"status\" = 'failed', \"error\" = ?3, "
                     "\"finishedAt\" = ?2, \"updatedAt\" = ?2 WHERE \"id\" = ?1 AND \"status\" = 'running'",
                     id, now, reason, error) &&
         run_update (self,
                     "UPDATE \"NodeExecution\" SET \"status\" = 'failed', \"error\" = ?3, "
                     "\"completedAt\" = ?2, \"updatedAt\" = ?2 "
                     "WHERE \"executionId\" = ?1 AND \"status\" = 'running'",
                     id, now, reason, error) &&
         run_update (self,
                     "UPDATE \"NodeExecution\" SET \"status\" = 'skipped', \"error\" = ?3, \"updatedAt\" = ?2 "
                     "WHERE \"executionId\" = ?1 AND \"status\" = 'pending'",
                     id, now, not_run, error);
}

static char *
dup_not_run (const char *reason)
{
  /* Translators: %s says why the run stopped */
  return g_strdup_printf (_("Not run: %s"), reason);
}

gboolean
zz_store_fail_execution (ZzStore    *self,
                         const char *execution_id,
                         const char *reason,
                         GError    **error)
{
  g_autofree char *now = NULL;
  g_autofree char *not_run = NULL;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (execution_id != NULL, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  now = zz_time_now_iso8601 ();
  not_run = dup_not_run (reason);

  if (!_zz_store_begin (self, TRUE, error))
    return FALSE;

  if (!fail_execution (self, execution_id, now, reason, not_run, error))
    {
      _zz_store_rollback (self);
      return FALSE;
    }

  if (!_zz_store_commit (self, error))
    return FALSE;

  zz_store_forget_execution_note (self, execution_id);

  return TRUE;
}

int
zz_store_recover_interrupted (ZzStore *self,
                              GError **error)
{
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) running_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) running = NULL;
  g_autofree char *now = NULL;
  const char      *args[] = { NULL };
  GHashTableIter   iter;
  gpointer         id, value;
  int              n = 0;

  g_return_val_if_fail (ZZ_IS_STORE (self), -1);

  /* The notes first: a note is written only while its execution runs, so
   * the run of any note read here is in the list below if it still runs. */
  notes = _zz_store_read_notes (self);

  if (!(running = _zz_store_model_list (self, &_zz_model_execution,
                                        "WHERE \"status\" = 'running'", args, error)))
    return -1;

  if (running->len == 0 && g_hash_table_size (notes) == 0)
    return 0;

  now = zz_time_now_iso8601 ();

  if (!_zz_store_begin (self, TRUE, error))
    return -1;

  for (guint i = 0; i < running->len; i++)
    {
      ZzExecution     *execution = g_ptr_array_index (running, i);
      ZzStoreNote     *note = g_hash_table_lookup (notes, execution->id);
      g_autofree char *not_run = NULL;

      g_hash_table_add (running_ids, execution->id);

      /* A live owner may still record the end itself, unless its note
       * says it will not. */
      if (!(note != NULL && note->ended) &&
          zz_process_is_running (execution->owner_host,
                                 execution->has_owner_pid ? execution->owner_pid : 0,
                                 execution->owner_start_time))
        {
          g_hash_table_remove (notes, execution->id);
          continue;
        }

      not_run = note ? dup_not_run (note->reason) : g_strdup ("Not run: the run was interrupted");
      if (!fail_execution (self, execution->id, now, note ? note->reason : "interrupted", not_run, error))
        goto failed;
      n++;
    }

  /* A note of a run that is no longer running: its end was recorded,
   * perhaps not its nodes' (a full disk took those writes). */
  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      ZzStoreNote     *note = value;
      g_autofree char *not_run = dup_not_run (note->reason);

      if (!g_hash_table_contains (running_ids, id) &&
          !fail_execution (self, id, now, note->reason, not_run, error))
        goto failed;
    }

  if (!_zz_store_commit (self, error))
    return -1;

  /* Once the rows say it, the notes go. */
  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    zz_store_forget_execution_note (self, id);

  return n;

failed:
  _zz_store_rollback (self);
  return -1;
}

/* A node's progress changes these columns only: not setting nodeId and
 * executionId spares SQLite the foreign-key check of every row. */
#define UPDATE_NODE_PROGRESS_SQL                                            \
  "UPDATE \"NodeExecution\" SET \"status\" = ?2, \"startedAt\" = ?3, "      \
  "\"completedAt\" = ?4, \"output\" = ?5, \"error\" = ?6, \"input\" = ?7, " \
  "\"config\" = ?8, \"attempts\" = ?9, \"updatedAt\" = ?10 WHERE \"id\" = ?1"

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
zz_store_update_node_executions (ZzStore   *self,
                                 GPtrArray *node_executions,
                                 GError   **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (node_executions != NULL, FALSE);

  now = zz_time_now_iso8601 ();

  if (!(stmt = _zz_store_prepare (self, UPDATE_NODE_PROGRESS_SQL, error)) ||
      !_zz_store_begin (self, TRUE, error))
    return FALSE;

  for (guint i = 0; i < node_executions->len; i++)
    {
      ZzNodeExecution *row = g_ptr_array_index (node_executions, i);
      int              rc;

      g_free (row->updated_at);
      row->updated_at = g_strdup (now);

      sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, zz_run_status_to_string (row->status), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, row->started_at, -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 4, row->completed_at);
      bind_text_or_null (stmt, 5, row->output);
      bind_text_or_null (stmt, 6, row->error);
      bind_text_or_null (stmt, 7, row->input);
      bind_text_or_null (stmt, 8, row->config);
      sqlite3_bind_int64 (stmt, 9, row->attempts);
      sqlite3_bind_text (stmt, 10, row->updated_at, -1, SQLITE_STATIC);

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        _zz_store_set_error (self, rc, &_zz_model_node_execution, row, error);
      _zz_store_release (stmt);

      if (rc != SQLITE_DONE)
        {
          _zz_store_rollback (self);
          return FALSE;
        }

      if (sqlite3_changes (self->db) == 0)
        {
          _zz_store_set_not_found (&_zz_model_node_execution, "id", row->id, error);
          _zz_store_rollback (self);
          return FALSE;
        }
    }

  return _zz_store_commit (self, error);
}
