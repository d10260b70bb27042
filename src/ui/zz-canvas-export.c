/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-canvas-export.c: the canvas drawn offscreen, and written as a PNG
 *
 * GTK 4 has no offscreen window, and a widget only draws when it is mapped.
 * The canvas is put in a GtkWindow that is realized but never presented
 * (so nothing shows on screen), and the canvas itself is mapped: then
 * gtk_widget_snapshot_child() draws it, CSS background and cards included,
 * exactly as a frame of the editor does. The render node is drawn with
 * cairo onto an image surface, which needs no GL.
 */
#define G_LOG_DOMAIN "zz-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-canvas-export.h"
#include "zz-canvas-private.h"

struct _ZzCanvasOffscreen
{
  GtkWidget *window;
  GtkWidget *canvas;
  int        width;
  int        height;
};

/* Outside the app (zzyra-cli, tests) nothing has loaded the app's style
 * sheet, which styles the cards: load it once for the display. In the app,
 * AdwApplication already has. */
static void
ensure_app_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GApplication *application = g_application_get_default ();

  if (loaded || (application != NULL && GTK_IS_APPLICATION (application)))
    return;

  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/zzyra/Desktop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

ZzCanvasOffscreen *
zz_canvas_offscreen_new (int width,
                         int height)
{
  ZzCanvasOffscreen *self;

  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (gdk_display_get_default () != NULL, NULL);

  ensure_app_style ();

  self = g_new0 (ZzCanvasOffscreen, 1);
  self->width = width;
  self->height = height;
  self->window = gtk_window_new ();
  self->canvas = zz_canvas_new ();
  /* A picture of the workflow, not of the editor: no "Add First Step". */
  ZZ_CANVAS (self->canvas)->offscreen = TRUE;
  gtk_window_set_default_size (GTK_WINDOW (self->window), width, height);
  gtk_window_set_child (GTK_WINDOW (self->window), self->canvas);

  /* Realizes the window too (a surface that is never shown); a widget that
   * is not mapped draws nothing. */
  gtk_widget_map (self->canvas);

  return self;
}

void
zz_canvas_offscreen_free (ZzCanvasOffscreen *self)
{
  if (self == NULL)
    return;

  gtk_window_destroy (GTK_WINDOW (self->window));
  g_free (self);
}

ZzCanvas *
zz_canvas_offscreen_get_canvas (ZzCanvasOffscreen *self)
{
  return ZZ_CANVAS (self->canvas);
}

GskRenderNode *
zz_canvas_offscreen_snapshot (ZzCanvasOffscreen *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  int minimum;

  /* What the frame clock's layout phase does for a window of this size. */
  gtk_widget_measure (self->canvas, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  gtk_widget_measure (self->canvas, GTK_ORIENTATION_VERTICAL, self->width, &minimum, NULL, NULL, NULL);
  gtk_widget_allocate (self->canvas, self->width, self->height, -1, NULL);

  /* The window is never mapped, so a queued draw does not reach the
   * canvas's cached node by itself. */
  gtk_widget_queue_draw (self->canvas);
  gtk_widget_snapshot_child (self->window, self->canvas, snapshot);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

gboolean
zz_canvas_render_to_png (ZzWorkflow *workflow,
                         const char *path,
                         int         width,
                         int         height,
                         GError    **error)
{
  g_autoptr(ZzCanvasOffscreen) offscreen = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_status_t   status;
  cairo_t         *cr;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width < 1 || height < 1 || width > 16384 || height > 16384)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An image must be between 1 and 16384 pixels wide and high, not %d × %d"),
                      width, height);
      return FALSE;
    }

  offscreen = zz_canvas_offscreen_new (width, height);
  /* Fitted at the first allocation, as when the editor opens a workflow. */
  zz_canvas_set_workflow (zz_canvas_offscreen_get_canvas (offscreen), workflow);
  node = zz_canvas_offscreen_snapshot (offscreen);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display_name, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
