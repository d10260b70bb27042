/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZZ_TYPE_EDGE (zz_edge_get_type ())

G_DECLARE_FINAL_TYPE (ZzEdge, zz_edge, ZZ, EDGE, GObject)

/* One edge: {id, source, target, sourceHandle, targetHandle, type, animated,
 * style, label, data}. Handles are %NULL for a node's one unnamed input or
 * output. Every key other than id/source/target/handles (type, animated,
 * style, label, data with fieldMappings ...) is kept as it was read.
 */
ZzEdge     *zz_edge_new               (const char  *id,
                                       const char  *source,
                                       const char  *source_handle,
                                       const char  *target,
                                       const char  *target_handle);
ZzEdge     *zz_edge_new_from_json     (JsonObject  *object,
                                       GError     **error);
JsonObject *zz_edge_to_json           (ZzEdge      *self);
ZzEdge     *zz_edge_copy              (ZzEdge      *self,
                                       const char  *new_id,
                                       const char  *new_source,
                                       const char  *new_target);

const char *zz_edge_get_id            (ZzEdge      *self);
const char *zz_edge_get_source        (ZzEdge      *self);
const char *zz_edge_get_target        (ZzEdge      *self);
const char *zz_edge_get_source_handle (ZzEdge      *self);
const char *zz_edge_get_target_handle (ZzEdge      *self);

G_END_DECLS
