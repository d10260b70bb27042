/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-test-display.c: what the display tests share */
#include "config.h"

#include "zz-test-display.h"

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
frame_was_painted (gpointer data)
{
  return *(gboolean *) data;
}

gboolean
zz_test_wait_for_frame (GtkWidget *widget,
                        guint      timeout_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean       painted = FALSE;
  gboolean       result;
  gulong         id;

  g_return_val_if_fail (clock != NULL, FALSE);

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  result = zz_test_wait_until (frame_was_painted, &painted, timeout_ms);
  g_signal_handler_disconnect (clock, id);

  return result;
}
