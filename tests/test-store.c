/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: what users rely on from the store: constraints and their
 * messages, cascades, the common queries, versions and crash safety.
 */
#include "config.h"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "zz-id.h"
#include "zz-json.h"
#include "zz-process.h"
#include "zz-store-private.h"
#include "zz-test-util.h"
#include "zz-time.h"
#include "zz-workflow-private.h"

typedef struct
{
  char    *dir;
  char    *path;
  ZzStore *store;
} Fixture;

static char *self_exe;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  GError *error = NULL;

  fixture->dir = zz_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "zzyra.db", NULL);
  fixture->store = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->store);
  zz_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Helpers ---------------------------------------------------------------- */

static ZzUser *
add_user (ZzStore    *store,
          const char *email)
{
  ZzUser *user = zz_user_new ();
  GError *error = NULL;

  user->email = g_strdup (email);
  user->name = g_strdup ("Ada");
  zz_store_insert_user (store, user, &error);
  g_assert_no_error (error);

  return user;
}

static ZzWorkflow *
add_workflow (ZzStore    *store,
              const char *user_id,
              const char *name)
{
  ZzWorkflow *workflow = zz_workflow_new (name);
  GError     *error = NULL;

  zz_workflow_set_user_id (workflow, user_id);
  zz_store_insert_workflow (store, workflow, &error);
  g_assert_no_error (error);

  return workflow;
}

static ZzExecution *
add_execution (ZzStore    *store,
               const char *workflow_id,
               const char *user_id,
               const char *status,
               const char *created_at)
{
  ZzExecution *execution = zz_execution_new ();
  GError      *error = NULL;

  execution->workflow_id = g_strdup (workflow_id);
  execution->user_id = g_strdup (user_id);
  zz_run_status_from_string (status, &execution->status);
  execution->created_at = g_strdup (created_at);
  zz_store_insert_execution (store, execution, &error);
  g_assert_no_error (error);

  return execution;
}

static ZzNodeExecution *
new_node_execution (const char *execution_id,
                    const char *node_id,
                    const char *status,
                    const char *started_at)
{
  ZzNodeExecution *node = zz_node_execution_new ();

  node->execution_id = g_strdup (execution_id);
  node->node_id = g_strdup (node_id);
  zz_run_status_from_string (status, &node->status);
  node->started_at = g_strdup (started_at);

  return node;
}

/* The store's clock (milliseconds) has moved past @data, a timestamp it
 * wrote, so that the next write gets a later one. */
static gboolean
clock_is_past (gpointer data)
{
  g_autofree char *now = zz_time_now_iso8601 ();

  return g_strcmp0 (now, data) > 0;
}

#define assert_store_error(error, code, text)         \
  G_STMT_START                                        \
  {                                                   \
    g_assert_error ((error), ZZ_STORE_ERROR, (code)); \
    g_assert_cmpstr ((error)->message, ==, (text));   \
    g_clear_error (&(error));                         \
  }                                                   \
  G_STMT_END

/* The local user ---------------------------------------------------------- */

static void
test_local_user_is_created_once (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr(ZzStore) again = NULL;
  g_autoptr(ZzUser) user = NULL;
  g_autoptr(ZzProfile) profile = NULL;
  const char *id = zz_store_get_current_user_id (fixture->store);
  GError     *error = NULL;

  g_assert_true (zz_id_is_valid (id));
  user = zz_store_get_user_with_profile (fixture->store, id, &profile, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->email, ==, "local@localhost");
  g_assert_cmpstr (user->name, ==, g_get_real_name ());
  g_assert_nonnull (profile);
  g_assert_cmpstr (profile->user_id, ==, id);
  g_assert_cmpint (profile->monthly_execution_quota, ==, -1);
  g_assert_cmpstr (profile->subscription_tier, ==, "free");

  again = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_store_get_current_user_id (again), ==, id);
}

/* Records ----------------------------------------------------------------- */

static void
test_insert_fills_id_and_timestamps (Fixture      *fixture,
                                     gconstpointer data)
{
  g_autoptr(ZzUser) user = add_user (fixture->store, "ada@example.com");
  g_autoptr(ZzUser) read = NULL;
  g_autoptr(ZzUser) copy = NULL;
  GError *error = NULL;

  g_assert_true (zz_id_is_valid (user->id));
  g_assert_nonnull (user->created_at);
  g_assert_cmpstr (user->created_at, ==, user->updated_at);
  g_assert_cmpuint (strlen (user->created_at), ==, strlen ("2026-11-24T14:03:07.123Z"));

  read = zz_store_get_user (fixture->store, user->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->email, ==, "ada@example.com");
  g_assert_cmpstr (read->created_at, ==, user->created_at);

  copy = zz_user_copy (read);
  g_assert_cmpstr (copy->email, ==, read->email);
  g_assert_true (copy->email != read->email);
}

static void
test_update_changes_updated_at (Fixture      *fixture,
                                gconstpointer data)
{
  g_autoptr(ZzUser) user = add_user (fixture->store, "ada@example.com");
  g_autoptr(ZzUser) read = NULL;
  g_autofree char *created_at = g_strdup (user->created_at);
  g_autofree char *updated_at = g_strdup (user->updated_at);
  GError          *error = NULL;

  g_assert_true (zz_test_wait_until (clock_is_past, updated_at, 1000));
  g_free (user->name);
  user->name = g_strdup ("Ada Lovelace");
  zz_store_update_user (fixture->store, user, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->updated_at, >, updated_at);

  read = zz_store_get_user (fixture->store, user->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Ada Lovelace");
  g_assert_cmpstr (read->updated_at, ==, user->updated_at);
  g_assert_cmpstr (read->created_at, ==, created_at);
}

static void
test_unknown_ids_are_not_found (Fixture      *fixture,
                                gconstpointer data)
{
  g_autoptr(ZzUser) user = zz_user_new ();
  GError *error = NULL;

  g_assert_null (zz_store_get_workflow (fixture->store, "nope", &error));
  assert_store_error (error, ZZ_STORE_ERROR_NOT_FOUND, "No workflow with the id “nope”");

  g_assert_null (zz_store_get_execution (fixture->store, "nope", &error));
  assert_store_error (error, ZZ_STORE_ERROR_NOT_FOUND, "No workflow execution with the id “nope”");

  g_assert_false (zz_store_delete_workflow (fixture->store, "nope", &error));
  assert_store_error (error, ZZ_STORE_ERROR_NOT_FOUND, "No workflow with the id “nope”");

  g_assert_false (zz_store_delete_team (fixture->store, "nope", &error));
  assert_store_error (error, ZZ_STORE_ERROR_NOT_FOUND, "No team with the id “nope”");

  user->id = g_strdup ("nope");
  user->email = g_strdup ("x@example.com");
  g_assert_false (zz_store_update_user (fixture->store, user, &error));
  assert_store_error (error, ZZ_STORE_ERROR_NOT_FOUND, "No user with the id “nope”");

  g_assert_null (zz_store_get_user_by_email (fixture->store, "who@example.com", &error));
  assert_store_error (error, ZZ_STORE_ERROR_NOT_FOUND, "No user with the email “who@example.com”");
}

/* Constraints ------------------------------------------------------------- */

static void
test_user_email_is_unique (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(ZzUser) first = add_user (fixture->store, "ada@example.com");
  g_autoptr(ZzUser) second = zz_user_new ();
  GError *error = NULL;

  second->email = g_strdup ("ada@example.com");
  g_assert_false (zz_store_insert_user (fixture->store, second, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT,
                      "A user with the email “ada@example.com” already exists");
}

static ZzSession *
new_session (const char *user_id,
             const char *token,
             const char *access_token,
             const char *refresh_token)
{
  ZzSession *session = zz_session_new ();

  session->user_id = g_strdup (user_id);
  session->expires_at = g_strdup ("2030-01-01T00:00:00.000Z");
  session->token = g_strdup (token);
  session->access_token = g_strdup (access_token);
  session->refresh_token = g_strdup (refresh_token);

  return session;
}

static void
test_session_tokens_are_unique (Fixture      *fixture,
                                gconstpointer data)
{
  const char *user_id = zz_store_get_current_user_id (fixture->store);
  g_autoptr(ZzSession) first = new_session (user_id, "t1", "a1", "r1");
  g_autoptr(ZzSession) same_token = new_session (user_id, "t1", "a2", "r2");
  g_autoptr(ZzSession) same_access = new_session (user_id, "t3", "a1", "r3");
  g_autoptr(ZzSession) same_refresh = new_session (user_id, "t4", "a4", "r1");
  g_autoptr(ZzSession) found = NULL;
  GError *error = NULL;

  zz_store_insert_session (fixture->store, first, &error);
  g_assert_no_error (error);

  g_assert_false (zz_store_insert_session (fixture->store, same_token, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "A session with the token “t1” already exists");
  g_assert_false (zz_store_insert_session (fixture->store, same_access, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "A session with the access token “a1” already exists");
  g_assert_false (zz_store_insert_session (fixture->store, same_refresh, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "A session with the refresh token “r1” already exists");

  found = zz_store_get_session_by_token (fixture->store, "t1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, first->id);
}

static void
test_user_joins_a_team_once (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr(ZzTeam) team = zz_team_new ();
  g_autoptr(ZzTeamMember) member = zz_team_member_new ();
  g_autoptr(ZzTeamMember) again = zz_team_member_new ();
  GError *error = NULL;

  team->name = g_strdup ("Ops");
  zz_store_insert_team (fixture->store, team, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (member->role, ==, "member");
  member->user_id = g_strdup (zz_store_get_current_user_id (fixture->store));
  member->team_id = g_strdup (team->id);
  zz_store_insert_team_member (fixture->store, member, &error);
  g_assert_no_error (error);
  g_assert_nonnull (member->joined_at);

  again->user_id = g_strdup (member->user_id);
  again->team_id = g_strdup (team->id);
  g_free (again->role);
  again->role = g_strdup ("admin");
  g_assert_false (zz_store_insert_team_member (fixture->store, again, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "This user is already a member of this team");
}

static void
test_status_values_are_checked (Fixture      *fixture,
                                gconstpointer data)
{
  const char *user_id = zz_store_get_current_user_id (fixture->store);
  g_autoptr(ZzWorkflow) workflow = add_workflow (fixture->store, user_id, "Flow");
  g_autoptr(ZzExecution) execution = zz_execution_new ();
  g_autoptr(ZzExecution) good = NULL;
  g_autoptr(ZzNodeExecution) node = NULL;
  g_autoptr(ZzBlockchainTransaction) transaction = zz_blockchain_transaction_new ();
  g_autoptr(ZzPricingTier) tier = zz_pricing_tier_new ();
  g_autoptr(ZzSubscription) subscription = zz_subscription_new ();
  g_autoptr(ZzTeam) team = zz_team_new ();
  g_autoptr(ZzTeamMember) member = zz_team_member_new ();
  GError *error = NULL;

  execution->workflow_id = g_strdup (zz_workflow_get_id (workflow));
  execution->user_id = g_strdup (user_id);
  execution->status = ZZ_RUN_STATUS_SKIPPED; /* a node's status, not a run's */
  g_assert_false (zz_store_insert_execution (fixture->store, execution, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT,
                      "“skipped” is not a valid status of a workflow execution");

  good = add_execution (fixture->store, zz_workflow_get_id (workflow), user_id, "running", NULL);
  node = new_node_execution (good->id, "n1", "cancelled", NULL);
  g_assert_false (zz_store_insert_node_execution (fixture->store, node, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT,
                      "“cancelled” is not a valid status of a node execution");

  transaction->hash = g_strdup ("0xabc");
  transaction->network = g_strdup ("ethereum");
  transaction->from_address = g_strdup ("0x1");
  transaction->to_address = g_strdup ("0x2");
  transaction->value = g_strdup ("1");
  transaction->status = g_strdup ("lost");
  g_assert_false (zz_store_insert_blockchain_transaction (fixture->store, transaction, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT,
                      "“lost” is not a valid status of a blockchain transaction");

  tier->name = g_strdup ("Pro");
  zz_store_insert_pricing_tier (fixture->store, tier, &error);
  g_assert_no_error (error);
  subscription->user_id = g_strdup (user_id);
  subscription->tier_id = g_strdup (tier->id);
  subscription->status = g_strdup ("paused");
  subscription->current_period_start = g_strdup ("2026-01-01T00:00:00.000Z");
  subscription->current_period_end = g_strdup ("2026-02-01T00:00:00.000Z");
  g_assert_false (zz_store_insert_subscription (fixture->store, subscription, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT,
                      "“paused” is not a valid status of a subscription");

  team->name = g_strdup ("Ops");
  zz_store_insert_team (fixture->store, team, &error);
  g_assert_no_error (error);
  member->user_id = g_strdup (user_id);
  member->team_id = g_strdup (team->id);
  g_free (member->role);
  member->role = g_strdup ("boss");
  g_assert_false (zz_store_insert_team_member (fixture->store, member, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "“boss” is not a valid role of a team member");
}

static void
test_json_columns_must_be_valid (Fixture      *fixture,
                                 gconstpointer data)
{
  const char *user_id = zz_store_get_current_user_id (fixture->store);
  g_autoptr(ZzWorkflow) workflow = add_workflow (fixture->store, user_id, "Flow");
  g_autoptr(ZzExecution) execution = zz_execution_new ();
  g_autoptr(ZzNotification) notification = zz_notification_new ();
  g_autoptr(ZzBlockLibraryEntry) entry = zz_block_library_entry_new ();
  GError *error = NULL;

  execution->workflow_id = g_strdup (zz_workflow_get_id (workflow));
  execution->user_id = g_strdup (user_id);
  execution->status = ZZ_RUN_STATUS_COMPLETED;
  execution->output = g_strdup ("{\"answer\": 42");
  g_assert_false (zz_store_insert_execution (fixture->store, execution, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "The output of a workflow execution is not valid JSON");

  notification->user_id = g_strdup (user_id);
  notification->title = g_strdup ("Done");
  notification->message = g_strdup ("Flow finished");
  notification->type = g_strdup ("info");
  notification->data = g_strdup ("not json");
  g_assert_false (zz_store_insert_notification (fixture->store, notification, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "The data of a notification is not valid JSON");

  entry->name = g_strdup ("Fetch");
  entry->category = g_strdup ("action");
  entry->block_type = g_strdup ("HTTP_REQUEST");
  entry->configuration = g_strdup ("[1, 2");
  g_assert_false (zz_store_insert_block_library_entry (fixture->store, entry, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "The configuration of a library block is not valid JSON");
}

/* @depth arrays, one in the other, around 1 */
static JsonNode *
nested_arrays (guint depth)
{
  JsonNode *node = json_node_init_int (json_node_alloc (), 1);

  for (guint i = 0; i < depth; i++)
    {
      JsonArray *array = json_array_new ();

      json_array_add_element (array, node);
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
    }

  return node;
}

static char *
nested_arrays_text (guint depth)
{
  g_autoptr(JsonNode) node = nested_arrays (depth);

  return zz_json_to_string (node, FALSE);
}

/* SQLite's json_valid() refuses JSON nested deeper than its own limit:
 * 2000 levels before SQLite 3.45 (Debian 12 has 3.40), 1000 since. */
static guint
sqlite_json_depth_limit (void)
{
  return sqlite3_libversion_number () >= 3045000 ? 1000 : 2000;
}

static void
test_json_nested_past_sqlite_limit_names_it (Fixture      *fixture,
                                             gconstpointer data)
{
  const char *user_id = zz_store_get_current_user_id (fixture->store);
  guint       limit = sqlite_json_depth_limit ();
  g_autoptr(ZzWorkflow) stored = add_workflow (fixture->store, user_id, "Stored");
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Deep");
  g_autoptr(ZzExecution) execution = zz_execution_new ();
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autofree char *extra_message = g_strdup_printf ("The extra fields of a workflow are nested deeper than the %u levels the store keeps", limit);
  g_autofree char *input_message = g_strdup_printf ("The input of a workflow execution is nested deeper than the %u levels the store keeps", limit);
  GError          *error = NULL;

  /* Valid JSON, which the store used to call not valid, or not an object. */
  json_object_set_member (extra, "metadata", nested_arrays (limit + 1));
  _zz_workflow_set_extra (workflow, extra);
  g_assert_false (zz_store_insert_workflow (fixture->store, workflow, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, extra_message);

  _zz_workflow_set_extra (stored, extra);
  g_assert_false (zz_store_save_workflow (fixture->store, stored, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, extra_message);

  execution->workflow_id = g_strdup (zz_workflow_get_id (stored));
  execution->user_id = g_strdup (user_id);
  execution->status = ZZ_RUN_STATUS_COMPLETED;
  execution->input = nested_arrays_text (limit + 1);
  g_assert_false (zz_store_insert_execution (fixture->store, execution, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, input_message);

  /* The number named is the limit: one level less is kept. */
  g_free (execution->input);
  execution->input = nested_arrays_text (limit - 1);
  zz_store_insert_execution (fixture->store, execution, &error);
  g_assert_no_error (error);
}

static void
test_foreign_key_names_the_missing_row (Fixture      *fixture,
                                        gconstpointer data)
{
  g_autoptr(ZzProfile) profile = zz_profile_new ();
  GError *error = NULL;

  profile->user_id = g_strdup ("ghost");
  g_assert_false (zz_store_insert_profile (fixture->store, profile, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "No user with the id “ghost”");
}

/* Cascades ---------------------------------------------------------------- */

static void
test_deleting_user_removes_what_it_owns (Fixture      *fixture,
                                         gconstpointer data)
{
  g_autoptr(ZzUser) user = add_user (fixture->store, "ada@example.com");
  g_autoptr(ZzProfile) profile = zz_profile_new ();
  g_autoptr(ZzWorkflow) workflow = add_workflow (fixture->store, user->id, "Flow");
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(ZzNodeExecution) node = NULL;
  g_autoptr(ZzCustomBlock) block = zz_custom_block_new ();
  g_autoptr(ZzNotification) notification = zz_notification_new ();
  g_autoptr(ZzTeam) team = zz_team_new ();
  g_autoptr(ZzTeamMember) member = zz_team_member_new ();
  g_autoptr(ZzSession) session = new_session (user->id, "t", "a", "r");
  g_autoptr(ZzTeam) team_after = NULL;
  GError *error = NULL;

  profile->user_id = g_strdup (user->id);
  zz_store_insert_profile (fixture->store, profile, &error);
  g_assert_no_error (error);
  execution = add_execution (fixture->store, zz_workflow_get_id (workflow), user->id, "completed", NULL);
  node = new_node_execution (execution->id, "n1", "completed", NULL);
  zz_store_insert_node_execution (fixture->store, node, &error);
  g_assert_no_error (error);
  block->user_id = g_strdup (user->id);
  block->name = g_strdup ("Mine");
  block->code = g_strdup ("return 1;");
  block->category = g_strdup ("custom");
  zz_store_insert_custom_block (fixture->store, block, &error);
  g_assert_no_error (error);
  notification->user_id = g_strdup (user->id);
  notification->title = g_strdup ("Hi");
  notification->message = g_strdup ("Hello");
  notification->type = g_strdup ("info");
  zz_store_insert_notification (fixture->store, notification, &error);
  g_assert_no_error (error);
  team->name = g_strdup ("Ops");
  zz_store_insert_team (fixture->store, team, &error);
  g_assert_no_error (error);
  member->user_id = g_strdup (user->id);
  member->team_id = g_strdup (team->id);
  zz_store_insert_team_member (fixture->store, member, &error);
  g_assert_no_error (error);
  zz_store_insert_session (fixture->store, session, &error);
  g_assert_no_error (error);

  zz_store_delete_user (fixture->store, user->id, &error);
  g_assert_no_error (error);

#define ASSERT_GONE(call)                                             \
  G_STMT_START                                                        \
  {                                                                   \
    gpointer gone = (call);                                           \
    g_assert_null (gone);                                             \
    g_assert_error (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND); \
    g_clear_error (&error);                                           \
  }                                                                   \
  G_STMT_END
  ASSERT_GONE (zz_store_get_profile (fixture->store, profile->id, &error));
  ASSERT_GONE (zz_store_get_workflow (fixture->store, zz_workflow_get_id (workflow), &error));
  ASSERT_GONE (zz_store_get_execution (fixture->store, execution->id, &error));
  ASSERT_GONE (zz_store_get_node_execution (fixture->store, node->id, &error));
  ASSERT_GONE (zz_store_get_custom_block (fixture->store, block->id, &error));
  ASSERT_GONE (zz_store_get_notification (fixture->store, notification->id, &error));
  ASSERT_GONE (zz_store_get_team_member (fixture->store, member->id, &error));
  ASSERT_GONE (zz_store_get_session (fixture->store, session->id, &error));
#undef ASSERT_GONE

  team_after = zz_store_get_team (fixture->store, team->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (team_after->name, ==, "Ops");
}

static void
test_tier_in_use_cannot_be_deleted (Fixture      *fixture,
                                    gconstpointer data)
{
  g_autoptr(ZzPricingTier) tier = zz_pricing_tier_new ();
  g_autoptr(ZzSubscription) subscription = zz_subscription_new ();
  GError *error = NULL;

  tier->name = g_strdup ("Pro");
  zz_store_insert_pricing_tier (fixture->store, tier, &error);
  g_assert_no_error (error);
  subscription->user_id = g_strdup (zz_store_get_current_user_id (fixture->store));
  subscription->tier_id = g_strdup (tier->id);
  subscription->status = g_strdup ("active");
  subscription->current_period_start = g_strdup ("2026-01-01T00:00:00.000Z");
  subscription->current_period_end = g_strdup ("2026-02-01T00:00:00.000Z");
  zz_store_insert_subscription (fixture->store, subscription, &error);
  g_assert_no_error (error);

  g_assert_false (zz_store_delete_pricing_tier (fixture->store, tier->id, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "This pricing tier is still in use and cannot be deleted");
}

/* Workflows --------------------------------------------------------------- */

static void
on_workflows_changed_cb (ZzStore *store,
                         guint   *count)
{
  (*count)++;
}

static void
test_save_increments_version (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Flow");
  g_autoptr(ZzWorkflow) read = NULL;
  g_autofree char *first_update = NULL;
  guint            changed = 0;
  GError          *error = NULL;

  g_signal_connect (fixture->store, "workflows-changed", G_CALLBACK (on_workflows_changed_cb), &changed);

  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zz_workflow_get_version (workflow), ==, 1);
  g_assert_cmpstr (zz_workflow_get_user_id (workflow), ==, zz_store_get_current_user_id (fixture->store));
  g_assert_cmpuint (changed, ==, 1);
  first_update = g_strdup (zz_workflow_get_updated_at (workflow));

  g_assert_true (zz_test_wait_until (clock_is_past, first_update, 1000));
  zz_workflow_set_name (workflow, "Renamed");
  zz_store_save_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zz_workflow_get_version (workflow), ==, 2);
  g_assert_cmpstr (zz_workflow_get_updated_at (workflow), >, first_update);
  g_assert_cmpuint (changed, ==, 2);

  read = zz_store_get_workflow (fixture->store, zz_workflow_get_id (workflow), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_workflow_get_name (read), ==, "Renamed");
  g_assert_cmpint (zz_workflow_get_version (read), ==, 2);
  g_assert_cmpstr (zz_workflow_get_updated_at (read), ==, zz_workflow_get_updated_at (workflow));
  g_assert_cmpstr (zz_workflow_get_created_at (read), ==, zz_workflow_get_created_at (workflow));

  zz_store_delete_workflow (fixture->store, zz_workflow_get_id (workflow), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
}

static const char *sample_nodes =
  "[{\"id\":\"trigger\",\"type\":\"MANUAL_TRIGGER\",\"position\":{\"x\":0,\"y\":0},"
  "\"data\":{\"label\":\"Start\",\"config\":{}}},"
  "{\"id\":\"fetch\",\"type\":\"HTTP_REQUEST\",\"position\":{\"x\":200,\"y\":0},"
  "\"data\":{\"label\":\"Fetch\",\"config\":{\"url\":\"https://example.com\",\"method\":\"GET\"}}}]";
static const char *sample_edges =
  "[{\"id\":\"e1\",\"source\":\"trigger\",\"target\":\"fetch\"}]";

static void
test_workflow_keeps_nodes_edges_and_extra_keys (Fixture      *fixture,
                                                gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Flow");
  g_autoptr(ZzWorkflow) read = NULL;
  g_autofree char *nodes = NULL;
  g_autofree char *edges = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *read_nodes = NULL;
  g_autofree char *read_edges = NULL;
  g_autofree char *read_extra = NULL;
  const char      *tags[] = { "alpha", "Beta", NULL };
  GError          *error = NULL;

  zz_workflow_load_columns (workflow, sample_nodes, sample_edges,
                            "{\"metadata\":{\"author\":\"ada\"}}", &error);
  g_assert_no_error (error);
  zz_workflow_set_tags (workflow, tags);
  zz_workflow_set_description (workflow, "Does things");
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);

  read = zz_store_get_workflow (fixture->store, zz_workflow_get_id (workflow), &error);
  g_assert_no_error (error);
  nodes = zz_workflow_dup_nodes_json (workflow);
  edges = zz_workflow_dup_edges_json (workflow);
  extra = zz_workflow_dup_extra_json (workflow);
  read_nodes = zz_workflow_dup_nodes_json (read);
  read_edges = zz_workflow_dup_edges_json (read);
  read_extra = zz_workflow_dup_extra_json (read);
  g_assert_cmpstr (read_nodes, ==, nodes);
  g_assert_cmpstr (read_edges, ==, edges);
  g_assert_cmpstr (read_extra, ==, extra);
  g_assert_nonnull (strstr (read_extra, "\"author\""));
  g_assert_cmpuint (zz_workflow_get_n_nodes (read), ==, 2);
  g_assert_cmpstr (zz_workflow_get_description (read), ==, "Does things");
  g_assert_cmpstrv (zz_workflow_get_tags (read), tags);
}

/* Common queries ---------------------------------------------------------- */

static void
test_user_with_profile (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr(ZzUser) user = add_user (fixture->store, "ada@example.com");
  g_autoptr(ZzUser) read = NULL;
  g_autoptr(ZzProfile) profile = NULL;
  GError *error = NULL;

  read = zz_store_get_user_with_profile (fixture->store, user->id, &profile, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->email, ==, "ada@example.com");
  g_assert_null (profile);

  g_assert_null (zz_store_get_user_with_profile (fixture->store, "nope", &profile, &error));
  assert_store_error (error, ZZ_STORE_ERROR_NOT_FOUND, "No user with the id “nope”");
}

static void
test_workflows_with_five_latest_executions (Fixture      *fixture,
                                            gconstpointer data)
{
  const char *me = zz_store_get_current_user_id (fixture->store);
  g_autoptr(ZzUser) other = add_user (fixture->store, "other@example.com");
  g_autoptr(ZzWorkflow) older = NULL;
  g_autoptr(ZzWorkflow) newer = NULL;
  g_autoptr(ZzWorkflow) theirs = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ZzWorkflowSummary) first = NULL;
  g_autoptr(ZzWorkflowSummary) second = NULL;
  const char *tags[] = { "Billing", NULL };
  GPtrArray  *recent;
  GError     *error = NULL;

  older = add_workflow (fixture->store, me, "Nightly report");
  zz_workflow_load_columns (older, sample_nodes, sample_edges, NULL, &error);
  g_assert_no_error (error);
  zz_workflow_set_tags (older, tags);
  zz_store_save_workflow (fixture->store, older, &error);
  g_assert_no_error (error);
  g_assert_true (zz_test_wait_until (clock_is_past, (gpointer) zz_workflow_get_updated_at (older), 1000));
  newer = add_workflow (fixture->store, me, "Untried");
  theirs = add_workflow (fixture->store, other->id, "Not mine");

  for (int i = 0; i < 7; i++)
    {
      g_autofree char *created_at = g_strdup_printf ("2026-01-0%dT00:00:00.000Z", i + 1);
      g_autoptr(ZzExecution) execution = NULL;

      execution = add_execution (fixture->store, zz_workflow_get_id (older), me,
                                 i == 6 ? "failed" : "completed", created_at);
    }

  list = zz_store_list_workflows (fixture->store, me, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  g_assert_cmpstr (zz_workflow_summary_get_name (first), ==, "Untried");
  g_assert_cmpuint (zz_workflow_summary_get_recent_executions (first)->len, ==, 0);
  g_assert_cmpint (zz_workflow_summary_get_last_status (first), ==, ZZ_RUN_STATUS_NONE);

  g_assert_cmpstr (zz_workflow_summary_get_name (second), ==, "Nightly report");
  g_assert_cmpuint (zz_workflow_summary_get_node_count (second), ==, 2);
  g_assert_cmpint (zz_workflow_summary_get_version (second), ==, 2);
  g_assert_cmpstrv (zz_workflow_summary_get_tags (second), tags);
  recent = zz_workflow_summary_get_recent_executions (second);
  g_assert_cmpuint (recent->len, ==, 5);
  g_assert_cmpstr (((ZzExecution *) recent->pdata[0])->created_at, ==, "2026-01-07T00:00:00.000Z");
  g_assert_cmpstr (((ZzExecution *) recent->pdata[4])->created_at, ==, "2026-01-03T00:00:00.000Z");
  g_assert_cmpstr (zz_run_status_to_string (zz_workflow_summary_get_last_status (second)), ==, "failed");

  g_assert_true (zz_workflow_summary_matches (second, "NIGHTLY"));
  g_assert_true (zz_workflow_summary_matches (second, "billing"));
  g_assert_false (zz_workflow_summary_matches (second, "weekly"));
  g_assert_true (zz_workflow_summary_matches (second, ""));
}

static void
test_execution_with_node_details (Fixture      *fixture,
                                  gconstpointer data)
{
  const char *me = zz_store_get_current_user_id (fixture->store);
  g_autoptr(ZzWorkflow) workflow = add_workflow (fixture->store, me, "Flow");
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(ZzExecution) read = NULL;
  g_autoptr(ZzWorkflow) read_workflow = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zz_node_execution_free);
  g_autoptr(GPtrArray) nodes = NULL;
  GError *error = NULL;

  execution = add_execution (fixture->store, zz_workflow_get_id (workflow), me, "running", NULL);
  g_ptr_array_add (rows, new_node_execution (execution->id, "c", "running", "2026-01-01T00:00:03.000Z"));
  g_ptr_array_add (rows, new_node_execution (execution->id, "a", "completed", "2026-01-01T00:00:01.000Z"));
  g_ptr_array_add (rows, new_node_execution (execution->id, "b", "failed", "2026-01-01T00:00:02.000Z"));
  zz_store_insert_node_executions (fixture->store, rows, &error);
  g_assert_no_error (error);

  read = zz_store_get_execution_with_nodes (fixture->store, execution->id, &read_workflow, &nodes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_run_status_to_string (read->status), ==, "running");
  g_assert_cmpstr (zz_workflow_get_name (read_workflow), ==, "Flow");
  g_assert_cmpuint (nodes->len, ==, 3);
  g_assert_cmpstr (((ZzNodeExecution *) nodes->pdata[0])->node_id, ==, "a");
  g_assert_cmpstr (((ZzNodeExecution *) nodes->pdata[1])->node_id, ==, "b");
  g_assert_cmpstr (((ZzNodeExecution *) nodes->pdata[2])->node_id, ==, "c");
}

/* Full disks ------------------------------------------------------------- */

#define DISK_FULL "The disk was full: the run stopped at “Busy”"

/* A running execution owned by @identity of this host and pid, with a
 * completed, a running and a pending node. */
static ZzExecution *
insert_running (ZzStore    *store,
                const char *identity)
{
  const char *user_id = zz_store_get_current_user_id (store);
  g_autoptr(ZzWorkflow) workflow = add_workflow (store, user_id, "Copies");
  g_autoptr(ZzExecution) execution = zz_execution_new ();
  const char *node_ids[] = { "done", "busy", "later" };
  ZzRunStatus statuses[] = { ZZ_RUN_STATUS_COMPLETED, ZZ_RUN_STATUS_RUNNING, ZZ_RUN_STATUS_PENDING };
  GError     *error = NULL;

  execution->status = ZZ_RUN_STATUS_RUNNING;
  execution->workflow_id = g_strdup (zz_workflow_get_id (workflow));
  execution->user_id = g_strdup (user_id);
  execution->owner_host = g_strdup (g_get_host_name ());
  execution->has_owner_pid = TRUE;
  execution->owner_pid = getpid ();
  execution->owner_start_time = g_strdup (identity);
  zz_store_insert_execution (store, execution, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (node_ids); i++)
    {
      g_autoptr(ZzNodeExecution) row = zz_node_execution_new ();

      row->node_id = g_strdup (node_ids[i]);
      row->status = statuses[i];
      row->execution_id = g_strdup (execution->id);
      zz_store_insert_node_execution (store, row, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&execution);
}

static char *
node_state (ZzStore    *store,
            const char *execution_id,
            const char *node_id)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZzExecution) execution = NULL;
  GError *error = NULL;

  execution = zz_store_get_execution_with_nodes (store, execution_id, NULL, &rows, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      ZzNodeExecution *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->node_id, node_id))
        return g_strdup_printf ("%s: %s", zz_run_status_to_string (row->status), row->error ? row->error : "");
    }

  g_assert_not_reached ();
}

static char *
execution_state (ZzStore    *store,
                 const char *execution_id)
{
  g_autoptr(ZzExecution) execution = NULL;
  GError *error = NULL;

  execution = zz_store_get_execution (store, execution_id, &error);
  g_assert_no_error (error);

  return g_strdup_printf ("%s: %s", zz_run_status_to_string (execution->status),
                          execution->error ? execution->error : "");
}

/* Whether the notes file holds anything; it must be allocated already. */
static gboolean
notes_are_empty (Fixture *fixture)
{
  g_autofree char *path = g_strconcat (fixture->path, "-notes", NULL);
  g_autofree char *contents = NULL;
  gsize            length = 0;
  GError          *error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 4096);

  for (gsize i = 0; i < length; i++)
    if (contents[i] != 0)
      return FALSE;

  return TRUE;
}

static void
test_full_disk_note_is_the_recorded_cause (Fixture      *fixture,
                                           gconstpointer data)
{
  g_autoptr(ZzExecution) gone = insert_running (fixture->store, "another-boot:1");
  g_autoptr(ZzExecution) ended = insert_running (fixture->store, "another-boot:1");
  g_autoptr(ZzStore) reopened = NULL;
  g_autofree char *execution = NULL;
  g_autofree char *done = NULL;
  g_autofree char *busy = NULL;
  g_autofree char *later = NULL;
  g_autofree char *ended_execution = NULL;
  g_autofree char *ended_busy = NULL;
  GError          *error = NULL;

  /* Its space was taken when the store opened, for when there is none. */
  g_assert_true (notes_are_empty (fixture));

  /* What a run writes when the database cannot take its end. */
  zz_store_note_execution_stop (fixture->store, gone->id, DISK_FULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (notes_are_empty (fixture));

  /* This run's end was written, but not its nodes' before its process
   * died: the note still says why they stopped. */
  zz_store_note_execution_stop (fixture->store, ended->id, DISK_FULL, FALSE, &error);
  g_assert_no_error (error);
  ended->status = ZZ_RUN_STATUS_FAILED;
  ended->error = g_strdup (DISK_FULL);
  zz_store_update_execution (fixture->store, ended, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  /* Its process is gone: the next open says why it stopped, not
   * "interrupted", and clears the note. */
  reopened = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  execution = execution_state (reopened, gone->id);
  done = node_state (reopened, gone->id, "done");
  busy = node_state (reopened, gone->id, "busy");
  later = node_state (reopened, gone->id, "later");
  g_assert_cmpstr (execution, ==, "failed: " DISK_FULL);
  g_assert_cmpstr (done, ==, "completed: ");
  g_assert_cmpstr (busy, ==, "failed: " DISK_FULL);
  g_assert_cmpstr (later, ==, "skipped: Not run: " DISK_FULL);

  ended_execution = execution_state (reopened, ended->id);
  ended_busy = node_state (reopened, ended->id, "busy");
  g_assert_cmpstr (ended_execution, ==, "failed: " DISK_FULL);
  g_assert_cmpstr (ended_busy, ==, "failed: " DISK_FULL);
  g_assert_true (notes_are_empty (fixture));
}

static void
test_full_disk_note_of_a_live_process (Fixture      *fixture,
                                       gconstpointer data)
{
  g_autofree char *identity = zz_process_dup_identity (getpid ());
  g_autoptr(ZzExecution) ended = insert_running (fixture->store, identity);
  g_autoptr(ZzExecution) going = insert_running (fixture->store, identity);
  g_autoptr(ZzStore) reopened = NULL;
  g_autoptr(ZzStore) again = NULL;
  g_autofree char *ended_state = NULL;
  g_autofree char *going_state = NULL;
  g_autofree char *going_busy = NULL;
  GError          *error = NULL;

  /* The app lives on after a run it could not record the end of. */
  zz_store_note_execution_stop (fixture->store, ended->id, DISK_FULL, TRUE, &error);
  g_assert_no_error (error);
  /* This one's process may still write its end itself. */
  zz_store_note_execution_stop (fixture->store, going->id, DISK_FULL, FALSE, &error);
  g_assert_no_error (error);

  reopened = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  ended_state = execution_state (reopened, ended->id);
  going_state = execution_state (reopened, going->id);
  g_assert_cmpstr (ended_state, ==, "failed: " DISK_FULL);
  g_assert_cmpstr (going_state, ==, "running: ");
  g_assert_false (notes_are_empty (fixture));

  /* ...and does, once there is room: the note goes with it. */
  zz_store_fail_execution (fixture->store, going->id, DISK_FULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&going_state, g_free);
  going_state = execution_state (reopened, going->id);
  going_busy = node_state (reopened, going->id, "busy");
  g_assert_cmpstr (going_state, ==, "failed: " DISK_FULL);
  g_assert_cmpstr (going_busy, ==, "failed: " DISK_FULL);
  g_assert_true (notes_are_empty (fixture));
}

static void
test_node_executions_insert_all_or_nothing (Fixture      *fixture,
                                            gconstpointer data)
{
  const char *me = zz_store_get_current_user_id (fixture->store);
  g_autoptr(ZzWorkflow) workflow = add_workflow (fixture->store, me, "Flow");
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(ZzExecution) read = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zz_node_execution_free);
  g_autoptr(GPtrArray) nodes = NULL;
  GError *error = NULL;

  execution = add_execution (fixture->store, zz_workflow_get_id (workflow), me, "running", NULL);
  g_ptr_array_add (rows, new_node_execution (execution->id, "a", "completed", NULL));
  g_ptr_array_add (rows, new_node_execution (execution->id, "b", "cancelled", NULL)); /* a run's status, not a node's */
  g_assert_false (zz_store_insert_node_executions (fixture->store, rows, &error));
  assert_store_error (error, ZZ_STORE_ERROR_CONSTRAINT, "“cancelled” is not a valid status of a node execution");

  read = zz_store_get_execution_with_nodes (fixture->store, execution->id, NULL, &nodes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nodes->len, ==, 0);
}

static void
test_lists_for_screens (Fixture      *fixture,
                        gconstpointer data)
{
  const char *me = zz_store_get_current_user_id (fixture->store);
  g_autoptr(ZzWorkflow) workflow = add_workflow (fixture->store, me, "Flow");
  g_autoptr(ZzExecution) old_run = NULL;
  g_autoptr(ZzExecution) new_run = NULL;
  g_autoptr(GPtrArray) executions = NULL;
  g_autoptr(GPtrArray) unread = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) tiers = NULL;
  GError *error = NULL;

  old_run = add_execution (fixture->store, zz_workflow_get_id (workflow), me, "completed", "2026-01-01T00:00:00.000Z");
  new_run = add_execution (fixture->store, zz_workflow_get_id (workflow), me, "failed", "2026-01-02T00:00:00.000Z");
  executions = zz_store_list_executions (fixture->store, zz_workflow_get_id (workflow), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (executions->len, ==, 2);
  g_assert_cmpstr (((ZzExecution *) executions->pdata[0])->id, ==, new_run->id);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(ZzNotification) notification = zz_notification_new ();

      notification->user_id = g_strdup (me);
      notification->title = g_strdup_printf ("Note %d", i);
      notification->message = g_strdup ("Hello");
      notification->type = g_strdup ("info");
      notification->read = i == 0;
      notification->data = g_strdup ("{\"n\": 1}");
      zz_store_insert_notification (fixture->store, notification, &error);
      g_assert_no_error (error);
    }
  unread = zz_store_list_notifications (fixture->store, me, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unread->len, ==, 2);
  all = zz_store_list_notifications (fixture->store, me, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(ZzPricingTier) tier = zz_pricing_tier_new ();
      const char *features[] = { "sync", "teams", NULL };

      tier->name = g_strdup (i == 0 ? "Pro" : "Free");
      tier->price_monthly = i == 0 ? 20.0 : 0.0;
      g_strfreev (tier->features);
      tier->features = g_strdupv ((char **) features);
      zz_store_insert_pricing_tier (fixture->store, tier, &error);
      g_assert_no_error (error);
    }
  tiers = zz_store_list_pricing_tiers (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiers->len, ==, 2);
  g_assert_cmpstr (((ZzPricingTier *) tiers->pdata[0])->name, ==, "Free");
  g_assert_cmpstr (((ZzPricingTier *) tiers->pdata[1])->features[1], ==, "teams");
  g_assert_true (((ZzPricingTier *) tiers->pdata[1])->is_active);
}

/* Crash safety ------------------------------------------------------------ */

/* Two versions of a big workflow; the writer alternates between them. */
static char *
make_big_nodes (const char *label)
{
  GString *str = g_string_new ("[");

  for (int i = 0; i < 2000; i++)
    g_string_append_printf (str,
                            "%s{\"id\":\"n%d\",\"type\":\"HTTP_REQUEST\",\"position\":{\"x\":%d,\"y\":%d},"
                            "\"data\":{\"label\":\"%s %d\",\"config\":{\"url\":\"https://example.com/%s/%d\","
                            "\"method\":\"GET\"}}}",
                            i > 0 ? "," : "", i, i * 10, i * 3, label, i, label, i);
  g_string_append (str, "]");

  return g_string_free (str, FALSE);
}

static char *
canonical_nodes (const char *nodes)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("x");
  GError *error = NULL;

  zz_workflow_load_columns (workflow, nodes, "[]", NULL, &error);
  g_assert_no_error (error);

  return zz_workflow_dup_nodes_json (workflow);
}

static int
run_writer (const char *path,
            const char *workflow_id)
{
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autofree char *a = make_big_nodes ("A");
  g_autofree char *b = make_big_nodes ("B");
  GError          *error = NULL;

  if (!(store = zz_store_open (path, &error)) ||
      !(workflow = zz_store_get_workflow (store, workflow_id, &error)))
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  for (guint i = 0;; i++)
    {
      if (!zz_workflow_load_columns (workflow, i % 2 ? a : b, "[]", NULL, &error) ||
          !zz_store_save_workflow (store, workflow, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}

static gint64
read_version (const char *path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64        version = 0;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_prepare_v2 (db, "SELECT max (\"version\") FROM \"Workflow\"", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

static gboolean
saved_four_versions (gpointer data)
{
  return read_version (data) >= 4;
}

static void
test_save_killed_mid_write_leaves_one_version (Fixture      *fixture,
                                               gconstpointer data)
{
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autofree char *a = make_big_nodes ("A");
  g_autofree char *canonical_a = canonical_nodes (a);
  g_autofree char *canonical_b = NULL;
  g_autofree char *b = make_big_nodes ("B");
  g_autofree char *check = NULL;
  g_autofree char *nodes = NULL;
  g_autoptr(ZzStore) reopened = NULL;
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char   *argv[5];
  gboolean      saved_enough;
  GPid          pid;
  int           status;
  GError       *error = NULL;

  canonical_b = canonical_nodes (b);
  workflow = zz_workflow_new ("Big");
  zz_workflow_load_columns (workflow, a, "[]", NULL, &error);
  g_assert_no_error (error);
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  argv[0] = self_exe;
  argv[1] = "--writer";
  argv[2] = fixture->path;
  argv[3] = zz_workflow_get_id (workflow);
  argv[4] = NULL;
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* Let it save a few times, then kill it at some point of a save. */
  saved_enough = zz_test_wait_until (saved_four_versions, fixture->path, 5000);
  g_usleep (g_random_int_range (50000, 250000));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
  g_assert_true (saved_enough);
  g_assert_cmpint (read_version (fixture->path), >=, 4);

  reopened = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&reopened);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (check, ==, "ok");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT \"nodes\" FROM \"Workflow\"", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  nodes = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (g_strcmp0 (nodes, canonical_a) == 0 || g_strcmp0 (nodes, canonical_b) == 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The child that test_save_killed_mid_write_leaves_one_version kills. */
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], argv[3]);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/local-user/is-created-once-with-an-unlimited-profile", test_local_user_is_created_once);
  ADD ("/store/record/insert-fills-the-id-and-timestamps", test_insert_fills_id_and_timestamps);
  ADD ("/store/record/update-changes-updated-at", test_update_changes_updated_at);
  ADD ("/store/record/unknown-ids-are-not-found", test_unknown_ids_are_not_found);
  ADD ("/store/constraint/user-email-is-unique", test_user_email_is_unique);
  ADD ("/store/constraint/session-tokens-are-unique", test_session_tokens_are_unique);
  ADD ("/store/constraint/a-user-joins-a-team-once", test_user_joins_a_team_once);
  ADD ("/store/constraint/status-values-are-checked", test_status_values_are_checked);
  ADD ("/store/constraint/json-columns-must-be-valid", test_json_columns_must_be_valid);
  ADD ("/store/constraint/json-nested-past-sqlite-limit-names-the-limit", test_json_nested_past_sqlite_limit_names_it);
  ADD ("/store/constraint/foreign-key-names-the-missing-row", test_foreign_key_names_the_missing_row);
  ADD ("/store/cascade/deleting-a-user-removes-what-it-owns", test_deleting_user_removes_what_it_owns);
  ADD ("/store/cascade/a-tier-in-use-cannot-be-deleted", test_tier_in_use_cannot_be_deleted);
  ADD ("/store/workflow/save-increments-the-version", test_save_increments_version);
  ADD ("/store/workflow/keeps-nodes-edges-and-extra-keys", test_workflow_keeps_nodes_edges_and_extra_keys);
  ADD ("/store/query/user-with-profile", test_user_with_profile);
  ADD ("/store/query/workflows-with-their-five-latest-executions", test_workflows_with_five_latest_executions);
  ADD ("/store/query/execution-with-node-details-in-start-order", test_execution_with_node_details);
  ADD ("/store/query/lists-for-screens", test_lists_for_screens);
  ADD ("/store/node-executions/insert-all-or-nothing", test_node_executions_insert_all_or_nothing);
  ADD ("/store/full-disk/a-note-of-a-gone-process-is-the-recorded-cause", test_full_disk_note_is_the_recorded_cause);
  ADD ("/store/full-disk/a-live-process-note-is-used-once-it-ended-the-run", test_full_disk_note_of_a_live_process);
  ADD ("/store/crash/save-killed-mid-write-leaves-one-whole-version", test_save_killed_mid_write_leaves_one_version);
#undef ADD

  return g_test_run ();
}
