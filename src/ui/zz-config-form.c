#define G_LOG_DOMAIN "zz-config-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zz-config-form.h"
#include "zz-json.h"
#include "zz-workflow-history.h"

/* Text applies this long after the last key, so that typing is not one
 * undo step per character. */
#define TEXT_APPLY_DELAY_MS 500

typedef enum
{
  EDITOR_ENTRY,
  EDITOR_TEXT,
  EDITOR_CODE,
  EDITOR_SPIN,
  EDITOR_SWITCH,
  EDITOR_CHOICE,
  EDITOR_KEY_VALUE,
  EDITOR_JSON,
} EditorKind;

typedef struct
{
  ZzConfigForm  *form;
  char          *key;          /* NULL: the whole config (a block this app does not know) */
  char          *title;
  JsonObject    *property;     /* its schema, nullable */
  EditorKind     kind;
  gboolean       integer;
  gboolean       has_range;
  double         minimum;
  double         maximum;

  GtkWidget     *field;        /* carries .error */
  GtkWidget     *editor;
  GtkWidget     *error_widget; /* an AdwActionRow under a row, a GtkLabel under a card */
  GtkStringList *choices;

  guint          apply_id;
  gboolean       dirty;        /* an edit not applied yet: the node does not overwrite it */
  char          *input_error;  /* why the edit was not applied */
  char          *check_error;  /* the block type's verdict on the applied config */
} FormField;

struct _ZzConfigForm
{
  GtkWidget    parent_instance;

  ZzWorkflow  *workflow;
  ZzNode      *node;
  ZzBlockType *type;
  GPtrArray   *fields;         /* FormField */
  GHashTable  *by_key;         /* key -> FormField (unowned) */
  guint        loading : 1;
};

G_DEFINE_FINAL_TYPE (ZzConfigForm, zz_config_form, GTK_TYPE_WIDGET)

static void
form_field_free (gpointer data)
{
  FormField *field = data;

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
form_field_dup_value (FormField *field)
{
  JsonObject *config = zz_node_get_config (field->form->node);
  JsonNode *value;

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
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static JsonNode *
read_key_values (FormField *field)
{
  g_autoptr(JsonObject) object = json_object_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (field->editor);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *name_entry = g_object_get_data (G_OBJECT (row), "name-entry");
      GtkEditable *value_entry = g_object_get_data (G_OBJECT (row), "value-entry");
      g_autofree char *name = NULL;

      if (name_entry == NULL)
        continue;   /* the placeholder */

      name = g_strstrip (g_strdup (gtk_editable_get_text (name_entry)));
      if (name[0] == '\0')
        continue;   /* a row being filled in */
      json_object_set_string_member (object, name, gtk_editable_get_text (value_entry));
    }

  return zz_json_node_new_take_object (g_steal_pointer (&object));
}

/* (transfer full) (nullable): the editor's value; %NULL without an error
 * removes the key. */
static JsonNode *
form_field_read_value (FormField  *field,
                       GError    **error)
{
  g_autofree char *text = NULL;

  switch (field->kind)
    {
    case EDITOR_ENTRY:
      return json_node_init_string (json_node_alloc (),
                                    gtk_editable_get_text (GTK_EDITABLE (field->editor)));

    case EDITOR_TEXT:
    case EDITOR_CODE:
      text = text_view_dup_text (field->editor);
      return json_node_init_string (json_node_alloc (), text);

    case EDITOR_JSON:
      text = text_view_dup_text (field->editor);
      g_strstrip (text);
      if (text[0] == '\0')
        {
          if (field->key == NULL)
            return zz_json_node_new_take_object (json_object_new ());
          return NULL;
        }
      return zz_json_parse (text, -1, error);

    case EDITOR_SPIN:
      {
        double value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->editor));

        if (field->integer)
          return json_node_init_int (json_node_alloc (), (gint64) llround (value));
        return json_node_init_double (json_node_alloc (), value);
      }

    case EDITOR_SWITCH:
      return json_node_init_boolean (json_node_alloc (),
                                     gtk_switch_get_active (GTK_SWITCH (field->editor)));

    case EDITOR_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->editor));
        const char *choice;

        if (selected == GTK_INVALID_LIST_POSITION)
          return NULL;
        choice = gtk_string_list_get_string (field->choices, selected);
        return json_node_init_string (json_node_alloc (), choice);
      }

    case EDITOR_KEY_VALUE:
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

static void
form_field_show_error (FormField *field)
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
form_field_set_input_error (FormField  *field,
                            const char *message)
{
  if (g_strcmp0 (field->input_error, message) == 0)
    return;
  g_free (field->input_error);
  field->input_error = g_strdup (message);
  form_field_show_error (field);
}

/* The block type's messages name the field by its title in quotes ("“URL”
 * is required"): that is how a message finds its field. */
static gboolean
message_names_field (const char *message,
                     FormField  *field)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", field->title);

  return strstr (message, quoted) != NULL;
}

static void
zz_config_form_check (ZzConfigForm *self)
{
  g_autoptr(GError) error = NULL;
  FormField *marked = NULL;

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
      FormField *field = g_ptr_array_index (self->fields, i);

      g_clear_pointer (&field->check_error, g_free);
      if (field == marked)
        field->check_error = g_strdup (error->message);
      form_field_show_error (field);
    }
}

/* Applying ----------------------------------------------------------------- */

static gboolean
form_field_apply (FormField *field)
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
  FormField *field = user_data;

  field->apply_id = 0;
  form_field_apply (field);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed_cb (FormField *field)
{
  if (field->form->loading)
    return;

  field->dirty = TRUE;
  g_clear_handle_id (&field->apply_id, g_source_remove);
  field->apply_id = g_timeout_add (TEXT_APPLY_DELAY_MS, on_apply_timeout_cb, field);
}

static void
on_apply_requested_cb (FormField *field)
{
  if (field->form->loading)
    return;
  form_field_apply (field);
}

static void
on_focus_left_cb (GtkEventControllerFocus *controller,
                  FormField               *field)
{
  if (!field->form->loading && field->dirty)
    form_field_apply (field);
}

static void
watch_focus (FormField *field,
             GtkWidget *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_left_cb), field);
  gtk_widget_add_controller (widget, focus);
}

static int
on_spin_input_cb (GtkSpinButton *spin,
                  double        *new_value,
                  FormField     *field)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *message = NULL;
  char *end = NULL;
  double value;

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
                          FormField     *field)
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

  form_field_apply (field);
}

/* Loading ------------------------------------------------------------------ */

static GtkWidget *key_value_row_new (FormField  *field,
                                     const char *name,
                                     const char *value);

static void
form_field_load (FormField *field)
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
    case EDITOR_ENTRY:
      text = value_to_text (value);
      gtk_editable_set_text (GTK_EDITABLE (field->editor), text);
      break;

    case EDITOR_TEXT:
    case EDITOR_CODE:
    case EDITOR_JSON:
      if (field->kind == EDITOR_JSON)
        text = value && !JSON_NODE_HOLDS_NULL (value) ? zz_json_to_string (value, TRUE) : g_strdup ("");
      else
        text = value_to_text (value);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->editor)), text, -1);
      break;

    case EDITOR_SPIN:
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) != G_TYPE_STRING &&
          json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->editor), json_node_get_double (value));
      break;

    case EDITOR_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->editor),
                             value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                             json_node_get_value_type (value) == G_TYPE_BOOLEAN &&
                             json_node_get_boolean (value));
      break;

    case EDITOR_CHOICE:
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

    case EDITOR_KEY_VALUE:
      {
        GtkWidget *row;

        for (row = gtk_widget_get_first_child (field->editor); row != NULL; )
          {
            GtkWidget *next = gtk_widget_get_next_sibling (row);

            if (g_object_get_data (G_OBJECT (row), "name-entry") != NULL)
              gtk_list_box_remove (GTK_LIST_BOX (field->editor), row);
            row = next;
          }

        if (value != NULL && JSON_NODE_HOLDS_OBJECT (value))
          {
            JsonObjectIter iter;
            const char *name;
            JsonNode *member;

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

static void
on_config_notified_cb (ZzConfigForm *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);

      if (!field->dirty)
        form_field_load (field);
    }
  self->loading = FALSE;

  zz_config_form_check (self);
}

/* Building ----------------------------------------------------------------- */

static void
on_key_value_remove_clicked_cb (GtkButton *button,
                                FormField *field)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (GTK_LIST_BOX (field->editor), row);
  form_field_apply (field);
}

static GtkWidget *
key_value_row_new (FormField  *field,
                   const char *name,
                   const char *value)
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
on_key_value_add_clicked_cb (GtkButton *button,
                             FormField *field)
{
  GtkWidget *row = key_value_row_new (field, "", "");

  gtk_list_box_append (GTK_LIST_BOX (field->editor), row);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name-entry"));
}

static EditorKind
editor_kind_for (JsonObject *property)
{
  static const struct { const char *name; EditorKind kind; } kinds[] = {
    { "entry", EDITOR_ENTRY }, { "textarea", EDITOR_TEXT }, { "code", EDITOR_CODE },
    { "spin", EDITOR_SPIN }, { "switch", EDITOR_SWITCH }, { "choice", EDITOR_CHOICE },
    { "key-value", EDITOR_KEY_VALUE }, { "json", EDITOR_JSON },
  };
  const char *widget = property ? json_object_get_string_member_with_default (property, "x-widget", NULL)
                                : NULL;

  for (guint i = 0; widget != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (widget, kinds[i].name))
      return kinds[i].kind;

  return EDITOR_JSON;
}

static gboolean
editor_kind_is_row (EditorKind kind)
{
  return kind == EDITOR_ENTRY || kind == EDITOR_SPIN || kind == EDITOR_SWITCH || kind == EDITOR_CHOICE;
}

/* The row editors: the field is the row itself, its error a row under it. */
static GtkWidget *
form_field_build_row (FormField  *field,
                      const char *description)
{
  GtkWidget *row = NULL;

  switch (field->kind)
    {
    case EDITOR_ENTRY:
      row = adw_entry_row_new ();
      field->editor = row;
      if (description != NULL)
        gtk_widget_set_tooltip_text (row, description);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_text_changed_cb), field);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_apply_requested_cb), field);
      watch_focus (field, row);
      break;

    case EDITOR_SPIN:
      {
        double lower = field->has_range ? field->minimum : -1e15;
        double upper = field->has_range ? field->maximum : 1e15;
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

    case EDITOR_SWITCH:
      row = adw_action_row_new ();
      field->editor = gtk_switch_new ();
      gtk_widget_set_valign (field->editor, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (field->editor, "notify::active", G_CALLBACK (on_apply_requested_cb), field);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->editor);
      break;

    case EDITOR_CHOICE:
      {
        JsonArray *choices = json_object_get_array_member (field->property, "enum");
        g_auto(GStrv) strv = choices ? zz_json_array_to_strv (choices) : NULL;

        field->choices = gtk_string_list_new ((const char * const *) strv);
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
static GtkWidget *
form_field_build_card (FormField *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (field->kind == EDITOR_KEY_VALUE)
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
      gtk_text_view_set_wrap_mode (view, field->kind == EDITOR_TEXT ? GTK_WRAP_WORD_CHAR : GTK_WRAP_CHAR);
      gtk_text_view_set_accepts_tab (view, FALSE);
      gtk_text_view_set_monospace (view, field->kind != EDITOR_TEXT);
      gtk_text_view_set_top_margin (view, 12);
      gtk_text_view_set_bottom_margin (view, 12);
      gtk_text_view_set_left_margin (view, 12);
      gtk_text_view_set_right_margin (view, 12);
      gtk_widget_set_size_request (field->editor, -1, field->kind == EDITOR_TEXT ? 72 : 96);
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

static FormField *
zz_config_form_add_field (ZzConfigForm *self,
                          const char   *key,
                          JsonObject   *property)
{
  FormField *field = g_new0 (FormField, 1);
  const char *title = property ? json_object_get_string_member_with_default (property, "title", NULL) : NULL;

  field->form = self;
  field->key = g_strdup (key);
  field->title = g_strdup (title ? title : key ? key : _("Configuration"));
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
  GtkWidget *rows_group = NULL;
  GtkWidget *advanced_group = NULL;
  GtkWidget *advanced_row = NULL;
  g_autoptr(GList) keys = NULL;

  zz_config_form_clear (self);
  if (self->node == NULL)
    return;

  if (self->type == NULL)
    {
      FormField *field = zz_config_form_add_field (self, NULL, NULL);
      GtkWidget *group = preferences_group_new (_("Configuration"),
                                                _("This block is not known here: its settings are kept as they are, as JSON."));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), form_field_build_card (field));
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
      const char *key = l->data;
      JsonObject *property = json_object_get_object_member (properties, key);
      const char *description = json_object_get_string_member_with_default (property, "description", NULL);
      gboolean advanced = json_object_get_boolean_member_with_default (property, "x-advanced", FALSE);
      FormField *field = zz_config_form_add_field (self, key, property);

      if (advanced && advanced_row == NULL)
        {
          advanced_group = preferences_group_new (NULL, NULL);
          advanced_row = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (advanced_row), _("Advanced"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (advanced_group), advanced_row);
        }

      if (editor_kind_is_row (field->kind))
        {
          GtkWidget *row = form_field_build_row (field, description);

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
          gtk_box_append (GTK_BOX (box), form_field_build_card (field));
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (advanced_row), row);
        }
      else
        {
          GtkWidget *group = preferences_group_new (field->title, description);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), form_field_build_card (field));
          if (field->kind == EDITOR_KEY_VALUE)
            {
              GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
              g_autofree char *tooltip = g_strdup_printf (_("Add to “%s”"), field->title);

              gtk_widget_add_css_class (add, "flat");
              gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (add, tooltip);
              g_signal_connect (add, "clicked", G_CALLBACK (on_key_value_add_clicked_cb), field);
              adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
            }
          gtk_widget_set_parent (group, GTK_WIDGET (self));
          rows_group = NULL;   /* the next rows come after this card */
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

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data (self->node, self);
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

  G_OBJECT_CLASS (zz_config_form_parent_class)->finalize (object);
}

static void
zz_config_form_class_init (ZzConfigFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
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

  self->fields = g_ptr_array_new_with_free_func (form_field_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
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

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data (self->node, self);
  g_set_object (&self->workflow, workflow);
  g_set_object (&self->node, node);
  g_set_object (&self->type, type);
  if (node != NULL)
    g_signal_connect_object (node, "notify::config",
                             G_CALLBACK (on_config_notified_cb), self, G_CONNECT_SWAPPED);

  zz_config_form_build (self);
}

void
zz_config_form_flush (ZzConfigForm *self)
{
  g_return_if_fail (ZZ_IS_CONFIG_FORM (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);

      if (field->dirty)
        form_field_apply (field);
    }
}

static FormField *
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
  FormField *field;

  g_return_val_if_fail (ZZ_IS_CONFIG_FORM (self), NULL);

  field = lookup_field (self, key);
  return field ? field->editor : NULL;
}

GtkWidget *
zz_config_form_get_field_widget (ZzConfigForm *self,
                                 const char   *key)
{
  FormField *field;

  g_return_val_if_fail (ZZ_IS_CONFIG_FORM (self), NULL);

  field = lookup_field (self, key);
  return field ? field->field : NULL;
}

const char *
zz_config_form_get_error (ZzConfigForm *self,
                          const char   *key)
{
  FormField *field;

  g_return_val_if_fail (ZZ_IS_CONFIG_FORM (self), NULL);

  field = lookup_field (self, key);
  if (field == NULL)
    return NULL;
  return field->input_error ? field->input_error : field->check_error;
}
