/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-errors.c: what the store says when SQLite refuses a statement.
 *
 * Each constraint of the schema has its own whole sentence, so that a
 * translator sees what the user reads, not pieces put together in English
 * word order; what no sentence covers gets one general sentence.
 */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "zz-store-private.h"

typedef enum
{
  PROBLEM_MISSING,     /* no row has this value: %s is the value */
  PROBLEM_TAKEN,       /* a unique value is used already: %s is the value */
  PROBLEM_TAKEN_ANY,   /* the same, the value unknown or more than one */
  PROBLEM_INVALID,     /* a CHECK refused this text: %s is the value */
  PROBLEM_INVALID_ANY, /* a CHECK refused a value not shown */
  PROBLEM_TOO_DEEP,    /* json_valid() refused JSON nested past SQLite's limit: %u is the limit */
  PROBLEM_REQUIRED,    /* NOT NULL */
  PROBLEM_DANGLING,    /* a foreign key names no row, which one unknown */
  PROBLEM_IN_USE,      /* other rows still refer to this one */
} Problem;

typedef struct
{
  const char *table;
  const char *columns; /* as SQLite lists them ("userId, teamId"); NULL: the row */
  Problem     problem;
  const char *message; /* a whole sentence, translated when used */
} ConstraintMessage;

static const ConstraintMessage constraint_messages[] = {
  /* User */
  { "User", "id", PROBLEM_MISSING, N_ ("No user with the id “%s”") },
  { "User", "email", PROBLEM_MISSING, N_ ("No user with the email “%s”") },
  { "User", "id", PROBLEM_TAKEN, N_ ("A user with the id “%s” already exists") },
  { "User", "email", PROBLEM_TAKEN, N_ ("A user with the email “%s” already exists") },
  { "User", "email", PROBLEM_REQUIRED, N_ ("A user needs an email") },
  { "User", NULL, PROBLEM_IN_USE, N_ ("This user is still in use and cannot be deleted") },

  /* Profile */
  { "Profile", "id", PROBLEM_MISSING, N_ ("No profile with the id “%s”") },
  { "Profile", "id", PROBLEM_TAKEN, N_ ("A profile with the id “%s” already exists") },
  { "Profile", "userId", PROBLEM_TAKEN, N_ ("A profile with the user id “%s” already exists") },
  { "Profile", "subscriptionTier", PROBLEM_REQUIRED, N_ ("A profile needs a subscription tier") },
  { "Profile", "subscriptionStatus", PROBLEM_REQUIRED, N_ ("A profile needs a subscription status") },
  { "Profile", "userId", PROBLEM_REQUIRED, N_ ("A profile needs a user id") },
  { "Profile", NULL, PROBLEM_DANGLING, N_ ("This profile refers to a row that does not exist") },

  /* Workflow: the store writes the document itself, so most messages
   * cannot show the value. */
  { "Workflow", "id", PROBLEM_MISSING, N_ ("No workflow with the id “%s”") },
  { "Workflow", "id", PROBLEM_TAKEN, N_ ("A workflow with the id “%s” already exists") },
  { "Workflow", "id", PROBLEM_TAKEN_ANY, N_ ("A workflow with this id already exists") },
  { "Workflow", "name", PROBLEM_REQUIRED, N_ ("A workflow needs a name") },
  { "Workflow", "userId", PROBLEM_REQUIRED, N_ ("A workflow needs a user id") },
  { "Workflow", "nodes", PROBLEM_INVALID_ANY, N_ ("The nodes of a workflow are not valid JSON") },
  { "Workflow", "edges", PROBLEM_INVALID_ANY, N_ ("The edges of a workflow are not valid JSON") },
  { "Workflow", "extra", PROBLEM_INVALID_ANY, N_ ("The extra fields of a workflow are not a JSON object") },
  { "Workflow", "nodes", PROBLEM_TOO_DEEP, N_ ("The nodes of a workflow are nested deeper than the %u levels the store keeps") },
  { "Workflow", "edges", PROBLEM_TOO_DEEP, N_ ("The edges of a workflow are nested deeper than the %u levels the store keeps") },
  { "Workflow", "extra", PROBLEM_TOO_DEEP, N_ ("The extra fields of a workflow are nested deeper than the %u levels the store keeps") },
  { "Workflow", "tags", PROBLEM_INVALID_ANY, N_ ("The tags of a workflow are not a JSON array") },
  { "Workflow", "isPublic", PROBLEM_INVALID_ANY, N_ ("Whether a workflow is public must be true or false") },
  { "Workflow", NULL, PROBLEM_DANGLING, N_ ("This workflow refers to a row that does not exist") },
  { "Workflow", NULL, PROBLEM_IN_USE, N_ ("This workflow is still in use and cannot be deleted") },

  /* WorkflowExecution */
  { "WorkflowExecution", "id", PROBLEM_MISSING, N_ ("No workflow execution with the id “%s”") },
  { "WorkflowExecution", "id", PROBLEM_TAKEN, N_ ("A workflow execution with the id “%s” already exists") },
  { "WorkflowExecution", "status", PROBLEM_REQUIRED, N_ ("A workflow execution needs a status") },
  { "WorkflowExecution", "workflowId", PROBLEM_REQUIRED, N_ ("A workflow execution needs a workflow id") },
  { "WorkflowExecution", "userId", PROBLEM_REQUIRED, N_ ("A workflow execution needs a user id") },
  { "WorkflowExecution", "trigger", PROBLEM_REQUIRED, N_ ("A workflow execution needs a trigger") },
  { "WorkflowExecution", "status", PROBLEM_INVALID, N_ ("“%s” is not a valid status of a workflow execution") },
  { "WorkflowExecution", "input", PROBLEM_INVALID_ANY, N_ ("The input of a workflow execution is not valid JSON") },
  { "WorkflowExecution", "output", PROBLEM_INVALID_ANY, N_ ("The output of a workflow execution is not valid JSON") },
  { "WorkflowExecution", "input", PROBLEM_TOO_DEEP, N_ ("The input of a workflow execution is nested deeper than the %u levels the store keeps") },
  { "WorkflowExecution", "output", PROBLEM_TOO_DEEP, N_ ("The output of a workflow execution is nested deeper than the %u levels the store keeps") },
  { "WorkflowExecution", NULL, PROBLEM_DANGLING, N_ ("This workflow execution refers to a row that does not exist") },
  { "WorkflowExecution", NULL, PROBLEM_IN_USE, N_ ("This workflow execution is still in use and cannot be deleted") },

  /* NodeExecution */
  { "NodeExecution", "id", PROBLEM_MISSING, N_ ("No node execution with the id “%s”") },
  { "NodeExecution", "id", PROBLEM_TAKEN, N_ ("A node execution with the id “%s” already exists") },
  { "NodeExecution", "nodeId", PROBLEM_REQUIRED, N_ ("A node execution needs a node id") },
  { "NodeExecution", "status", PROBLEM_REQUIRED, N_ ("A node execution needs a status") },
  { "NodeExecution", "executionId", PROBLEM_REQUIRED, N_ ("A node execution needs an execution id") },
  { "NodeExecution", "status", PROBLEM_INVALID, N_ ("“%s” is not a valid status of a node execution") },
  { "NodeExecution", "input", PROBLEM_INVALID_ANY, N_ ("The input of a node execution is not valid JSON") },
  { "NodeExecution", "output", PROBLEM_INVALID_ANY, N_ ("The output of a node execution is not valid JSON") },
  { "NodeExecution", "config", PROBLEM_INVALID_ANY, N_ ("The config of a node execution is not valid JSON") },
  { "NodeExecution", "input", PROBLEM_TOO_DEEP, N_ ("The input of a node execution is nested deeper than the %u levels the store keeps") },
  { "NodeExecution", "output", PROBLEM_TOO_DEEP, N_ ("The output of a node execution is nested deeper than the %u levels the store keeps") },
  { "NodeExecution", "config", PROBLEM_TOO_DEEP, N_ ("The config of a node execution is nested deeper than the %u levels the store keeps") },
  { "NodeExecution", NULL, PROBLEM_DANGLING, N_ ("This node execution refers to a row that does not exist") },

  /* BlockLibrary */
  { "BlockLibrary", "id", PROBLEM_MISSING, N_ ("No library block with the id “%s”") },
  { "BlockLibrary", "id", PROBLEM_TAKEN, N_ ("A library block with the id “%s” already exists") },
  { "BlockLibrary", "name", PROBLEM_REQUIRED, N_ ("A library block needs a name") },
  { "BlockLibrary", "category", PROBLEM_REQUIRED, N_ ("A library block needs a category") },
  { "BlockLibrary", "blockType", PROBLEM_REQUIRED, N_ ("A library block needs a block type") },
  { "BlockLibrary", "configuration", PROBLEM_INVALID_ANY, N_ ("The configuration of a library block is not valid JSON") },
  { "BlockLibrary", "configuration", PROBLEM_TOO_DEEP, N_ ("The configuration of a library block is nested deeper than the %u levels the store keeps") },
  { "BlockLibrary", "tags", PROBLEM_INVALID_ANY, N_ ("The tags of a library block are not a JSON array") },
  { "BlockLibrary", "isPublic", PROBLEM_INVALID_ANY, N_ ("Whether a library block is public must be true or false") },

  /* CustomBlock */
  { "CustomBlock", "id", PROBLEM_MISSING, N_ ("No custom block with the id “%s”") },
  { "CustomBlock", "id", PROBLEM_TAKEN, N_ ("A custom block with the id “%s” already exists") },
  { "CustomBlock", "name", PROBLEM_REQUIRED, N_ ("A custom block needs a name") },
  { "CustomBlock", "code", PROBLEM_REQUIRED, N_ ("A custom block needs a code") },
  { "CustomBlock", "category", PROBLEM_REQUIRED, N_ ("A custom block needs a category") },
  { "CustomBlock", "userId", PROBLEM_REQUIRED, N_ ("A custom block needs a user id") },
  { "CustomBlock", "tags", PROBLEM_INVALID_ANY, N_ ("The tags of a custom block are not a JSON array") },
  { "CustomBlock", "isPublic", PROBLEM_INVALID_ANY, N_ ("Whether a custom block is public must be true or false") },
  { "CustomBlock", NULL, PROBLEM_DANGLING, N_ ("This custom block refers to a row that does not exist") },

  /* Session */
  { "Session", "id", PROBLEM_MISSING, N_ ("No session with the id “%s”") },
  { "Session", "token", PROBLEM_MISSING, N_ ("No session with the token “%s”") },
  { "Session", "id", PROBLEM_TAKEN, N_ ("A session with the id “%s” already exists") },
  { "Session", "token", PROBLEM_TAKEN, N_ ("A session with the token “%s” already exists") },
  { "Session", "accessToken", PROBLEM_TAKEN, N_ ("A session with the access token “%s” already exists") },
  { "Session", "refreshToken", PROBLEM_TAKEN, N_ ("A session with the refresh token “%s” already exists") },
  { "Session", "expiresAt", PROBLEM_REQUIRED, N_ ("A session needs an expiry time") },
  { "Session", "token", PROBLEM_REQUIRED, N_ ("A session needs a token") },
  { "Session", "accessToken", PROBLEM_REQUIRED, N_ ("A session needs an access token") },
  { "Session", "refreshToken", PROBLEM_REQUIRED, N_ ("A session needs a refresh token") },
  { "Session", "userId", PROBLEM_REQUIRED, N_ ("A session needs a user id") },
  { "Session", NULL, PROBLEM_DANGLING, N_ ("This session refers to a row that does not exist") },

  /* Notification */
  { "Notification", "id", PROBLEM_MISSING, N_ ("No notification with the id “%s”") },
  { "Notification", "id", PROBLEM_TAKEN, N_ ("A notification with the id “%s” already exists") },
  { "Notification", "title", PROBLEM_REQUIRED, N_ ("A notification needs a title") },
  { "Notification", "message", PROBLEM_REQUIRED, N_ ("A notification needs a message") },
  { "Notification", "type", PROBLEM_REQUIRED, N_ ("A notification needs a type") },
  { "Notification", "userId", PROBLEM_REQUIRED, N_ ("A notification needs a user id") },
  { "Notification", "data", PROBLEM_INVALID_ANY, N_ ("The data of a notification is not valid JSON") },
  { "Notification", "data", PROBLEM_TOO_DEEP, N_ ("The data of a notification is nested deeper than the %u levels the store keeps") },
  { "Notification", "read", PROBLEM_INVALID_ANY, N_ ("Whether a notification was read must be true or false") },
  { "Notification", NULL, PROBLEM_DANGLING, N_ ("This notification refers to a row that does not exist") },

  /* Team */
  { "Team", "id", PROBLEM_MISSING, N_ ("No team with the id “%s”") },
  { "Team", "id", PROBLEM_TAKEN, N_ ("A team with the id “%s” already exists") },
  { "Team", "name", PROBLEM_REQUIRED, N_ ("A team needs a name") },
  { "Team", NULL, PROBLEM_IN_USE, N_ ("This team is still in use and cannot be deleted") },

  /* TeamMember */
  { "TeamMember", "id", PROBLEM_MISSING, N_ ("No team member with the id “%s”") },
  { "TeamMember", "id", PROBLEM_TAKEN, N_ ("A team member with the id “%s” already exists") },
  { "TeamMember", "userId, teamId", PROBLEM_TAKEN_ANY, N_ ("This user is already a member of this team") },
  { "TeamMember", "role", PROBLEM_REQUIRED, N_ ("A team member needs a role") },
  { "TeamMember", "userId", PROBLEM_REQUIRED, N_ ("A team member needs a user id") },
  { "TeamMember", "teamId", PROBLEM_REQUIRED, N_ ("A team member needs a team id") },
  { "TeamMember", "role", PROBLEM_INVALID, N_ ("“%s” is not a valid role of a team member") },
  { "TeamMember", NULL, PROBLEM_DANGLING, N_ ("This team member refers to a row that does not exist") },

  /* PricingTier */
  { "PricingTier", "id", PROBLEM_MISSING, N_ ("No pricing tier with the id “%s”") },
  { "PricingTier", "id", PROBLEM_TAKEN, N_ ("A pricing tier with the id “%s” already exists") },
  { "PricingTier", "name", PROBLEM_REQUIRED, N_ ("A pricing tier needs a name") },
  { "PricingTier", "features", PROBLEM_INVALID_ANY, N_ ("The features of a pricing tier are not a JSON array") },
  { "PricingTier", "isActive", PROBLEM_INVALID_ANY, N_ ("Whether a pricing tier is active must be true or false") },
  { "PricingTier", NULL, PROBLEM_IN_USE, N_ ("This pricing tier is still in use and cannot be deleted") },

  /* Subscription */
  { "Subscription", "id", PROBLEM_MISSING, N_ ("No subscription with the id “%s”") },
  { "Subscription", "id", PROBLEM_TAKEN, N_ ("A subscription with the id “%s” already exists") },
  { "Subscription", "status", PROBLEM_REQUIRED, N_ ("A subscription needs a status") },
  { "Subscription", "currentPeriodStart", PROBLEM_REQUIRED, N_ ("A subscription needs a current period start") },
  { "Subscription", "currentPeriodEnd", PROBLEM_REQUIRED, N_ ("A subscription needs a current period end") },
  { "Subscription", "userId", PROBLEM_REQUIRED, N_ ("A subscription needs a user id") },
  { "Subscription", "tierId", PROBLEM_REQUIRED, N_ ("A subscription needs a tier id") },
  { "Subscription", "status", PROBLEM_INVALID, N_ ("“%s” is not a valid status of a subscription") },
  { "Subscription", NULL, PROBLEM_DANGLING, N_ ("This subscription refers to a row that does not exist") },

  /* BlockchainTransaction */
  { "BlockchainTransaction", "id", PROBLEM_MISSING, N_ ("No blockchain transaction with the id “%s”") },
  { "BlockchainTransaction", "id", PROBLEM_TAKEN, N_ ("A blockchain transaction with the id “%s” already exists") },
  { "BlockchainTransaction", "hash", PROBLEM_TAKEN, N_ ("A blockchain transaction with the hash “%s” already exists") },
  { "BlockchainTransaction", "hash", PROBLEM_REQUIRED, N_ ("A blockchain transaction needs a hash") },
  { "BlockchainTransaction", "network", PROBLEM_REQUIRED, N_ ("A blockchain transaction needs a network") },
  { "BlockchainTransaction", "fromAddress", PROBLEM_REQUIRED, N_ ("A blockchain transaction needs a from address") },
  { "BlockchainTransaction", "toAddress", PROBLEM_REQUIRED, N_ ("A blockchain transaction needs a to address") },
  { "BlockchainTransaction", "value", PROBLEM_REQUIRED, N_ ("A blockchain transaction needs a value") },
  { "BlockchainTransaction", "status", PROBLEM_REQUIRED, N_ ("A blockchain transaction needs a status") },
  { "BlockchainTransaction", "status", PROBLEM_INVALID, N_ ("“%s” is not a valid status of a blockchain transaction") },
};

/* The sentence for @problem of @columns in @table, translated, or %NULL */
static const char *
constraint_message (const char *table,
                    const char *columns,
                    Problem     problem)
{
  for (gsize i = 0; i < G_N_ELEMENTS (constraint_messages); i++)
    {
      const ConstraintMessage *entry = &constraint_messages[i];

      if (entry->problem == problem &&
          g_str_equal (entry->table, table) &&
          g_strcmp0 (entry->columns, columns) == 0)
        return _(entry->message);
    }

  return NULL;
}

/* What no sentence of the table covers: SQLite's own words, in one. */
static void
set_general_error (const char *message,
                   GError    **error)
{
  g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT,
               _("The database refused the value: %s"), message);
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
      return *(char *const *) field;
    case ZZ_COLUMN_RUN_STATUS:
      return zz_run_status_to_string (*(const ZzRunStatus *) field);
    default:
      return NULL;
    }
}

void
_zz_store_set_not_found (const ZzModel *model,
                         const char    *field,
                         const char    *value,
                         GError       **error)
{
  const char *message = constraint_message (model->table, field, PROBLEM_MISSING);

  if (message != NULL)
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND, message, value);
  else
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND,
                 _("Nothing in the database has the value “%s”"), value);
}

/* "UNIQUE constraint failed: TeamMember.userId, TeamMember.teamId" */
static void
set_unique_error (const ZzModel *model,
                  gconstpointer  record,
                  const char    *message,
                  GError       **error)
{
  const char *list = strstr (message, ": ");
  g_auto(GStrv) names = g_strsplit (list ? list + 2 : "", ", ", -1);
  g_autoptr(GString) columns = g_string_new (NULL);
  const char *value = NULL;
  const char *sentence = NULL;
  guint       n = g_strv_length (names);

  for (guint i = 0; i < n; i++)
    {
      const char *dot = strchr (names[i], '.');

      if (i > 0)
        g_string_append (columns, ", ");
      g_string_append (columns, dot ? dot + 1 : names[i]);
    }

  if (n == 1)
    value = text_value (_zz_model_find_column (model, columns->str), record);

  if (value != NULL &&
      (sentence = constraint_message (model->table, columns->str, PROBLEM_TAKEN)) != NULL)
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT, sentence, value);
  else if ((sentence = constraint_message (model->table, columns->str, PROBLEM_TAKEN_ANY)) != NULL)
    g_set_error_literal (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT, sentence);
  else
    set_general_error (message, error);
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

/* How deeply the arrays and objects of JSON @text nest */
static guint
json_nesting_depth (const char *text)
{
  guint depth = 0, deepest = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          while (*++p != '"' && *p != '\0')
            if (*p == '\\' && p[1] != '\0')
              p++;
          if (*p == '\0')
            return deepest;
          break;
        case '[':
        case '{':
          deepest = MAX (deepest, ++depth);
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return deepest;
}

/* Whether json_valid() takes @depth arrays, one in the other */
static gboolean
json_valid_at_depth (ZzStore *self,
                     guint    depth)
{
  g_autofree char *text = g_malloc (2 * (gsize) depth + 1);
  sqlite3_stmt    *stmt;
  gboolean         valid;

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  text[2 * (gsize) depth] = '\0';

  if (!(stmt = _zz_store_prepare (self, "SELECT json_valid (?1)", NULL)))
    return TRUE;

  sqlite3_bind_text (stmt, 1, text, (int) (2 * depth), SQLITE_STATIC);
  valid = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
  _zz_store_release (stmt);

  return valid;
}

/* The deepest nesting that SQLite's json_valid() accepts, if JSON nested
 * @depth deep is past it, else 0. It depends on the SQLite the app runs
 * with (2000 levels before 3.45, 1000 since), so it is found by trying,
 * once: JSON that zz_json_parse() reads (512 levels) is always within it,
 * but a value built in code need not be. */
static guint
json_depth_limit (ZzStore *self,
                  guint    depth)
{
  static guint limit;
  guint        known = g_atomic_int_get (&limit);
  guint        valid = 1, refused = depth;

  if (known != 0)
    return depth > known ? known : 0;

  if (depth < 2 || json_valid_at_depth (self, depth))
    return 0;

  while (refused - valid > 1)
    {
      guint middle = valid + (refused - valid) / 2;

      if (json_valid_at_depth (self, middle))
        valid = middle;
      else
        refused = middle;
    }

  g_atomic_int_set (&limit, valid);

  return valid;
}

/* "CHECK constraint failed: <the expression>": the column is the model's
 * that the expression names first. */
static void
set_check_error (ZzStore       *self,
                 const ZzModel *model,
                 gconstpointer  record,
                 const char    *message,
                 GError       **error)
{
  const char     *expression = strstr (message, ": ");
  const ZzColumn *column = NULL;
  const char     *value = NULL;
  const char     *sentence = NULL;
  gssize          best = G_MAXSSIZE;
  guint           limit;

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
      set_general_error (message, error);
      return;
    }

  /* Valid JSON that SQLite refuses for its depth: saying "not valid"
   * would send the user looking for a mistake that is not there. */
  if (column->type == ZZ_COLUMN_JSON && (value = text_value (column, record)) != NULL &&
      (limit = json_depth_limit (self, json_nesting_depth (value))) > 0 &&
      (sentence = constraint_message (model->table, column->name, PROBLEM_TOO_DEEP)) != NULL)
    {
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT, sentence, limit);
      return;
    }

  /* Only text is worth showing back; JSON may be long. */
  value = NULL;
  if (column->type == ZZ_COLUMN_TEXT || column->type == ZZ_COLUMN_RUN_STATUS)
    value = text_value (column, record);

  if (value != NULL &&
      (sentence = constraint_message (model->table, column->name, PROBLEM_INVALID)) != NULL)
    g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT, sentence, value);
  else if ((sentence = constraint_message (model->table, column->name, PROBLEM_INVALID_ANY)) != NULL)
    g_set_error_literal (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT, sentence);
  else
    set_general_error (message, error);
}

/* SQLite does not say which foreign key failed: look each one up. */
static void
set_foreign_key_error (ZzStore       *self,
                       const ZzModel *model,
                       gconstpointer  record,
                       const char    *message,
                       GError       **error)
{
  const char *sentence;

  for (guint i = 0; record != NULL && i < model->n_columns; i++)
    {
      const ZzColumn  *column = &model->columns[i];
      const char      *value = text_value (column, record);
      g_autofree char *sql = NULL;
      sqlite3_stmt    *stmt;
      int              rc;

      if (column->references == NULL || value == NULL ||
          !(sentence = constraint_message (column->references, "id", PROBLEM_MISSING)))
        continue;

      sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"id\" = ?1", column->references);
      if (!(stmt = _zz_store_prepare (self, sql, NULL)))
        continue;
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      _zz_store_release (stmt);

      if (rc == SQLITE_DONE)
        {
          g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT, sentence, value);
          return;
        }
    }

  /* Without a record this was a delete that other rows still block. */
  sentence = constraint_message (model->table, NULL,
                                 record != NULL ? PROBLEM_DANGLING : PROBLEM_IN_USE);
  if (sentence != NULL)
    g_set_error_literal (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT, sentence);
  else
    set_general_error (message, error);
}

/* "NOT NULL constraint failed: Session.accessToken" */
static void
set_not_null_error (const ZzModel *model,
                    const char    *message,
                    GError       **error)
{
  const char *dot = strrchr (message, '.');
  const char *sentence = constraint_message (model->table, dot ? dot + 1 : message,
                                             PROBLEM_REQUIRED);

  if (sentence != NULL)
    g_set_error_literal (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_CONSTRAINT, sentence);
  else
    set_general_error (message, error);
}

/**
 * _zz_store_set_error:
 *
 * Returns: %FALSE, for `return _zz_store_set_error (...)`
 */
gboolean
_zz_store_set_error (ZzStore       *self,
                     int            rc,
                     const ZzModel *model,
                     gconstpointer  record,
                     GError       **error)
{
  g_autofree char *message = g_strdup (sqlite3_errmsg (self->db));
  int              extended = (rc >> 8) != 0 ? rc : sqlite3_extended_errcode (self->db);

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
        set_general_error (message, error);
      else if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
        set_unique_error (model, record, message, error);
      else if (extended == SQLITE_CONSTRAINT_CHECK)
        set_check_error (self, model, record, message, error);
      else if (extended == SQLITE_CONSTRAINT_FOREIGNKEY || strstr (message, "FOREIGN KEY") != NULL)
        set_foreign_key_error (self, model, record, message, error);
      else if (extended == SQLITE_CONSTRAINT_NOTNULL)
        set_not_null_error (model, message, error);
      else
        set_general_error (message, error);
      break;

    default:
      g_set_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_FAILED,
                   _("Database error: %s"), message);
      break;
    }

  return FALSE;
}
