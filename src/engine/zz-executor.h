/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zz-block-registry.h"
#include "zz-records.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_EXECUTOR_DEFAULT_CONCURRENCY 8

#define ZZ_TYPE_EXECUTOR (zz_executor_get_type ())

G_DECLARE_FINAL_TYPE (ZzExecutor, zz_executor, ZZ, EXECUTOR, GObject)

/* Runs one execution of a workflow on a worker thread with its own main
 * context and its own connection to the database at @db_path.
 *
 * Signals, emitted on the main context that was the thread default when
 * zz_executor_run_async() was called, each with a copy of the row as it was
 * just committed:
 *   ::execution-started (ZzExecution *)
 *   ::node-changed (ZzNodeExecution *)
 *   ::execution-finished (ZzExecution *)
 */
ZzExecutor  *zz_executor_new              (const char       *db_path,
                                           ZzWorkflow       *workflow);
void         zz_executor_set_input        (ZzExecutor       *self,
                                           JsonNode         *input);
void         zz_executor_set_concurrency  (ZzExecutor       *self,
                                           guint             concurrency);
/* How the run was started, kept on its row: "manual" (default), "cli",
 * "schedule", "rerun" */
void         zz_executor_set_trigger      (ZzExecutor       *self,
                                           const char       *trigger);
void         zz_executor_set_registry     (ZzExecutor       *self,
                                           ZzBlockRegistry  *registry);
/* (nullable): the execution's id once ::execution-started was emitted */
const char  *zz_executor_get_execution_id (ZzExecutor       *self);

void         zz_executor_run_async        (ZzExecutor           *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* Returns the finished execution (completed, failed or cancelled); an error
 * only when the run could not start (an invalid workflow, a quota reached,
 * a database that cannot be opened), and then no execution row exists. */
ZzExecution *zz_executor_run_finish       (ZzExecutor           *self,
                                           GAsyncResult         *result,
                                           GError              **error);
/* Runs on the calling thread's main context until the run is over: for
 * zzyra-cli and tests. */
ZzExecution *zz_executor_run_sync         (ZzExecutor           *self,
                                           GCancellable         *cancellable,
                                           GError              **error);

G_END_DECLS
