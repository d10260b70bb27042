/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-test-util.c: what the test programs share */
#include "config.h"

#include <glib/gstdio.h>

#include "zz-test-util.h"

char *
zz_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("zzyra-test-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

void
zz_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        zz_test_remove_dir (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

static gboolean
on_wait_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_poll_cb (gpointer data)
{
  /* Nothing to do: waking the context up is enough. */
  return G_SOURCE_CONTINUE;
}

gboolean
zz_test_wait_until (ZzTestCondition condition,
                    gpointer        data,
                    guint           timeout_ms)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(GSource) timeout = NULL;
  g_autoptr(GSource) poll = NULL;
  gboolean timed_out = FALSE;

  if (condition (data))
    return TRUE;

  timeout = g_timeout_source_new (timeout_ms);
  g_source_set_callback (timeout, on_wait_timeout_cb, &timed_out, NULL);
  g_source_attach (timeout, context);

  poll = g_timeout_source_new (5);
  g_source_set_callback (poll, on_wait_poll_cb, NULL, NULL);
  g_source_attach (poll, context);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (poll);
  g_source_destroy (timeout);

  return condition (data);
}
