/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-calculator.c: CALCULATOR, arithmetic on two operands
 *
 * Operands are strings in the platform's files ("{{fetch.price}}", "0"),
 * numbers once a whole-value template is resolved; older files give them as
 * inputs {a, b}. Output: {result, success, error} as the platform has it.
 */
#define G_LOG_DOMAIN "zz-block-calculator"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zz-blocks-private.h"
#include "zz-engine-error.h"
#include "zz-json.h"

static gboolean
operand_value (JsonObject *config,
               const char *key,
               const char *older_key,
               const char *title,
               double     *value,
               GError    **error)
{
  JsonObject *inputs = zz_json_object_get_object (config, "inputs");
  JsonNode   *node = json_object_get_member (config, key);
  const char *text;
  char       *end = NULL;

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && inputs != NULL)
    node = json_object_get_member (inputs, older_key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *value = 0;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          *value = json_node_get_double (node);
          return TRUE;

        case G_TYPE_STRING:
          text = json_node_get_string (node);
          while (g_ascii_isspace (*text))
            text++;
          if (*text == '\0')
            {
              *value = 0;
              return TRUE;
            }
          *value = g_ascii_strtod (text, &end);
          while (end != NULL && g_ascii_isspace (*end))
            end++;
          if (end != NULL && end != text && *end == '\0' && isfinite (*value))
            return TRUE;
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                       _("The %s “%s” is not a number"), title, json_node_get_string (node));
          return FALSE;

        default:
          break;
        }
    }

  g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
               _("The %s is not a number"), title);
  return FALSE;
}

/* As JavaScript's Math.round, which the web platform uses: halves go up,
 * so -2.5 gives -2 where C's round() gives -3. */
static double
js_round (double value)
{
  return floor (value + 0.5);
}

static void
calculator_execute (ZzBlockType    *type,
                    JsonObject     *config,
                    JsonNode       *input,
                    ZzBlockContext *context,
                    GTask          *task)
{
  const char *operation = zz_json_object_get_string (config, "operation", "add");
  gint64      precision = CLAMP (zz_json_object_get_int (config, "precision", 2), 0, 10);
  g_autoptr(GError) error = NULL;
  JsonObject *output;
  double      left, right, result, scale;

  if (!operand_value (config, "leftOperand", "a", _("left operand"), &left, &error) ||
                      !operand_value (config, "rightOperand", "b", _("right operand"), &right, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if ((g_str_equal (operation, "divide") || g_str_equal (operation, "modulo")) && right == 0)
    {
      g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                               _("Division by zero: the right operand is 0"));
      g_object_unref (task);
      return;
    }

  if (g_str_equal (operation, "subtract"))
    result = left - right;
  else if (g_str_equal (operation, "multiply"))
    result = left * right;
  else if (g_str_equal (operation, "divide"))
    result = left / right;
  else if (g_str_equal (operation, "power"))
    result = pow (left, right);
  else if (g_str_equal (operation, "modulo"))
    result = fmod (left, right);
  else if (g_str_equal (operation, "absolute"))
    result = fabs (left);
  else if (g_str_equal (operation, "round"))
    result = js_round (left);
  else if (g_str_equal (operation, "floor"))
    result = floor (left);
  else if (g_str_equal (operation, "ceiling"))
    result = ceil (left);
  else
    result = left + right;

  /* Rounding to the precision scales the result first: near the top of a
   * double's range that overflowed and gave {"result": null, "success":
   * true}. Such a number has no decimals to round, and whatever the
   * rounding gives is checked too. */
  scale = pow (10, (double) precision);
  if (isfinite (result * scale))
    result = js_round (result * scale) / scale;

  if (!isfinite (result))
    {
      g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                               _("The result of %s is not a finite number"), operation);
      g_object_unref (task);
      return;
    }

  output = json_object_new ();
  if (result == floor (result) && fabs (result) < 9e15)
    json_object_set_int_member (output, "result", (gint64) result);
  else
    json_object_set_double_member (output, "result", result);
  json_object_set_boolean_member (output, "success", TRUE);
  json_object_set_null_member (output, "error");

  _zz_block_return_output (task, zz_json_node_new_take_object (output));
}

static const ZzConfigField calculator_fields[] = {
  { "operation", ZZ_FIELD_CHOICE, N_ ("Operation"), NULL, "\"add\"",
    "add|subtract|multiply|divide|power|modulo|absolute|round|floor|ceiling" },
  /* No schema default: a default would hide the older inputs {a, b}. A
   * missing operand is 0 all the same. */
  { "leftOperand", ZZ_FIELD_STRING, N_ ("Left Operand"), N_ ("A number or a template") },
  { "rightOperand", ZZ_FIELD_STRING, N_ ("Right Operand"), N_ ("A number or a template") },
  { "precision", ZZ_FIELD_INTEGER, N_ ("Decimal Places"), NULL, "2", NULL, 0, 10 },
};

const ZzBlockTypeInfo *
_zz_block_calculator_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "CALCULATOR",
    .title = N_ ("Calculator"),
    .description = N_ ("Adds, subtracts, multiplies, divides and rounds numbers"),
    .category = "data",
    .icon_name = "accessories-calculator-symbolic",
    .tags = "math add subtract multiply divide number arithmetic",
    .fields = calculator_fields,
    .n_fields = G_N_ELEMENTS (calculator_fields),
    .execute = calculator_execute,
  };

  return &info;
}
