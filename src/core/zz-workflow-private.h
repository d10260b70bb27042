/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-private.h: what the document's files share inside libzzyra-core */
#pragma once

#include "zz-workflow.h"

G_BEGIN_DECLS

/* The top-level keys of the Zzyra JSON that are row fields. A bit is set
 * when the key was in the file read (or the document was made here), so
 * that writing back adds no key the file did not have. */
typedef enum
{
  ZZ_WORKFLOW_KEY_ID          = 1 << 0,
  ZZ_WORKFLOW_KEY_NAME        = 1 << 1,
  ZZ_WORKFLOW_KEY_DESCRIPTION = 1 << 2,
  ZZ_WORKFLOW_KEY_NODES       = 1 << 3,
  ZZ_WORKFLOW_KEY_EDGES       = 1 << 4,
  ZZ_WORKFLOW_KEY_TAGS        = 1 << 5,
  ZZ_WORKFLOW_KEY_IS_PUBLIC   = 1 << 6,
  ZZ_WORKFLOW_KEY_VERSION     = 1 << 7,
  ZZ_WORKFLOW_KEY_CREATED_AT  = 1 << 8,
  ZZ_WORKFLOW_KEY_UPDATED_AT  = 1 << 9,
  ZZ_WORKFLOW_KEY_USER_ID     = 1 << 10,
  ZZ_WORKFLOW_KEY_ALL         = (1 << 11) - 1,
} ZzWorkflowKeys;

/* (transfer none): the keys kept as they were read, never %NULL */
JsonObject *_zz_workflow_get_extra        (ZzWorkflow  *self);
/* takes a reference on @extra; %NULL means {} */
void        _zz_workflow_set_extra        (ZzWorkflow  *self,
                                           JsonObject  *extra);
ZzWorkflowKeys _zz_workflow_get_keys      (ZzWorkflow  *self);
void        _zz_workflow_set_keys         (ZzWorkflow  *self,
                                           ZzWorkflowKeys keys);
/* Replaces every node and edge, without the duplicate id check: a file
 * with two nodes of one id is kept as it is and zz_workflow_validate()
 * reports it. Emits "changed" once. */
void        _zz_workflow_replace_contents (ZzWorkflow  *self,
                                           GPtrArray   *nodes,
                                           GPtrArray   *edges);

/* Like zz_workflow_add_node() and zz_workflow_add_edge(), at @position
 * of the list (G_MAXUINT or past the end appends): undo puts a removed
 * node or edge back where it was. */
gboolean    _zz_workflow_insert_node      (ZzWorkflow  *self,
                                           ZzNode      *node,
                                           guint        position,
                                           GError     **error);
gboolean    _zz_workflow_insert_edge      (ZzWorkflow  *self,
                                           ZzEdge      *edge,
                                           guint        position,
                                           GError     **error);

/* The undo/redo stack of a document (zz-workflow-history.c). */
typedef struct _ZzWorkflowHistory ZzWorkflowHistory;

ZzWorkflowHistory *_zz_workflow_history_new  (void);
void        _zz_workflow_history_free     (ZzWorkflowHistory *history);
/* Made on first use, freed with the document. */
ZzWorkflowHistory *_zz_workflow_get_history (ZzWorkflow  *self);
/* Notifies "can-undo", "can-redo", "modified": each one that is TRUE. */
void        _zz_workflow_notify_history   (ZzWorkflow  *self,
                                           gboolean     can_undo,
                                           gboolean     can_redo,
                                           gboolean     modified);

/* The document @node is in (%NULL: none), which it tells of each of its
 * property notifications, as "changed", once that notification's
 * handlers have run. A node is in one document at a time. */
void        _zz_node_set_document         (ZzNode      *node,
                                           ZzWorkflow  *document);
/* Emits "changed": a node of @self changed. */
void        _zz_workflow_node_changed     (ZzWorkflow  *self);

/* Like zz_node_new_from_json() and zz_edge_new_from_json(); @index
 * (counted from 1) names the node or edge in errors when it has no id.
 * @text (nullable), @length: the text @object was read from: the node or
 * edge keeps that text rather than writing @object again. */
ZzNode     *_zz_node_new_from_json_at     (JsonObject  *object,
                                           const char  *text,
                                           gsize        length,
                                           guint        index,
                                           GError     **error);
ZzEdge     *_zz_edge_new_from_json_at     (JsonObject  *object,
                                           const char  *text,
                                           gsize        length,
                                           guint        index,
                                           GError     **error);
/* A list of Zzyra JSON nodes (edges) read with the two above, alike for a
 * file and the clipboard (zz-workflow-json.c); a %NULL @array is empty.
 * Returns: (transfer full) (nullable): the nodes (edges), %NULL on error */
GPtrArray  *_zz_workflow_read_nodes       (JsonArray   *array,
                                           GError     **error);
GPtrArray  *_zz_workflow_read_edges       (JsonArray   *array,
                                           GError     **error);

G_END_DECLS
