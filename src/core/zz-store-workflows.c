/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-workflows.c: the Workflow table, read into and written from the
 * workflow document, and the list of a user's workflows.
 */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include "zz-id.h"
#include "zz-json.h"
#include "zz-store-private.h"
#include "zz-time.h"
#include "zz-workflow-summary-private.h"

#define WORKFLOW_COLUMNS                                                              \
  "\"id\", \"name\", \"description\", \"nodes\", \"edges\", \"isPublic\", \"tags\", " \
  "\"version\", \"createdAt\", \"updatedAt\", \"userId\", \"extra\""

static void
workflow_row_clear (ZzWorkflowRow *row)
{
  g_clear_pointer (&row->nodes, g_free);
  g_clear_pointer (&row->edges, g_free);
  g_clear_pointer (&row->tags, g_free);
  g_clear_pointer (&row->extra, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZzWorkflowRow, workflow_row_clear)

/* Binds the fields that insert and save both write: ?2 .. ?8. @row keeps
 * the texts until the statement is released, and for a message after. */
static void
bind_document (sqlite3_stmt  *stmt,
               ZzWorkflow    *workflow,
               ZzWorkflowRow *row)
{
  row->name = zz_workflow_get_name (workflow);
  row->description = zz_workflow_get_description (workflow);
  row->nodes = zz_workflow_dup_nodes_json (workflow);
  row->edges = zz_workflow_dup_edges_json (workflow);
  row->tags = zz_json_strv_to_string (zz_workflow_get_tags (workflow));
  row->extra = zz_workflow_dup_extra_json (workflow);

  sqlite3_bind_text (stmt, 2, row->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->nodes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->edges, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, zz_workflow_get_is_public (workflow) ? 1 : 0);
  sqlite3_bind_text (stmt, 7, row->tags, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, row->extra, -1, SQLITE_STATIC);
}

/**
 * zz_store_insert_workflow:
 *
 * Inserts @workflow in one transaction.  A missing id, user (the local
 * user), creation or update time is filled in, version 1 if it had none;
 * all are written back to @workflow.  Emits ::workflows-changed.
 */
gboolean
zz_store_insert_workflow (ZzStore    *self,
                          ZzWorkflow *workflow,
                          GError    **error)
{
  g_autofree char *id = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *now = zz_time_now_iso8601 ();
  g_auto(ZzWorkflowRow) row = { NULL };
  gint64        version;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), FALSE);

  id = g_strdup (zz_workflow_get_id (workflow));
  if (id == NULL || id[0] == '\0')
    {
      g_free (id);
      id = zz_id_new ();
    }
  user_id = g_strdup (zz_workflow_get_user_id (workflow));
  if (user_id == NULL || user_id[0] == '\0')
    {
      g_free (user_id);
      user_id = g_strdup (self->current_user_id);
    }
  created_at = g_strdup (zz_workflow_get_created_at (workflow));
  if (created_at == NULL)
    created_at = g_strdup (now);
  updated_at = g_strdup (zz_workflow_get_updated_at (workflow));
  if (updated_at == NULL)
    updated_at = g_strdup (now);
  version = MAX (zz_workflow_get_version (workflow), 1);

  if (!(stmt = _zz_store_prepare (self,
                                  "INSERT INTO \"Workflow\" (" WORKFLOW_COLUMNS ") "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, ?10, ?11, ?12, ?8)",
                                  error)))
    return FALSE;

  row.id = id;
  row.created_at = created_at;
  row.updated_at = updated_at;
  row.user_id = user_id;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  bind_document (stmt, workflow, &row);
  sqlite3_bind_int64 (stmt, 9, version);
  sqlite3_bind_text (stmt, 10, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, user_id, -1, SQLITE_STATIC);

  /* One statement is one transaction. */
  rc = sqlite3_step (stmt);
  _zz_store_release (stmt);

  if (rc != SQLITE_DONE)
    return _zz_store_set_error (self, rc, &_zz_model_workflow, &row, error);

  zz_workflow_set_id (workflow, id);
  zz_workflow_set_user_id (workflow, user_id);
  zz_workflow_set_created_at (workflow, created_at);
  zz_workflow_set_updated_at (workflow, updated_at);
  zz_workflow_set_version (workflow, version);

  _zz_store_emit_workflows_changed (self);

  return TRUE;
}

/**
 * zz_store_save_workflow:
 *
 * Writes every field of @workflow over its row in one statement (so a
 * crash leaves either the old or the new version), increments the version
 * and sets updatedAt; writes both back to @workflow.  Emits
 * ::workflows-changed.
 */
gboolean
zz_store_save_workflow (ZzStore    *self,
                        ZzWorkflow *workflow,
                        GError    **error)
{
  g_autofree char *now = zz_time_now_iso8601 ();
  g_auto(ZzWorkflowRow) row = { NULL };
  const char   *id;
  sqlite3_stmt *stmt;
  gint64        version = 0;
  int           rc;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), FALSE);

  id = zz_workflow_get_id (workflow);
  if (id == NULL)
    {
      _zz_store_set_not_found (&_zz_model_workflow, "id", "", error);
      return FALSE;
    }

  if (!(stmt = _zz_store_prepare (self,
                                  "UPDATE \"Workflow\" SET \"name\" = ?2, \"description\" = ?3, "
                                  "\"nodes\" = ?4, \"edges\" = ?5, \"isPublic\" = ?6, \"tags\" = ?7, "
                                  "\"extra\" = ?8, \"version\" = \"version\" + 1, \"updatedAt\" = ?9 "
                                  "WHERE \"id\" = ?1 RETURNING \"version\"",
                                  error)))
    return FALSE;

  if (!_zz_store_begin (self, TRUE, error))
    return FALSE;

  row.id = id;
  row.updated_at = now;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  bind_document (stmt, workflow, &row);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      version = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      _zz_store_set_error (self, rc, &_zz_model_workflow, &row, error);
      _zz_store_release (stmt);
      _zz_store_rollback (self);
      return FALSE;
    }
  _zz_store_release (stmt);

  if (version == 0)
    {
      _zz_store_set_not_found (&_zz_model_workflow, "id", id, error);
      _zz_store_rollback (self);
      return FALSE;
    }

  /* What is saved needs no draft; in the same transaction, so that a crash
   * leaves either the draft or the saved version, never neither. */
  if (!zz_store_delete_draft (self, id, error))
    {
      _zz_store_rollback (self);
      return FALSE;
    }

  if (!_zz_store_commit (self, error))
    return FALSE;

  zz_workflow_set_version (workflow, version);
  zz_workflow_set_updated_at (workflow, now);

  _zz_store_emit_workflows_changed (self);

  return TRUE;
}

/**
 * zz_store_get_workflow:
 *
 * Returns: (transfer full): a new document read from the row
 */
ZzWorkflow *
zz_store_get_workflow (ZzStore    *self,
                       const char *id,
                       GError    **error)
{
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_auto(GStrv) tags = NULL;
  sqlite3_stmt *stmt;
  gboolean      loaded;
  int           rc;

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(stmt = _zz_store_prepare (self,
                                  "SELECT " WORKFLOW_COLUMNS " FROM \"Workflow\" WHERE \"id\" = ?1",
                                  error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _zz_store_set_not_found (&_zz_model_workflow, "id", id, error);
      else
        _zz_store_set_error (self, rc, &_zz_model_workflow, NULL, error);
      _zz_store_release (stmt);
      return NULL;
    }

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, i))
  workflow = zz_workflow_new (TEXT (1));
  zz_workflow_set_id (workflow, TEXT (0));
  zz_workflow_set_description (workflow, TEXT (2));
  zz_workflow_set_is_public (workflow, sqlite3_column_int (stmt, 5) != 0);
  tags = zz_json_strv_from_string (TEXT (6));
  zz_workflow_set_tags (workflow, (const char *const *) tags);
  zz_workflow_set_version (workflow, sqlite3_column_int64 (stmt, 7));
  zz_workflow_set_created_at (workflow, TEXT (8));
  zz_workflow_set_updated_at (workflow, TEXT (9));
  zz_workflow_set_user_id (workflow, TEXT (10));
  loaded = zz_workflow_load_columns (workflow, TEXT (3), TEXT (4), TEXT (11), error);
#undef TEXT

  _zz_store_release (stmt);

  if (!loaded)
    return NULL;

  return g_steal_pointer (&workflow);
}

/**
 * zz_store_delete_workflow:
 *
 * Deletes the workflow with its executions and their node executions.
 * Emits ::workflows-changed.
 */
gboolean
zz_store_delete_workflow (ZzStore    *self,
                          const char *id,
                          GError    **error)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);

  if (!_zz_store_model_delete (self, &_zz_model_workflow, id, error))
    return FALSE;

  _zz_store_emit_workflows_changed (self);

  return TRUE;
}

/**
 * zz_store_list_workflows:
 *
 * The common query "a user's workflows with their 5 latest executions", in
 * one statement: each workflow row comes once per recent execution (once
 * with NULLs if it never ran).
 *
 * Returns: (transfer full): a #GListStore of #ZzWorkflowSummary, newest
 *   updated first
 */
GListModel *
zz_store_list_workflows (ZzStore    *self,
                         const char *user_id,
                         GError    **error)
{
  static char *sql;
  g_autoptr(GListStore) list = NULL;
  ZzWorkflowSummary *current = NULL;
  sqlite3_stmt      *stmt;
  int                rc;

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  if (g_once_init_enter (&sql))
    {
      g_autofree char *execution_columns = _zz_model_column_list (&_zz_model_execution, "e");

      g_once_init_leave (&sql, g_strdup_printf (
                                 "SELECT w.\"id\", w.\"name\", w.\"description\", w.\"tags\", w.\"isPublic\", "
                                 "w.\"version\", json_array_length (w.\"nodes\"), w.\"userId\", w.\"createdAt\", "
                                 "w.\"updatedAt\", %s "
                                 "FROM \"Workflow\" w "
                                 "LEFT JOIN \"WorkflowExecution\" e ON e.\"id\" IN ("
                                 "  SELECT \"id\" FROM \"WorkflowExecution\" WHERE \"workflowId\" = w.\"id\" "
                                 "  ORDER BY \"createdAt\" DESC, rowid DESC LIMIT 5) "
                                 "WHERE w.\"userId\" = ?1 "
                                 "ORDER BY w.\"updatedAt\" DESC, w.\"id\", e.\"createdAt\" DESC, e.rowid DESC",
                                 execution_columns));
    }

  if (!(stmt = _zz_store_prepare (self, sql, error)))
    return NULL;

  list = g_list_store_new (ZZ_TYPE_WORKFLOW_SUMMARY);
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (current == NULL || g_strcmp0 (zz_workflow_summary_get_id (current), id) != 0)
        {
          g_autoptr(ZzWorkflowSummary) summary = NULL;

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, i))
          summary = _zz_workflow_summary_new_from_row (id, TEXT (1), TEXT (2),
                                                       zz_json_strv_from_string (TEXT (3)),
                                                       sqlite3_column_int (stmt, 4) != 0,
                                                       sqlite3_column_int64 (stmt, 5),
                                                       sqlite3_column_int (stmt, 6),
                                                       TEXT (7), TEXT (8), TEXT (9));
#undef TEXT
          g_list_store_append (list, summary);
          current = summary;
        }

      if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
        _zz_workflow_summary_add_execution (current,
                                            _zz_store_model_read_row (&_zz_model_execution, stmt, 10));
    }

  _zz_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _zz_store_set_error (self, rc, &_zz_model_workflow, NULL, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}
