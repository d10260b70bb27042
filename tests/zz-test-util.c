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
