/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ZzRunStatus:
 * @ZZ_RUN_STATUS_NONE: not part of a run (a node the open execution does not
 *   reach, or a record not filled in yet)
 * @ZZ_RUN_STATUS_PENDING: waiting for its inputs or for a free slot
 * @ZZ_RUN_STATUS_RUNNING: started, not finished
 * @ZZ_RUN_STATUS_COMPLETED: finished and gave an output
 * @ZZ_RUN_STATUS_FAILED: finished with an error
 * @ZZ_RUN_STATUS_CANCELLED: an execution stopped by the user
 * @ZZ_RUN_STATUS_SKIPPED: a node that did not run (branch not taken,
 *   disabled, or the run stopped before it)
 *
 * The state of a WorkflowExecution or a NodeExecution. The store writes it as
 * the schema's strings ("pending", "running", ...): those strings live only
 * at the store's edge, in zz_run_status_to_string() and
 * zz_run_status_from_string().
 */
typedef enum
{
  ZZ_RUN_STATUS_NONE,
  ZZ_RUN_STATUS_PENDING,
  ZZ_RUN_STATUS_RUNNING,
  ZZ_RUN_STATUS_COMPLETED,
  ZZ_RUN_STATUS_FAILED,
  ZZ_RUN_STATUS_CANCELLED,
  ZZ_RUN_STATUS_SKIPPED,
} ZzRunStatus;

#define ZZ_TYPE_RUN_STATUS (zz_run_status_get_type ())

GType        zz_run_status_get_type     (void) G_GNUC_CONST;
const char  *zz_run_status_to_string    (ZzRunStatus  status);
gboolean     zz_run_status_from_string  (const char  *text,
                                         ZzRunStatus *status);
gboolean     zz_run_status_is_finished  (ZzRunStatus  status);

G_END_DECLS
