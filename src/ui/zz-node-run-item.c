/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-node-run-item.c: one node of a run, as the run panel lists it */
#define G_LOG_DOMAIN "zz-node-run-item"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-node-run-item.h"
#include "zz-json.h"
#include "zz-time.h"

struct _ZzNodeRunItem
{
  GObject parent_instance;

  char            *node_id;
  char            *label;
  ZzNodeExecution *row;
  gint64           duration_ms;
};

G_DEFINE_FINAL_TYPE (ZzNodeRunItem, zz_node_run_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NODE_ID,
  PROP_LABEL,
  PROP_STATUS,
  PROP_DURATION_MS,
  PROP_ERROR,
  PROP_ROW,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

char *
zz_format_duration (gint64 ms)
{
  if (ms < 0)
    return NULL;
  if (ms < 1000)
    /* Translators: a duration in milliseconds */
    return g_strdup_printf (_("%d ms"), (int) ms);
  if (ms < 60000)
    /* Translators: a duration in seconds, one decimal */
    return g_strdup_printf (_("%.1f s"), ms / 1000.0);
  /* Translators: a duration in minutes and seconds */
  return g_strdup_printf (_("%d min %d s"), (int) (ms / 60000), (int) (ms / 1000 % 60));
}

static const struct
{
  const char *icon_name;
  const char *title;
} status_looks[] = {
  [ZZ_RUN_STATUS_NONE] = { "content-loading-symbolic", N_ ("Waiting") },
  [ZZ_RUN_STATUS_PENDING] = { "content-loading-symbolic", N_ ("Waiting") },
  [ZZ_RUN_STATUS_RUNNING] = { "emblem-synchronizing-symbolic", N_ ("Running") },
  [ZZ_RUN_STATUS_COMPLETED] = { "emblem-ok-symbolic", N_ ("Completed") },
  [ZZ_RUN_STATUS_FAILED] = { "dialog-error-symbolic", N_ ("Failed") },
  [ZZ_RUN_STATUS_CANCELLED] = { "process-stop-symbolic", N_ ("Stopped") },
  [ZZ_RUN_STATUS_SKIPPED] = { "media-skip-forward-symbolic", N_ ("Skipped") },
};

const char *
zz_status_icon_name (ZzRunStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_looks), NULL);

  return status_looks[status].icon_name;
}

const char *
zz_status_title (ZzRunStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_looks), NULL);

  return _(status_looks[status].title);
}

const char *
zz_status_css_name (ZzRunStatus status)
{
  return status == ZZ_RUN_STATUS_NONE ? "pending" : zz_run_status_to_string (status);
}

void
zz_status_image_update (GtkImage   *image,
                        ZzRunStatus status)
{
  gtk_image_set_from_icon_name (image, zz_status_icon_name (status));
  gtk_widget_set_css_classes (GTK_WIDGET (image), (const char *[]){ "run-status", zz_status_css_name (status), NULL });
}

static void
zz_node_run_item_finalize (GObject *object)
{
  ZzNodeRunItem *self = ZZ_NODE_RUN_ITEM (object);

  g_free (self->node_id);
  g_free (self->label);
  g_clear_pointer (&self->row, zz_node_execution_free);

  G_OBJECT_CLASS (zz_node_run_item_parent_class)->finalize (object);
}

static void
zz_node_run_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZzNodeRunItem *self = ZZ_NODE_RUN_ITEM (object);

  switch (prop_id)
    {
    case PROP_NODE_ID:
      g_value_set_string (value, self->node_id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, zz_node_run_item_get_status (self));
      break;
    case PROP_DURATION_MS:
      g_value_set_int64 (value, self->duration_ms);
      break;
    case PROP_ERROR:
      g_value_set_string (value, zz_node_run_item_get_error (self));
      break;
    case PROP_ROW:
      g_value_set_boxed (value, self->row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_node_run_item_class_init (ZzNodeRunItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zz_node_run_item_finalize;
  object_class->get_property = zz_node_run_item_get_property;

  properties[PROP_NODE_ID] =
    g_param_spec_string ("node-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ZZ_TYPE_RUN_STATUS, ZZ_RUN_STATUS_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION_MS] =
    g_param_spec_int64 ("duration-ms", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW] =
    g_param_spec_boxed ("row", NULL, NULL, ZZ_TYPE_NODE_EXECUTION,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zz_node_run_item_init (ZzNodeRunItem *self)
{
  self->duration_ms = -1;
}

ZzNodeRunItem *
zz_node_run_item_new (const char *node_id,
                      const char *label)
{
  ZzNodeRunItem *self;

  g_return_val_if_fail (node_id != NULL, NULL);

  self = g_object_new (ZZ_TYPE_NODE_RUN_ITEM, NULL);
  self->node_id = g_strdup (node_id);
  self->label = g_strdup (label && label[0] ? label : node_id);
  return self;
}

const char *
zz_node_run_item_get_node_id (ZzNodeRunItem *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_RUN_ITEM (self), NULL);
  return self->node_id;
}

const char *
zz_node_run_item_get_label (ZzNodeRunItem *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_RUN_ITEM (self), NULL);
  return self->label;
}

ZzRunStatus
zz_node_run_item_get_status (ZzNodeRunItem *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_RUN_ITEM (self), ZZ_RUN_STATUS_NONE);
  return self->row ? self->row->status : ZZ_RUN_STATUS_NONE;
}

gint64
zz_node_run_item_get_duration_ms (ZzNodeRunItem *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_RUN_ITEM (self), -1);
  return self->duration_ms;
}

const char *
zz_node_run_item_get_error (ZzNodeRunItem *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_RUN_ITEM (self), NULL);
  return self->row ? self->row->error : NULL;
}

/**
 * zz_node_run_item_dup_retry_text:
 *
 * While a node waits to try again: "Attempt 2 of 4 · next in 2 s", the
 * attempt to come and the wait before it, derived as the executor does from
 * the node's config (`retries`, `retryDelay` doubled after each attempt).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the node is
 * not retrying
 */
char *
zz_node_run_item_dup_retry_text (ZzNodeRunItem *self)
{
  g_autoptr(JsonObject) config = NULL;
  gint64 retries, delay_ms;

  g_return_val_if_fail (ZZ_IS_NODE_RUN_ITEM (self), NULL);

  if (self->row == NULL || self->row->status != ZZ_RUN_STATUS_RUNNING || self->row->attempts < 2 ||
      self->row->config == NULL || !(config = zz_json_parse_object (self->row->config, -1, NULL)))
    return NULL;

  retries = zz_json_object_get_int (config, "retries", 0);
  delay_ms = CLAMP (zz_json_object_get_int (config, "retryDelay", 1000), 0, 60000);
  delay_ms = MIN (delay_ms << MIN (self->row->attempts - 2, 16), 60000);

  /* Translators: a node waiting to try again: "Attempt 2 of 4 · next in 2 s" */
  return g_strdup_printf (_("Attempt %u of %u · next in %u s"), (guint) self->row->attempts,
                             (guint) MAX (retries + 1, self->row->attempts), (guint) ((delay_ms + 999) / 1000));
}

const ZzNodeExecution *
zz_node_run_item_get_row (ZzNodeRunItem *self)
{
  g_return_val_if_fail (ZZ_IS_NODE_RUN_ITEM (self), NULL);
  return self->row;
}

void
zz_node_run_item_update (ZzNodeRunItem         *self,
                         const ZzNodeExecution *row)
{
  g_autoptr(ZzNodeExecution) old = NULL;
  gint64 duration = -1;

  g_return_if_fail (ZZ_IS_NODE_RUN_ITEM (self));
  g_return_if_fail (row != NULL);

  old = g_steal_pointer (&self->row);
  self->row = zz_node_execution_copy (row);

  /* A skipped node has times too, but it did not run. */
  if (row->started_at != NULL && row->completed_at != NULL &&
      (row->status == ZZ_RUN_STATUS_COMPLETED || row->status == ZZ_RUN_STATUS_FAILED))
    duration = MAX (0, zz_time_diff_ms (row->started_at, row->completed_at));

  g_object_freeze_notify (G_OBJECT (self));
  if (old == NULL || old->status != row->status)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (old == NULL || g_strcmp0 (old->error, row->error) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (duration != self->duration_ms)
    {
      self->duration_ms = duration;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
  g_object_thaw_notify (G_OBJECT (self));
}
