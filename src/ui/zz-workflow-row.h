/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-workflow-summary.h"

G_BEGIN_DECLS

#define ZZ_TYPE_WORKFLOW_ROW (zz_workflow_row_get_type ())

G_DECLARE_FINAL_TYPE (ZzWorkflowRow, zz_workflow_row, ZZ, WORKFLOW_ROW, GtkWidget)

GtkWidget         *zz_workflow_row_new         (void);
ZzWorkflowSummary *zz_workflow_row_get_summary (ZzWorkflowRow     *self);
void               zz_workflow_row_set_summary (ZzWorkflowRow     *self,
                                                ZzWorkflowSummary *summary);
const char        *zz_workflow_row_get_title   (ZzWorkflowRow     *self);

G_END_DECLS
