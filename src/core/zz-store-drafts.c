/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-drafts.c: WorkflowDraft, the editor's unsaved documents.
 *
 * The editor keeps edits in memory until the user saves; a draft is its
 * copy on disk, written every few seconds, so that a crash loses little.
 * One row per workflow, replaced each time; saving the workflow deletes it
 * in the same transaction (see zz_store_save_workflow()).
 */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-store-private.h"
#include "zz-time.h"

/* Drafts came with migration 4; a store opened at an older version for a
 * test has no table to keep them in. */
#define DRAFTS_VERSION 4

static gboolean
check_has_drafts (ZzStore *self,
                  GError **error)
{
  if (zz_store_get_version (self) >= DRAFTS_VERSION)
    return TRUE;

  g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_FAILED,
               _("This database (version %d) cannot keep drafts"), zz_store_get_version (self));
  return FALSE;
}

gboolean
zz_store_save_draft (ZzStore    *self,
                     const char *workflow_id,
                     const char *data,
                     GError    **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt    *stmt;
  int              rc;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!check_has_drafts (self, error))
    return FALSE;

  if (!(stmt = _zz_store_prepare (self,
                                  "INSERT INTO \"WorkflowDraft\" (\"workflowId\", \"data\", \"updatedAt\") "
                                  "VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT (\"workflowId\") DO UPDATE SET "
                                  "\"data\" = excluded.\"data\", \"updatedAt\" = excluded.\"updatedAt\"",
                                  error)))
    return FALSE;

  now = zz_time_now_iso8601 ();
  sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    _zz_store_set_error (self, rc, NULL, NULL, error);
  _zz_store_release (stmt);

  return rc == SQLITE_DONE;
}

char *
zz_store_get_draft (ZzStore    *self,
                    const char *workflow_id,
                    char      **updated_at,
                    GError    **error)
{
  g_autofree char *data = NULL;
  sqlite3_stmt    *stmt;
  int              rc;

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  if (!check_has_drafts (self, error))
    return NULL;

  if (!(stmt = _zz_store_prepare (self,
                                  "SELECT \"data\", \"updatedAt\" FROM \"WorkflowDraft\" "
                                  "WHERE \"workflowId\" = ?1",
                                  error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (updated_at != NULL)
        *updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND,
                 _("No draft of the workflow “%s”"), workflow_id);
  else
    _zz_store_set_error (self, rc, NULL, NULL, error);
  _zz_store_release (stmt);

  return g_steal_pointer (&data);
}

gboolean
zz_store_delete_draft (ZzStore    *self,
                       const char *workflow_id,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  /* Nothing to delete where drafts cannot be. */
  if (zz_store_get_version (self) < DRAFTS_VERSION)
    return TRUE;

  if (!(stmt = _zz_store_prepare (self,
                                  "DELETE FROM \"WorkflowDraft\" WHERE \"workflowId\" = ?1",
                                  error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    _zz_store_set_error (self, rc, NULL, NULL, error);
  _zz_store_release (stmt);

  return rc == SQLITE_DONE;
}
