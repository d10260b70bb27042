/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-expression.c: CONDITION expressions, on any bytes
 *
 * A condition from an imported workflow is parsed and evaluated, never run
 * as code; whatever it holds must give a result or an error, without a
 * crash, a critical or a leak. References resolve against a fixed scope
 * of node outputs, input and variables.
 */
#include "config.h"

#include "zz-engine-error.h"
#include "zz-expression.h"
#include "zz-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  zz_fuzz_init ();
  zz_fuzz_scope_get ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *expression = zz_fuzz_strndup (data, size);
  g_autoptr(GError) error = NULL;
  gboolean result = 2;
  gboolean ok;

  ok = zz_expression_evaluate (expression, zz_fuzz_scope_get (), &result, &error);

  if (ok == (error != NULL))
    zz_fuzz_fail ("%s", ok ? "a result and an error" : "no result and no error");
  if (ok && result != TRUE && result != FALSE)
    zz_fuzz_fail ("succeeded without setting the result");
  if (error != NULL &&
      (error->domain != ZZ_ENGINE_ERROR ||
       (error->code != ZZ_ENGINE_ERROR_EXPRESSION && error->code != ZZ_ENGINE_ERROR_TEMPLATE)))
    zz_fuzz_fail ("an error of another kind: %s", error->message);
  if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
    zz_fuzz_fail ("the error message is not UTF-8");

  return 0;
}
