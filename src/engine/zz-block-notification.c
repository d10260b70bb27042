/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-notification.c: NOTIFICATION writes a Notification row
 *
 * The row is the notification: the app shows unread rows and turns new ones
 * into desktop notifications, so a run from zzyra-cli notifies too.
 */
#define G_LOG_DOMAIN "zz-block-notification"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-blocks-private.h"
#include "zz-engine-error.h"
#include "zz-json.h"
#include "zz-store.h"

/* The platform's newer keys first, then the older ones. */
static const char *
first_string (JsonObject *config,
              const char *key,
              const char *older_key)
{
  const char *value = zz_json_object_get_string (config, key, NULL);

  if (value == NULL || *value == '\0')
    value = zz_json_object_get_string (config, older_key, NULL);

  return value;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static gboolean
notification_validate (ZzBlockType *type,
                       JsonObject  *config,
                       GError     **error)
{
  const char *title = first_string (config, "title", "subject");
  const char *message = first_string (config, "message", "body");

  /* A desktop notification with a blank title says nothing. */
  if (is_blank (title))
    {
      g_set_error_literal (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                           _("“Title” is required"));
      return FALSE;
    }

  if (message == NULL)
    {
      g_set_error_literal (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                           _("“Message” is required"));
      return FALSE;
    }

  return TRUE;
}

static void
notification_execute (ZzBlockType    *type,
                      JsonObject     *config,
                      JsonNode       *input,
                      ZzBlockContext *context,
                      GTask          *task)
{
  g_autoptr(ZzNotification) notification = zz_notification_new ();
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *output;
  const char *kind;

  kind = first_string (config, "channel", "notificationType");
  if (kind == NULL || *kind == '\0' || g_str_equal (kind, "in_app"))
    kind = "info";

  json_object_set_string_member (data, "workflowId", context->workflow_id);
  json_object_set_string_member (data, "executionId", context->execution_id);
  json_object_set_string_member (data, "nodeId", context->node_id);

  notification->title = g_strdup (first_string (config, "title", "subject"));
  notification->message = g_strdup (first_string (config, "message", "body"));
  notification->type = g_strdup (kind);
  notification->data = zz_json_object_to_string (data, FALSE);
  notification->user_id = g_strdup (context->user_id);

  if (!zz_store_insert_notification (context->store, notification, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  output = json_object_new ();
  json_object_set_string_member (output, "notificationId", notification->id);
  json_object_set_string_member (output, "title", notification->title);
  json_object_set_string_member (output, "message", notification->message);
  json_object_set_string_member (output, "type", notification->type);
  json_object_set_boolean_member (output, "sent", TRUE);

  _zz_block_return_output (task, zz_json_node_new_take_object (output));
}

static const ZzConfigField notification_fields[] = {
  { "title", ZZ_FIELD_STRING, N_ ("Title"), N_ ("May use templates such as {{json.price}}") },
  { "message", ZZ_FIELD_TEXT, N_ ("Message"), N_ ("May use templates such as {{json.price}}") },
  /* No schema default: it would hide the older notificationType; a kind
   * given by neither key is "info". */
  { "channel", ZZ_FIELD_CHOICE, N_ ("Kind"), NULL, NULL, "info|success|warning|error|in_app" },
  { "to", ZZ_FIELD_STRING, N_ ("Recipient"), N_ ("Kept for the web platform; desktop notifications go to you"),
    NULL, NULL, 0, 0, ZZ_FIELD_ADVANCED },
};

const ZzBlockTypeInfo *
_zz_block_notification_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "NOTIFICATION",
    .title = N_ ("Notification"),
    .description = N_ ("Notifies you with a title and a message"),
    .category = "notification",
    .icon_name = "preferences-system-notifications-symbolic",
    .tags = "notify alert message desktop",
    .fields = notification_fields,
    .n_fields = G_N_ELEMENTS (notification_fields),
    .execute = notification_execute,
    .validate = notification_validate,
  };

  return &info;
}
