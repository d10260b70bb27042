/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-layout.h: arranging a workflow's nodes automatically */
#pragma once

#include "zz-workflow.h"

G_BEGIN_DECLS

/* The grid the layout places nodes on, in canvas units: wide enough for a
 * node card (220 × 64) and the curve between two columns. */
#define ZZ_WORKFLOW_LAYOUT_COLUMN_SPACING 300.0
#define ZZ_WORKFLOW_LAYOUT_ROW_SPACING    140.0

/* "Tidy Up": a layered layout, left to right. Each node goes one column
 * right of the furthest node with an edge into it (longest path from the
 * sources), so every edge points right; the order inside each column is
 * then swept by barycenters to reduce crossings, starting from the nodes'
 * current vertical order. Each connected part of the graph gets its own
 * band, one under the other, and the nodes with no edge share a last band.
 * The layout keeps the top-left corner of the nodes where it was.
 *
 * One undoable step, "Tidy Up" (a move of every node that moved). Edges
 * that close a loop (an invalid document) are ignored for the columns.
 * Cannot fail today; @error is for the day it can. */
gboolean zz_workflow_auto_layout_command (ZzWorkflow  *self,
                                          GError     **error);

G_END_DECLS
