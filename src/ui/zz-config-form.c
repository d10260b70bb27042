/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-config-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zz-config-form-private.h"

G_DEFINE_FINAL_TYPE (ZzConfigForm, zz_config_form, GTK_TYPE_WIDGET)

/* The block type's messages name the field by its title in quotes ("“URL”
 * is required"): that is how a message finds its field. */
static gboolean
message_names_field (const char  *message,
                     ZzFormField *field)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", field->title);

  return strstr (message, quoted) != NULL;
}

static void
zz_config_form_check (ZzConfigForm *self)
{
  g_autoptr(GError) error = NULL;
  ZzFormField *marked = NULL;

  if (self->type != NULL && self->node != NULL)
    {
      g_autoptr(JsonObject) config = zz_block_type_apply_defaults (self->type,
                                                                    zz_node_get_config (self->node));

      if (!zz_block_type_validate_config (self->type, config, &error))
        for (guint i = 0; i < self->fields->len && marked == NULL; i++)
          if (message_names_field (error->message, g_ptr_array_index (self->fields, i)))
            marked = g_ptr_array_index (self->fields, i);
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      ZzFormField *field = g_ptr_array_index (self->fields, i);

      g_clear_pointer (&field->check_error, g_free);
      if (field == marked)
        field->check_error = g_strdup (error->message);
      _zz_form_field_show_error (field);
    }
}

static void
on_config_notified_cb (ZzConfigForm *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      ZzFormField *field = g_ptr_array_index (self->fields, i);

      if (!field->dirty)
        _zz_form_field_load (field);
    }
  self->loading = FALSE;

  zz_config_form_check (self);
}

static ZzFormField *
zz_config_form_add_field (ZzConfigForm *self,
                          const char   *key,
                          JsonObject   *property)
{
  ZzFormField *field = _zz_form_field_new (self, key, property);

  g_ptr_array_add (self->fields, field);
  if (key != NULL)
    g_hash_table_insert (self->by_key, field->key, field);
  return field;
}

static GtkWidget *
preferences_group_new (const char *title,
                       const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
zz_config_form_clear (ZzConfigForm *self)
{
  GtkWidget *child;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_hash_table_remove_all (self->by_key);
  g_ptr_array_set_size (self->fields, 0);
  self->loading = FALSE;
}

static void
zz_config_form_build (ZzConfigForm *self)
{
  JsonObject *properties = NULL;
  GtkWidget  *rows_group = NULL;
  GtkWidget  *advanced_group = NULL;
  GtkWidget  *advanced_row = NULL;
  g_autoptr(GList) keys = NULL;

  zz_config_form_clear (self);
  if (self->node == NULL)
    return;

  if (self->type == NULL)
    {
      ZzFormField *field = zz_config_form_add_field (self, NULL, NULL);
      GtkWidget   *group = preferences_group_new (_("Configuration"),
                                                     _("This block is not known here: its settings are kept as they are, as JSON."));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), _zz_form_field_build_card (field));
      gtk_widget_set_parent (group, GTK_WIDGET (self));
    }
  else
    {
      properties = json_object_get_object_member (zz_block_type_get_config_schema (self->type),
                                                  "properties");
      keys = properties ? json_object_get_members (properties) : NULL;
    }

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char  *key = l->data;
      JsonObject  *property = json_object_get_object_member (properties, key);
      const char  *description = json_object_get_string_member_with_default (property, "description", NULL);
      gboolean     advanced = json_object_get_boolean_member_with_default (property, "x-advanced", FALSE);
      ZzFormField *field = zz_config_form_add_field (self, key, property);

      if (advanced && advanced_row == NULL)
        {
          advanced_group = preferences_group_new (NULL, NULL);
          advanced_row = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (advanced_row), _("Advanced"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (advanced_group), advanced_row);
        }

      if (_zz_form_field_is_row (field))
        {
          GtkWidget *row = _zz_form_field_build_row (field, description);

          if (advanced)
            {
              adw_expander_row_add_row (ADW_EXPANDER_ROW (advanced_row), row);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (advanced_row), field->error_widget);
              continue;
            }

          if (rows_group == NULL)
            {
              rows_group = preferences_group_new (NULL, NULL);
              gtk_widget_set_parent (rows_group, GTK_WIDGET (self));
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows_group), row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows_group), field->error_widget);
        }
      else if (advanced)
        {
          GtkWidget *row = gtk_list_box_row_new ();
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          GtkWidget *label = gtk_label_new (field->title);

          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_set_margin_start (box, 12);
          gtk_widget_set_margin_end (box, 12);
          gtk_widget_set_margin_top (box, 12);
          gtk_widget_set_margin_bottom (box, 12);
          gtk_box_append (GTK_BOX (box), label);
          gtk_box_append (GTK_BOX (box), _zz_form_field_build_card (field));
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (advanced_row), row);
        }
      else
        {
          GtkWidget *group = preferences_group_new (field->title, description);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), _zz_form_field_build_card (field));
          if (field->kind == ZZ_FORM_EDITOR_KEY_VALUE)
            adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                                     _zz_form_field_build_add_button (field));
          gtk_widget_set_parent (group, GTK_WIDGET (self));
          rows_group = NULL; /* the next rows come after this card */
        }
    }

  if (advanced_group != NULL)
    gtk_widget_set_parent (advanced_group, GTK_WIDGET (self));

  on_config_notified_cb (self);
}

/* GObject ------------------------------------------------------------------ */

static void
zz_config_form_dispose (GObject *object)
{
  ZzConfigForm *self = ZZ_CONFIG_FORM (object);

  g_signal_group_set_target (self->node_signals, NULL);
  zz_config_form_clear (self);
  g_clear_object (&self->node);
  g_clear_object (&self->workflow);
  g_clear_object (&self->type);

  G_OBJECT_CLASS (zz_config_form_parent_class)->dispose (object);
}

static void
zz_config_form_finalize (GObject *object)
{
  ZzConfigForm *self = ZZ_CONFIG_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_object (&self->node_signals);

  G_OBJECT_CLASS (zz_config_form_parent_class)->finalize (object);
}

static void
zz_config_form_class_init (ZzConfigFormClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_config_form_dispose;
  object_class->finalize = zz_config_form_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
zz_config_form_init (ZzConfigForm *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);

  self->fields = g_ptr_array_new_with_free_func (_zz_form_field_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);

  self->node_signals = g_signal_group_new (ZZ_TYPE_NODE);
  g_signal_group_connect_object (self->node_signals, "notify::config",
                                 G_CALLBACK (on_config_notified_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
zz_config_form_new (void)
{
  return g_object_new (ZZ_TYPE_CONFIG_FORM, NULL);
}

void
zz_config_form_set_node (ZzConfigForm *self,
                         ZzWorkflow   *workflow,
                         ZzNode       *node,
                         ZzBlockType  *type)
{
  g_return_if_fail (ZZ_IS_CONFIG_FORM (self));
  g_return_if_fail (workflow == NULL || ZZ_IS_WORKFLOW (workflow));
  g_return_if_fail (node == NULL || ZZ_IS_NODE (node));
  g_return_if_fail (type == NULL || ZZ_IS_BLOCK_TYPE (type));

  /* An edit typed into the old node's form is that node's. */
  zz_config_form_flush (self);

  g_set_object (&self->workflow, workflow);
  g_set_object (&self->node, node);
  g_set_object (&self->type, type);
  g_signal_group_set_target (self->node_signals, node);

  zz_config_form_build (self);
}

void
zz_config_form_flush (ZzConfigForm *self)
{
  g_return_if_fail (ZZ_IS_CONFIG_FORM (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      ZzFormField *field = g_ptr_array_index (self->fields, i);

      if (field->dirty)
        _zz_form_field_apply (field);
    }
}

static ZzFormField *
lookup_field (ZzConfigForm *self,
              const char   *key)
{
  if (key == NULL)
    return self->fields->len > 0 ? g_ptr_array_index (self->fields, 0) : NULL;
  return g_hash_table_lookup (self->by_key, key);
}

GtkWidget *
zz_config_form_get_editor (ZzConfigForm *self,
                           const char   *key)
{
  ZzFormField *field;

  g_return_val_if_fail (ZZ_IS_CONFIG_FORM (self), NULL);

  field = lookup_field (self, key);
  return field ? field->editor : NULL;
}

GtkWidget *
zz_config_form_get_field_widget (ZzConfigForm *self,
                                 const char   *key)
{
  ZzFormField *field;

  g_return_val_if_fail (ZZ_IS_CONFIG_FORM (self), NULL);

  field = lookup_field (self, key);
  return field ? field->field : NULL;
}

const char *
zz_config_form_get_error (ZzConfigForm *self,
                          const char   *key)
{
  ZzFormField *field;

  g_return_val_if_fail (ZZ_IS_CONFIG_FORM (self), NULL);

  field = lookup_field (self, key);
  if (field == NULL)
    return NULL;
  return field->input_error ? field->input_error : field->check_error;
}
