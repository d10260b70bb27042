/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store.c: the connection to the SQLite database, its migrations, the
 * statement cache, transactions, and the local user (its errors are in
 * zz-store-errors.c).
 */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "zz-core-resources.h"
#include "zz-store-private.h"
#include "zz-time.h"

#define MIGRATIONS_PATH "/org/zzyra/Desktop/sql"
#define LOCAL_USER_KEY  "localUserId"
#define LOCAL_EMAIL     "local@localhost"
#define BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (ZzStore, zz_store, G_TYPE_OBJECT)
/* clang-format would space out the quark's dashes */
/* clang-format off */
G_DEFINE_QUARK (zz-store-error-quark, zz_store_error)
/* clang-format on */

enum
{
  SIGNAL_WORKFLOWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ZzModel *all_models[] = {
  &_zz_model_user,
  &_zz_model_profile,
  &_zz_model_workflow,
  &_zz_model_execution,
  &_zz_model_node_execution,
  &_zz_model_block_library_entry,
  &_zz_model_custom_block,
  &_zz_model_session,
  &_zz_model_notification,
  &_zz_model_team,
  &_zz_model_team_member,
  &_zz_model_pricing_tier,
  &_zz_model_subscription,
  &_zz_model_blockchain_transaction,
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
zz_store_finalize (GObject *object)
{
  ZzStore *self = ZZ_STORE (object);

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->recent, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  _zz_store_close_notes (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->current_user_id, g_free);

  G_OBJECT_CLASS (zz_store_parent_class)->finalize (object);
}

static void
zz_store_class_init (ZzStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zz_store_finalize;

  /**
   * ZzStore::workflows-changed:
   *
   * Emitted after a workflow was inserted, saved or deleted through this
   * store, once the transaction committed.
   */
  signals[SIGNAL_WORKFLOWS_CHANGED] =
    g_signal_new ("workflows-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  for (guint i = 0; i < G_N_ELEMENTS (all_models); i++)
    _zz_model_build_sql (all_models[i]);
}

static void
zz_store_init (ZzStore *self)
{
  self->notes_fd = -1;
  self->recent = g_hash_table_new (NULL, NULL);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

void
_zz_store_emit_workflows_changed (ZzStore *self)
{
  g_signal_emit (self, signals[SIGNAL_WORKFLOWS_CHANGED], 0);
}

/* Statements and transactions ------------------------------------------- */

sqlite3_stmt *
_zz_store_prepare (ZzStore    *self,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->recent, sql);
  int           rc;

  /* Most SQL comes from constants, asked for again by the same pointer:
   * comparing the text is much cheaper than hashing it again. The
   * comparison guards against a freed string whose address was reused. */
  if (stmt != NULL && strcmp (sqlite3_sql (stmt), sql) == 0)
    return stmt;

  if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    {
      /* Built SQL comes at ever new addresses: keep this table small. */
      if (g_hash_table_size (self->recent) > 256)
        g_hash_table_remove_all (self->recent);
      g_hash_table_insert (self->recent, (gpointer) sql, stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_warning ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      _zz_store_set_error (self, rc, NULL, NULL, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  g_hash_table_insert (self->recent, (gpointer) sql, stmt);

  return stmt;
}

void
_zz_store_release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
_zz_store_exec (ZzStore    *self,
                const char *sql,
                GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  if (!(stmt = _zz_store_prepare (self, sql, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  _zz_store_release (stmt);

  if (rc != SQLITE_DONE)
    return _zz_store_set_error (self, rc, NULL, NULL, error);

  return TRUE;
}

/**
 * _zz_store_begin:
 * @write: %TRUE to take the write lock at once (BEGIN IMMEDIATE), so that a
 *   transaction that reads then writes cannot fail half-way with BUSY
 */
gboolean
_zz_store_begin (ZzStore *self,
                 gboolean write,
                 GError **error)
{
  return _zz_store_exec (self, write ? "BEGIN IMMEDIATE" : "BEGIN", error);
}

gboolean
_zz_store_commit (ZzStore *self,
                  GError **error)
{
  if (!_zz_store_exec (self, "COMMIT", error))
    {
      _zz_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
_zz_store_rollback (ZzStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    _zz_store_exec (self, "ROLLBACK", NULL);
}

/* Migrations ------------------------------------------------------------ */

typedef struct
{
  int   version;
  char *path;
} Migration;

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  return ((const Migration *) a)->version - ((const Migration *) b)->version;
}

/* The numbered SQL files compiled into the library, in order: 1, 2, ... */
static GArray *
get_migrations (void)
{
  static GArray *migrations;

  if (g_once_init_enter (&migrations))
    {
      GArray *array = g_array_new (FALSE, FALSE, sizeof (Migration));
      g_auto(GStrv) names = g_resource_enumerate_children (zz_core_get_resource (),
                                                            MIGRATIONS_PATH,
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                            NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          Migration migration;

          if (!g_ascii_isdigit (names[i][0]) || !g_str_has_suffix (names[i], ".sql"))
            continue;

          migration.version = atoi (names[i]);
          migration.path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
          g_array_append_val (array, migration);
        }

      g_array_sort (array, compare_migrations);
      for (guint i = 0; i < array->len; i++)
        if (g_array_index (array, Migration, i).version != (int) i + 1)
          g_error ("Migration %s is out of sequence", g_array_index (array, Migration, i).path);

      g_once_init_leave (&migrations, array);
    }

  return migrations;
}

int
zz_store_get_latest_version (void)
{
  return get_migrations ()->len;
}

static gboolean
read_int (ZzStore    *self,
          const char *sql,
          int        *value,
          GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  if (!(stmt = _zz_store_prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  _zz_store_release (stmt);

  if (rc != SQLITE_ROW)
    return _zz_store_set_error (self, rc, NULL, NULL, error);

  return TRUE;
}

static gboolean
apply_migration (ZzStore         *self,
                 const Migration *migration,
                 GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  char            *message = NULL;
  int              current = 0;

  bytes = g_resource_lookup_data (zz_core_get_resource (), migration->path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!_zz_store_begin (self, TRUE, error))
    return FALSE;

  /* Another process may have migrated while we waited for the lock. */
  if (!read_int (self, "PRAGMA user_version", &current, error))
    goto failed;
  if (current >= migration->version)
    return _zz_store_commit (self, error);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      int rc = sqlite3_extended_errcode (self->db);

      _zz_store_rollback (self);
      if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_BUSY)
        _zz_store_set_error (self, rc, NULL, NULL, error);
      else
        g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_MIGRATION,
                     _("Could not upgrade the database to schema %d: %s. It was left at schema %d."),
                        migration->version, message, current);
      sqlite3_free (message);
      return FALSE;
    }

  /* A pragma takes no parameter; the number is ours, not user input. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);
  if (sqlite3_exec (self->db, set_version, NULL, NULL, NULL) != SQLITE_OK)
    {
      _zz_store_set_error (self, sqlite3_extended_errcode (self->db), NULL, NULL, error);
      goto failed;
    }

  return _zz_store_commit (self, error);

failed:
  _zz_store_rollback (self);
  return FALSE;
}

/* The local user --------------------------------------------------------- */

static char *
lookup_local_user (ZzStore *self,
                   GError **error)
{
  sqlite3_stmt *stmt;
  char         *id = NULL;
  int           rc;

  if (!(stmt = _zz_store_prepare (self, "SELECT \"value\" FROM \"LocalState\" WHERE \"key\" = ?1", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, LOCAL_USER_KEY, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  _zz_store_release (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _zz_store_set_error (self, rc, NULL, NULL, error);

  return id;
}

static gboolean
ensure_local_user (ZzStore *self,
                   GError **error)
{
  g_autoptr(ZzUser) user = NULL;
  g_autoptr(ZzProfile) profile = NULL;
  g_autofree char *now = NULL;
  GError          *local_error = NULL;
  sqlite3_stmt    *stmt;
  int              rc;

  if ((self->current_user_id = lookup_local_user (self, &local_error)))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!_zz_store_begin (self, TRUE, error))
    return FALSE;

  /* Another process may have made it while we waited for the lock. */
  if ((self->current_user_id = lookup_local_user (self, error)))
    return _zz_store_commit (self, error);

  now = zz_time_now_iso8601 ();

  user = zz_user_new ();
  user->email = g_strdup (LOCAL_EMAIL);
  user->name = g_strdup (g_get_real_name ());
  if (!_zz_store_model_insert (self, &_zz_model_user, user, now, error))
    goto failed;

  profile = zz_profile_new ();
  profile->full_name = g_strdup (user->name);
  profile->user_id = g_strdup (user->id);
  profile->monthly_execution_quota = -1; /* the local profile is not metered */
  if (!_zz_store_model_insert (self, &_zz_model_profile, profile, now, error))
    goto failed;

  if (!(stmt = _zz_store_prepare (self, "INSERT INTO \"LocalState\" (\"key\", \"value\") VALUES (?1, ?2)", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, LOCAL_USER_KEY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, user->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  _zz_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      _zz_store_set_error (self, rc, NULL, NULL, error);
      goto failed;
    }

  if (!_zz_store_commit (self, error))
    return FALSE;

  self->current_user_id = g_strdup (user->id);

  return TRUE;

failed:
  _zz_store_rollback (self);
  return FALSE;
}

/* Opening ---------------------------------------------------------------- */

/* The last connection to close checkpoints the WAL into the database and
 * deletes it, unless it cannot: when the disk was full, the WAL stays,
 * holding every change since, and grows on. Copy it in and empty it now,
 * when no other connection is using it; waiting for one would hold up the
 * open, so this does not wait. */
static void
checkpoint_left_wal (ZzStore *self)
{
  int rc;

  sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    g_debug ("Could not checkpoint “%s”: %s", self->path, sqlite3_errmsg (self->db));
}

char *
zz_store_dup_default_path (void)
{
  const char *env = g_getenv ("ZZYRA_DB");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "zzyra", "zzyra.db", NULL);
}

ZzStore *
_zz_store_open_at_version (const char *path,
                           int         version,
                           GError    **error)
{
  g_autoptr(ZzStore) self = NULL;
  GArray *migrations = get_migrations ();
  int     current = 0;
  int     n_tables = 0;
  int     rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= (int) migrations->len, NULL);

  self = g_object_new (ZZ_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), path,
                      self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Read before anything writes: a file we refuse must stay as it was. */
  if (!read_int (self, "PRAGMA user_version", &current, NULL) ||
      !read_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, NULL))
    {
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Zzyra database, or it is damaged (%s). It was not changed."),
                      path, sqlite3_errmsg (self->db));
      return NULL;
    }

  if (current > (int) migrations->len)
    {
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_TOO_NEW,
                   _("This database was made by a newer version of Zzyra (schema %d); "
                   "this version understands up to %d. It was not changed."),
                      current, migrations->len);
      return NULL;
    }

  if (current == 0 && n_tables > 0)
    {
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CORRUPT,
                   _("“%s” is an SQLite database, but not one of Zzyra. It was not changed."),
                      path);
      return NULL;
    }

  _zz_store_open_notes (self);

  if (!_zz_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !_zz_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !_zz_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      /* A run's NodeExecution rows are written in one transaction: a
       * bigger page cache keeps it from spilling to the WAL half-way. */
      !_zz_store_exec (self, "PRAGMA cache_size = -32768", error))
    return NULL;

  for (int v = current + 1; v <= version; v++)
    if (!apply_migration (self, &g_array_index (migrations, Migration, v - 1), error))
      return NULL;

  self->version = MAX (current, version);

  /* The records describe the latest schema: a store kept at an older
   * version (only tests ask for one) is for raw SQL. */
  if (self->version < (int) migrations->len)
    return g_steal_pointer (&self);

  if (!ensure_local_user (self, error) ||
      zz_store_recover_interrupted (self, error) < 0)
    return NULL;

  checkpoint_left_wal (self);

  return g_steal_pointer (&self);
}

/**
 * zz_store_open:
 * @path: the database file; made, with its folder, if missing
 *
 * Opens the database and brings its schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with
 *   %ZZ_STORE_ERROR_TOO_NEW, %ZZ_STORE_ERROR_CORRUPT, ...
 */
ZzStore *
zz_store_open (const char *path,
               GError    **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  return _zz_store_open_at_version (path, zz_store_get_latest_version (), error);
}

const char *
zz_store_get_path (ZzStore *self)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);

  return self->path;
}

int
zz_store_get_version (ZzStore *self)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), 0);

  return self->version;
}

/**
 * zz_store_get_current_user_id:
 *
 * Returns: the id of this machine's local User, made on first open
 */
const char *
zz_store_get_current_user_id (ZzStore *self)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);

  return self->current_user_id;
}
