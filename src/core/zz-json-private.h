/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-json-private.h: JSON reading and writing shared inside libzzyra-core */
#pragma once

#include "zz-json.h"

G_BEGIN_DECLS

/* Appends @object to @out as zz_json_object_to_string (@object, FALSE)
 * writes it, so that a long list is written one item at a time. */
void _zz_json_append_object (GString    *out,
                             JsonObject *object);

/* Like zz_json_parse(), but nothing is sealed: the tree is the caller's
 * to change in place, where a sealed one would be copied first. */
JsonNode *_zz_json_parse_unsealed (const char *data,
                                   gssize      length,
                                   GError    **error);

/* (transfer full): the object that @text holds, to be changed in place:
 * @text is what a node or edge keeps of the object it was read from (its
 * text as read, or as zz_json_object_to_string() wrote it), which always
 * reads back; a critical says when it does not, and the object is empty. */
JsonObject *_zz_json_object_read_back (const char *text);

/* Called by _zz_json_parse_streaming() with each element of a streamed
 * array as soon as it is read: @element (transfer full) is not sealed and
 * is the callee's, @text and @length are where it stands in the text. A
 * call with a %NULL @element says an array of @member begins, so that of a
 * member named twice the last value is kept, as for any other member. */
typedef void (*ZzJsonElementFunc) (const char *member,
                                   JsonNode   *element,
                                   const char *text,
                                   gsize       length,
                                   gpointer    user_data);

/* Like zz_json_parse(), but the elements of some arrays are handed to
 * @func one by one and never kept, so that a long list is never all in
 * memory as JSON nodes: when @members is %NULL, those of the root array;
 * else those of each array member of the root object named in @members
 * (%NULL-terminated). An empty array takes the place of each in the tree.
 * Errors, and where they are found, are zz_json_parse()'s. */
JsonNode *_zz_json_parse_streaming (const char        *data,
                                    gssize             length,
                                    const char *const *members,
                                    ZzJsonElementFunc  func,
                                    gpointer           user_data,
                                    GError           **error);

G_END_DECLS
