/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-block-registry.h"
#include "zz-inspector.h"
#include "zz-workflow-history.h"

struct _ZzInspector
{
  GtkWidget parent_instance;

  ZzCanvas     *canvas;
  ZzWorkflow   *workflow;
  ZzNode       *node;
  GSignalGroup *canvas_signals;
  GSignalGroup *node_signals;
  guint         loading : 1;
  guint         label_dirty : 1;

  GtkImage     *block_icon; /* template children */
  GtkLabel     *title_label;
  GtkLabel     *description_label;
  GtkLabel     *offline_label;
  AdwEntryRow  *label_row;
  GtkSwitch    *enabled_switch;
  ZzConfigForm *form;
};

G_DEFINE_FINAL_TYPE (ZzInspector, zz_inspector, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CANVAS,
  PROP_NODE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
zz_inspector_apply_label (ZzInspector *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  self->label_dirty = FALSE;
  if (self->node == NULL || self->workflow == NULL)
    return;

  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  if (!zz_workflow_set_node_label_command (self->workflow, zz_node_get_id (self->node), label, &error))
    g_warning ("Could not rename node “%s”: %s", zz_node_get_id (self->node), error->message);
}

static void
on_label_row_applied_cb (ZzInspector *self)
{
  if (!self->loading)
    zz_inspector_apply_label (self);
}

static void
on_label_row_changed_cb (ZzInspector *self)
{
  if (!self->loading)
    self->label_dirty = TRUE;
}

static void
on_label_focus_left_cb (ZzInspector *self)
{
  if (self->label_dirty)
    zz_inspector_apply_label (self);
}

static void
on_enabled_switch_toggled_cb (ZzInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->node == NULL || self->workflow == NULL)
    return;

  if (!zz_workflow_set_node_enabled_command (self->workflow, zz_node_get_id (self->node),
                                             gtk_switch_get_active (self->enabled_switch), &error))
    g_warning ("Could not change node “%s”: %s", zz_node_get_id (self->node), error->message);
}

static void
on_node_notified_cb (ZzInspector *self)
{
  const char *label = zz_node_get_label (self->node);

  self->loading = TRUE;
  /* A label being typed is not replaced under the user's fingers. */
  if (!self->label_dirty)
    gtk_editable_set_text (GTK_EDITABLE (self->label_row), label ? label : "");
  gtk_switch_set_active (self->enabled_switch, zz_node_get_enabled (self->node));
  self->loading = FALSE;
}

static void
zz_inspector_set_node (ZzInspector *self,
                       ZzNode      *node)
{
  ZzBlockType *type = NULL;

  if (self->node == node)
    return;

  if (self->label_dirty)
    zz_inspector_apply_label (self);

  g_set_object (&self->node, node);
  g_signal_group_set_target (self->node_signals, node);

  if (node != NULL)
    {
      type = zz_block_registry_lookup (zz_block_registry_get_default (), zz_node_get_block_type (node));

      on_node_notified_cb (self);

      if (type != NULL)
        {
          gtk_image_set_from_icon_name (self->block_icon, zz_block_type_get_icon_name (type));
          gtk_label_set_label (self->title_label, _(zz_block_type_get_title (type)));
          gtk_label_set_label (self->description_label, _(zz_block_type_get_description (type)));
        }
      else
        {
          g_autofree char *description =
            g_strdup_printf (_("A “%s” block, which this version of Zzyra does not know"),
                                zz_node_get_block_type (node));

          gtk_image_set_from_icon_name (self->block_icon, "dialog-question-symbolic");
          gtk_label_set_label (self->title_label, zz_node_get_block_type (node));
          gtk_label_set_label (self->description_label, description);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->offline_label),
                              type != NULL && !zz_block_type_can_execute (type));
    }

  zz_config_form_set_node (self->form, node ? self->workflow : NULL, node, type);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}

static void
on_selection_changed_cb (ZzInspector *self)
{
  g_auto(GStrv) ids = NULL;
  ZzNode *node = NULL;

  if (self->canvas != NULL && self->workflow != NULL)
    {
      ids = zz_canvas_get_selected_node_ids (self->canvas);
      if (ids != NULL && g_strv_length (ids) == 1)
        node = zz_workflow_find_node (self->workflow, ids[0]);
    }

  zz_inspector_set_node (self, node);
}

static void
on_canvas_workflow_notified_cb (ZzInspector *self)
{
  ZzWorkflow *workflow = self->canvas ? zz_canvas_get_workflow (self->canvas) : NULL;

  if (self->workflow == workflow)
    return;

  zz_inspector_set_node (self, NULL);
  g_set_object (&self->workflow, workflow);
  on_selection_changed_cb (self);
}

static void
zz_inspector_dispose (GObject *object)
{
  GtkWidget   *child;
  ZzInspector *self = ZZ_INSPECTOR (object);

  g_signal_group_set_target (self->node_signals, NULL);
  g_signal_group_set_target (self->canvas_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_INSPECTOR);
  /* The template's root is a direct child with no id to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->node);
  g_clear_object (&self->workflow);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (zz_inspector_parent_class)->dispose (object);
}

static void
zz_inspector_finalize (GObject *object)
{
  ZzInspector *self = ZZ_INSPECTOR (object);

  g_clear_object (&self->node_signals);
  g_clear_object (&self->canvas_signals);

  G_OBJECT_CLASS (zz_inspector_parent_class)->finalize (object);
}

static void
zz_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZzInspector *self = ZZ_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZzInspector *self = ZZ_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      zz_inspector_set_canvas (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_inspector_class_init (ZzInspectorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_inspector_dispose;
  object_class->finalize = zz_inspector_finalize;
  object_class->get_property = zz_inspector_get_property;
  object_class->set_property = zz_inspector_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, ZZ_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL, ZZ_TYPE_NODE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZZ_TYPE_CONFIG_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzInspector, block_icon);
  gtk_widget_class_bind_template_child (widget_class, ZzInspector, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZzInspector, description_label);
  gtk_widget_class_bind_template_child (widget_class, ZzInspector, offline_label);
  gtk_widget_class_bind_template_child (widget_class, ZzInspector, label_row);
  gtk_widget_class_bind_template_child (widget_class, ZzInspector, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, ZzInspector, form);
  gtk_widget_class_bind_template_callback (widget_class, on_label_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_label_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enabled_switch_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zz_inspector_init (ZzInspector *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->canvas_signals = g_signal_group_new (ZZ_TYPE_CANVAS);
  g_signal_group_connect_object (self->canvas_signals, "selection-changed",
                                 G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->canvas_signals, "notify::workflow",
                                 G_CALLBACK (on_canvas_workflow_notified_cb), self, G_CONNECT_SWAPPED);

  self->node_signals = g_signal_group_new (ZZ_TYPE_NODE);
  g_signal_group_connect_object (self->node_signals, "notify::label",
                                 G_CALLBACK (on_node_notified_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->node_signals, "notify::enabled",
                                 G_CALLBACK (on_node_notified_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_label_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->label_row), focus);
  g_signal_connect_object (self->label_row, "entry-activated",
                           G_CALLBACK (on_label_row_applied_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
zz_inspector_new (void)
{
  return g_object_new (ZZ_TYPE_INSPECTOR, NULL);
}

ZzCanvas *
zz_inspector_get_canvas (ZzInspector *self)
{
  g_return_val_if_fail (ZZ_IS_INSPECTOR (self), NULL);

  return self->canvas;
}

void
zz_inspector_set_canvas (ZzInspector *self,
                         ZzCanvas    *canvas)
{
  g_return_if_fail (ZZ_IS_INSPECTOR (self));
  g_return_if_fail (canvas == NULL || ZZ_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  g_set_object (&self->canvas, canvas);
  g_signal_group_set_target (self->canvas_signals, canvas);
  on_canvas_workflow_notified_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

ZzNode *
zz_inspector_get_node (ZzInspector *self)
{
  g_return_val_if_fail (ZZ_IS_INSPECTOR (self), NULL);

  return self->node;
}

void
zz_inspector_flush (ZzInspector *self)
{
  g_return_if_fail (ZZ_IS_INSPECTOR (self));

  if (self->label_dirty)
    zz_inspector_apply_label (self);
  zz_config_form_flush (self->form);
}

AdwEntryRow *
zz_inspector_get_label_row (ZzInspector *self)
{
  g_return_val_if_fail (ZZ_IS_INSPECTOR (self), NULL);

  return self->label_row;
}

GtkSwitch *
zz_inspector_get_enabled_switch (ZzInspector *self)
{
  g_return_val_if_fail (ZZ_IS_INSPECTOR (self), NULL);

  return self->enabled_switch;
}

ZzConfigForm *
zz_inspector_get_form (ZzInspector *self)
{
  g_return_val_if_fail (ZZ_IS_INSPECTOR (self), NULL);

  return self->form;
}
