/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-window-viewports.c: each workflow opens where the user left it, at
 * the zoom and position of its canvas when it was last shown. That is the
 * editor's state, not the workflow's: it is kept in GSettings
 * (workflow-viewports, id -> (zoom, x, y), the most recent first). */
#define G_LOG_DOMAIN "zz-window"

#include "config.h"

#include "zz-canvas.h"
#include "zz-window-private.h"

/* Enough for every workflow a user goes back to; older ones fit again. */
#define MAX_VIEWPORTS 200

void
_zz_window_save_viewport (ZzWindow *self)
{
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  ZzViewport *viewport = zz_canvas_get_viewport (zz_workflow_page_get_canvas (self->page));
  g_autoptr(GVariant) saved = NULL;
  GVariantBuilder builder;
  GVariantIter    iter;
  const char     *id;
  double          zoom, x, y;
  guint           n = 1;

  if (self->settings == NULL || workflow == NULL)
    return;
  /* Never laid out (or still to be restored): nothing the user saw. */
  if (self->restore_viewport_id != 0 ||
      gtk_widget_get_width (GTK_WIDGET (zz_workflow_page_get_canvas (self->page))) <= 1)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(ddd)}"));
  g_variant_builder_add (&builder, "{s(ddd)}", zz_workflow_get_id (workflow),
                         zz_viewport_get_zoom (viewport),
                         zz_viewport_get_offset_x (viewport),
                         zz_viewport_get_offset_y (viewport));
  saved = g_settings_get_value (self->settings, "workflow-viewports");
  g_variant_iter_init (&iter, saved);
  while (n < MAX_VIEWPORTS && g_variant_iter_next (&iter, "{&s(ddd)}", &id, &zoom, &x, &y))
    if (g_strcmp0 (id, zz_workflow_get_id (workflow)) != 0)
      {
        g_variant_builder_add (&builder, "{s(ddd)}", id, zoom, x, y);
        n++;
      }
  g_settings_set_value (self->settings, "workflow-viewports", g_variant_builder_end (&builder));
}

static void
apply_viewport (ZzWindow *self)
{
  ZzViewport *viewport = zz_canvas_get_viewport (zz_workflow_page_get_canvas (self->page));

  zz_viewport_set_zoom (viewport, self->restored_viewport[0]);
  zz_viewport_set_offset (viewport, self->restored_viewport[1], self->restored_viewport[2]);
}

/* A canvas not laid out yet fits its workflow on its first allocation:
 * the viewport is set over that, on the frame after. */
static gboolean
restore_viewport_cb (GtkWidget     *canvas,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  ZzWindow *self = user_data;
  int       width = gtk_widget_get_width (canvas);
  int       height = gtk_widget_get_height (canvas);
  gboolean  settled = width == self->restore_width && height == self->restore_height;

  /* The page places its run panel over the first frames too: a resize
   * then would move the view again. */
  self->restore_width = width;
  self->restore_height = height;
  if (width <= 1 || height <= 1 || !settled)
    return G_SOURCE_CONTINUE;

  self->restore_viewport_id = 0;
  apply_viewport (self);
  return G_SOURCE_REMOVE;
}

void
_zz_window_restore_viewport (ZzWindow *self)
{
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  GtkWidget  *canvas = GTK_WIDGET (zz_workflow_page_get_canvas (self->page));
  g_autoptr(GVariant) saved = NULL;

  if (self->restore_viewport_id != 0)
    gtk_widget_remove_tick_callback (canvas, self->restore_viewport_id);
  self->restore_viewport_id = 0;

  if (self->settings == NULL || workflow == NULL)
    return;

  saved = g_settings_get_value (self->settings, "workflow-viewports");
  /* Not seen before: it stays fitted, as the canvas shows a new one. */
  if (!g_variant_lookup (saved, zz_workflow_get_id (workflow), "(ddd)", &self->restored_viewport[0],
                         &self->restored_viewport[1], &self->restored_viewport[2]))
    return;

  if (gtk_widget_get_width (canvas) > 1 && gtk_widget_get_height (canvas) > 1)
    apply_viewport (self);
  else
    {
      self->restore_width = self->restore_height = 0;
      self->restore_viewport_id = gtk_widget_add_tick_callback (canvas, restore_viewport_cb, self, NULL);
    }
}
