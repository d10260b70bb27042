#pragma once

#include <adwaita.h>

#include "zz-store.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_TYPE_WORKFLOW_PAGE (zz_workflow_page_get_type ())

G_DECLARE_FINAL_TYPE (ZzWorkflowPage, zz_workflow_page, ZZ, WORKFLOW_PAGE, GtkWidget)

/* Shows one workflow's fields and saves each edit through the store.
 * Properties: store (construct-only), workflow, title (the workflow's name). */
GtkWidget  *zz_workflow_page_new          (ZzStore        *store);
ZzWorkflow *zz_workflow_page_get_workflow (ZzWorkflowPage *self);
void        zz_workflow_page_set_workflow (ZzWorkflowPage *self,
                                           ZzWorkflow     *workflow);
const char *zz_workflow_page_get_title    (ZzWorkflowPage *self);
/* Saves an edit still waiting for its debounce (the description). */
gboolean    zz_workflow_page_flush        (ZzWorkflowPage *self);
/* Renames the workflow and saves it; on failure the error is also shown. */
gboolean    zz_workflow_page_rename       (ZzWorkflowPage *self,
                                           const char     *name,
                                           GError        **error);

G_END_DECLS
