/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-bench-engine.c: the executor's benchmark
 *
 * A chain of MANUAL_TRIGGER then N DATA_TRANSFORM nodes, each setting one
 * field from its input ({{json.count}}), run exactly as any run is: a
 * worker thread, every NodeExecution row written as it happens.
 *
 * A run has a fixed cost (a thread, its own database connection, the
 * execution row), measured with the trigger alone; the overhead a node is
 * what each node adds beyond it, (T(N) - T(0)) / N, since the blocks
 * themselves do next to nothing. Target: at most 30 µs a node, at N = 100
 * and N = 10,000, so that the cost is linear in N. The plain average
 * T(N) / N is printed too.
 */
#define G_LOG_DOMAIN "zz-bench"

#include "config.h"

#include "zz-bench-private.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "zz-bench-engine.h"
#include "zz-executor.h"
#include "zz-json.h"
#include "zz-store.h"

#define TARGET_US_PER_NODE 30.0
#define N_RUNS             5

static ZzWorkflow *
build_chain (guint n_nodes)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Engine benchmark");
  g_autoptr(ZzNode) trigger = zz_node_new ("trigger", "MANUAL_TRIGGER");
  const char *previous = "trigger";

  zz_workflow_add_node (workflow, trigger, NULL);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *edge_id = g_strdup_printf ("e%u", i);
      g_autoptr(ZzNode) node = zz_node_new (id, "DATA_TRANSFORM");
      g_autoptr(ZzEdge) edge = zz_edge_new (edge_id, previous, NULL, id, NULL);
      g_autoptr(JsonObject) config = zz_json_parse_object (
        "{\"transformations\": [{\"type\": \"set\", \"outputField\": \"count\", \"value\": \"{{json.count}}\"}]}",
        -1, NULL);

      zz_node_set_position (node, 250.0 * (i + 1), 0);
      zz_node_set_config (node, config);
      zz_workflow_add_node (workflow, node, NULL);
      zz_workflow_add_edge (workflow, edge, NULL);
      previous = zz_node_get_id (node);
    }

  return g_steal_pointer (&workflow);
}

/* The median wall time of N_RUNS runs of @workflow, in seconds. */
static gboolean
time_runs (const char *path,
           ZzWorkflow *workflow,
           double     *median,
           GError    **error)
{
  g_autoptr(JsonNode) input = zz_json_parse ("{\"count\": 1}", -1, NULL);
  double seconds[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(ZzExecutor) executor = zz_executor_new (path, workflow);
      g_autoptr(ZzExecution) execution = NULL;
      gint64 start;

      zz_executor_set_input (executor, input);
      start = g_get_monotonic_time ();
      execution = zz_executor_run_sync (executor, NULL, error);
      seconds[run] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

      if (execution == NULL)
        return FALSE;

      if (execution->status != ZZ_RUN_STATUS_COMPLETED)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "The benchmark run ended %s: %s", zz_run_status_to_string (execution->status),
                       execution->error ? execution->error : "");
          return FALSE;
        }
    }

  *median = _zz_bench_median (seconds, N_RUNS);

  return TRUE;
}

gboolean
zz_bench_engine_run (guint    n_nodes,
                     GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ZzStore) store = NULL;
  g_autoptr(ZzWorkflow) workflow = build_chain (n_nodes);
  g_autoptr(ZzWorkflow) trigger_only = build_chain (0);
  double   whole, fixed, per_node;
  gboolean ok = FALSE;

  if (!(dir = g_dir_make_tmp ("zzyra-bench-XXXXXX", error)))
    return FALSE;

  path = g_build_filename (dir, "bench-engine.db", NULL);

  if (!(store = zz_store_open (path, error)) ||
      !zz_store_insert_workflow (store, trigger_only, error) ||
      !zz_store_insert_workflow (store, workflow, error) ||
      !time_runs (path, trigger_only, &fixed, error) ||
      !time_runs (path, workflow, &whole, error))
    goto out;

  per_node = MAX (whole - fixed, 0) * G_USEC_PER_SEC / n_nodes;

  g_print ("engine: MANUAL_TRIGGER + %u DATA_TRANSFORM nodes in a chain, rows persisted (medians of %d runs)\n",
           n_nodes, N_RUNS);
  g_print ("  whole run: %.1f ms; a run's fixed cost (trigger alone): %.2f ms; average %.1f µs a node\n",
           whole * 1000, fixed * 1000, whole * G_USEC_PER_SEC / (n_nodes + 1));
  g_print ("  overhead a node: %.1f µs (target ≤ %.0f µs) %s\n",
           per_node, TARGET_US_PER_NODE, per_node <= TARGET_US_PER_NODE ? "ok" : "SLOW");
  ok = TRUE;

out:
  g_clear_object (&store);
  _zz_bench_remove_database (path);
  g_rmdir (dir);

  return ok;
}
