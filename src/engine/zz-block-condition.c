/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-condition.c: CONDITION routes the run to its true or false output
 *
 * The condition is left unresolved by the executor (a raw key) so that its
 * templates are typed values of the expression, not pasted text: a price of
 * 70000.5 compares as a number, a string with quotes cannot inject syntax.
 *
 * Like every branching block, its output is {result, branch, data}: the
 * executor follows the edges of `branch` and hands them `data`, the
 * condition's own input, so the nodes after it see what it saw.
 */
#define G_LOG_DOMAIN "zz-block-condition"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-blocks-private.h"
#include "zz-engine-error.h"
#include "zz-expression.h"
#include "zz-json.h"

static void
condition_execute (ZzBlockType    *type,
                   JsonObject     *config,
                   JsonNode       *input,
                   ZzBlockContext *context,
                   GTask          *task)
{
  const char *condition = zz_json_object_get_string (config, "condition", "");
  g_autoptr(GError) error = NULL;
  JsonObject *output;
  gboolean    result = FALSE;

  if (!zz_expression_evaluate (condition, context->scope, &result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  output = json_object_new ();
  json_object_set_boolean_member (output, "result", result);
  json_object_set_string_member (output, "branch", result ? "true" : "false");
  json_object_set_string_member (output, "condition", condition);
  json_object_set_member (output, "data", input ? json_node_copy (input) : json_node_new (JSON_NODE_NULL));

  _zz_block_return_output (task, zz_json_node_new_take_object (output));
}

/* A condition that cannot be read is a problem in the editor and at
 * import, not first at run time. */
static gboolean
condition_validate (ZzBlockType *type,
                    JsonObject  *config,
                    GError     **error)
{
  const char *condition = zz_json_object_get_string (config, "condition", NULL);

  if (condition == NULL || *condition == '\0')
    return TRUE;

  return zz_expression_check (condition, error);
}

static const ZzConfigField condition_fields[] = {
  { "condition", ZZ_FIELD_STRING, N_ ("Condition"),
    N_ ("For example {{json.price}} > 70000 || {{json.price}} < 40000"),
    NULL, NULL, 0, 0, ZZ_FIELD_REQUIRED | ZZ_FIELD_RAW },
  { "description", ZZ_FIELD_TEXT, N_ ("Description"), NULL },
};

const ZzBlockTypeInfo *
_zz_block_condition_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "CONDITION",
    .title = N_ ("Condition"),
    .description = N_ ("Continues on the true or the false output"),
    .category = "logic",
    .icon_name = "media-playlist-shuffle-symbolic",
    .tags = "if branch compare decision filter",
    .outputs = "true|false",
    .fields = condition_fields,
    .n_fields = G_N_ELEMENTS (condition_fields),
    .execute = condition_execute,
    .validate = condition_validate,
  };

  return &info;
}
