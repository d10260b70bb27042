/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-history-private.h: what the commands record on the history
 *
 * The commands (zz-workflow-commands.c) decide what an edit is; the stack
 * (zz-workflow-history.c) owns how a step is kept and replayed. Each
 * _zz_workflow_push_*() applies one primitive operation through the
 * document's mutators and records it, with the value before and after, in
 * the open group: call it between zz_workflow_begin_group() and
 * zz_workflow_end_group().
 */
#pragma once

#include "zz-workflow.h"

G_BEGIN_DECLS

/* @item is a ZzNode or a ZzEdge; undo removes (puts back) it at @position
 * of its list, as the same object. */
void _zz_workflow_push_insert   (ZzWorkflow  *self,
                                 gpointer     item,
                                 guint        position);
void _zz_workflow_push_remove   (ZzWorkflow  *self,
                                 gpointer     item,
                                 guint        position);
void _zz_workflow_push_position (ZzWorkflow  *self,
                                 const char  *node_id,
                                 double       old_x,
                                 double       old_y,
                                 double       x,
                                 double       y);
void _zz_workflow_push_label    (ZzWorkflow  *self,
                                 const char  *node_id,
                                 const char  *old_label,
                                 const char  *label);
void _zz_workflow_push_enabled  (ZzWorkflow  *self,
                                 const char  *node_id,
                                 gboolean     old_enabled,
                                 gboolean     enabled);
/* Takes both configs, which nothing else may edit afterwards. */
void _zz_workflow_push_config   (ZzWorkflow  *self,
                                 const char  *node_id,
                                 JsonObject  *old_config,
                                 JsonObject  *config);

G_END_DECLS
