/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas-menus.c: the canvas's context menus (right click, long press,
 * Menu or Shift+F10), renaming a node in place, and the empty canvas's
 * "Add First Step". The menus are GMenuModels (zz-canvas-menus.ui) of the
 * canvas's actions. */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zz-canvas-minimap.h"
#include "zz-canvas-private.h"
#include "zz-workflow-history.h"
#include "zz-workflow-layout.h"

/* Opening the palette is the workflow page's (page.add-block): the
 * canvas only says where the block goes. */
#define ADD_BLOCK_ACTION "page.add-block"

static void
selected_nodes_enabled (ZzCanvas *self,
                        gboolean *any_enabled,
                        gboolean *any_disabled)
{
  GHashTableIter iter;
  gpointer       key;

  *any_enabled = *any_disabled = FALSE;
  if (self->workflow == NULL)
    return;

  g_hash_table_iter_init (&iter, self->selected_nodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      ZzNode *node = zz_workflow_find_node (self->workflow, key);

      if (node == NULL)
        continue;
      if (zz_node_get_enabled (node))
        *any_enabled = TRUE;
      else
        *any_disabled = TRUE;
    }
}

void
_zz_canvas_update_menu_actions (ZzCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean   has_workflow = self->workflow != NULL;
  gboolean   any_enabled, any_disabled;

  selected_nodes_enabled (self, &any_enabled, &any_disabled);
  gtk_widget_action_set_enabled (widget, "canvas.disable", any_enabled);
  gtk_widget_action_set_enabled (widget, "canvas.enable", any_disabled);
  gtk_widget_action_set_enabled (widget, "canvas.rename",
                                 g_hash_table_size (self->selected_nodes) == 1);
  gtk_widget_action_set_enabled (widget, "canvas.tidy-up", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.add-block-here", has_workflow);
  gtk_widget_action_set_enabled (widget, "canvas.context-menu", has_workflow);
}

/* Popping up ----------------------------------------------------------------- */

static void
popup_at (ZzCanvas   *self,
          GMenuModel *model,
          double      widget_x,
          double      widget_y)
{
  _zz_canvas_update_menu_actions (self);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle){ (int) widget_x, (int) widget_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

GMenuModel *
_zz_canvas_popup_menu (ZzCanvas *self,
                       double    widget_x,
                       double    widget_y)
{
  ZzCanvasItem *item;
  const char   *edge_id;
  double        cx, cy;

  if (self->workflow == NULL)
    return NULL;

  zz_viewport_widget_to_canvas (self->viewport, widget_x, widget_y, &cx, &cy);

  /* The menu is about what is under the pointer: a node or an edge not in
   * the selection becomes the selection, as a click would make it. */
  if ((item = _zz_canvas_item_at (self, cx, cy)) != NULL)
    {
      const char *ids[] = { zz_node_get_id (item->node), NULL };

      if (!_zz_canvas_is_selected (self, ids[0]))
        zz_canvas_select_nodes (self, ids);
      popup_at (self, self->node_menu, widget_x, widget_y);
      return self->node_menu;
    }

  if ((edge_id = _zz_canvas_edge_at (self, cx, cy)) != NULL)
    {
      if (!g_hash_table_contains (self->selected_edges, edge_id))
        {
          g_autofree char *id = g_strdup (edge_id);

          _zz_canvas_clear_selection (self);
          _zz_canvas_set_edge_selected (self, id, TRUE);
          _zz_canvas_selection_changed (self);
        }
      popup_at (self, self->edge_menu, widget_x, widget_y);
      return self->edge_menu;
    }

  self->insert_x = cx;
  self->insert_y = cy;
  popup_at (self, self->canvas_menu, widget_x, widget_y);
  return self->canvas_menu;
}

static void
on_secondary_pressed_cb (ZzCanvas        *self,
                         int              n_press,
                         double           x,
                         double           y,
                         GtkGestureClick *gesture)
{
  if (_zz_canvas_overlay_at (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  _zz_canvas_popup_menu (self, x, y);
}

static void
on_long_pressed_cb (ZzCanvas            *self,
                    double               x,
                    double               y,
                    GtkGestureLongPress *gesture)
{
  _zz_canvas_popup_menu (self, x, y);
}

/* From the keyboard: at the first selected node, else where the pointer
 * is, else in the middle. */
static void
context_menu_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ZzCanvas *self = ZZ_CANVAS (widget);
  g_auto(GStrv) ids = zz_canvas_get_selected_node_ids (self);
  double x = gtk_widget_get_width (widget) / 2.0;
  double y = gtk_widget_get_height (widget) / 2.0;

  if (ids[0] != NULL)
    {
      ZzCanvasItem *item = g_hash_table_lookup (self->items, ids[0]);
      double        nx, ny;

      _zz_canvas_item_position (self, item, &nx, &ny);
      zz_viewport_canvas_to_widget (self->viewport, nx + ZZ_NODE_CARD_WIDTH / 2, ny + ZZ_NODE_CARD_HEIGHT / 2,
                                    &x, &y);
      popup_at (self, self->node_menu, x, y);
      return;
    }

  if (self->pointer_x >= 0 && self->pointer_y >= 0)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }
  _zz_canvas_popup_menu (self, x, y);
}

/* Actions -------------------------------------------------------------------- */

static void
set_enabled_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ZzCanvas *self = ZZ_CANVAS (widget);
  gboolean  enable = g_str_equal (action_name, "canvas.enable");
  g_auto(GStrv) ids = zz_canvas_get_selected_node_ids (self);
  g_autoptr(GError) error = NULL;

  if (ids[0] == NULL)
    return;

  zz_workflow_begin_group (self->workflow, enable ? _("Enable") : _("Disable"));
  for (guint i = 0; ids[i] != NULL && error == NULL; i++)
    {
      ZzNode *node = zz_workflow_find_node (self->workflow, ids[i]);

      if (node != NULL && zz_node_get_enabled (node) != enable)
        zz_workflow_set_node_enabled_command (self->workflow, ids[i], enable, &error);
    }
  zz_workflow_end_group (self->workflow);

  if (error != NULL)
    _zz_canvas_show_error (self, error);
  _zz_canvas_update_menu_actions (self);
}

static void
tidy_up_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ZzCanvas *self = ZZ_CANVAS (widget);
  g_autoptr(GError) error = NULL;

  if (!zz_workflow_auto_layout_command (self->workflow, &error))
    _zz_canvas_show_error (self, error);
}

static void
add_block_here_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZzCanvas *self = ZZ_CANVAS (widget);

  /* The palette takes the point (zz_canvas_take_insertion_point()) as it
   * opens. page.add-block toggles it: one already open closes, and the
   * second activation opens it anew, here. */
  self->has_insert_point = TRUE;
  if (gtk_widget_activate_action (widget, ADD_BLOCK_ACTION, NULL) && self->has_insert_point)
    gtk_widget_activate_action (widget, ADD_BLOCK_ACTION, NULL);
  /* Not taken: no palette. A later Add Block must not land here. */
  self->has_insert_point = FALSE;
}

static void
add_first_step_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_widget_activate_action (widget, ADD_BLOCK_ACTION, NULL);
}

/* Rename --------------------------------------------------------------------- */

static void
on_rename_activated_cb (ZzCanvas *self)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->rename_entry));
  g_autoptr(GError) error = NULL;
  ZzNode *node = self->workflow && self->rename_node_id
                   ? zz_workflow_find_node (self->workflow, self->rename_node_id)
                   : NULL;

  if (node != NULL && g_strcmp0 (zz_node_get_label (node), label) != 0 &&
      !zz_workflow_set_node_label_command (self->workflow, self->rename_node_id, label, &error))
    _zz_canvas_show_error (self, error);

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
}

static void
on_rename_closed_cb (ZzCanvas *self)
{
  g_clear_pointer (&self->rename_node_id, g_free);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
rename_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ZzCanvas *self = ZZ_CANVAS (widget);
  g_auto(GStrv) ids = zz_canvas_get_selected_node_ids (self);
  ZzCanvasItem *item;
  double        x, y, wx0, wy0, wx1, wy1;

  if (ids[0] == NULL || (item = g_hash_table_lookup (self->items, ids[0])) == NULL)
    return;

  g_free (self->rename_node_id);
  self->rename_node_id = g_strdup (ids[0]);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), zz_node_get_display_name (item->node));

  _zz_canvas_item_position (self, item, &x, &y);
  zz_viewport_canvas_to_widget (self->viewport, x, y, &wx0, &wy0);
  zz_viewport_canvas_to_widget (self->viewport, x + ZZ_NODE_CARD_WIDTH, y + ZZ_NODE_CARD_HEIGHT, &wx1, &wy1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->rename_popover),
                               &(GdkRectangle){ (int) wx0, (int) wy0, (int) (wx1 - wx0), (int) (wy1 - wy0) });
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
}

/* Set-up --------------------------------------------------------------------- */

void
_zz_canvas_class_init_menus (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, context_menu_cb);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_cb);
  gtk_widget_class_install_action (widget_class, "canvas.disable", NULL, set_enabled_cb);
  gtk_widget_class_install_action (widget_class, "canvas.enable", NULL, set_enabled_cb);
  gtk_widget_class_install_action (widget_class, "canvas.tidy-up", NULL, tidy_up_cb);
  gtk_widget_class_install_action (widget_class, "canvas.add-block-here", NULL, add_block_here_cb);
  gtk_widget_class_install_action (widget_class, "canvas.add-first-step", NULL, add_first_step_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.rename", NULL);
}

void
_zz_canvas_init_menus (ZzCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/zzyra/Desktop/ui/zz-canvas-menus.ui");
  GtkGesture *secondary;
  GtkGesture *long_press;
  GtkWidget  *button;

  self->node_menu = g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, "node_menu")));
  self->edge_menu = g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, "edge_menu")));
  self->canvas_menu = g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, "canvas_menu")));

  self->context_menu = gtk_popover_menu_new_from_model (self->canvas_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, widget);

  self->rename_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->rename_entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Node Name"), -1);
  g_signal_connect_object (self->rename_entry, "activate", G_CALLBACK (on_rename_activated_cb), self,
                           G_CONNECT_SWAPPED);
  self->rename_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  g_signal_connect_object (self->rename_popover, "closed", G_CALLBACK (on_rename_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->rename_popover, widget);

  /* The empty canvas says what to do first, as AdwStatusPage would; not
   * one itself, which fills its parent and would take the canvas's clicks. */
  self->empty_state = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->empty_state, "canvas-empty");
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");
    GtkWidget *title = gtk_label_new (_("An Empty Workflow"));
    GtkWidget *description = gtk_label_new (_("Add a trigger to say when the workflow runs, then the steps it takes"));

    gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
    gtk_widget_add_css_class (icon, "dim-label");
    gtk_widget_add_css_class (title, "title-1");
    gtk_label_set_wrap (GTK_LABEL (description), TRUE);
    gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
    gtk_label_set_max_width_chars (GTK_LABEL (description), 40);
    button = gtk_button_new_with_mnemonic (_("_Add First Step"));
    gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
    gtk_widget_set_margin_top (button, 12);
    gtk_widget_add_css_class (button, "pill");
    gtk_widget_add_css_class (button, "suggested-action");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "canvas.add-first-step");
    gtk_box_append (GTK_BOX (self->empty_state), icon);
    gtk_box_append (GTK_BOX (self->empty_state), title);
    gtk_box_append (GTK_BOX (self->empty_state), description);
    gtk_box_append (GTK_BOX (self->empty_state), button);
  }
  gtk_widget_set_parent (self->empty_state, widget);
  gtk_widget_set_child_visible (self->empty_state, FALSE);

  self->minimap = zz_canvas_minimap_new ();
  gtk_widget_set_parent (self->minimap, widget);
  gtk_widget_set_child_visible (self->minimap, FALSE);

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (on_secondary_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (secondary));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (on_long_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (long_press));
}

void
_zz_canvas_dispose_menus (ZzCanvas *self)
{
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  self->rename_entry = NULL;
  g_clear_pointer (&self->empty_state, gtk_widget_unparent);
  g_clear_pointer (&self->minimap, gtk_widget_unparent);
  g_clear_object (&self->node_menu);
  g_clear_object (&self->edge_menu);
  g_clear_object (&self->canvas_menu);
  g_clear_pointer (&self->rename_node_id, g_free);
}

gboolean
_zz_canvas_is_overlay (ZzCanvas  *self,
                       GtkWidget *child)
{
  return child == self->context_menu || child == self->rename_popover || child == self->empty_state ||
         child == self->minimap;
}

/* A press there is the overlay's (a button, the minimap), not the canvas's. */
gboolean
_zz_canvas_overlay_at (ZzCanvas *self,
                       double    widget_x,
                       double    widget_y)
{
  GtkWidget *overlays[] = { self->empty_state, self->minimap };

  for (guint i = 0; i < G_N_ELEMENTS (overlays); i++)
    {
      double x, y;

      if (overlays[i] != NULL && gtk_widget_get_child_visible (overlays[i]) &&
          gtk_widget_translate_coordinates (GTK_WIDGET (self), overlays[i], widget_x, widget_y, &x, &y) &&
          gtk_widget_contains (overlays[i], x, y))
        return TRUE;
    }
  return FALSE;
}

void
_zz_canvas_allocate_overlays (ZzCanvas *self,
                              int       width,
                              int       height)
{
  gboolean empty = self->workflow != NULL && self->order->len == 0 && !self->offscreen;

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  if (self->rename_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->rename_popover));

  if (self->empty_state != NULL)
    {
      gtk_widget_set_child_visible (self->empty_state, empty);
      if (empty)
        {
          int w, h;

          gtk_widget_measure (self->empty_state, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
          w = MIN (w, width);
          gtk_widget_measure (self->empty_state, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
          gtk_widget_size_allocate (self->empty_state,
                                    &(GtkAllocation){ (width - w) / 2, MAX (0, (height - h) / 2), w, h }, -1);
        }
    }

  if (self->minimap != NULL)
    {
      gboolean shown = self->show_minimap && self->workflow != NULL && self->order->len > 0;

      gtk_widget_set_child_visible (self->minimap, shown);
      if (shown)
        {
          int w, h;

          /* The bottom-right corner: the zoom buttons are bottom left. */
          gtk_widget_measure (self->minimap, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
          gtk_widget_measure (self->minimap, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
          gtk_widget_size_allocate (self->minimap,
                                    &(GtkAllocation){ width - w - 12, height - h - 12, w, h }, -1);
          /* The view, or the nodes, moved. */
          gtk_widget_queue_draw (self->minimap);
        }
    }
}

void
_zz_canvas_snapshot_overlays (ZzCanvas    *self,
                              GtkSnapshot *snapshot)
{
  if (self->empty_state != NULL && gtk_widget_get_child_visible (self->empty_state))
    gtk_widget_snapshot_child (GTK_WIDGET (self), self->empty_state, snapshot);
  if (self->minimap != NULL && gtk_widget_get_child_visible (self->minimap))
    gtk_widget_snapshot_child (GTK_WIDGET (self), self->minimap, snapshot);
}

gboolean
zz_canvas_take_insertion_point (ZzCanvas *self,
                                double   *x,
                                double   *y)
{
  g_return_val_if_fail (ZZ_IS_CANVAS (self), FALSE);

  if (!self->has_insert_point)
    return FALSE;

  self->has_insert_point = FALSE;
  *x = self->insert_x;
  *y = self->insert_y;
  return TRUE;
}
