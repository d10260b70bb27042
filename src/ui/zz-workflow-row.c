/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-workflow-row"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-time.h"
#include "zz-workflow-row.h"

struct _ZzWorkflowRow
{
  GtkWidget parent_instance;

  ZzWorkflowSummary *summary;

  GtkLabel *name_label;    /* template child */
  GtkLabel *details_label; /* template child */
  GtkImage *status_image;  /* template child */
};

G_DEFINE_FINAL_TYPE (ZzWorkflowRow, zz_workflow_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The last run's status as an icon: each gets a style class of libadwaita's
 * palette (success, error, accent) so that it follows dark mode. */
typedef struct
{
  const char *icon_name;
  const char *css_class;
  const char *tooltip;
} StatusLook;

static const StatusLook status_looks[] = {
  [ZZ_RUN_STATUS_NONE] = { "media-record-symbolic", "never-run", N_ ("Never run") },
  [ZZ_RUN_STATUS_PENDING] = { "content-loading-symbolic", "dim-label", N_ ("Waiting to run") },
  [ZZ_RUN_STATUS_RUNNING] = { "media-playback-start-symbolic", "accent", N_ ("Running") },
  [ZZ_RUN_STATUS_COMPLETED] = { "emblem-ok-symbolic", "success", N_ ("Last run completed") },
  [ZZ_RUN_STATUS_FAILED] = { "dialog-error-symbolic", "error", N_ ("Last run failed") },
  [ZZ_RUN_STATUS_CANCELLED] = { "process-stop-symbolic", "dim-label", N_ ("Last run cancelled") },
  /* An execution is never skipped: only its nodes are. */
  [ZZ_RUN_STATUS_SKIPPED] = { "media-record-symbolic", "never-run", N_ ("Never run") },
};

static void
zz_workflow_row_update_status (ZzWorkflowRow *self,
                               ZzRunStatus    status)
{
  const StatusLook *look = &status_looks[status < G_N_ELEMENTS (status_looks) ? status : ZZ_RUN_STATUS_NONE];

  for (guint i = 0; i < G_N_ELEMENTS (status_looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_image), status_looks[i].css_class);

  gtk_image_set_from_icon_name (self->status_image, look->icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_image), look->css_class);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_image), _(look->tooltip));
}

static void
zz_workflow_row_update (ZzWorkflowRow *self)
{
  g_autofree char *updated = NULL;
  g_autofree char *nodes = NULL;
  g_autofree char *details = NULL;
  guint            n_nodes;

  if (self->summary == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->details_label, "");
      zz_workflow_row_update_status (self, ZZ_RUN_STATUS_NONE);
      return;
    }

  gtk_label_set_label (self->name_label, zz_workflow_summary_get_name (self->summary));

  n_nodes = zz_workflow_summary_get_node_count (self->summary);
  nodes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node", "%u nodes", n_nodes), n_nodes);
  updated = zz_time_format_relative (zz_workflow_summary_get_updated_at (self->summary), NULL);
  if (updated != NULL)
    /* Translators: "3 nodes · 5 minutes ago"; the second part is when the
     * workflow was last changed, as zz_time_format_relative() says it */
    details = g_strdup_printf (_("%s · %s"), nodes, updated);
  else
    details = g_steal_pointer (&nodes);
  gtk_label_set_label (self->details_label, details);

  zz_workflow_row_update_status (self, zz_workflow_summary_get_last_status (self->summary));
}

static void
zz_workflow_row_dispose (GObject *object)
{
  GtkWidget     *child;
  ZzWorkflowRow *self = ZZ_WORKFLOW_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_WORKFLOW_ROW);
  /* The template's root is a direct child with no id to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (zz_workflow_row_parent_class)->dispose (object);
}

static void
zz_workflow_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZzWorkflowRow *self = ZZ_WORKFLOW_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_workflow_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZzWorkflowRow *self = ZZ_WORKFLOW_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      zz_workflow_row_set_summary (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_workflow_row_class_init (ZzWorkflowRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_workflow_row_dispose;
  object_class->get_property = zz_workflow_row_get_property;
  object_class->set_property = zz_workflow_row_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL,
                         ZZ_TYPE_WORKFLOW_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-workflow-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowRow, status_image);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zzworkflowrow");
}

static void
zz_workflow_row_init (ZzWorkflowRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zz_workflow_row_new (void)
{
  return g_object_new (ZZ_TYPE_WORKFLOW_ROW, NULL);
}

ZzWorkflowSummary *
zz_workflow_row_get_summary (ZzWorkflowRow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_ROW (self), NULL);

  return self->summary;
}

void
zz_workflow_row_set_summary (ZzWorkflowRow     *self,
                             ZzWorkflowSummary *summary)
{
  g_return_if_fail (ZZ_IS_WORKFLOW_ROW (self));
  g_return_if_fail (summary == NULL || ZZ_IS_WORKFLOW_SUMMARY (summary));

  if (!g_set_object (&self->summary, summary))
    return;

  zz_workflow_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
zz_workflow_row_get_title (ZzWorkflowRow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_ROW (self), NULL);

  return gtk_label_get_label (self->name_label);
}
