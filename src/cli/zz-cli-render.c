/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-cli-render.c: zzyra-cli render, a workflow as a PNG image
 *
 * The image is drawn by the canvas's own code (zz-canvas-export.c), so it
 * shows what the editor shows. GTK is initialised here and nowhere else in
 * zzyra-cli: every other command works without a display.
 */
#define G_LOG_DOMAIN "zzyra-cli"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zz-bench-canvas.h"
#include "zz-canvas-export.h"
#include "zz-cli-private.h"
#include "zz-cli-render.h"

#define DEFAULT_WIDTH  1600
#define DEFAULT_HEIGHT 1000

/* GTK and libadwaita, or FALSE with the reason printed. */
static gboolean
init_display (const char *command,
              gboolean    dark)
{
  if (!gtk_init_check ())
    {
      /* Translators: %s is a command, "zzyra-cli render" */
      g_printerr (_("%s needs a display: run it in a desktop session or under xvfb-run\n"), command);
      return FALSE;
    }
  adw_init ();
  /* The user's dark preference is for the screen; an image is light unless
   * asked. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  return TRUE;
}

int
zz_cli_command_bench_canvas (guint n_nodes,
                             int   n_edges)
{
  g_autoptr(GError) error = NULL;

  if (n_nodes < 1 || n_nodes > 100000 || n_edges < 0 || n_edges > 1000000)
    {
      g_printerr ("%s\n", _("zzyra-cli bench canvas: --nodes must be between 1 and 100,000 and --edges between 0 and 1,000,000"));
      return ZZ_CLI_EXIT_USAGE;
    }
  if (!init_display ("zzyra-cli bench canvas", FALSE))
    return ZZ_CLI_EXIT_FAILED;
  if (!zz_bench_canvas_run (n_nodes, (guint) n_edges, &error))
    return _zz_cli_fail ("bench canvas", error);

  return ZZ_CLI_EXIT_OK;
}

int
zz_cli_command_render (ZzCliContext *context,
                       int           argc,
                       char        **argv)
{
  g_autofree char *out = NULL;
  int              width = DEFAULT_WIDTH;
  int              height = DEFAULT_HEIGHT;
  gboolean         dark = FALSE;
  GOptionEntry     entries[] = {
        { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_ ("Write the image to FILE (required)"), N_ ("FILE") },
        { "width", 'W', 0, G_OPTION_ARG_INT, &width, N_ ("The image’s width in pixels (1600)"), N_ ("W") },
        { "height", 'H', 0, G_OPTION_ARG_INT, &height, N_ ("The image’s height in pixels (1000)"), N_ ("H") },
        { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_ ("Use the dark style"), NULL },
        { NULL }
  };
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;

  if (!_zz_cli_parse_options (_("ID --out FILE.png"),
                                 _("Draw a workflow as the editor’s canvas shows it, whole, into a PNG image."),
                                    entries, &argc, &argv, 1))
    return ZZ_CLI_EXIT_USAGE;

  if (out == NULL)
    {
      g_printerr ("%s\n", _("zzyra-cli render: --out FILE.png is required"));
      return ZZ_CLI_EXIT_USAGE;
    }
  if (width < 1 || width > 16384 || height < 1 || height > 16384)
    {
      g_printerr ("%s\n", _("zzyra-cli render: --width and --height must be between 1 and 16384"));
      return ZZ_CLI_EXIT_USAGE;
    }

  if (!init_display ("zzyra-cli render", dark))
    return ZZ_CLI_EXIT_FAILED;

  if (!(store = _zz_cli_open_store (context, &error)))
    return _zz_cli_fail (NULL, error);

  if (!(workflow = zz_store_get_workflow (store, argv[1], &error)))
    return _zz_cli_fail (NULL, error);

  if (!zz_canvas_render_to_png (workflow, out, width, height, &error))
    return _zz_cli_fail ("render", error);

  return ZZ_CLI_EXIT_OK;
}
