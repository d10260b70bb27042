/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-store.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_TYPE_WORKFLOW_PAGE (zz_workflow_page_get_type ())

G_DECLARE_FINAL_TYPE (ZzWorkflowPage, zz_workflow_page, ZZ, WORKFLOW_PAGE, GtkWidget)

/* Shows one workflow: the canvas, whose edits are saved by
 * zz_workflow_page_save_document() (drafts are kept meanwhile), and the
 * details panel, whose fields are saved as they are edited.
 * Properties: store (construct-only), workflow, title (the workflow's
 * name), modified (read-only), run-panel-height and side-panel-width (the
 * panels' sizes, which the user drags and the window keeps in GSettings),
 * narrow. Actions: page.add-block (the window's win.add-block gives it
 * Ctrl+Shift+A wherever the focus is), page.tidy-up (Ctrl+Shift+L). */
GtkWidget  *zz_workflow_page_new          (ZzStore        *store);
ZzWorkflow *zz_workflow_page_get_workflow (ZzWorkflowPage *self);
void        zz_workflow_page_set_workflow (ZzWorkflowPage *self,
                                           ZzWorkflow     *workflow);
const char *zz_workflow_page_get_title    (ZzWorkflowPage *self);
/* (transfer none): the run panel under the canvas */
struct _ZzRunPanel *zz_workflow_page_get_run_panel (ZzWorkflowPage *self);
/* (transfer none): what is wrong with the workflow, over the canvas */
struct _ZzProblemsView *zz_workflow_page_get_problems_view (ZzWorkflowPage *self);
/* (transfer none) */
struct _ZzCanvas *zz_workflow_page_get_canvas (ZzWorkflowPage *self);
/* Saves an edit still waiting for its debounce (the description). */
gboolean    zz_workflow_page_flush        (ZzWorkflowPage *self);
/* TRUE while the canvas has edits not saved (the "modified" property). */
gboolean    zz_workflow_page_get_modified  (ZzWorkflowPage *self);
/* Ctrl+S: saves the whole document in one transaction (the version goes
 * up, its draft is deleted); on failure a toast says why. */
gboolean    zz_workflow_page_save_document (ZzWorkflowPage *self);
/* Drops the edits not saved and their draft: shows the stored workflow. */
void        zz_workflow_page_discard_changes (ZzWorkflowPage *self);
/* Loads the stored draft into the document as one undoable, unsaved edit. */
gboolean    zz_workflow_page_restore_draft (ZzWorkflowPage *self,
                                            GError        **error);
/* Renames the workflow and saves it; on failure the error is also shown. */
/* TRUE when the page is too narrow for the side panel beside the canvas:
 * it then slides over the canvas (the "narrow" property). */
gboolean    zz_workflow_page_get_narrow           (ZzWorkflowPage *self);
void        zz_workflow_page_set_narrow           (ZzWorkflowPage *self,
                                                   gboolean        narrow);
int         zz_workflow_page_get_run_panel_height (ZzWorkflowPage *self);
void        zz_workflow_page_set_run_panel_height (ZzWorkflowPage *self,
                                                   int             height);
int         zz_workflow_page_get_side_panel_width (ZzWorkflowPage *self);
void        zz_workflow_page_set_side_panel_width (ZzWorkflowPage *self,
                                                   int             width);
/* Selects the node on the canvas and puts it in the middle of the view, as
 * activating its row in the workflow's node list does; FALSE if unknown. */
gboolean    zz_workflow_page_show_node    (ZzWorkflowPage *self,
                                           const char     *node_id);
gboolean    zz_workflow_page_rename       (ZzWorkflowPage *self,
                                           const char     *name,
                                           GError        **error);

G_END_DECLS
