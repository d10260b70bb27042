/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "zz-canvas-private.h"
#include "zz-inspector.h"
#include "zz-json.h"
#include "zz-palette.h"
#include "zz-problems-view.h"
#include "zz-workflow-history.h"
#include "zz-test-display.h"

#define WAIT_TIMEOUT_MS 5000

typedef struct
{
  GtkWindow      *window;
  ZzCanvas       *canvas;
  ZzInspector    *inspector;
  ZzPalette      *palette;
  ZzProblemsView *problems;
  ZzWorkflow     *workflow;
} Fixture;

static void
add_node (ZzWorkflow *workflow,
          const char *id,
          const char *block_type,
          const char *label,
          const char *config_json,
          double      x)
{
  g_autoptr(ZzNode) node = zz_node_new (id, block_type);
  g_autoptr(JsonObject) config = NULL;
  g_autoptr(GError) error = NULL;

  zz_node_set_label (node, label);
  zz_node_set_position (node, x, 0);
  if (config_json != NULL)
    {
      config = zz_json_parse_object (config_json, -1, &error);
      g_assert_no_error (error);
      zz_node_set_config (node, config);
    }
  g_assert_true (zz_workflow_add_node (workflow, node, &error));
  g_assert_no_error (error);
}

static void
select_node (Fixture    *fixture,
             const char *id)
{
  const char *ids[] = { id, NULL };

  zz_canvas_select_nodes (fixture->canvas, ids);
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  fixture->workflow = zz_workflow_new ("Inspector test");
  add_node (fixture->workflow, "trigger", "MANUAL_TRIGGER", "Start", NULL, 0);
  add_node (fixture->workflow, "fetch", "HTTP_REQUEST", "Fetch price",
            "{\"url\": \"https://example.org/price\", \"retries\": 3}", 300);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1400, 800);
  fixture->palette = ZZ_PALETTE (zz_palette_new ());
  fixture->canvas = ZZ_CANVAS (zz_canvas_new ());
  fixture->inspector = ZZ_INSPECTOR (zz_inspector_new ());
  fixture->problems = ZZ_PROBLEMS_VIEW (zz_problems_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->palette), 300, -1);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->inspector), 360, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->palette));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->canvas));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->inspector));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->problems));
  gtk_window_set_child (fixture->window, box);

  zz_canvas_set_workflow (fixture->canvas, fixture->workflow);
  zz_palette_set_canvas (fixture->palette, fixture->canvas);
  zz_inspector_set_canvas (fixture->inspector, fixture->canvas);
  zz_problems_view_set_canvas (fixture->problems, fixture->canvas);
  gtk_window_present (fixture->window);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->workflow);
}

static ZzConfigForm *
form_of (Fixture *fixture)
{
  return zz_inspector_get_form (fixture->inspector);
}

static const char *
config_string (Fixture    *fixture,
               const char *node_id,
               const char *key)
{
  ZzNode *node = zz_workflow_find_node (fixture->workflow, node_id);

  return json_object_get_string_member_with_default (zz_node_get_config (node), key, NULL);
}

static gboolean
later_url_was_applied (gpointer data)
{
  return g_strcmp0 (config_string (data, "fetch", "url"), "https://example.org/later") == 0;
}

static gboolean
no_problem_is_listed (gpointer data)
{
  Fixture *fixture = data;

  return zz_problems_view_get_n_problems (fixture->problems) == 0;
}

static void
test_selection_shows_node (Fixture      *fixture,
                           gconstpointer data)
{
  GtkWidget  *url;
  GtkWidget  *retries;
  const char *both[] = { "trigger", "fetch", NULL };

  g_assert_null (zz_inspector_get_node (fixture->inspector));

  select_node (fixture, "fetch");
  g_assert_true (zz_inspector_get_node (fixture->inspector) ==
                 zz_workflow_find_node (fixture->workflow, "fetch"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zz_inspector_get_label_row (fixture->inspector))),
                   ==, "Fetch price");
  g_assert_true (gtk_switch_get_active (zz_inspector_get_enabled_switch (fixture->inspector)));

  /* The schema's fields, each with the editor its "x-widget" asks for. */
  url = zz_config_form_get_editor (form_of (fixture), "url");
  g_assert_true (ADW_IS_ENTRY_ROW (url));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url)), ==, "https://example.org/price");
  g_assert_true (ADW_IS_COMBO_ROW (zz_config_form_get_editor (form_of (fixture), "method")));
  g_assert_true (GTK_IS_LIST_BOX (zz_config_form_get_editor (form_of (fixture), "headers")));
  g_assert_true (GTK_IS_TEXT_VIEW (zz_config_form_get_editor (form_of (fixture), "body")));
  g_assert_true (GTK_IS_SWITCH (zz_config_form_get_editor (form_of (fixture), "followRedirects")));
  retries = zz_config_form_get_editor (form_of (fixture), "retries");
  g_assert_true (GTK_IS_SPIN_BUTTON (retries));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (retries)), ==, 3);
  /* The default shows for a key the node does not hold. */
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (
                     zz_config_form_get_editor (form_of (fixture), "method")))),
                   ==, "GET");
  g_assert_null (zz_config_form_get_error (form_of (fixture), "url"));

  /* Another node, then two: the inspector follows, then has none. */
  select_node (fixture, "trigger");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zz_inspector_get_label_row (fixture->inspector))),
                   ==, "Start");
  g_assert_null (zz_config_form_get_editor (form_of (fixture), "url"));
  zz_canvas_select_nodes (fixture->canvas, both);
  g_assert_null (zz_inspector_get_node (fixture->inspector));
}

static void
test_edit_is_one_undoable_step (Fixture      *fixture,
                                gconstpointer data)
{
  GtkWidget *url;
  GtkWidget *label_row;
  ZzNode    *node = zz_workflow_find_node (fixture->workflow, "fetch");

  select_node (fixture, "fetch");
  url = zz_config_form_get_editor (form_of (fixture), "url");

  /* Typing applies nothing until Enter... */
  gtk_editable_set_text (GTK_EDITABLE (url), "https://example.org/other");
  g_assert_cmpstr (config_string (fixture, "fetch", "url"), ==, "https://example.org/price");
  g_assert_false (zz_workflow_can_undo (fixture->workflow));
  g_signal_emit_by_name (url, "entry-activated");
  g_assert_cmpstr (config_string (fixture, "fetch", "url"), ==, "https://example.org/other");
  /* ...keeps the rest of the config... */
  g_assert_cmpint (json_object_get_int_member (zz_node_get_config (node), "retries"), ==, 3);

  /* ...and is one step: undo puts the old value back, in the form too. */
  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_false (zz_workflow_can_undo (fixture->workflow));
  g_assert_cmpstr (config_string (fixture, "fetch", "url"), ==, "https://example.org/price");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url)), ==, "https://example.org/price");

  /* Text also applies by itself shortly after the last key. */
  gtk_editable_set_text (GTK_EDITABLE (url), "https://example.org/later");
  g_assert_true (zz_test_wait_until (later_url_was_applied, fixture, WAIT_TIMEOUT_MS));
  g_assert_cmpstr (config_string (fixture, "fetch", "url"), ==, "https://example.org/later");

  /* An emptied required field is applied, and says what is missing. */
  gtk_editable_set_text (GTK_EDITABLE (url), "");
  g_signal_emit_by_name (url, "entry-activated");
  g_assert_cmpstr (config_string (fixture, "fetch", "url"), ==, "");
  g_assert_nonnull (zz_config_form_get_error (form_of (fixture), "url"));
  g_assert_true (gtk_widget_has_css_class (zz_config_form_get_field_widget (form_of (fixture), "url"), "error"));

  /* The label and the enabled switch are commands too. */
  label_row = GTK_WIDGET (zz_inspector_get_label_row (fixture->inspector));
  gtk_editable_set_text (GTK_EDITABLE (label_row), "Get the price");
  g_signal_emit_by_name (label_row, "apply");
  g_assert_cmpstr (zz_node_get_label (node), ==, "Get the price");
  gtk_switch_set_active (zz_inspector_get_enabled_switch (fixture->inspector), FALSE);
  g_assert_false (zz_node_get_enabled (node));
  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_true (zz_node_get_enabled (node));
  g_assert_true (gtk_switch_get_active (zz_inspector_get_enabled_switch (fixture->inspector)));
  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_cmpstr (zz_node_get_label (node), ==, "Fetch price");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label_row)), ==, "Fetch price");
}

static void
test_refresh_keeps_typing (Fixture      *fixture,
                           gconstpointer data)
{
  GtkWidget   *url;
  AdwComboRow *method;

  select_node (fixture, "fetch");
  url = zz_config_form_get_editor (form_of (fixture), "url");
  method = ADW_COMBO_ROW (zz_config_form_get_editor (form_of (fixture), "method"));

  /* A choice applies at once. */
  adw_combo_row_set_selected (method, 1);
  g_assert_cmpstr (config_string (fixture, "fetch", "method"), ==, "POST");

  /* The user types an address; meanwhile the config changes under the
   * form (undo): the other fields follow, the typed text stays. */
  gtk_editable_set_text (GTK_EDITABLE (url), "https://example.org/typing");
  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_null (config_string (fixture, "fetch", "method"));
  g_assert_cmpuint (adw_combo_row_get_selected (method), ==, 0); /* the default, GET */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url)), ==, "https://example.org/typing");

  /* Switching to another node applies what was typed to its own node. */
  select_node (fixture, "trigger");
  g_assert_cmpstr (config_string (fixture, "fetch", "url"), ==, "https://example.org/typing");
}

static void
test_out_of_range_number (Fixture      *fixture,
                          gconstpointer data)
{
  GtkSpinButton *retries;
  ZzNode        *node = zz_workflow_find_node (fixture->workflow, "fetch");
  const char    *error;

  select_node (fixture, "fetch");
  retries = GTK_SPIN_BUTTON (zz_config_form_get_editor (form_of (fixture), "retries"));

  gtk_editable_set_text (GTK_EDITABLE (retries), "99");
  gtk_spin_button_update (retries);

  error = zz_config_form_get_error (form_of (fixture), "retries");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "between 0 and 10"));
  g_assert_true (gtk_widget_has_css_class (zz_config_form_get_field_widget (form_of (fixture), "retries"),
                                           "error"));
  g_assert_cmpint (json_object_get_int_member (zz_node_get_config (node), "retries"), ==, 3);
  g_assert_false (zz_workflow_can_undo (fixture->workflow));

  /* A number in range applies and clears the mark. */
  gtk_editable_set_text (GTK_EDITABLE (retries), "5");
  gtk_spin_button_update (retries);
  g_assert_null (zz_config_form_get_error (form_of (fixture), "retries"));
  g_assert_false (gtk_widget_has_css_class (zz_config_form_get_field_widget (form_of (fixture), "retries"),
                                            "error"));
  g_assert_cmpint (json_object_get_int_member (zz_node_get_config (node), "retries"), ==, 5);
  g_assert_true (zz_workflow_can_undo (fixture->workflow));
}

static void
test_bad_json (Fixture      *fixture,
               gconstpointer data)
{
  GtkTextView *body;
  ZzNode      *node = zz_workflow_find_node (fixture->workflow, "fetch");
  const char  *error;

  select_node (fixture, "fetch");
  body = GTK_TEXT_VIEW (zz_config_form_get_editor (form_of (fixture), "body"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), "{\n  \"price\": 1\n  \"unit\": \"EUR\"\n}", -1);
  zz_inspector_flush (fixture->inspector);

  error = zz_config_form_get_error (form_of (fixture), "body");
  g_assert_nonnull (error);
  g_test_message ("%s", error);
  /* json-glib places a missing comma at the end of the line before. */
  g_assert_nonnull (strstr (error, "line 2, column"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (body), "error"));
  g_assert_false (json_object_has_member (zz_node_get_config (node), "body"));
  g_assert_false (zz_workflow_can_undo (fixture->workflow));

  /* Fixed, it applies as JSON, not as text. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), "{\"price\": 1}", -1);
  zz_inspector_flush (fixture->inspector);
  g_assert_null (zz_config_form_get_error (form_of (fixture), "body"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (zz_node_get_config (node), "body"),
                                               "price"),
                   ==, 1);
}

static void
test_unknown_block (Fixture      *fixture,
                    gconstpointer data)
{
  ZzNode          *node;
  GtkTextView     *view;
  g_autofree char *text = NULL;
  GtkTextIter      start, end;

  /* A block from a newer Zzyra: its config is kept and edited as JSON. */
  add_node (fixture->workflow, "odd", "FROM_THE_FUTURE", "Odd", "{\"speed\": 3}", 600);
  node = zz_workflow_find_node (fixture->workflow, "odd");
  select_node (fixture, "odd");
  view = GTK_TEXT_VIEW (zz_config_form_get_editor (form_of (fixture), NULL));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "\"speed\": 3"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "[1]", -1);
  zz_inspector_flush (fixture->inspector);
  g_assert_nonnull (zz_config_form_get_error (form_of (fixture), NULL));
  g_assert_cmpint (json_object_get_int_member (zz_node_get_config (node), "speed"), ==, 3);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "{\"speed\": 4}", -1);
  zz_inspector_flush (fixture->inspector);
  g_assert_null (zz_config_form_get_error (form_of (fixture), NULL));
  g_assert_cmpint (json_object_get_int_member (zz_node_get_config (node), "speed"), ==, 4);
  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_cmpint (json_object_get_int_member (zz_node_get_config (node), "speed"), ==, 3);
}

static void
test_palette_search_and_add (Fixture      *fixture,
                             gconstpointer data)
{
  GListModel *model = zz_palette_get_model (fixture->palette);
  g_autoptr(ZzBlockType) type = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) selected = NULL;
  guint n_all = g_list_model_get_n_items (model);

  g_assert_cmpuint (n_all, >, 5);

  /* "fetch" is a tag of the HTTP request, in no title. */
  zz_palette_set_query (fixture->palette, "fetch");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  type = g_list_model_get_item (model, 0);
  g_assert_cmpstr (zz_block_type_get_id (type), ==, "HTTP_REQUEST");

  zz_palette_set_query (fixture->palette, "no block is called this");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  zz_palette_set_query (fixture->palette, "FETCH");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  id = zz_palette_activate (fixture->palette, 0);
  g_assert_nonnull (id);
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 3);
  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (fixture->workflow, id)), ==, "HTTP_REQUEST");
  selected = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (selected[0], ==, id);
  g_assert_true (zz_inspector_get_node (fixture->inspector) == zz_workflow_find_node (fixture->workflow, id));

  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 2);
  g_assert_null (zz_workflow_find_node (fixture->workflow, id));

  zz_palette_set_query (fixture->palette, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_palette_enter_acts_on_typed_words (Fixture      *fixture,
                                        gconstpointer data)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->palette), GTK_TYPE_SEARCH_ENTRY);
  g_auto(GStrv) selected = NULL;

  g_assert_nonnull (entry);
  /* Typed, then Enter before the entry's pause is over: its
   * search-changed has not come yet. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "delay");
  g_signal_emit_by_name (entry, "activate");

  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 3);
  selected = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (fixture->workflow, selected[0])), ==, "DELAY");
}

static guint scroll_warnings;

static GLogWriterOutput
count_scroll_warnings_cb (GLogLevelFlags   log_level,
                          const GLogField *fields,
                          gsize            n_fields,
                          gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        strstr (fields[i].value, "failed to scroll") != NULL)
      scroll_warnings++;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_palette_reopens_without_warning (Fixture      *fixture,
                                      gconstpointer data)
{
  GtkWidget     *list_view = find_descendant (GTK_WIDGET (fixture->palette), GTK_TYPE_LIST_VIEW);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));

  /* Short enough to scroll, scrolled down, searched for nothing, put away... */
  gtk_widget_set_valign (GTK_WIDGET (fixture->palette), GTK_ALIGN_START);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->palette), 300, 300);
  g_assert_true (zz_test_wait_for_frame (list_view, WAIT_TIMEOUT_MS));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  g_assert_true (zz_test_wait_for_frame (list_view, WAIT_TIMEOUT_MS));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  zz_palette_set_query (fixture->palette, "no block is called this");
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->palette), WAIT_TIMEOUT_MS));
  gtk_widget_set_visible (GTK_WIDGET (fixture->palette), FALSE);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));

  /* ...and opened again, as Add Block does. */
  scroll_warnings = 0;
  gtk_widget_set_visible (GTK_WIDGET (fixture->palette), TRUE);
  zz_palette_reset (fixture->palette);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->palette), WAIT_TIMEOUT_MS));
  g_assert_true (zz_test_wait_for_frame (list_view, WAIT_TIMEOUT_MS));

  g_assert_cmpuint (scroll_warnings, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (zz_palette_get_model (fixture->palette)), >, 5);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, gtk_adjustment_get_lower (vadjustment));
}

static void
test_palette_shown_after_reset_takes_the_keys (Fixture      *fixture,
                                               gconstpointer data)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->palette), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus;

  /* As a revealer shows it: reset first (notify::reveal-child), then
   * mapped. What is typed next goes to the search. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->palette), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  zz_palette_reset (fixture->palette);
  gtk_widget_set_visible (GTK_WIDGET (fixture->palette), TRUE);

  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_every_block_icon_is_in_the_theme (Fixture      *fixture,
                                       gconstpointer data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GListModel   *types = zz_block_registry_get_types (zz_block_registry_get_default ());

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(ZzBlockType) type = g_list_model_get_item (types, i);
      const char *icon = zz_block_type_get_icon_name (type);

      if (!gtk_icon_theme_has_icon (theme, icon))
        g_error ("The icon “%s” of %s is not in the icon theme", icon, zz_block_type_get_id (type));
    }
}

/* As the workflow page does: page.add-block opens the palette, reset. */
static void
on_page_add_block_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      ZzPalette     *palette)
{
  zz_palette_reset (palette);
}

static void
test_palette_adds_where_the_canvas_menu_was_asked (Fixture      *fixture,
                                                   gconstpointer data)
{
  g_autoptr(GSimpleActionGroup) page = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) add_block = g_simple_action_new ("add-block", NULL);
  ZzViewport      *viewport = zz_canvas_get_viewport (fixture->canvas);
  g_autofree char *id = NULL;
  g_autofree char *later = NULL;
  ZzNode          *node;
  double           wx, wy;

  g_signal_connect (add_block, "activate", G_CALLBACK (on_page_add_block_cb), fixture->palette);
  g_action_map_add_action (G_ACTION_MAP (page), G_ACTION (add_block));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "page", G_ACTION_GROUP (page));

  /* The canvas's menu on empty space, at canvas point (500, 400). */
  zz_viewport_canvas_to_widget (viewport, 500, 400, &wx, &wy);
  g_assert_true (_zz_canvas_popup_menu (fixture->canvas, wx, wy) == fixture->canvas->canvas_menu);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.add-block-here", NULL));
  zz_palette_set_query (fixture->palette, "delay");
  id = zz_palette_activate (fixture->palette, 0);
  g_assert_nonnull (id);
  node = zz_workflow_find_node (fixture->workflow, id);
  g_assert_cmpfloat_with_epsilon (zz_node_get_x (node) + ZZ_NODE_CARD_WIDTH / 2, 500, 1);
  g_assert_cmpfloat_with_epsilon (zz_node_get_y (node) + ZZ_NODE_CARD_HEIGHT / 2, 400, 1);
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));

  /* Opened again from Add Block: the view's middle, not that point. */
  zz_palette_reset (fixture->palette);
  later = zz_palette_activate (fixture->palette, 0);
  node = zz_workflow_find_node (fixture->workflow, later);
  g_assert_false (fabs (zz_node_get_x (node) + ZZ_NODE_CARD_WIDTH / 2 - 500) < 1 &&
                  fabs (zz_node_get_y (node) + ZZ_NODE_CARD_HEIGHT / 2 - 400) < 1);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *target = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }

  return target;
}

static gboolean
drop_text (GtkDropTarget *target,
           const char    *text,
           double         x,
           double         y)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_signal_emit_by_name (target, "drop", &value, x, y, &accepted);
  return accepted;
}

static void
test_palette_drop (Fixture      *fixture,
                   gconstpointer data)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (fixture->canvas));
  g_auto(GStrv) selected = NULL;
  ZzNode *node;
  double  x, y;

  g_assert_nonnull (target);

  /* Text from elsewhere is not a block. */
  g_assert_false (drop_text (target, "hello", 100, 100));
  g_assert_false (drop_text (target, ZZ_PALETTE_DRAG_PREFIX "NO_SUCH_BLOCK", 100, 100));
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 2);

  /* A block lands centred where it is dropped, selected, in one step. */
  g_assert_true (drop_text (target, ZZ_PALETTE_DRAG_PREFIX "DELAY", 400, 300));
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 3);
  selected = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  node = zz_workflow_find_node (fixture->workflow, selected[0]);
  g_assert_cmpstr (zz_node_get_block_type (node), ==, "DELAY");
  zz_viewport_widget_to_canvas (zz_canvas_get_viewport (fixture->canvas), 400, 300, &x, &y);
  g_assert_cmpfloat_with_epsilon (zz_node_get_x (node) + ZZ_NODE_CARD_WIDTH / 2, x, 1.0);
  g_assert_cmpfloat_with_epsilon (zz_node_get_y (node) + ZZ_NODE_CARD_HEIGHT / 2, y, 1.0);

  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 2);
}

static void
test_problems (Fixture      *fixture,
               gconstpointer data)
{
  ZzNode *node = zz_workflow_find_node (fixture->workflow, "fetch");
  g_autoptr(JsonObject) config = json_object_new ();
  g_auto(GStrv) selected = NULL;
  GtkWidget *card;
  guint      position = G_MAXUINT;

  g_assert_cmpuint (zz_problems_view_get_n_problems (fixture->problems), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->problems)));
  g_assert_false (zz_problems_view_get_has_errors (fixture->problems));
  g_assert_null (zz_problems_view_get_first_error (fixture->problems));

  /* The HTTP request loses its required URL. */
  zz_node_set_config (node, config);
  zz_problems_view_refresh (fixture->problems);
  /* What the window's Run button goes insensitive on, with its tooltip. */
  g_assert_true (zz_problems_view_get_has_errors (fixture->problems));
  g_assert_cmpstr (zz_problems_view_get_first_error (fixture->problems), ==,
                   "Fetch price: “URL” is required");
  g_assert_cmpuint (zz_problems_view_get_n_problems (fixture->problems), >=, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->problems)));
  for (guint i = 0; i < zz_problems_view_get_n_problems (fixture->problems); i++)
    if (g_strcmp0 (zz_problems_view_get_problem (fixture->problems, i)->node_id, "fetch") == 0)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  /* Named as the canvas names it, the field by its title. */
  g_assert_cmpstr (zz_problems_view_get_problem (fixture->problems, position)->message, ==,
                   "Fetch price: “URL” is required");

  /* Its card carries the mark. */
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  card = _zz_canvas_get_card (fixture->canvas, "fetch");
  g_assert_nonnull (card);
  g_assert_nonnull (zz_node_card_get_problem (ZZ_NODE_CARD (card)));
  /* An error looks like an error there, as in the list. */
  g_assert_cmpstr (zz_node_card_get_problem_icon_name (ZZ_NODE_CARD (card)), ==,
                   zz_problem_severity_get_icon_name (ZZ_PROBLEM_ERROR));
  g_assert_cmpstr (zz_problem_severity_get_icon_name (zz_problems_view_get_problem (fixture->problems, position)->severity),
                   ==, "dialog-error-symbolic");

  zz_problems_view_activate (fixture->problems, position);
  selected = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (selected[0], ==, "fetch");

  /* Fixed, through the inspector: the list follows the workflow's edits. */
  gtk_editable_set_text (GTK_EDITABLE (zz_config_form_get_editor (form_of (fixture), "url")),
                         "https://example.org");
  g_signal_emit_by_name (zz_config_form_get_editor (form_of (fixture), "url"), "entry-activated");
  g_assert_true (zz_test_wait_until (no_problem_is_listed, fixture, WAIT_TIMEOUT_MS));
  g_assert_cmpuint (zz_problems_view_get_n_problems (fixture->problems), ==, 0);
  g_assert_null (zz_node_card_get_problem (ZZ_NODE_CARD (card)));
  g_assert_false (zz_problems_view_get_has_errors (fixture->problems));
  g_assert_null (zz_problems_view_get_first_error (fixture->problems));
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (count_scroll_warnings_cb, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/inspector/selecting-one-node-shows-its-label-and-fields", test_selection_shows_node);
  ADD ("/inspector/each-edit-is-one-undoable-step", test_edit_is_one_undoable_step);
  ADD ("/inspector/undo-while-typing-keeps-the-typed-text", test_refresh_keeps_typing);
  ADD ("/inspector/out-of-range-number-is-marked-and-not-applied", test_out_of_range_number);
  ADD ("/inspector/bad-json-is-marked-with-its-line-and-not-applied", test_bad_json);
  ADD ("/inspector/unknown-block-is-edited-as-json", test_unknown_block);
  ADD ("/palette/search-by-tag-then-activate-adds-one-undoable-node", test_palette_search_and_add);
  ADD ("/palette/dropping-a-block-on-the-canvas-adds-it-there", test_palette_drop);
  ADD ("/palette/enter-right-after-typing-adds-what-the-words-find", test_palette_enter_acts_on_typed_words);
  ADD ("/palette/opening-again-after-an-empty-search-warns-of-nothing", test_palette_reopens_without_warning);
  ADD ("/palette/shown-after-a-reset-the-search-takes-the-keys", test_palette_shown_after_reset_takes_the_keys);
  ADD ("/palette/every-block-icon-is-in-the-icon-theme", test_every_block_icon_is_in_the_theme);
  ADD ("/palette/adds-where-the-canvas-menu-asked", test_palette_adds_where_the_canvas_menu_was_asked);
  ADD ("/problems/missing-config-is-listed-and-selects-its-node", test_problems);
#undef ADD

  return g_test_run ();
}
