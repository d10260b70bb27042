/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window, driven through its actions as a user
 * would, over a fresh temporary database each. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "zz-canvas.h"
#include "zz-palette.h"
#include "zz-problems-view.h"
#include "zz-store.h"
#include "zz-workflow-history.h"
#include "zz-window-private.h"
#include "zz-workflow-row.h"
#include "zz-test-display.h"
#include "zz-test-util.h"

#define WAIT_TIMEOUT_MS 5000

typedef struct
{
  char     *dir;
  ZzStore  *store;
  ZzWindow *window;
} Fixture;

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
  g_assert_nonnull (fixture->store);
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
}

static char *
insert_workflow (Fixture           *fixture,
                 const char        *name,
                 const char *const *tags)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new (name);
  g_autoptr(GError) error = NULL;

  zz_workflow_set_user_id (workflow, zz_store_get_current_user_id (fixture->store));
  if (tags != NULL)
    zz_workflow_set_tags (workflow, tags);
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);

  return g_strdup (zz_workflow_get_id (workflow));
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (zz_window_new (NULL, fixture->store));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

/* What a condition given to zz_test_wait_until () looks at: the window,
 * and what it should show. */
typedef struct
{
  Fixture      *fixture;
  gconstpointer expected;
} Expectation;

static void
collect_row_titles (GtkWidget *widget,
                    GPtrArray *titles)
{
  if (ZZ_IS_WORKFLOW_ROW (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (titles, g_strdup (zz_workflow_row_get_title (ZZ_WORKFLOW_ROW (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

static gboolean
rows_show_names (gpointer data)
{
  Expectation       *expectation = data;
  Fixture           *fixture = expectation->fixture;
  const char *const *names = expectation->expected;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  collect_row_titles (GTK_WIDGET (fixture->window), titles);
  g_ptr_array_add (titles, NULL);

  if (titles->len - 1 != g_strv_length ((char **) names))
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_strv_contains ((const char *const *) titles->pdata, names[i]))
      return FALSE;
  return TRUE;
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (_zz_window_get_shown_workflows (fixture->window));
}

static guint
n_stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  list = zz_store_list_workflows (fixture->store, zz_store_get_current_user_id (fixture->store), &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static gboolean
is_stored (Fixture    *fixture,
           const char *id)
{
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;

  workflow = zz_store_get_workflow (fixture->store, id, &error);
  if (workflow == NULL)
    g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND);
  return workflow != NULL;
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, parameter));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint       n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
message_dialog_is_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* win.delete asks first; the user answers @response. */
static void
delete_and_answer (Fixture    *fixture,
                   const char *response)
{
  AdwMessageDialog *dialog;

  activate (fixture, "win.delete", NULL);
  g_assert_true (zz_test_wait_until (message_dialog_is_shown, NULL, WAIT_TIMEOUT_MS));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Workflow?");
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* Tests -------------------------------------------------------------------- */

static void
test_empty_database_shows_the_empty_state (Fixture      *fixture,
                                           gconstpointer data)
{
  open_window (fixture);

  g_assert_cmpstr (_zz_window_get_visible_page (fixture->window), ==, "empty");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
}

static void
test_list_shows_every_workflow (Fixture      *fixture,
                                gconstpointer data)
{
  static const char *const names[] = { "Daily report", "Sync invoices", "Notify team", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    g_free (insert_workflow (fixture, names[i], NULL));

  open_window (fixture);

  g_assert_cmpstr (_zz_window_get_visible_page (fixture->window), ==, "workflows");
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  g_assert_true (zz_test_wait_until (rows_show_names, &(Expectation){ fixture, names }, WAIT_TIMEOUT_MS));
}

static void
test_new_adds_and_selects_an_untitled_workflow (Fixture      *fixture,
                                                gconstpointer data)
{
  static const char *const one[] = { "Untitled Workflow", NULL };
  static const char *const two[] = { "Untitled Workflow", "Untitled Workflow 2", NULL };
  g_autoptr(ZzWorkflow) selected = NULL;
  g_autoptr(GError) error = NULL;

  open_window (fixture);
  activate (fixture, "win.new", NULL);

  g_assert_cmpuint (n_stored (fixture), ==, 1);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (_zz_window_get_visible_page (fixture->window), ==, "workflows");
  g_assert_nonnull (_zz_window_get_selected_id (fixture->window));
  selected = zz_store_get_workflow (fixture->store, _zz_window_get_selected_id (fixture->window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_workflow_get_name (selected), ==, "Untitled Workflow");
  g_assert_true (zz_test_wait_until (rows_show_names, &(Expectation){ fixture, one }, WAIT_TIMEOUT_MS));

  activate (fixture, "win.new", NULL);
  g_assert_cmpuint (n_stored (fixture), ==, 2);
  g_assert_true (zz_test_wait_until (rows_show_names, &(Expectation){ fixture, two }, WAIT_TIMEOUT_MS));
}

static void
test_delete_hides_at_once_and_undo_restores (Fixture      *fixture,
                                             gconstpointer data)
{
  g_autofree char         *keep = insert_workflow (fixture, "Keep me", NULL);
  g_autofree char         *doomed = insert_workflow (fixture, "Delete me", NULL);
  static const char *const both[] = { "Keep me", "Delete me", NULL };
  static const char *const kept[] = { "Keep me", NULL };

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, doomed);
  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), ==, doomed);

  delete_and_answer (fixture, "delete");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_true (is_stored (fixture, doomed));
  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), ==, keep);
  g_assert_true (zz_test_wait_until (rows_show_names, &(Expectation){ fixture, kept }, WAIT_TIMEOUT_MS));

  activate (fixture, "win.undo-delete", g_variant_new_string (doomed));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), ==, doomed);
  g_assert_true (zz_test_wait_until (rows_show_names, &(Expectation){ fixture, both }, WAIT_TIMEOUT_MS));

  /* Nothing is waiting any more: closing deletes nothing. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (is_stored (fixture, doomed));
  g_assert_true (is_stored (fixture, keep));
}

static void
test_delete_without_undo_deletes_when_the_toast_goes (Fixture      *fixture,
                                                      gconstpointer data)
{
  g_autofree char *first = insert_workflow (fixture, "First", NULL);
  g_autofree char *second = insert_workflow (fixture, "Second", NULL);

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, first);
  delete_and_answer (fixture, "delete");
  g_assert_true (is_stored (fixture, first));

  /* A second deletion makes the first final: one Undo at a time. */
  _zz_window_select_workflow (fixture->window, second);
  delete_and_answer (fixture, "delete");
  g_assert_false (is_stored (fixture, first));
  g_assert_true (is_stored (fixture, second));
  g_assert_cmpstr (_zz_window_get_visible_page (fixture->window), ==, "empty");

  _zz_window_flush_deletions (fixture->window);
  g_assert_false (is_stored (fixture, second));
  g_assert_cmpuint (n_stored (fixture), ==, 0);
}

static void
test_delete_without_undo_deletes_when_the_window_closes (Fixture      *fixture,
                                                         gconstpointer data)
{
  g_autofree char *id = insert_workflow (fixture, "Closing time", NULL);

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, id);
  delete_and_answer (fixture, "delete");
  g_assert_true (is_stored (fixture, id));

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_false (is_stored (fixture, id));
}

static gboolean
shown_count_is (gpointer data)
{
  Expectation *expectation = data;

  return n_shown (expectation->fixture) == GPOINTER_TO_UINT (expectation->expected);
}

static void
test_search_filters_by_name_and_tag (Fixture      *fixture,
                                     gconstpointer data)
{
  static const char *const billing[] = { "billing", "monthly", NULL };
  static const char *const ops[] = { "ops", NULL };
  static const char *const only_invoices[] = { "Sync invoices", NULL };

  g_free (insert_workflow (fixture, "Sync invoices", billing));
  g_free (insert_workflow (fixture, "Restart servers", ops));
  g_free (insert_workflow (fixture, "Daily report", NULL));

  open_window (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 3);

  _zz_window_set_search (fixture->window, "INVOICE");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_true (zz_test_wait_until (rows_show_names, &(Expectation){ fixture, only_invoices }, WAIT_TIMEOUT_MS));

  _zz_window_set_search (fixture->window, "monthly");
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  _zz_window_set_search (fixture->window, "no such thing");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  /* No results is not the empty state: the search entry stays. */
  g_assert_cmpstr (_zz_window_get_visible_page (fixture->window), ==, "workflows");

  _zz_window_set_search (fixture->window, "");
  g_assert_true (zz_test_wait_until (shown_count_is, &(Expectation){ fixture, GUINT_TO_POINTER (3) }, WAIT_TIMEOUT_MS));
}

static void
test_list_follows_changes_made_elsewhere (Fixture      *fixture,
                                          gconstpointer data)
{
  static const char *const names[] = { "Made by the CLI", NULL };

  open_window (fixture);
  g_assert_cmpstr (_zz_window_get_visible_page (fixture->window), ==, "empty");

  g_free (insert_workflow (fixture, "Made by the CLI", NULL));
  g_assert_true (zz_test_wait_until (shown_count_is, &(Expectation){ fixture, GUINT_TO_POINTER (1) }, WAIT_TIMEOUT_MS));
  g_assert_cmpstr (_zz_window_get_visible_page (fixture->window), ==, "workflows");
  g_assert_true (zz_test_wait_until (rows_show_names, &(Expectation){ fixture, names }, WAIT_TIMEOUT_MS));
}

static void
test_duplicate_adds_a_copy (Fixture      *fixture,
                            gconstpointer data)
{
  g_autofree char *id = insert_workflow (fixture, "Original", NULL);
  g_autoptr(ZzWorkflow) copy = NULL;
  g_autoptr(GError) error = NULL;

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, id);
  activate (fixture, "win.duplicate", NULL);

  g_assert_cmpuint (n_stored (fixture), ==, 2);
  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), !=, id);
  copy = zz_store_get_workflow (fixture->store, _zz_window_get_selected_id (fixture->window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_workflow_get_name (copy), ==, "Copy of Original");
}

static void
test_actions_need_a_selection (Fixture      *fixture,
                               gconstpointer data)
{
  g_autofree char *id = insert_workflow (fixture, "Untouched", NULL);

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, NULL);
  g_assert_null (_zz_window_get_selected_id (fixture->window));

  /* Disabled, they do nothing even when activated. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.duplicate", NULL);
  g_assert_null (find_message_dialog ());
  _zz_window_flush_deletions (fixture->window);

  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpuint (n_stored (fixture), ==, 1);
  g_assert_true (is_stored (fixture, id));
}

static gboolean
stored_count_is (gpointer data)
{
  Expectation *expectation = data;

  return n_stored (expectation->fixture) == GPOINTER_TO_UINT (expectation->expected);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
test_import_adds_and_selects_the_workflow (Fixture      *fixture,
                                           gconstpointer data)
{
  g_autoptr(GFile) file = write_file (fixture, "imported.json",
                                       "{\"name\": \"From the web\", \"nodes\": [], \"edges\": []}");
  static const char *const names[] = { "From the web", NULL };

  open_window (fixture);
  _zz_window_import_file (fixture->window, file);
  g_assert_true (zz_test_wait_until (stored_count_is, &(Expectation){ fixture, GUINT_TO_POINTER (1) }, WAIT_TIMEOUT_MS));
  g_assert_true (zz_test_wait_until (rows_show_names, &(Expectation){ fixture, names }, WAIT_TIMEOUT_MS));
  g_assert_nonnull (_zz_window_get_selected_id (fixture->window));

  /* The same file again is a second workflow, not a clash of ids. */
  _zz_window_import_file (fixture->window, file);
  g_assert_true (zz_test_wait_until (stored_count_is, &(Expectation){ fixture, GUINT_TO_POINTER (2) }, WAIT_TIMEOUT_MS));
}

static void
test_import_of_broken_json_says_where_and_adds_nothing (Fixture      *fixture,
                                                        gconstpointer data)
{
  g_autoptr(GFile) file = write_file (fixture, "broken.json", "{\n  \"name\": \"Broken\",\n  \"nodes\": [\n}");
  AdwMessageDialog *dialog;

  open_window (fixture);
  _zz_window_import_file (fixture->window, file);
  g_assert_true (zz_test_wait_until (message_dialog_is_shown, NULL, WAIT_TIMEOUT_MS));

  dialog = find_message_dialog ();
  g_assert_true (strstr (adw_message_dialog_get_heading (dialog), "broken.json") != NULL);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "line") != NULL);
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  g_assert_cmpstr (_zz_window_get_visible_page (fixture->window), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_delete_asks_naming_the_runs_and_cancel_keeps (Fixture      *fixture,
                                                   gconstpointer data)
{
  g_autofree char  *id = insert_workflow (fixture, "Invoices", NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ZzExecution) run = zz_execution_new ();
      g_autoptr(GError) error = NULL;

      run->workflow_id = g_strdup (id);
      run->user_id = g_strdup (zz_store_get_current_user_id (fixture->store));
      run->status = ZZ_RUN_STATUS_COMPLETED;
      zz_store_insert_execution (fixture->store, run, &error);
      g_assert_no_error (error);
    }

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, id);
  activate (fixture, "win.delete", NULL);
  g_assert_true (zz_test_wait_until (message_dialog_is_shown, NULL, WAIT_TIMEOUT_MS));

  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Workflow?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "“Invoices” and its 3 runs will be deleted.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  /* Nothing goes before the answer. */
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (zz_test_wait_until (no_message_dialog, NULL, WAIT_TIMEOUT_MS));
  _zz_window_flush_deletions (fixture->window);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_true (is_stored (fixture, id));
  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), ==, id);
}

static void
test_delete_with_unsaved_changes_asks_to_delete_not_to_save (Fixture      *fixture,
                                                             gconstpointer data)
{
  g_autofree char *id = insert_workflow (fixture, "Edited", NULL);
  g_autoptr(ZzNode) node = zz_node_new ("wait", "DELAY");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, id);
  zz_workflow_add_node_command (zz_workflow_page_get_workflow (fixture->window->page), node, &error);
  g_assert_no_error (error);

  activate (fixture, "win.delete", NULL);
  g_assert_true (zz_test_wait_until (message_dialog_is_shown, NULL, WAIT_TIMEOUT_MS));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Workflow?");
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "unsaved changes") != NULL);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* No "Save changes?" after that. */
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  _zz_window_flush_deletions (fixture->window);
  g_assert_false (is_stored (fixture, id));
}

/* The shortcuts the window's class gives @action_name, as "<Control>Delete". */
static gboolean
window_has_shortcut (Fixture        *fixture,
                     const char     *action_name,
                     guint           keyval,
                     GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction  *action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name) == 0 &&
              GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_delete_key_is_not_the_workflows (Fixture      *fixture,
                                      gconstpointer data)
{
  g_free (insert_workflow (fixture, "Keys", NULL));
  open_window (fixture);

  /* Delete in an entry deletes text; on the canvas, nodes. */
  g_assert_false (window_has_shortcut (fixture, "win.delete", GDK_KEY_Delete, 0));
  g_assert_false (window_has_shortcut (fixture, "win.delete", GDK_KEY_KP_Delete, 0));
  g_assert_true (window_has_shortcut (fixture, "win.delete", GDK_KEY_Delete, GDK_CONTROL_MASK));
}

static void
collect_shortcuts (GObject    *object,
                   GHashTable *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (object))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (object, "title", &title, "accelerator", &accelerator, NULL);
      g_hash_table_insert (accels, g_steal_pointer (&title), g_steal_pointer (&accelerator));
    }

  if (GTK_IS_WIDGET (object))
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (object));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      collect_shortcuts (G_OBJECT (child), accels);
}

static void
test_shortcuts_window_lists_the_editor_keys (Fixture      *fixture,
                                             gconstpointer data)
{
  static const char *const expected[][2] = {
    { "Run", "<Primary>r F5" },
    { "Stop", "<Primary>period" },
    { "Save", "<Primary>s" },
    { "Undo", "<Primary>z" },
    { "Redo", "<Primary><Shift>z <Primary>y" },
    { "Tidy Up", "<Primary><Shift>l" },
    { "Add Block", "<Primary><Shift>a" },
    { "New from Template", "<Primary><Shift>n" },
    { "Copy", "<Primary>c" },
    { "Paste", "<Primary>v" },
    { "Delete Selection", "Delete BackSpace" },
    { "Delete Workflow", "<Primary>Delete" },
    { "Zoom In", "<Primary>plus" },
    { "Zoom Out", "<Primary>minus" },
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/zzyra/Desktop/gtk/help-overlay.ui");
  g_autoptr(GHashTable) accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  collect_shortcuts (overlay, accels);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_hash_table_lookup (accels, expected[i][0]), ==, expected[i][1]);

  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Every item of @menu that has a key shows it, and the key is one the
 * window answers to. */
static guint
check_menu_accels (Fixture    *fixture,
                   GMenuModel *menu)
{
  static const char *const without_key[] = { "app.about", "win.export-png", "win.show-minimap", NULL };
  guint                    n_checked = 0;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;
      g_autofree char *accel = NULL;
      guint            keyval;
      GdkModifierType  modifiers;

      if (section != NULL)
        {
          n_checked += check_menu_accels (fixture, section);
          continue;
        }

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      if (g_strv_contains (without_key, action))
        continue;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, "accel", "s", &accel));
      g_assert_true (gtk_accelerator_parse (accel, &keyval, &modifiers));
      if (!g_str_equal (action, "win.show-help-overlay"))
        g_assert_true (window_has_shortcut (fixture, action, keyval, modifiers));
      n_checked++;
    }

  return n_checked;
}

static void
test_menus_show_their_keys (Fixture      *fixture,
                            gconstpointer data)
{
  g_free (insert_workflow (fixture, "Keys", NULL));
  open_window (fixture);

  g_assert_cmpuint (check_menu_accels (fixture, gtk_menu_button_get_menu_model (fixture->window->sidebar_menu_button)), ==, 4);
  g_assert_cmpuint (check_menu_accels (fixture, gtk_menu_button_get_menu_model (fixture->window->workflow_menu_button)), ==, 6);
}

/* A workflow with errors would fail at its first node: Run waits for them
 * to be fixed, and says why on its tooltip. */
static void
test_run_is_insensitive_while_the_workflow_has_errors (Fixture      *fixture,
                                                       gconstpointer data)
{
  g_autofree char *id = insert_workflow (fixture, "Broken", NULL);
  g_autoptr(ZzNode) node = zz_node_new ("fetch", "HTTP_REQUEST");
  g_autoptr(JsonObject) config = json_object_new ();
  g_autoptr(GError) error = NULL;
  ZzProblemsView *problems;
  GtkWidget      *run_button;

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, id);
  problems = zz_workflow_page_get_problems_view (fixture->window->page);
  run_button = GTK_WIDGET (fixture->window->run_button);
  zz_problems_view_refresh (problems);
  g_assert_true (gtk_widget_get_sensitive (run_button));

  zz_node_set_label (node, "Fetch price");
  zz_node_set_config (node, config);
  zz_workflow_add_node_command (zz_workflow_page_get_workflow (fixture->window->page), node, &error);
  g_assert_no_error (error);
  zz_problems_view_refresh (problems);
  g_assert_true (zz_problems_view_get_has_errors (problems));
  g_assert_false (gtk_widget_get_sensitive (run_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (run_button), ==, "Fetch price: “URL” is required");

  json_object_set_string_member (config, "url", "https://example.com");
  zz_node_set_config (node, config);
  zz_problems_view_refresh (problems);
  g_assert_false (zz_problems_view_get_has_errors (problems));
  g_assert_true (gtk_widget_get_sensitive (run_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (run_button), ==, "Run the Workflow (Ctrl+R)");
}

static ZzPalette *
find_palette (GtkWidget *widget)
{
  if (ZZ_IS_PALETTE (widget))
    return ZZ_PALETTE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ZzPalette *found = find_palette (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+Shift+A is the window's: it opens the palette with the focus in
 * the sidebar's search entry too, not only on the canvas. */
static void
test_add_block_works_wherever_the_focus_is (Fixture      *fixture,
                                            gconstpointer data)
{
  g_autofree char *id = insert_workflow (fixture, "Blocks", NULL);
  GtkWidget       *revealer;

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, id);
  /* The key is the application's accel (zz-application.c): an entry's
   * own Ctrl+Shift+A would take a window binding first. */
  g_assert_false (window_has_shortcut (fixture, "page.add-block", GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK));

  revealer = gtk_widget_get_ancestor (GTK_WIDGET (find_palette (GTK_WIDGET (fixture->window))), GTK_TYPE_REVEALER);
  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->window->search_entry));
  activate (fixture, "win.add-block", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* An empty workflow has one empty state, the canvas's "Add First Step":
 * the page's old label lay over it. */
static void
test_empty_workflow_shows_one_empty_state (Fixture      *fixture,
                                           gconstpointer data)
{
  g_autofree char *id = insert_workflow (fixture, "Empty", NULL);
  GtkWidget       *over_canvas;

  open_window (fixture);
  _zz_window_select_workflow (fixture->window, id);
  over_canvas = gtk_widget_get_ancestor (GTK_WIDGET (zz_workflow_page_get_canvas (fixture->window->page)),
                                         GTK_TYPE_OVERLAY);
  g_assert_nonnull (over_canvas);
  g_assert_true (shows_label (over_canvas, "_Add First Step"));
  g_assert_false (shows_label (over_canvas, "This workflow has no nodes yet"));
}

/* The view menu's "Show Minimap" shows the canvas's, and a new window
 * (the app restarted) remembers it. */
static void
test_show_minimap_is_remembered (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autofree char *id = insert_workflow (fixture, "Map", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "show-minimap");
  open_window (fixture);
  _zz_window_select_workflow (fixture->window, id);
  g_assert_false (zz_canvas_get_show_minimap (zz_workflow_page_get_canvas (fixture->window->page)));
  g_assert_true (g_action_group_get_action_state_type (G_ACTION_GROUP (fixture->window), "show-minimap") != NULL);

  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "show-minimap", g_variant_new_boolean (TRUE));
  g_assert_true (zz_canvas_get_show_minimap (zz_workflow_page_get_canvas (fixture->window->page)));
  g_assert_true (g_settings_get_boolean (settings, "show-minimap"));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  open_window (fixture);
  g_assert_true (zz_canvas_get_show_minimap (zz_workflow_page_get_canvas (fixture->window->page)));
  g_settings_reset (settings, "show-minimap");
}

static void
wait_for_canvas (Fixture *fixture)
{
  /* One frame lays the canvas out, the next restores its viewport. */
  for (guint i = 0; i < 6; i++)
    g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->window), WAIT_TIMEOUT_MS));
}

static void
assert_viewport (Fixture *fixture,
                 double   zoom,
                 double   x,
                 double   y)
{
  ZzViewport *viewport = zz_canvas_get_viewport (zz_workflow_page_get_canvas (fixture->window->page));

  g_assert_cmpfloat_with_epsilon (zz_viewport_get_zoom (viewport), zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_offset_x (viewport), x, 1e-9);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_offset_y (viewport), y, 1e-9);
}

/* Going back to a workflow finds it as it was left, zoomed and panned,
 * not fitted again; after a restart too. */
static void
test_each_workflow_keeps_its_zoom_and_position (Fixture      *fixture,
                                                gconstpointer data)
{
  g_autofree char *a = insert_workflow (fixture, "Alpha", NULL);
  g_autofree char *b = insert_workflow (fixture, "Beta", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  ZzViewport *viewport;

  g_settings_reset (settings, "workflow-viewports");
  open_window (fixture);
  _zz_window_select_workflow (fixture->window, a);
  wait_for_canvas (fixture);
  viewport = zz_canvas_get_viewport (zz_workflow_page_get_canvas (fixture->window->page));
  zz_viewport_set_zoom (viewport, 1.75);
  zz_viewport_set_offset (viewport, 123.5, -45.25);

  _zz_window_select_workflow (fixture->window, b);
  wait_for_canvas (fixture);
  _zz_window_select_workflow (fixture->window, a);
  wait_for_canvas (fixture);
  assert_viewport (fixture, 1.75, 123.5, -45.25);

  /* Closing keeps it too; the new window opens the last workflow. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  open_window (fixture);
  g_assert_cmpstr (_zz_window_get_selected_id (fixture->window), ==, a);
  wait_for_canvas (fixture);
  assert_viewport (fixture, 1.75, 123.5, -45.25);

  g_settings_reset (settings, "workflow-viewports");
  g_settings_reset (settings, "last-workflow");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/empty-database/shows-the-empty-state", test_empty_database_shows_the_empty_state);
  ADD ("/window/list/shows-every-workflow", test_list_shows_every_workflow);
  ADD ("/window/list/follows-changes-made-elsewhere", test_list_follows_changes_made_elsewhere);
  ADD ("/window/new/adds-and-selects-an-untitled-workflow", test_new_adds_and_selects_an_untitled_workflow);
  ADD ("/window/duplicate/adds-a-copy", test_duplicate_adds_a_copy);
  ADD ("/window/delete/hides-at-once-and-undo-restores", test_delete_hides_at_once_and_undo_restores);
  ADD ("/window/delete/without-undo-deletes-when-the-toast-goes", test_delete_without_undo_deletes_when_the_toast_goes);
  ADD ("/window/delete/without-undo-deletes-when-the-window-closes", test_delete_without_undo_deletes_when_the_window_closes);
  ADD ("/window/delete/asks-naming-the-runs-and-cancel-keeps", test_delete_asks_naming_the_runs_and_cancel_keeps);
  ADD ("/window/delete/with-unsaved-changes-asks-to-delete-not-to-save", test_delete_with_unsaved_changes_asks_to_delete_not_to_save);
  ADD ("/window/delete/key-alone-is-not-the-workflows", test_delete_key_is_not_the_workflows);
  ADD ("/window/shortcuts/window-lists-the-editor-keys", test_shortcuts_window_lists_the_editor_keys);
  ADD ("/window/shortcuts/menus-show-their-keys", test_menus_show_their_keys);
  ADD ("/window/run/is-insensitive-while-the-workflow-has-errors", test_run_is_insensitive_while_the_workflow_has_errors);
  ADD ("/window/add-block/works-wherever-the-focus-is", test_add_block_works_wherever_the_focus_is);
  ADD ("/window/empty-workflow/shows-one-empty-state", test_empty_workflow_shows_one_empty_state);
  ADD ("/window/view/show-minimap-is-remembered", test_show_minimap_is_remembered);
  ADD ("/window/viewport/each-workflow-keeps-its-zoom-and-position", test_each_workflow_keeps_its_zoom_and_position);
  ADD ("/window/search/filters-by-name-and-tag", test_search_filters_by_name_and_tag);
  ADD ("/window/actions/need-a-selection", test_actions_need_a_selection);
  ADD ("/window/import/adds-and-selects-the-workflow", test_import_adds_and_selects_the_workflow);
  ADD ("/window/import/of-broken-json-says-where-and-adds-nothing", test_import_of_broken_json_says_where_and_adds_nothing);

  return g_test_run ();
}
