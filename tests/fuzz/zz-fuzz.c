/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-fuzz.c: what the fuzz targets share */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zz-fuzz.h"
#include "zz-json.h"

void
zz_fuzz_init (void)
{
  /* The code under test reports bad input as a GError, never with a
   * warning: a critical or a warning is a bug, so it must stop the run. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

void
zz_fuzz_fail (const char *format,
              ...)
{
  va_list args;

  /* run-fuzzers.sh names the finding from this prefix. */
  fputs ("zz-fuzz: ", stderr);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

char *
zz_fuzz_strndup (const uint8_t *data,
                 size_t         size)
{
  char *text = g_malloc (size + 1);

  if (size > 0)
    memcpy (text, data, size);
  text[size] = '\0';
  return text;
}

static JsonNode *
parse_fixed (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = zz_json_parse (text, -1, &error);

  if (node == NULL)
    zz_fuzz_fail ("the fuzzers' scope is not JSON: %s", error->message);
  return node;
}

ZzTemplateScope *
zz_fuzz_scope_get (void)
{
  static ZzTemplateScope scope;

  /* Built once and kept for the whole run (reachable, so not a leak). */
  if (scope.outputs == NULL)
    {
      g_autoptr(JsonNode) variables = NULL;

      scope.outputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) json_node_unref);
      g_hash_table_insert (scope.outputs, g_strdup ("fetch"),
                           parse_fixed ("{\"status\": 200, \"body\": {\"price\": 65000.5, "
                                        "\"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}], "
                                        "\"key with spaces\": \"spaced\", \"text\": \"ünï\"}}"));
      g_hash_table_insert (scope.outputs, g_strdup ("n1"),
                           parse_fixed ("{\"count\": 3, \"ratio\": 0.25, \"whole\": 2.0, \"ok\": true, "
                                        "\"nothing\": null, \"list\": [1, 2, 3], \"obj\": {\"a\": 1}, "
                                        "\"big\": 1e300, \"neg\": -9223372036854775808}"));
      g_hash_table_insert (scope.outputs, g_strdup ("node-2"), parse_fixed ("\"plain\""));
      g_hash_table_insert (scope.outputs, g_strdup ("empty"), parse_fixed ("null"));

      scope.json = parse_fixed ("{\"field\": \"hello\", \"a\": {\"b\": 42}, \"list\": [\"first\", \"second\"], "
                                "\"price\": \"70000\", \"tags\": [\"x\", \"y\"]}");
      scope.data = NULL;
      scope.input = parse_fixed ("{\"user\": {\"email\": \"ada@example.org\"}, \"n\": 0}");
      variables = parse_fixed ("{\"threshold\": 70000, \"name\": \"Ada\", \"cfg\": {\"x\": 1}, "
                               "\"a\": 2, \"b\": \"x\"}");
      scope.variables = json_object_ref (json_node_get_object (variables));
    }

  return &scope;
}
