/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared inside the store: the connection, the statement cache, the
 * transactions, and the table-driven description of each model that the
 * generic CRUD code and the records' copy/free read.
 */

#include <sqlite3.h>

#include "zz-store.h"

G_BEGIN_DECLS

typedef enum
{
  ZZ_COLUMN_TEXT,   /* String, DateTime: char * */
  ZZ_COLUMN_JSON,   /* Json: char * holding JSON text */
  ZZ_COLUMN_STRV,   /* String[]: char ** stored as a JSON array */
  ZZ_COLUMN_INT,    /* Int: gint64 */
  ZZ_COLUMN_REAL,   /* Float: double */
  ZZ_COLUMN_BOOL,   /* Boolean: gboolean */
  ZZ_COLUMN_RUN_STATUS, /* a status String: ZzRunStatus, its name in the row */
} ZzColumnType;

typedef enum
{
  ZZ_COLUMN_PRIMARY  = 1 << 0,  /* the id: a new cuid when %NULL */
  ZZ_COLUMN_NOW      = 1 << 1,  /* @default(now()): the current time when %NULL */
  ZZ_COLUMN_UPDATED  = 1 << 2,  /* @updatedAt: set on every insert and update */
  ZZ_COLUMN_NULLABLE = 1 << 3,
  ZZ_COLUMN_HAS_FLAG = 1 << 4,  /* optional Int: a gboolean at has_offset says it is set */
  ZZ_COLUMN_CREATED  = 1 << 5,  /* written by insert only */
} ZzColumnFlags;

typedef struct
{
  const char    *name;           /* the schema's column name */
  ZzColumnType   type;
  gsize          offset;         /* in the record struct */
  ZzColumnFlags  flags;
  const char    *default_text;   /* TEXT default, also set by _new () */
  gint64         default_int;    /* INT / BOOL default, set by _new () */
  const char    *references;     /* a foreign key: the referenced model's table */
  gsize          has_offset;
} ZzColumn;

typedef struct
{
  const char     *table;          /* "WorkflowExecution" */
  gsize           record_size;    /* 0: no record struct (Workflow) */
  GDestroyNotify  free_func;
  const ZzColumn *columns;
  guint           n_columns;

  /* Built once by zz_store_class_init () */
  char           *column_list;    /* "id", "email", ... */
  char           *insert_sql;
  char           *update_sql;
  char           *get_sql;
  char           *delete_sql;
} ZzModel;

/* The texts a Workflow row is written from (zz-store-workflows.c): the
 * record that _zz_model_workflow's columns describe, so that a refused
 * value can be named in the message as any other model's. */
typedef struct
{
  const char *id;
  const char *name;
  const char *description;
  char       *nodes;
  char       *edges;
  char       *tags;
  const char *created_at;
  const char *updated_at;
  const char *user_id;
  char       *extra;
} ZzWorkflowRow;

extern ZzModel _zz_model_user;
extern ZzModel _zz_model_profile;
extern ZzModel _zz_model_workflow;          /* no record struct: ZzWorkflowRow in messages */
extern ZzModel _zz_model_execution;
extern ZzModel _zz_model_node_execution;
extern ZzModel _zz_model_block_library_entry;
extern ZzModel _zz_model_custom_block;
extern ZzModel _zz_model_session;
extern ZzModel _zz_model_notification;
extern ZzModel _zz_model_team;
extern ZzModel _zz_model_team_member;
extern ZzModel _zz_model_pricing_tier;
extern ZzModel _zz_model_subscription;
extern ZzModel _zz_model_blockchain_transaction;

struct _ZzStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  int         version;
  char       *current_user_id;
  GHashTable *statements;       /* SQL text -> sqlite3_stmt *, prepared once */
  GHashTable *recent;           /* SQL pointer -> its statement, a shortcut */
  int         notes_fd;         /* PATH-notes (zz-store-notes.c), or -1 */
};

/* Why a run stopped, kept beside the database (zz-store-notes.c) */
typedef struct
{
  char     *reason;
  gboolean  ended;   /* its process writes nothing more of it */
} ZzStoreNote;

void           _zz_store_note_free          (ZzStoreNote    *note);
/* Opens PATH-notes and allocates its space, at open; a failure is logged:
 * the store works without notes. */
void           _zz_store_open_notes         (ZzStore        *self);
void           _zz_store_close_notes        (ZzStore        *self);
/* (transfer full): execution id -> ZzStoreNote */
GHashTable    *_zz_store_read_notes         (ZzStore        *self);

/* For tests: applies migrations only up to @version. */
ZzStore       *_zz_store_open_at_version    (const char     *path,
                                             int             version,
                                             GError        **error);

/* Statements: prepared once, cached by their SQL text; reset and clear
 * them with _zz_store_release () after use. */
sqlite3_stmt  *_zz_store_prepare            (ZzStore        *self,
                                             const char     *sql,
                                             GError        **error);
void           _zz_store_release            (sqlite3_stmt   *stmt);
gboolean       _zz_store_exec               (ZzStore        *self,
                                             const char     *sql,
                                             GError        **error);

gboolean       _zz_store_begin              (ZzStore        *self,
                                             gboolean        write,
                                             GError        **error);
gboolean       _zz_store_commit             (ZzStore        *self,
                                             GError        **error);
void           _zz_store_rollback           (ZzStore        *self);

/* Emits ZzStore::workflows-changed, once a workflow's change committed. */
void           _zz_store_emit_workflows_changed (ZzStore    *self);

/* Sets @error from the connection's last error (zz-store-errors.c).
 * @model and @record (both nullable) pick the constraint's sentence and
 * the value it shows. */
gboolean       _zz_store_set_error          (ZzStore        *self,
                                             int             rc,
                                             const ZzModel  *model,
                                             gconstpointer   record,
                                             GError        **error);
void           _zz_store_set_not_found      (const ZzModel  *model,
                                             const char     *field,
                                             const char     *value,
                                             GError        **error);

/* The model description */
void           _zz_model_build_sql          (ZzModel        *model);
char          *_zz_model_column_list        (const ZzModel  *model,
                                             const char     *alias);
const ZzColumn *_zz_model_find_column       (const ZzModel  *model,
                                             const char     *name);

/* Records, driven by the model (zz-records.c) */
gpointer       _zz_record_new               (const ZzModel  *model);
gpointer       _zz_record_copy              (const ZzModel  *model,
                                             gconstpointer   record);
void           _zz_record_free              (const ZzModel  *model,
                                             gpointer        record);

/* Generic CRUD (zz-store-model.c) */
void           _zz_store_model_bind         (const ZzModel  *model,
                                             gpointer        record,
                                             sqlite3_stmt   *stmt,
                                             int             first);
gpointer       _zz_store_model_read_row     (const ZzModel  *model,
                                             sqlite3_stmt   *stmt,
                                             int             first);
gboolean       _zz_store_model_insert       (ZzStore        *self,
                                             const ZzModel  *model,
                                             gpointer        record,
                                             const char     *now,
                                             GError        **error);
gboolean       _zz_store_model_insert_prepared (ZzStore     *self,
                                             const ZzModel  *model,
                                             sqlite3_stmt   *stmt,
                                             gpointer        record,
                                             const char     *now,
                                             GError        **error);
gboolean       _zz_store_model_update       (ZzStore        *self,
                                             const ZzModel  *model,
                                             gpointer        record,
                                             GError        **error);
gpointer       _zz_store_model_get          (ZzStore        *self,
                                             const ZzModel  *model,
                                             const char     *id,
                                             GError        **error);
gpointer       _zz_store_model_get_by       (ZzStore        *self,
                                             const ZzModel  *model,
                                             const char     *column,
                                             const char     *value,
                                             GError        **error);
gboolean       _zz_store_model_delete       (ZzStore        *self,
                                             const ZzModel  *model,
                                             const char     *id,
                                             GError        **error);
/* SELECT the model's columns FROM its table, then @tail ("WHERE ... ORDER
 * BY ..."), with @args (a %NULL-terminated list, nullable) bound as text
 * to ?1, ?2 ... Returns rows with the record's free function. */
GPtrArray     *_zz_store_model_list         (ZzStore        *self,
                                             const ZzModel  *model,
                                             const char     *tail,
                                             const char * const *args,
                                             GError        **error);

/* One-line typed wrappers for ZZ_STORE_DECLARE_CRUD */
#define ZZ_STORE_DEFINE_CRUD(TypeName, name)                                  \
  gboolean                                                                    \
  zz_store_insert_##name (ZzStore *self, TypeName *record, GError **error)   \
  {                                                                           \
    g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);                         \
    g_return_val_if_fail (record != NULL, FALSE);                             \
    return _zz_store_model_insert (self, &_zz_model_##name, record, NULL, error); \
  }                                                                           \
  gboolean                                                                    \
  zz_store_update_##name (ZzStore *self, TypeName *record, GError **error)   \
  {                                                                           \
    g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);                         \
    g_return_val_if_fail (record != NULL, FALSE);                             \
    return _zz_store_model_update (self, &_zz_model_##name, record, error);   \
  }                                                                           \
  TypeName *                                                                  \
  zz_store_get_##name (ZzStore *self, const char *id, GError **error)        \
  {                                                                           \
    g_return_val_if_fail (ZZ_IS_STORE (self), NULL);                          \
    return _zz_store_model_get (self, &_zz_model_##name, id, error);          \
  }                                                                           \
  gboolean                                                                    \
  zz_store_delete_##name (ZzStore *self, const char *id, GError **error)     \
  {                                                                           \
    g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);                         \
    return _zz_store_model_delete (self, &_zz_model_##name, id, error);       \
  }

G_END_DECLS
