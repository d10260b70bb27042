/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json.c: the strict JSON reader and the writer, on any bytes
 *
 * zz_json_parse() reads every JSON the app gets from outside. What it
 * accepts, zz_json_to_string() must write as text that reads back as the
 * same value and is written again byte for byte the same, compact or
 * pretty: that is what export, the store's columns and HTTP bodies rely on.
 */
#include "config.h"

#include <string.h>

#include "zz-fuzz.h"
#include "zz-json.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  zz_fuzz_init ();
  return 0;
}

static JsonNode *
reparse (const char *text,
         const char *what)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = zz_json_parse (text, -1, &error);

  if (node == NULL)
    zz_fuzz_fail ("the %s writing does not read back: %s\n%s", what, error->message, text);
  return node;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) from_pretty = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *compact_again = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *pretty_again = NULL;

  /* The length is given: the reader must not look past it. */
  root = zz_json_parse ((const char *) data, size, &error);
  if (root == NULL)
    {
      if (error == NULL || error->domain != ZZ_JSON_ERROR)
        zz_fuzz_fail ("zz_json_parse() failed without a ZZ_JSON_ERROR");
      if (!g_utf8_validate (error->message, -1, NULL))
        zz_fuzz_fail ("the error message is not UTF-8");
      return 0;
    }
  if (error != NULL)
    zz_fuzz_fail ("zz_json_parse() gave a value and an error: %s", error->message);

  compact = zz_json_to_string (root, FALSE);
  again = reparse (compact, "compact");
  if (!json_node_equal (root, again))
    zz_fuzz_fail ("the compact writing reads back as another value:\n%s", compact);
  compact_again = zz_json_to_string (again, FALSE);
  if (strcmp (compact, compact_again) != 0)
    zz_fuzz_fail ("written twice, the compact text differs:\n%s\n%s", compact, compact_again);

  pretty = zz_json_to_string (root, TRUE);
  from_pretty = reparse (pretty, "pretty");
  if (!json_node_equal (root, from_pretty))
    zz_fuzz_fail ("the pretty writing reads back as another value:\n%s", pretty);
  pretty_again = zz_json_to_string (from_pretty, TRUE);
  if (strcmp (pretty, pretty_again) != 0)
    zz_fuzz_fail ("written twice, the pretty text differs:\n%s\n%s", pretty, pretty_again);

  return 0;
}
