/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-graph.c: one adjacency for every walk over a workflow */
#define G_LOG_DOMAIN "zz-workflow-graph"

#include "config.h"

#include "zz-workflow-graph-private.h"

/* Which end of an arc a row is keyed by. */
enum
{
  SUCCESSORS,
  PREDECESSORS
};

struct _ZzWorkflowGraph
{
  guint       n_nodes;
  GPtrArray  *ids;   /* vertex -> id, borrowed from the document */
  GHashTable *index; /* id -> vertex + 1 */

  /* Compressed rows, [SUCCESSORS] and [PREDECESSORS]: the arcs of vertex
   * v are targets[k][offsets[k][v] .. offsets[k][v + 1] - 1]. */
  guint *offsets[PREDECESSORS + 1];
  guint *targets[PREDECESSORS + 1];
};

/* The vertex + 1 of @id, 0 when there is none and @add is FALSE. */
static guint
resolve (ZzWorkflowGraph *graph,
         const char      *id,
         gboolean         add)
{
  guint vertex = GPOINTER_TO_UINT (g_hash_table_lookup (graph->index, id));

  if (vertex == 0 && add)
    {
      g_ptr_array_add (graph->ids, (char *) id);
      vertex = graph->ids->len;
      g_hash_table_insert (graph->index, (char *) id, GUINT_TO_POINTER (vertex));
    }

  return vertex;
}

/* A counting sort of @arcs (pairs from, to) by their end @key (SUCCESSORS:
 * from, PREDECESSORS: to), stable, so each row keeps the order of the edge
 * list. */
static void
build_rows (guint        n_vertices,
            const guint *arcs,
            guint        n_arcs,
            guint        key,
            guint      **offsets,
            guint      **targets)
{
  g_autofree guint *fill = NULL;

  *offsets = g_new0 (guint, n_vertices + 1);
  *targets = g_new (guint, MAX (n_arcs, 1));

  for (guint a = 0; a < n_arcs; a++)
    (*offsets)[arcs[2 * a + key] + 1]++;
  for (guint v = 0; v < n_vertices; v++)
    (*offsets)[v + 1] += (*offsets)[v];

  fill = g_memdup2 (*offsets, (n_vertices + 1) * sizeof (guint));
  for (guint a = 0; a < n_arcs; a++)
    (*targets)[fill[arcs[2 * a + key]]++] = arcs[2 * a + 1 - key];
}

static ZzWorkflowGraph *
graph_new (ZzWorkflow *workflow,
           gboolean    with_missing)
{
  GListModel       *nodes = zz_workflow_get_nodes (workflow);
  GListModel       *edges = zz_workflow_get_edges (workflow);
  guint             n_edges = g_list_model_get_n_items (edges);
  g_autofree guint *arcs = g_new (guint, 2 * MAX (n_edges, 1));
  ZzWorkflowGraph  *graph = g_new0 (ZzWorkflowGraph, 1);
  guint             n_arcs = 0;

  graph->n_nodes = g_list_model_get_n_items (nodes);
  graph->ids = g_ptr_array_sized_new (graph->n_nodes);
  graph->index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);
      const char *id = zz_node_get_id (node);

      g_ptr_array_add (graph->ids, (char *) id);
      if (!g_hash_table_contains (graph->index, id))
        g_hash_table_insert (graph->index, (char *) id, GUINT_TO_POINTER (i + 1));
    }

  for (guint e = 0; e < n_edges; e++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, e);
      guint from = resolve (graph, zz_edge_get_source (edge), with_missing);
      guint to = resolve (graph, zz_edge_get_target (edge), with_missing);

      if (from == 0 || to == 0 || from == to)
        continue;

      arcs[2 * n_arcs] = from - 1;
      arcs[2 * n_arcs + 1] = to - 1;
      n_arcs++;
    }

  for (guint key = SUCCESSORS; key <= PREDECESSORS; key++)
    build_rows (graph->ids->len, arcs, n_arcs, key, &graph->offsets[key], &graph->targets[key]);

  return graph;
}

ZzWorkflowGraph *
_zz_workflow_graph_new (ZzWorkflow *workflow)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), NULL);

  return graph_new (workflow, FALSE);
}

ZzWorkflowGraph *
_zz_workflow_graph_new_with_missing (ZzWorkflow *workflow)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (workflow), NULL);

  return graph_new (workflow, TRUE);
}

void
_zz_workflow_graph_free (ZzWorkflowGraph *graph)
{
  g_ptr_array_unref (graph->ids);
  g_hash_table_unref (graph->index);
  for (guint key = SUCCESSORS; key <= PREDECESSORS; key++)
    {
      g_free (graph->offsets[key]);
      g_free (graph->targets[key]);
    }
  g_free (graph);
}

guint
_zz_workflow_graph_get_n_nodes (ZzWorkflowGraph *graph)
{
  return graph->n_nodes;
}

guint
_zz_workflow_graph_get_n_vertices (ZzWorkflowGraph *graph)
{
  return graph->ids->len;
}

gboolean
_zz_workflow_graph_lookup (ZzWorkflowGraph *graph,
                           const char      *id,
                           guint           *vertex)
{
  guint found = resolve (graph, id, FALSE);

  if (found == 0)
    return FALSE;

  *vertex = found - 1;
  return TRUE;
}

const char *
_zz_workflow_graph_get_id (ZzWorkflowGraph *graph,
                           guint            vertex)
{
  g_return_val_if_fail (vertex < graph->ids->len, NULL);

  return g_ptr_array_index (graph->ids, vertex);
}

static const guint *
get_row (ZzWorkflowGraph *graph,
         guint            key,
         guint            vertex,
         guint           *n_targets)
{
  g_return_val_if_fail (vertex < graph->ids->len, NULL);

  *n_targets = graph->offsets[key][vertex + 1] - graph->offsets[key][vertex];
  return graph->targets[key] + graph->offsets[key][vertex];
}

const guint *
_zz_workflow_graph_get_successors (ZzWorkflowGraph *graph,
                                   guint            vertex,
                                   guint           *n_successors)
{
  return get_row (graph, SUCCESSORS, vertex, n_successors);
}

const guint *
_zz_workflow_graph_get_predecessors (ZzWorkflowGraph *graph,
                                     guint            vertex,
                                     guint           *n_predecessors)
{
  return get_row (graph, PREDECESSORS, vertex, n_predecessors);
}
