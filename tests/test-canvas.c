/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "zz-canvas-minimap.h"
#include "zz-canvas-private.h"
#include "zz-json.h"
#include "zz-workflow-history.h"
#include "zz-test-display.h"

#define WAIT_TIMEOUT_MS 5000

typedef struct
{
  GtkWindow  *window;
  ZzCanvas   *canvas;
  ZzWorkflow *workflow;
  guint       selection_changes;
  GPtrArray  *toasts;
} Fixture;

static ZzNode *
add_node (ZzWorkflow *workflow,
          const char *id,
          const char *block_type,
          const char *label,
          double      x,
          double      y)
{
  g_autoptr(ZzNode) node = zz_node_new (id, block_type);
  g_autoptr(GError) error = NULL;

  zz_node_set_label (node, label);
  zz_node_set_position (node, x, y);
  g_assert_true (zz_workflow_add_node (workflow, node, &error));
  g_assert_no_error (error);
  return node;
}

static void
on_selection_changed_cb (ZzCanvas *canvas,
                         Fixture  *fixture)
{
  fixture->selection_changes++;
}

/* The canvas tells the user through the window's win.show-toast. */
static void
on_show_toast_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  Fixture       *fixture)
{
  g_ptr_array_add (fixture->toasts, g_variant_dup_string (parameter, NULL));
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(ZzEdge) edge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show_toast = g_simple_action_new ("show-toast", G_VARIANT_TYPE_STRING);

  fixture->workflow = zz_workflow_new ("Canvas test");
  add_node (fixture->workflow, "trigger", "MANUAL_TRIGGER", "Start", 0, 0);
  add_node (fixture->workflow, "fetch", "HTTP_REQUEST", "Fetch price", 300, 0);
  add_node (fixture->workflow, "check", "CONDITION", "Too high?", 600, 0);
  edge = zz_edge_new ("e1", "trigger", NULL, "fetch", NULL);
  g_assert_true (zz_workflow_add_edge (fixture->workflow, edge, &error));
  g_assert_no_error (error);

  fixture->toasts = g_ptr_array_new_with_free_func (g_free);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
  fixture->canvas = ZZ_CANVAS (zz_canvas_new ());
  g_signal_connect (fixture->canvas, "selection-changed", G_CALLBACK (on_selection_changed_cb), fixture);
  g_signal_connect (show_toast, "activate", G_CALLBACK (on_show_toast_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (show_toast));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (win));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->canvas));
  zz_canvas_set_workflow (fixture->canvas, fixture->workflow);
  gtk_window_present (fixture->window);
  /* Lets the frame clock lay the canvas out and draw it. */
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->workflow);
  g_ptr_array_unref (fixture->toasts);
}

static void
test_card_per_node (Fixture      *fixture,
                    gconstpointer data)
{
  GtkWidget *card = _zz_canvas_get_card (fixture->canvas, "fetch");

  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), ==, 3);
  g_assert_true (ZZ_IS_NODE_CARD (card));
  g_assert_true (zz_node_card_get_node (ZZ_NODE_CARD (card)) ==
                 zz_workflow_find_node (fixture->workflow, "fetch"));
  g_assert_true (gtk_widget_get_focusable (card));

  /* A node added to the document gets a card; a removed one loses it. */
  add_node (fixture->workflow, "more", "DELAY", "Wait", 300, 150);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), ==, 4);
  g_assert_true (zz_workflow_remove_node (fixture->workflow, "fetch", NULL));
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), ==, 3);
  g_assert_true (_zz_canvas_get_card (fixture->canvas, "fetch") == NULL ||
                 !gtk_widget_get_child_visible (_zz_canvas_get_card (fixture->canvas, "fetch")));
}

static void
test_only_what_is_in_view (Fixture      *fixture,
                           gconstpointer data)
{
  ZzViewport *viewport = zz_canvas_get_viewport (fixture->canvas);

  /* Far away: not a visible child. */
  zz_viewport_set_zoom (viewport, 1.0);
  zz_viewport_set_offset (viewport, 5000, 5000);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), ==, 0);

  /* In view again, but too small to read: drawn as shapes, no cards. */
  zz_viewport_set_offset (viewport, -100, -100);
  zz_viewport_set_zoom (viewport, ZZ_CANVAS_DETAIL_ZOOM / 2);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), ==, 0);

  zz_viewport_set_zoom (viewport, 1.0);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), ==, 3);
}

static void
test_many_nodes_show_few_cards (Fixture      *fixture,
                                gconstpointer data)
{
  g_autoptr(ZzWorkflow) big = zz_workflow_new ("Big");
  ZzViewport *viewport = zz_canvas_get_viewport (fixture->canvas);
  gint64      start;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);

      add_node (big, id, "CALCULATOR", id, (i % 50) * 300.0, (i / 50) * 120.0);
    }

  start = g_get_monotonic_time ();
  zz_canvas_set_workflow (fixture->canvas, big);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  /* The whole workflow is far below a readable zoom: no card at all. */
  g_assert_cmpfloat (zz_viewport_get_zoom (viewport), <, ZZ_CANVAS_DETAIL_ZOOM);
  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.zoom-reset", NULL);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  /* A 1000 x 600 view at 100 % holds a few dozen cards, not 2000. */
  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), >, 0);
  g_assert_cmpuint (zz_canvas_get_n_shown_cards (fixture->canvas), <, 60);
  g_test_message ("2000 nodes shown in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
}

static void
test_select_through_api (Fixture      *fixture,
                         gconstpointer data)
{
  const char *ids[] = { "check", "trigger", "nothing", NULL };
  g_auto(GStrv) selected = NULL;
  g_auto(GStrv) all = NULL;

  zz_canvas_select_nodes (fixture->canvas, ids);
  selected = zz_canvas_get_selected_node_ids (fixture->canvas);
  /* Document order; unknown ids ignored. */
  g_assert_cmpuint (g_strv_length (selected), ==, 2);
  g_assert_cmpstr (selected[0], ==, "trigger");
  g_assert_cmpstr (selected[1], ==, "check");
  g_assert_cmpuint (fixture->selection_changes, ==, 1);
  g_assert_true (zz_node_card_get_selected (ZZ_NODE_CARD (_zz_canvas_get_card (fixture->canvas, "check"))));
  g_assert_false (zz_node_card_get_selected (ZZ_NODE_CARD (_zz_canvas_get_card (fixture->canvas, "fetch"))));

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-all", NULL);
  all = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpuint (g_strv_length (all), ==, 3);
  g_assert_cmpuint (fixture->selection_changes, ==, 2);

  /* A removed node leaves the selection. */
  g_assert_true (zz_workflow_remove_node (fixture->workflow, "check", NULL));
  g_clear_pointer (&all, g_strfreev);
  all = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_assert_cmpuint (fixture->selection_changes, ==, 3);
}

static void
test_zoom_action_keeps_centre (Fixture      *fixture,
                               gconstpointer data)
{
  ZzViewport *viewport = zz_canvas_get_viewport (fixture->canvas);
  double      cx = gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) / 2.0;
  double      cy = gtk_widget_get_height (GTK_WIDGET (fixture->canvas)) / 2.0;
  double      before_x, before_y, after_x, after_y, zoom;

  g_assert_cmpfloat (cx, >, 0);
  zz_viewport_widget_to_canvas (viewport, cx, cy, &before_x, &before_y);
  zoom = zz_viewport_get_zoom (viewport);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.zoom-in", NULL);
  g_assert_cmpfloat (zz_viewport_get_zoom (viewport), >, zoom);
  zz_viewport_widget_to_canvas (viewport, cx, cy, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-6);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.zoom-out", NULL);
  g_assert_cmpfloat (zz_viewport_get_zoom (viewport), <, zoom);
  zz_viewport_widget_to_canvas (viewport, cx, cy, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-6);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_zoom (viewport), 1.0, 1e-9);
}

static void
test_add_and_connect (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) selected = NULL;
  ZzNode *node;

  id = zz_canvas_add_node (fixture->canvas, "NOTIFICATION", 900, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 4);
  node = zz_workflow_find_node (fixture->workflow, id);
  g_assert_cmpstr (zz_node_get_block_type (node), ==, "NOTIFICATION");
  g_assert_cmpfloat (zz_node_get_x (node), ==, 900);
  /* The new node is selected. */
  selected = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpstrv (selected, ((const char *[]){ id, NULL }));

  g_assert_true (zz_canvas_connect (fixture->canvas, "check", "true", id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (fixture->workflow)), ==, 2);
  g_assert_cmpuint (fixture->toasts->len, ==, 0);

  /* Undo through the canvas: the connection, then the node. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (fixture->workflow)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.undo", NULL);
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.redo", NULL);
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 4);
}

static void
test_refused_connection_tells_why (Fixture      *fixture,
                                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (zz_canvas_connect (fixture->canvas, "fetch", NULL, "fetch", &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->toasts, 0), ==, error->message);
  g_assert_cmpstr (error->message, ==, "A node cannot be connected to itself");
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (fixture->workflow)), ==, 1);

  /* A loop back to the start is refused too. */
  g_clear_error (&error);
  g_assert_false (zz_canvas_connect (fixture->canvas, "fetch", NULL, "trigger", &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID);
  g_assert_cmpuint (fixture->toasts->len, ==, 2);
}

static void
test_delete_nudge_duplicate (Fixture      *fixture,
                             gconstpointer data)
{
  const char *ids[] = { "fetch", NULL };
  g_auto(GStrv) copies = NULL;
  ZzNode *check = zz_workflow_find_node (fixture->workflow, "check");

  /* Arrow keys move the selection, one step each. */
  zz_canvas_select_nodes (fixture->canvas, (const char *[]){ "check", NULL });
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.nudge", "(dd)", 8.0, 0.0);
  g_assert_cmpfloat (zz_node_get_x (check), ==, 608);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.undo", NULL);
  g_assert_cmpfloat (zz_node_get_x (check), ==, 600);

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.duplicate", NULL);
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 4);
  copies = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpuint (g_strv_length (copies), ==, 1);
  g_assert_cmpstr (copies[0], !=, "check");

  /* Deleting a node takes its edges; undo brings both back. */
  zz_canvas_select_nodes (fixture->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
  g_assert_null (zz_workflow_find_node (fixture->workflow, "fetch"));
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (fixture->workflow)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.undo", NULL);
  g_assert_nonnull (zz_workflow_find_node (fixture->workflow, "fetch"));
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (fixture->workflow)), ==, 1);

  /* Delete with nothing selected does nothing (and is still handled). */
  zz_canvas_unselect_all (fixture->canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL));
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 4);
}

static void
test_hit_testing (Fixture      *fixture,
                  gconstpointer data)
{
  const char   *handle = "unset";
  ZzCanvasItem *item;

  item = _zz_canvas_item_at (fixture->canvas, 310, 20);
  g_assert_nonnull (item);
  g_assert_cmpstr (zz_node_get_id (item->node), ==, "fetch");
  g_assert_null (_zz_canvas_item_at (fixture->canvas, 260, 20));

  /* The condition's two outputs, top and bottom on its right edge. */
  item = _zz_canvas_output_at (fixture->canvas, 600 + ZZ_NODE_CARD_WIDTH,
                               zz_node_card_output_y (1, 2), &handle);
  g_assert_nonnull (item);
  g_assert_cmpstr (handle, ==, "false");
  item = _zz_canvas_output_at (fixture->canvas, ZZ_NODE_CARD_WIDTH, ZZ_NODE_CARD_HEIGHT / 2, &handle);
  g_assert_nonnull (item);
  g_assert_null (handle);

  /* The edge trigger -> fetch runs between them. */
  g_assert_cmpstr (_zz_canvas_edge_at (fixture->canvas, (ZZ_NODE_CARD_WIDTH + 300) / 2,
                                       ZZ_NODE_CARD_HEIGHT / 2),
                   ==, "e1");
  g_assert_null (_zz_canvas_edge_at (fixture->canvas, 260, 200));
}

static void
on_text_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
text_was_read (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
two_nodes_were_pasted (gpointer data)
{
  /* The fixture's workflow has three. */
  return g_list_model_get_n_items (data) >= 5;
}

static void
test_copy_and_paste_through_the_clipboard (Fixture      *fixture,
                                           gconstpointer data)
{
  GdkClipboard    *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  const char      *ids[] = { "trigger", "fetch", NULL };
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) copied = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *nodes = zz_workflow_get_nodes (fixture->workflow);
  GListModel *edges = zz_workflow_get_edges (fixture->workflow);
  g_autoptr(ZzNode) pasted_a = NULL;
  g_autoptr(ZzNode) pasted_b = NULL;
  g_autoptr(ZzEdge) pasted_edge = NULL;

  /* Copy two connected nodes: the clipboard holds Zzyra JSON text. */
  zz_canvas_select_nodes (fixture->canvas, ids);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.copy", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read_cb, &text);
  g_assert_true (zz_test_wait_until (text_was_read, &text, WAIT_TIMEOUT_MS));

  copied = zz_json_parse_object (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (copied, "nodes")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (copied, "edges")), ==, 1);

  /* Paste reads it back: new ids, the edge between them kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.paste", NULL));
  g_assert_true (zz_test_wait_until (two_nodes_were_pasted, nodes, WAIT_TIMEOUT_MS));

  g_assert_cmpuint (g_list_model_get_n_items (nodes), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (edges), ==, 2);
  pasted_a = g_list_model_get_item (nodes, 3);
  pasted_b = g_list_model_get_item (nodes, 4);
  pasted_edge = g_list_model_get_item (edges, 1);
  g_assert_cmpstr (zz_node_get_id (pasted_a), !=, "trigger");
  g_assert_cmpstr (zz_node_get_id (pasted_b), !=, "fetch");
  g_assert_cmpstr (zz_node_get_label (pasted_b), ==, "Fetch price");
  g_assert_cmpstr (zz_edge_get_source (pasted_edge), ==, zz_node_get_id (pasted_a));
  g_assert_cmpstr (zz_edge_get_target (pasted_edge), ==, zz_node_get_id (pasted_b));

  /* And it is one step to undo. */
  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_cmpuint (g_list_model_get_n_items (nodes), ==, 3);
}

static gboolean
a_toast_was_shown (gpointer data)
{
  Fixture *fixture = data;

  return fixture->toasts->len > 0;
}

static void
test_text_that_is_not_a_workflow_is_refused (Fixture      *fixture,
                                             gconstpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));

  gdk_clipboard_set_text (clipboard, "just some words");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.paste", NULL));
  g_assert_true (zz_test_wait_until (a_toast_was_shown, fixture, WAIT_TIMEOUT_MS));

  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_nodes (fixture->workflow)), ==, 3);
}

static void
test_trigger_has_no_input (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to drop a connection on at the trigger's left side, nor on it. */
  g_assert_null (_zz_canvas_input_at (fixture->canvas, 0, ZZ_NODE_CARD_HEIGHT / 2));
  g_assert_null (_zz_canvas_input_at (fixture->canvas, 20, 20));
  g_assert_nonnull (_zz_canvas_input_at (fixture->canvas, 300, ZZ_NODE_CARD_HEIGHT / 2));
  g_assert_false (zz_node_card_has_input_for_node (zz_workflow_find_node (fixture->workflow, "trigger")));

  g_assert_false (zz_canvas_connect (fixture->canvas, "check", "true", "trigger", &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A trigger starts the workflow: nothing connects into it");
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
}

/* The canvas drawn as a frame would draw it, and the colour at x, y. */
static void
canvas_pixel (Fixture *fixture,
              int      x,
              int      y,
              guchar   rgb[3])
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  int        width = gtk_widget_get_width (widget);
  int        height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot     *snapshot = gtk_snapshot_new ();
  GskRenderNode   *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t         *cr = cairo_create (surface);
  guchar          *p;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  p = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4;
  rgb[0] = p[2];
  rgb[1] = p[1];
  rgb[2] = p[0];
  g_clear_pointer (&node, gsk_render_node_unref);
  cairo_surface_destroy (surface);
}

static void
test_far_zoom_shows_run_states (Fixture      *fixture,
                                gconstpointer data)
{
  ZzViewport *viewport = zz_canvas_get_viewport (fixture->canvas);
  double      wx, wy;
  guchar      before[3], after[3];

  /* Below the zoom where cards are shown, the canvas draws the shapes. */
  zz_viewport_set_zoom (viewport, 0.3);
  zz_viewport_set_offset (viewport, -100, -100);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  g_assert_true (_zz_canvas_get_card (fixture->canvas, "fetch") == NULL ||
                 !gtk_widget_get_child_visible (_zz_canvas_get_card (fixture->canvas, "fetch")));

  /* Just inside the left side of the fetch node. */
  zz_viewport_canvas_to_widget (viewport, 300, ZZ_NODE_CARD_HEIGHT / 2, &wx, &wy);
  canvas_pixel (fixture, (int) wx + 1, (int) wy, before);
  zz_canvas_set_node_status (fixture->canvas, "fetch", ZZ_RUN_STATUS_COMPLETED, "1.2 s");
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  canvas_pixel (fixture, (int) wx + 1, (int) wy, after);

  /* Success is a green outline, there as on a card. */
  g_assert_false (before[1] > before[0] + 40 && before[1] > before[2] + 20);
  g_assert_cmpint (after[1], >, after[0] + 40);
  g_assert_cmpint (after[1], >, after[2] + 20);
}

static const char *
first_action_of (GMenuModel *menu)
{
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  static char *action;

  g_clear_pointer (&action, g_free);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action);
  return action;
}

static void
node_centre (Fixture    *fixture,
             const char *id,
             double     *wx,
             double     *wy)
{
  ZzNode *node = zz_workflow_find_node (fixture->workflow, id);

  zz_viewport_canvas_to_widget (zz_canvas_get_viewport (fixture->canvas),
                                zz_node_get_x (node) + ZZ_NODE_CARD_WIDTH / 2,
                                zz_node_get_y (node) + ZZ_NODE_CARD_HEIGHT / 2, wx, wy);
}

static void
test_node_menu (Fixture      *fixture,
                gconstpointer data)
{
  ZzNode    *node = zz_workflow_find_node (fixture->workflow, "fetch");
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  g_auto(GStrv) selected = NULL;
  GMenuModel *menu;
  double      wx, wy;

  node_centre (fixture, "fetch", &wx, &wy);
  menu = _zz_canvas_popup_menu (fixture->canvas, wx, wy);
  g_assert_true (menu == fixture->canvas->node_menu);
  g_assert_cmpstr (first_action_of (menu), ==, "canvas.rename");
  g_assert_true (gtk_widget_get_visible (fixture->canvas->context_menu));
  /* The node right-clicked is what the menu is about. */
  selected = zz_canvas_get_selected_node_ids (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (selected[0], ==, "fetch");

  /* Disable, then the menu offers Enable instead. */
  g_assert_true (gtk_widget_activate_action (widget, "canvas.disable", NULL));
  g_assert_false (zz_node_get_enabled (node));
  g_assert_true (zz_workflow_can_undo (fixture->workflow));
  _zz_canvas_popup_menu (fixture->canvas, wx, wy);
  g_assert_false (gtk_widget_activate_action (widget, "canvas.disable", NULL) && zz_node_get_enabled (node));
  g_assert_true (gtk_widget_activate_action (widget, "canvas.enable", NULL));
  g_assert_true (zz_node_get_enabled (node));
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));

  /* Rename, in place, one undoable step. */
  g_assert_true (gtk_widget_activate_action (widget, "canvas.rename", NULL));
  g_assert_true (gtk_widget_get_visible (fixture->canvas->rename_popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->canvas->rename_entry)), ==, "Fetch price");
  gtk_editable_set_text (GTK_EDITABLE (fixture->canvas->rename_entry), "Get the price");
  g_signal_emit_by_name (fixture->canvas->rename_entry, "activate");
  g_assert_cmpstr (zz_node_get_label (node), ==, "Get the price");
  g_assert_false (gtk_widget_get_visible (fixture->canvas->rename_popover));
  g_assert_true (zz_workflow_undo (fixture->workflow));
  g_assert_cmpstr (zz_node_get_label (node), ==, "Fetch price");

  /* The keyboard's Menu key opens it at the selected node. */
  g_assert_true (gtk_widget_activate_action (widget, "canvas.context-menu", NULL));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (fixture->canvas->context_menu)) ==
                 fixture->canvas->node_menu);
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
}

static void
test_edge_menu (Fixture      *fixture,
                gconstpointer data)
{
  ZzViewport *viewport = zz_canvas_get_viewport (fixture->canvas);
  GMenuModel *menu;
  double      wx, wy;

  zz_viewport_canvas_to_widget (viewport, (ZZ_NODE_CARD_WIDTH + 300) / 2, ZZ_NODE_CARD_HEIGHT / 2, &wx, &wy);
  menu = _zz_canvas_popup_menu (fixture->canvas, wx, wy);
  g_assert_true (menu == fixture->canvas->edge_menu);
  g_assert_cmpstr (first_action_of (menu), ==, "canvas.delete");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (fixture->workflow)), ==, 0);
  g_assert_cmpuint (zz_workflow_get_n_nodes (fixture->workflow), ==, 3);
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
}

static void
on_add_block_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 guint         *count)
{
  (*count)++;
}

static guint *
add_page_actions (Fixture *fixture)
{
  g_autoptr(GSimpleActionGroup) page = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) add_block = g_simple_action_new ("add-block", NULL);
  guint *count = g_new0 (guint, 1);

  g_signal_connect_data (add_block, "activate", G_CALLBACK (on_add_block_cb), count,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_action_map_add_action (G_ACTION_MAP (page), G_ACTION (add_block));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "page", G_ACTION_GROUP (page));
  return count;
}

static void
test_canvas_menu (Fixture      *fixture,
                  gconstpointer data)
{
  guint      *opened = add_page_actions (fixture);
  GMenuModel *menu;
  double      cx, cy, wx, wy;

  zz_viewport_canvas_to_widget (zz_canvas_get_viewport (fixture->canvas), 400, 300, &wx, &wy);
  menu = _zz_canvas_popup_menu (fixture->canvas, wx, wy);
  g_assert_true (menu == fixture->canvas->canvas_menu);
  g_assert_cmpstr (first_action_of (menu), ==, "canvas.add-block-here");
  g_assert_false (zz_canvas_take_insertion_point (fixture->canvas, &cx, &cy));

  /* Add Block Here opens the palette, which takes the point as it opens;
   * this page's palette does not, and the point is not kept for later. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.add-block-here", NULL));
  g_assert_cmpuint (*opened, ==, 2);
  g_assert_false (zz_canvas_take_insertion_point (fixture->canvas, &cx, &cy));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-all", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.tidy-up", NULL));
  g_assert_true (zz_workflow_can_undo (fixture->workflow));
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
}

static void
test_empty_canvas_offers_first_step (Fixture      *fixture,
                                     gconstpointer data)
{
  guint *opened = add_page_actions (fixture);
  g_autoptr(ZzWorkflow) empty = zz_workflow_new ("Empty");
  GtkWidget *button;

  g_assert_false (gtk_widget_get_child_visible (fixture->canvas->empty_state));
  zz_canvas_set_workflow (fixture->canvas, empty);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  g_assert_true (gtk_widget_get_child_visible (fixture->canvas->empty_state));
  g_assert_cmpint (gtk_widget_get_width (fixture->canvas->empty_state), >, 0);

  button = gtk_widget_get_last_child (fixture->canvas->empty_state);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Add First Step");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (*opened, ==, 1);

  /* Gone with the first node. */
  add_node (empty, "start", "MANUAL_TRIGGER", "Start", 0, 0);
  g_assert_true (zz_test_wait_for_frame (GTK_WIDGET (fixture->canvas), WAIT_TIMEOUT_MS));
  g_assert_false (gtk_widget_get_child_visible (fixture->canvas->empty_state));
}

static void
test_minimap_drag_pans_the_view (Fixture      *fixture,
                                 gconstpointer data)
{
  GtkWidget  *widget = GTK_WIDGET (fixture->canvas);
  GtkWidget  *minimap = fixture->canvas->minimap;
  ZzViewport *viewport = zz_canvas_get_viewport (fixture->canvas);
  g_autoptr(GVariant) state = NULL;
  GtkGesture *drag = NULL;
  double      cx, cy, mx, my, zoom;

  g_assert_false (gtk_widget_get_child_visible (minimap));
  g_assert_true (gtk_widget_activate_action (widget, "canvas.show-minimap", NULL));
  g_assert_true (zz_canvas_get_show_minimap (fixture->canvas));
  g_assert_true (zz_test_wait_for_frame (widget, WAIT_TIMEOUT_MS));
  g_assert_true (gtk_widget_get_child_visible (minimap));
  g_assert_cmpint (gtk_widget_get_width (minimap), >, 0);

  /* In a corner, and a press there is the minimap's. */
  g_assert_true (gtk_widget_translate_coordinates (minimap, widget, 1, 1, &mx, &my));
  g_assert_cmpfloat (mx, >, gtk_widget_get_width (widget) / 2.0);
  g_assert_cmpfloat (my, >, gtk_widget_get_height (widget) / 2.0);
  g_assert_true (_zz_canvas_overlay_at (fixture->canvas, mx + 10, my + 10));

  /* Pressing on the condition node's place in the minimap centres the
   * view on it. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (minimap);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_DRAG (controller))
          drag = GTK_GESTURE (controller);
      }
  }
  g_assert_nonnull (drag);
  g_assert_true (zz_canvas_minimap_to_canvas (ZZ_CANVAS_MINIMAP (minimap), 1, 1, &cx, &cy));
  /* The minimap point of the condition's centre. */
  {
    double x0, y0, x1, y1;

    zz_canvas_minimap_to_canvas (ZZ_CANVAS_MINIMAP (minimap), 0, 0, &x0, &y0);
    zz_canvas_minimap_to_canvas (ZZ_CANVAS_MINIMAP (minimap), 100, 100, &x1, &y1);
    mx = (600 + ZZ_NODE_CARD_WIDTH / 2 - x0) / ((x1 - x0) / 100);
    my = (ZZ_NODE_CARD_HEIGHT / 2 - y0) / ((y1 - y0) / 100);
  }
  g_signal_emit_by_name (drag, "drag-begin", mx, my);
  zoom = zz_viewport_get_zoom (viewport);
  zz_viewport_widget_to_canvas (viewport, gtk_widget_get_width (widget) / 2.0,
                                gtk_widget_get_height (widget) / 2.0, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (cx, 600 + ZZ_NODE_CARD_WIDTH / 2, 2 / zoom);
  g_assert_cmpfloat_with_epsilon (cy, ZZ_NODE_CARD_HEIGHT / 2, 2 / zoom);

  /* Dragging on moves it along. */
  g_signal_emit_by_name (drag, "drag-update", -20.0, 0.0);
  zz_viewport_widget_to_canvas (viewport, gtk_widget_get_width (widget) / 2.0,
                                gtk_widget_get_height (widget) / 2.0, &mx, &my);
  g_assert_cmpfloat (mx, <, cx - 20);

  /* A frame with it drawn, then hidden again through the action's state. */
  g_assert_true (zz_test_wait_for_frame (widget, WAIT_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (widget, "canvas.show-minimap", NULL));
  g_assert_false (zz_canvas_get_show_minimap (fixture->canvas));
  g_assert_true (zz_test_wait_for_frame (widget, WAIT_TIMEOUT_MS));
  g_assert_false (gtk_widget_get_child_visible (minimap));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/canvas/cards/one-per-node", test_card_per_node);
  ADD ("/canvas/cards/only-for-what-is-in-view-and-readable", test_only_what_is_in_view);
  ADD ("/canvas/cards/2000-nodes-show-few-cards", test_many_nodes_show_few_cards);
  ADD ("/canvas/selection/through-the-api", test_select_through_api);
  ADD ("/canvas/zoom/action-keeps-the-centre-fixed", test_zoom_action_keeps_centre);
  ADD ("/canvas/edit/add-and-connect-then-undo", test_add_and_connect);
  ADD ("/canvas/edit/refused-connection-tells-why", test_refused_connection_tells_why);
  ADD ("/canvas/edit/nudge-duplicate-delete", test_delete_nudge_duplicate);
  ADD ("/canvas/hit-testing/nodes-ports-and-edges", test_hit_testing);
  ADD ("/canvas/ports/a-trigger-has-no-input", test_trigger_has_no_input);
  ADD ("/canvas/far-zoom/shapes-show-run-states", test_far_zoom_shows_run_states);
  ADD ("/canvas/menus/node-menu-disables-enables-and-renames", test_node_menu);
  ADD ("/canvas/menus/edge-menu-deletes-the-connection", test_edge_menu);
  ADD ("/canvas/menus/canvas-menu-adds-a-block-where-it-was-asked", test_canvas_menu);
  ADD ("/canvas/empty/offers-add-first-step", test_empty_canvas_offers_first_step);
  ADD ("/canvas/minimap/toggled-by-its-action-and-dragging-pans-the-view", test_minimap_drag_pans_the_view);
  ADD ("/canvas/clipboard/copy-and-paste-keep-edges-with-new-ids", test_copy_and_paste_through_the_clipboard);
  ADD ("/canvas/clipboard/text-that-is-not-a-workflow-is-refused", test_text_that_is_not_a_workflow_is_refused);
#undef ADD

  return g_test_run ();
}
