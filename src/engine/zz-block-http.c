/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-http.c: HTTP_REQUEST and WEBHOOK, calls over HTTP with libsoup
 *
 * Runs on the executor's worker, with the worker's SoupSession, so the
 * request is driven by the worker's main context and aborted at once by
 * the task's cancellable (a cancel or a node timeout). Retries and the
 * timeout are the executor's, shared by every block; the response is read
 * up to a cap, so a huge or endless body fails the node instead of
 * exhausting memory.
 */
#define G_LOG_DOMAIN "zz-block-http"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "zz-blocks-private.h"
#include "zz-engine-error.h"
#include "zz-json.h"

#define DEFAULT_MAX_RESPONSE (10 * 1024 * 1024)
#define READ_CHUNK           (64 * 1024)

typedef struct
{
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  gint64        max_size;
  char         *data_path;
  char         *url;
  gboolean      fail_on_http_error;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_free (request->data_path);
  g_free (request->url);
  g_free (request);
}

static void read_next_chunk (GTask *task);

static gboolean
content_type_is_json (SoupMessage *message)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);

  return type != NULL && (strstr (type, "json") != NULL);
}

static JsonNode *
parse_body (Request *request,
            GError **error)
{
  const char *data = (const char *) request->body->data;
  gsize       length = request->body->len;

  if (content_type_is_json (request->message) && length > 0)
    {
      g_autoptr(GError) local_error = NULL;
      JsonNode *node = zz_json_parse (data, (gssize) length, &local_error);

      if (node == NULL)
        {
          g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                       _("The response of %s says it is JSON but is not: %s"),
                          request->url, local_error->message);
          return NULL;
        }
      return node;
    }

  /* An empty body (a 204, a redirect, a HEAD) has no data at all. */
  if (length == 0)
    return json_node_init_string (json_node_alloc (), "");

  {
    g_autofree char *text = g_utf8_make_valid (data, (gssize) length);
    return json_node_init_string (json_node_alloc (), text);
  }
}

static void
finish_request (GTask *task)
{
  Request     *request = g_task_get_task_data (task);
  SoupMessage *message = request->message;
  guint        status = soup_message_get_status (message);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject            *output;
  JsonObject            *headers;
  SoupMessageHeadersIter iter;
  const char            *name, *value;

  if (request->fail_on_http_error && (status < 200 || status > 299))
    {
      g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                               _("HTTP %u %s from %s"), status,
                                  soup_message_get_reason_phrase (message) ? soup_message_get_reason_phrase (message) : "",
                                  request->url);
      g_object_unref (task);
      return;
    }

  if (!(body = parse_body (request, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (request->data_path != NULL && *request->data_path != '\0')
    {
      JsonNode *value_at_path = zz_json_node_get_path (body, request->data_path);

      if (value_at_path == NULL)
        {
          g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                                   _("The response of %s has nothing at “%s”"),
                                      request->url, request->data_path);
          g_object_unref (task);
          return;
        }

      _zz_block_return_output (task, json_node_copy (value_at_path));
      return;
    }

  output = json_object_new ();
  headers = json_object_new ();
  soup_message_headers_iter_init (&iter, soup_message_get_response_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      json_object_set_string_member (headers, lower, value);
    }

  json_object_set_int_member (output, "status", status);
  json_object_set_string_member (output, "statusText",
                                 soup_message_get_reason_phrase (message) ? soup_message_get_reason_phrase (message) : "");
  json_object_set_object_member (output, "headers", headers);
  json_object_set_member (output, "body", g_steal_pointer (&body));

  _zz_block_return_output (task, zz_json_node_new_take_object (output));
}

static guint
hex_digits (gsize size)
{
  guint n = 1;

  while (size >= 16)
    {
      size /= 16;
      n++;
    }

  return n;
}

/* libsoup ends a chunked body without an error when the connection closes
 * where a chunk-size line should start (soup_body_input_stream_read_chunked
 * returns what it read, 0, in its CHUNK_SIZE state), so a reply cut at a
 * chunk boundary reads as complete. The bytes that came over the wire tell
 * it apart: a complete body of S bytes holds at least its data, one chunk's
 * size line and line end (hex digits of S + 2, with the bare LF libsoup
 * also accepts) and the last chunk "0" with its line end and the empty
 * line that closes the trailers (3). More chunks, CRLF, extensions and
 * trailers only add bytes, so a complete reply is never below that minimum;
 * a reply cut after its first chunk always is. A cut after two or more
 * chunks is not seen: their extra framing makes up for the missing end.
 *
 * Only where that arithmetic holds: a chunked HTTP/1 body with no
 * Content-Encoding (the decoded size would not be the wire's). The metrics
 * count every body byte read from the socket since the message's first
 * response, never fewer than this response's, so a redirect only hides a
 * cut, never invents one; the size is what this response's stream gave. */
static gboolean
chunked_body_was_cut (Request *request)
{
  SoupMessage        *message = request->message;
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  SoupMessageMetrics *metrics = soup_message_get_metrics (message);
  guint               status = soup_message_get_status (message);
  gsize               size = request->body->len;
  guint64             least;

  if (metrics == NULL || soup_message_get_http_version (message) == SOUP_HTTP_2_0 ||
      soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CHUNKED ||
      soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return FALSE;

  /* These have no body whatever their headers say (as libsoup reads them). */
  if (g_str_equal (soup_message_get_method (message), "HEAD") || SOUP_STATUS_IS_INFORMATIONAL (status) ||
      status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_NOT_MODIFIED)
    return FALSE;

  least = (guint64) size + (size > 0 ? hex_digits (size) + 2 : 0) + 3;

  return soup_message_metrics_get_response_body_bytes_received (metrics) < least;
}

static void
on_chunk_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask   *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                                 _("Could not read the response of %s: %s"), request->url, error->message);
      g_object_unref (task);
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      if (chunked_body_was_cut (request))
        {
          g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                                   _("The response of %s was cut short"), request->url);
          g_object_unref (task);
          return;
        }

      finish_request (task);
      return;
    }

  if ((gint64) (request->body->len + g_bytes_get_size (bytes)) > request->max_size)
    {
      g_autofree char *limit = g_format_size_full ((guint64) request->max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                               _("The response of %s is larger than %s"), request->url, limit);
      g_object_unref (task);
      return;
    }

  g_byte_array_append (request->body, g_bytes_get_data (bytes, NULL), (guint) g_bytes_get_size (bytes));
  read_next_chunk (task);
}

static void
read_next_chunk (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (request->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_chunk_read_cb, task);
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask   *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_FAILED,
                                 _("Could not reach %s: %s"), request->url, error->message);
      g_object_unref (task);
      return;
    }

  read_next_chunk (task);
}

static gboolean
build_uri (JsonObject *config,
           GUri      **uri_out,
           GError    **error)
{
  const char *url = zz_json_object_get_string (config, "url", "");
  JsonObject *query = zz_json_object_get_object (config, "query");
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                   _("“%s” is not a web address: %s"), url, local_error->message);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, ZZ_ENGINE_ERROR, ZZ_ENGINE_ERROR_CONFIG,
                   _("“%s” is not an http or https address"), url);
      return FALSE;
    }

  if (query != NULL && json_object_get_size (query) > 0)
    {
      g_autoptr(GString) params = g_string_new (g_uri_get_query (uri));
      JsonObjectIter iter;
      const char    *name;
      JsonNode      *value;

      json_object_iter_init (&iter, query);
      while (json_object_iter_next (&iter, &name, &value))
        {
          g_autofree char *text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                                    ? g_strdup (json_node_get_string (value))
                                    : zz_json_to_string (value, FALSE);

          if (params->len > 0)
            g_string_append_c (params, '&');
          g_string_append_uri_escaped (params, name, NULL, FALSE);
          g_string_append_c (params, '=');
          g_string_append_uri_escaped (params, text, NULL, FALSE);
        }

      *uri_out = g_uri_build (g_uri_get_flags (uri), g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                              g_uri_get_host (uri), g_uri_get_port (uri), g_uri_get_path (uri),
                              params->str, g_uri_get_fragment (uri));
      return TRUE;
    }

  *uri_out = g_steal_pointer (&uri);
  return TRUE;
}

static void
set_request_body (SoupMessage *message,
                  JsonObject  *config,
                  JsonNode    *input)
{
  JsonNode        *body = json_object_get_member (config, "body");
  const char      *method = soup_message_get_method (message);
  const char      *body_type = zz_json_object_get_string (config, "bodyType", "json");
  g_autofree char *text = NULL;
  const char      *content_type;

  /* A webhook (or a request told so) with no body of its own sends the
   * data it was given, as the platform's webhook blocks do. */
  if ((body == NULL || JSON_NODE_HOLDS_NULL (body)) && input != NULL && !JSON_NODE_HOLDS_NULL (input) &&
      (g_str_equal (method, "POST") || g_str_equal (method, "PUT") || g_str_equal (method, "PATCH")) &&
      zz_json_object_get_bool (config, "sendInputAsBody", FALSE))
    body = input;

  if (body == NULL || JSON_NODE_HOLDS_NULL (body))
    return;

  if (g_str_equal (body_type, "form") && JSON_NODE_HOLDS_OBJECT (body))
    {
      g_autoptr(GString) form = g_string_new (NULL);
      JsonObjectIter iter;
      const char    *name;
      JsonNode      *value;

      json_object_iter_init (&iter, json_node_get_object (body));
      while (json_object_iter_next (&iter, &name, &value))
        {
          g_autofree char *field = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                                     ? g_strdup (json_node_get_string (value))
                                     : zz_json_to_string (value, FALSE);

          if (form->len > 0)
            g_string_append_c (form, '&');
          g_string_append_uri_escaped (form, name, NULL, FALSE);
          g_string_append_c (form, '=');
          g_string_append_uri_escaped (form, field, NULL, FALSE);
        }
      text = g_string_free (g_steal_pointer (&form), FALSE);
      content_type = "application/x-www-form-urlencoded";
    }
  else if (JSON_NODE_HOLDS_VALUE (body) && json_node_get_value_type (body) == G_TYPE_STRING)
    {
      text = g_strdup (json_node_get_string (body));
      content_type = g_str_equal (body_type, "text") ? "text/plain; charset=utf-8" : "application/json";
    }
  else
    {
      text = zz_json_to_string (body, FALSE);
      content_type = "application/json";
    }

  /* A Content-Type given in the headers wins; the call below replaces the
   * header, so keep a copy of it. */
  {
    const char      *given = soup_message_headers_get_one (soup_message_get_request_headers (message), "Content-Type");
    g_autofree char *type = g_strdup (given ? given : content_type);
    gsize            length = strlen (text);
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

    soup_message_set_request_body_from_bytes (message, type, bytes);
  }
}

static void
http_execute (ZzBlockType    *type,
              JsonObject     *config,
              JsonNode       *input,
              ZzBlockContext *context,
              GTask          *task)
{
  const char *method = zz_json_object_get_string (config, "method", "GET");
  JsonObject *headers = zz_json_object_get_object (config, "headers");
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;

  if (!build_uri (config, &uri, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  request = g_new0 (Request, 1);
  request->url = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
  request->message = soup_message_new_from_uri (method, uri);
  request->body = g_byte_array_new ();
  request->max_size = zz_json_object_get_int (config, "maxResponseSize", DEFAULT_MAX_RESPONSE);
  request->data_path = g_strdup (zz_json_object_get_string (config, "dataPath", NULL));
  request->fail_on_http_error = zz_json_object_get_bool (config, "failOnHttpError", TRUE);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (headers != NULL)
    {
      JsonObjectIter iter;
      const char    *name;
      JsonNode      *value;

      json_object_iter_init (&iter, headers);
      while (json_object_iter_next (&iter, &name, &value))
        {
          g_autofree char *text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                                    ? g_strdup (json_node_get_string (value))
                                    : zz_json_to_string (value, FALSE);

          soup_message_headers_replace (soup_message_get_request_headers (request->message), name, text);
        }
    }

  if (!zz_json_object_get_bool (config, "followRedirects", TRUE))
    soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);
  /* For the bytes on the wire, to tell a cut chunked body (see
   * chunked_body_was_cut()). */
  soup_message_add_flags (request->message, SOUP_MESSAGE_COLLECT_METRICS);

  set_request_body (request->message, config, input);

  soup_session_send_async (context->session, request->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), on_sent_cb, task);
}

static gboolean
http_validate (ZzBlockType *type,
               JsonObject  *config,
               GError     **error)
{
  const char *url = zz_json_object_get_string (config, "url", "");
  g_autoptr(GUri) uri = NULL;

  /* A templated address is checked once resolved. */
  if (strstr (url, "{") != NULL)
    return TRUE;

  return build_uri (config, &uri, error);
}

static const ZzConfigField http_fields[] = {
  { "url", ZZ_FIELD_STRING, N_ ("URL"), N_ ("The address to call, e.g. https://api.example.org/price"),
    NULL, NULL, 0, 0, ZZ_FIELD_REQUIRED },
  { "method", ZZ_FIELD_CHOICE, N_ ("Method"), NULL, "\"GET\"", "GET|POST|PUT|DELETE|PATCH|HEAD" },
  { "headers", ZZ_FIELD_KEY_VALUE, N_ ("Headers"), NULL, "{}" },
  { "query", ZZ_FIELD_KEY_VALUE, N_ ("Query Parameters"), NULL, "{}" },
  { "body", ZZ_FIELD_JSON, N_ ("Body"), N_ ("Sent as JSON, text or a form") },
  { "bodyType", ZZ_FIELD_CHOICE, N_ ("Body Type"), NULL, "\"json\"", "json|text|form" },
  { "dataPath", ZZ_FIELD_STRING, N_ ("Data Path"), N_ ("Output only this part of the response body, e.g. data.price") },
  { "retries", ZZ_FIELD_INTEGER, N_ ("Retries"), N_ ("Tries again after a failure"), "3", NULL, 0, 10, ZZ_FIELD_ADVANCED },
  { "timeout", ZZ_FIELD_INTEGER, N_ ("Timeout (ms)"), NULL, "10000", NULL, 1000, 300000, ZZ_FIELD_ADVANCED },
  { "followRedirects", ZZ_FIELD_BOOLEAN, N_ ("Follow Redirects"), NULL, "true", NULL, 0, 0, ZZ_FIELD_ADVANCED },
  { "failOnHttpError", ZZ_FIELD_BOOLEAN, N_ ("Fail on Error Status"), N_ ("Fail when the status is not 2xx"),
    "true", NULL, 0, 0, ZZ_FIELD_ADVANCED },
  { "maxResponseSize", ZZ_FIELD_INTEGER, N_ ("Largest Response (bytes)"), NULL, "10485760", NULL, 1, 1073741824,
    ZZ_FIELD_ADVANCED },
  { "sendInputAsBody", ZZ_FIELD_BOOLEAN, N_ ("Send Input as Body"),
    N_ ("With no body set, POST, PUT and PATCH send the node’s input as JSON"), "false", NULL, 0, 0,
    ZZ_FIELD_ADVANCED },
};

const ZzBlockTypeInfo *
_zz_block_http_request_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "HTTP_REQUEST",
    .title = N_ ("HTTP Request"),
    .description = N_ ("Calls a web address and outputs the response"),
    .category = "action",
    .icon_name = "network-transmit-receive-symbolic",
    .tags = "http api rest web fetch get post url request",
    .fields = http_fields,
    .n_fields = G_N_ELEMENTS (http_fields),
    .execute = http_execute,
    .validate = http_validate,
  };

  return &info;
}

static const ZzConfigField webhook_fields[] = {
  { "url", ZZ_FIELD_STRING, N_ ("URL"), N_ ("The webhook’s address"), NULL, NULL, 0, 0, ZZ_FIELD_REQUIRED },
  { "method", ZZ_FIELD_CHOICE, N_ ("Method"), NULL, "\"POST\"", "GET|POST|PUT|DELETE|PATCH" },
  { "headers", ZZ_FIELD_KEY_VALUE, N_ ("Headers"), NULL, "{}" },
  { "body", ZZ_FIELD_JSON, N_ ("Body"), N_ ("Sent as JSON") },
  { "retries", ZZ_FIELD_INTEGER, N_ ("Retries"), NULL, "3", NULL, 0, 10, ZZ_FIELD_ADVANCED },
  { "timeout", ZZ_FIELD_INTEGER, N_ ("Timeout (ms)"), NULL, "10000", NULL, 1000, 300000, ZZ_FIELD_ADVANCED },
  { "sendInputAsBody", ZZ_FIELD_BOOLEAN, N_ ("Send Input as Body"),
    N_ ("With no body set, the node’s input is sent as JSON"), "true", NULL, 0, 0, ZZ_FIELD_ADVANCED },
};

const ZzBlockTypeInfo *
_zz_block_webhook_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "WEBHOOK",
    .title = N_ ("Webhook"),
    .description = N_ ("Sends data to a webhook address"),
    .category = "action",
    .icon_name = "send-to-symbolic",
    .tags = "webhook http post callback slack discord",
    .fields = webhook_fields,
    .n_fields = G_N_ELEMENTS (webhook_fields),
    .execute = http_execute,
    .validate = http_validate,
  };

  return &info;
}
