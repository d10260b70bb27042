/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas-actions.c: the canvas's actions and their accelerators */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-canvas-private.h"
#include "zz-json.h"
#include "zz-workflow-history.h"

/* Canvas units a pasted or duplicated node lands away from its original,
 * and an arrow key moves a node (ten times that with Shift). */
#define PASTE_OFFSET 32.0
#define NUDGE_STEP   8.0
#define ZOOM_STEP    1.25

void
_zz_canvas_update_actions (ZzCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean   has_workflow = self->workflow != NULL;

  /* Edits stay enabled with nothing selected, doing nothing: a disabled
   * action would let Delete reach the window, which deletes the workflow. */
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.delete", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.copy", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.cut", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.paste", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.nudge", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.undo", has_workflow && zz_workflow_can_undo (self->workflow));
  gtk_widget_action_set_enabled (widget, "canvas.redo", has_workflow && zz_workflow_can_redo (self->workflow));
  _zz_canvas_update_menu_actions (self);
}

static void
select_all_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  zz_canvas_select_all (ZZ_CANVAS (widget));
}

/* Removes the selected edges, then the selected nodes with theirs. */
static void
delete_selection (ZzCanvas   *self,
                  const char *step_name)
{
  g_auto(GStrv) nodes = zz_canvas_get_selected_node_ids (self);
  g_auto(GStrv) edges = _zz_canvas_dup_selected_edges (self);
  g_autoptr(GError) error = NULL;

  if (nodes[0] == NULL && edges[0] == NULL)
    return;

  zz_workflow_begin_group (self->workflow, step_name);
  if (edges[0] != NULL)
    zz_workflow_remove_edges_command (self->workflow, (const char *const *) edges, &error);
  if (error == NULL && nodes[0] != NULL)
    zz_workflow_remove_nodes_command (self->workflow, (const char *const *) nodes, &error);
  zz_workflow_end_group (self->workflow);

  if (error != NULL)
    _zz_canvas_show_error (self, error);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  delete_selection (ZZ_CANVAS (widget), _("Delete"));
}

static void
duplicate_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ZzCanvas *self = ZZ_CANVAS (widget);
  g_auto(GStrv) ids = zz_canvas_get_selected_node_ids (self);
  g_auto(GStrv) copies = NULL;
  g_autoptr(GError) error = NULL;

  if (ids[0] == NULL)
    return;

  copies = zz_workflow_duplicate_nodes_command (self->workflow, (const char *const *) ids,
                                                PASTE_OFFSET, PASTE_OFFSET, &error);
  if (copies == NULL)
    {
      _zz_canvas_show_error (self, error);
      return;
    }

  zz_canvas_select_nodes (self, (const char *const *) copies);
}

static gboolean
copy_selection (ZzCanvas *self)
{
  g_auto(GStrv) ids = zz_canvas_get_selected_node_ids (self);
  g_autofree char *text = NULL;

  if (ids[0] == NULL)
    return FALSE;

  text = zz_workflow_copy_nodes (self->workflow, (const char *const *) ids);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  return TRUE;
}

static void
copy_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  copy_selection (ZZ_CANVAS (widget));
}

static void
cut_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ZzCanvas *self = ZZ_CANVAS (widget);

  if (copy_selection (self))
    delete_selection (self, _("Cut"));
}

/* The top-left corner of the nodes in clipboard text, to paste them where
 * the user looks; FALSE when the text holds no positioned node (the paste
 * command then tells what is wrong with it). */
static gboolean
clipboard_nodes_origin (const char *text,
                        double     *x,
                        double     *y)
{
  g_autoptr(JsonNode) root = zz_json_parse (text, -1, NULL);
  JsonArray *nodes = NULL;
  gboolean   any = FALSE;

  /* The clipboard is outside input: read it as strictly as a file. */
  if (root == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (root))
    nodes = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (root), "nodes");

      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        nodes = json_node_get_array (member);
    }

  *x = *y = G_MAXDOUBLE;
  for (guint i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    {
      JsonNode   *element = json_array_get_element (nodes, i);
      JsonNode   *position;
      JsonObject *point;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          (position = json_object_get_member (json_node_get_object (element), "position")) == NULL ||
          !JSON_NODE_HOLDS_OBJECT (position))
        continue;

      point = json_node_get_object (position);
      *x = MIN (*x, json_object_get_double_member_with_default (point, "x", 0));
      *y = MIN (*y, json_object_get_double_member_with_default (point, "y", 0));
      any = TRUE;
    }

  return any;
}

static void
paste_text (ZzCanvas   *self,
            const char *text)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  double          origin_x, origin_y, at_x, at_y, dx = PASTE_OFFSET, dy = PASTE_OFFSET;
  graphene_rect_t view;
  double          x0, y0, x1, y1;

  if (self->workflow == NULL)
    return;

  /* Nodes copied from what is on screen land next to their originals;
   * others come to the pointer, or to the middle of the view. */
  zz_viewport_widget_to_canvas (self->viewport, 0, 0, &x0, &y0);
  zz_viewport_widget_to_canvas (self->viewport, gtk_widget_get_width (GTK_WIDGET (self)),
                                gtk_widget_get_height (GTK_WIDGET (self)), &x1, &y1);
  graphene_rect_init (&view, x0, y0, x1 - x0, y1 - y0);

  if (clipboard_nodes_origin (text, &origin_x, &origin_y) &&
      !graphene_rect_contains_point (&view, &GRAPHENE_POINT_INIT (origin_x, origin_y)))
    {
      if (self->pointer_x >= 0 && self->pointer_y >= 0)
        zz_viewport_widget_to_canvas (self->viewport, self->pointer_x, self->pointer_y, &at_x, &at_y);
      else
        {
          at_x = x0 + (x1 - x0) / 2 - ZZ_NODE_CARD_WIDTH / 2;
          at_y = y0 + (y1 - y0) / 2 - ZZ_NODE_CARD_HEIGHT / 2;
        }
      dx = at_x - origin_x;
      dy = at_y - origin_y;
    }

  ids = zz_workflow_paste_command (self->workflow, text, dx, dy, &error);
  if (ids == NULL)
    {
      _zz_canvas_show_error (self, error);
      return;
    }

  zz_canvas_select_nodes (self, (const char *const *) ids);
}

static void
on_clipboard_text_read_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(ZzCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                                    _("The clipboard holds no Zzyra nodes"));
      return;
    }

  paste_text (self, text);
}

static void
paste_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 on_clipboard_text_read_cb, g_object_ref (widget));
}

static void
zoom_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ZzCanvas   *self = ZZ_CANVAS (widget);
  ZzViewport *viewport = zz_canvas_get_viewport (self);
  double      x = gtk_widget_get_width (widget) / 2.0;
  double      y = gtk_widget_get_height (widget) / 2.0;

  if (g_str_equal (action_name, "canvas.zoom-in"))
    _zz_canvas_zoom_by (self, ZOOM_STEP, x, y);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    _zz_canvas_zoom_by (self, 1 / ZOOM_STEP, x, y);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    zz_viewport_zoom_at (viewport, 1.0, x, y);
  else
    zz_canvas_zoom_to_fit (self);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ZzCanvas *self = ZZ_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.undo"))
    zz_workflow_undo (self->workflow);
  else
    zz_workflow_redo (self->workflow);
}

static void
nudge_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  _zz_canvas_move_selection (ZZ_CANVAS (widget), dx, dy);
}

void
_zz_canvas_class_init_actions (GtkWidgetClass *widget_class)
{
  static const struct
  {
    guint  key;
    double dx, dy;
  } arrows[] = {
    { GDK_KEY_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 },
    { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_KP_Down, 0, 1 },
  };

  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_cb);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_cb);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_cb);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_cb);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "canvas.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "canvas.redo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", nudge_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "canvas.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "canvas.redo", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "canvas.nudge", "(dd)",
                                           arrows[i].dx * NUDGE_STEP, arrows[i].dy * NUDGE_STEP);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, GDK_SHIFT_MASK, "canvas.nudge", "(dd)",
                                           arrows[i].dx * NUDGE_STEP * 10, arrows[i].dy * NUDGE_STEP * 10);
    }
}
