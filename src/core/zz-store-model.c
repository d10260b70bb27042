/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-model.c: each model of schema.md as a table of columns, and the
 * insert / update / get / delete / list code they all share.
 */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include <stddef.h>

#include "zz-id.h"
#include "zz-json.h"
#include "zz-store-private.h"
#include "zz-time.h"

#define ID(T)                                                                                    \
  {                                                                                              \
    .name = "id", .type = ZZ_COLUMN_TEXT, .offset = offsetof (T, id), .flags = ZZ_COLUMN_PRIMARY \
  }
#define CREATED(T, f, n)                                                                                     \
  {                                                                                                          \
    .name = n, .type = ZZ_COLUMN_TEXT, .offset = offsetof (T, f), .flags = ZZ_COLUMN_NOW | ZZ_COLUMN_CREATED \
  }
#define UPDATED(T)                                                                                              \
  {                                                                                                             \
    .name = "updatedAt", .type = ZZ_COLUMN_TEXT, .offset = offsetof (T, updated_at), .flags = ZZ_COLUMN_UPDATED \
  }
#define NOW(T, f, n)                                                                     \
  {                                                                                      \
    .name = n, .type = ZZ_COLUMN_TEXT, .offset = offsetof (T, f), .flags = ZZ_COLUMN_NOW \
  }
#define TEXT(T, f, n)                                            \
  {                                                              \
    .name = n, .type = ZZ_COLUMN_TEXT, .offset = offsetof (T, f) \
  }
#define TEXT_OR_NULL(T, f, n)                                                                 \
  {                                                                                           \
    .name = n, .type = ZZ_COLUMN_TEXT, .offset = offsetof (T, f), .flags = ZZ_COLUMN_NULLABLE \
  }
#define TEXT_DEFAULT(T, f, n, d)                                                    \
  {                                                                                 \
    .name = n, .type = ZZ_COLUMN_TEXT, .offset = offsetof (T, f), .default_text = d \
  }
#define JSON_OR_NULL(T, f, n)                                                                 \
  {                                                                                           \
    .name = n, .type = ZZ_COLUMN_JSON, .offset = offsetof (T, f), .flags = ZZ_COLUMN_NULLABLE \
  }
#define STRV(T, f, n)                                            \
  {                                                              \
    .name = n, .type = ZZ_COLUMN_STRV, .offset = offsetof (T, f) \
  }
#define INT(T, f, n, d)                                                           \
  {                                                                               \
    .name = n, .type = ZZ_COLUMN_INT, .offset = offsetof (T, f), .default_int = d \
  }
#define REAL(T, f, n)                                            \
  {                                                              \
    .name = n, .type = ZZ_COLUMN_REAL, .offset = offsetof (T, f) \
  }
#define BOOL(T, f, n, d)                                                           \
  {                                                                                \
    .name = n, .type = ZZ_COLUMN_BOOL, .offset = offsetof (T, f), .default_int = d \
  }
#define STATUS(T, f, n)                                                \
  {                                                                    \
    .name = n, .type = ZZ_COLUMN_RUN_STATUS, .offset = offsetof (T, f) \
  }
#define REF(T, f, n, table)                                                           \
  {                                                                                   \
    .name = n, .type = ZZ_COLUMN_TEXT, .offset = offsetof (T, f), .references = table \
  }

#define MODEL(T, type_name, Table, cols)                 \
  ZzModel _zz_model_##type_name = {                      \
    .table = Table,                                      \
    .record_size = sizeof (T),                           \
    .free_func = (GDestroyNotify) zz_##type_name##_free, \
    .columns = cols,                                     \
    .n_columns = G_N_ELEMENTS (cols),                    \
  };

static const ZzColumn user_columns[] = {
  ID (ZzUser),
  TEXT (ZzUser, email, "email"),
  TEXT_OR_NULL (ZzUser, name, "name"),
  CREATED (ZzUser, created_at, "createdAt"),
  UPDATED (ZzUser),
};
MODEL (ZzUser, user, "User", user_columns)

static const ZzColumn profile_columns[] = {
  ID (ZzProfile),
  TEXT_OR_NULL (ZzProfile, full_name, "fullName"),
  TEXT_OR_NULL (ZzProfile, avatar_url, "avatarUrl"),
  TEXT_DEFAULT (ZzProfile, subscription_tier, "subscriptionTier", "free"),
  TEXT_DEFAULT (ZzProfile, subscription_status, "subscriptionStatus", "active"),
  INT (ZzProfile, monthly_execution_quota, "monthlyExecutionQuota", 100),
  INT (ZzProfile, monthly_execution_count, "monthlyExecutionCount", 0),
  CREATED (ZzProfile, created_at, "createdAt"),
  UPDATED (ZzProfile),
  REF (ZzProfile, user_id, "userId", "User"),
  TEXT_OR_NULL (ZzProfile, execution_count_month, "executionCountMonth"),
};
MODEL (ZzProfile, profile, "Profile", profile_columns)

/* The document is no record: zz-store-workflows.c reads and writes it with
 * its own statements; these columns name the fields of the ZzWorkflowRow it
 * writes from, for messages. */
#define ROW(f) .offset = offsetof (ZzWorkflowRow, f)
static const ZzColumn workflow_columns[] = {
  { .name = "id", .type = ZZ_COLUMN_TEXT, ROW (id), .flags = ZZ_COLUMN_PRIMARY },
  { .name = "name", .type = ZZ_COLUMN_TEXT, ROW (name) },
  { .name = "description", .type = ZZ_COLUMN_TEXT, ROW (description), .flags = ZZ_COLUMN_NULLABLE },
  { .name = "nodes", .type = ZZ_COLUMN_JSON, ROW (nodes) },
  { .name = "edges", .type = ZZ_COLUMN_JSON, ROW (edges) },
  { .name = "isPublic", .type = ZZ_COLUMN_BOOL },
  { .name = "tags", .type = ZZ_COLUMN_STRV, ROW (tags) },
  { .name = "version", .type = ZZ_COLUMN_INT },
  { .name = "createdAt", .type = ZZ_COLUMN_TEXT, ROW (created_at), .flags = ZZ_COLUMN_NOW | ZZ_COLUMN_CREATED },
  { .name = "updatedAt", .type = ZZ_COLUMN_TEXT, ROW (updated_at), .flags = ZZ_COLUMN_UPDATED },
  { .name = "userId", .type = ZZ_COLUMN_TEXT, ROW (user_id), .references = "User" },
  { .name = "extra", .type = ZZ_COLUMN_JSON, ROW (extra) },
};
#undef ROW

ZzModel _zz_model_workflow = {
  .table = "Workflow",
  .columns = workflow_columns,
  .n_columns = G_N_ELEMENTS (workflow_columns),
};

static const ZzColumn execution_columns[] = {
  ID (ZzExecution),
  STATUS (ZzExecution, status, "status"),
  NOW (ZzExecution, started_at, "startedAt"),
  TEXT_OR_NULL (ZzExecution, finished_at, "finishedAt"),
  TEXT_OR_NULL (ZzExecution, error, "error"),
  JSON_OR_NULL (ZzExecution, input, "input"),
  JSON_OR_NULL (ZzExecution, output, "output"),
  CREATED (ZzExecution, created_at, "createdAt"),
  UPDATED (ZzExecution),
  REF (ZzExecution, workflow_id, "workflowId", "Workflow"),
  REF (ZzExecution, user_id, "userId", "User"),
  TEXT_DEFAULT (ZzExecution, trigger, "trigger", "manual"),
  TEXT_OR_NULL (ZzExecution, owner_host, "ownerHost"),
  { .name = "ownerPid", .type = ZZ_COLUMN_INT, .offset = offsetof (ZzExecution, owner_pid), .flags = ZZ_COLUMN_NULLABLE | ZZ_COLUMN_HAS_FLAG, .has_offset = offsetof (ZzExecution, has_owner_pid) },
  TEXT_OR_NULL (ZzExecution, owner_start_time, "ownerStartTime"),
};
MODEL (ZzExecution, execution, "WorkflowExecution", execution_columns)

static const ZzColumn node_execution_columns[] = {
  ID (ZzNodeExecution),
  TEXT (ZzNodeExecution, node_id, "nodeId"),
  STATUS (ZzNodeExecution, status, "status"),
  NOW (ZzNodeExecution, started_at, "startedAt"),
  TEXT_OR_NULL (ZzNodeExecution, completed_at, "completedAt"),
  JSON_OR_NULL (ZzNodeExecution, output, "output"),
  TEXT_OR_NULL (ZzNodeExecution, error, "error"),
  CREATED (ZzNodeExecution, created_at, "createdAt"),
  UPDATED (ZzNodeExecution),
  REF (ZzNodeExecution, execution_id, "executionId", "WorkflowExecution"),
  JSON_OR_NULL (ZzNodeExecution, input, "input"),
  JSON_OR_NULL (ZzNodeExecution, config, "config"),
  INT (ZzNodeExecution, attempts, "attempts", 0),
};
MODEL (ZzNodeExecution, node_execution, "NodeExecution", node_execution_columns)

static const ZzColumn block_library_entry_columns[] = {
  ID (ZzBlockLibraryEntry),
  TEXT (ZzBlockLibraryEntry, name, "name"),
  TEXT_OR_NULL (ZzBlockLibraryEntry, description, "description"),
  TEXT (ZzBlockLibraryEntry, category, "category"),
  TEXT (ZzBlockLibraryEntry, block_type, "blockType"),
  JSON_OR_NULL (ZzBlockLibraryEntry, configuration, "configuration"),
  TEXT_OR_NULL (ZzBlockLibraryEntry, execution_code, "executionCode"),
  BOOL (ZzBlockLibraryEntry, is_public, "isPublic", TRUE),
  REAL (ZzBlockLibraryEntry, rating, "rating"),
  INT (ZzBlockLibraryEntry, usage_count, "usageCount", 0),
  STRV (ZzBlockLibraryEntry, tags, "tags"),
  CREATED (ZzBlockLibraryEntry, created_at, "createdAt"),
  UPDATED (ZzBlockLibraryEntry),
};
MODEL (ZzBlockLibraryEntry, block_library_entry, "BlockLibrary", block_library_entry_columns)

static const ZzColumn custom_block_columns[] = {
  ID (ZzCustomBlock),
  TEXT (ZzCustomBlock, name, "name"),
  TEXT_OR_NULL (ZzCustomBlock, description, "description"),
  TEXT (ZzCustomBlock, code, "code"),
  TEXT (ZzCustomBlock, category, "category"),
  BOOL (ZzCustomBlock, is_public, "isPublic", FALSE),
  STRV (ZzCustomBlock, tags, "tags"),
  CREATED (ZzCustomBlock, created_at, "createdAt"),
  UPDATED (ZzCustomBlock),
  REF (ZzCustomBlock, user_id, "userId", "User"),
};
MODEL (ZzCustomBlock, custom_block, "CustomBlock", custom_block_columns)

static const ZzColumn session_columns[] = {
  ID (ZzSession),
  TEXT (ZzSession, expires_at, "expiresAt"),
  TEXT (ZzSession, token, "token"),
  TEXT (ZzSession, access_token, "accessToken"),
  TEXT (ZzSession, refresh_token, "refreshToken"),
  CREATED (ZzSession, created_at, "createdAt"),
  UPDATED (ZzSession),
  REF (ZzSession, user_id, "userId", "User"),
};
MODEL (ZzSession, session, "Session", session_columns)

static const ZzColumn notification_columns[] = {
  ID (ZzNotification),
  TEXT (ZzNotification, title, "title"),
  TEXT (ZzNotification, message, "message"),
  TEXT (ZzNotification, type, "type"),
  BOOL (ZzNotification, read, "read", FALSE),
  JSON_OR_NULL (ZzNotification, data, "data"),
  CREATED (ZzNotification, created_at, "createdAt"),
  REF (ZzNotification, user_id, "userId", "User"),
};
MODEL (ZzNotification, notification, "Notification", notification_columns)

static const ZzColumn team_columns[] = {
  ID (ZzTeam),
  TEXT (ZzTeam, name, "name"),
  TEXT_OR_NULL (ZzTeam, description, "description"),
  CREATED (ZzTeam, created_at, "createdAt"),
  UPDATED (ZzTeam),
};
MODEL (ZzTeam, team, "Team", team_columns)

static const ZzColumn team_member_columns[] = {
  ID (ZzTeamMember),
  TEXT_DEFAULT (ZzTeamMember, role, "role", "member"),
  CREATED (ZzTeamMember, joined_at, "joinedAt"),
  REF (ZzTeamMember, user_id, "userId", "User"),
  REF (ZzTeamMember, team_id, "teamId", "Team"),
};
MODEL (ZzTeamMember, team_member, "TeamMember", team_member_columns)

static const ZzColumn pricing_tier_columns[] = {
  ID (ZzPricingTier),
  TEXT (ZzPricingTier, name, "name"),
  REAL (ZzPricingTier, price_monthly, "priceMonthly"),
  REAL (ZzPricingTier, price_yearly, "priceYearly"),
  INT (ZzPricingTier, execution_limit, "executionLimit", 0),
  INT (ZzPricingTier, workflow_limit, "workflowLimit", 0),
  STRV (ZzPricingTier, features, "features"),
  BOOL (ZzPricingTier, is_active, "isActive", TRUE),
  CREATED (ZzPricingTier, created_at, "createdAt"),
  UPDATED (ZzPricingTier),
};
MODEL (ZzPricingTier, pricing_tier, "PricingTier", pricing_tier_columns)

static const ZzColumn subscription_columns[] = {
  ID (ZzSubscription),
  TEXT (ZzSubscription, status, "status"),
  TEXT (ZzSubscription, current_period_start, "currentPeriodStart"),
  TEXT (ZzSubscription, current_period_end, "currentPeriodEnd"),
  TEXT_OR_NULL (ZzSubscription, cancel_at, "cancelAt"),
  CREATED (ZzSubscription, created_at, "createdAt"),
  UPDATED (ZzSubscription),
  REF (ZzSubscription, user_id, "userId", "User"),
  REF (ZzSubscription, tier_id, "tierId", "PricingTier"),
};
MODEL (ZzSubscription, subscription, "Subscription", subscription_columns)

static const ZzColumn blockchain_transaction_columns[] = {
  ID (ZzBlockchainTransaction),
  TEXT (ZzBlockchainTransaction, hash, "hash"),
  TEXT (ZzBlockchainTransaction, network, "network"),
  TEXT (ZzBlockchainTransaction, from_address, "fromAddress"),
  TEXT (ZzBlockchainTransaction, to_address, "toAddress"),
  TEXT (ZzBlockchainTransaction, value, "value"),
  TEXT_OR_NULL (ZzBlockchainTransaction, gas_used, "gasUsed"),
  TEXT_OR_NULL (ZzBlockchainTransaction, gas_price, "gasPrice"),
  TEXT (ZzBlockchainTransaction, status, "status"),
  { .name = "blockNumber", .type = ZZ_COLUMN_INT, .offset = offsetof (ZzBlockchainTransaction, block_number), .flags = ZZ_COLUMN_NULLABLE | ZZ_COLUMN_HAS_FLAG, .has_offset = offsetof (ZzBlockchainTransaction, has_block_number) },
  INT (ZzBlockchainTransaction, confirmations, "confirmations", 0),
  CREATED (ZzBlockchainTransaction, created_at, "createdAt"),
  UPDATED (ZzBlockchainTransaction),
};
MODEL (ZzBlockchainTransaction, blockchain_transaction, "BlockchainTransaction", blockchain_transaction_columns)

#define FIELD(record, column, T) ((T *) (gpointer) ((guint8 *) (record) + (column)->offset))

char *
_zz_model_column_list (const ZzModel *model,
                       const char    *alias)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < model->n_columns; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      if (alias != NULL)
        g_string_append_printf (str, "%s.", alias);
      g_string_append_printf (str, "\"%s\"", model->columns[i].name);
    }

  return g_string_free (str, FALSE);
}

const ZzColumn *
_zz_model_find_column (const ZzModel *model,
                       const char    *name)
{
  for (guint i = 0; i < model->n_columns; i++)
    if (g_str_equal (model->columns[i].name, name))
      return &model->columns[i];

  return NULL;
}

void
_zz_model_build_sql (ZzModel *model)
{
  GString *values = g_string_new (NULL);
  GString *sets = g_string_new (NULL);

  model->column_list = _zz_model_column_list (model, NULL);

  /* Parameters are numbered by column, ?1 being the id, so that one bind
   * function serves insert and update alike. */
  for (guint i = 0; i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];

      g_string_append_printf (values, "%s?%u", i > 0 ? ", " : "", i + 1);
      if (column->flags & (ZZ_COLUMN_PRIMARY | ZZ_COLUMN_CREATED))
        continue;
      g_string_append_printf (sets, "%s\"%s\" = ?%u",
                              sets->len > 0 ? ", " : "", column->name, i + 1);
    }

  model->insert_sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)",
                                       model->table, model->column_list, values->str);
  model->update_sql = g_strdup_printf ("UPDATE \"%s\" SET %s WHERE \"id\" = ?1",
                                       model->table, sets->str);
  model->get_sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE \"id\" = ?1",
                                    model->column_list, model->table);
  model->delete_sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"id\" = ?1",
                                       model->table);

  g_string_free (values, TRUE);
  g_string_free (sets, TRUE);
}

void
_zz_store_model_bind (const ZzModel *model,
                      gpointer       record,
                      sqlite3_stmt  *stmt,
                      int            first)
{
  for (guint i = 0; i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];
      int             index = first + i;

      switch (column->type)
        {
        case ZZ_COLUMN_TEXT:
        case ZZ_COLUMN_JSON:
          sqlite3_bind_text (stmt, index, *FIELD (record, column, char *), -1, SQLITE_STATIC);
          break;

        case ZZ_COLUMN_STRV:
          {
            char *text = zz_json_strv_to_string ((const char *const *) *FIELD (record, column, char **));

            sqlite3_bind_text (stmt, index, text, -1, g_free);
          }
          break;

        case ZZ_COLUMN_INT:
          if ((column->flags & ZZ_COLUMN_HAS_FLAG) &&
              !*(gboolean *) (gpointer) ((guint8 *) record + column->has_offset))
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_int64 (stmt, index, *FIELD (record, column, gint64));
          break;

        case ZZ_COLUMN_REAL:
          sqlite3_bind_double (stmt, index, *FIELD (record, column, double));
          break;

        case ZZ_COLUMN_BOOL:
          sqlite3_bind_int (stmt, index, *FIELD (record, column, gboolean) ? 1 : 0);
          break;

        case ZZ_COLUMN_RUN_STATUS:
          sqlite3_bind_text (stmt, index, zz_run_status_to_string (*FIELD (record, column, ZzRunStatus)), -1, SQLITE_STATIC);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

gpointer
_zz_store_model_read_row (const ZzModel *model,
                          sqlite3_stmt  *stmt,
                          int            first)
{
  guint8 *record = g_malloc0 (model->record_size);

  for (guint i = 0; i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];
      int             index = first + i;

      switch (column->type)
        {
        case ZZ_COLUMN_TEXT:
        case ZZ_COLUMN_JSON:
          *FIELD (record, column, char *) = g_strdup ((const char *) sqlite3_column_text (stmt, index));
          break;

        case ZZ_COLUMN_STRV:
          *FIELD (record, column, char **) = zz_json_strv_from_string ((const char *) sqlite3_column_text (stmt, index));
          break;

        case ZZ_COLUMN_INT:
          *FIELD (record, column, gint64) = sqlite3_column_int64 (stmt, index);
          if (column->flags & ZZ_COLUMN_HAS_FLAG)
            *(gboolean *) (gpointer) (record + column->has_offset) =
              sqlite3_column_type (stmt, index) != SQLITE_NULL;
          break;

        case ZZ_COLUMN_REAL:
          *FIELD (record, column, double) = sqlite3_column_double (stmt, index);
          break;

        case ZZ_COLUMN_BOOL:
          *FIELD (record, column, gboolean) = sqlite3_column_int (stmt, index) != 0;
          break;

        case ZZ_COLUMN_RUN_STATUS:
          /* The status CHECK constraints let only the schema's words in. */
          zz_run_status_from_string ((const char *) sqlite3_column_text (stmt, index),
                                     FIELD (record, column, ZzRunStatus));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return record;
}

static void
fill_missing (const ZzModel *model,
              gpointer       record,
              const char    *now)
{
  g_autofree char *own_now = NULL;

  for (guint i = 0; i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];

      if (column->type == ZZ_COLUMN_STRV)
        {
          char ***strv = FIELD (record, column, char **);

          if (*strv == NULL)
            *strv = g_new0 (char *, 1);
          continue;
        }

      if (column->type != ZZ_COLUMN_TEXT)
        continue;

      {
        char **text = FIELD (record, column, char *);

        if (*text != NULL)
          continue;

        if (column->flags & ZZ_COLUMN_PRIMARY)
          {
            *text = zz_id_new ();
          }
        else if (column->flags & (ZZ_COLUMN_NOW | ZZ_COLUMN_UPDATED))
          {
            if (now == NULL)
              now = own_now = zz_time_now_iso8601 ();
            *text = g_strdup (now);
          }
        else if (column->default_text != NULL)
          {
            *text = g_strdup (column->default_text);
          }
      }
    }
}

/**
 * _zz_store_model_insert_prepared:
 * @stmt: the model's insert statement, from _zz_store_prepare (), so that a
 *   batch looks it up once
 * @now: (nullable): the time to give %NULL timestamps, so that a batch
 *   shares one; %NULL for the current time
 */
gboolean
_zz_store_model_insert_prepared (ZzStore       *self,
                                 const ZzModel *model,
                                 sqlite3_stmt  *stmt,
                                 gpointer       record,
                                 const char    *now,
                                 GError       **error)
{
  int rc;

  fill_missing (model, record, now);

  _zz_store_model_bind (model, record, stmt, 1);
  rc = sqlite3_step (stmt);
  /* Read the error before the reset clears its details. */
  if (rc != SQLITE_DONE)
    _zz_store_set_error (self, rc, model, record, error);
  _zz_store_release (stmt);

  return rc == SQLITE_DONE;
}

gboolean
_zz_store_model_insert (ZzStore       *self,
                        const ZzModel *model,
                        gpointer       record,
                        const char    *now,
                        GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _zz_store_prepare (self, model->insert_sql, error)))
    return FALSE;

  return _zz_store_model_insert_prepared (self, model, stmt, record, now, error);
}

gboolean
_zz_store_model_update (ZzStore       *self,
                        const ZzModel *model,
                        gpointer       record,
                        GError       **error)
{
  g_autofree char *now = zz_time_now_iso8601 ();
  const char      *id = *(char **) record;
  sqlite3_stmt    *stmt;
  int              rc;

  if (id == NULL)
    {
      _zz_store_set_not_found (model, "id", "", error);
      return FALSE;
    }

  for (guint i = 0; i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];

      if (column->flags & ZZ_COLUMN_UPDATED)
        {
          char **text = FIELD (record, column, char *);

          g_free (*text);
          *text = g_strdup (now);
        }
    }

  fill_missing (model, record, now);

  if (!(stmt = _zz_store_prepare (self, model->update_sql, error)))
    return FALSE;

  _zz_store_model_bind (model, record, stmt, 1);
  rc = sqlite3_step (stmt);
  /* Read the error before the reset clears its details. */
  if (rc != SQLITE_DONE)
    _zz_store_set_error (self, rc, model, record, error);
  _zz_store_release (stmt);

  if (rc != SQLITE_DONE)
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      _zz_store_set_not_found (model, "id", id, error);
      return FALSE;
    }

  return TRUE;
}

static gpointer
get_one (ZzStore       *self,
         const ZzModel *model,
         const char    *sql,
         const char    *column,
         const char    *value,
         GError       **error)
{
  sqlite3_stmt *stmt;
  gpointer      record = NULL;
  int           rc;

  if (!(stmt = _zz_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    record = _zz_store_model_read_row (model, stmt, 0);
  else if (rc == SQLITE_DONE)
    _zz_store_set_not_found (model, column, value, error);
  else
    _zz_store_set_error (self, rc, model, NULL, error);

  _zz_store_release (stmt);

  return record;
}

gpointer
_zz_store_model_get (ZzStore       *self,
                     const ZzModel *model,
                     const char    *id,
                     GError       **error)
{
  g_return_val_if_fail (id != NULL, NULL);

  return get_one (self, model, model->get_sql, "id", id, error);
}

gpointer
_zz_store_model_get_by (ZzStore       *self,
                        const ZzModel *model,
                        const char    *column,
                        const char    *value,
                        GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE \"%s\" = ?1",
                         model->column_list, model->table, column);

  return get_one (self, model, sql, column, value, error);
}

gboolean
_zz_store_model_delete (ZzStore       *self,
                        const ZzModel *model,
                        const char    *id,
                        GError       **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (id != NULL, FALSE);

  if (!(stmt = _zz_store_prepare (self, model->delete_sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    _zz_store_set_error (self, rc, model, NULL, error);
  _zz_store_release (stmt);

  if (rc != SQLITE_DONE)
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      _zz_store_set_not_found (model, "id", id, error);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
_zz_store_model_list (ZzStore           *self,
                      const ZzModel     *model,
                      const char        *tail,
                      const char *const *args,
                      GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (model->free_func);
  g_autofree char *sql = NULL;
  sqlite3_stmt    *stmt;
  int              rc;

  sql = g_strdup_printf ("SELECT %s FROM \"%s\" %s", model->column_list, model->table, tail);
  if (!(stmt = _zz_store_prepare (self, sql, error)))
    return NULL;

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, args[i], -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, _zz_store_model_read_row (model, stmt, 0));

  _zz_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _zz_store_set_error (self, rc, model, NULL, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}
