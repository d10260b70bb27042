/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-store.h"

G_BEGIN_DECLS

#define ZZ_TYPE_HISTORY_VIEW (zz_history_view_get_type ())

G_DECLARE_FINAL_TYPE (ZzHistoryView, zz_history_view, ZZ, HISTORY_VIEW, GtkWidget)

/* A workflow's past executions, newest first: status, when it started,
 * how long it took and what started it. Activating a row opens it.
 * Actions (group "history", with the execution id as target): open,
 * run-again, delete (asks first).
 * Signals: "open-execution" (const char *id), "run-again" (ZzExecution *),
 * "execution-deleted" (const char *id). */
GtkWidget  *zz_history_view_new             (void);
void        zz_history_view_set_store       (ZzHistoryView *self,
                                             ZzStore       *store);
void        zz_history_view_set_workflow_id (ZzHistoryView *self,
                                             const char    *workflow_id);
/* Reads the list again from the store. */
void        zz_history_view_reload          (ZzHistoryView *self);
/* For tests: the rows' executions (boxed ZzExecution in GObject wrappers),
 * and a deletion without the confirmation dialog. */
GListModel *zz_history_view_get_model       (ZzHistoryView *self);
const ZzExecution *zz_history_view_get_execution (ZzHistoryView *self,
                                                  guint          position);
gboolean    zz_history_view_delete_execution (ZzHistoryView *self,
                                              const char    *id,
                                              GError       **error);

G_END_DECLS
