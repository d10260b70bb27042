/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-graph-private.h: a workflow's nodes and edges as a graph
 *
 * Built once, read many times: the cycle check, the loop check of a new
 * connection and the layout walk the same adjacency. A vertex is a dense
 * index; vertices 0 .. n_nodes - 1 are the document's nodes in list order.
 * A node id names the first node of that id (a file may have two), so a
 * later node of a duplicate id is a vertex with no arcs. Self loops are
 * left out: no walk of a path, a cycle or a layer needs one.
 *
 * Arcs are stored in compressed rows (offsets + targets), each vertex's
 * successors and predecessors in the order of the edge list. The graph
 * borrows the id strings of the document's nodes and edges: do not change
 * the document while one is alive.
 */
#pragma once

#include "zz-workflow.h"

G_BEGIN_DECLS

typedef struct _ZzWorkflowGraph ZzWorkflowGraph;

/* Only the edges between two nodes of @workflow: an edge from or to an id
 * no node has is left out. */
ZzWorkflowGraph *_zz_workflow_graph_new              (ZzWorkflow      *workflow);
/* Every edge: an id that edges name and no node has becomes a vertex too,
 * numbered from n_nodes on, in the order the edges first name it. */
ZzWorkflowGraph *_zz_workflow_graph_new_with_missing (ZzWorkflow      *workflow);
void             _zz_workflow_graph_free             (ZzWorkflowGraph *graph);

/* The number of nodes of the document (not counting missing ids). */
guint            _zz_workflow_graph_get_n_nodes      (ZzWorkflowGraph *graph);
/* The nodes and, in a graph with missing ids, those ids. */
guint            _zz_workflow_graph_get_n_vertices   (ZzWorkflowGraph *graph);
/* FALSE when no vertex has that id. */
gboolean         _zz_workflow_graph_lookup           (ZzWorkflowGraph *graph,
                                                      const char      *id,
                                                      guint           *vertex);
const char      *_zz_workflow_graph_get_id           (ZzWorkflowGraph *graph,
                                                      guint            vertex);
/* Returns: (transfer none) (array length=n_successors): the vertices the
 * edges from @vertex go to, one per edge */
const guint     *_zz_workflow_graph_get_successors   (ZzWorkflowGraph *graph,
                                                      guint            vertex,
                                                      guint           *n_successors);
/* Returns: (transfer none) (array length=n_predecessors): the vertices the
 * edges into @vertex come from, one per edge */
const guint     *_zz_workflow_graph_get_predecessors (ZzWorkflowGraph *graph,
                                                      guint            vertex,
                                                      guint           *n_predecessors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZzWorkflowGraph, _zz_workflow_graph_free)

G_END_DECLS
