/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-validate.c: what is wrong with a workflow, for the user
 *
 * Unknown blocks, missing required config, duplicate ids, dangling edges,
 * self loops and one cycle, each a ZzProblem naming the node or edge; and
 * a workflow that no trigger starts.
 */
#define G_LOG_DOMAIN "zz-workflow-validate"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-workflow.h"
#include "zz-workflow-graph-private.h"

static const char *const known_block_types[] = {
  "HTTP_REQUEST",
  "EMAIL",
  "NOTIFICATION",
  "PRICE_MONITOR",
  "CONDITION",
  "SCHEDULE",
  "WEBHOOK",
  "CUSTOM",
  "DATA_TRANSFORM",
  "WALLET_LISTEN",
  "AI_AGENT",
  "CALCULATOR",
  "MAGIC_WALLET",
  "SEND_TRANSACTION",
  "CHECK_BALANCE",
  "SWAP_TOKENS",
  "CREATE_WALLET",
  /* This app's own */
  "MANUAL_TRIGGER",
  "DELAY",
};

/**
 * zz_workflow_is_known_block_type:
 * @block_type: a block type name
 *
 * The platform's UNKNOWN is a placeholder for a block it could not name,
 * and nothing can run it: it is not known.
 *
 * Returns: whether @block_type is one of the platform's block types or
 * this app's MANUAL_TRIGGER and DELAY
 */
gboolean
zz_workflow_is_known_block_type (const char *block_type)
{
  if (block_type == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (known_block_types); i++)
    if (g_str_equal (block_type, known_block_types[i]))
      return TRUE;

  return FALSE;
}

/* The blocks a run starts at (blocks.md: a manual start, a schedule, a
 * price or a wallet watched). */
static const char *const trigger_block_types[] = {
  "MANUAL_TRIGGER",
  "SCHEDULE",
  "PRICE_MONITOR",
  "WALLET_LISTEN",
};

static gboolean
has_enabled_trigger (ZzWorkflow *self)
{
  GListModel *nodes = zz_workflow_get_nodes (self);
  guint       n = g_list_model_get_n_items (nodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);
      const char *block_type = zz_node_get_block_type (node);

      if (!zz_node_get_enabled (node) || block_type == NULL)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (trigger_block_types); j++)
        if (g_str_equal (block_type, trigger_block_types[j]))
          return TRUE;
    }

  return FALSE;
}

static gboolean
config_value_is_missing (JsonObject *config,
                         const char *key)
{
  JsonNode *node = json_object_get_member (config, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (json_node_get_string (node)));

      return *stripped == '\0';
    }

  return FALSE;
}

static void
validate_node (ZzWorkflow      *self,
               ZzNode          *node,
               GHashTable      *seen,
               ZzBlockTypeCheck check,
               gpointer         user_data,
               GPtrArray       *problems)
{
  const char        *id = zz_node_get_id (node);
  const char        *block_type = zz_node_get_block_type (node);
  const char *const *required = NULL;
  gboolean           known;

  if (!g_hash_table_add (seen, (char *) id))
    g_ptr_array_add (problems,
                     zz_problem_new (ZZ_PROBLEM_DUPLICATE_ID, ZZ_PROBLEM_ERROR, id, NULL,
                                     _("Two nodes have the id “%s”"), id));

  if (check != NULL)
    known = check (block_type, &required, user_data);
  else
    known = zz_workflow_is_known_block_type (block_type);

  if (!known)
    {
      /* Kept and shown: a workflow from a newer platform still opens. */
      g_ptr_array_add (problems,
                       zz_problem_new (ZZ_PROBLEM_UNKNOWN_BLOCK, ZZ_PROBLEM_WARNING, id, NULL,
                                       _("Node “%s” has an unknown block type “%s”"),
                                          id, block_type));
      return;
    }

  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    {
      if (config_value_is_missing (zz_node_get_config (node), required[i]))
        g_ptr_array_add (problems,
                         zz_problem_new (ZZ_PROBLEM_MISSING_CONFIG, ZZ_PROBLEM_ERROR, id, NULL,
                                         _("Node “%s” needs a value for “%s”"),
                                            id, required[i]));
    }
}

static void
validate_edge (ZzWorkflow *self,
               ZzEdge     *edge,
               GHashTable *seen,
               GPtrArray  *problems)
{
  const char *id = zz_edge_get_id (edge);
  const char *source = zz_edge_get_source (edge);
  const char *target = zz_edge_get_target (edge);

  if (!g_hash_table_add (seen, (char *) id))
    g_ptr_array_add (problems,
                     zz_problem_new (ZZ_PROBLEM_DUPLICATE_ID, ZZ_PROBLEM_ERROR, NULL, id,
                                     _("Two edges have the id “%s”"), id));

  if (zz_workflow_find_node (self, source) == NULL)
    g_ptr_array_add (problems,
                     zz_problem_new (ZZ_PROBLEM_DANGLING_EDGE, ZZ_PROBLEM_ERROR, NULL, id,
                                     _("Edge “%s” comes from a missing node “%s”"),
                                        id, source));

  if (zz_workflow_find_node (self, target) == NULL)
    g_ptr_array_add (problems,
                     zz_problem_new (ZZ_PROBLEM_DANGLING_EDGE, ZZ_PROBLEM_ERROR, NULL, id,
                                     _("Edge “%s” points to a missing node “%s”"),
                                        id, target));

  if (g_str_equal (source, target))
    g_ptr_array_add (problems,
                     zz_problem_new (ZZ_PROBLEM_SELF_LOOP, ZZ_PROBLEM_ERROR, source, id,
                                     _("Node “%s” is connected to itself"), source));
}

/* Finds one cycle by an iterative depth-first search (a workflow may have
 * thousands of nodes) and returns its node ids in edge order, or %NULL.
 * Self loops and dangling edges are reported apart and left out. */
static GPtrArray *
find_cycle (ZzWorkflow *self)
{
  g_autoptr(ZzWorkflowGraph) graph = _zz_workflow_graph_new (self);
  guint              n_nodes = _zz_workflow_graph_get_n_nodes (graph);
  g_autofree guint8 *color = g_new0 (guint8, n_nodes); /* 0 new, 1 on the path, 2 done */
  g_autofree guint  *stack = g_new (guint, n_nodes);
  g_autofree guint  *next_edge = g_new (guint, n_nodes);
  g_autofree guint  *stack_position = g_new (guint, n_nodes);
  GPtrArray         *cycle = NULL;

  for (guint root = 0; root < n_nodes && cycle == NULL; root++)
    {
      guint depth = 0;

      if (color[root] != 0)
        continue;

      stack[depth] = root;
      next_edge[depth] = 0;
      stack_position[root] = depth;
      color[root] = 1;
      depth++;

      while (depth > 0 && cycle == NULL)
        {
          guint        v = stack[depth - 1];
          guint        n_out;
          const guint *out = _zz_workflow_graph_get_successors (graph, v, &n_out);

          if (next_edge[depth - 1] < n_out)
            {
              guint w = out[next_edge[depth - 1]];

              next_edge[depth - 1]++;

              if (color[w] == 0)
                {
                  stack[depth] = w;
                  next_edge[depth] = 0;
                  stack_position[w] = depth;
                  color[w] = 1;
                  depth++;
                }
              else if (color[w] == 1)
                {
                  cycle = g_ptr_array_new_with_free_func (g_free);
                  for (guint k = stack_position[w]; k < depth; k++)
                    g_ptr_array_add (cycle, g_strdup (_zz_workflow_graph_get_id (graph, stack[k])));
                }
            }
          else
            {
              color[v] = 2;
              depth--;
            }
        }
    }

  return cycle;
}

static char *
describe_cycle (GPtrArray *cycle)
{
  g_autoptr(GString) list = g_string_new (NULL);

  g_assert (cycle->len >= 2);

  for (guint i = 0; i + 1 < cycle->len; i++)
    {
      if (i > 0)
        /* Translators: separates node names in a list */
        g_string_append (list, _(", "));
      g_string_append_printf (list, "“%s”", (const char *) g_ptr_array_index (cycle, i));
    }

  /* Translators: the first %s is a list of node names such as “a”, “b” */
  return g_strdup_printf (_("Nodes %s and “%s” form a cycle"),
                             list->str, (const char *) g_ptr_array_index (cycle, cycle->len - 1));
}

/**
 * zz_workflow_validate:
 * @self: a #ZzWorkflow
 * @check: (nullable) (scope call): tells known block types and their
 *   required config keys; %NULL knows the platform's names and checks no
 *   config
 * @user_data: data for @check
 *
 * Reports duplicate ids, unknown block types (a warning: the node is kept),
 * missing required config, edges to missing nodes, self loops, one
 * cycle, naming its nodes, and a workflow without an enabled trigger (a
 * warning: it can be saved and edited, and a run of it does nothing).
 *
 * Returns: (transfer full) (element-type ZzProblem): the problems, in node
 * then edge order, the cycle, then the missing trigger last; empty when
 * there are none
 */
GPtrArray *
zz_workflow_validate (ZzWorkflow      *self,
                      ZzBlockTypeCheck check,
                      gpointer         user_data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) zz_problem_free);
  g_autoptr(GHashTable) seen_nodes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_edges = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) cycle = NULL;
  guint n;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  n = g_list_model_get_n_items (zz_workflow_get_nodes (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (zz_workflow_get_nodes (self), i);

      validate_node (self, node, seen_nodes, check, user_data, problems);
    }

  n = g_list_model_get_n_items (zz_workflow_get_edges (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (zz_workflow_get_edges (self), i);

      validate_edge (self, edge, seen_edges, problems);
    }

  cycle = find_cycle (self);
  if (cycle != NULL)
    {
      g_autofree char *message = describe_cycle (cycle);

      g_ptr_array_add (problems,
                       zz_problem_new (ZZ_PROBLEM_CYCLE, ZZ_PROBLEM_ERROR,
                                       g_ptr_array_index (cycle, 0), NULL,
                                       "%s", message));
    }

  if (!has_enabled_trigger (self))
    g_ptr_array_add (problems,
                     zz_problem_new (ZZ_PROBLEM_NO_TRIGGER, ZZ_PROBLEM_WARNING, NULL, NULL,
                                     "%s", _("Nothing starts this workflow: add a trigger, such as Manual Trigger")));

  return g_steal_pointer (&problems);
}
