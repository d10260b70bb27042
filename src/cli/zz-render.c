/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-render.c: zzyra-render, the helper that draws for zzyra-cli
 *
 *   zzyra-render [--db PATH] render ID --out FILE.png [--width W] [--height H]
 *   zzyra-render bench-canvas NODES EDGES
 *
 * zzyra-cli runs it for the two commands that need GTK (render and bench
 * canvas), so that zzyra-cli itself loads no toolkit. It is not meant to be
 * run by hand: `zzyra-cli render` and `zzyra-cli bench canvas` are.
 */
#define G_LOG_DOMAIN "zzyra-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "zz-cli-render.h"

int
main (int    argc,
      char **argv)
{
  ZzCliContext context = { NULL };
  int          i = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Its messages are zzyra-cli's: that is the command the user ran. */
  g_set_prgname ("zzyra-cli");

  if (i + 1 < argc && g_str_equal (argv[i], "--db"))
    {
      context.db_path = argv[i + 1];
      i += 2;
    }

  if (i < argc && g_str_equal (argv[i], "render"))
    return zz_cli_command_render (&context, argc - i, argv + i);

  if (i + 2 < argc && g_str_equal (argv[i], "bench-canvas"))
    return zz_cli_command_bench_canvas ((guint) strtoul (argv[i + 1], NULL, 10),
                                        (int) strtol (argv[i + 2], NULL, 10));

  g_printerr ("%s\n", _("zzyra-render draws workflows for zzyra-cli: run “zzyra-cli render” or “zzyra-cli bench canvas”"));
  return ZZ_CLI_EXIT_USAGE;
}
