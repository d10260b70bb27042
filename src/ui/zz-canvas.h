/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zz-problem.h"
#include "zz-run-status.h"
#include "zz-viewport.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_TYPE_CANVAS (zz_canvas_get_type ())

G_DECLARE_FINAL_TYPE (ZzCanvas, zz_canvas, ZZ, CANVAS, GtkWidget)

/* The workflow editor's canvas: nodes as ZzNodeCard children placed under
 * the viewport's zoom and offset, edges drawn as curves, and gestures to
 * select, move, connect, pan and zoom. Every edit goes through the
 * document's command API (zz-workflow-history.h), so it can be undone.
 *
 * Actions (group "canvas"): select-all, delete, duplicate, copy, cut, paste,
 * zoom-in, zoom-out, zoom-reset, zoom-fit, undo, redo, nudge "(dd)".
 *
 * Signals: "selection-changed" (). What the user should hear in passing
 * (e.g. why a connection was refused) goes to win.show-toast('MESSAGE').
 * Properties: workflow, viewport (read-only). */
GtkWidget   *zz_canvas_new                   (void);
ZzWorkflow  *zz_canvas_get_workflow          (ZzCanvas            *self);
void         zz_canvas_set_workflow          (ZzCanvas            *self,
                                              ZzWorkflow          *workflow);
/* (transfer none): the canvas's own viewport */
ZzViewport  *zz_canvas_get_viewport          (ZzCanvas            *self);

/* (transfer full): the selected node ids in document order, %NULL-terminated */
char       **zz_canvas_get_selected_node_ids (ZzCanvas            *self);
/* Replaces the selection; unknown ids are ignored. */
void         zz_canvas_select_nodes          (ZzCanvas            *self,
                                              const char * const  *node_ids);
void         zz_canvas_select_all            (ZzCanvas            *self);
void         zz_canvas_unselect_all          (ZzCanvas            *self);

/* Adds a node of @block_type (its defaults as config, its title as label)
 * with its top-left corner at the canvas point @x, @y, and selects it.
 * Returns: (transfer full) (nullable): the new node's id */
char        *zz_canvas_add_node              (ZzCanvas            *self,
                                              const char          *block_type,
                                              double               x,
                                              double               y,
                                              GError             **error);
/* Connects as a drag from an output port to an input port does: on
 * refusal, win.show-toast tells the user why, and @error has it too. */
gboolean     zz_canvas_connect               (ZzCanvas            *self,
                                              const char          *source,
                                              const char          *source_handle,
                                              const char          *target,
                                              GError             **error);
/* What is wrong with a node (its config, its block type), shown as a
 * badge of @severity's icon on its card with @message as tooltip; %NULL
 * clears it. */
void         zz_canvas_set_node_problem      (ZzCanvas            *self,
                                              const char          *node_id,
                                              ZzProblemSeverity    severity,
                                              const char          *message);
/* A run's state of a node, shown on its card (%ZZ_RUN_STATUS_NONE for
 * none); @detail the duration of a completed node, the error of a failed
 * one. An edge whose source completed and whose target ran is drawn in the
 * accent colour. */
void         zz_canvas_set_node_status       (ZzCanvas            *self,
                                              const char          *node_id,
                                              ZzRunStatus          status,
                                              const char          *detail);
ZzRunStatus  zz_canvas_get_node_status       (ZzCanvas            *self,
                                              const char          *node_id);
const char  *zz_canvas_get_node_status_detail (ZzCanvas           *self,
                                               const char         *node_id);
void         zz_canvas_clear_node_statuses   (ZzCanvas            *self);
/* Shows every node, as canvas.zoom-fit does. */
void         zz_canvas_zoom_to_fit           (ZzCanvas            *self);
/* @node in the middle of the view, at a zoom where it reads. */
void         zz_canvas_centre_node           (ZzCanvas            *self,
                                              ZzNode              *node);
/* The nodes' extent in canvas units (a drag's preview offset applied),
 * of the selected ones only if @selected_only; FALSE when there is none. */
gboolean     zz_canvas_nodes_bounds          (ZzCanvas            *self,
                                              gboolean             selected_only,
                                              graphene_rect_t     *bounds);
/* How many node cards are shown now: what the level of detail and the
 * culling leave, for the tests and the canvas bench. */
guint        zz_canvas_get_n_shown_cards     (ZzCanvas            *self);

/* A corner overlay with the whole workflow small; the canvas.show-minimap
 * action (Ctrl+Shift+M) toggles it. */
gboolean     zz_canvas_get_show_minimap      (ZzCanvas            *self);
void         zz_canvas_set_show_minimap      (ZzCanvas            *self,
                                              gboolean             show);

/* Where the canvas's "Add Block Here" was asked, once, while it opens the
 * palette (page.add-block): the palette takes it as it is reset and adds
 * its block there instead of in the middle of the view. */
gboolean     zz_canvas_take_insertion_point  (ZzCanvas            *self,
                                              double              *x,
                                              double              *y);

G_END_DECLS
