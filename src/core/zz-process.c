/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-process.c: telling whether the process that owns an execution lives
 *
 * A pid can be reused once its process is gone, and pids restart at every
 * boot, so a process is known by its identity: the boot id and the start
 * time the kernel gives it (field 22 of /proc/PID/stat).
 */
#define G_LOG_DOMAIN "zz-process"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "zz-process.h"

static char *
read_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return g_strdup ("unknown-boot");

  return g_strstrip (g_steal_pointer (&contents));
}

/**
 * zz_process_dup_identity:
 * @pid: a process id
 *
 * Returns: (transfer full) (nullable): "BOOT_ID:START_TIME" for @pid, or
 *   %NULL if there is no such process
 */
char *
zz_process_dup_identity (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *contents = NULL;
  g_autofree char *boot_id = NULL;
  const char      *p;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  /* The command name, field 2, is in parentheses and may hold spaces:
   * count fields from the last ')'. */
  p = strrchr (contents, ')');
  if (p == NULL)
    return NULL;

  /* After ')' come fields 3, 4, ...: the start time is field 22. */
  for (int field = 2; field < 22 && p != NULL; field++)
    {
      p = strchr (p + 1, ' ');
    }
  if (p == NULL)
    return NULL;

  boot_id = read_boot_id ();

  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT, boot_id, g_ascii_strtoull (p + 1, NULL, 10));
}

/**
 * zz_process_is_running:
 * @host: (nullable): the host the process ran on
 * @pid: its pid
 * @identity: (nullable): its identity, from zz_process_dup_identity()
 *
 * An execution owned by another host is taken as alive: its owner cannot
 * be checked from here, and it is safer to leave it than to fail it.
 *
 * Returns: whether that process still runs
 */
gboolean
zz_process_is_running (const char *host,
                       gint64      pid,
                       const char *identity)
{
  g_autofree char *current = NULL;

  if (host != NULL && g_strcmp0 (host, g_get_host_name ()) != 0)
    return TRUE;

  if (pid <= 0 || identity == NULL)
    return FALSE;

  current = zz_process_dup_identity ((int) pid);

  return g_strcmp0 (current, identity) == 0;
}
