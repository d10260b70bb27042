/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-cli.c: zzyra-cli, the headless front end of the same store and engine
 *
 *   zzyra-cli [--db PATH] COMMAND [ARGS…]
 *
 * Global options come before the command; each command parses its own.
 */
#define G_LOG_DOMAIN "zzyra-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "zz-cli-commands.h"

static void
print_usage (FILE *stream)
{
  const ZzCliCommand *commands = zz_cli_get_commands ();

  fprintf (stream, "%s\n\n", _("Usage: zzyra-cli [--db PATH] COMMAND [ARGS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name, commands[i].parameters);
      fprintf (stream, "  %-32s %s\n", usage, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-32s %s\n", "--db PATH", _("Use the database at PATH (default: $ZZYRA_DB, else the app’s own)"));
  fprintf (stream, "  %-32s %s\n", "--version", _("Print the version and exit"));
  fprintf (stream, "  %-32s %s\n", "-h, --help", _("Print this help and exit"));
}

int
main (int    argc,
      char **argv)
{
  const ZzCliCommand *commands;
  ZzCliContext        context = { NULL };
  const char         *command_name;
  int                 i = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("zzyra-cli");

  context.db_path = g_getenv ("ZZYRA_DB");
  if (context.db_path != NULL && *context.db_path == '\0')
    context.db_path = NULL;

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        context.db_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--db="))
        context.db_path = argv[i] + strlen ("--db=");
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("zzyra-cli %s\n", PACKAGE_VERSION);
          return ZZ_CLI_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "--help"))
        {
          print_usage (stdout);
          return ZZ_CLI_EXIT_OK;
        }
      else
        {
          g_printerr (_("zzyra-cli: unknown option “%s”\n"), argv[i]);
          print_usage (stderr);
          return ZZ_CLI_EXIT_USAGE;
        }
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return ZZ_CLI_EXIT_USAGE;
    }

  command_name = argv[i];
  if (g_str_equal (command_name, "help"))
    {
      print_usage (stdout);
      return ZZ_CLI_EXIT_OK;
    }

  commands = zz_cli_get_commands ();
  for (guint c = 0; commands[c].name != NULL; c++)
    {
      if (g_str_equal (commands[c].name, command_name))
        return commands[c].func (&context, argc - i, argv + i);
    }

  g_printerr (_("zzyra-cli: unknown command “%s”\n"), command_name);
  print_usage (stderr);

  return ZZ_CLI_EXIT_USAGE;
}
