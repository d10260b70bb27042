/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-cli-display.c: the commands of zzyra-cli that need a display
 *
 * zzyra-cli links no toolkit, so that a headless run does not pay for
 * loading one. `render` and `bench canvas` draw with the canvas's own code,
 * which is GTK: they are run by the helper zzyra-render, found beside
 * zzyra-cli (a build tree), through $ZZYRA_RENDER, or in libexecdir.
 */
#define G_LOG_DOMAIN "zzyra-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "zz-cli-private.h"

static char *
find_helper (void)
{
  const char      *from_env = g_getenv ("ZZYRA_RENDER");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, "zzyra-render", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (LIBEXECDIR, "zzyra-render", NULL);
}

/**
 * _zz_cli_run_display_helper:
 * @argv: (array zero-terminated=1): the helper's command and its arguments
 *
 * Runs zzyra-render with the database of @context and @argv, its standard
 * streams this process's own.
 *
 * Returns: the helper's exit status
 */
int
_zz_cli_run_display_helper (ZzCliContext      *context,
                            const char *const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, find_helper ());
  if (context->db_path != NULL)
    {
      g_ptr_array_add (args, g_strdup ("--db"));
      g_ptr_array_add (args, g_strdup (context->db_path));
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (argv[i]));
  g_ptr_array_add (args, NULL);

  helper = g_subprocess_newv ((const char *const *) args->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  if (helper == NULL || !g_subprocess_wait (helper, NULL, &error))
    {
      g_printerr (_("zzyra-cli: could not run %s, which draws workflows: %s\n"),
                     (const char *) args->pdata[0], error->message);
      return ZZ_CLI_EXIT_FAILED;
    }

  if (g_subprocess_get_if_exited (helper))
    return g_subprocess_get_exit_status (helper);
  return ZZ_CLI_EXIT_FAILED;
}
