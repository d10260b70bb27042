/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-blocks.c: the built-in blocks, run through the block type API
 *
 * Each test looks its block up in the default registry, fills the schema's
 * defaults as the executor does, and runs it on a main context of its own
 * that the test iterates until the block's callback fires. HTTP goes to a
 * SoupServer on 127.0.0.1 in the same test; nothing leaves the machine.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "zz-block-registry.h"
#include "zz-engine-error.h"
#include "zz-json.h"
#include "zz-store.h"
#include "zz-test-util.h"

/* How long a block may take before the test fails instead of hanging. */
#define RUN_TIMEOUT_SECONDS 10

typedef struct
{
  GMainContext *context;
  char         *tmpdir;
  ZzStore      *store;
  SoupSession  *session;
  SoupServer   *server;
  char         *base_url;
  GCancellable *cancellable;

  /* A raw HTTP peer for what SoupServer cannot send: broken framing. */
  GSocketService *raw_server;
  char           *redirect_target; /* where /to-raw sends the client */

  /* What the server saw of the last request to /echo. */
  char *seen_method;
  char *seen_content_type;
  char *seen_body;
  char *seen_query;
  char *seen_custom_header;
  guint slow_requests;

  /* The scope of CONDITION, and what a block runs with. */
  GHashTable     *outputs;
  JsonNode       *scope_json;
  ZzTemplateScope scope;
  JsonNode       *execution_input;
  ZzBlockContext  block_context;
} Fixture;

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Waiter;

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = zz_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return node;
}

static void
assert_json_equal (JsonNode   *node,
                   const char *expected_text)
{
  g_autoptr(JsonNode) expected = parse (expected_text);

  g_assert_nonnull (node);
  if (!json_node_equal (node, expected))
    {
      g_autofree char *got = zz_json_to_string (node, FALSE);
      g_autofree char *want = zz_json_to_string (expected, FALSE);

      g_assert_cmpstr (got, ==, want);
    }
}

static const char *
string_at (JsonNode   *node,
           const char *path)
{
  JsonNode *value = zz_json_node_get_path (node, path);

  g_assert_nonnull (value);
  g_assert_true (JSON_NODE_HOLDS_VALUE (value));
  g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_STRING);
  return json_node_get_string (value);
}

static gint64
int_at (JsonNode   *node,
        const char *path)
{
  JsonNode *value = zz_json_node_get_path (node, path);

  g_assert_nonnull (value);
  g_assert_true (JSON_NODE_HOLDS_VALUE (value));
  g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_INT64);
  return json_node_get_int (value);
}

static double
number_at (JsonNode   *node,
           const char *path)
{
  JsonNode *value = zz_json_node_get_path (node, path);

  g_assert_nonnull (value);
  g_assert_true (JSON_NODE_HOLDS_VALUE (value));
  g_assert_true (json_node_get_value_type (value) == G_TYPE_INT64 ||
                 json_node_get_value_type (value) == G_TYPE_DOUBLE);
  return json_node_get_double (value);
}

/* The server ------------------------------------------------------------- */

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (content_type != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
json_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-Price-Source", "test");
  respond (msg, SOUP_STATUS_OK, "application/json; charset=utf-8",
           "{\"price\": 65000.5, \"symbol\": \"BTC\", \"items\": [{\"name\": \"first\"}, {\"name\": \"second\"}]}");
}

static void
text_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  respond (msg, SOUP_STATUS_OK, "text/plain; charset=utf-8", "{\"looks\": \"like json\"} but is text");
}

static void
echo_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fixture            *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody    *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  const char *query_text = g_uri_get_query (soup_server_message_get_uri (msg));

  g_free (fixture->seen_method);
  fixture->seen_method = g_strdup (soup_server_message_get_method (msg));
  g_free (fixture->seen_content_type);
  fixture->seen_content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  g_free (fixture->seen_body);
  fixture->seen_body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_free (fixture->seen_query);
  fixture->seen_query = g_strdup (query_text);
  g_free (fixture->seen_custom_header);
  fixture->seen_custom_header = g_strdup (soup_message_headers_get_one (headers, "X-Custom"));

  respond (msg, SOUP_STATUS_OK, "application/json", "{\"received\": true}");
}

static void
missing_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  respond (msg, SOUP_STATUS_NOT_FOUND, "application/json", "{\"error\": \"no such thing\"}");
}

static void
big_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  g_autofree char *body = g_strnfill (4096, 'x');

  respond (msg, SOUP_STATUS_OK, "text/plain", body);
}

static void
redirect_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/json");
}

static void
bad_json_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  respond (msg, SOUP_STATUS_OK, "application/json", "{\"price\": 65000.5,");
}

/* A redirect with a body far larger than its headers, as some servers
 * send: it must not count against the reply it leads to. */
static void
to_raw_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Fixture         *fixture = user_data;
  g_autofree char *body = g_strnfill (100000, 'r');

  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, fixture->redirect_target);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY, body, strlen (body));
}

/* 60,000 levels of arrays: deeper than any reader may recurse. */
static void
deep_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  g_autofree char *body = g_strnfill (60000, '[');

  respond (msg, SOUP_STATUS_OK, "application/json", body);
}

/* Never answers: the request stays paused until the server goes away. */
static void
slow_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fixture *fixture = user_data;

  fixture->slow_requests++;
  soup_server_message_pause (msg);
}

static void
start_server (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GSList          *uris;
  g_autofree char *url = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/json", json_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/text", text_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/echo", echo_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/missing", missing_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/big", big_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/redirect", redirect_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/bad-json", bad_json_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/slow", slow_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/deep", deep_handler, fixture, NULL);
  soup_server_add_handler (fixture->server, "/to-raw", to_raw_handler, fixture, NULL);

  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* "http://127.0.0.1:PORT/" without its slash, so tests append "/path". */
  if (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  fixture->base_url = g_steal_pointer (&url);
}

/* Answers every connection with @user_data as it is, then closes it. It
 * reads the request's head first: closing with the request unread would
 * reset the connection under the reply. Runs in the service's own thread,
 * so that its blocking reads leave the test's main context free for the
 * client. */
static gboolean
on_raw_connection_cb (GThreadedSocketService *service,
                      GSocketConnection      *connection,
                      GObject                *source_object,
                      gpointer                user_data)
{
  const char    *response = user_data;
  GInputStream  *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GString) request = g_string_new (NULL);
  char   buffer[1024];
  gssize n = 1;

  while (strstr (request->str, "\r\n\r\n") == NULL &&
         (n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (request, buffer, n);

  g_output_stream_write_all (out, response, strlen (response), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

static void
free_response (gpointer  data,
               GClosure *closure)
{
  g_free (data);
}

/* The URL of a peer on 127.0.0.1 that sends @response to any request. */
static char *
start_raw_server (Fixture    *fixture,
                  const char *response)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (fixture->raw_server);
  fixture->raw_server = g_threaded_socket_service_new (1);
  g_socket_listener_add_address (G_SOCKET_LISTENER (fixture->raw_server), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  /* The handler owns its copy: a thread still answering holds the
   * service, and so the copy, after the test let go of them. */
  g_signal_connect_data (fixture->raw_server, "run", G_CALLBACK (on_raw_connection_cb), g_strdup (response),
                         free_response, 0);
  g_socket_service_start (fixture->raw_server);

  return g_strdup_printf ("http://127.0.0.1:%u/raw", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

static void
stop_raw_server (Fixture *fixture)
{
  if (fixture->raw_server != NULL)
    {
      g_socket_service_stop (fixture->raw_server);
      g_socket_listener_close (G_SOCKET_LISTENER (fixture->raw_server));
      g_clear_object (&fixture->raw_server);
    }
}

/* Fixture ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  fixture->context = g_main_context_new ();
  g_main_context_push_thread_default (fixture->context);

  fixture->tmpdir = zz_test_make_dir ();
  db_path = g_build_filename (fixture->tmpdir, "zzyra.db", NULL);
  fixture->store = zz_store_open (db_path, &error);
  g_assert_no_error (error);

  /* Loopback only: no proxy from the environment in between. */
  fixture->session = soup_session_new ();
  soup_session_set_proxy_resolver (fixture->session, NULL);
  start_server (fixture);

  fixture->cancellable = g_cancellable_new ();

  fixture->outputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) json_node_unref);
  g_hash_table_insert (fixture->outputs, g_strdup ("fetch"),
                       parse ("{\"status\": 200, \"body\": {\"price\": 72000}}"));
  fixture->scope_json = parse ("{\"price\": 65000.5, \"symbol\": \"BTC\"}");
  fixture->scope.outputs = fixture->outputs;
  fixture->scope.json = fixture->scope_json;
  fixture->scope.data = fixture->scope_json;

  fixture->block_context.store = fixture->store;
  fixture->block_context.session = fixture->session;
  fixture->block_context.scope = &fixture->scope;
  fixture->block_context.user_id = zz_store_get_current_user_id (fixture->store);
  fixture->block_context.workflow_id = "workflow-1";
  fixture->block_context.execution_id = "execution-1";
  fixture->block_context.node_id = "node-1";
  g_assert_nonnull (fixture->block_context.user_id);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  soup_session_abort (fixture->session);
  g_clear_object (&fixture->session);
  stop_raw_server (fixture);

  /* Let what the server and the session left behind finish. */
  while (g_main_context_iteration (fixture->context, FALSE))
    ;

  g_clear_object (&fixture->cancellable);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->outputs, g_hash_table_unref);
  g_clear_pointer (&fixture->scope_json, json_node_unref);
  g_clear_pointer (&fixture->execution_input, json_node_unref);
  g_clear_pointer (&fixture->base_url, g_free);
  g_clear_pointer (&fixture->seen_method, g_free);
  g_clear_pointer (&fixture->seen_content_type, g_free);
  g_clear_pointer (&fixture->seen_body, g_free);
  g_clear_pointer (&fixture->seen_query, g_free);
  g_clear_pointer (&fixture->seen_custom_header, g_free);
  g_clear_pointer (&fixture->redirect_target, g_free);

  zz_test_remove_dir (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);

  g_main_context_pop_thread_default (fixture->context);
  g_clear_pointer (&fixture->context, g_main_context_unref);
}

/* Running a block -------------------------------------------------------- */

static ZzBlockType *
lookup (const char *id)
{
  ZzBlockType *type = zz_block_registry_lookup (zz_block_registry_get_default (), id);

  g_assert_nonnull (type);
  g_assert_cmpstr (zz_block_type_get_id (type), ==, id);
  return type;
}

/* (transfer full): @config_text over the block's defaults */
static JsonObject *
config_with_defaults (const char *id,
                      const char *config_text)
{
  g_autoptr(JsonNode) config = parse (config_text);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (config));
  return zz_block_type_apply_defaults (lookup (id), json_node_get_object (config));
}

static gboolean
validate (const char *id,
          const char *config_text,
          GError    **error)
{
  g_autoptr(JsonObject) config = config_with_defaults (id, config_text);

  return zz_block_type_validate_config (lookup (id), config, error);
}

static void
on_executed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Waiter *waiter = user_data;

  g_assert_false (waiter->done);
  waiter->done = TRUE;
  waiter->result = g_object_ref (result);
}

/* @waiter's callback fired: the fixture's context (the thread-default
 * one) ran it. */
static gboolean
waiter_is_done (gpointer data)
{
  Waiter *waiter = data;

  return waiter->done;
}

static void
start_block (Fixture    *fixture,
             const char *id,
             JsonObject *config,
             const char *input_text,
             Waiter     *waiter)
{
  g_autoptr(JsonNode) input = input_text ? parse (input_text) : NULL;

  zz_block_type_execute_async (lookup (id), config, input, &fixture->block_context,
                               fixture->cancellable, on_executed_cb, waiter);
}

static JsonNode *
finish_block (const char *id,
              Waiter     *waiter,
              GError    **error)
{
  JsonNode *output;

  g_assert_true (waiter->done);
  output = zz_block_type_execute_finish (lookup (id), waiter->result, error);
  g_clear_object (&waiter->result);

  return output;
}

/* Runs block @id with @config_text over its defaults on @input_text (JSON,
 * nullable) and returns its output, or %NULL with @error set. */
static JsonNode *
run_block (Fixture    *fixture,
           const char *id,
           const char *config_text,
           const char *input_text,
           GError    **error)
{
  g_autoptr(JsonObject) config = config_with_defaults (id, config_text);
  Waiter waiter = { FALSE, NULL };

  start_block (fixture, id, config, input_text, &waiter);
  g_assert_true (zz_test_wait_until (waiter_is_done, &waiter, RUN_TIMEOUT_SECONDS * 1000));

  return finish_block (id, &waiter, error);
}

/* Like run_block() with a config built from a printf format, for URLs. */
G_GNUC_PRINTF (5, 6)
static JsonNode *
run_blockf (Fixture    *fixture,
            const char *id,
            GError    **error,
            const char *input_text,
            const char *config_format,
            ...)
{
  g_autofree char *config_text = NULL;
  va_list          args;

  va_start (args, config_format);
  config_text = g_strdup_vprintf (config_format, args);
  va_end (args);

  return run_block (fixture, id, config_text, input_text, error);
}

/* HTTP_REQUEST ----------------------------------------------------------- */

static void
test_http_get_parses_json (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/json\"}", fixture->base_url);
  g_assert_no_error (error);

  g_assert_cmpint (int_at (output, "status"), ==, 200);
  g_assert_cmpstr (string_at (output, "statusText"), ==, "OK");
  g_assert_cmpstr (string_at (output, "headers.content-type"), ==, "application/json; charset=utf-8");
  g_assert_cmpstr (string_at (output, "headers.x-price-source"), ==, "test");
  assert_json_equal (zz_json_node_get_path (output, "body"),
                     "{\"price\": 65000.5, \"symbol\": \"BTC\", "
                     "\"items\": [{\"name\": \"first\"}, {\"name\": \"second\"}]}");
}

static void
test_http_text_body_kept (Fixture      *fixture,
                          gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/text\"}", fixture->base_url);
  g_assert_no_error (error);

  g_assert_cmpint (int_at (output, "status"), ==, 200);
  g_assert_cmpstr (string_at (output, "body"), ==, "{\"looks\": \"like json\"} but is text");
}

static void
test_http_post_json (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(JsonNode) received = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/echo\", \"method\": \"POST\", "
                       "\"body\": {\"price\": 65000.5, \"tags\": [\"a\", \"b\"], \"nested\": {\"ok\": true}}}",
                       fixture->base_url);
  g_assert_no_error (error);
  assert_json_equal (zz_json_node_get_path (output, "body"), "{\"received\": true}");

  g_assert_cmpstr (fixture->seen_method, ==, "POST");
  g_assert_cmpstr (fixture->seen_content_type, ==, "application/json");
  received = parse (fixture->seen_body);
  assert_json_equal (received,
                     "{\"price\": 65000.5, \"tags\": [\"a\", \"b\"], \"nested\": {\"ok\": true}}");
}

static void
test_http_post_form (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GHashTable) form = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/echo\", \"method\": \"POST\", \"bodyType\": \"form\", "
                       "\"body\": {\"name\": \"Ada Lovelace\", \"note\": \"a&b=c\", \"count\": 3}}",
                       fixture->base_url);
  g_assert_no_error (error);

  g_assert_cmpstr (fixture->seen_content_type, ==, "application/x-www-form-urlencoded");
  form = soup_form_decode (fixture->seen_body);
  g_assert_cmpuint (g_hash_table_size (form), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (form, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (g_hash_table_lookup (form, "note"), ==, "a&b=c");
  g_assert_cmpstr (g_hash_table_lookup (form, "count"), ==, "3");
}

static void
test_http_custom_headers (Fixture      *fixture,
                          gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/echo\", \"headers\": {\"X-Custom\": \"zzyra-test\"}}",
                       fixture->base_url);
  g_assert_no_error (error);

  g_assert_cmpstr (fixture->seen_method, ==, "GET");
  g_assert_cmpstr (fixture->seen_custom_header, ==, "zzyra-test");
}

static void
test_http_query_params (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GHashTable) query = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/echo?existing=1\", "
                       "\"query\": {\"symbol\": \"BTC USD\", \"limit\": \"10\"}}",
                       fixture->base_url);
  g_assert_no_error (error);

  g_assert_nonnull (fixture->seen_query);
  g_assert_true (g_str_has_prefix (fixture->seen_query, "existing=1&"));
  query = soup_form_decode (fixture->seen_query);
  g_assert_cmpuint (g_hash_table_size (query), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (query, "existing"), ==, "1");
  g_assert_cmpstr (g_hash_table_lookup (query, "symbol"), ==, "BTC USD");
  g_assert_cmpstr (g_hash_table_lookup (query, "limit"), ==, "10");
}

static void
test_http_data_path (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/json\", \"dataPath\": \"items[1].name\"}", fixture->base_url);
  g_assert_no_error (error);
  assert_json_equal (output, "\"second\"");

  g_clear_pointer (&output, json_node_unref);
  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/json\", \"dataPath\": \"price\"}", fixture->base_url);
  g_assert_no_error (error);
  g_assert_cmpfloat (number_at (output, ""), ==, 65000.5);

  g_clear_pointer (&output, json_node_unref);
  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/json\", \"dataPath\": \"data.nothing\"}", fixture->base_url);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_null (output);
  g_assert_nonnull (strstr (error->message, "“data.nothing”"));
}

static void
test_http_error_status_fails (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/missing\"}", fixture->base_url);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_null (output);
  g_assert_true (g_str_has_prefix (error->message, "HTTP 404 Not Found"));
  g_assert_nonnull (strstr (error->message, "/missing"));
}

static void
test_http_error_status_returned (Fixture      *fixture,
                                 gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/missing\", \"failOnHttpError\": false}", fixture->base_url);
  g_assert_no_error (error);
  g_assert_cmpint (int_at (output, "status"), ==, 404);
  g_assert_cmpstr (string_at (output, "statusText"), ==, "Not Found");
  assert_json_equal (zz_json_node_get_path (output, "body"), "{\"error\": \"no such thing\"}");
}

static void
test_http_response_too_large (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *limit = g_format_size_full (1000, G_FORMAT_SIZE_IEC_UNITS);

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/big\", \"maxResponseSize\": 1000}", fixture->base_url);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_null (output);
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_assert_nonnull (strstr (error->message, limit));

  /* The same response within the limit is fine. */
  g_clear_error (&error);
  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/big\", \"maxResponseSize\": 4096}", fixture->base_url);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (string_at (output, "body")), ==, 4096);
}

static void
test_http_redirect_followed (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/redirect\"}", fixture->base_url);
  g_assert_no_error (error);
  g_assert_cmpint (int_at (output, "status"), ==, 200);
  g_assert_cmpstr (string_at (output, "body.symbol"), ==, "BTC");
}

static void
test_http_redirect_not_followed (Fixture      *fixture,
                                 gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/redirect\", \"followRedirects\": false, \"failOnHttpError\": false}",
                       fixture->base_url);
  g_assert_no_error (error);
  g_assert_cmpint (int_at (output, "status"), ==, 302);
  g_assert_true (g_str_has_suffix (string_at (output, "headers.location"), "/json"));

  /* Not followed and failing on error statuses: a 302 is not a success. */
  g_clear_pointer (&output, json_node_unref);
  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/redirect\", \"followRedirects\": false}", fixture->base_url);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "HTTP 302"));
}

static gboolean
on_cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  Fixture *fixture;
  Waiter  *waiter;
} SlowRequest;

/* The server holds the slow request, or the block gave up first. */
static gboolean
request_is_held_or_done (gpointer data)
{
  SlowRequest *request = data;

  return request->fixture->slow_requests > 0 || request->waiter->done;
}

static void
test_http_cancel_aborts (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *config_text = g_strdup_printf ("{\"url\": \"%s/slow\"}", fixture->base_url);
  g_autoptr(JsonObject) config = config_with_defaults ("HTTP_REQUEST", config_text);
  Waiter waiter = { FALSE, NULL };
  gint64 cancelled_at;

  start_block (fixture, "HTTP_REQUEST", config, NULL, &waiter);

  /* Until the server holds the request, with no answer coming. */
  g_assert_true (zz_test_wait_until (request_is_held_or_done, &(SlowRequest){ fixture, &waiter },
                                     RUN_TIMEOUT_SECONDS * 1000));
  g_assert_false (waiter.done);

  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (fixture->cancellable);
  g_assert_true (zz_test_wait_until (waiter_is_done, &waiter, RUN_TIMEOUT_SECONDS * 1000));
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC / 2);

  output = finish_block ("HTTP_REQUEST", &waiter, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (output);
}

static void
test_http_invalid_url (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"not a url\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "“not a url” is not a web address"));
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"ftp://127.0.0.1/file\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“ftp://127.0.0.1/file” is not an http or https address");
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"file:///etc/passwd\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_clear_error (&error);

  /* Run anyway (a template that resolved to nonsense): the same error. */
  output = run_block (fixture, "HTTP_REQUEST", "{\"url\": \"ftp://127.0.0.1/file\"}", NULL, &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_null (output);
  g_clear_error (&error);

  output = run_block (fixture, "HTTP_REQUEST", "{\"url\": \"not a url\"}", NULL, &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_null (output);
}

static void
test_http_invalid_json_response (Fixture      *fixture,
                                 gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL,
                       "{\"url\": \"%s/bad-json\"}", fixture->base_url);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_null (output);
  g_assert_nonnull (strstr (error->message, "/bad-json says it is JSON but is not"));
}

/* Runs HTTP_REQUEST against a raw peer sending @response. */
static JsonNode *
run_against_raw (Fixture    *fixture,
                 const char *response,
                 char      **url_out,
                 GError    **error)
{
  g_autofree char *url = start_raw_server (fixture, response);
  JsonNode        *output;

  output = run_blockf (fixture, "HTTP_REQUEST", error, NULL, "{\"url\": \"%s\"}", url);
  *url_out = g_steal_pointer (&url);

  return output;
}

static void
assert_fails_naming (JsonNode     *output,
                     const GError *error,
                     const char   *url,
                     const char   *expected)
{
  g_autofree char *message = g_strdup_printf (expected, url);

  g_assert_null (output);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, message);
}

#define CHUNKED_HEAD "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
/* Text, so that a body cut short is not also invalid JSON. */
#define CHUNKED_TEXT_HEAD "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"

static void
test_http_chunked_cut_at_a_boundary_fails (Fixture      *fixture,
                                           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *url = NULL;

  /* libsoup reads this as a complete body, "Price" */
  output = run_against_raw (fixture, CHUNKED_TEXT_HEAD "5\r\nPrice\r\n", &url, &error);
  assert_fails_naming (output, error, url, "The response of %s was cut short");
}

static void
test_http_chunked_cut_after_its_head_fails (Fixture      *fixture,
                                            gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *url = NULL;

  /* No chunk at all: libsoup reads an empty body. */
  output = run_against_raw (fixture, CHUNKED_TEXT_HEAD, &url, &error);
  assert_fails_naming (output, error, url, "The response of %s was cut short");
}

static void
test_http_chunked_cut_inside_data_fails (Fixture      *fixture,
                                         gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *url = NULL;

  output = run_against_raw (fixture, CHUNKED_TEXT_HEAD "10\r\nPrice: 65", &url, &error);
  assert_fails_naming (output, error, url, "Could not read the response of %s: Connection terminated unexpectedly");
}

static void
test_http_short_content_length_fails (Fixture      *fixture,
                                      gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *url = NULL;

  output = run_against_raw (fixture,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nonly this",
                            &url, &error);
  assert_fails_naming (output, error, url, "Could not read the response of %s: Connection terminated unexpectedly");
}

static void
test_http_connection_refused_fails (Fixture      *fixture,
                                    gconstpointer user_data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *url = NULL;

  /* A port that was just free, and is closed again. */
  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &bound,
                                 &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/closed", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_listener_close (listener);

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL, "{\"url\": \"%s\"}", url);
  g_assert_null (output);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not reach "));
  g_assert_nonnull (strstr (error->message, url));
}

static void
test_http_complete_chunked_response_succeeds (Fixture      *fixture,
                                              gconstpointer user_data)
{
  static const char *const responses[] = {
    /* Several chunks. */
    CHUNKED_HEAD "5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n",
    /* One chunk with an extension, upper-case hex, a trailer. */
    CHUNKED_HEAD "8;name=value\r\n{\"a\": 1}\r\n0\r\nX-Checksum: 1\r\n\r\n",
    /* One chunk of 16 bytes: two hex digits. */
    CHUNKED_HEAD "10\r\n{\"a\": 1        }\r\n0\r\n\r\n",
    /* Bare LF line ends, which libsoup accepts: the least framing there is. */
    CHUNKED_HEAD "8\n{\"a\": 1}\n0\n\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) output = NULL;
      g_autofree char *url = NULL;

      output = run_against_raw (fixture, responses[i], &url, &error);
      g_assert_no_error (error);
      assert_json_equal (zz_json_node_get_path (output, "body"), "{\"a\": 1}");

      stop_raw_server (fixture);
    }
}

static void
test_http_empty_chunked_response_succeeds (Fixture      *fixture,
                                           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *url = NULL;

  output = run_against_raw (fixture, CHUNKED_TEXT_HEAD "0\r\n\r\n", &url, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (string_at (output, "body"), ==, "");
}

static void
test_http_chunked_reply_after_a_redirect_succeeds (Fixture      *fixture,
                                                   gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  fixture->redirect_target = start_raw_server (fixture, CHUNKED_TEXT_HEAD "5\r\nhello\r\n0\r\n\r\n");
  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL, "{\"url\": \"%s/to-raw\"}", fixture->base_url);
  g_assert_no_error (error);
  g_assert_cmpstr (string_at (output, "body"), ==, "hello");
}

static void
test_http_response_ended_by_close_succeeds (Fixture      *fixture,
                                            gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *url = NULL;

  /* No length and no chunks: the body is what comes until the close. */
  output = run_against_raw (fixture,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nthe whole body",
                            &url, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (string_at (output, "body"), ==, "the whole body");
}

static void
test_http_deeply_nested_reply_fails_cleanly (Fixture      *fixture,
                                             gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *url = g_strdup_printf ("%s/deep", fixture->base_url);
  g_autofree char *expected = g_strdup_printf ("The response of %s says it is JSON but is not: "
                                               "Not valid JSON: nested deeper than 512 levels at line 1, column 513",
                                               url);

  output = run_blockf (fixture, "HTTP_REQUEST", &error, NULL, "{\"url\": \"%s\"}", url);
  g_assert_null (output);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
}

/* WEBHOOK ---------------------------------------------------------------- */

static void
test_webhook_posts_json (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(JsonNode) received = NULL;

  output = run_blockf (fixture, "WEBHOOK", &error, NULL,
                       "{\"url\": \"%s/echo\", \"body\": {\"event\": \"price\", \"value\": 65000.5}}",
                       fixture->base_url);
  g_assert_no_error (error);
  g_assert_cmpint (int_at (output, "status"), ==, 200);

  g_assert_cmpstr (fixture->seen_method, ==, "POST");
  g_assert_cmpstr (fixture->seen_content_type, ==, "application/json");
  received = parse (fixture->seen_body);
  assert_json_equal (received, "{\"event\": \"price\", \"value\": 65000.5}");
}

static void
test_webhook_sends_its_input_without_a_body (Fixture      *fixture,
                                             gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(JsonNode) received = NULL;
  g_autoptr(JsonNode) request = NULL;

  output = run_blockf (fixture, "WEBHOOK", &error, "{\"order\": 42}",
                       "{\"url\": \"%s/echo\"}", fixture->base_url);
  g_assert_no_error (error);
  received = parse (fixture->seen_body);
  assert_json_equal (received, "{\"order\": 42}");

  /* An HTTP request sends no body it was not given, unless told to. */
  g_clear_pointer (&fixture->seen_body, g_free);
  request = run_blockf (fixture, "HTTP_REQUEST", &error, "{\"order\": 42}",
                        "{\"url\": \"%s/echo\", \"method\": \"POST\"}", fixture->base_url);
  g_assert_no_error (error);
  g_assert_true (fixture->seen_body == NULL || fixture->seen_body[0] == '\0');
}

/* CONDITION -------------------------------------------------------------- */

static void
test_condition_routes_true (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_block (fixture, "CONDITION",
                      "{\"condition\": \"{{json.price}} > 60000 && {{fetch.body.price}} >= 72000\"}",
                      "{\"price\": 65000.5, \"symbol\": \"BTC\"}", &error);
  g_assert_no_error (error);
  g_assert_true (json_node_get_boolean (zz_json_node_get_path (output, "result")));
  g_assert_cmpstr (string_at (output, "branch"), ==, "true");
  assert_json_equal (zz_json_node_get_path (output, "data"), "{\"price\": 65000.5, \"symbol\": \"BTC\"}");
}

static void
test_condition_routes_false (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_block (fixture, "CONDITION",
                      "{\"condition\": \"{{data.price}} > 70000 || {{data.price}} < 40000\"}",
                      "{\"price\": 65000.5}", &error);
  g_assert_no_error (error);
  g_assert_false (json_node_get_boolean (zz_json_node_get_path (output, "result")));
  g_assert_cmpstr (string_at (output, "branch"), ==, "false");
  assert_json_equal (zz_json_node_get_path (output, "data"), "{\"price\": 65000.5}");
}

static void
test_condition_errors (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_block (fixture, "CONDITION", "{\"condition\": \"{{json.price}} > \"}", "{}", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_EXPRESSION);
  g_assert_null (output);
  g_clear_error (&error);

  /* A template naming nothing stops the node, never reads as false. */
  output = run_block (fixture, "CONDITION", "{\"condition\": \"{{json.volume}} > 10\"}", "{}", &error);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ZZ_ENGINE_ERROR);
  g_assert_nonnull (strstr (error->message, "json.volume"));
  g_assert_null (output);
  g_clear_error (&error);

  g_assert_false (validate ("CONDITION", "{}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Condition” is required");
}

/* DATA_TRANSFORM --------------------------------------------------------- */

static void
assert_transform (Fixture    *fixture,
                  const char *transformations,
                  const char *input,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *config = g_strdup_printf ("{\"transformations\": %s}", transformations);

  g_assert_true (validate ("DATA_TRANSFORM", config, &error));
  g_assert_no_error (error);

  output = run_block (fixture, "DATA_TRANSFORM", config, input, &error);
  g_assert_no_error (error);
  assert_json_equal (output, expected);
}

static void
assert_transform_fails (Fixture    *fixture,
                        const char *transformations,
                        const char *input,
                        const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *config = g_strdup_printf ("{\"transformations\": %s}", transformations);

  output = run_block (fixture, "DATA_TRANSFORM", config, input, &error);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ZZ_ENGINE_ERROR);
  g_assert_cmpstr (error->message, ==, expected_message);
  g_assert_null (output);
}

static void
test_transform_map (Fixture      *fixture,
                    gconstpointer user_data)
{
  assert_transform (fixture,
                    "[{\"type\": \"map\", \"field\": \"body.price\", \"outputField\": \"price\"}]",
                    "{\"body\": {\"price\": 65000.5}}",
                    "{\"body\": {\"price\": 65000.5}, \"price\": 65000.5}");

  /* On a list, each record. */
  assert_transform (fixture,
                    "[{\"type\": \"map\", \"field\": \"name\", \"outputField\": \"label\"}]",
                    "[{\"name\": \"a\"}, {\"name\": \"b\"}]",
                    "[{\"name\": \"a\", \"label\": \"a\"}, {\"name\": \"b\", \"label\": \"b\"}]");
}

static void
test_transform_filter (Fixture      *fixture,
                       gconstpointer user_data)
{
  const char *records = "[{\"name\": \"btc\", \"price\": 65000}, {\"name\": \"eth\", \"price\": 3000}, "
                        "{\"name\": \"sol\", \"price\": \"150\"}]";

  assert_transform (fixture,
                    "[{\"type\": \"filter\", \"field\": \"price\", \"operation\": \"greater_than\", \"value\": 1000}]",
                    records,
                    "[{\"name\": \"btc\", \"price\": 65000}, {\"name\": \"eth\", \"price\": 3000}]");
  assert_transform (fixture,
                    "[{\"type\": \"filter\", \"field\": \"price\", \"operation\": \"less_than\", \"value\": \"1000\"}]",
                    records,
                    "[{\"name\": \"sol\", \"price\": \"150\"}]");
  assert_transform (fixture,
                    "[{\"type\": \"filter\", \"field\": \"name\", \"operation\": \"equals\", \"value\": \"eth\"}]",
                    records,
                    "[{\"name\": \"eth\", \"price\": 3000}]");
  assert_transform (fixture,
                    "[{\"type\": \"filter\", \"field\": \"name\", \"operation\": \"not_equals\", \"value\": \"eth\"}]",
                    records,
                    "[{\"name\": \"btc\", \"price\": 65000}, {\"name\": \"sol\", \"price\": \"150\"}]");
  assert_transform (fixture,
                    "[{\"type\": \"filter\", \"field\": \"name\", \"operation\": \"contains\", \"value\": \"t\"}]",
                    records,
                    "[{\"name\": \"btc\", \"price\": 65000}, {\"name\": \"eth\", \"price\": 3000}]");

  /* A list inside the data, its elements compared themselves. */
  assert_transform (fixture,
                    "[{\"type\": \"filter\", \"field\": \"prices\", \"operation\": \"greater_than\", \"value\": 10}]",
                    "{\"prices\": [5, 20, 15], \"other\": true}",
                    "{\"prices\": [20, 15], \"other\": true}");

  assert_transform_fails (fixture,
                          "[{\"type\": \"filter\", \"field\": \"price\", \"operation\": \"between\", \"value\": 1}]",
                          records,
                          "Transformation 1: Filter: unknown operation “between”; use equals, not_equals, "
                          "greater_than, less_than or contains");
  assert_transform_fails (fixture,
                          "[{\"type\": \"filter\", \"field\": \"price\", \"operation\": \"equals\", \"value\": 1}]",
                          "{\"price\": 1}",
                          "Transformation 1: Filter needs a list, and “price” is not one");
}

static void
test_transform_aggregate (Fixture      *fixture,
                          gconstpointer user_data)
{
  const char *input = "{\"prices\": [10, 20.5, \"30\", 40]}";

  assert_transform (fixture, "[{\"type\": \"aggregate\", \"field\": \"prices\", \"operation\": \"sum\"}]",
                    input, "{\"prices\": [10, 20.5, \"30\", 40], \"sum\": 100.5}");
  assert_transform (fixture,
                    "[{\"type\": \"aggregate\", \"field\": \"prices\", \"operation\": \"average\", "
                    "\"outputField\": \"mean\"}]",
                    input, "{\"prices\": [10, 20.5, \"30\", 40], \"mean\": 25.125}");
  assert_transform (fixture, "[{\"type\": \"aggregate\", \"field\": \"prices\", \"operation\": \"count\"}]",
                    input, "{\"prices\": [10, 20.5, \"30\", 40], \"count\": 4}");
  assert_transform (fixture, "[{\"type\": \"aggregate\", \"field\": \"prices\", \"operation\": \"min\"}]",
                    input, "{\"prices\": [10, 20.5, \"30\", 40], \"min\": 10}");
  assert_transform (fixture, "[{\"type\": \"aggregate\", \"field\": \"prices\", \"operation\": \"max\"}]",
                    input, "{\"prices\": [10, 20.5, \"30\", 40], \"max\": 40}");

  /* Over a list of records, by the field named in `value`. */
  assert_transform (fixture,
                    "[{\"type\": \"aggregate\", \"field\": \"\", \"operation\": \"sum\", \"value\": \"price\", "
                    "\"outputField\": \"total\"}]",
                    "[{\"price\": 1.5}, {\"price\": 2}, {\"price\": 3}]",
                    "{\"total\": 6.5}");

  assert_transform_fails (fixture,
                          "[{\"type\": \"aggregate\", \"field\": \"prices\", \"operation\": \"median\"}]",
                          input,
                          "Transformation 1: Aggregate: unknown operation “median”; use sum, average, count, min or max");
  assert_transform_fails (fixture,
                          "[{\"type\": \"aggregate\", \"field\": \"volumes\", \"operation\": \"sum\"}]",
                          input,
                          "Transformation 1: Aggregate needs a list, and “volumes” is not one");
}

static void
test_transform_format (Fixture      *fixture,
                       gconstpointer user_data)
{
  static const struct
  {
    const char *operation;
    const char *value;
    const char *expected;
  } cases[] = {
    { "uppercase", "\"Bitcoin price\"", "\"BITCOIN PRICE\"" },
    { "lowercase", "\"Bitcoin PRICE\"", "\"bitcoin price\"" },
    { "capitalize", "\"bitcoin price now\"", "\"Bitcoin Price Now\"" },
    { "trim", "\"  padded \\n\"", "\"padded\"" },
    { "number", "\"65000.5\"", "65000.5" },
    { "number", "\"42\"", "42" },
    { "string", "65000.5", "\"65000.5\"" },
    { "string", "42", "\"42\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *transformations =
        g_strdup_printf ("[{\"type\": \"format\", \"field\": \"v\", \"operation\": \"%s\", "
                         "\"outputField\": \"out\"}]",
                         cases[i].operation);
      g_autofree char *input = g_strdup_printf ("{\"v\": %s}", cases[i].value);
      g_autofree char *expected = g_strdup_printf ("{\"v\": %s, \"out\": %s}", cases[i].value, cases[i].expected);

      assert_transform (fixture, transformations, input, expected);
    }

  /* In place when there is no output field, on each record of a list. */
  assert_transform (fixture,
                    "[{\"type\": \"format\", \"field\": \"name\", \"operation\": \"uppercase\"}]",
                    "[{\"name\": \"btc\"}, {\"name\": \"eth\"}]",
                    "[{\"name\": \"BTC\"}, {\"name\": \"ETH\"}]");

  assert_transform_fails (fixture,
                          "[{\"type\": \"format\", \"field\": \"v\", \"operation\": \"number\"}]",
                          "{\"v\": \"sixty\"}",
                          "Transformation 1: Format: “sixty” is not a number");
  assert_transform_fails (fixture,
                          "[{\"type\": \"format\", \"field\": \"v\", \"operation\": \"reverse\"}]",
                          "{\"v\": \"abc\"}",
                          "Transformation 1: Format: unknown operation “reverse”; use uppercase, lowercase, "
                          "capitalize, trim, number or string");
}

static void
test_transform_extract (Fixture      *fixture,
                        gconstpointer user_data)
{
  assert_transform (fixture,
                    "[{\"type\": \"extract\", \"field\": \"body.items[0]\"}]",
                    "{\"body\": {\"items\": [{\"id\": 1}, {\"id\": 2}]}}",
                    "{\"id\": 1}");
  assert_transform (fixture,
                    "[{\"type\": \"extract\", \"field\": \"body.price\", \"outputField\": \"price\"}]",
                    "{\"body\": {\"price\": 65000.5}, \"status\": 200}",
                    "{\"price\": 65000.5}");
}

static void
test_transform_combine (Fixture      *fixture,
                        gconstpointer user_data)
{
  assert_transform (fixture,
                    "[{\"type\": \"combine\", \"value\": [\"first\", \"last\"], \"outputField\": \"name\"}]",
                    "{\"first\": \"Ada\", \"last\": \"Lovelace\"}",
                    "{\"first\": \"Ada\", \"last\": \"Lovelace\", \"name\": \"Ada Lovelace\"}");
  assert_transform (fixture,
                    "[{\"type\": \"combine\", \"value\": [\"symbol\", \"price\"], \"separator\": \": \", "
                    "\"outputField\": \"line\"}]",
                    "{\"symbol\": \"BTC\", \"price\": 65000.5}",
                    "{\"symbol\": \"BTC\", \"price\": 65000.5, \"line\": \"BTC: 65000.5\"}");

  assert_transform_fails (fixture,
                          "[{\"type\": \"combine\", \"value\": [\"a\", \"b\"]}]",
                          "{\"a\": 1, \"b\": 2}",
                          "Transformation 1: Combine needs an output field");
}

static void
test_transform_set (Fixture      *fixture,
                    gconstpointer user_data)
{
  assert_transform (fixture,
                    "[{\"type\": \"set\", \"outputField\": \"threshold\", \"value\": 70000},"
                    " {\"type\": \"set\", \"outputField\": \"alert\", \"value\": true},"
                    " {\"type\": \"set\", \"outputField\": \"meta.source\", \"value\": {\"name\": \"api\"}},"
                    " {\"type\": \"set\", \"field\": \"symbol\", \"value\": \"ETH\"}]",
                    "{\"symbol\": \"BTC\", \"meta\": {}}",
                    "{\"symbol\": \"ETH\", \"threshold\": 70000, \"alert\": true, "
                    "\"meta\": {\"source\": {\"name\": \"api\"}}}");
}

static void
test_transform_in_order (Fixture      *fixture,
                         gconstpointer user_data)
{
  assert_transform (fixture,
                    "[{\"type\": \"filter\", \"field\": \"price\", \"operation\": \"greater_than\", \"value\": 100},"
                    " {\"type\": \"aggregate\", \"field\": \"\", \"operation\": \"average\", \"value\": \"price\"},"
                    " {\"type\": \"format\", \"field\": \"average\", \"operation\": \"string\"}]",
                    "[{\"price\": 50}, {\"price\": 200}, {\"price\": 300}]",
                    "{\"average\": \"250\"}");
}

static void
test_transform_errors (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  assert_transform_fails (fixture,
                          "[{\"type\": \"pivot\", \"field\": \"a\"}]",
                          "{\"a\": 1}",
                          "Transformation 1: Unknown transformation “pivot”; use map, filter, aggregate, "
                          "format, extract, combine or set");
  assert_transform_fails (fixture,
                          "[{\"type\": \"set\", \"outputField\": \"b\", \"value\": 2},"
                          " {\"type\": \"map\", \"field\": \"missing\", \"outputField\": \"x\"}]",
                          "{\"a\": 1}",
                          "Transformation 2: Map: the data has no field “missing”");
  assert_transform_fails (fixture,
                          "[{\"type\": \"extract\", \"field\": \"body.price\"}]",
                          "{\"body\": {}}",
                          "Transformation 1: Extract: the data has no field “body.price”");
  assert_transform_fails (fixture,
                          "[{\"type\": \"format\", \"field\": \"missing\", \"operation\": \"trim\"}]",
                          "{\"a\": 1}",
                          "Transformation 1: Format: the data has no field “missing”");

  g_assert_false (validate ("DATA_TRANSFORM", "{\"transformations\": [{\"field\": \"a\"}]}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "Transformation 1 has no type");
  g_clear_error (&error);

  g_assert_false (validate ("DATA_TRANSFORM", "{\"transformations\": {\"type\": \"map\"}}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Transformations” must be a list");
}

/* CALCULATOR ------------------------------------------------------------- */

static JsonNode *
calculate (Fixture    *fixture,
           const char *config)
{
  g_autoptr(GError) error = NULL;
  JsonNode *output;

  g_assert_true (validate ("CALCULATOR", config, &error));
  g_assert_no_error (error);

  output = run_block (fixture, "CALCULATOR", config, "{}", &error);
  g_assert_no_error (error);
  g_assert_true (json_node_get_boolean (zz_json_node_get_path (output, "success")));
  g_assert_true (JSON_NODE_HOLDS_NULL (zz_json_node_get_path (output, "error")));

  return output;
}

static void
test_calculator_operations (Fixture      *fixture,
                            gconstpointer user_data)
{
  static const struct
  {
    const char *operation;
    const char *left;
    const char *right;
    double      expected;
  } cases[] = {
    { "add", "2", "3", 5 },
    { "subtract", "2", "3.5", -1.5 },
    { "multiply", "1.5", "4", 6 },
    { "divide", "10", "4", 2.5 },
    { "power", "2", "10", 1024 },
    { "modulo", "17", "5", 2 },
    { "modulo", "-7", "3", -1 }, /* as JavaScript's % */
    { "absolute", "-12.25", "0", 12.25 },
    { "round", "2.5", "0", 3 },
    { "round", "2.4", "0", 2 },
    { "round", "-2.5", "0", -2 }, /* as JavaScript's Math.round */
    { "floor", "-1.5", "0", -2 },
    { "ceiling", "1.2", "0", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *config = g_strdup_printf ("{\"operation\": \"%s\", \"leftOperand\": \"%s\", "
                                                 "\"rightOperand\": \"%s\"}",
                                                 cases[i].operation, cases[i].left, cases[i].right);
      g_autoptr(JsonNode) output = calculate (fixture, config);

      g_test_message ("%s %s %s", cases[i].left, cases[i].operation, cases[i].right);
      g_assert_cmpfloat (number_at (output, "result"), ==, cases[i].expected);
    }
}

static void
test_calculator_default_is_add (Fixture      *fixture,
                                gconstpointer user_data)
{
  g_autoptr(JsonNode) output = calculate (fixture, "{\"leftOperand\": \"40\", \"rightOperand\": \"2\"}");

  assert_json_equal (output, "{\"result\": 42, \"success\": true, \"error\": null}");
  /* A whole result is an integer, as JavaScript prints it. */
  g_assert_cmpint (int_at (output, "result"), ==, 42);
}

static void
test_calculator_precision (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(JsonNode) two = NULL;
  g_autoptr(JsonNode) zero = NULL;
  g_autoptr(JsonNode) five = NULL;
  g_autoptr(JsonNode) huge = NULL;
  g_autoptr(JsonNode) overflow = NULL;
  g_autoptr(GError) error = NULL;

  two = calculate (fixture, "{\"operation\": \"divide\", \"leftOperand\": \"10\", \"rightOperand\": \"3\"}");
  g_assert_cmpfloat (number_at (two, "result"), ==, 3.33);

  zero = calculate (fixture, "{\"operation\": \"divide\", \"leftOperand\": \"10\", \"rightOperand\": \"3\", "
                             "\"precision\": 0}");
  g_assert_cmpint (int_at (zero, "result"), ==, 3);

  five = calculate (fixture, "{\"operation\": \"divide\", \"leftOperand\": \"2\", \"rightOperand\": \"3\", "
                             "\"precision\": 5}");
  g_assert_cmpfloat (number_at (five, "result"), ==, 0.66667);

  /* Rounding to 2 places scaled 1.7e308 past a double: null, "success". */
  huge = calculate (fixture, "{\"operation\": \"add\", \"leftOperand\": \"1.7e308\", \"rightOperand\": \"0\"}");
  g_assert_cmpfloat (number_at (huge, "result"), ==, 1.7e308);
  overflow = run_block (fixture, "CALCULATOR",
                        "{\"operation\": \"multiply\", \"leftOperand\": \"1.7e308\", \"rightOperand\": \"10\"}",
                        "{}", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The result of multiply is not a finite number");
  g_assert_null (overflow);
  g_clear_error (&error);

  g_assert_false (validate ("CALCULATOR", "{\"precision\": 11}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Decimal Places” must be between 0 and 10, not 11");
}

static void
test_calculator_older_inputs (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(JsonNode) newer_wins = NULL;

  /* As older files have it: no leftOperand or rightOperand at all. */
  output = run_block (fixture, "CALCULATOR", "{\"operation\": \"multiply\", \"inputs\": {\"a\": 6, \"b\": \"7\"}}",
                      "{}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (int_at (output, "result"), ==, 42);

  newer_wins = run_block (fixture, "CALCULATOR",
                          "{\"leftOperand\": \"1\", \"inputs\": {\"a\": 6, \"b\": 7}}", "{}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (int_at (newer_wins, "result"), ==, 8);
}

static void
test_calculator_numeric_strings (Fixture      *fixture,
                                 gconstpointer user_data)
{
  g_autoptr(JsonNode) spaced = NULL;
  g_autoptr(JsonNode) numbers = NULL;
  g_autoptr(JsonNode) empty = NULL;

  spaced = calculate (fixture, "{\"leftOperand\": \" 1.25 \", \"rightOperand\": \"1e3\"}");
  g_assert_cmpfloat (number_at (spaced, "result"), ==, 1001.25);

  /* Whole-value templates resolve to numbers, not strings. */
  numbers = run_block (fixture, "CALCULATOR",
                       "{\"operation\": \"subtract\", \"leftOperand\": 72000, \"rightOperand\": 65000.5}",
                       "{}", NULL);
  g_assert_cmpfloat (number_at (numbers, "result"), ==, 6999.5);

  empty = calculate (fixture, "{\"leftOperand\": \"\", \"rightOperand\": \"5\"}");
  g_assert_cmpint (int_at (empty, "result"), ==, 5);
}

static void
test_calculator_division_by_zero (Fixture      *fixture,
                                  gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_block (fixture, "CALCULATOR",
                      "{\"operation\": \"divide\", \"leftOperand\": \"1\", \"rightOperand\": \"0\"}", "{}", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "Division by zero: the right operand is 0");
  g_assert_null (output);
  g_clear_error (&error);

  output = run_block (fixture, "CALCULATOR",
                      "{\"operation\": \"modulo\", \"leftOperand\": \"1\", \"rightOperand\": \"0.0\"}", "{}", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_null (output);
}

static void
test_calculator_non_numeric (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  output = run_block (fixture, "CALCULATOR", "{\"leftOperand\": \"twelve\", \"rightOperand\": \"1\"}",
                      "{}", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "The left operand “twelve” is not a number");
  g_assert_null (output);
  g_clear_error (&error);

  output = run_block (fixture, "CALCULATOR", "{\"leftOperand\": \"1\", \"rightOperand\": \"12abc\"}",
                      "{}", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "The right operand “12abc” is not a number");
  g_clear_error (&error);

  output = run_block (fixture, "CALCULATOR", "{\"leftOperand\": {\"price\": 1}, \"rightOperand\": \"1\"}",
                      "{}", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "The left operand is not a number");
}

/* DELAY ------------------------------------------------------------------ */

static void
test_delay_waits (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  gint64 started = g_get_monotonic_time ();

  output = run_block (fixture, "DELAY", "{\"duration\": 30, \"unit\": \"milliseconds\"}",
                      "{\"price\": 65000.5}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 25 * 1000);
  assert_json_equal (output, "{\"price\": 65000.5}");
}

static void
test_delay_cancel (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(JsonObject) config = config_with_defaults ("DELAY", "{\"duration\": 10}");
  g_autoptr(GSource) cancel = g_timeout_source_new (20);
  Waiter waiter = { FALSE, NULL };
  gint64 started = g_get_monotonic_time ();

  g_source_set_callback (cancel, on_cancel_cb, fixture->cancellable, NULL);
  g_source_attach (cancel, fixture->context);

  start_block (fixture, "DELAY", config, "{}", &waiter);
  g_assert_true (zz_test_wait_until (waiter_is_done, &waiter, RUN_TIMEOUT_SECONDS * 1000));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC / 2);

  output = finish_block ("DELAY", &waiter, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (output);
}

/* NOTIFICATION ----------------------------------------------------------- */

static ZzNotification *
only_notification (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notifications = NULL;

  notifications = zz_store_list_notifications (fixture->store, fixture->block_context.user_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notifications->len, ==, 1);

  return zz_notification_copy (g_ptr_array_index (notifications, 0));
}

static void
test_notification_writes_row (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(ZzNotification) notification = NULL;
  g_autoptr(JsonNode) data = NULL;

  g_assert_true (validate ("NOTIFICATION", "{\"title\": \"Price alert\", \"message\": \"BTC at 65000.5\"}", &error));
  g_assert_no_error (error);

  output = run_block (fixture, "NOTIFICATION", "{\"title\": \"Price alert\", \"message\": \"BTC at 65000.5\"}",
                      "{}", &error);
  g_assert_no_error (error);

  notification = only_notification (fixture);
  g_assert_cmpstr (notification->title, ==, "Price alert");
  g_assert_cmpstr (notification->message, ==, "BTC at 65000.5");
  g_assert_cmpstr (notification->type, ==, "info");
  g_assert_false (notification->read);
  g_assert_cmpstr (notification->user_id, ==, fixture->block_context.user_id);

  data = parse (notification->data);
  g_assert_cmpstr (string_at (data, "workflowId"), ==, "workflow-1");
  g_assert_cmpstr (string_at (data, "executionId"), ==, "execution-1");
  g_assert_cmpstr (string_at (data, "nodeId"), ==, "node-1");

  g_assert_cmpstr (string_at (output, "notificationId"), ==, notification->id);
  g_assert_cmpstr (string_at (output, "title"), ==, "Price alert");
  g_assert_cmpstr (string_at (output, "type"), ==, "info");
  g_assert_true (json_node_get_boolean (zz_json_node_get_path (output, "sent")));
}

static void
test_notification_kind (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(ZzNotification) notification = NULL;

  output = run_block (fixture, "NOTIFICATION",
                      "{\"title\": \"Down\", \"message\": \"The API is down\", \"channel\": \"error\"}", "{}", &error);
  g_assert_no_error (error);

  notification = only_notification (fixture);
  g_assert_cmpstr (notification->type, ==, "error");
}

static void
test_notification_older_keys (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(ZzNotification) notification = NULL;
  const char *config = "{\"subject\": \"Old alert\", \"body\": \"From an older file\", "
                       "\"notificationType\": \"warning\"}";

  g_assert_true (validate ("NOTIFICATION", config, &error));
  g_assert_no_error (error);

  output = run_block (fixture, "NOTIFICATION", config, "{}", &error);
  g_assert_no_error (error);

  notification = only_notification (fixture);
  g_assert_cmpstr (notification->title, ==, "Old alert");
  g_assert_cmpstr (notification->message, ==, "From an older file");
  g_assert_cmpstr (notification->type, ==, "warning");
}

static void
test_notification_title_required (Fixture      *fixture,
                                  gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate ("NOTIFICATION", "{\"message\": \"No title\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Title” is required");
  g_clear_error (&error);

  g_assert_false (validate ("NOTIFICATION", "{\"title\": \"  \", \"message\": \"Blank title\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Title” is required");
}

/* MANUAL_TRIGGER --------------------------------------------------------- */

static void
test_manual_trigger_passes_input (Fixture      *fixture,
                                  gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  fixture->execution_input = parse ("{\"symbol\": \"BTC\", \"threshold\": 70000}");
  fixture->block_context.execution_input = fixture->execution_input;

  output = run_block (fixture, "MANUAL_TRIGGER", "{}", NULL, &error);
  g_assert_no_error (error);
  assert_json_equal (output, "{\"symbol\": \"BTC\", \"threshold\": 70000}");
}

static void
test_manual_trigger_defaults (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  const char *config = "{\"inputs\": [{\"name\": \"symbol\", \"type\": \"string\", \"required\": true},"
                       " {\"name\": \"threshold\", \"type\": \"number\", \"default\": 70000},"
                       " {\"name\": \"note\", \"type\": \"string\"}]}";

  g_assert_true (validate ("MANUAL_TRIGGER", config, &error));
  g_assert_no_error (error);

  fixture->execution_input = parse ("{\"symbol\": \"ETH\"}");
  fixture->block_context.execution_input = fixture->execution_input;

  output = run_block (fixture, "MANUAL_TRIGGER", config, NULL, &error);
  g_assert_no_error (error);
  assert_json_equal (output, "{\"symbol\": \"ETH\", \"threshold\": 70000}");
}

static void
test_manual_trigger_required_missing (Fixture      *fixture,
                                      gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  fixture->execution_input = parse ("{\"threshold\": 1}");
  fixture->block_context.execution_input = fixture->execution_input;

  output = run_block (fixture, "MANUAL_TRIGGER",
                      "{\"inputs\": [{\"name\": \"symbol\", \"required\": true}]}", NULL, &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The input “symbol” is required");
  g_assert_null (output);
  g_clear_error (&error);

  g_assert_false (validate ("MANUAL_TRIGGER", "{\"inputs\": [{\"type\": \"string\"}]}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "Input 1 of the trigger has no name");
}

/* SCHEDULE --------------------------------------------------------------- */

static void
test_schedule_invalid_time (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate ("SCHEDULE", "{\"time\": \"25:99\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Time” must be a time of day such as 09:30, not “25:99”");
  g_clear_error (&error);

  g_assert_false (validate ("SCHEDULE", "{\"time\": \"09:30pm\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_clear_error (&error);

  g_assert_true (validate ("SCHEDULE", "{\"time\": \"09:30\", \"interval\": \"weekly\"}", &error));
  g_assert_no_error (error);
  g_assert_true (validate ("SCHEDULE", "{\"time\": \"23:59\"}", &error));
  g_assert_no_error (error);
}

static void
test_schedule_run_manually (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GDateTime) triggered_at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  output = run_block (fixture, "SCHEDULE", "{\"time\": \"09:30\"}", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (string_at (output, "interval"), ==, "daily");
  triggered_at = g_date_time_new_from_iso8601 (string_at (output, "triggeredAt"), NULL);
  g_assert_nonnull (triggered_at);
  g_assert_cmpint (ABS (g_date_time_difference (now, triggered_at)), <, 60 * G_TIME_SPAN_SECOND);
}

/* EMAIL and CUSTOM ------------------------------------------------------- */

static void
assert_cannot_run (Fixture    *fixture,
                   const char *id,
                   const char *config,
                   const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autofree char *expected = g_strdup_printf ("“%s” blocks cannot run in Zzyra Desktop yet", title);

  g_assert_false (zz_block_type_can_execute (lookup (id)));

  /* Edited and kept: the config still validates. */
  g_assert_true (validate (id, config, &error));
  g_assert_no_error (error);

  output = run_block (fixture, id, config, "{}", &error);
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (output);
}

static void
test_email_cannot_run (Fixture      *fixture,
                       gconstpointer user_data)
{
  assert_cannot_run (fixture, "EMAIL", "{\"to\": \"ada@example.org\", \"subject\": \"Hi\"}", "Email");
}

static void
test_custom_cannot_run (Fixture      *fixture,
                        gconstpointer user_data)
{
  assert_cannot_run (fixture, "CUSTOM", "{\"code\": \"return input;\"}", "Custom Code");
}

static void
test_runnable_blocks_can_execute (void)
{
  static const char *const runnable[] = {
    "MANUAL_TRIGGER",
    "SCHEDULE",
    "HTTP_REQUEST",
    "WEBHOOK",
    "CONDITION",
    "DATA_TRANSFORM",
    "CALCULATOR",
    "DELAY",
    "NOTIFICATION",
  };

  for (guint i = 0; i < G_N_ELEMENTS (runnable); i++)
    g_assert_true (zz_block_type_can_execute (lookup (runnable[i])));

  g_assert_null (zz_block_registry_lookup (zz_block_registry_get_default (), "PRICE_MONITOR_X"));
}

/* Config validation ------------------------------------------------------ */

static void
test_validation_required (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate ("HTTP_REQUEST", "{}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“URL” is required");
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"   \"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“URL” is required");
  g_clear_error (&error);

  g_assert_false (validate ("EMAIL", "{\"to\": \"ada@example.org\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Subject” is required");
}

static void
test_validation_range (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"timeout\": 500}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Timeout (ms)” must be between 1000 and 300000, not 500");
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"retries\": 11}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Retries” must be between 0 and 10, not 11");
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"retries\": 2.5}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Retries” must be a whole number, not 2.5");
  g_clear_error (&error);

  g_assert_true (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"retries\": 10, \"timeout\": 1000}",
                           &error));
  g_assert_no_error (error);
}

static void
test_validation_type (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"timeout\": \"soon\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Timeout (ms)” must be a number");
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": {\"href\": \"http://127.0.0.1/\"}}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“URL” must be text");
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"followRedirects\": \"yes\"}",
                            &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Follow Redirects” must be true or false");
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"headers\": [\"X-A: b\"]}",
                            &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Headers” must be a list of names and values");
  g_clear_error (&error);

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"headers\": {\"X-A\": {\"b\": 1}}}",
                            &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Headers”: the value of “X-A” must be text");
}

static void
test_validation_choice (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\", \"method\": \"FETCH\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, "“Method” must be one of GET, POST, PUT, DELETE, PATCH, HEAD, not \"FETCH\"");
  g_clear_error (&error);

  g_assert_false (validate ("CALCULATOR", "{\"operation\": \"sqrt\"}", &error));
  g_assert_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==,
                   "“Operation” must be one of add, subtract, multiply, divide, power, modulo, absolute, "
                   "round, floor, ceiling, not \"sqrt\"");
}

static void
test_validation_templates_pass (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (validate ("HTTP_REQUEST", "{\"url\": \"{{json.url}}\", \"timeout\": \"{{json.timeout}}\", "
                                           "\"method\": \"{{json.method}}\"}",
                           &error));
  g_assert_no_error (error);

  g_assert_true (validate ("CALCULATOR", "{\"precision\": \"{{json.x}}\", \"leftOperand\": \"{{json.x}}\"}",
                           &error));
  g_assert_no_error (error);

  g_assert_true (validate ("DELAY", "{\"duration\": \"{{json.x}}\"}", &error));
  g_assert_no_error (error);

  g_assert_true (validate ("NOTIFICATION", "{\"title\": \"{{json.x}}\", \"message\": \"Price {{json.price}}\"}",
                           &error));
  g_assert_no_error (error);
}

static void
test_validation_defaults (void)
{
  g_autoptr(JsonObject) http = config_with_defaults ("HTTP_REQUEST", "{\"url\": \"http://127.0.0.1/\"}");
  g_autoptr(JsonObject) calculator = config_with_defaults ("CALCULATOR", "{\"operation\": \"divide\"}");

  g_assert_cmpstr (zz_json_object_get_string (http, "method", NULL), ==, "GET");
  g_assert_cmpint (zz_json_object_get_int (http, "retries", -1), ==, 3);
  g_assert_cmpint (zz_json_object_get_int (http, "timeout", -1), ==, 10000);
  g_assert_cmpstr (zz_json_object_get_string (http, "url", NULL), ==, "http://127.0.0.1/");

  g_assert_cmpstr (zz_json_object_get_string (calculator, "operation", NULL), ==, "divide");
  /* Operands have no default, so that the older inputs {a, b} still count. */
  g_assert_false (json_object_has_member (calculator, "leftOperand"));
  g_assert_cmpint (zz_json_object_get_int (calculator, "precision", -1), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/blocks/http/get-parses-json-when-the-content-type-says-so", test_http_get_parses_json);
  ADD ("/blocks/http/text-body-is-kept-as-a-string", test_http_text_body_kept);
  ADD ("/blocks/http/post-sends-the-json-body-as-given", test_http_post_json);
  ADD ("/blocks/http/form-body-is-url-encoded", test_http_post_form);
  ADD ("/blocks/http/custom-headers-reach-the-server", test_http_custom_headers);
  ADD ("/blocks/http/query-parameters-are-appended", test_http_query_params);
  ADD ("/blocks/http/data-path-extracts-a-part-of-the-body", test_http_data_path);
  ADD ("/blocks/http/error-status-fails-the-node", test_http_error_status_fails);
  ADD ("/blocks/http/error-status-is-returned-when-not-failing-on-it", test_http_error_status_returned);
  ADD ("/blocks/http/response-over-the-limit-fails-naming-it", test_http_response_too_large);
  ADD ("/blocks/http/redirect-is-followed", test_http_redirect_followed);
  ADD ("/blocks/http/redirect-is-not-followed-when-told-not-to", test_http_redirect_not_followed);
  ADD ("/blocks/http/cancel-aborts-a-slow-request-at-once", test_http_cancel_aborts);
  ADD ("/blocks/http/invalid-url-or-scheme-is-a-config-error", test_http_invalid_url);
  ADD ("/blocks/http/invalid-json-response-is-a-clear-error", test_http_invalid_json_response);
  ADD ("/blocks/http/chunked-reply-cut-at-a-chunk-boundary-fails-naming-the-url",
       test_http_chunked_cut_at_a_boundary_fails);
  ADD ("/blocks/http/chunked-reply-cut-after-its-head-fails-naming-the-url", test_http_chunked_cut_after_its_head_fails);
  ADD ("/blocks/http/chunked-reply-cut-inside-a-chunk-fails-naming-the-url", test_http_chunked_cut_inside_data_fails);
  ADD ("/blocks/http/reply-shorter-than-its-content-length-fails-naming-the-url", test_http_short_content_length_fails);
  ADD ("/blocks/http/refused-connection-fails-naming-the-url", test_http_connection_refused_fails);
  ADD ("/blocks/http/complete-chunked-reply-is-read-whole", test_http_complete_chunked_response_succeeds);
  ADD ("/blocks/http/empty-chunked-reply-is-read", test_http_empty_chunked_response_succeeds);
  ADD ("/blocks/http/reply-ended-by-closing-is-read-whole", test_http_response_ended_by_close_succeeds);
  ADD ("/blocks/http/chunked-reply-after-a-redirect-is-read-whole", test_http_chunked_reply_after_a_redirect_succeeds);
  ADD ("/blocks/http/reply-nested-too-deep-fails-with-the-readers-message", test_http_deeply_nested_reply_fails_cleanly);
  ADD ("/blocks/webhook/posts-json-by-default", test_webhook_posts_json);
  ADD ("/blocks/webhook/sends-its-input-without-a-body", test_webhook_sends_its_input_without_a_body);
  ADD ("/blocks/condition/true-routes-to-the-true-branch-with-the-input", test_condition_routes_true);
  ADD ("/blocks/condition/false-routes-to-the-false-branch-with-the-input", test_condition_routes_false);
  ADD ("/blocks/condition/expression-errors-fail-the-node", test_condition_errors);
  ADD ("/blocks/transform/map-copies-a-field", test_transform_map);
  ADD ("/blocks/transform/filter-keeps-the-matching-records", test_transform_filter);
  ADD ("/blocks/transform/aggregate-sums-averages-counts-and-finds-extremes", test_transform_aggregate);
  ADD ("/blocks/transform/format-applies-each-operation", test_transform_format);
  ADD ("/blocks/transform/extract-keeps-one-value", test_transform_extract);
  ADD ("/blocks/transform/combine-joins-fields", test_transform_combine);
  ADD ("/blocks/transform/set-keeps-the-value-type", test_transform_set);
  ADD ("/blocks/transform/transformations-apply-in-order", test_transform_in_order);
  ADD ("/blocks/transform/errors-name-the-transformation-and-field", test_transform_errors);
  ADD ("/blocks/calculator/every-operation-computes", test_calculator_operations);
  ADD ("/blocks/calculator/adds-by-default", test_calculator_default_is_add);
  ADD ("/blocks/calculator/rounds-to-the-precision", test_calculator_precision);
  ADD ("/blocks/calculator/older-inputs-a-and-b-are-read", test_calculator_older_inputs);
  ADD ("/blocks/calculator/numeric-strings-are-numbers", test_calculator_numeric_strings);
  ADD ("/blocks/calculator/division-by-zero-fails", test_calculator_division_by_zero);
  ADD ("/blocks/calculator/non-numeric-operand-fails-naming-it", test_calculator_non_numeric);
  ADD ("/blocks/delay/completes-after-the-duration", test_delay_waits);
  ADD ("/blocks/delay/cancel-interrupts-the-wait-at-once", test_delay_cancel);
  ADD ("/blocks/notification/writes-a-notification-row", test_notification_writes_row);
  ADD ("/blocks/notification/channel-sets-the-kind", test_notification_kind);
  ADD ("/blocks/notification/older-keys-are-accepted", test_notification_older_keys);
  ADD ("/blocks/notification/missing-title-is-a-config-error", test_notification_title_required);
  ADD ("/blocks/manual-trigger/passes-the-execution-input-on", test_manual_trigger_passes_input);
  ADD ("/blocks/manual-trigger/declared-inputs-get-their-defaults", test_manual_trigger_defaults);
  ADD ("/blocks/manual-trigger/missing-required-input-fails-naming-it", test_manual_trigger_required_missing);
  ADD ("/blocks/schedule/invalid-time-is-a-config-error", test_schedule_invalid_time);
  ADD ("/blocks/schedule/run-by-hand-says-when-it-triggered", test_schedule_run_manually);
  ADD ("/blocks/email/cannot-run-here", test_email_cannot_run);
  ADD ("/blocks/custom/cannot-run-here", test_custom_cannot_run);

#undef ADD

  g_test_add_func ("/blocks/registry/runnable-blocks-can-execute", test_runnable_blocks_can_execute);
  g_test_add_func ("/blocks/validation/missing-required-key-names-its-title", test_validation_required);
  g_test_add_func ("/blocks/validation/number-out-of-range-names-the-range", test_validation_range);
  g_test_add_func ("/blocks/validation/wrong-type-names-the-expected-type", test_validation_type);
  g_test_add_func ("/blocks/validation/choice-not-in-list-lists-the-choices", test_validation_choice);
  g_test_add_func ("/blocks/validation/templates-pass-until-resolved", test_validation_templates_pass);
  g_test_add_func ("/blocks/validation/defaults-fill-missing-keys", test_validation_defaults);

  return g_test_run ();
}
