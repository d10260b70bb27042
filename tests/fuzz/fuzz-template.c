/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-template.c: {{references}} in config values, on any text
 *
 * A workflow from anywhere brings its config strings, and they are
 * resolved against the outputs of the nodes upstream. The first byte picks
 * what is fuzzed; the rest is the config:
 *
 *   bits 0-1  0: one string value, zz_template_resolve()
 *             1: zz_template_resolve_string()
 *             2: a JSON config (object, array ...), zz_template_resolve()
 *             3: one reference, zz_template_resolve_reference()
 *   bit 2     the upstream data differs from the node's input
 *   bit 3     no scope at all
 *   bit 4     no workflow variables
 *   bit 5     no node outputs
 *
 * Invariants: a result or an error, never both; errors are the engine's
 * and quote valid UTF-8; what resolves is JSON the writer can write and
 * the reader read back as the same value.
 */
#include "config.h"

#include <string.h>

#include "zz-engine-error.h"
#include "zz-fuzz.h"
#include "zz-json.h"
#include "zz-template.h"

enum
{
  MODE_VALUE,
  MODE_STRING,
  MODE_CONFIG,
  MODE_REFERENCE,
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  zz_fuzz_init ();
  zz_fuzz_scope_get ();
  return 0;
}

static void
check_outcome (gboolean    resolved,
               GError     *error,
               const char *what)
{
  if (resolved == (error != NULL))
    zz_fuzz_fail ("%s: %s", what, resolved ? "a result and an error" : "no result and no error");
  if (error != NULL &&
      (error->domain != ZZ_ENGINE_ERROR || error->code != ZZ_ENGINE_ERROR_TEMPLATE))
    zz_fuzz_fail ("%s: an error of another kind: %s", what, error->message);
  if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
    zz_fuzz_fail ("%s: the error message is not UTF-8", what);
}

/* What a node resolves to is written into rows, outputs and HTTP bodies. */
static void
check_writable (JsonNode *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *text = zz_json_to_string (value, FALSE);

  again = zz_json_parse (text, -1, &error);
  if (again == NULL)
    zz_fuzz_fail ("a resolved value is written as text that does not read back: %s\n%s",
                  error->message, text);
  if (!json_node_equal (value, again))
    zz_fuzz_fail ("a resolved value reads back as another value:\n%s", text);
}

static void
fuzz_text (const ZzTemplateScope *scope,
           guint                  mode,
           const char            *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  zz_template_has_references (text);
  ids = zz_template_list_node_references (text);
  if (ids == NULL)
    zz_fuzz_fail ("zz_template_list_node_references() gave NULL");

  if (mode == MODE_STRING)
    {
      g_autofree char *resolved = zz_template_resolve_string (scope, text, &error);

      check_outcome (resolved != NULL, error, "zz_template_resolve_string()");
      if (resolved != NULL && !g_utf8_validate (resolved, -1, NULL))
        zz_fuzz_fail ("UTF-8 text resolves to text that is not:\n%s", text);
    }
  else if (mode == MODE_REFERENCE)
    {
      g_autoptr(JsonNode) resolved = zz_template_resolve_reference (scope, text, &error);

      check_outcome (resolved != NULL, error, "zz_template_resolve_reference()");
      if (resolved != NULL)
        check_writable (resolved);
    }
  else
    {
      g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), text);
      g_autoptr(JsonNode) resolved = zz_template_resolve (scope, value, &error);

      check_outcome (resolved != NULL, error, "zz_template_resolve()");
      if (resolved != NULL)
        check_writable (resolved);
    }
}

static void
fuzz_config (const ZzTemplateScope *scope,
             const uint8_t         *data,
             size_t                 size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) config = zz_json_parse ((const char *) data, size, NULL);
  g_autoptr(JsonNode) resolved = NULL;

  /* Configs come from zz_json_parse(), so only what it reads is fuzzed. */
  if (config == NULL)
    return;

  resolved = zz_template_resolve (scope, config, &error);
  check_outcome (resolved != NULL, error, "zz_template_resolve() of a config");
  if (resolved != NULL)
    check_writable (resolved);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  ZzTemplateScope        scope;
  const ZzTemplateScope *scope_arg = &scope;
  guint                  options;
  guint                  mode;

  if (size < 1)
    return 0;

  options = data[0];
  mode = options & 0x3;
  data++;
  size--;

  scope = *zz_fuzz_scope_get ();
  if (options & 0x4)
    scope.data = scope.input;
  if (options & 0x8)
    scope_arg = NULL;
  if (options & 0x10)
    scope.variables = NULL;
  if (options & 0x20)
    scope.outputs = NULL;

  if (mode == MODE_CONFIG)
    {
      fuzz_config (scope_arg, data, size);
    }
  else
    {
      g_autofree char *raw = zz_fuzz_strndup (data, size);
      g_autofree char *text = NULL;

      /* Config strings were read by zz_json_parse(), which lets only UTF-8
       * through: mend the rest rather than waste the input. */
      text = g_utf8_make_valid (raw, -1);
      fuzz_text (scope_arg, mode, text);
    }

  return 0;
}
