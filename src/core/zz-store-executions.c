/* zz-store-executions.c: WorkflowExecution and NodeExecution. */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include "zz-store-private.h"
#include "zz-time.h"

ZZ_STORE_DEFINE_CRUD (ZzExecution, execution)
ZZ_STORE_DEFINE_CRUD (ZzNodeExecution, node_execution)

/**
 * zz_store_get_execution_with_nodes:
 * @workflow: (out) (optional) (transfer full): the execution's workflow
 * @node_executions: (out) (optional) (transfer full) (element-type ZzNodeExecution):
 *   its node executions in start order
 *
 * The common query "execution with node details", read in one transaction
 * so that the three parts agree with each other.
 */
ZzExecution *
zz_store_get_execution_with_nodes (ZzStore     *self,
                                   const char  *execution_id,
                                   ZzWorkflow **workflow,
                                   GPtrArray  **node_executions,
                                   GError     **error)
{
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(ZzWorkflow) the_workflow = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  const char *args[] = { execution_id, NULL };

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (execution_id != NULL, NULL);

  if (!zz_store_begin (self, FALSE, error))
    return NULL;

  if (!(execution = zz_store_model_get (self, &zz_model_execution, execution_id, error)))
    goto failed;

  if (workflow != NULL &&
      !(the_workflow = zz_store_get_workflow (self, execution->workflow_id, error)))
    goto failed;

  if (node_executions != NULL &&
      !(nodes = zz_store_model_list (self, &zz_model_node_execution,
                                     "WHERE \"executionId\" = ?1 ORDER BY \"startedAt\", rowid",
                                     args, error)))
    goto failed;

  if (!zz_store_commit (self, error))
    return NULL;

  if (workflow != NULL)
    *workflow = g_steal_pointer (&the_workflow);
  if (node_executions != NULL)
    *node_executions = g_steal_pointer (&nodes);

  return g_steal_pointer (&execution);

failed:
  zz_store_rollback (self);
  return NULL;
}

/* (transfer full) (element-type ZzExecution): newest first */
GPtrArray *
zz_store_list_executions (ZzStore     *self,
                          const char  *workflow_id,
                          GError     **error)
{
  const char *args[] = { workflow_id, NULL };

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  return zz_store_model_list (self, &zz_model_execution,
                              "WHERE \"workflowId\" = ?1 ORDER BY \"createdAt\" DESC, rowid DESC",
                              args, error);
}

/**
 * zz_store_insert_node_executions:
 * @node_executions: (element-type ZzNodeExecution): rows; ids and times
 *   that are %NULL are filled in and written back, one time for all
 *
 * Inserts every row in one transaction with one prepared statement: all
 * of them or, on error, none.
 */
gboolean
zz_store_insert_node_executions (ZzStore     *self,
                                 GPtrArray   *node_executions,
                                 GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (node_executions != NULL, FALSE);

  now = zz_time_now_iso8601 ();

  if (!(stmt = zz_store_prepare (self, zz_model_node_execution.insert_sql, error)) ||
      !zz_store_begin (self, TRUE, error))
    return FALSE;

  for (guint i = 0; i < node_executions->len; i++)
    {
      if (!zz_store_model_insert_prepared (self, &zz_model_node_execution, stmt,
                                           g_ptr_array_index (node_executions, i), now, error))
        {
          zz_store_rollback (self);
          return FALSE;
        }
    }

  return zz_store_commit (self, error);
}
