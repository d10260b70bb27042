/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas-input.c: the canvas's gestures, pointer and keyboard */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "zz-canvas-private.h"
#include "zz-workflow-history.h"

/* Pixels a press must move before it becomes a drag. */
#define DRAG_THRESHOLD 4.0
/* Pixels one wheel click scrolls. */
#define WHEEL_STEP 48.0

static void
set_string (char      **field,
            const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static void
update_cursor (ZzCanvas *self,
               double    widget_x,
               double    widget_y)
{
  const char *name = NULL;
  const char *handle;
  double      x, y;

  if (self->drag == ZZ_CANVAS_DRAG_PAN)
    name = "grabbing";
  else if (self->drag == ZZ_CANVAS_DRAG_MOVE)
    name = "move";
  else if (self->drag == ZZ_CANVAS_DRAG_CONNECT)
    name = "crosshair";
  else if (self->space_held)
    name = "grab";
  else if (self->workflow != NULL)
    {
      zz_viewport_widget_to_canvas (self->viewport, widget_x, widget_y, &x, &y);
      if (_zz_canvas_output_at (self, x, y, &handle) != NULL)
        name = "crosshair";
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* Primary button: select, move, connect, rubber band ----------------------- */

static void
apply_click (ZzCanvas *self)
{
  gboolean   toggle = (self->drag_state & GDK_CONTROL_MASK) != 0;
  gboolean   extend = (self->drag_state & GDK_SHIFT_MASK) != 0;
  GtkWidget *card = NULL;

  if (self->drag_node_id != NULL)
    {
      gboolean selected = _zz_canvas_is_selected (self, self->drag_node_id);

      if (toggle)
        _zz_canvas_set_node_selected (self, self->drag_node_id, !selected);
      else if (extend)
        _zz_canvas_set_node_selected (self, self->drag_node_id, TRUE);
      else
        {
          _zz_canvas_clear_selection (self);
          _zz_canvas_set_node_selected (self, self->drag_node_id, TRUE);
        }

      if (_zz_canvas_is_selected (self, self->drag_node_id))
        card = _zz_canvas_get_card (self, self->drag_node_id);
    }
  else if (self->drag_edge_id != NULL)
    {
      gboolean selected = g_hash_table_contains (self->selected_edges, self->drag_edge_id);

      if (!toggle && !extend)
        _zz_canvas_clear_selection (self);
      _zz_canvas_set_edge_selected (self, self->drag_edge_id, toggle ? !selected : TRUE);
    }
  else if (!toggle && !extend)
    _zz_canvas_clear_selection (self);

  _zz_canvas_selection_changed (self);

  self->selecting_focus = TRUE;
  if (card != NULL)
    gtk_widget_grab_focus (card);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
  self->selecting_focus = FALSE;
}

static void
update_rubber_band (ZzCanvas *self)
{
  double x0, y0, x1, y1;

  zz_viewport_widget_to_canvas (self->viewport, MIN (self->drag_start_x, self->drag_x),
                                MIN (self->drag_start_y, self->drag_y), &x0, &y0);
  zz_viewport_widget_to_canvas (self->viewport, MAX (self->drag_start_x, self->drag_x),
                                MAX (self->drag_start_y, self->drag_y), &x1, &y1);

  _zz_canvas_clear_selection (self);
  if (self->band_base != NULL)
    {
      GHashTableIter iter;
      gpointer       key;

      g_hash_table_iter_init (&iter, self->band_base);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        _zz_canvas_set_node_selected (self, key, TRUE);
    }

  /* A node is taken when the band touches it. */
  for (guint i = 0; i < self->order->len; i++)
    {
      ZzCanvasItem *item = g_ptr_array_index (self->order, i);
      double        x, y;

      _zz_canvas_item_position (self, item, &x, &y);
      if (x + ZZ_NODE_CARD_WIDTH >= x0 && x <= x1 && y + ZZ_NODE_CARD_HEIGHT >= y0 && y <= y1)
        _zz_canvas_set_node_selected (self, zz_node_get_id (item->node), TRUE);
    }

  _zz_canvas_selection_changed (self);
}

static void
on_primary_drag_begin_cb (ZzCanvas       *self,
                          double          x,
                          double          y,
                          GtkGestureDrag *gesture)
{
  ZzCanvasItem *item;
  const char   *handle = NULL;
  double        cx, cy;

  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;
  self->drag_state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  self->move_dx = self->move_dy = 0;
  g_clear_pointer (&self->drag_node_id, g_free);
  g_clear_pointer (&self->drag_handle, g_free);
  g_clear_pointer (&self->drop_node_id, g_free);
  g_clear_pointer (&self->drag_edge_id, g_free);

  /* The minimap and the empty canvas's button take their own presses. */
  if (self->workflow == NULL || _zz_canvas_overlay_at (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  if (self->space_held)
    {
      self->drag = ZZ_CANVAS_DRAG_PAN;
      self->pan_last_x = x;
      self->pan_last_y = y;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      update_cursor (self, x, y);
      return;
    }

  zz_viewport_widget_to_canvas (self->viewport, x, y, &cx, &cy);
  self->drag = ZZ_CANVAS_DRAG_PENDING;

  if ((item = _zz_canvas_output_at (self, cx, cy, &handle)) != NULL)
    {
      self->pending = ZZ_CANVAS_DRAG_CONNECT;
      self->drag_node_id = g_strdup (zz_node_get_id (item->node));
      self->drag_handle = g_strdup (handle);
    }
  else if ((item = _zz_canvas_item_at (self, cx, cy)) != NULL)
    {
      self->pending = ZZ_CANVAS_DRAG_MOVE;
      self->drag_node_id = g_strdup (zz_node_get_id (item->node));
    }
  else
    {
      self->pending = ZZ_CANVAS_DRAG_RUBBER_BAND;
      self->drag_edge_id = g_strdup (_zz_canvas_edge_at (self, cx, cy));
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
start_drag (ZzCanvas *self)
{
  self->drag = self->pending;

  switch (self->drag)
    {
    case ZZ_CANVAS_DRAG_MOVE:
      /* Dragging a node that is not selected moves it (and what Shift or
       * Ctrl keeps selected), as in every editor. */
      if (!_zz_canvas_is_selected (self, self->drag_node_id))
        {
          if ((self->drag_state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
            _zz_canvas_clear_selection (self);
          _zz_canvas_set_node_selected (self, self->drag_node_id, TRUE);
          _zz_canvas_selection_changed (self);
        }
      break;

    case ZZ_CANVAS_DRAG_RUBBER_BAND:
      g_clear_pointer (&self->band_base, g_hash_table_unref);
      if ((self->drag_state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
        {
          GHashTableIter iter;
          gpointer       key;

          self->band_base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_iter_init (&iter, self->selected_nodes);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (self->band_base, g_strdup (key));
        }
      break;

    case ZZ_CANVAS_DRAG_CONNECT:
    case ZZ_CANVAS_DRAG_NONE:
    case ZZ_CANVAS_DRAG_PENDING:
    case ZZ_CANVAS_DRAG_PAN:
    default:
      break;
    }
}

static void
on_primary_drag_update_cb (ZzCanvas       *self,
                           double          offset_x,
                           double          offset_y,
                           GtkGestureDrag *gesture)
{
  double zoom = zz_viewport_get_zoom (self->viewport);

  self->drag_x = self->drag_start_x + offset_x;
  self->drag_y = self->drag_start_y + offset_y;

  if (self->drag == ZZ_CANVAS_DRAG_PENDING)
    {
      if (hypot (offset_x, offset_y) < DRAG_THRESHOLD)
        return;
      start_drag (self);
    }

  switch (self->drag)
    {
    case ZZ_CANVAS_DRAG_PAN:
      zz_viewport_pan (self->viewport, self->pan_last_x - self->drag_x, self->pan_last_y - self->drag_y);
      /* The viewport moved under the pointer: the offset is in widget
       * coordinates of the gesture's start, which do not move. */
      self->pan_last_x = self->drag_x;
      self->pan_last_y = self->drag_y;
      break;

    case ZZ_CANVAS_DRAG_MOVE:
      self->move_dx = offset_x / zoom;
      self->move_dy = offset_y / zoom;
      _zz_canvas_invalidate (self);
      break;

    case ZZ_CANVAS_DRAG_RUBBER_BAND:
      update_rubber_band (self);
      break;

    case ZZ_CANVAS_DRAG_CONNECT:
      {
        ZzCanvasItem *item;
        double        cx, cy;

        zz_viewport_widget_to_canvas (self->viewport, self->drag_x, self->drag_y, &cx, &cy);
        item = _zz_canvas_input_at (self, cx, cy);
        set_string (&self->drop_node_id,
                    item != NULL && !g_str_equal (zz_node_get_id (item->node), self->drag_node_id)
                      ? zz_node_get_id (item->node)
                      : NULL);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case ZZ_CANVAS_DRAG_NONE:
    case ZZ_CANVAS_DRAG_PENDING:
    default:
      break;
    }

  update_cursor (self, self->drag_x, self->drag_y);
}

static void
on_primary_drag_end_cb (ZzCanvas       *self,
                        double          offset_x,
                        double          offset_y,
                        GtkGestureDrag *gesture)
{
  ZzCanvasDrag drag = self->drag;

  on_primary_drag_update_cb (self, offset_x, offset_y, gesture);
  drag = self->drag;
  self->drag = ZZ_CANVAS_DRAG_NONE;

  switch (drag)
    {
    case ZZ_CANVAS_DRAG_PENDING:
      apply_click (self);
      break;

    case ZZ_CANVAS_DRAG_MOVE:
      /* The preview ends; one command moves the nodes for good. */
      _zz_canvas_move_selection (self, self->move_dx, self->move_dy);
      self->move_dx = self->move_dy = 0;
      _zz_canvas_invalidate (self);
      break;

    case ZZ_CANVAS_DRAG_CONNECT:
      {
        double        cx, cy;
        ZzCanvasItem *item;

        zz_viewport_widget_to_canvas (self->viewport, self->drag_x, self->drag_y, &cx, &cy);
        item = _zz_canvas_input_at (self, cx, cy);
        /* Dropped on nothing: no connection, and nothing to tell. */
        if (item != NULL)
          zz_canvas_connect (self, self->drag_node_id, self->drag_handle,
                             zz_node_get_id (item->node), NULL);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case ZZ_CANVAS_DRAG_RUBBER_BAND:
      g_clear_pointer (&self->band_base, g_hash_table_unref);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case ZZ_CANVAS_DRAG_PAN:
    case ZZ_CANVAS_DRAG_NONE:
    default:
      break;
    }

  g_clear_pointer (&self->drop_node_id, g_free);
  update_cursor (self, self->drag_x, self->drag_y);
}

static void
on_primary_drag_cancel_cb (ZzCanvas         *self,
                           GdkEventSequence *sequence,
                           GtkGesture       *gesture)
{
  if (self->drag == ZZ_CANVAS_DRAG_NONE)
    return;

  self->drag = ZZ_CANVAS_DRAG_NONE;
  self->move_dx = self->move_dy = 0;
  g_clear_pointer (&self->band_base, g_hash_table_unref);
  _zz_canvas_invalidate (self);
}

/* Middle button: pan -------------------------------------------------------- */

static void
on_pan_drag_begin_cb (ZzCanvas       *self,
                      double          x,
                      double          y,
                      GtkGestureDrag *gesture)
{
  self->pan_last_x = x;
  self->pan_last_y = y;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_drag_update_cb (ZzCanvas       *self,
                       double          offset_x,
                       double          offset_y,
                       GtkGestureDrag *gesture)
{
  double start_x, start_y, x, y;

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  x = start_x + offset_x;
  y = start_y + offset_y;
  zz_viewport_pan (self->viewport, self->pan_last_x - x, self->pan_last_y - y);
  self->pan_last_x = x;
  self->pan_last_y = y;
}

static void
on_pan_drag_end_cb (ZzCanvas       *self,
                    double          offset_x,
                    double          offset_y,
                    GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

/* Scroll and pinch ---------------------------------------------------------- */

static gboolean
on_scrolled_cb (ZzCanvas                 *self,
                double                    dx,
                double                    dy,
                GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean        wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double          x = self->pointer_x, y = self->pointer_y;

  if (x < 0 || y < 0)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  if (state & GDK_CONTROL_MASK)
    {
      /* A wheel click zooms by 10 %, a touchpad by as much as it moved. */
      _zz_canvas_zoom_by (self, pow (1.1, -dy * (wheel ? 1.0 : 0.1)), x, y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  zz_viewport_pan (self->viewport, dx * (wheel ? WHEEL_STEP : 1.0), dy * (wheel ? WHEEL_STEP : 1.0));
  return TRUE;
}

static void
on_zoom_begin_cb (ZzCanvas         *self,
                  GdkEventSequence *sequence,
                  GtkGesture       *gesture)
{
  self->zoom_gesture_start = zz_viewport_get_zoom (self->viewport);
}

static void
on_zoom_scale_changed_cb (ZzCanvas       *self,
                          double          scale,
                          GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zz_viewport_zoom_at (self->viewport, self->zoom_gesture_start * scale, x, y);
}

/* Pointer and keys ---------------------------------------------------------- */

static void
on_motion_cb (ZzCanvas                 *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag == ZZ_CANVAS_DRAG_NONE)
    update_cursor (self, x, y);
}

static void
on_leave_cb (ZzCanvas                 *self,
             GtkEventControllerMotion *controller)
{
  self->pointer_x = self->pointer_y = -1;
}

static gboolean
on_key_pressed_cb (ZzCanvas              *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_space || (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return FALSE;

  self->space_held = TRUE;
  update_cursor (self, self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_key_released_cb (ZzCanvas              *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_space)
    return;

  self->space_held = FALSE;
  update_cursor (self, self->pointer_x, self->pointer_y);
}

void
_zz_canvas_init_input (ZzCanvas *self)
{
  GtkWidget          *widget = GTK_WIDGET (self);
  GtkGesture         *drag;
  GtkGesture         *pan;
  GtkGesture         *zoom;
  GtkEventController *scroll;
  GtkEventController *motion;
  GtkEventController *key;

  /* Capture: a press on a card is the canvas's to interpret (select, move,
   * connect); the cards have no gestures of their own. */
  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_primary_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_primary_drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_primary_drag_end_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_primary_drag_cancel_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (pan), GTK_PHASE_CAPTURE);
  g_signal_connect_object (pan, "drag-begin", G_CALLBACK (on_pan_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pan, "drag-update", G_CALLBACK (on_pan_drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pan, "drag-end", G_CALLBACK (on_pan_drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pan));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_object (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scrolled_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (key, "key-released", G_CALLBACK (on_key_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, key);
}
