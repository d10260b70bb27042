/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-trigger.c: MANUAL_TRIGGER and SCHEDULE, the blocks a run starts at
 *
 * A manual trigger passes the execution input on, checked against the inputs
 * it declares. A schedule, when the user runs the workflow by hand, behaves
 * as a trigger that fired now.
 */
#define G_LOG_DOMAIN "zz-block-trigger"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "zz-blocks-private.h"
#include "zz-engine-error.h"
#include "zz-json.h"
#include "zz-time.h"

void
_zz_block_return_output (GTask    *task,
                         JsonNode *output)
{
  g_task_return_pointer (task, output, (GDestroyNotify) json_node_unref);
  g_object_unref (task);
}

/* MANUAL_TRIGGER ---------------------------------------------------------- */

static gboolean
manual_trigger_validate (ZzBlockType *type,
                         JsonObject  *config,
                         GError     **error)
{
  JsonArray *inputs = zz_json_object_get_array (config, "inputs");
  guint      n = inputs ? json_array_get_length (inputs) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode   *element = json_array_get_element (inputs, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        name = zz_json_object_get_string (json_node_get_object (element), "name", NULL);

      if (name == NULL || *name == '\0')
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                       _("Input %u of the trigger has no name"), i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static void
manual_trigger_execute (ZzBlockType    *type,
                        JsonObject     *config,
                        JsonNode       *input,
                        ZzBlockContext *context,
                        GTask          *task)
{
  JsonArray *inputs = zz_json_object_get_array (config, "inputs");
  JsonNode  *given = context->execution_input;
  g_autoptr(JsonObject) output = NULL;
  guint n = inputs ? json_array_get_length (inputs) : 0;

  if (given != NULL && !JSON_NODE_HOLDS_NULL (given) && !JSON_NODE_HOLDS_OBJECT (given))
    {
      /* Not an object: passed on as it is, when nothing is declared. */
      if (n == 0)
        {
          _zz_block_return_output (task, json_node_copy (given));
          return;
        }
      g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                               _("The run’s input must be a JSON object with the trigger’s inputs"));
      g_object_unref (task);
      return;
    }

  output = json_object_new ();
  if (given != NULL && JSON_NODE_HOLDS_OBJECT (given))
    {
      JsonObjectIter iter;
      const char    *key;
      JsonNode      *value;

      json_object_iter_init (&iter, json_node_get_object (given));
      while (json_object_iter_next (&iter, &key, &value))
        json_object_set_member (output, key, json_node_copy (value));
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *declared = json_array_get_object_element (inputs, i);
      const char *name = zz_json_object_get_string (declared, "name", NULL);
      JsonNode   *default_value = json_object_get_member (declared, "default");

      if (name == NULL || json_object_has_member (output, name))
        continue;

      if (default_value != NULL)
        json_object_set_member (output, name, json_node_copy (default_value));
      else if (zz_json_object_get_bool (declared, "required", FALSE))
        {
          g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                                   _("The input “%s” is required"), name);
          g_object_unref (task);
          return;
        }
    }

  _zz_block_return_output (task, json_node_init_object (json_node_alloc (), output));
}

static const ZzConfigField manual_trigger_fields[] = {
  { "inputs", ZZ_FIELD_LIST, N_ ("Inputs"),
    N_ ("What the run asks for: a list of {name, type, required, default, description}"),
    "[]" },
};

const ZzBlockTypeInfo *
_zz_block_manual_trigger_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "MANUAL_TRIGGER",
    .title = N_ ("Manual Trigger"),
    .description = N_ ("Starts the workflow when you run it, passing the run’s input on"),
    .category = "trigger",
    .icon_name = "media-playback-start-symbolic",
    .tags = "start run manual input trigger",
    .trigger = TRUE,
    .fields = manual_trigger_fields,
    .n_fields = G_N_ELEMENTS (manual_trigger_fields),
    .execute = manual_trigger_execute,
    .validate = manual_trigger_validate,
  };

  return &info;
}

/* SCHEDULE ---------------------------------------------------------------- */

static gboolean
schedule_validate (ZzBlockType *type,
                   JsonObject  *config,
                   GError     **error)
{
  const char *time = zz_json_object_get_string (config, "time", NULL);
  guint       hour, minute;
  char        extra;

  if (time == NULL || *time == '\0')
    return TRUE;

  if (sscanf (time, "%u:%u%c", &hour, &minute, &extra) != 2 || hour > 23 || minute > 59)
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                   _("“Time” must be a time of day such as 09:30, not “%s”"), time);
      return FALSE;
    }

  return TRUE;
}

static void
schedule_execute (ZzBlockType    *type,
                  JsonObject     *config,
                  JsonNode       *input,
                  ZzBlockContext *context,
                  GTask          *task)
{
  JsonObject      *output = json_object_new ();
  g_autofree char *now = zz_time_now_iso8601 ();

  json_object_set_string_member (output, "triggeredAt", now);
  json_object_set_string_member (output, "interval",
                                 zz_json_object_get_string (config, "interval", "daily"));
  if (context->execution_input != NULL && !JSON_NODE_HOLDS_NULL (context->execution_input))
    json_object_set_member (output, "input", json_node_copy (context->execution_input));

  _zz_block_return_output (task, zz_json_node_new_take_object (output));
}

static const ZzConfigField schedule_fields[] = {
  { "interval", ZZ_FIELD_CHOICE, N_ ("Repeat"), NULL, "\"daily\"",
    "once|minutely|hourly|daily|weekly|monthly" },
  { "time", ZZ_FIELD_STRING, N_ ("Time"), N_ ("Time of day, as 09:30") },
  { "cron", ZZ_FIELD_STRING, N_ ("Cron Expression"), N_ ("Overrides Repeat when set"),
    NULL, NULL, 0, 0, ZZ_FIELD_ADVANCED },
  { "timezone", ZZ_FIELD_STRING, N_ ("Time Zone"), N_ ("For example Europe/Berlin; empty for UTC"),
    NULL, NULL, 0, 0, ZZ_FIELD_ADVANCED },
};

const ZzBlockTypeInfo *
_zz_block_schedule_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "SCHEDULE",
    .title = N_ ("Schedule"),
    .description = N_ ("Starts the workflow on a schedule"),
    .category = "trigger",
    .icon_name = "alarm-symbolic",
    .tags = "time cron timer interval daily trigger",
    .trigger = TRUE,
    .fields = schedule_fields,
    .n_fields = G_N_ELEMENTS (schedule_fields),
    .execute = schedule_execute,
    .validate = schedule_validate,
  };

  return &info;
}
