/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-starters.c: the starter workflows
 *
 * Each is a Zzyra web file compiled into the engine's resources, so that it
 * is exactly what a user could have imported; titles and descriptions live
 * here, where gettext finds them.
 */
#define G_LOG_DOMAIN "zz-starters"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-engine-resources.h"
#include "zz-starters.h"

#define STARTERS_PATH "/org/zzyra/Desktop/starters/"

static const ZzStarter starters[] = {
  { "price-alert", N_ ("Price Alert"),
    N_ ("Notifies you when a price leaves the range you set"), "dialog-warning-symbolic" },
  { "fetch-api", N_ ("Fetch JSON from an API"),
    N_ ("Calls a web API and keeps the part you need"), "network-transmit-receive-symbolic" },
  { "order-total", N_ ("Order Total with Tax"),
    N_ ("Adds up an order, adds tax and flags large orders"), "accessories-calculator-symbolic" },
  { "daily-reminder", N_ ("Daily Reminder"),
    N_ ("Reminds you of something every morning"), "alarm-symbolic" },
  { "wait-and-notify", N_ ("Wait, Then Notify"),
    N_ ("A timer that sends you a note"), "media-playback-pause-symbolic" },
  { "webhook-relay", N_ ("Post to a Webhook"),
    N_ ("Sends a message to a chat webhook and warns you if it fails"), "send-to-symbolic" },
};

/**
 * zz_starters_get_all:
 * @n_starters: (out): how many there are
 *
 * The titles and descriptions are untranslated: pass them through _().
 *
 * Returns: (transfer none): the starters
 */
const ZzStarter *
zz_starters_get_all (guint *n_starters)
{
  g_return_val_if_fail (n_starters != NULL, NULL);

  *n_starters = G_N_ELEMENTS (starters);

  return starters;
}

/**
 * zz_starters_lookup:
 *
 * Returns: (transfer none) (nullable): the starter named @id
 */
const ZzStarter *
zz_starters_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (starters); i++)
    {
      if (g_str_equal (starters[i].id, id))
        return &starters[i];
    }

  return NULL;
}

/**
 * zz_starter_create:
 *
 * Returns: (transfer full): a new workflow, or %NULL if @id names no starter
 */
ZzWorkflow *
zz_starter_create (const char *id,
                   GError    **error)
{
  const ZzStarter *starter = zz_starters_lookup (id);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  gsize       size;
  const char *data;

  if (starter == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (starters); i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", starters[i].id);

      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND,
                   _("There is no template “%s”; the templates are: %s"), id, known->str);
      return NULL;
    }

  path = g_strconcat (STARTERS_PATH, starter->id, ".json", NULL);
  bytes = g_resource_lookup_data (zz_engine_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!(workflow = zz_workflow_new_from_data (data, (gssize) size, error)))
    return NULL;

  zz_workflow_set_id (workflow, NULL);
  zz_workflow_set_name (workflow, _(starter->title));

  return g_steal_pointer (&workflow);
}
