/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Plain records, one per model of shared/schema.md.
 *
 * Field names are the schema's in snake_case; the store maps them to the
 * schema's camelCase columns. Conventions:
 *  - String / DateTime: `char *`, %NULL for a NULL column;
 *  - Json: `char *` holding JSON text (validated by the database);
 *  - String[]: a %NULL-terminated `char **` (never %NULL once read);
 *  - Boolean: gboolean; Int: gint64; Float: double;
 *  - an optional Int has a `has_` flag beside it.
 * A record given to an insert call with a %NULL id gets a new cuid, and
 * %NULL timestamps get the current time; the store writes them back into
 * the record.
 */

#include <glib-object.h>
#include "zz-run-status.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *email;
  char *name;
  char *created_at;
  char *updated_at;
} ZzUser;

typedef struct
{
  char   *id;
  char   *full_name;
  char   *avatar_url;
  char   *subscription_tier;      /* default "free" */
  char   *subscription_status;    /* default "active" */
  gint64  monthly_execution_quota; /* default 100 */
  gint64  monthly_execution_count;
  char   *created_at;
  char   *updated_at;
  char   *user_id;
  char   *execution_count_month;   /* added: "2026-11", the month counted */
} ZzProfile;

typedef struct
{
  char *id;
  ZzRunStatus status; /* pending, running, completed, failed, cancelled */
  char *started_at;
  char *finished_at;
  char *error;
  char *input;        /* Json */
  char *output;       /* Json */
  char *created_at;
  char *updated_at;
  char *workflow_id;
  char *user_id;
  char *trigger;          /* added: manual (default), cli, schedule, rerun */
  char *owner_host;       /* added: the process running it, see migration 3 */
  gboolean has_owner_pid;
  gint64 owner_pid;
  char *owner_start_time;
} ZzExecution;

typedef struct
{
  char *id;
  char *node_id;
  ZzRunStatus status; /* pending, running, completed, failed, skipped */
  char *started_at;
  char *completed_at;
  char *output;       /* Json */
  char *error;
  char *created_at;
  char *updated_at;
  char *execution_id;
  char *input;        /* added, Json: the node's input as it ran */
  char *config;       /* added, Json: its config, templates resolved */
  gint64 attempts;    /* added: 1 + the retries used */
} ZzNodeExecution;

typedef struct
{
  char     *id;
  char     *name;
  char     *description;
  char     *category;
  char     *block_type;
  char     *configuration;   /* Json */
  char     *execution_code;
  gboolean  is_public;       /* default TRUE */
  double    rating;
  gint64    usage_count;
  char    **tags;
  char     *created_at;
  char     *updated_at;
} ZzBlockLibraryEntry;

typedef struct
{
  char     *id;
  char     *name;
  char     *description;
  char     *code;
  char     *category;
  gboolean  is_public;
  char    **tags;
  char     *created_at;
  char     *updated_at;
  char     *user_id;
} ZzCustomBlock;

typedef struct
{
  char *id;
  char *expires_at;
  char *token;
  char *access_token;
  char *refresh_token;
  char *created_at;
  char *updated_at;
  char *user_id;
} ZzSession;

typedef struct
{
  char     *id;
  char     *title;
  char     *message;
  char     *type;
  gboolean  read;
  char     *data;           /* Json */
  char     *created_at;
  char     *user_id;
} ZzNotification;

typedef struct
{
  char *id;
  char *name;
  char *description;
  char *created_at;
  char *updated_at;
} ZzTeam;

typedef struct
{
  char *id;
  char *role;         /* owner, admin, member (default) */
  char *joined_at;
  char *user_id;
  char *team_id;
} ZzTeamMember;

typedef struct
{
  char     *id;
  char     *name;
  double    price_monthly;
  double    price_yearly;
  gint64    execution_limit;
  gint64    workflow_limit;
  char    **features;
  gboolean  is_active;      /* default TRUE */
  char     *created_at;
  char     *updated_at;
} ZzPricingTier;

typedef struct
{
  char *id;
  char *status;       /* active, cancelled, past_due */
  char *current_period_start;
  char *current_period_end;
  char *cancel_at;
  char *created_at;
  char *updated_at;
  char *user_id;
  char *tier_id;
} ZzSubscription;

typedef struct
{
  char     *id;
  char     *hash;
  char     *network;
  char     *from_address;
  char     *to_address;
  char     *value;
  char     *gas_used;
  char     *gas_price;
  char     *status;         /* pending, confirmed, failed */
  gboolean  has_block_number;
  gint64    block_number;
  gint64    confirmations;
  char     *created_at;
  char     *updated_at;
} ZzBlockchainTransaction;

#define ZZ_DECLARE_RECORD(TypeName, type_name)                              \
  GType     type_name##_get_type (void) G_GNUC_CONST;                     \
  TypeName *type_name##_new      (void);                                  \
  TypeName *type_name##_copy     (const TypeName *self);                  \
  void      type_name##_free     (TypeName *self);                        \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypeName, type_name##_free)

ZZ_DECLARE_RECORD (ZzUser, zz_user)
ZZ_DECLARE_RECORD (ZzProfile, zz_profile)
ZZ_DECLARE_RECORD (ZzExecution, zz_execution)
ZZ_DECLARE_RECORD (ZzNodeExecution, zz_node_execution)
ZZ_DECLARE_RECORD (ZzBlockLibraryEntry, zz_block_library_entry)
ZZ_DECLARE_RECORD (ZzCustomBlock, zz_custom_block)
ZZ_DECLARE_RECORD (ZzSession, zz_session)
ZZ_DECLARE_RECORD (ZzNotification, zz_notification)
ZZ_DECLARE_RECORD (ZzTeam, zz_team)
ZZ_DECLARE_RECORD (ZzTeamMember, zz_team_member)
ZZ_DECLARE_RECORD (ZzPricingTier, zz_pricing_tier)
ZZ_DECLARE_RECORD (ZzSubscription, zz_subscription)
ZZ_DECLARE_RECORD (ZzBlockchainTransaction, zz_blockchain_transaction)

#define ZZ_TYPE_USER                   (zz_user_get_type ())
#define ZZ_TYPE_PROFILE                (zz_profile_get_type ())
#define ZZ_TYPE_EXECUTION              (zz_execution_get_type ())
#define ZZ_TYPE_NODE_EXECUTION         (zz_node_execution_get_type ())
#define ZZ_TYPE_BLOCK_LIBRARY_ENTRY    (zz_block_library_entry_get_type ())
#define ZZ_TYPE_CUSTOM_BLOCK           (zz_custom_block_get_type ())
#define ZZ_TYPE_SESSION                (zz_session_get_type ())
#define ZZ_TYPE_NOTIFICATION           (zz_notification_get_type ())
#define ZZ_TYPE_TEAM                   (zz_team_get_type ())
#define ZZ_TYPE_TEAM_MEMBER            (zz_team_member_get_type ())
#define ZZ_TYPE_PRICING_TIER           (zz_pricing_tier_get_type ())
#define ZZ_TYPE_SUBSCRIPTION           (zz_subscription_get_type ())
#define ZZ_TYPE_BLOCKCHAIN_TRANSACTION (zz_blockchain_transaction_get_type ())

G_END_DECLS
