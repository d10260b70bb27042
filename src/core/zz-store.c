/* zz-store.c: the connection to the SQLite database, its migrations, the
 * statement cache, transactions, errors, and the local user.
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

G_DEFINE_FINAL_TYPE (ZzStore, zz_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (zz-store-error-quark, zz_store_error)

guint zz_store_signals[ZZ_STORE_N_SIGNALS];

static ZzModel *all_models[] = {
  &zz_model_user,
  &zz_model_profile,
  &zz_model_workflow,
  &zz_model_execution,
  &zz_model_node_execution,
  &zz_model_block_library_entry,
  &zz_model_custom_block,
  &zz_model_session,
  &zz_model_notification,
  &zz_model_team,
  &zz_model_team_member,
  &zz_model_pricing_tier,
  &zz_model_subscription,
  &zz_model_blockchain_transaction,
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
  zz_store_signals[ZZ_STORE_SIGNAL_WORKFLOWS_CHANGED] =
    g_signal_new ("workflows-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  for (guint i = 0; i < G_N_ELEMENTS (all_models); i++)
    zz_model_build_sql (all_models[i]);
}

static void
zz_store_init (ZzStore *self)
{
  self->recent = g_hash_table_new (NULL, NULL);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* Statements and transactions ------------------------------------------- */

sqlite3_stmt *
zz_store_prepare (ZzStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->recent, sql);
  int rc;

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
      zz_store_set_error (self, rc, NULL, NULL, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  g_hash_table_insert (self->recent, (gpointer) sql, stmt);

  return stmt;
}

void
zz_store_release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
zz_store_exec (ZzStore     *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = zz_store_prepare (self, sql, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  zz_store_release (stmt);

  if (rc != SQLITE_DONE)
    return zz_store_set_error (self, rc, NULL, NULL, error);

  return TRUE;
}

/**
 * zz_store_begin:
 * @write: %TRUE to take the write lock at once (BEGIN IMMEDIATE), so that a
 *   transaction that reads then writes cannot fail half-way with BUSY
 */
gboolean
zz_store_begin (ZzStore     *self,
                gboolean     write,
                GError     **error)
{
  return zz_store_exec (self, write ? "BEGIN IMMEDIATE" : "BEGIN", error);
}

gboolean
zz_store_commit (ZzStore     *self,
                 GError     **error)
{
  if (!zz_store_exec (self, "COMMIT", error))
    {
      zz_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
zz_store_rollback (ZzStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    zz_store_exec (self, "ROLLBACK", NULL);
}

/* Errors ---------------------------------------------------------------- */

static const char *
article (const char *noun)
{
  return strchr ("aeiou", noun[0]) != NULL ? "an" : "a";
}

/* "accessToken" -> "access token", for messages */
static char *
field_label (const char *name)
{
  GString *str = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isupper (*p))
        {
          g_string_append_c (str, ' ');
          g_string_append_c (str, g_ascii_tolower (*p));
        }
      else
        g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

static const char *
text_value (const ZzColumn *column,
            gconstpointer   record)
{
  gconstpointer field;

  if (record == NULL || column == NULL)
    return NULL;

  field = (const guint8 *) record + column->offset;
  switch (column->type)
    {
    case ZZ_COLUMN_TEXT:
    case ZZ_COLUMN_JSON:
      return *(char * const *) field;
    case ZZ_COLUMN_RUN_STATUS:
      return zz_run_status_to_string (*(const ZzRunStatus *) field);
    default:
      return NULL;
    }
}

static const ZzModel *
model_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_models); i++)
    if (g_str_equal (all_models[i]->table, table))
      return all_models[i];

  return NULL;
}

void
zz_store_set_not_found (const ZzModel  *model,
                        const char     *field,
                        const char     *value,
                        GError        **error)
{
  g_autofree char *label = field_label (field);

  g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND,
               _("No %s with the %s “%s”"), model->noun, label, value);
}

/* "UNIQUE constraint failed: TeamMember.userId, TeamMember.teamId" */
static void
set_unique_error (const ZzModel  *model,
                  gconstpointer   record,
                  const char     *message,
                  GError        **error)
{
  const char *list = strstr (message, ": ");
  g_auto(GStrv) names = g_strsplit (list ? list + 2 : "", ", ", -1);
  g_autoptr(GString) labels = g_string_new (NULL);
  const ZzColumn *column = NULL;
  guint n = g_strv_length (names);

  if (model == &zz_model_team_member && n == 2)
    {
      g_set_error_literal (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                           _("This user is already a member of this team"));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *dot = strchr (names[i], '.');
      g_autofree char *label = field_label (dot ? dot + 1 : names[i]);

      column = zz_model_find_column (model, dot ? dot + 1 : names[i]);
      if (i > 0)
        g_string_append (labels, " and ");
      g_string_append (labels, label);
    }

  if (n == 1 && text_value (column, record) != NULL)
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                 _("A %s with the %s “%s” already exists"),
                 model->noun, labels->str, text_value (column, record));
  else
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                 _("A %s with this %s already exists"), model->noun, labels->str);
}

/* Where @word first occurs in @text as a whole identifier, or -1 */
static gssize
find_identifier (const char *text,
                 const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean starts = p == text || !(g_ascii_isalnum (p[-1]) || p[-1] == '_');
      gboolean ends = !(g_ascii_isalnum (p[length]) || p[length] == '_');

      if (starts && ends)
        return p - text;
    }

  return -1;
}

/* "CHECK constraint failed: <the expression>": the column is the model's
 * that the expression names first. */
static void
set_check_error (const ZzModel  *model,
                 gconstpointer   record,
                 const char     *message,
                 GError        **error)
{
  const char *expression = strstr (message, ": ");
  const ZzColumn *column = NULL;
  g_autofree char *label = NULL;
  gssize best = G_MAXSSIZE;

  expression = expression ? expression + 2 : message;

  for (guint i = 0; i < model->n_columns; i++)
    {
      gssize at = find_identifier (expression, model->columns[i].name);

      if (at >= 0 && at < best)
        {
          best = at;
          column = &model->columns[i];
        }
    }

  if (column == NULL)
    {
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                   _("A value of this %s is not valid (%s)"), model->noun, message);
      return;
    }

  label = field_label (column->name);

  switch (column->type)
    {
    case ZZ_COLUMN_JSON:
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                   _("The %s of %s %s is not valid JSON"), label, article (model->noun), model->noun);
      break;

    case ZZ_COLUMN_STRV:
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                   _("The %s of %s %s is not a JSON array"), label, article (model->noun), model->noun);
      break;

    case ZZ_COLUMN_TEXT:
    case ZZ_COLUMN_RUN_STATUS:
      if (text_value (column, record) != NULL)
        {
          g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                       _("“%s” is not a valid %s of %s %s"), text_value (column, record),
                       label, article (model->noun), model->noun);
          break;
        }
      G_GNUC_FALLTHROUGH;

    case ZZ_COLUMN_INT:
    case ZZ_COLUMN_REAL:
    case ZZ_COLUMN_BOOL:
    default:
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                   _("This is not a valid %s of %s %s"), label, article (model->noun), model->noun);
      break;
    }
}

/* SQLite does not say which foreign key failed: look each one up. */
static void
set_foreign_key_error (ZzStore        *self,
                       const ZzModel  *model,
                       gconstpointer   record,
                       GError        **error)
{
  for (guint i = 0; record != NULL && i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];
      const ZzModel *target;
      const char *value = text_value (column, record);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (column->references == NULL || value == NULL ||
          !(target = model_for_table (column->references)))
        continue;

      sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"id\" = ?1", target->table);
      if (!(stmt = zz_store_prepare (self, sql, NULL)))
        continue;
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      zz_store_release (stmt);

      if (rc == SQLITE_DONE)
        {
          g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                       _("No %s with the id “%s”"), target->noun, value);
          return;
        }
    }

  if (record != NULL)
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                 _("This %s refers to a row that does not exist"), model->noun);
  else
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                 _("This %s is still in use and cannot be deleted"), model->noun);
}

/**
 * zz_store_set_error:
 *
 * Returns: %FALSE, for `return zz_store_set_error (...)`
 */
gboolean
zz_store_set_error (ZzStore        *self,
                    int             rc,
                    const ZzModel  *model,
                    gconstpointer   record,
                    GError        **error)
{
  g_autofree char *message = g_strdup (sqlite3_errmsg (self->db));
  int extended = (rc >> 8) != 0 ? rc : sqlite3_extended_errcode (self->db);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_FULL,
                           _("The disk is full; nothing was saved"));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_BUSY,
                           _("Another program kept the database locked; nothing was saved. Try again."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: %s"), self->path, message);
      break;

    case SQLITE_CONSTRAINT:
      if (model == NULL)
        g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                     _("The database refused the value: %s"), message);
      else if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
        set_unique_error (model, record, message, error);
      else if (extended == SQLITE_CONSTRAINT_CHECK)
        set_check_error (model, record, message, error);
      else if (extended == SQLITE_CONSTRAINT_FOREIGNKEY || strstr (message, "FOREIGN KEY") != NULL)
        set_foreign_key_error (self, model, record, error);
      else if (extended == SQLITE_CONSTRAINT_NOTNULL)
        {
          const char *dot = strrchr (message, '.');
          g_autofree char *label = field_label (dot ? dot + 1 : message);

          g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                       _("%s %s needs %s %s"), article (model->noun), model->noun,
                       article (label), label);
          if (error && *error)
            (*error)->message[0] = g_ascii_toupper ((*error)->message[0]);
        }
      else
        g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
                     _("The database refused this %s: %s"), model->noun, message);
      break;

    default:
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_FAILED,
                   _("Database error: %s"), message);
      break;
    }

  return FALSE;
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
read_int (ZzStore     *self,
          const char  *sql,
          int         *value,
          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = zz_store_prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  zz_store_release (stmt);

  if (rc != SQLITE_ROW)
    return zz_store_set_error (self, rc, NULL, NULL, error);

  return TRUE;
}

static gboolean
apply_migration (ZzStore          *self,
                 const Migration  *migration,
                 GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  char *message = NULL;
  int current = 0;

  bytes = g_resource_lookup_data (zz_core_get_resource (), migration->path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!zz_store_begin (self, TRUE, error))
    return FALSE;

  /* Another process may have migrated while we waited for the lock. */
  if (!read_int (self, "PRAGMA user_version", &current, error))
    goto failed;
  if (current >= migration->version)
    return zz_store_commit (self, error);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      int rc = sqlite3_extended_errcode (self->db);

      zz_store_rollback (self);
      if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_BUSY)
        zz_store_set_error (self, rc, NULL, NULL, error);
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
      zz_store_set_error (self, sqlite3_extended_errcode (self->db), NULL, NULL, error);
      goto failed;
    }

  return zz_store_commit (self, error);

failed:
  zz_store_rollback (self);
  return FALSE;
}

/* The local user --------------------------------------------------------- */

static char *
lookup_local_user (ZzStore  *self,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  char *id = NULL;
  int rc;

  if (!(stmt = zz_store_prepare (self, "SELECT \"value\" FROM \"LocalState\" WHERE \"key\" = ?1", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, LOCAL_USER_KEY, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  zz_store_release (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    zz_store_set_error (self, rc, NULL, NULL, error);

  return id;
}

static gboolean
ensure_local_user (ZzStore  *self,
                   GError  **error)
{
  g_autoptr(ZzUser) user = NULL;
  g_autoptr(ZzProfile) profile = NULL;
  g_autofree char *now = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if ((self->current_user_id = lookup_local_user (self, &local_error)))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!zz_store_begin (self, TRUE, error))
    return FALSE;

  /* Another process may have made it while we waited for the lock. */
  if ((self->current_user_id = lookup_local_user (self, error)))
    return zz_store_commit (self, error);

  now = zz_time_now_iso8601 ();

  user = zz_user_new ();
  user->email = g_strdup (LOCAL_EMAIL);
  user->name = g_strdup (g_get_real_name ());
  if (!zz_store_model_insert (self, &zz_model_user, user, now, error))
    goto failed;

  profile = zz_profile_new ();
  profile->full_name = g_strdup (user->name);
  profile->user_id = g_strdup (user->id);
  profile->monthly_execution_quota = -1;   /* the local profile is not metered */
  if (!zz_store_model_insert (self, &zz_model_profile, profile, now, error))
    goto failed;

  if (!(stmt = zz_store_prepare (self, "INSERT INTO \"LocalState\" (\"key\", \"value\") VALUES (?1, ?2)", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, LOCAL_USER_KEY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, user->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  zz_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      zz_store_set_error (self, rc, NULL, NULL, error);
      goto failed;
    }

  if (!zz_store_commit (self, error))
    return FALSE;

  self->current_user_id = g_strdup (user->id);

  return TRUE;

failed:
  zz_store_rollback (self);
  return FALSE;
}

/* Opening ---------------------------------------------------------------- */

char *
zz_store_dup_default_path (void)
{
  const char *env = g_getenv ("ZZYRA_DB");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "zzyra", "zzyra.db", NULL);
}

ZzStore *
zz_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_autoptr(ZzStore) self = NULL;
  GArray *migrations = get_migrations ();
  int current = 0;
  int n_tables = 0;
  int rc;

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
  sqlite3_busy_timeout (self->db, 5000);

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

  if (!zz_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !zz_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !zz_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      /* A run's NodeExecution rows are written in one transaction: a
       * bigger page cache keeps it from spilling to the WAL half-way. */
      !zz_store_exec (self, "PRAGMA cache_size = -32768", error))
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
zz_store_open (const char  *path,
               GError     **error)
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

  return zz_store_open_at_version (path, zz_store_get_latest_version (), error);
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
