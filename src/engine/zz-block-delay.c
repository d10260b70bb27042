/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-delay.c: DELAY waits, then passes its input on
 *
 * Both the timer and the cancellation are sources on the worker's context,
 * so the task always completes on its own thread, and a cancel interrupts
 * the wait at once.
 */
#define G_LOG_DOMAIN "zz-block-delay"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-blocks-private.h"
#include "zz-engine-error.h"
#include "zz-json.h"

typedef struct
{
  GTask    *task;
  GSource  *timeout;
  GSource  *cancelled;
  JsonNode *output;
} Wait;

static void
wait_finish (Wait   *wait,
             GError *error)
{
  g_source_destroy (wait->timeout);
  g_source_destroy (wait->cancelled);
  g_source_unref (wait->timeout);
  g_source_unref (wait->cancelled);

  if (error != NULL)
    {
      g_task_return_error (wait->task, error);
      g_object_unref (wait->task);
      json_node_unref (wait->output);
    }
  else
    _zz_block_return_output (wait->task, wait->output);

  g_free (wait);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  wait_finish (user_data, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
on_cancelled_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  wait_finish (user_data, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
  return G_SOURCE_REMOVE;
}

static guint64
duration_ms (JsonObject *config)
{
  double      duration = zz_json_object_get_double (config, "duration", 1);
  const char *unit = zz_json_object_get_string (config, "unit", "seconds");

  if (g_str_equal (unit, "milliseconds"))
    return (guint64) duration;
  if (g_str_equal (unit, "minutes"))
    return (guint64) (duration * 60 * 1000);
  if (g_str_equal (unit, "hours"))
    return (guint64) (duration * 60 * 60 * 1000);

  return (guint64) (duration * 1000);
}

static void
delay_execute (ZzBlockType    *type,
               JsonObject     *config,
               JsonNode       *input,
               ZzBlockContext *context,
               GTask          *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  GMainContext *main_context = g_task_get_context (task);
  Wait         *wait = g_new0 (Wait, 1);
  guint64       ms = duration_ms (config);

  wait->task = task;
  wait->output = input ? json_node_copy (input) : zz_json_node_new_take_object (NULL);
  if (JSON_NODE_HOLDS_OBJECT (wait->output) && json_object_get_size (json_node_get_object (wait->output)) == 0)
    {
      /* An empty input: say what happened rather than pass nothing. */
      json_object_set_int_member (json_node_get_object (wait->output), "delayedMs", (gint64) ms);
    }

  wait->timeout = g_timeout_source_new ((guint) MIN (ms, G_MAXUINT));
  g_source_set_callback (wait->timeout, on_timeout_cb, wait, NULL);
  g_source_set_static_name (wait->timeout, "[zzyra] delay");

  /* Without a cancellable the second source never fires. */
  wait->cancelled = g_cancellable_source_new (cancellable);
  g_source_set_callback (wait->cancelled, G_SOURCE_FUNC (on_cancelled_cb), wait, NULL);

  g_source_attach (wait->timeout, main_context);
  g_source_attach (wait->cancelled, main_context);
}

static const ZzConfigField delay_fields[] = {
  { "duration", ZZ_FIELD_NUMBER, N_ ("Duration"), NULL, "1", NULL, 0, 1000000000, ZZ_FIELD_REQUIRED },
  { "unit", ZZ_FIELD_CHOICE, N_ ("Unit"), NULL, "\"seconds\"", "milliseconds|seconds|minutes|hours" },
};

const ZzBlockTypeInfo *
_zz_block_delay_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "DELAY",
    .title = N_ ("Delay"),
    .description = N_ ("Waits for a while, then passes its input on"),
    .category = "logic",
    .icon_name = "media-playback-pause-symbolic",
    .tags = "wait sleep pause timer",
    .fields = delay_fields,
    .n_fields = G_N_ELEMENTS (delay_fields),
    .execute = delay_execute,
  };

  return &info;
}
