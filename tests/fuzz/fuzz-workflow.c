/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-workflow.c: importing a workflow file, on any bytes
 *
 * Import, validate, export, import the export, export again: a file from
 * anywhere must open without a crash or a critical, and what the app
 * writes it must read back and write byte for byte the same, with the
 * same problems, or a round trip through a file loses something.
 *
 * ZZ_FUZZ_WORKFLOW_ANY_ORDER=1 compares the two exports as JSON values, so
 * that member order alone is not a finding: the order of top-level keys
 * still moves on a second export today (an "id" that is not a non-empty
 * string, before a key this app does not know), and a run that stops there
 * every time finds nothing else.
 */
#include "config.h"

#include <string.h>

#include "zz-block-registry.h"
#include "zz-fuzz.h"
#include "zz-json.h"
#include "zz-workflow.h"

static ZzBlockRegistry *registry;
static gboolean         any_order;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  zz_fuzz_init ();
  /* Validation checks configs against the built-in blocks, as the app does. */
  registry = zz_block_registry_get_default ();
  any_order = g_strcmp0 (g_getenv ("ZZ_FUZZ_WORKFLOW_ANY_ORDER"), "1") == 0;
  return 0;
}

static char *
describe_problems (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      ZzProblem *problem = g_ptr_array_index (problems, i);

      if (!g_utf8_validate (problem->message, -1, NULL))
        zz_fuzz_fail ("a problem's message is not UTF-8");
      g_string_append_printf (text, "%d %d %s\n", problem->kind, problem->severity,
                              problem->message);
    }

  return g_string_free (text, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(ZzWorkflow) reimported = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) reimported_problems = NULL;
  g_autofree char *described = NULL;
  g_autofree char *reimported_described = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;

  workflow = zz_workflow_new_from_data ((const char *) data, size, &error);
  if (workflow == NULL)
    {
      if (error == NULL)
        zz_fuzz_fail ("zz_workflow_new_from_data() failed without an error");
      if (!g_utf8_validate (error->message, -1, NULL))
        zz_fuzz_fail ("the error message is not UTF-8");
      return 0;
    }

  problems = zz_workflow_validate (workflow, zz_block_registry_check, registry);
  described = describe_problems (problems);

  exported = zz_workflow_to_data (workflow, FALSE);
  reimported = zz_workflow_new_from_data (exported, -1, &error);
  if (reimported == NULL)
    zz_fuzz_fail ("the export does not import: %s\n%s", error->message, exported);

  reimported_problems = zz_workflow_validate (reimported, zz_block_registry_check, registry);
  reimported_described = describe_problems (reimported_problems);
  if (strcmp (described, reimported_described) != 0)
    zz_fuzz_fail ("the export has other problems than the file:\n%s--\n%s--\n%s",
                  described, reimported_described, exported);

  exported_again = zz_workflow_to_data (reimported, FALSE);
  if (any_order)
    {
      g_autoptr(JsonNode) first = zz_json_parse (exported, -1, NULL);
      g_autoptr(JsonNode) second = zz_json_parse (exported_again, -1, NULL);

      if (second == NULL || !json_node_equal (first, second))
        zz_fuzz_fail ("exported twice, the value differs:\n%s\n%s", exported, exported_again);
    }
  else if (strcmp (exported, exported_again) != 0)
    zz_fuzz_fail ("exported twice, the text differs:\n%s\n%s", exported, exported_again);

  return 0;
}
