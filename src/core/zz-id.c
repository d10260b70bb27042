/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-id.c: collision-resistant ids in the cuid format
 *
 * The platform's Prisma schema gives every row an id made by cuid(): a 25
 * character string of lowercase base-36 digits starting with 'c'. Rows made
 * here travel to the web platform and the team server, so they use the same
 * shape: 'c', a timestamp, a per-process counter, a host fingerprint and
 * random blocks.
 */
#define G_LOG_DOMAIN "zz-id"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "zz-id.h"

#define BLOCK_SIZE 4
#define BASE       36

static char *
append_base36 (char   *out,
               guint64 value,
               guint   width)
{
  static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

  for (guint i = 0; i < width; i++)
    {
      out[width - 1 - i] = digits[value % BASE];
      value /= BASE;
    }

  return out + width;
}

static guint64
fingerprint (void)
{
  static guint64 value;

  if (g_once_init_enter (&value))
    {
      guint64 pid = (guint64) getpid ();
      guint   hash = g_str_hash (g_get_host_name ());
      guint64 fp = ((pid % (BASE * BASE)) * BASE * BASE) + (hash % (BASE * BASE));

      g_once_init_leave (&value, fp + 1);
    }

  return value - 1;
}

/**
 * zz_id_new:
 *
 * Makes a new cuid: 25 characters, 'c' then 24 base-36 digits.
 *
 * Returns: (transfer full): a new id
 */
char *
zz_id_new (void)
{
  static gint counter;
  char       *id = g_malloc (26);
  char       *p = id;
  guint64     now = (guint64) (g_get_real_time () / 1000);
  guint       count = (guint) g_atomic_int_add (&counter, 1);

  *p++ = 'c';
  p = append_base36 (p, now, 8);
  p = append_base36 (p, count, BLOCK_SIZE);
  p = append_base36 (p, fingerprint (), BLOCK_SIZE);
  p = append_base36 (p, g_random_int (), BLOCK_SIZE);
  p = append_base36 (p, g_random_int (), BLOCK_SIZE);
  *p = '\0';

  return id;
}

/**
 * zz_id_is_valid:
 * @id: (nullable): a string
 *
 * Checks that @id looks like an id: non-empty, printable ASCII without
 * spaces. Ids from the web platform need not be cuids (seeded files use
 * "node-1"), so this accepts any such token.
 *
 * Returns: %TRUE if @id may be used as an id
 */
gboolean
zz_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_isgraph (*p))
        return FALSE;
    }

  return strlen (id) <= 256;
}
