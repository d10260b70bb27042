/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-starters.c: every starter workflow opens clean and runs headless */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "zz-block-registry.h"
#include "zz-executor.h"
#include "zz-json.h"
#include "zz-starters.h"
#include "zz-store.h"
#include "zz-test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  ZzStore    *store;
  SoupServer *server;
  char       *url;
  GPtrArray  *bodies; /* what the server received */
  guint       status; /* what it answers */
} Fixture;

#define RESPONSE "{\"name\": \"gtk\", \"stars\": 42}"

static void
server_handler (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Fixture         *fixture = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

  g_ptr_array_add (fixture->bodies, g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
  soup_server_message_set_status (message, fixture->status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    RESPONSE, strlen (RESPONSE));
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  fixture->dir = zz_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = zz_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->bodies = g_ptr_array_new_with_free_func (g_free);
  fixture->status = 200;
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_handler, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->url = g_uri_to_string (uris->data);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->store);
  zz_test_remove_dir (fixture->dir);
  g_ptr_array_unref (fixture->bodies);
  g_free (fixture->url);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Runs starter @id with @input; returns the execution and its rows. */
static ZzExecution *
run_starter (Fixture    *fixture,
             const char *id,
             const char *input,
             GPtrArray **rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow = zz_starter_create (id, &error);
  g_autoptr(ZzExecutor) executor = NULL;
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(ZzExecution) stored = NULL;

  g_assert_no_error (error);
  zz_store_insert_workflow (fixture->store, workflow, &error);
  g_assert_no_error (error);

  executor = zz_executor_new (fixture->path, workflow);
  if (input != NULL)
    {
      g_autoptr(JsonNode) node = zz_json_parse (input, -1, &error);
      g_assert_no_error (error);
      zz_executor_set_input (executor, node);
    }

  execution = zz_executor_run_sync (executor, NULL, &error);
  g_assert_no_error (error);

  stored = zz_store_get_execution_with_nodes (fixture->store, execution->id, NULL, rows, &error);
  g_assert_no_error (error);

  /* However the run ended, every row of it ended too. */
  g_assert_true (zz_run_status_is_finished (stored->status));
  for (guint i = 0; i < (*rows)->len; i++)
    {
      ZzNodeExecution *row = g_ptr_array_index (*rows, i);

      if (row->status == ZZ_RUN_STATUS_PENDING || row->status == ZZ_RUN_STATUS_RUNNING)
        g_error ("Node %s of a finished execution is still %s", row->node_id, zz_run_status_to_string (row->status));
    }

  return g_steal_pointer (&execution);
}

static const char *
status_of (GPtrArray  *rows,
           const char *node_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      ZzNodeExecution *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->node_id, node_id))
        return zz_run_status_to_string (row->status);
    }

  return NULL;
}

static void
test_every_starter_is_valid (Fixture      *fixture,
                             gconstpointer data)
{
  guint            n = 0;
  const ZzStarter *starters = zz_starters_get_all (&n);

  g_assert_cmpuint (n, >=, 5);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZzWorkflow) workflow = zz_starter_create (starters[i].id, &error);
      g_autoptr(GPtrArray) problems = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (zz_workflow_get_name (workflow), ==, starters[i].title);
      g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), >=, 2);

      /* Every block is one this app runs, with its config complete. */
      problems = zz_workflow_validate (workflow, zz_block_registry_check, zz_block_registry_get_default ());
      for (guint p = 0; p < problems->len; p++)
        g_error ("%s: %s", starters[i].id, ((ZzProblem *) g_ptr_array_index (problems, p))->message);
    }
}

static void
test_unknown_starter_is_named (Fixture      *fixture,
                               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow = zz_starter_create ("nonsense", &error);

  g_assert_null (workflow);
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nonsense"));
  g_assert_nonnull (strstr (error->message, "price-alert"));
}

static void
test_price_alert_alerts_out_of_range (Fixture      *fixture,
                                      gconstpointer data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) calm_rows = NULL;
  g_autoptr(ZzExecution) alert = run_starter (fixture, "price-alert", NULL, &rows);
  g_autoptr(ZzExecution) calm = run_starter (fixture, "price-alert", "{\"price\": 50000}", &calm_rows);
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (zz_run_status_to_string (alert->status), ==, "completed");
  g_assert_cmpstr (status_of (rows, "alert"), ==, "completed");
  g_assert_cmpstr (status_of (rows, "calm"), ==, "skipped");
  g_assert_cmpstr (zz_run_status_to_string (calm->status), ==, "completed");
  g_assert_cmpstr (status_of (calm_rows, "alert"), ==, "skipped");
  g_assert_cmpstr (status_of (calm_rows, "calm"), ==, "completed");

  notifications = zz_store_list_notifications (fixture->store, zz_store_get_current_user_id (fixture->store),
                                               FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notifications->len, ==, 1);
  g_assert_cmpstr (((ZzNotification *) g_ptr_array_index (notifications, 0))->message, ==, "The price is now 72500");
}

static void
test_fetch_api_calls_the_given_address (Fixture      *fixture,
                                        gconstpointer data)
{
  g_autofree char *input = g_strdup_printf ("{\"url\": \"%srepos/gtk\"}", fixture->url);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZzExecution) execution = run_starter (fixture, "fetch-api", input, &rows);

  g_assert_cmpstr (execution->error, ==, NULL);
  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  g_assert_cmpuint (fixture->bodies->len, ==, 1);
  g_assert_cmpstr (status_of (rows, "tell"), ==, "completed");
  g_assert_nonnull (strstr (execution->output, "HTTP 200 from"));
}

static void
test_order_total_adds_tax_and_flags (Fixture      *fixture,
                                     gconstpointer data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZzExecution) execution = run_starter (fixture, "order-total", NULL, &rows);
  g_autoptr(GPtrArray) small_rows = NULL;
  g_autoptr(ZzExecution) small = run_starter (fixture, "order-total",
                                               "{\"items\": [{\"name\": \"Pen\", \"price\": 2}]}", &small_rows);

  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  g_assert_cmpstr (status_of (rows, "flag"), ==, "completed");
  g_assert_nonnull (strstr (execution->output, "An order of 167.27 came in"));
  g_assert_cmpstr (zz_run_status_to_string (small->status), ==, "completed");
  g_assert_cmpstr (status_of (small_rows, "flag"), ==, "skipped");
}

static void
test_daily_reminder_runs_by_hand (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZzExecution) execution = run_starter (fixture, "daily-reminder", NULL, &rows);

  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  g_assert_cmpstr (status_of (rows, "remind"), ==, "completed");
}

static void
test_wait_and_notify_waits (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr(GPtrArray) rows = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ZzExecution) execution = run_starter (fixture, "wait-and-notify", "{\"note\": \"Tea\"}", &rows);

  g_assert_cmpstr (zz_run_status_to_string (execution->status), ==, "completed");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 3 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (execution->output, "\"message\":\"Tea\""));
}

static void
test_webhook_relay_posts_and_warns_on_failure (Fixture      *fixture,
                                               gconstpointer data)
{
  g_autofree char *input = g_strdup_printf ("{\"url\": \"%shook\", \"text\": \"Deployed\"}", fixture->url);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) failed_rows = NULL;
  g_autoptr(ZzExecution) posted = run_starter (fixture, "webhook-relay", input, &rows);
  g_autoptr(ZzExecution) failed = NULL;

  g_assert_cmpstr (zz_run_status_to_string (posted->status), ==, "completed");
  g_assert_cmpuint (fixture->bodies->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->bodies, 0), ==, "{\"text\":\"Deployed\"}");
  g_assert_cmpstr (status_of (rows, "warn"), ==, "skipped");

  fixture->status = 500;
  failed = run_starter (fixture, "webhook-relay", input, &failed_rows);
  g_assert_cmpstr (zz_run_status_to_string (failed->status), ==, "completed");
  g_assert_cmpstr (status_of (failed_rows, "post"), ==, "failed");
  g_assert_cmpstr (status_of (failed_rows, "warn"), ==, "completed");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/starters/every-starter-opens-without-problems", test_every_starter_is_valid);
  ADD ("/starters/an-unknown-starter-is-named", test_unknown_starter_is_named);
  ADD ("/starters/price-alert/alerts-only-out-of-range", test_price_alert_alerts_out_of_range);
  ADD ("/starters/fetch-api/calls-the-given-address", test_fetch_api_calls_the_given_address);
  ADD ("/starters/order-total/adds-tax-and-flags-large-orders", test_order_total_adds_tax_and_flags);
  ADD ("/starters/daily-reminder/runs-by-hand", test_daily_reminder_runs_by_hand);
  ADD ("/starters/wait-and-notify/waits-then-notifies", test_wait_and_notify_waits);
  ADD ("/starters/webhook-relay/posts-and-warns-when-it-fails", test_webhook_relay_posts_and_warns_on_failure);
#undef ADD

  return g_test_run ();
}
