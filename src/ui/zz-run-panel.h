/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-canvas.h"
#include "zz-execution-model.h"
#include "zz-history-view.h"
#include "zz-store.h"

G_BEGIN_DECLS

#define ZZ_TYPE_RUN_PANEL (zz_run_panel_get_type ())

G_DECLARE_FINAL_TYPE (ZzRunPanel, zz_run_panel, ZZ, RUN_PANEL, GtkWidget)

/* Below the canvas: the nodes of the run shown (live from its
 * ZzExecutionModel, or a past one read from the store), each with its
 * status and duration; the selected one's input, output, config and error;
 * and a "History" page of the workflow's runs. The run's states are shown
 * on the canvas too, whose selection follows the panel's and back.
 * Action (group "run-panel"): run-again, for a past run shown.
 * Signal: "run-again" (ZzExecution *): run the workflow again with this
 * execution's input. Properties: canvas, model. */
GtkWidget        *zz_run_panel_new            (void);
void              zz_run_panel_set_store      (ZzRunPanel       *self,
                                               ZzStore          *store);
void              zz_run_panel_set_canvas     (ZzRunPanel       *self,
                                               ZzCanvas         *canvas);
/* The workflow whose history is listed; another one clears the run shown. */
void              zz_run_panel_set_workflow   (ZzRunPanel       *self,
                                               ZzWorkflow       *workflow);
/* (nullable) (transfer none) */
ZzExecutionModel *zz_run_panel_get_model      (ZzRunPanel       *self);
/* Shows @model (nullable) and its states on the canvas. */
void              zz_run_panel_set_model      (ZzRunPanel       *self,
                                               ZzExecutionModel *model);
/* Reads a past execution from the store and shows it, read-only. */
gboolean          zz_run_panel_open_execution (ZzRunPanel       *self,
                                               const char       *execution_id,
                                               GError          **error);
/* Selects a node's row (and so the node on the canvas). */
void              zz_run_panel_select_node    (ZzRunPanel       *self,
                                               const char       *node_id);
/* "run" or "history" */
void              zz_run_panel_show_page      (ZzRunPanel       *self,
                                               const char       *name);
void              zz_run_panel_reload_history (ZzRunPanel       *self);

/* For tests */
ZzHistoryView    *zz_run_panel_get_history_view     (ZzRunPanel *self);
/* (nullable): the node of the selected row */
const char       *zz_run_panel_get_selected_node_id (ZzRunPanel *self);
/* (nullable): the error shown for the selected row */
/* The header's summary of the run shown ("Completed in 1.2 s, just now"). */
const char       *zz_run_panel_get_status_text      (ZzRunPanel *self);
const char       *zz_run_panel_get_error_text       (ZzRunPanel *self);

G_END_DECLS
