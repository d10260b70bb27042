/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-canvas.h"
#include "zz-problem.h"

G_BEGIN_DECLS

#define ZZ_TYPE_PROBLEMS_VIEW (zz_problems_view_get_type ())

G_DECLARE_FINAL_TYPE (ZzProblemsView, zz_problems_view, ZZ, PROBLEMS_VIEW, GtkWidget)

/* What is wrong with the canvas's workflow, as a "⚠ 2" button whose popover
 * lists the problems: the document's (zz_workflow_validate() with the
 * block registry) and each node's config as its block type checks it. It
 * follows the workflow's edits (after a short delay), marks the nodes on
 * the canvas, and activating a problem selects its node and shows it.
 * Hidden while there is no problem. Properties: canvas. */
GtkWidget       *zz_problems_view_new            (void);
void             zz_problems_view_set_canvas     (ZzProblemsView *self,
                                                  ZzCanvas       *canvas);
/* Checks now rather than after the delay. */
void             zz_problems_view_refresh        (ZzProblemsView *self);
gboolean         zz_problems_view_get_has_errors (ZzProblemsView *self);
const char      *zz_problems_view_get_first_error (ZzProblemsView *self);
guint            zz_problems_view_get_n_problems (ZzProblemsView *self);
/* (transfer none) */
const ZzProblem *zz_problems_view_get_problem    (ZzProblemsView *self,
                                                  guint           position);
/* As activating the row at @position does. */
void             zz_problems_view_activate       (ZzProblemsView *self,
                                                  guint           position);

G_END_DECLS
