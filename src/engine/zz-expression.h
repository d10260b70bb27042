/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zz-template.h"

G_BEGIN_DECLS

/* Evaluates a CONDITION block's expression, such as
 * "{{data.price}} > 70000 || {{data.price}} < 40000".
 *
 * The platform ran these as JavaScript; this app parses a small grammar
 * instead and never runs code, so a workflow from anywhere can be opened
 * and run safely:
 *
 *   or    := and ('||' and)*
 *   and   := not ('&&' not)*
 *   not   := '!' not | cmp
 *   cmp   := value (op value)?
 *   op    := == != === !== > < >= <= contains startsWith endsWith matches
 *   value := number | 'text' | "text" | true | false | null
 *          | {{reference}} | {reference} | a bare path (data.price)
 *          | '(' or ')'
 *
 * References are resolved through @scope to typed values, never pasted in
 * as text. Comparisons follow JavaScript where a user would expect them
 * to: numbers compare as numbers, and so does a numeric string against a
 * number; two strings compare as text; == is loose, === strict; null
 * equals only null, and a < or > against null is false, so a missing
 * price never crosses a threshold. A lone value is true unless it is
 * false, 0, "", null or NaN. && and || stop early as JavaScript does, so
 * "{{a.b}} != null && ..." does not resolve the right side when the left
 * is false. "contains" looks in text, in a list's elements, or among an
 * object's keys; "matches" takes a GLib regular expression of at most
 * 1000 characters.
 *
 * In quoted text, \' \" \\ \n and \t are escapes and any other backslash
 * is kept, so that '^\d+$' reaches the regular expression as written.
 *
 * The whole expression is checked before any reference is resolved: a
 * syntax error is %ZZ_ENGINE_ERROR_EXPRESSION with a message quoting the
 * expression and giving the column, and so is a type error ("cannot
 * compare an object with a number"); a reference that names nothing is
 * the template code's %ZZ_ENGINE_ERROR_TEMPLATE.
 *
 * Returns: %TRUE with @result set, or %FALSE with @error set */
gboolean zz_expression_evaluate (const char             *expression,
                                 const ZzTemplateScope  *scope,
                                 gboolean               *result,
                                 GError                **error);
/* The syntax alone, as zz_expression_evaluate() checks it first. */
gboolean zz_expression_check    (const char             *expression,
                                 GError                **error);

G_END_DECLS
