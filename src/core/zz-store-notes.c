/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-notes.c: why a run stopped, kept where a full disk cannot refuse it
 *
 * When the disk is full SQLite can write nothing, so a run stopped by that
 * cannot say so in its row, and the next open would call it "interrupted".
 * Its reason is kept instead in "DATABASE-notes", beside the database: a
 * file of NOTE_SLOTS fixed slots whose blocks are allocated when the store
 * opens (posix_fallocate), so that writing a note later is a pwrite into
 * space the file already owns. Each store has the file open on its own, and
 * flock() (which holds per open file, so between threads too) keeps two
 * writers apart.
 *
 * A slot: the magic "ZzN1", a flags byte, padding to 8 bytes, the execution
 * id (NUL padded), the reason (NUL terminated, cut between characters). A
 * slot of zeros is free.
 */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "zz-store-private.h"

#define NOTE_MAGIC       "ZzN1"
#define NOTE_FLAG_ENDED  0x01
#define NOTE_SIZE        1024
#define NOTE_SLOTS       8
#define NOTES_SIZE       (NOTE_SIZE * NOTE_SLOTS)
#define NOTE_ID_OFFSET   8
#define NOTE_ID_SIZE     64
#define NOTE_TEXT_OFFSET (NOTE_ID_OFFSET + NOTE_ID_SIZE)
#define NOTE_TEXT_SIZE   (NOTE_SIZE - NOTE_TEXT_OFFSET)

void
_zz_store_note_free (ZzStoreNote *note)
{
  g_free (note->reason);
  g_free (note);
}

/* Only a file on disk has a place beside it: not ":memory:" nor a URI. */
static gboolean
has_notes (const char *path)
{
  return path[0] != '\0' && !g_str_equal (path, ":memory:") && !g_str_has_prefix (path, "file:");
}

void
_zz_store_open_notes (ZzStore *self)
{
  g_autofree char *path = NULL;
  int              rc;

  if (!has_notes (self->path))
    return;

  path = g_strconcat (self->path, "-notes", NULL);
  self->notes_fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->notes_fd < 0)
    {
      int saved_errno = errno;

      g_warning ("Could not open “%s”: %s", path, g_strerror (saved_errno));
      return;
    }

  /* Now, while there is room: it is for when there is none. A file that
   * cannot grow yet still serves to read and clear what it holds. */
  rc = posix_fallocate (self->notes_fd, 0, NOTES_SIZE);
  if (rc != 0)
    g_warning ("Could not make room for notes in “%s”: %s", path, g_strerror (rc));
}

void
_zz_store_close_notes (ZzStore *self)
{
  if (self->notes_fd >= 0)
    g_close (self->notes_fd, NULL);
  self->notes_fd = -1;
}

/* Reads every slot into @slots, under @lock (LOCK_SH or LOCK_EX), which
 * the caller releases with flock (fd, LOCK_UN). */
static gboolean
read_slots (ZzStore *self,
            int      lock,
            guint8   slots[NOTES_SIZE],
            GError **error)
{
  gssize n;

  if (self->notes_fd < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The database “%s” has no file for notes"), self->path);
      return FALSE;
    }

  while (flock (self->notes_fd, lock) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINTR)
        continue;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not lock the notes of “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  memset (slots, 0, NOTES_SIZE);
  do
    n = pread (self->notes_fd, slots, NOTES_SIZE, 0);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      int saved_errno = errno;

      flock (self->notes_fd, LOCK_UN);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read the notes of “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The execution id of @slot, or %NULL if it is free or not whole */
static const char *
slot_id (const guint8 *slot)
{
  const char *id = (const char *) slot + NOTE_ID_OFFSET;

  if (memcmp (slot, NOTE_MAGIC, 4) != 0 || memchr (id, '\0', NOTE_ID_SIZE) == NULL || id[0] == '\0')
    return NULL;

  return id;
}

/* Writes @slot over slot @index and makes it durable before returning. */
static gboolean
write_slot (ZzStore      *self,
            guint         index,
            const guint8 *slot,
            GError      **error)
{
  gssize n;

  do
    n = pwrite (self->notes_fd, slot, NOTE_SIZE, (off_t) index * NOTE_SIZE);
  while (n < 0 && errno == EINTR);

  if (n != NOTE_SIZE || fdatasync (self->notes_fd) != 0)
    {
      int saved_errno = n < 0 || n == NOTE_SIZE ? errno : ENOSPC;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write a note in “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * _zz_store_read_notes:
 *
 * Returns: (transfer full) (element-type utf8 ZzStoreNote): the notes, by
 *   execution id; empty if there are none or they cannot be read
 */
GHashTable *
_zz_store_read_notes (ZzStore *self)
{
  g_autoptr(GError) error = NULL;
  GHashTable *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) _zz_store_note_free);
  guint8      slots[NOTES_SIZE];

  if (self->notes_fd < 0)
    return notes;

  if (!read_slots (self, LOCK_SH, slots, &error))
    {
      g_warning ("%s", error->message);
      return notes;
    }
  flock (self->notes_fd, LOCK_UN);

  for (guint i = 0; i < NOTE_SLOTS; i++)
    {
      const guint8 *slot = slots + i * NOTE_SIZE;
      const char   *id = slot_id (slot);
      ZzStoreNote  *note;

      if (id == NULL)
        continue;

      note = g_new0 (ZzStoreNote, 1);
      note->ended = (slot[4] & NOTE_FLAG_ENDED) != 0;
      note->reason = g_utf8_make_valid ((const char *) slot + NOTE_TEXT_OFFSET,
                                        strnlen ((const char *) slot + NOTE_TEXT_OFFSET, NOTE_TEXT_SIZE - 1));
      g_hash_table_replace (notes, g_strdup (id), note);
    }

  return notes;
}

/**
 * zz_store_note_execution_stop:
 * @execution_id: a running execution
 * @reason: why it stopped, the sentence its error is to say
 * @ended: %TRUE when its process will write nothing more of it, so that
 *   the note may be used while that process still lives
 *
 * Keeps @reason outside the database, for when the database cannot take
 * it (the disk is full): the next open that finds the execution still
 * running records it as failed with @reason instead of "interrupted". The
 * note replaces an earlier one of the same execution.
 */
gboolean
zz_store_note_execution_stop (ZzStore    *self,
                              const char *execution_id,
                              const char *reason,
                              gboolean    ended,
                              GError    **error)
{
  guint8      slots[NOTES_SIZE];
  guint8      slot[NOTE_SIZE] = { 0 };
  const char *end = NULL;
  guint       index = NOTE_SLOTS;
  gboolean    written;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (execution_id != NULL && strlen (execution_id) < NOTE_ID_SIZE, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (!read_slots (self, LOCK_EX, slots, error))
    return FALSE;

  for (guint i = 0; i < NOTE_SLOTS; i++)
    {
      const char *id = slot_id (slots + i * NOTE_SIZE);

      if (id != NULL && g_str_equal (id, execution_id))
        {
          index = i;
          break;
        }
      if (id == NULL && index == NOTE_SLOTS)
        index = i;
    }

  if (index == NOTE_SLOTS)
    {
      flock (self->notes_fd, LOCK_UN);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The notes of “%s” are full"), self->path);
      return FALSE;
    }

  memcpy (slot, NOTE_MAGIC, 4);
  slot[4] = ended ? NOTE_FLAG_ENDED : 0;
  memcpy (slot + NOTE_ID_OFFSET, execution_id, strlen (execution_id));
  /* A reason too long is cut between characters, never inside one. */
  g_utf8_validate_len (reason, MIN (strlen (reason), NOTE_TEXT_SIZE - 1), &end);
  memcpy (slot + NOTE_TEXT_OFFSET, reason, end - reason);

  written = write_slot (self, index, slot, error);
  flock (self->notes_fd, LOCK_UN);

  return written;
}

/**
 * zz_store_forget_execution_note:
 *
 * Clears the note of @execution_id, if there is one: its row now says why
 * it stopped.
 */
void
zz_store_forget_execution_note (ZzStore    *self,
                                const char *execution_id)
{
  g_autoptr(GError) error = NULL;
  static const guint8 free_slot[NOTE_SIZE] = { 0 };
  guint8              slots[NOTES_SIZE];

  g_return_if_fail (ZZ_IS_STORE (self));
  g_return_if_fail (execution_id != NULL);

  if (self->notes_fd < 0)
    return;

  if (!read_slots (self, LOCK_EX, slots, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  for (guint i = 0; i < NOTE_SLOTS; i++)
    {
      const char *id = slot_id (slots + i * NOTE_SIZE);

      if (id != NULL && g_str_equal (id, execution_id) &&
          !write_slot (self, i, free_slot, &error))
        {
          g_warning ("%s", error->message);
          g_clear_error (&error);
        }
    }

  flock (self->notes_fd, LOCK_UN);
}
