/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-history.h: every edit the UI makes, as one undoable step
 *
 * The undo/redo stack lives on the document, not in a widget: the canvas,
 * the inspector and the tests edit a ZzWorkflow only through these
 * *_command functions, and each call is one step of the history (or part
 * of the step a zz_workflow_begin_group() opened).
 *
 * Commands apply through the document's own mutators, so "changed", the
 * list models' "items-changed" and the nodes' notify fire as for any edit.
 * A command that fails changes nothing and records nothing; a command that
 * changes nothing (a move to where the nodes are, the same label) records
 * nothing and succeeds. A new step clears the redo stack. The history keeps
 * the last 500 steps.
 *
 * State is exposed as properties of ZzWorkflow, read-only and notified only
 * when their value changes: "can-undo", "can-redo" and "modified" (all
 * gboolean). "modified" follows the history: it is TRUE when the document
 * is not at the step it was at the last zz_workflow_mark_saved() (or at
 * creation), so undoing back to the saved step makes it FALSE again. Edits
 * made with the plain mutators (zz_workflow_add_node(), zz_node_set_label()
 * ...) outside a command are not recorded and do not set it.
 *
 * Undo and redo replay through the same mutators, so "changed" fires for
 * them too; a handler must not issue a command from it (the step being
 * replayed is not on either stack meanwhile).
 */
#pragma once

#include "zz-workflow.h"

G_BEGIN_DECLS

/* Adds @node (not in any workflow) at the end of the node list. Its id must
 * be unique (ZZ_WORKFLOW_ERROR_DUPLICATE_ID). */
gboolean     zz_workflow_add_node_command         (ZzWorkflow          *self,
                                                   ZzNode              *node,
                                                   GError             **error);
/* Removes the nodes and every edge from or to them, and undo puts them back
 * at the same positions of the node and edge lists, as the same objects
 * (their JSON, unknown keys included, is exactly as it was). An unknown id
 * is ZZ_WORKFLOW_ERROR_NOT_FOUND and removes nothing. @node_ids is
 * %NULL-terminated. */
gboolean     zz_workflow_remove_nodes_command     (ZzWorkflow          *self,
                                                   const char * const  *node_ids,
                                                   GError             **error);
/* One step for a whole drag: the canvas calls it once, at the end of the
 * drag, with the final positions (@x and @y have one value per id of the
 * %NULL-terminated @node_ids). The undo name is "Move Node(s)". */
gboolean     zz_workflow_move_nodes_command       (ZzWorkflow          *self,
                                                   const char * const  *node_ids,
                                                   const double        *x,
                                                   const double        *y,
                                                   GError             **error);
/* Appends a new edge with a new id; handles are nullable. Refuses with
 * ZZ_WORKFLOW_ERROR_INVALID and a message for the user: an unknown node
 * ("The workflow has no node “n9”"), a self-loop ("A node cannot be connected to
 * itself"), the same source, target and handles as an existing edge
 * ("These nodes are already connected"), a cycle ("This connection would
 * make a loop: “A” → “B” → “A”", nodes named by label, or id when they have
 * none).
 * Returns: (transfer none) (nullable): the new edge */
ZzEdge      *zz_workflow_connect_command          (ZzWorkflow          *self,
                                                   const char          *source,
                                                   const char          *source_handle,
                                                   const char          *target,
                                                   const char          *target_handle,
                                                   GError             **error);
/* An unknown id is ZZ_WORKFLOW_ERROR_NOT_FOUND and removes nothing; undo
 * puts the edges back at their positions. */
gboolean     zz_workflow_remove_edges_command     (ZzWorkflow          *self,
                                                   const char * const  *edge_ids,
                                                   GError             **error);
/* set_node_*: an unknown node is ZZ_WORKFLOW_ERROR_NOT_FOUND. */
gboolean     zz_workflow_set_node_label_command   (ZzWorkflow          *self,
                                                   const char          *node_id,
                                                   const char          *label,
                                                   GError             **error);
gboolean     zz_workflow_set_node_enabled_command (ZzWorkflow          *self,
                                                   const char          *node_id,
                                                   gboolean             enabled,
                                                   GError             **error);
/* Replaces the whole config with a copy of @config (%NULL means {}); undo
 * restores the old one exactly. Edit a copy of zz_node_get_config(), never
 * the node's own object in place: the old value would be lost. */
gboolean     zz_workflow_set_node_config_command  (ZzWorkflow          *self,
                                                   const char          *node_id,
                                                   JsonObject          *config,
                                                   GError             **error);

/* Replaces every node and edge with copies of @source's, ids kept, as one
 * step named @name (translated, e.g. _("Restore Unsaved Changes")): a
 * draft read back becomes an edit that can be undone, and leaves the
 * document modified. Row fields are not touched. Duplicate node or edge
 * ids in @source are ZZ_WORKFLOW_ERROR_DUPLICATE_ID and change nothing. */
gboolean     zz_workflow_replace_contents_command (ZzWorkflow          *self,
                                                   ZzWorkflow          *source,
                                                   const char          *name,
                                                   GError             **error);

/* Zzyra JSON for the clipboard: {"nodes": [...], "edges": [...]}, the given
 * nodes in document order and the edges among them. Unknown ids are
 * skipped. Not a command: the document does not change.
 * Returns: (transfer full) */
char        *zz_workflow_copy_nodes               (ZzWorkflow          *self,
                                                   const char * const  *node_ids);
/* @text is Zzyra JSON as a clipboard holds it: a whole workflow {nodes,
 * edges, ...}, {nodes, edges} (edges optional), or a bare array of nodes.
 * Every node and edge gets a new unique id; edges among the pasted nodes
 * are kept (re-pointed to the new ids), edges to nodes not pasted are
 * dropped; positions are offset by @dx, @dy. One step, "Paste".
 * Errors: text that is not JSON is ZZ_JSON_ERROR_SYNTAX with line and
 * column; JSON of another shape is ZZ_WORKFLOW_ERROR_INVALID ("The
 * clipboard holds no Zzyra nodes", or the node or edge at fault, e.g.
 * "Node 2 has no id"). Nothing is pasted on error.
 * Returns: (transfer full) (nullable): the new node ids, in the order of
 * @text, %NULL-terminated (empty when @text holds no node) */
char       **zz_workflow_paste_command            (ZzWorkflow          *self,
                                                   const char          *text,
                                                   double               dx,
                                                   double               dy,
                                                   GError             **error);
/* Copy and paste in one step, "Duplicate". An unknown id is
 * ZZ_WORKFLOW_ERROR_NOT_FOUND.
 * Returns: (transfer full) (nullable): the new node ids, in document order */
char       **zz_workflow_duplicate_nodes_command  (ZzWorkflow          *self,
                                                   const char * const  *node_ids,
                                                   double               dx,
                                                   double               dy,
                                                   GError             **error);

/* Commands between begin and end are one step named @name (already
 * translated, e.g. _("Cut"), _("Arrange Nodes")). Groups nest: only the
 * outermost one makes a step and gives its name. A group with no change
 * records nothing. Undo and redo are not allowed while a group is open. */
void         zz_workflow_begin_group              (ZzWorkflow          *self,
                                                   const char          *name);
void         zz_workflow_end_group                (ZzWorkflow          *self);

gboolean     zz_workflow_can_undo                 (ZzWorkflow          *self);
gboolean     zz_workflow_can_redo                 (ZzWorkflow          *self);
/* The step's translated name for a menu or a tooltip ("Move Nodes"), or
 * %NULL when there is none. Valid until the history changes. */
const char  *zz_workflow_get_undo_name            (ZzWorkflow          *self);
const char  *zz_workflow_get_redo_name            (ZzWorkflow          *self);
/* FALSE when there was nothing to undo (redo). */
gboolean     zz_workflow_undo                     (ZzWorkflow          *self);
gboolean     zz_workflow_redo                     (ZzWorkflow          *self);

gboolean     zz_workflow_get_modified             (ZzWorkflow          *self);
/* The current step is the saved one: "modified" becomes FALSE. */
void         zz_workflow_mark_saved               (ZzWorkflow          *self);
/* Forgets every step (e.g. after loading another version). "modified" keeps
 * its value: a document modified stays modified until saved. */
void         zz_workflow_clear_history            (ZzWorkflow          *self);

G_END_DECLS
