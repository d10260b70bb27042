/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zz-records.h"
#include "zz-workflow.h"
#include "zz-workflow-summary.h"

G_BEGIN_DECLS

#define ZZ_STORE_ERROR (zz_store_error_quark ())

typedef enum
{
  ZZ_STORE_ERROR_OPEN,        /* the file cannot be opened or created */
  ZZ_STORE_ERROR_TOO_NEW,     /* made by a newer Zzyra: refused, left as it is */
  ZZ_STORE_ERROR_MIGRATION,   /* a migration failed; the database is unchanged */
  ZZ_STORE_ERROR_NOT_FOUND,   /* no row with that id */
  ZZ_STORE_ERROR_CONSTRAINT,  /* unique, CHECK or foreign key refused the value */
  ZZ_STORE_ERROR_FULL,        /* the disk is full */
  ZZ_STORE_ERROR_BUSY,        /* another process held the lock too long */
  ZZ_STORE_ERROR_CORRUPT,     /* not a Zzyra database, or damaged */
  ZZ_STORE_ERROR_FAILED,
  ZZ_STORE_ERROR_QUOTA,       /* the profile's monthly execution quota is used up */
} ZzStoreError;

GQuark zz_store_error_quark (void);

#define ZZ_TYPE_STORE (zz_store_get_type ())

G_DECLARE_FINAL_TYPE (ZzStore, zz_store, ZZ, STORE, GObject)

/* Opening ---------------------------------------------------------------- */

char       *zz_store_dup_default_path        (void);
int         zz_store_get_latest_version      (void);
ZzStore    *zz_store_open                    (const char  *path,
                                              GError     **error);
const char *zz_store_get_path                (ZzStore     *self);
int         zz_store_get_version             (ZzStore     *self);
const char *zz_store_get_current_user_id     (ZzStore     *self);

/* Every model: insert fills id and timestamps when %NULL and writes them back
 * into the record; update sets updatedAt; get and delete fail with
 * %ZZ_STORE_ERROR_NOT_FOUND for an unknown id. Each call is one statement or
 * one transaction.
 */
#define ZZ_STORE_DECLARE_CRUD(TypeName, name)                                 \
  gboolean  zz_store_insert_##name (ZzStore *self, TypeName *record, GError **error); \
  gboolean  zz_store_update_##name (ZzStore *self, TypeName *record, GError **error); \
  TypeName *zz_store_get_##name    (ZzStore *self, const char *id, GError **error);   \
  gboolean  zz_store_delete_##name (ZzStore *self, const char *id, GError **error);

ZZ_STORE_DECLARE_CRUD (ZzUser, user)
ZZ_STORE_DECLARE_CRUD (ZzProfile, profile)
ZZ_STORE_DECLARE_CRUD (ZzExecution, execution)
ZZ_STORE_DECLARE_CRUD (ZzNodeExecution, node_execution)
ZZ_STORE_DECLARE_CRUD (ZzBlockLibraryEntry, block_library_entry)
ZZ_STORE_DECLARE_CRUD (ZzCustomBlock, custom_block)
ZZ_STORE_DECLARE_CRUD (ZzSession, session)
ZZ_STORE_DECLARE_CRUD (ZzNotification, notification)
ZZ_STORE_DECLARE_CRUD (ZzTeam, team)
ZZ_STORE_DECLARE_CRUD (ZzTeamMember, team_member)
ZZ_STORE_DECLARE_CRUD (ZzPricingTier, pricing_tier)
ZZ_STORE_DECLARE_CRUD (ZzSubscription, subscription)
ZZ_STORE_DECLARE_CRUD (ZzBlockchainTransaction, blockchain_transaction)

/* Users ------------------------------------------------------------------ */

/* Common query "user with profile": one statement. *profile is %NULL if the
 * user has none. */
ZzUser     *zz_store_get_user_with_profile   (ZzStore     *self,
                                              const char  *user_id,
                                              ZzProfile  **profile,
                                              GError     **error);
ZzUser     *zz_store_get_user_by_email       (ZzStore     *self,
                                              const char  *email,
                                              GError     **error);
ZzSession  *zz_store_get_session_by_token    (ZzStore     *self,
                                              const char  *token,
                                              GError     **error);

/* Workflows -------------------------------------------------------------- */

/* Inserts @workflow (id, user, timestamps and version 1 set if unset) with
 * its nodes and edges, in one transaction. */
gboolean    zz_store_insert_workflow         (ZzStore     *self,
                                              ZzWorkflow  *workflow,
                                              GError     **error);
/* Saves every field of @workflow, increments its version, sets updatedAt and
 * deletes its draft, in one transaction; writes the new version and time
 * back to @workflow. */
gboolean    zz_store_save_workflow           (ZzStore     *self,
                                              ZzWorkflow  *workflow,
                                              GError     **error);
ZzWorkflow *zz_store_get_workflow            (ZzStore     *self,
                                              const char  *id,
                                              GError     **error);
gboolean    zz_store_delete_workflow         (ZzStore     *self,
                                              const char  *id,
                                              GError     **error);
/* Common query "a user's workflows with their 5 latest executions": one
 * statement. Newest updated first. (transfer full) (element-type ZzWorkflowSummary) */
GListModel *zz_store_list_workflows          (ZzStore     *self,
                                              const char  *user_id,
                                              GError     **error);

/* Drafts ----------------------------------------------------------------- */

/* The editor's unsaved copy of a workflow (Zzyra JSON), at most one per
 * workflow: saving replaces it, zz_store_save_workflow() and deleting the
 * workflow delete it. An unknown workflow is %ZZ_STORE_ERROR_CONSTRAINT. */
gboolean    zz_store_save_draft              (ZzStore     *self,
                                              const char  *workflow_id,
                                              const char  *data,
                                              GError     **error);
/* (transfer full): the draft's data, and when it was written in
 * @updated_at (optional, ISO 8601); %ZZ_STORE_ERROR_NOT_FOUND if none. */
char       *zz_store_get_draft               (ZzStore     *self,
                                              const char  *workflow_id,
                                              char       **updated_at,
                                              GError     **error);
/* Deleting a draft that is not there succeeds. */
gboolean    zz_store_delete_draft            (ZzStore     *self,
                                              const char  *workflow_id,
                                              GError     **error);

/* Executions ------------------------------------------------------------- */

/* Common query "execution with node details": the execution, its workflow and
 * its node executions in start order, read in one transaction. */
ZzExecution *zz_store_get_execution_with_nodes (ZzStore     *self,
                                                const char  *execution_id,
                                                ZzWorkflow **workflow,
                                                GPtrArray  **node_executions,
                                                GError     **error);
/* Newest first. (transfer full) (element-type ZzExecution) */
GPtrArray  *zz_store_list_executions         (ZzStore     *self,
                                              const char  *workflow_id,
                                              GError     **error);
/* Starts a run, in one transaction: counts it in the profile of its user
 * (refused with %ZZ_STORE_ERROR_QUOTA when the month's quota is used up; the
 * count restarts when a month begins), records this process as its owner,
 * and inserts @execution and its @node_executions (their executionId set). */
gboolean    zz_store_begin_execution         (ZzStore     *self,
                                              ZzExecution *execution,
                                              GPtrArray   *node_executions,
                                              GError     **error);
/* Updates every row of @node_executions in one transaction (the executor's
 * group commit). */
gboolean    zz_store_update_node_executions  (ZzStore     *self,
                                              GPtrArray   *node_executions,
                                              GError     **error);
/* Marks executions left running by a process that is gone as failed
 * ("interrupted", or the reason its note gives), with their running nodes;
 * pending nodes become skipped. So are those whose note says their process
 * ended them. Called by zz_store_open(). Returns how many were marked, or
 * -1. */
int         zz_store_recover_interrupted     (ZzStore     *self,
                                              GError     **error);
/* Ends a run whose own record could not be written, in one transaction:
 * its running nodes fail with @reason, its pending nodes are skipped, and
 * the execution, if still running, fails with @reason. Then forgets the
 * execution's note. */
gboolean    zz_store_fail_execution          (ZzStore     *self,
                                              const char  *execution_id,
                                              const char  *reason,
                                              GError     **error);
/* For when the database cannot take a run's end (the disk is full): keeps
 * why it stopped in a file beside it, preallocated at open, for the next
 * open to record (zz-store-notes.c). */
gboolean    zz_store_note_execution_stop     (ZzStore     *self,
                                              const char  *execution_id,
                                              const char  *reason,
                                              gboolean     ended,
                                              GError     **error);
void        zz_store_forget_execution_note   (ZzStore     *self,
                                              const char  *execution_id);
/* Inserts every row of @executions in one transaction. */
gboolean    zz_store_insert_executions       (ZzStore     *self,
                                              GPtrArray   *executions,
                                              GError     **error);
/* Inserts every row of @node_executions in one transaction. */
gboolean    zz_store_insert_node_executions  (ZzStore     *self,
                                              GPtrArray   *node_executions,
                                              GError     **error);

/* Lists the other models' screens need ----------------------------------- */

GPtrArray  *zz_store_list_notifications      (ZzStore     *self,
                                              const char  *user_id,
                                              gboolean     unread_only,
                                              GError     **error);
GPtrArray  *zz_store_list_custom_blocks      (ZzStore     *self,
                                              const char  *user_id,
                                              GError     **error);
GPtrArray  *zz_store_list_block_library      (ZzStore     *self,
                                              GError     **error);
GPtrArray  *zz_store_list_team_members       (ZzStore     *self,
                                              const char  *team_id,
                                              GError     **error);
GPtrArray  *zz_store_list_pricing_tiers      (ZzStore     *self,
                                              GError     **error);

G_END_DECLS
