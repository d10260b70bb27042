/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-run-panel.c: running a workflow from the window, as a user would:
 * the canvas and the run panel follow the run, Stop cancels it, the
 * history keeps it and the notifications button counts what it sent. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "zz-canvas.h"
#include "zz-execution-model.h"
#include "zz-notifications-popover.h"
#include "zz-run-manager.h"
#include "zz-run-panel.h"
#include "zz-store.h"
#include "zz-window-private.h"
#include "zz-workflow-history.h"
#include "zz-test-util.h"

#define WAIT_TIMEOUT_MS 15000

/* A trigger, a calculation and a notification: runs offline in no time. */
static const char quick_workflow[] =
  "{\"name\": \"Quick\", \"nodes\": ["
  " {\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0},"
  "  \"data\": {\"blockType\": \"MANUAL_TRIGGER\", \"label\": \"Start\", \"isEnabled\": true, \"config\": {}}},"
  " {\"id\": \"calc\", \"type\": \"CALCULATOR\", \"position\": {\"x\": 300, \"y\": 0},"
  "  \"data\": {\"blockType\": \"CALCULATOR\", \"label\": \"Times\", \"isEnabled\": true,"
  "           \"config\": {\"operation\": \"multiply\", \"leftOperand\": \"6\", \"rightOperand\": \"7\"}}},"
  " {\"id\": \"tell\", \"type\": \"NOTIFICATION\", \"position\": {\"x\": 600, \"y\": 0},"
  "  \"data\": {\"blockType\": \"NOTIFICATION\", \"label\": \"Tell me\", \"isEnabled\": true,"
  "           \"config\": {\"title\": \"Answer\", \"message\": \"Six times seven\"}}}],"
  " \"edges\": ["
  " {\"id\": \"e1\", \"source\": \"start\", \"target\": \"calc\", \"sourceHandle\": null, \"targetHandle\": null},"
  " {\"id\": \"e2\", \"source\": \"calc\", \"target\": \"tell\", \"sourceHandle\": null, \"targetHandle\": null}]}";

/* A trigger, then a minute's wait. */
static const char slow_workflow[] =
  "{\"name\": \"Slow\", \"nodes\": ["
  " {\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0},"
  "  \"data\": {\"blockType\": \"MANUAL_TRIGGER\", \"label\": \"Start\", \"isEnabled\": true, \"config\": {}}},"
  " {\"id\": \"wait\", \"type\": \"DELAY\", \"position\": {\"x\": 300, \"y\": 0},"
  "  \"data\": {\"blockType\": \"DELAY\", \"label\": \"Wait\", \"isEnabled\": true,"
  "           \"config\": {\"duration\": 60, \"unit\": \"seconds\"}}}],"
  " \"edges\": ["
  " {\"id\": \"e1\", \"source\": \"start\", \"target\": \"wait\", \"sourceHandle\": null, \"targetHandle\": null}]}";

/* A call to a port where nothing listens: fails at once, offline too. */
static const char failing_workflow[] =
  "{\"name\": \"Failing\", \"nodes\": ["
  " {\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0},"
  "  \"data\": {\"blockType\": \"MANUAL_TRIGGER\", \"label\": \"Start\", \"isEnabled\": true, \"config\": {}}},"
  " {\"id\": \"fetch\", \"type\": \"HTTP_REQUEST\", \"position\": {\"x\": 300, \"y\": 0},"
  "  \"data\": {\"blockType\": \"HTTP_REQUEST\", \"label\": \"Fetch price\", \"isEnabled\": true,"
  "           \"config\": {\"url\": \"http://127.0.0.1:9/price\", \"method\": \"GET\", \"retries\": 0}}},"
  " {\"id\": \"tell\", \"type\": \"NOTIFICATION\", \"position\": {\"x\": 600, \"y\": 0},"
  "  \"data\": {\"blockType\": \"NOTIFICATION\", \"label\": \"Tell me\", \"isEnabled\": true,"
  "           \"config\": {\"title\": \"Price\", \"message\": \"Here\"}}}],"
  " \"edges\": ["
  " {\"id\": \"e1\", \"source\": \"start\", \"target\": \"fetch\", \"sourceHandle\": null, \"targetHandle\": null},"
  " {\"id\": \"e2\", \"source\": \"fetch\", \"target\": \"tell\", \"sourceHandle\": null, \"targetHandle\": null}]}";

/* Like the failing call, but tried again after 2 s, then 4 s and 8 s. */
static const char retrying_workflow[] =
  "{\"name\": \"Retrying\", \"nodes\": ["
  " {\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0},"
  "  \"data\": {\"blockType\": \"MANUAL_TRIGGER\", \"label\": \"Start\", \"isEnabled\": true, \"config\": {}}},"
  " {\"id\": \"fetch\", \"type\": \"HTTP_REQUEST\", \"position\": {\"x\": 300, \"y\": 0},"
  "  \"data\": {\"blockType\": \"HTTP_REQUEST\", \"label\": \"Fetch price\", \"isEnabled\": true,"
  "           \"config\": {\"url\": \"http://127.0.0.1:9/price\", \"method\": \"GET\", \"retries\": 3, \"retryDelay\": 2000}}}],"
  " \"edges\": ["
  " {\"id\": \"e1\", \"source\": \"start\", \"target\": \"fetch\", \"sourceHandle\": null, \"targetHandle\": null}]}";

typedef struct
{
  char      *dir;
  ZzStore   *store;
  ZzWindow  *window;
  GPtrArray *events; /* "node:status" as the panel's model got them */
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
  fixture->events = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->events, g_ptr_array_unref);

  zz_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static ZzRunPanel *
get_panel (Fixture *fixture)
{
  return zz_workflow_page_get_run_panel (fixture->window->page);
}

static ZzCanvas *
get_canvas (Fixture *fixture)
{
  g_autoptr(ZzCanvas) canvas = NULL;

  g_object_get (get_panel (fixture), "canvas", &canvas, NULL);
  return canvas; /* the page keeps it */
}

static gboolean
run_is_over (gpointer data)
{
  Fixture          *fixture = data;
  ZzExecutionModel *model = zz_run_panel_get_model (get_panel (fixture));

  return model != NULL && !zz_execution_model_get_live (model) &&
         zz_run_manager_get_n_running (_zz_window_get_run_manager (fixture->window)) == 0;
}

static char *
open_workflow (Fixture    *fixture,
               const char *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new_from_data (data, -1, &error);

  g_assert_no_error (error);
  zz_workflow_set_user_id (workflow, zz_store_get_current_user_id (fixture->store));
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (zz_window_new (NULL, fixture->store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  _zz_window_select_workflow (fixture->window, zz_workflow_get_id (workflow));
  g_assert_nonnull (zz_workflow_page_get_workflow (fixture->window->page));
  return g_strdup (zz_workflow_get_id (workflow));
}

static void
on_node_changed_cb (ZzExecutionModel *model,
                    ZzNodeRunItem    *item,
                    Fixture          *fixture)
{
  g_ptr_array_add (fixture->events, g_strdup_printf ("%s:%s", zz_node_run_item_get_node_id (item),
                                                     zz_run_status_to_string (zz_node_run_item_get_status (item))));
}

static void
on_run_started_cb (ZzRunManager     *manager,
                   const char       *workflow_id,
                   ZzExecutionModel *model,
                   Fixture          *fixture)
{
  g_signal_connect (model, "node-changed", G_CALLBACK (on_node_changed_cb), fixture);
}

/* The index of the first event for @node with @status, or -1. */
static int
event_index (Fixture    *fixture,
             const char *node,
             const char *status)
{
  g_autofree char *wanted = g_strdup_printf ("%s:%s", node, status);

  for (guint i = 0; i < fixture->events->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->events, i), wanted))
      return i;
  return -1;
}

static void
test_run_updates_node_states_and_panel_in_order (Fixture      *fixture,
                                                 gconstpointer data)
{
  g_autofree char  *id = open_workflow (fixture, quick_workflow);
  ZzExecutionModel *model;
  const char       *nodes[] = { "start", "calc", "tell" };

  g_signal_connect (_zz_window_get_run_manager (fixture->window), "run-started",
                    G_CALLBACK (on_run_started_cb), fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_run_manager_is_running (_zz_window_get_run_manager (fixture->window), id));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));

  model = zz_run_panel_get_model (get_panel (fixture));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(ZzNodeRunItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_test_message ("%s: %s %s", zz_node_run_item_get_node_id (item),
                      zz_run_status_to_string (zz_node_run_item_get_status (item)), zz_node_run_item_get_error (item));
    }
  g_assert_cmpstr (zz_run_status_to_string (zz_execution_model_get_execution (model)->status), ==, "completed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      ZzNodeRunItem *item = zz_execution_model_find (model, nodes[i], NULL);

      g_assert_nonnull (item);
      g_assert_cmpstr (zz_run_status_to_string (zz_node_run_item_get_status (item)), ==, "completed");
      g_assert_cmpint (zz_node_run_item_get_duration_ms (item), >=, 0);
      g_assert_cmpstr (zz_run_status_to_string (zz_canvas_get_node_status (get_canvas (fixture), nodes[i])), ==, "completed");
      /* The panel heard each node complete, after it was seen running (a
       * fast node may go from pending to completed in one commit) and
       * after the node before it. */
      g_assert_cmpint (event_index (fixture, nodes[i], "completed"), >=, 0);
      g_assert_cmpint (event_index (fixture, nodes[i], "running"), <, event_index (fixture, nodes[i], "completed"));
      if (i > 0)
        g_assert_cmpint (event_index (fixture, nodes[i - 1], "completed"), <, event_index (fixture, nodes[i], "completed"));
    }

  /* Selecting a node on the canvas selects its row, and back. */
  zz_canvas_select_nodes (get_canvas (fixture), (const char *[]){ "calc", NULL });
  g_assert_cmpstr (zz_run_panel_get_selected_node_id (get_panel (fixture)), ==, "calc");
  zz_run_panel_select_node (get_panel (fixture), "tell");
  {
    g_auto(GStrv) selected = zz_canvas_get_selected_node_ids (get_canvas (fixture));
    g_assert_cmpuint (g_strv_length (selected), ==, 1);
    g_assert_cmpstr (selected[0], ==, "tell");
  }
  /* The run button is Run again. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->window->run_button)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (fixture->window->run_button)), ==, "win.run");
}

static gboolean
wait_is_running (gpointer data)
{
  Fixture          *fixture = data;
  ZzExecutionModel *model = zz_run_panel_get_model (get_panel (fixture));
  ZzNodeRunItem    *item = model ? zz_execution_model_find (model, "wait", NULL) : NULL;

  return item != NULL && zz_node_run_item_get_status (item) == ZZ_RUN_STATUS_RUNNING;
}

static void
test_stop_cancels_a_long_delay (Fixture      *fixture,
                                gconstpointer data)
{
  g_autofree char  *id = open_workflow (fixture, slow_workflow);
  gint64            started;
  ZzExecutionModel *model;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_test_wait_until (wait_is_running, fixture, WAIT_TIMEOUT_MS));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (fixture->window->run_button)), ==, "win.stop");
  g_assert_cmpstr (zz_run_status_to_string (zz_canvas_get_node_status (get_canvas (fixture), "wait")), ==, "running");

  started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stop", NULL));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);

  model = zz_run_panel_get_model (get_panel (fixture));
  g_assert_cmpstr (zz_run_status_to_string (zz_execution_model_get_execution (model)->status), ==, "cancelled");
  g_assert_cmpstr (zz_run_status_to_string (zz_node_run_item_get_status (zz_execution_model_find (model, "wait", NULL))), !=, "running");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (fixture->window->run_button)), ==, "win.run");
}

static void
test_history_lists_the_run_and_reopens_it (Fixture      *fixture,
                                           gconstpointer data)
{
  g_autofree char   *id = open_workflow (fixture, quick_workflow);
  ZzHistoryView     *history = zz_run_panel_get_history_view (get_panel (fixture));
  g_autofree char   *execution_id = NULL;
  const ZzExecution *listed;
  ZzExecutionModel  *model;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (zz_history_view_get_model (history)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));

  g_assert_cmpuint (g_list_model_get_n_items (zz_history_view_get_model (history)), ==, 1);
  listed = zz_history_view_get_execution (history, 0);
  g_assert_cmpstr (zz_run_status_to_string (listed->status), ==, "completed");
  g_assert_cmpstr (listed->trigger, ==, "manual");
  execution_id = g_strdup (listed->id);

  /* Another workflow's statuses go; reopening the run brings them back. */
  zz_canvas_clear_node_statuses (get_canvas (fixture));
  g_assert_cmpint (zz_canvas_get_node_status (get_canvas (fixture), "calc"), ==, ZZ_RUN_STATUS_NONE);
  g_assert_true (zz_run_panel_open_execution (get_panel (fixture), execution_id, &error));
  g_assert_no_error (error);
  model = zz_run_panel_get_model (get_panel (fixture));
  g_assert_false (zz_execution_model_get_live (model));
  g_assert_cmpstr (zz_execution_model_get_execution (model)->id, ==, execution_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpstr (zz_run_status_to_string (zz_canvas_get_node_status (get_canvas (fixture), "calc")), ==, "completed");
  g_assert_cmpstr (zz_run_status_to_string (zz_canvas_get_node_status (get_canvas (fixture), "tell")), ==, "completed");

  /* Deleting it empties the history. */
  g_assert_true (zz_history_view_delete_execution (history, execution_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (zz_history_view_get_model (history)), ==, 0);
  g_assert_null (zz_store_get_execution (fixture->store, execution_id, NULL));
}

static void
test_failure_selects_the_node_and_run_again_reruns (Fixture      *fixture,
                                                    gconstpointer data)
{
  g_autofree char  *id = open_workflow (fixture, failing_workflow);
  ZzHistoryView    *history = zz_run_panel_get_history_view (get_panel (fixture));
  ZzExecutionModel *model;
  g_auto(GStrv) selected = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));

  model = zz_run_panel_get_model (get_panel (fixture));
  g_assert_cmpstr (zz_run_status_to_string (zz_execution_model_get_execution (model)->status), ==, "failed");
  g_assert_cmpstr (zz_run_status_to_string (zz_canvas_get_node_status (get_canvas (fixture), "fetch")), ==, "failed");
  g_assert_cmpstr (zz_run_status_to_string (zz_canvas_get_node_status (get_canvas (fixture), "start")), ==, "completed");
  /* The failed node is where the user looks: its row, its error, the canvas. */
  g_assert_cmpstr (zz_run_panel_get_selected_node_id (get_panel (fixture)), ==, "fetch");
  g_assert_nonnull (zz_run_panel_get_error_text (get_panel (fixture)));
  g_assert_cmpstr (zz_run_panel_get_error_text (get_panel (fixture)), ==,
                   zz_node_run_item_get_error (zz_execution_model_find (model, "fetch", NULL)));
  selected = zz_canvas_get_selected_node_ids (get_canvas (fixture));
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (selected[0], ==, "fetch");

  /* Run Again runs it once more, marked as a rerun. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_panel (fixture)), "run-panel.run-again", NULL));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (zz_history_view_get_model (history)), ==, 2);
  g_assert_cmpstr (zz_history_view_get_execution (history, 0)->trigger, ==, "rerun");
}

static gboolean
fetch_is_retrying (gpointer data)
{
  Fixture *fixture = data;

  return zz_canvas_get_node_status_detail (get_canvas (fixture), "fetch") != NULL;
}

/* A failing call that will be tried again says so on its card and in the
 * panel, instead of spinning with no word for seconds. */
static void
test_retry_shows_the_attempt_and_the_wait (Fixture      *fixture,
                                           gconstpointer data)
{
  g_autofree char  *id = open_workflow (fixture, retrying_workflow);
  ZzExecutionModel *model;
  g_autofree char  *text = NULL;
  const char       *error;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_test_wait_until (fetch_is_retrying, fixture, WAIT_TIMEOUT_MS));

  g_assert_cmpstr (zz_run_status_to_string (zz_canvas_get_node_status (get_canvas (fixture), "fetch")), ==, "running");
  g_assert_cmpstr (zz_canvas_get_node_status_detail (get_canvas (fixture), "fetch"), ==, "Attempt 2 of 4 · next in 2 s");
  model = zz_run_panel_get_model (get_panel (fixture));
  text = zz_node_run_item_dup_retry_text (zz_execution_model_find (model, "fetch", NULL));
  g_assert_cmpstr (text, ==, "Attempt 2 of 4 · next in 2 s");
  error = zz_node_run_item_get_error (zz_execution_model_find (model, "fetch", NULL));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "Attempt 1 of 4 failed"));
  g_assert_nonnull (strstr (error, "next in 2 s"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stop", NULL));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));
}

static void
test_notification_count_follows_runs_and_mark_read (Fixture      *fixture,
                                                    gconstpointer data)
{
  g_autofree char        *id = open_workflow (fixture, quick_workflow);
  ZzNotificationsPopover *popover = ZZ_NOTIFICATIONS_POPOVER (_zz_window_get_notifications (fixture->window));

  g_assert_cmpuint (zz_notifications_popover_get_unread_count (popover), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));

  g_assert_cmpuint (zz_notifications_popover_get_unread_count (popover), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (zz_notifications_popover_get_model (popover)), ==, 1);

  zz_notifications_popover_mark_all_read (popover);
  g_assert_cmpuint (zz_notifications_popover_get_unread_count (popover), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (zz_notifications_popover_get_model (popover)), ==, 1);

  zz_notifications_popover_clear (popover);
  g_assert_cmpuint (g_list_model_get_n_items (zz_notifications_popover_get_model (popover)), ==, 0);
}

static GtkStack *
find_stack_with_page (GtkWidget  *widget,
                      const char *page)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), page) != NULL)
    return GTK_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_stack_with_page (child, page);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A run recorded by an earlier session, finished, with no node rows. */
static char *
insert_finished_run (Fixture    *fixture,
                     const char *workflow_id)
{
  g_autoptr(ZzExecution) run = zz_execution_new ();
  g_autoptr(GError) error = NULL;

  run->workflow_id = g_strdup (workflow_id);
  run->user_id = g_strdup (zz_store_get_current_user_id (fixture->store));
  run->status = ZZ_RUN_STATUS_COMPLETED;
  run->started_at = g_strdup ("2026-11-24T14:03:07.123Z");
  run->finished_at = g_strdup ("2026-11-24T14:03:07.124Z");
  zz_store_insert_execution (fixture->store, run, &error);
  g_assert_no_error (error);
  return g_strdup (run->id);
}

static void
test_reopening_shows_the_last_run_and_a_run_without_nodes_says_so (Fixture      *fixture,
                                                                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new_from_data ("{\"name\": \"Empty\", \"nodes\": [], \"edges\": []}", -1, &error);
  g_autofree char  *older = NULL;
  g_autofree char  *last = NULL;
  ZzExecutionModel *model;
  GtkStack         *run_stack;

  g_assert_no_error (error);
  zz_workflow_set_user_id (workflow, zz_store_get_current_user_id (fixture->store));
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);
  older = insert_finished_run (fixture, zz_workflow_get_id (workflow));
  last = insert_finished_run (fixture, zz_workflow_get_id (workflow));

  /* As after a restart: a new window over the same database. */
  fixture->window = g_object_ref_sink (zz_window_new (NULL, fixture->store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  _zz_window_select_workflow (fixture->window, zz_workflow_get_id (workflow));

  model = zz_run_panel_get_model (get_panel (fixture));
  g_assert_nonnull (model);
  g_assert_cmpstr (zz_execution_model_get_execution (model)->id, ==, last);

  /* "Completed in 1 ms" is not said beside "Not Run Yet". */
  run_stack = find_stack_with_page (GTK_WIDGET (get_panel (fixture)), "no-nodes");
  g_assert_nonnull (run_stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (run_stack), ==, "no-nodes");
}

static void
test_a_run_of_unsaved_changes_says_so (Fixture      *fixture,
                                       gconstpointer data)
{
  g_autofree char *id = open_workflow (fixture, quick_workflow);
  ZzWorkflow      *workflow = zz_workflow_page_get_workflow (fixture->window->page);
  g_autoptr(GError) error = NULL;

  /* An edit on the canvas, not saved: the run takes it as it is. */
  zz_workflow_set_node_label_command (workflow, "calc", "Multiply", &error);
  g_assert_no_error (error);
  g_assert_true (zz_workflow_page_get_modified (fixture->window->page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));
  g_assert_true (g_str_has_suffix (zz_run_panel_get_status_text (get_panel (fixture)), ", with unsaved changes"));

  /* Saved, the next run is of the saved workflow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run", NULL));
  g_assert_true (zz_test_wait_until (run_is_over, fixture, WAIT_TIMEOUT_MS));
  g_assert_true (g_str_has_prefix (zz_run_panel_get_status_text (get_panel (fixture)), "Completed"));
  g_assert_null (strstr (zz_run_panel_get_status_text (get_panel (fixture)), "unsaved"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/run-panel/run/updates-node-states-and-panel-in-order", test_run_updates_node_states_and_panel_in_order);
  ADD ("/run-panel/stop/cancels-a-long-delay", test_stop_cancels_a_long_delay);
  ADD ("/run-panel/history/lists-the-run-and-reopens-it", test_history_lists_the_run_and_reopens_it);
  ADD ("/run-panel/failure/selects-the-node-and-run-again-reruns", test_failure_selects_the_node_and_run_again_reruns);
  ADD ("/run-panel/reopen/shows-the-last-run-and-a-run-without-nodes-says-so", test_reopening_shows_the_last_run_and_a_run_without_nodes_says_so);
  ADD ("/run-panel/run/of-unsaved-changes-says-so", test_a_run_of_unsaved_changes_says_so);
  ADD ("/run-panel/retry/shows-the-attempt-and-the-wait", test_retry_shows_the_attempt_and_the_wait);
  ADD ("/run-panel/notifications/count-follows-runs-and-mark-read", test_notification_count_follows_runs_and_mark_read);

  return g_test_run ();
}
