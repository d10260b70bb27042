/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-save.c: the canvas editor's document model, driven as a user would:
 * the unsaved mark, Ctrl+S, drafts and their restoring, "Save changes?",
 * Tidy Up and New from Template. Each test has a fresh database. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "zz-draft-writer.h"
#include "zz-starters.h"
#include "zz-store.h"
#include "zz-window-private.h"
#include "zz-workflow-history.h"
#include "zz-canvas.h"
#include "zz-palette.h"
#include "zz-test-display.h"
#include "zz-test-util.h"

#define WAIT_TIMEOUT_MS (ZZ_DRAFT_WRITER_DELAY_MS + 5000)

typedef struct
{
  char     *dir;
  ZzStore  *store;
  ZzWindow *window;
  char     *id; /* the workflow opened */
} Fixture;

static char *
insert_workflow (Fixture    *fixture,
                 const char *name)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new (name);
  g_autoptr(GError) error = NULL;

  zz_workflow_set_user_id (workflow, zz_store_get_current_user_id (fixture->store));
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);

  return g_strdup (zz_workflow_get_id (workflow));
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (zz_window_new (NULL, fixture->store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  _zz_window_select_workflow (fixture->window, fixture->id);
  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), ==, fixture->id);
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = zz_test_make_dir ();
  path = g_build_filename (fixture->dir, "zzyra.db", NULL);
  fixture->store = zz_store_open (path, &error);
  g_assert_no_error (error);
  fixture->id = insert_workflow (fixture, "Orders");
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);

  zz_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->id);
}

static ZzWorkflow *
shown_workflow (Fixture *fixture)
{
  return zz_workflow_page_get_workflow (fixture->window->page);
}

static ZzWorkflow *
stored_workflow (Fixture    *fixture,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  ZzWorkflow *workflow = zz_store_get_workflow (fixture->store, id, &error);

  g_assert_no_error (error);
  return workflow;
}

/* An edit as the canvas makes one: through a command. */
static void
add_node (Fixture    *fixture,
          const char *node_id)
{
  g_autoptr(ZzNode) node = zz_node_new (node_id, "DELAY");
  g_autoptr(GError) error = NULL;

  zz_workflow_add_node_command (shown_workflow (fixture), node, &error);
  g_assert_no_error (error);
}

static const char *
shown_title (Fixture *fixture)
{
  return adw_window_title_get_title (fixture->window->window_title);
}

static gboolean
has_draft (gpointer data)
{
  Fixture         *fixture = data;
  g_autofree char *draft = zz_store_get_draft (fixture->store, fixture->id, NULL, NULL);

  return draft != NULL;
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* How many times GTK said it drew a widget it had not laid out: a page
 * left blank until the window is resized. */
static guint n_unallocated_snapshots;

static GLogWriterOutput
count_unallocated_snapshots_cb (GLogLevelFlags   log_level,
                                const GLogField *fields,
                                gsize            n_fields,
                                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        strstr (fields[i].value, "without a current allocation") != NULL)
      n_unallocated_snapshots++;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Tests -------------------------------------------------------------------- */

static void
test_edit_marks_the_title_unsaved (Fixture      *fixture,
                                   gconstpointer data)
{
  open_window (fixture);
  g_assert_cmpstr (shown_title (fixture), ==, "Orders");
  g_assert_false (zz_workflow_page_get_modified (fixture->window->page));

  add_node (fixture, "n1");

  g_assert_true (zz_workflow_page_get_modified (fixture->window->page));
  g_assert_cmpstr (shown_title (fixture), ==, "• Orders");

  /* Undoing back to the saved state is not a change. */
  g_assert_true (zz_workflow_undo (shown_workflow (fixture)));
  g_assert_cmpstr (shown_title (fixture), ==, "Orders");
}

static void
test_edit_is_not_saved_until_asked (Fixture      *fixture,
                                    gconstpointer data)
{
  g_autoptr(ZzWorkflow) stored = NULL;
  g_autoptr(ZzWorkflow) saved = NULL;

  open_window (fixture);
  add_node (fixture, "n1");

  /* Longer than the old auto-save took. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  stored = stored_workflow (fixture, fixture->id);
  g_assert_cmpuint (zz_workflow_get_n_nodes (stored), ==, 0);
  g_assert_cmpint (zz_workflow_get_version (stored), ==, 1);

  activate (fixture, "win.save");

  saved = stored_workflow (fixture, fixture->id);
  g_assert_cmpuint (zz_workflow_get_n_nodes (saved), ==, 1);
  g_assert_cmpint (zz_workflow_get_version (saved), ==, 2);
  g_assert_cmpint (zz_workflow_get_version (shown_workflow (fixture)), ==, 2);
  g_assert_false (zz_workflow_get_modified (shown_workflow (fixture)));
  g_assert_cmpstr (shown_title (fixture), ==, "Orders");
  g_assert_false (has_draft (fixture));
}

static void
test_renaming_keeps_canvas_edits_unsaved (Fixture      *fixture,
                                          gconstpointer data)
{
  g_autoptr(ZzWorkflow) stored = NULL;
  g_autoptr(GError) error = NULL;

  open_window (fixture);
  add_node (fixture, "n1");

  g_assert_true (zz_workflow_page_rename (fixture->window->page, "Big Orders", &error));
  g_assert_no_error (error);

  /* The name is saved at once; the canvas edit is still only in the
   * document, still marked, and still in a draft. */
  stored = stored_workflow (fixture, fixture->id);
  g_assert_cmpstr (zz_workflow_get_name (stored), ==, "Big Orders");
  g_assert_cmpuint (zz_workflow_get_n_nodes (stored), ==, 0);
  g_assert_cmpuint (zz_workflow_get_n_nodes (shown_workflow (fixture)), ==, 1);
  g_assert_cmpstr (shown_title (fixture), ==, "• Big Orders");
  g_assert_true (has_draft (fixture));
}

static void
test_draft_is_written_and_restored (Fixture      *fixture,
                                    gconstpointer data)
{
  g_autoptr(ZzWorkflow) stored = NULL;
  g_autoptr(GError) error = NULL;

  open_window (fixture);
  add_node (fixture, "n1");
  g_assert_false (has_draft (fixture));
  g_assert_true (zz_test_wait_until (has_draft, fixture, WAIT_TIMEOUT_MS));

  /* As after a crash: the window goes without a word, and comes back. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  open_window (fixture);

  g_assert_cmpuint (zz_workflow_get_n_nodes (shown_workflow (fixture)), ==, 0);
  g_assert_true (zz_workflow_page_restore_draft (fixture->window->page, &error));
  g_assert_no_error (error);

  g_assert_nonnull (zz_workflow_find_node (shown_workflow (fixture), "n1"));
  g_assert_true (zz_workflow_page_get_modified (fixture->window->page));
  g_assert_cmpstr (shown_title (fixture), ==, "• Orders");
  stored = stored_workflow (fixture, fixture->id);
  g_assert_cmpuint (zz_workflow_get_n_nodes (stored), ==, 0);

  /* Restoring is an edit: undo takes it back. */
  g_assert_true (zz_workflow_undo (shown_workflow (fixture)));
  g_assert_null (zz_workflow_find_node (shown_workflow (fixture), "n1"));
  g_assert_false (has_draft (fixture));
}

static void
test_closing_asks_and_save_saves (Fixture      *fixture,
                                  gconstpointer data)
{
  AdwMessageDialog *dialog;
  g_autoptr(ZzWorkflow) stored = NULL;

  open_window (fixture);
  add_node (fixture, "n1");

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save changes to “Orders”?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  adw_message_dialog_response (dialog, "save");

  stored = stored_workflow (fixture, fixture->id);
  g_assert_cmpuint (zz_workflow_get_n_nodes (stored), ==, 1);
  g_assert_cmpint (zz_workflow_get_version (stored), ==, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

static void
test_closing_cancelled_keeps_the_changes (Fixture      *fixture,
                                          gconstpointer data)
{
  AdwMessageDialog *dialog;

  open_window (fixture);
  add_node (fixture, "n1");

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (zz_workflow_page_get_modified (fixture->window->page));
  g_assert_nonnull (zz_workflow_find_node (shown_workflow (fixture), "n1"));
}

/* The response closes the window while the dialog is still being emitted,
 * so the dialog goes after the window it asked about: nothing of it may
 * still point at the window then (G_DEBUG=fatal-criticals). */
static void
test_closing_discarded_lets_the_window_go_first (Fixture      *fixture,
                                                 gconstpointer data)
{
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autoptr(ZzWorkflow) stored = NULL;
  gpointer window;

  open_window (fixture);
  add_node (fixture, "n1");

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = g_object_ref (find_message_dialog ());
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  window = fixture->window;
  g_object_add_weak_pointer (G_OBJECT (window), &window);
  g_clear_object (&fixture->window);
  g_assert_null (window);

  stored = stored_workflow (fixture, fixture->id);
  g_assert_cmpuint (zz_workflow_get_n_nodes (stored), ==, 0);
  g_assert_false (has_draft (fixture));
  g_clear_object (&dialog);
}

static void
test_switching_asks_and_discard_drops (Fixture      *fixture,
                                       gconstpointer data)
{
  g_autofree char  *other = insert_workflow (fixture, "Invoices");
  AdwMessageDialog *dialog;
  g_autoptr(ZzWorkflow) stored = NULL;

  open_window (fixture);
  add_node (fixture, "n1");

  _zz_window_select_workflow (fixture->window, other);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  /* Until the user answers, the edited workflow stays open. */
  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), ==, fixture->id);

  adw_message_dialog_response (dialog, "discard");

  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), ==, other);
  g_assert_cmpstr (zz_workflow_get_name (shown_workflow (fixture)), ==, "Invoices");
  stored = stored_workflow (fixture, fixture->id);
  g_assert_cmpuint (zz_workflow_get_n_nodes (stored), ==, 0);
  g_assert_cmpint (zz_workflow_get_version (stored), ==, 1);
  g_assert_false (has_draft (fixture));
}

static void
test_tidy_up_is_one_undoable_step (Fixture      *fixture,
                                   gconstpointer data)
{
  ZzWorkflow *workflow;

  open_window (fixture);
  add_node (fixture, "n1");
  add_node (fixture, "n2");
  workflow = shown_workflow (fixture);
  zz_workflow_mark_saved (workflow);

  activate (fixture, "win.tidy-up");

  g_assert_true (zz_workflow_get_modified (workflow));
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Tidy Up");
  g_assert_cmpfloat (zz_node_get_x (zz_workflow_find_node (workflow, "n1")), !=,
                     zz_node_get_x (zz_workflow_find_node (workflow, "n2")));
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_false (zz_workflow_get_modified (workflow));
}

static void
test_new_from_template_adds_the_starter (Fixture      *fixture,
                                         gconstpointer data)
{
  GListModel      *toplevels = gtk_window_get_toplevels ();
  const ZzStarter *starters;
  g_autoptr(ZzWorkflow) expected = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget     *dialog = NULL;
  GtkWidget     *list;
  GtkListBoxRow *row;
  guint          n_starters = 0;

  open_window (fixture);
  starters = zz_starters_get_all (&n_starters);
  g_assert_cmpuint (n_starters, >, 0);
  expected = zz_starter_create (starters[0].id, &error);
  g_assert_no_error (error);

  activate (fixture, "win.new-from-template");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (toplevel), "New from Template") == 0)
        dialog = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (dialog);

  list = find_child (dialog, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, starters[0].title);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_starters - 1));

  g_signal_emit_by_name (list, "row-activated", row);

  g_assert_cmpuint (g_list_model_get_n_items (_zz_window_get_shown_workflows (fixture->window)), ==, 2);
  g_assert_cmpstr (zz_workflow_get_name (shown_workflow (fixture)), ==, starters[0].title);
  g_assert_cmpuint (zz_workflow_get_n_nodes (shown_workflow (fixture)), ==,
                    zz_workflow_get_n_nodes (expected));
  g_assert_cmpuint (zz_workflow_get_n_nodes (shown_workflow (fixture)), >, 0);
  g_assert_false (zz_workflow_page_get_modified (fixture->window->page));
}

static AdwPreferencesGroup *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return ADW_PREFERENCES_GROUP (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The group's own list holds its rows; the node list is the visible one. */
static GtkListBox *
find_shown_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_visible (widget))
    return GTK_LIST_BOX (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_shown_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
n_list_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
test_node_list_follows_the_document_and_shows_the_node (Fixture      *fixture,
                                                        gconstpointer data)
{
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkListBoxRow       *row;
  GtkWidget           *canvas;
  ZzViewport          *viewport;
  ZzNode              *node;
  g_auto(GStrv) selected = NULL;
  g_autoptr(GError) error = NULL;
  double wx, wy;

  open_window (fixture);
  group = find_group (GTK_WIDGET (fixture->window->page), "Nodes");
  list = find_shown_list (GTK_WIDGET (group));
  canvas = find_child (GTK_WIDGET (fixture->window->page), ZZ_TYPE_CANVAS);

  add_node (fixture, "n1");
  add_node (fixture, "n2");
  g_assert_cmpuint (n_list_rows (list), ==, 2);
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==, "2 nodes");

  /* Undo too: the count is the list's. */
  g_assert_true (zz_workflow_undo (shown_workflow (fixture)));
  g_assert_cmpuint (n_list_rows (list), ==, 1);
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==, "1 node");
  g_assert_true (zz_workflow_redo (shown_workflow (fixture)));

  zz_workflow_set_node_label_command (shown_workflow (fixture), "n2", "Wait for payment", &error);
  g_assert_no_error (error);
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Wait for payment");

  /* Far from the view, then activated: selected and in the middle. */
  node = zz_workflow_find_node (shown_workflow (fixture), "n2");
  zz_workflow_move_nodes_command (shown_workflow (fixture), (const char *[]){ "n2", NULL }, (double[]){ 4000 }, (double[]){ 3000 }, &error);
  g_assert_no_error (error);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (list, "row-activated", row);

  selected = zz_canvas_get_selected_node_ids (ZZ_CANVAS (canvas));
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (selected[0], ==, "n2");
  viewport = zz_canvas_get_viewport (ZZ_CANVAS (canvas));
  zz_viewport_canvas_to_widget (viewport, zz_node_get_x (node) + 110, zz_node_get_y (node) + 32, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, gtk_widget_get_width (canvas) / 2.0, 2);
  g_assert_cmpfloat_with_epsilon (wy, gtk_widget_get_height (canvas) / 2.0, 2);
}

static GtkWidget *
find_side_panel (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "node") != NULL &&
      gtk_stack_get_child_by_name (GTK_STACK (widget), "workflow") != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_side_panel (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
run_panel_is_placed (gpointer data)
{
  Fixture   *fixture = data;
  GtkWidget *panel = GTK_WIDGET (zz_workflow_page_get_run_panel (fixture->window->page));

  return ABS (gtk_widget_get_height (panel) - 300) <= 2;
}

static void
test_panel_sizes_are_kept_in_settings (Fixture      *fixture,
                                       gconstpointer data)
{
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *paned;
  GtkWidget *side_panel;
  int        width_request;

  fixture->window = g_object_ref_sink (zz_window_new (NULL, fixture->store));
  settings = g_object_ref (fixture->window->settings);
  g_assert_nonnull (settings);
  g_settings_set_int (settings, "run-panel-height", 300);
  g_settings_set_int (settings, "side-panel-width", 420);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1360, 860);
  gtk_window_present (GTK_WINDOW (fixture->window));
  _zz_window_select_workflow (fixture->window, fixture->id);

  /* What was kept is what shows. */
  g_assert_true (zz_test_wait_until (run_panel_is_placed, fixture, WAIT_TIMEOUT_MS));
  side_panel = find_side_panel (GTK_WIDGET (fixture->window->page));
  g_assert_cmpint (zz_workflow_page_get_side_panel_width (fixture->window->page), ==, 420);
  /* Narrower only where the canvas needs the room. */
  gtk_widget_get_size_request (side_panel, &width_request, NULL);
  g_assert_cmpint (width_request, <=, 420);
  g_assert_cmpint (width_request, >=, 280);
  if (width_request < 420)
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window->page)) - width_request, <, 420 + 320);

  /* A drag of the paned's handle is kept: as the run panel's height. */
  paned = find_child (GTK_WIDGET (fixture->window->page), GTK_TYPE_PANED);
  gtk_paned_set_position (GTK_PANED (paned), gtk_widget_get_height (paned) - 380);
  g_assert_cmpint (g_settings_get_int (settings, "run-panel-height"), ==, 380);

  zz_workflow_page_set_side_panel_width (fixture->window->page, 500);
  g_assert_cmpint (g_settings_get_int (settings, "side-panel-width"), ==, 500);
}

static gboolean
page_is_narrow (gpointer data)
{
  Fixture *fixture = data;

  return zz_workflow_page_get_narrow (fixture->window->page);
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_narrow_window_fits_the_floor_and_panels_slide_over (Fixture      *fixture,
                                                         gconstpointer data)
{
  GtkWidget *content;
  GtkWidget *flap;
  GtkWidget *back;
  int        min_width = 0, min_height = 0;

  /* GNOME's title buttons, for GNOME's floor. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  fixture->window = g_object_ref_sink (zz_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 480);
  gtk_window_present (GTK_WINDOW (fixture->window));
  _zz_window_select_workflow (fixture->window, fixture->id);
  add_node (fixture, "n1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));

  g_assert_true (zz_test_wait_until (page_is_narrow, fixture, WAIT_TIMEOUT_MS));
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));

  /* GNOME's floor: 360 × 294, the run panel and the side panel included. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, 360, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  g_assert_cmpint (min_height, <=, 294);

  /* The side panel slides over the canvas, and says how to go back. */
  flap = find_child (GTK_WIDGET (fixture->window->page), ADW_TYPE_FLAP);
  adw_flap_set_reveal_flap (ADW_FLAP (flap), TRUE);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));
  g_assert_true (adw_flap_get_folded (ADW_FLAP (flap)));
  back = find_button_with_tooltip (GTK_WIDGET (fixture->window->page), "Back to the Canvas");
  g_assert_nonnull (back);
  g_assert_true (zz_test_wait_until ((ZzTestCondition) gtk_widget_get_mapped, back, WAIT_TIMEOUT_MS));
  g_signal_emit_by_name (back, "clicked");
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Lets the draft writer and the list of workflows do what they do after an edit. */
static void
wait_a_while (void)
{
  gint64 until = g_get_monotonic_time () + (ZZ_DRAFT_WRITER_DELAY_MS + 300) * G_TIME_SPAN_MILLISECOND;

  zz_test_wait_until (time_passed, &until, ZZ_DRAFT_WRITER_DELAY_MS + 1000);
}

static void
test_undo_redo_keeps_the_page_drawn (Fixture      *fixture,
                                     gconstpointer data)
{
  GtkWidget       *canvas, *flap, *paned, *palette;
  g_autofree char *node_id = NULL;
  g_autoptr(GError) error = NULL;

  fixture->window = g_object_ref_sink (zz_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1360, 860);
  gtk_window_present (GTK_WINDOW (fixture->window));
  _zz_window_add_starter (fixture->window, "order-total", &error);
  g_assert_no_error (error);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));
  canvas = find_child (GTK_WIDGET (fixture->window->page), ZZ_TYPE_CANVAS);
  flap = find_child (GTK_WIDGET (fixture->window->page), ADW_TYPE_FLAP);
  paned = find_child (GTK_WIDGET (fixture->window->page), GTK_TYPE_PANED);

  /* The workflow's own settings, as a click on the empty canvas shows them. */
  adw_flap_set_reveal_flap (ADW_FLAP (flap), TRUE);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));

  /* As the palette adds a block: selected, so the inspector shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window->page), "page.add-block", NULL));
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));
  palette = find_child (GTK_WIDGET (fixture->window->page), ZZ_TYPE_PALETTE);
  zz_palette_set_query (ZZ_PALETTE (palette), "delay");
  node_id = zz_palette_activate (ZZ_PALETTE (palette), 0);
  g_assert_nonnull (node_id);
  wait_a_while ();
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));

  n_unallocated_snapshots = 0;
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.undo", NULL));
  wait_a_while ();
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.redo", NULL));
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));
  wait_a_while ();

  g_assert_cmpuint (n_unallocated_snapshots, ==, 0);
  g_assert_true (gtk_widget_get_mapped (paned));
  g_assert_cmpint (gtk_widget_get_width (paned), >, 0);
  g_assert_cmpint (gtk_widget_get_height (paned), >, 0);
  g_assert_cmpuint (zz_workflow_get_n_nodes (shown_workflow (fixture)), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_log_set_writer_func (count_unallocated_snapshots_cb, NULL, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/save/edit/marks-the-title-unsaved", test_edit_marks_the_title_unsaved);
  ADD ("/save/edit/is-not-saved-until-asked", test_edit_is_not_saved_until_asked);
  ADD ("/save/rename/keeps-canvas-edits-unsaved", test_renaming_keeps_canvas_edits_unsaved);
  ADD ("/save/draft/is-written-and-restored", test_draft_is_written_and_restored);
  ADD ("/save/close/asks-and-save-saves", test_closing_asks_and_save_saves);
  ADD ("/save/close/cancelled-keeps-the-changes", test_closing_cancelled_keeps_the_changes);
  ADD ("/save/close/discarded-lets-the-window-go-first", test_closing_discarded_lets_the_window_go_first);
  ADD ("/save/switch/asks-and-discard-drops", test_switching_asks_and_discard_drops);
  ADD ("/save/node-list/follows-the-document-and-shows-the-node", test_node_list_follows_the_document_and_shows_the_node);
  ADD ("/save/panels/sizes-are-kept-in-settings", test_panel_sizes_are_kept_in_settings);
  ADD ("/save/narrow/window-fits-the-floor-and-panels-slide-over", test_narrow_window_fits_the_floor_and_panels_slide_over);
  ADD ("/save/undo-redo/keeps-the-page-drawn", test_undo_redo_keeps_the_page_drawn);
  ADD ("/save/tidy-up/is-one-undoable-step", test_tidy_up_is_one_undoable_step);
  ADD ("/save/new-from-template/adds-the-starter", test_new_from_template_adds_the_starter);

  return g_test_run ();
}
