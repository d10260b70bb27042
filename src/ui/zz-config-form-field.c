/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-config-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-config-form-private.h"
#include "zz-json.h"
#include "zz-workflow-history.h"

/* Text applies this long after the last key, so that typing is not one
 * undo step per character. */
#define TEXT_APPLY_DELAY_MS 500

void
_zz_form_field_free (gpointer data)
{
  ZzFormField *field = data;

  g_clear_handle_id (&field->apply_id, g_source_remove);
  g_clear_pointer (&field->property, json_object_unref);
  g_clear_object (&field->choices);
  g_free (field->key);
  g_free (field->title);
  g_free (field->input_error);
  g_free (field->check_error);
  g_free (field);
}

/* Values ------------------------------------------------------------------- */

/* (transfer full) (nullable): what the node holds for the field, or the
 * schema's default */
static JsonNode *
form_field_dup_value (ZzFormField *field)
{
  JsonObject *config = zz_node_get_config (field->form->node);
  JsonNode   *value;

  if (field->key == NULL)
    {
      JsonNode *node = json_node_alloc ();

      return json_node_init_object (node, config);
    }

  value = json_object_get_member (config, field->key);
  if (value == NULL && field->property != NULL)
    value = json_object_get_member (field->property, "default");

  return value ? json_node_copy (value) : NULL;
}

static char *
value_to_text (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return zz_json_to_string (value, FALSE);
}

static char *
text_view_dup_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static JsonNode *
read_key_values (ZzFormField *field)
{
  g_autoptr(JsonObject) object = json_object_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (field->editor);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable     *name_entry = g_object_get_data (G_OBJECT (row), "name-entry");
      GtkEditable     *value_entry = g_object_get_data (G_OBJECT (row), "value-entry");
      g_autofree char *name = NULL;

      if (name_entry == NULL)
        continue; /* the placeholder */

      name = g_strstrip (g_strdup (gtk_editable_get_text (name_entry)));
      if (name[0] == '\0')
        continue; /* a row being filled in */
      json_object_set_string_member (object, name, gtk_editable_get_text (value_entry));
    }

  return zz_json_node_new_take_object (g_steal_pointer (&object));
}

/* (transfer full) (nullable): the editor's value; %NULL without an error
 * removes the key. */
static JsonNode *
form_field_read_value (ZzFormField *field,
                       GError     **error)
{
  g_autofree char *text = NULL;

  switch (field->kind)
    {
    case ZZ_FORM_EDITOR_ENTRY:
      return json_node_init_string (json_node_alloc (),
                                    gtk_editable_get_text (GTK_EDITABLE (field->editor)));

    case ZZ_FORM_EDITOR_TEXT:
    case ZZ_FORM_EDITOR_CODE:
      text = text_view_dup_text (field->editor);
      return json_node_init_string (json_node_alloc (), text);

    case ZZ_FORM_EDITOR_JSON:
      text = text_view_dup_text (field->editor);
      g_strstrip (text);
      if (text[0] == '\0')
        {
          if (field->key == NULL)
            return zz_json_node_new_take_object (json_object_new ());
          return NULL;
        }
      return zz_json_parse (text, -1, error);

    case ZZ_FORM_EDITOR_SPIN:
      {
        double value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->editor));

        if (field->integer)
          return json_node_init_int (json_node_alloc (), (gint64) llround (value));
        return json_node_init_double (json_node_alloc (), value);
      }

    case ZZ_FORM_EDITOR_SWITCH:
      return json_node_init_boolean (json_node_alloc (),
                                     gtk_switch_get_active (GTK_SWITCH (field->editor)));

    case ZZ_FORM_EDITOR_CHOICE:
      {
        guint       selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->editor));
        const char *choice;

        if (selected == GTK_INVALID_LIST_POSITION)
          return NULL;
        choice = gtk_string_list_get_string (field->choices, selected);
        return json_node_init_string (json_node_alloc (), choice);
      }

    case ZZ_FORM_EDITOR_KEY_VALUE:
      return read_key_values (field);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/* Errors ------------------------------------------------------------------- */

void
_zz_form_field_show_error (ZzFormField *field)
{
  const char *message = field->input_error ? field->input_error : field->check_error;

  if (message != NULL)
    gtk_widget_add_css_class (field->field, "error");
  else
    gtk_widget_remove_css_class (field->field, "error");

  if (ADW_IS_PREFERENCES_ROW (field->error_widget))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->error_widget), message ? message : "");
  else
    gtk_label_set_text (GTK_LABEL (field->error_widget), message ? message : "");
  gtk_widget_set_visible (field->error_widget, message != NULL);
}

static void
form_field_set_input_error (ZzFormField *field,
                            const char  *message)
{
  if (g_strcmp0 (field->input_error, message) == 0)
    return;
  g_free (field->input_error);
  field->input_error = g_strdup (message);
  _zz_form_field_show_error (field);
}

/* Applying ----------------------------------------------------------------- */

gboolean
_zz_form_field_apply (ZzFormField *field)
{
  ZzConfigForm *self = field->form;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(JsonObject) config = NULL;

  g_clear_handle_id (&field->apply_id, g_source_remove);
  if (self->node == NULL || self->workflow == NULL)
    return FALSE;

  value = form_field_read_value (field, &error);
  if (error != NULL)
    {
      form_field_set_input_error (field, error->message);
      return FALSE;
    }

  if (field->key == NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (value))
        {
          form_field_set_input_error (field, _("The configuration must be an object { … }"));
          return FALSE;
        }
      config = json_object_ref (json_node_get_object (value));
    }
  else
    {
      g_autoptr(JsonNode) current = form_field_dup_value (field);

      field->dirty = FALSE;
      form_field_set_input_error (field, NULL);
      if (values_equal (current, value))
        return TRUE;

      config = zz_json_object_deep_copy (zz_node_get_config (self->node));
      if (value != NULL)
        json_object_set_member (config, field->key, g_steal_pointer (&value));
      else
        json_object_remove_member (config, field->key);
    }

  field->dirty = FALSE;
  form_field_set_input_error (field, NULL);
  if (!zz_workflow_set_node_config_command (self->workflow, zz_node_get_id (self->node),
                                            config, &error))
    {
      form_field_set_input_error (field, error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
on_apply_timeout_cb (gpointer user_data)
{
  ZzFormField *field = user_data;

  field->apply_id = 0;
  _zz_form_field_apply (field);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed_cb (ZzFormField *field)
{
  if (field->form->loading)
    return;

  field->dirty = TRUE;
  g_clear_handle_id (&field->apply_id, g_source_remove);
  field->apply_id = g_timeout_add (TEXT_APPLY_DELAY_MS, on_apply_timeout_cb, field);
}

static void
on_apply_requested_cb (ZzFormField *field)
{
  if (field->form->loading)
    return;
  _zz_form_field_apply (field);
}

static void
on_focus_left_cb (GtkEventControllerFocus *controller,
                  ZzFormField             *field)
{
  if (!field->form->loading && field->dirty)
    _zz_form_field_apply (field);
}

static void
watch_focus (ZzFormField *field,
             GtkWidget   *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_left_cb), field);
  gtk_widget_add_controller (widget, focus);
}

static int
on_spin_input_cb (GtkSpinButton *spin,
                  double        *new_value,
                  ZzFormField   *field)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *message = NULL;
  char            *end = NULL;
  double           value;

  value = g_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0')
    message = g_strdup_printf (_("“%s” must be a number"), field->title);
  else if (field->integer && value != floor (value))
    message = g_strdup_printf (_("“%s” must be a whole number, not %g"), field->title, value);
  else if (field->has_range && (value < field->minimum || value > field->maximum))
    message = g_strdup_printf (_("“%s” must be between %g and %g, not %g"),
                                  field->title, field->minimum, field->maximum, value);

  /* A refused number is not applied: the spin button shows the node's
   * value again and the field says why. */
  form_field_set_input_error (field, message);
  if (message != NULL)
    return GTK_INPUT_ERROR;

  *new_value = value;
  return TRUE;
}

static void
on_spin_value_changed_cb (GtkSpinButton *spin,
                          ZzFormField   *field)
{
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonNode) value = NULL;

  if (field->form->loading)
    return;

  /* A refused input shows the old value again, which emits this too: that
   * is no edit, and the field keeps saying why. */
  current = form_field_dup_value (field);
  value = form_field_read_value (field, NULL);
  if (current != NULL && JSON_NODE_HOLDS_VALUE (current) &&
      json_node_get_value_type (current) != G_TYPE_STRING &&
      json_node_get_double (current) == json_node_get_double (value))
    return;

  _zz_form_field_apply (field);
}

/* Loading ------------------------------------------------------------------ */

static GtkWidget *key_value_row_new (ZzFormField *field,
                                     const char  *name,
                                     const char  *value);

void
_zz_form_field_load (ZzFormField *field)
{
  g_autoptr(JsonNode) value = form_field_dup_value (field);
  g_autoptr(JsonNode) shown = form_field_read_value (field, NULL);
  g_autofree char *text = NULL;

  /* What the editor holds already means this value (e.g. JSON laid out
   * otherwise): leave the user's text and cursor alone. */
  if (values_equal (value, shown))
    return;

  switch (field->kind)
    {
    case ZZ_FORM_EDITOR_ENTRY:
      text = value_to_text (value);
      gtk_editable_set_text (GTK_EDITABLE (field->editor), text);
      break;

    case ZZ_FORM_EDITOR_TEXT:
    case ZZ_FORM_EDITOR_CODE:
    case ZZ_FORM_EDITOR_JSON:
      if (field->kind == ZZ_FORM_EDITOR_JSON)
        text = value && !JSON_NODE_HOLDS_NULL (value) ? zz_json_to_string (value, TRUE) : g_strdup ("");
      else
        text = value_to_text (value);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->editor)), text, -1);
      break;

    case ZZ_FORM_EDITOR_SPIN:
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) != G_TYPE_STRING &&
          json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->editor), json_node_get_double (value));
      break;

    case ZZ_FORM_EDITOR_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->editor),
                             value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                               json_node_get_value_type (value) == G_TYPE_BOOLEAN &&
                               json_node_get_boolean (value));
      break;

    case ZZ_FORM_EDITOR_CHOICE:
      {
        guint n = g_list_model_get_n_items (G_LIST_MODEL (field->choices));
        guint selected = GTK_INVALID_LIST_POSITION;

        text = value_to_text (value);
        for (guint i = 0; i < n; i++)
          if (g_strcmp0 (gtk_string_list_get_string (field->choices, i), text) == 0)
            selected = i;
        /* A value from elsewhere (a template, a newer app) is kept as a choice. */
        if (selected == GTK_INVALID_LIST_POSITION && text[0] != '\0')
          {
            gtk_string_list_append (field->choices, text);
            selected = n;
          }
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->editor), selected);
      }
      break;

    case ZZ_FORM_EDITOR_KEY_VALUE:
      {
        GtkWidget *row;

        for (row = gtk_widget_get_first_child (field->editor); row != NULL;)
          {
            GtkWidget *next = gtk_widget_get_next_sibling (row);

            if (g_object_get_data (G_OBJECT (row), "name-entry") != NULL)
              gtk_list_box_remove (GTK_LIST_BOX (field->editor), row);
            row = next;
          }

        if (value != NULL && JSON_NODE_HOLDS_OBJECT (value))
          {
            JsonObjectIter iter;
            const char    *name;
            JsonNode      *member;

            json_object_iter_init (&iter, json_node_get_object (value));
            while (json_object_iter_next (&iter, &name, &member))
              {
                g_autofree char *member_text = value_to_text (member);

                gtk_list_box_append (GTK_LIST_BOX (field->editor),
                                     key_value_row_new (field, name, member_text));
              }
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Building ----------------------------------------------------------------- */

static void
on_key_value_remove_clicked_cb (GtkButton   *button,
                                ZzFormField *field)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (GTK_LIST_BOX (field->editor), row);
  _zz_form_field_apply (field);
}

static GtkWidget *
key_value_row_new (ZzFormField *field,
                   const char  *name,
                   const char  *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_entry = gtk_entry_new ();
  GtkWidget *value_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_editable_set_text (GTK_EDITABLE (name_entry), name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name_entry), _("Name"));
  gtk_editable_set_width_chars (GTK_EDITABLE (name_entry), 6);
  gtk_widget_set_hexpand (name_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);

  gtk_editable_set_text (GTK_EDITABLE (value_entry), value);
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("Value"));
  gtk_editable_set_width_chars (GTK_EDITABLE (value_entry), 6);
  gtk_widget_set_hexpand (value_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Value"), -1);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_widget_add_css_class (remove, "flat");

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *entry = i == 0 ? name_entry : value_entry;

      g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_text_changed_cb), field);
      g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_apply_requested_cb), field);
    }
  g_signal_connect (remove, "clicked", G_CALLBACK (on_key_value_remove_clicked_cb), field);

  gtk_box_append (GTK_BOX (box), name_entry);
  gtk_box_append (GTK_BOX (box), value_entry);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "name-entry", name_entry);
  g_object_set_data (G_OBJECT (row), "value-entry", value_entry);

  return row;
}

static void
on_key_value_add_clicked_cb (GtkButton   *button,
                             ZzFormField *field)
{
  GtkWidget *row = key_value_row_new (field, "", "");

  gtk_list_box_append (GTK_LIST_BOX (field->editor), row);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name-entry"));
}

static ZzFormEditor
editor_kind_for (JsonObject *property)
{
  static const struct
  {
    const char  *name;
    ZzFormEditor kind;
  } kinds[] = {
    { "entry", ZZ_FORM_EDITOR_ENTRY },
    { "textarea", ZZ_FORM_EDITOR_TEXT },
    { "code", ZZ_FORM_EDITOR_CODE },
    { "spin", ZZ_FORM_EDITOR_SPIN },
    { "switch", ZZ_FORM_EDITOR_SWITCH },
    { "choice", ZZ_FORM_EDITOR_CHOICE },
    { "key-value", ZZ_FORM_EDITOR_KEY_VALUE },
    { "json", ZZ_FORM_EDITOR_JSON },
  };
  const char *widget = property ? json_object_get_string_member_with_default (property, "x-widget", NULL)
                                : NULL;

  for (guint i = 0; widget != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (widget, kinds[i].name))
      return kinds[i].kind;

  return ZZ_FORM_EDITOR_JSON;
}

gboolean
_zz_form_field_is_row (ZzFormField *field)
{
  ZzFormEditor kind = field->kind;

  return kind == ZZ_FORM_EDITOR_ENTRY || kind == ZZ_FORM_EDITOR_SPIN || kind == ZZ_FORM_EDITOR_SWITCH || kind == ZZ_FORM_EDITOR_CHOICE;
}

/* The row editors: the field is the row itself, its error a row under it. */
GtkWidget *
_zz_form_field_build_row (ZzFormField *field,
                          const char  *description)
{
  GtkWidget *row = NULL;

  switch (field->kind)
    {
    case ZZ_FORM_EDITOR_ENTRY:
      row = adw_entry_row_new ();
      field->editor = row;
      if (description != NULL)
        gtk_widget_set_tooltip_text (row, description);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_text_changed_cb), field);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_apply_requested_cb), field);
      watch_focus (field, row);
      break;

    case ZZ_FORM_EDITOR_SPIN:
      {
        double         lower = field->has_range ? field->minimum : -1e15;
        double         upper = field->has_range ? field->maximum : 1e15;
        GtkAdjustment *adjustment = gtk_adjustment_new (lower, lower, upper, 1, 10, 0);

        row = adw_action_row_new ();
        field->editor = gtk_spin_button_new (adjustment, 1, field->integer ? 0 : 2);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (field->editor), FALSE);
        gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (field->editor), GTK_UPDATE_IF_VALID);
        gtk_widget_set_valign (field->editor, GTK_ALIGN_CENTER);
        g_signal_connect (field->editor, "input", G_CALLBACK (on_spin_input_cb), field);
        g_signal_connect (field->editor, "value-changed", G_CALLBACK (on_spin_value_changed_cb), field);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->editor);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->editor);
      }
      break;

    case ZZ_FORM_EDITOR_SWITCH:
      row = adw_action_row_new ();
      field->editor = gtk_switch_new ();
      gtk_widget_set_valign (field->editor, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (field->editor, "notify::active", G_CALLBACK (on_apply_requested_cb), field);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->editor);
      break;

    case ZZ_FORM_EDITOR_CHOICE:
      {
        JsonArray *choices = json_object_get_array_member (field->property, "enum");
        g_auto(GStrv) strv = choices ? zz_json_array_to_strv (choices) : NULL;

        field->choices = gtk_string_list_new ((const char *const *) strv);
        row = adw_combo_row_new ();
        field->editor = row;
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (field->choices));
        g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_apply_requested_cb), field);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->title);
  if (ADW_IS_ACTION_ROW (row) && description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  if (field->editor != row)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->editor),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, field->title, -1);
  field->field = row;

  field->error_widget = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field->error_widget), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (field->error_widget), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (field->error_widget),
                             gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->error_widget), FALSE);
  gtk_widget_add_css_class (field->error_widget, "field-error");
  gtk_widget_add_css_class (field->error_widget, "error");
  gtk_widget_set_visible (field->error_widget, FALSE);

  return row;
}

/* The card editors: a text view or a list, its error a caption under it.
 * Returns: the box holding both */
GtkWidget *
_zz_form_field_build_card (ZzFormField *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (field->kind == ZZ_FORM_EDITOR_KEY_VALUE)
    {
      GtkWidget *placeholder = gtk_label_new (_("None"));

      field->editor = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (field->editor), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (field->editor, "boxed-list");
      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_set_margin_top (placeholder, 12);
      gtk_widget_set_margin_bottom (placeholder, 12);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (field->editor), placeholder);
    }
  else
    {
      GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());

      field->editor = GTK_WIDGET (view);
      gtk_text_view_set_wrap_mode (view, field->kind == ZZ_FORM_EDITOR_TEXT ? GTK_WRAP_WORD_CHAR : GTK_WRAP_CHAR);
      gtk_text_view_set_accepts_tab (view, FALSE);
      gtk_text_view_set_monospace (view, field->kind != ZZ_FORM_EDITOR_TEXT);
      gtk_text_view_set_top_margin (view, 12);
      gtk_text_view_set_bottom_margin (view, 12);
      gtk_text_view_set_left_margin (view, 12);
      gtk_text_view_set_right_margin (view, 12);
      gtk_widget_set_size_request (field->editor, -1, field->kind == ZZ_FORM_EDITOR_TEXT ? 72 : 96);
      gtk_widget_add_css_class (field->editor, "card");
      gtk_widget_add_css_class (field->editor, "config-text");
      g_signal_connect_swapped (gtk_text_view_get_buffer (view), "changed",
                                G_CALLBACK (on_text_changed_cb), field);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (field->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field->title, -1);
  watch_focus (field, field->editor);
  field->field = field->editor;

  field->error_widget = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (field->error_widget), 0);
  gtk_label_set_wrap (GTK_LABEL (field->error_widget), TRUE);
  gtk_widget_add_css_class (field->error_widget, "caption");
  gtk_widget_add_css_class (field->error_widget, "error");
  gtk_widget_set_visible (field->error_widget, FALSE);

  gtk_box_append (GTK_BOX (box), field->editor);
  gtk_box_append (GTK_BOX (box), field->error_widget);
  return box;
}

GtkWidget *
_zz_form_field_build_add_button (ZzFormField *field)
{
  GtkWidget       *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Add to “%s”"), field->title);

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, tooltip);
  g_signal_connect (add, "clicked", G_CALLBACK (on_key_value_add_clicked_cb), field);
  return add;
}

ZzFormField *
_zz_form_field_new (ZzConfigForm *form,
                    const char   *key,
                    JsonObject   *property)
{
  ZzFormField *field = g_new0 (ZzFormField, 1);
  const char  *title = property ? json_object_get_string_member_with_default (property, "title", NULL) : NULL;

  field->form = form;
  field->key = g_strdup (key);
  field->title = g_strdup (title ? title : key ? key
                                               : _("Configuration"));
  field->property = property ? json_object_ref (property) : NULL;
  field->kind = editor_kind_for (property);
  if (property != NULL)
    {
      field->integer = g_strcmp0 (json_object_get_string_member_with_default (property, "type", NULL),
                                  "integer") == 0;
      if (json_object_has_member (property, "minimum") && json_object_has_member (property, "maximum"))
        {
          field->has_range = TRUE;
          field->minimum = json_object_get_double_member (property, "minimum");
          field->maximum = json_object_get_double_member (property, "maximum");
        }
    }

  return field;
}
