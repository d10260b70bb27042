/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-run-status.c: the states of executions and node executions, and their
 * names in the schema.
 */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include "zz-run-status.h"

G_DEFINE_ENUM_TYPE (ZzRunStatus, zz_run_status, G_DEFINE_ENUM_VALUE (ZZ_RUN_STATUS_NONE, "none"), G_DEFINE_ENUM_VALUE (ZZ_RUN_STATUS_PENDING, "pending"), G_DEFINE_ENUM_VALUE (ZZ_RUN_STATUS_RUNNING, "running"), G_DEFINE_ENUM_VALUE (ZZ_RUN_STATUS_COMPLETED, "completed"), G_DEFINE_ENUM_VALUE (ZZ_RUN_STATUS_FAILED, "failed"), G_DEFINE_ENUM_VALUE (ZZ_RUN_STATUS_CANCELLED, "cancelled"), G_DEFINE_ENUM_VALUE (ZZ_RUN_STATUS_SKIPPED, "skipped"))

/* The schema's words, indexed by ZzRunStatus: the CHECK constraints of
 * migration 001 allow exactly these.
 */
static const char *const status_names[] = {
  [ZZ_RUN_STATUS_NONE] = NULL,
  [ZZ_RUN_STATUS_PENDING] = "pending",
  [ZZ_RUN_STATUS_RUNNING] = "running",
  [ZZ_RUN_STATUS_COMPLETED] = "completed",
  [ZZ_RUN_STATUS_FAILED] = "failed",
  [ZZ_RUN_STATUS_CANCELLED] = "cancelled",
  [ZZ_RUN_STATUS_SKIPPED] = "skipped",
};

/**
 * zz_run_status_to_string:
 *
 * Returns: (nullable): the status as the schema writes it, %NULL for
 *   %ZZ_RUN_STATUS_NONE
 */
const char *
zz_run_status_to_string (ZzRunStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

/**
 * zz_run_status_from_string:
 * @text: (nullable): a status as the schema writes it
 * @status: (out): where to put it; %ZZ_RUN_STATUS_NONE when @text is not one
 *
 * Returns: whether @text names a status
 */
gboolean
zz_run_status_from_string (const char  *text,
                           ZzRunStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  *status = ZZ_RUN_STATUS_NONE;
  if (text == NULL)
    return FALSE;

  for (guint i = ZZ_RUN_STATUS_NONE + 1; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (text, status_names[i]))
        {
          *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * zz_run_status_is_finished:
 *
 * Returns: whether a run or a node in @status will not change any more
 */
gboolean
zz_run_status_is_finished (ZzRunStatus status)
{
  return status == ZZ_RUN_STATUS_COMPLETED ||
         status == ZZ_RUN_STATUS_FAILED ||
         status == ZZ_RUN_STATUS_CANCELLED ||
         status == ZZ_RUN_STATUS_SKIPPED;
}
