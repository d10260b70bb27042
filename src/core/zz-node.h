/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZZ_TYPE_NODE (zz_node_get_type ())

G_DECLARE_FINAL_TYPE (ZzNode, zz_node, ZZ, NODE, GObject)

/* One node of a workflow, as the Zzyra web editor (React Flow) saves it:
 * {id, type, position {x, y}, data {blockType, label, description, config,
 * isEnabled, ...}, ...}. Keys this app does not know, on the node and in its
 * data, are kept and written back by zz_node_to_json().
 *
 * Properties: id (construct-only), block-type, label, description, x, y,
 * enabled, config (a JsonObject, never NULL). Changes notify.
 */
ZzNode     *zz_node_new             (const char  *id,
                                     const char  *block_type);
ZzNode     *zz_node_new_from_json   (JsonObject  *object,
                                     GError     **error);
JsonObject *zz_node_to_json         (ZzNode      *self);
ZzNode     *zz_node_copy            (ZzNode      *self,
                                     const char  *new_id);

const char *zz_node_get_id          (ZzNode      *self);
const char *zz_node_get_block_type  (ZzNode      *self);
void        zz_node_set_block_type  (ZzNode      *self,
                                     const char  *block_type);
const char *zz_node_get_label       (ZzNode      *self);
/* What the user knows the node by: its label, or its id if it has none. */
const char *zz_node_get_display_name (ZzNode    *self);
void        zz_node_set_label       (ZzNode      *self,
                                     const char  *label);
const char *zz_node_get_description (ZzNode      *self);
void        zz_node_set_description (ZzNode      *self,
                                     const char  *description);
double      zz_node_get_x           (ZzNode      *self);
double      zz_node_get_y           (ZzNode      *self);
void        zz_node_set_position    (ZzNode      *self,
                                     double       x,
                                     double       y);
gboolean    zz_node_get_enabled     (ZzNode      *self);
void        zz_node_set_enabled     (ZzNode      *self,
                                     gboolean     enabled);
/* (transfer none): never %NULL */
JsonObject *zz_node_get_config      (ZzNode      *self);
JsonObject *zz_node_dup_config      (ZzNode      *self);
/* takes a reference on @config; %NULL means {}. Notifies when @config is
 * not equal to the current config, or is the current config object itself
 * (edited in place). */
void        zz_node_set_config      (ZzNode      *self,
                                     JsonObject  *config);

G_END_DECLS
