/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "zz-records.h"

G_BEGIN_DECLS

#define ZZ_TYPE_WORKFLOW_SUMMARY (zz_workflow_summary_get_type ())

G_DECLARE_FINAL_TYPE (ZzWorkflowSummary, zz_workflow_summary, ZZ, WORKFLOW_SUMMARY, GObject)

/* A workflow as lists show it: its row without the nodes and edges, the
 * node count, and its latest executions (newest first). Immutable once the
 * store made it; a list is reloaded when the store says it changed.
 */
ZzWorkflowSummary  *zz_workflow_summary_new                  (void);

const char         *zz_workflow_summary_get_id               (ZzWorkflowSummary *self);
const char         *zz_workflow_summary_get_name             (ZzWorkflowSummary *self);
const char         *zz_workflow_summary_get_description      (ZzWorkflowSummary *self);
const char * const *zz_workflow_summary_get_tags             (ZzWorkflowSummary *self);
gboolean            zz_workflow_summary_get_is_public        (ZzWorkflowSummary *self);
gint64              zz_workflow_summary_get_version          (ZzWorkflowSummary *self);
guint               zz_workflow_summary_get_node_count       (ZzWorkflowSummary *self);
const char         *zz_workflow_summary_get_user_id          (ZzWorkflowSummary *self);
const char         *zz_workflow_summary_get_created_at       (ZzWorkflowSummary *self);
const char         *zz_workflow_summary_get_updated_at       (ZzWorkflowSummary *self);
/* (transfer none) (element-type ZzExecution): newest first, at most 5 */
GPtrArray          *zz_workflow_summary_get_recent_executions (ZzWorkflowSummary *self);
/* status of the newest execution, %ZZ_RUN_STATUS_NONE if it never ran */
ZzRunStatus         zz_workflow_summary_get_last_status      (ZzWorkflowSummary *self);
gboolean            zz_workflow_summary_matches              (ZzWorkflowSummary *self,
                                                              const char        *search);

G_END_DECLS
