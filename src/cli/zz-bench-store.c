/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-bench-store.c: the store's benchmark.
 *
 *  1. 100,000 NodeExecution rows inserted in one transaction, as the
 *     executor writes a large run (target: at least 200,000 rows/s);
 *  2. the sidebar's query, 1,000 workflows with 100 executions each, listed
 *     with their 5 latest executions (target: median of 20 runs <= 20 ms).
 */
#define G_LOG_DOMAIN "zz-bench"

#include "config.h"

#include "zz-bench-private.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "zz-bench-store.h"
#include "zz-store.h"

#define N_NODE_EXECUTIONS 100000
#define N_WORKFLOWS       1000
#define N_EXECUTIONS_EACH 100
#define N_LIST_RUNS       20

#define NODES_JSON                                                                                                                                             \
  "[{\"id\":\"trigger\",\"type\":\"MANUAL_TRIGGER\",\"position\":{\"x\":0,\"y\":0},\"data\":{\"label\":\"Start\",\"config\":{}}},"                             \
  "{\"id\":\"fetch\",\"type\":\"HTTP_REQUEST\",\"position\":{\"x\":200,\"y\":0},\"data\":{\"label\":\"Fetch\",\"config\":{\"url\":\"https://example.com\"}}}," \
  "{\"id\":\"wait\",\"type\":\"DELAY\",\"position\":{\"x\":400,\"y\":0},\"data\":{\"label\":\"Wait\",\"config\":{}}}]"

/* 1234567 -> "1,234,567" */
static char *
format_thousands (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  GString         *str = g_string_new (NULL);
  gsize            length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0 && g_ascii_isdigit (digits[i - 1]))
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }

  return g_string_free (str, FALSE);
}

static gboolean
bench_insert_node_executions (ZzStore *store,
                              GError **error)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Bench");
  g_autoptr(ZzExecution) execution = zz_execution_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *rate_text = NULL;
  gint64           start, elapsed;
  double           rate;

  if (!zz_store_insert_workflow (store, workflow, error))
    return FALSE;

  execution->workflow_id = g_strdup (zz_workflow_get_id (workflow));
  execution->user_id = g_strdup (zz_store_get_current_user_id (store));
  execution->status = ZZ_RUN_STATUS_RUNNING;
  if (!zz_store_insert_execution (store, execution, error))
    return FALSE;

  rows = g_ptr_array_new_full (N_NODE_EXECUTIONS, (GDestroyNotify) zz_node_execution_free);
  for (guint i = 0; i < N_NODE_EXECUTIONS; i++)
    {
      ZzNodeExecution *node = zz_node_execution_new ();

      node->execution_id = g_strdup (execution->id);
      node->node_id = g_strdup_printf ("node-%u", i % 100);
      node->status = ZZ_RUN_STATUS_COMPLETED;
      node->output = g_strdup ("{\"status\":200,\"ok\":true}");
      g_ptr_array_add (rows, node);
    }

  /* Ids and times are made inside the call, as for the executor's rows. */
  start = g_get_monotonic_time ();
  if (!zz_store_insert_node_executions (store, rows, error))
    return FALSE;
  elapsed = g_get_monotonic_time () - start;

  rate = N_NODE_EXECUTIONS / (elapsed / (double) G_USEC_PER_SEC);
  rate_text = format_thousands ((gint64) rate);
  g_print ("insert NodeExecution: %s rows/s (target ≥ 200,000) %s\n",
           rate_text, rate >= 200000 ? "ok" : "SLOW");

  return TRUE;
}

static gboolean
bench_list_workflows (ZzStore *store,
                      GError **error)
{
  const char *user_id = zz_store_get_current_user_id (store);
  double      times[N_LIST_RUNS];
  guint       n_items = 0;
  double      median;

  for (guint i = 0; i < N_WORKFLOWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Workflow %u", i);
      g_autoptr(ZzWorkflow) workflow = zz_workflow_new (name);
      g_autoptr(GPtrArray) executions = g_ptr_array_new_with_free_func ((GDestroyNotify) zz_execution_free);

      if (!zz_workflow_load_columns (workflow, NODES_JSON, "[]", NULL, error) ||
          !zz_store_insert_workflow (store, workflow, error))
        return FALSE;

      for (guint j = 0; j < N_EXECUTIONS_EACH; j++)
        {
          ZzExecution *execution = zz_execution_new ();

          execution->workflow_id = g_strdup (zz_workflow_get_id (workflow));
          execution->user_id = g_strdup (user_id);
          execution->status = j % 7 == 0 ? ZZ_RUN_STATUS_FAILED : ZZ_RUN_STATUS_COMPLETED;
          execution->created_at = g_strdup_printf ("2026-01-01T00:%02u:%02u.000Z", j / 60, j % 60);
          g_ptr_array_add (executions, execution);
        }

      if (!zz_store_insert_executions (store, executions, error))
        return FALSE;
    }

  for (guint run = 0; run < N_LIST_RUNS; run++)
    {
      g_autoptr(GListModel) list = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!(list = zz_store_list_workflows (store, user_id, error)))
        return FALSE;

      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      n_items = g_list_model_get_n_items (list);
    }

  median = _zz_bench_median (times, N_LIST_RUNS);
  g_print ("list workflows (%u workflows × %u executions, 5 latest each): median %.1f ms of %u runs (target ≤ 20 ms) %s\n",
           n_items, N_EXECUTIONS_EACH, median, N_LIST_RUNS,
           median <= 20.0 ? "ok" : "SLOW");

  return TRUE;
}

gboolean
zz_bench_store_run (const char *dir,
                    GError    **error)
{
  g_autofree char *own_dir = NULL;
  g_autofree char *path = NULL;
  gboolean         ok = FALSE;

  if (dir == NULL)
    {
      if (!(dir = own_dir = g_dir_make_tmp ("zzyra-bench-XXXXXX", error)))
        return FALSE;
    }

  path = g_build_filename (dir, "bench-store.db", NULL);
  _zz_bench_remove_database (path);

  {
    g_autoptr(ZzStore) store = zz_store_open (path, error);

    ok = store != NULL &&
         bench_insert_node_executions (store, error) &&
         bench_list_workflows (store, error);
  }

  _zz_bench_remove_database (path);
  if (own_dir != NULL)
    g_rmdir (own_dir);

  return ok;
}
