/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "zz-viewport.h"

#define EPSILON 1e-9

static void
test_round_trip (void)
{
  g_autoptr(ZzViewport) viewport = zz_viewport_new ();
  double cx, cy, wx, wy;

  zz_viewport_set_zoom (viewport, 1.75);
  zz_viewport_set_offset (viewport, -120.5, 40.25);

  zz_viewport_canvas_to_widget (viewport, 300, -75, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, (300 + 120.5) * 1.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (wy, (-75 - 40.25) * 1.75, EPSILON);

  zz_viewport_widget_to_canvas (viewport, wx, wy, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (cx, 300, EPSILON);
  g_assert_cmpfloat_with_epsilon (cy, -75, EPSILON);

  /* The view's corner shows the offset. */
  zz_viewport_widget_to_canvas (viewport, 0, 0, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (cx, -120.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (cy, 40.25, EPSILON);
}

static void
test_zoom_keeps_point_fixed (void)
{
  g_autoptr(ZzViewport) viewport = zz_viewport_new ();
  const double zooms[] = { 2.0, 0.5, 3.9, 0.1, 1.0 };
  double       before_x, before_y, after_x, after_y;

  zz_viewport_set_offset (viewport, 50, 80);
  zz_viewport_widget_to_canvas (viewport, 412, 233, &before_x, &before_y);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      zz_viewport_zoom_at (viewport, zooms[i], 412, 233);
      g_assert_cmpfloat_with_epsilon (zz_viewport_get_zoom (viewport), zooms[i], EPSILON);
      zz_viewport_widget_to_canvas (viewport, 412, 233, &after_x, &after_y);
      g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-6);
      g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-6);
    }
}

static void
test_zoom_is_clamped (void)
{
  g_autoptr(ZzViewport) viewport = zz_viewport_new ();
  double before_x, before_y, after_x, after_y;

  zz_viewport_widget_to_canvas (viewport, 100, 100, &before_x, &before_y);
  zz_viewport_zoom_at (viewport, 50, 100, 100);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_zoom (viewport), ZZ_VIEWPORT_MAX_ZOOM, EPSILON);
  /* The point stays where it was even when the zoom asked for is too big. */
  zz_viewport_widget_to_canvas (viewport, 100, 100, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-6);

  zz_viewport_set_zoom (viewport, 0.0001);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_zoom (viewport), ZZ_VIEWPORT_MIN_ZOOM, EPSILON);
  zz_viewport_set_zoom (viewport, NAN);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_zoom (viewport), 1.0, EPSILON);
}

static void
test_fit_centres_rectangle (void)
{
  g_autoptr(ZzViewport) viewport = zz_viewport_new ();
  double x0, y0, x1, y1;

  /* 2000 x 500 in an 800 x 600 view with 20 px padding: width decides. */
  zz_viewport_fit (viewport, -100, 300, 2000, 500, 800, 600, 20, 1.0);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_zoom (viewport), 760.0 / 2000.0, EPSILON);

  zz_viewport_canvas_to_widget (viewport, -100, 300, &x0, &y0);
  zz_viewport_canvas_to_widget (viewport, 1900, 800, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, 20, 1e-6);
  g_assert_cmpfloat_with_epsilon (x1, 780, 1e-6);
  /* Centred vertically. */
  g_assert_cmpfloat_with_epsilon (y0, 600 - y1, 1e-6);

  /* A small workflow is not blown up past the zoom asked for. */
  zz_viewport_fit (viewport, 0, 0, 100, 50, 800, 600, 20, 1.0);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_zoom (viewport), 1.0, EPSILON);
  zz_viewport_canvas_to_widget (viewport, 50, 25, &x0, &y0);
  g_assert_cmpfloat_with_epsilon (x0, 400, 1e-6);
  g_assert_cmpfloat_with_epsilon (y0, 300, 1e-6);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_notifies_only_changes (void)
{
  g_autoptr(ZzViewport) viewport = zz_viewport_new ();
  guint zoom_count = 0, x_count = 0;

  g_signal_connect (viewport, "notify::zoom", G_CALLBACK (count_notify_cb), &zoom_count);
  g_signal_connect (viewport, "notify::offset-x", G_CALLBACK (count_notify_cb), &x_count);

  zz_viewport_set_zoom (viewport, 1.0);
  g_assert_cmpuint (zoom_count, ==, 0);
  zz_viewport_set_zoom (viewport, 2.0);
  g_assert_cmpuint (zoom_count, ==, 1);
  zz_viewport_pan (viewport, 10, 0);
  g_assert_cmpuint (x_count, ==, 1);
  g_assert_cmpfloat_with_epsilon (zz_viewport_get_offset_x (viewport), 5.0, EPSILON);
  zz_viewport_pan (viewport, 0, 0);
  g_assert_cmpuint (x_count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/viewport/points/round-trip", test_round_trip);
  g_test_add_func ("/viewport/zoom/keeps-the-point-under-the-pointer", test_zoom_keeps_point_fixed);
  g_test_add_func ("/viewport/zoom/is-clamped", test_zoom_is_clamped);
  g_test_add_func ("/viewport/fit/centres-the-rectangle", test_fit_centres_rectangle);
  g_test_add_func ("/viewport/notify/only-what-changed", test_notifies_only_changes);

  return g_test_run ();
}
