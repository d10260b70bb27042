/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zz-edge.h"
#include "zz-node.h"
#include "zz-problem.h"

G_BEGIN_DECLS

#define ZZ_WORKFLOW_ERROR (zz_workflow_error_quark ())

typedef enum
{
  ZZ_WORKFLOW_ERROR_INVALID,    /* the JSON is not a Zzyra workflow; message says where */
  ZZ_WORKFLOW_ERROR_DUPLICATE_ID,
  ZZ_WORKFLOW_ERROR_NOT_FOUND,
} ZzWorkflowError;

GQuark zz_workflow_error_quark (void);

/* Tells whether a block type can be run, and which config keys it requires.
 * The engine's registry provides one; %NULL uses the platform's list of
 * block type names and checks no config. Returns FALSE for an unknown type;
 * on TRUE, *required (nullable) lists the required config keys. */
typedef gboolean (*ZzBlockTypeCheck) (const char          *block_type,
                                      const char * const **required,
                                      gpointer             user_data);

#define ZZ_TYPE_WORKFLOW (zz_workflow_get_type ())

G_DECLARE_FINAL_TYPE (ZzWorkflow, zz_workflow, ZZ, WORKFLOW, GObject)

/* The workflow document: its row's fields, its nodes and edges as list
 * models, and every top-level key of the Zzyra JSON it was read from that
 * this app does not know (e.g. "metadata"), written back unchanged.
 *
 * Properties: id, name, description, tags, is-public, version, user-id,
 * created-at, updated-at. Signals: "changed" after any change to the
 * document (a field, a node, an edge).
 */
/* A new id; written in full (isPublic, version, tags, nodes, edges). */
ZzWorkflow  *zz_workflow_new                (const char   *name);
/* Structure errors are ZZ_WORKFLOW_ERROR_INVALID naming the node or edge
 * ("Node 3 has no id", "Node “n1” has no block type", "Edge “e1” has no
 * target", "“nodes” is not a list"). A string "name" is required ("The
 * workflow has no name"); a missing "id" gets a new one. Unknown block
 * types, dangling edges, duplicate ids and cycles are not read errors:
 * the document opens and zz_workflow_validate() reports them. */
ZzWorkflow  *zz_workflow_new_from_json      (JsonObject   *object,
                                             GError      **error);
/* Also: text that is not JSON is ZZ_JSON_ERROR_SYNTAX ("line 3, column 14"). */
ZzWorkflow  *zz_workflow_new_from_data      (const char   *data,
                                             gssize        length,
                                             GError      **error);
/* The Zzyra web format: {id, name, description, nodes, edges, tags, isPublic,
 * version, createdAt, updatedAt, userId, ...kept keys} */
JsonObject  *zz_workflow_to_json            (ZzWorkflow   *self);
char        *zz_workflow_to_data            (ZzWorkflow   *self,
                                             gboolean      pretty);
/* A deep copy with a new id, no row fields (user, dates, version 1, not
 * public), and @name (%NULL keeps the name). Node and edge ids are kept. */
ZzWorkflow  *zz_workflow_duplicate          (ZzWorkflow   *self,
                                             const char   *name);

/* The parts the store keeps in columns. */
char        *zz_workflow_dup_nodes_json     (ZzWorkflow   *self);
char        *zz_workflow_dup_edges_json     (ZzWorkflow   *self);
/* Top-level keys not in the schema, as a JSON object text ("{}" if none).
 * A known key whose value has the wrong type (a null description) is kept
 * here too, so that it is written back as it was. */
char        *zz_workflow_dup_extra_json     (ZzWorkflow   *self);
/* Replaces nodes, edges and kept keys; each text is nullable. On error
 * (ZZ_JSON_ERROR or ZZ_WORKFLOW_ERROR_INVALID) @self is unchanged. */
gboolean     zz_workflow_load_columns       (ZzWorkflow   *self,
                                             const char   *nodes_json,
                                             const char   *edges_json,
                                             const char   *extra_json,
                                             GError      **error);

const char  *zz_workflow_get_id             (ZzWorkflow   *self);
void         zz_workflow_set_id             (ZzWorkflow   *self,
                                             const char   *id);
const char  *zz_workflow_get_name           (ZzWorkflow   *self);
void         zz_workflow_set_name           (ZzWorkflow   *self,
                                             const char   *name);
const char  *zz_workflow_get_description    (ZzWorkflow   *self);
void         zz_workflow_set_description    (ZzWorkflow   *self,
                                             const char   *description);
const char * const *zz_workflow_get_tags    (ZzWorkflow   *self);
void         zz_workflow_set_tags           (ZzWorkflow   *self,
                                             const char * const *tags);
gboolean     zz_workflow_get_is_public      (ZzWorkflow   *self);
void         zz_workflow_set_is_public      (ZzWorkflow   *self,
                                             gboolean      is_public);
gint64       zz_workflow_get_version        (ZzWorkflow   *self);
void         zz_workflow_set_version        (ZzWorkflow   *self,
                                             gint64        version);
const char  *zz_workflow_get_user_id        (ZzWorkflow   *self);
void         zz_workflow_set_user_id        (ZzWorkflow   *self,
                                             const char   *user_id);
const char  *zz_workflow_get_created_at     (ZzWorkflow   *self);
void         zz_workflow_set_created_at     (ZzWorkflow   *self,
                                             const char   *created_at);
const char  *zz_workflow_get_updated_at     (ZzWorkflow   *self);
void         zz_workflow_set_updated_at     (ZzWorkflow   *self,
                                             const char   *updated_at);

/* (transfer none) (element-type ZzNode) */
GListModel  *zz_workflow_get_nodes          (ZzWorkflow   *self);
/* (transfer none) (element-type ZzEdge) */
GListModel  *zz_workflow_get_edges          (ZzWorkflow   *self);
guint        zz_workflow_get_n_nodes        (ZzWorkflow   *self);
ZzNode      *zz_workflow_find_node          (ZzWorkflow   *self,
                                             const char   *node_id);
ZzEdge      *zz_workflow_find_edge          (ZzWorkflow   *self,
                                             const char   *edge_id);
gboolean     zz_workflow_add_node           (ZzWorkflow   *self,
                                             ZzNode       *node,
                                             GError      **error);
/* add_node/add_edge refuse an id already there (ZZ_WORKFLOW_ERROR_DUPLICATE_ID,
 * "The workflow already has a node “n2”"); remove_* fail with
 * ZZ_WORKFLOW_ERROR_NOT_FOUND. find_* are O(1) and (transfer none).
 * Removing a node removes every edge touching it. */
gboolean     zz_workflow_remove_node        (ZzWorkflow   *self,
                                             const char   *node_id,
                                             GError      **error);
gboolean     zz_workflow_add_edge           (ZzWorkflow   *self,
                                             ZzEdge       *edge,
                                             GError      **error);
gboolean     zz_workflow_remove_edge        (ZzWorkflow   *self,
                                             const char   *edge_id,
                                             GError      **error);

/* Every problem of the document, in node then edge order, then at most one
 * cycle ("Nodes “a”, “b” and “c” form a cycle"). An unknown block type is a
 * WARNING; duplicate ids, missing config, dangling edges, self loops and
 * cycles are ERRORs. Messages name nodes and edges by id.
 * (transfer full) (element-type ZzProblem) */
GPtrArray   *zz_workflow_validate           (ZzWorkflow      *self,
                                             ZzBlockTypeCheck check,
                                             gpointer         user_data);
/* The platform's BlockType names plus MANUAL_TRIGGER and DELAY; UNKNOWN is
 * not known (nothing can run it). */
gboolean     zz_workflow_is_known_block_type (const char     *block_type);

G_END_DECLS
