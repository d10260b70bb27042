/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a node's templates may name, as the Zzyra platform resolves them.
 *
 * A plain struct, not a GObject: the executor fills one on its worker's stack
 * just before a node runs, from data it already owns, and throws it away when
 * the node is done. Every member is borrowed and may be %NULL (a zeroed scope
 * is valid and names nothing), so building one copies nothing. */
typedef struct
{
  GHashTable *outputs;    /* node id (char *) -> that node's output (JsonNode *) */
  JsonNode   *json;       /* the node's input: its upstream node's output, or an
                           * object of the upstream outputs by node id when
                           * there are several (the caller builds it) */
  JsonNode   *data;       /* the platform's {data.field}: the same upstream
                           * output(s); when %NULL, @json is used */
  JsonNode   *input;      /* the execution's input */
  JsonObject *variables;  /* the workflow's metadata.variables */
} ZzTemplateScope;

/* Resolves every string inside @value (members of objects and elements of
 * arrays, deeply; keys are left alone).
 *
 * A string that is exactly one reference keeps the JSON type of what it
 * names: "{{n1.count}}" gives the number 3, an object stays an object. A
 * reference inside longer text is interpolated: strings as they are,
 * integers as integers, other numbers in their shortest exact form (no
 * trailing zeros), true/false, null as "null" (as JavaScript's String()
 * does), objects and arrays as compact JSON.
 *
 * Forms: {{nodeId.path}}, {{json.path}}, {{data.path}}, {{input.path}},
 * {{variable}}, {{variables.name}}, {{$now}}, {{$uuid}}, {{$randomInt(a,b)}};
 * single braces {data.x}, {json.x}, {input.x} and {NodeId.x} only when the
 * head is one of those words or a node id of @scope, since JSON-like text
 * has braces too. A path is made of ".key", "[N]" and "[\"key\"]" steps; an
 * array also has ".length". Text between braces that is not a reference at
 * all (say "{{ hello world }}") is left as it is.
 *
 * A reference that names nothing is %ZZ_ENGINE_ERROR_TEMPLATE, with a
 * message that quotes it as written: a missing value must stop the node,
 * not become an empty string in an e-mail or an HTTP body.
 *
 * Returns: (transfer full): a new node, or %NULL with @error set */
JsonNode  *zz_template_resolve                  (const ZzTemplateScope  *scope,
                                                 JsonNode               *value,
                                                 GError                **error);

/* Interpolates @text: always gives a string, even for a lone reference. */
char      *zz_template_resolve_string           (const ZzTemplateScope  *scope,
                                                 const char             *text,
                                                 GError                **error);

/* Resolves one reference as written in @reference, with its braces
 * ("{{data.price}}", "{data.price}") or without ("data.price"), to a copy
 * of the value it names. Conditions use it, so that a template in an
 * expression is a typed value, never pasted text. Single braces or none
 * accept any head here: the caller knows it holds a reference.
 *
 * Returns: (transfer full): the value, or %NULL with @error set */
JsonNode  *zz_template_resolve_reference        (const ZzTemplateScope  *scope,
                                                 const char             *reference,
                                                 GError                **error);

/* How a value reads inside text, by the rules of zz_template_resolve():
 * exported so that blocks and conditions turn values into text alike.
 *
 * Returns: (transfer full): the text */
char      *zz_template_format_value             (JsonNode               *value);

/* Whether @text may need resolving. Without a scope, single braces count
 * when the head is data, json or input or when a path follows the head
 * ({NodeId.field}), so this may say TRUE for text resolving leaves alone. */
gboolean   zz_template_has_references           (const char             *text);

/* The node ids @text refers to, once each, in order: heads of references
 * with a path ({{n1.x}}, {{n1[0]}}, {n1.x}) that are not json, data, input
 * or variables. A lone {{name}} is a workflow variable first, so it is not
 * listed. Validation checks these against the nodes upstream; a
 * single-brace id that is no node of the workflow is plain text.
 *
 * Returns: (transfer full): a %NULL-terminated array, never %NULL */
GStrv      zz_template_list_node_references     (const char             *text);

G_END_DECLS
