/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZZ_JSON_ERROR (zz_json_error_quark ())

typedef enum
{
  ZZ_JSON_ERROR_SYNTAX,   /* not JSON at all: the message gives line and column */
  ZZ_JSON_ERROR_TYPE,     /* JSON, but not of the expected shape */
  ZZ_JSON_ERROR_TOO_LARGE,
  ZZ_JSON_ERROR_TOO_DEEP, /* arrays and objects nested past ZZ_JSON_MAX_DEPTH */
} ZzJsonError;

/* How deeply arrays and objects may nest in JSON read from outside: far
 * more than any workflow or reply needs, and few enough stack frames for
 * every reader and writer of the tree to recurse safely. */
#define ZZ_JSON_MAX_DEPTH 512

GQuark      zz_json_error_quark           (void);

JsonNode   *zz_json_parse                 (const char  *data,
                                           gssize       length,
                                           GError     **error);
JsonObject *zz_json_parse_object          (const char  *data,
                                           gssize       length,
                                           GError     **error);
char       *zz_json_to_string             (JsonNode    *node,
                                           gboolean     pretty);
const char *zz_json_format_double         (char        *buffer,
                                           double       value);
char       *zz_json_object_to_string      (JsonObject  *object,
                                           gboolean     pretty);
char       *zz_json_array_to_string       (JsonArray   *array,
                                           gboolean     pretty);
gboolean    zz_json_is_valid              (const char  *text);

const char *zz_json_object_get_string     (JsonObject  *object,
                                           const char  *member,
                                           const char  *default_value);
gint64      zz_json_object_get_int        (JsonObject  *object,
                                           const char  *member,
                                           gint64       default_value);
double      zz_json_object_get_double     (JsonObject  *object,
                                           const char  *member,
                                           double       default_value);
gboolean    zz_json_object_get_bool       (JsonObject  *object,
                                           const char  *member,
                                           gboolean     default_value);
JsonObject *zz_json_object_get_object     (JsonObject  *object,
                                           const char  *member);
JsonArray  *zz_json_object_get_array      (JsonObject  *object,
                                           const char  *member);

JsonNode   *zz_json_node_new_take_object  (JsonObject  *object);
JsonNode   *zz_json_node_deep_copy        (JsonNode    *node);
gboolean    zz_json_node_is_deeper_than   (JsonNode    *node,
                                           guint        max_depth);
JsonObject *zz_json_object_deep_copy      (JsonObject  *object);
JsonNode   *zz_json_node_get_path         (JsonNode    *root,
                                           const char  *path);
gboolean    zz_json_object_set_path       (JsonObject  *object,
                                           const char  *path,
                                           JsonNode    *value);

char      **zz_json_array_to_strv         (JsonArray   *array);
JsonArray  *zz_json_array_new_from_strv   (const char * const *strv);
char      **zz_json_strv_from_string      (const char  *text);
char       *zz_json_strv_to_string        (const char * const *strv);

G_END_DECLS
