/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render.c: the canvas drawn offscreen into a PNG file, from the API
 * and from zzyra-cli render (its path is in ZZYRA_CLI, set by meson) */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "zz-canvas-export.h"
#include "zz-node-card.h"
#include "zz-viewport.h"
#include "zz-test-util.h"

#define WIDTH  800
#define HEIGHT 400

typedef struct
{
  char *dir;
  char *png;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = zz_test_make_dir ();
  fixture->png = g_build_filename (fixture->dir, "workflow.png", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  zz_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->png);
}

static void
add_node (ZzWorkflow *workflow,
          const char *id,
          const char *block_type,
          double      x,
          double      y)
{
  g_autoptr(ZzNode) node = zz_node_new (id, block_type);
  g_autoptr(GError) error = NULL;

  zz_node_set_label (node, id);
  zz_node_set_position (node, x, y);
  g_assert_true (zz_workflow_add_node (workflow, node, &error));
  g_assert_no_error (error);
}

/* The image's pixels, 4 bytes each, in memory order B G R A. */
static guchar *
load_pixels (const char *path,
             int        *width,
             int        *height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  guchar *pixels;

  g_assert_no_error (error);
  g_assert_nonnull (texture);
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);

  return pixels;
}

/* Pixels in a rectangle with a colour (not a grey): the background, its
 * grid and a card's body are grey or white, a category's stripe and icon
 * are not. */
static guint
count_coloured (const guchar *pixels,
                int           width,
                int           x0,
                int           y0,
                int           x1,
                int           y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = pixels + ((gsize) y * width + x) * 4;
        int           lo = MIN (p[0], MIN (p[1], p[2]));
        int           hi = MAX (p[0], MAX (p[1], p[2]));

        if (hi - lo > 40)
          n++;
      }

  return n;
}

static void
test_nodes_are_drawn (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Render test");
  g_autoptr(ZzEdge) edge = zz_edge_new ("e1", "trigger", NULL, "fetch", NULL);
  g_autoptr(ZzViewport) viewport = zz_viewport_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  const struct
  {
    const char *id;
    double      x, y;
  } nodes[] = {
    { "trigger", 0, 0 },
    { "fetch", 300, 0 },
    { "wait", 600, 150 },
  };
  int width, height;

  add_node (workflow, "trigger", "MANUAL_TRIGGER", 0, 0);
  add_node (workflow, "fetch", "HTTP_REQUEST", 300, 0);
  add_node (workflow, "wait", "DELAY", 600, 150);
  g_assert_true (zz_workflow_add_edge (workflow, edge, &error));
  g_assert_no_error (error);

  g_assert_true (zz_canvas_render_to_png (workflow, fixture->png, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);

  pixels = load_pixels (fixture->png, &width, &height);
  g_assert_cmpint (width, ==, WIDTH);
  g_assert_cmpint (height, ==, HEIGHT);

  /* Where the canvas puts the nodes: fitted as zoom-to-fit does. */
  zz_viewport_fit (viewport, 0, 0, 600 + ZZ_NODE_CARD_WIDTH, 150 + ZZ_NODE_CARD_HEIGHT,
                   WIDTH, HEIGHT, 48, 1.0);
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      double x0, y0, x1, y1;

      zz_viewport_canvas_to_widget (viewport, nodes[i].x, nodes[i].y, &x0, &y0);
      zz_viewport_canvas_to_widget (viewport, nodes[i].x + ZZ_NODE_CARD_WIDTH,
                                    nodes[i].y + ZZ_NODE_CARD_HEIGHT, &x1, &y1);
      g_assert_cmpfloat (x0, >=, 0);
      g_assert_cmpfloat (y1, <=, HEIGHT);
      g_assert_cmpuint (count_coloured (pixels, width, x0, y0, x1, y1), >, 20);
    }

  /* Below the nodes there is only the background. */
  {
    double x, y;

    zz_viewport_canvas_to_widget (viewport, 0, 150 + ZZ_NODE_CARD_HEIGHT, &x, &y);
    g_assert_cmpuint (count_coloured (pixels, width, 0, MIN (y + 20, HEIGHT), WIDTH, HEIGHT), ==, 0);
  }
}

static void
test_empty_workflow (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Empty");
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  int                width, height;

  g_assert_true (zz_canvas_render_to_png (workflow, fixture->png, 320, 200, &error));
  g_assert_no_error (error);

  pixels = load_pixels (fixture->png, &width, &height);
  g_assert_cmpint (width, ==, 320);
  g_assert_cmpint (height, ==, 200);
  g_assert_cmpuint (count_coloured (pixels, width, 0, 0, width, height), ==, 0);
  /* Opaque: the canvas's background is drawn. */
  g_assert_cmpint (pixels[3], ==, 255);
}

static void
test_unwritable_path (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Nowhere");
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "dir", "x.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (zz_canvas_render_to_png (workflow, path, 100, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

static GSubprocess *
spawn_cli (Fixture           *fixture,
           gboolean           with_display,
           GError           **error,
           const char *const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *cli = g_getenv ("ZZYRA_CLI");

  g_assert_nonnull (cli);
  if (!with_display)
    {
      g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
      g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
    }

  g_ptr_array_add (argv, g_strdup (cli));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_build_filename (fixture->dir, "cli.db", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  return g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, error);
}

static void
test_cli_needs_a_display (Fixture      *fixture,
                          gconstpointer data)
{
  const char *const args[] = { "render", "some-id", "--out", fixture->png, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = spawn_cli (fixture, FALSE, &error, args);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "zzyra-cli render needs a display: run it in a desktop session or under xvfb-run"));
  g_assert_false (g_file_test (fixture->png, G_FILE_TEST_EXISTS));
}

static void
test_cli_renders_a_starter (Fixture      *fixture,
                            gconstpointer data)
{
  const char *const new_args[] = { "new", "--template", "order-total", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) creating = spawn_cli (fixture, TRUE, &error, new_args);
  g_autoptr(GSubprocess) rendering = NULL;
  g_autofree char   *id = NULL;
  g_autofree char   *err = NULL;
  g_autofree guchar *pixels = NULL;
  int                width, height;

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (creating, NULL, NULL, &id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (creating), ==, 0);
  g_strstrip (id);

  {
    const char *const args[] = { "render", id, "--out", fixture->png, "--width", "640", "--height", "360", NULL };

    rendering = spawn_cli (fixture, TRUE, &error, args);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (rendering, NULL, NULL, NULL, &err, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (g_subprocess_get_exit_status (rendering), ==, 0);
  }

  pixels = load_pixels (fixture->png, &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 360);
  g_assert_cmpuint (count_coloured (pixels, width, 0, 0, width, height), >, 100);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/render/png/nodes-are-drawn", test_nodes_are_drawn);
  ADD ("/render/png/empty-workflow", test_empty_workflow);
  ADD ("/render/png/unwritable-path", test_unwritable_path);
  ADD ("/render/cli/needs-a-display", test_cli_needs_a_display);
  ADD ("/render/cli/renders-a-starter", test_cli_renders_a_starter);
#undef ADD

  return g_test_run ();
}
