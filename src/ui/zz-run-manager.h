/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zz-execution-model.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_TYPE_RUN_MANAGER (zz_run_manager_get_type ())

G_DECLARE_FINAL_TYPE (ZzRunManager, zz_run_manager, ZZ, RUN_MANAGER, GObject)

/* The app's runs: one ZzExecutor per workflow at a time, on the database at
 * the path given, each feeding a ZzExecutionModel from its signals. The
 * model of a workflow's last run stays until the next one starts.
 *
 * Signals: "run-started" (const char *workflow_id, ZzExecutionModel *);
 * "run-finished" (const char *workflow_id, ZzExecutionModel *, const char
 * *error_message), the message set only when the run could not start. */
ZzRunManager     *zz_run_manager_new        (const char   *db_path);
gboolean          zz_run_manager_start      (ZzRunManager *self,
                                             ZzWorkflow   *workflow,
                                             JsonNode     *input,
                                             const char   *trigger,
                                             GError      **error);
void              zz_run_manager_stop       (ZzRunManager *self,
                                             const char   *workflow_id);
void              zz_run_manager_stop_all   (ZzRunManager *self);
gboolean          zz_run_manager_is_running (ZzRunManager *self,
                                             const char   *workflow_id);
guint             zz_run_manager_get_n_running (ZzRunManager *self);
/* (nullable) (transfer none): the model of the workflow's last run */
ZzExecutionModel *zz_run_manager_get_model  (ZzRunManager *self,
                                             const char   *workflow_id);

G_END_DECLS
