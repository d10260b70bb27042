/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-layout.c: "Tidy Up", a Sugiyama-style layered layout.
 *
 * The classic steps, kept simple: layers by longest path, virtual nodes on
 * edges longer than one layer (so that long edges get room and take part
 * in crossing reduction), barycenter sweeps down and up keeping the best
 * order found, then a fixed grid. Good enough for the tens of nodes of a
 * workflow; crossing counting is quadratic in the edges between two layers.
 */
#define G_LOG_DOMAIN "zz-workflow-layout"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-workflow-graph-private.h"
#include "zz-workflow-history.h"
#include "zz-workflow-layout.h"

#define N_SWEEPS 12

typedef struct
{
  int     node; /* index in the document, or -1 for a virtual node */
  int     layer;
  double  key;  /* sort key: barycenter, or the starting order */
  int     pos;  /* index inside its layer */
  GArray *succ; /* (element-type int) vertex indexes */
  GArray *pred;
} Vertex;

static void
vertex_free (Vertex *v)
{
  g_array_unref (v->succ);
  g_array_unref (v->pred);
  g_free (v);
}

static Vertex *
vertex_new (int node)
{
  Vertex *v = g_new0 (Vertex, 1);

  v->node = node;
  v->succ = g_array_new (FALSE, FALSE, sizeof (int));
  v->pred = g_array_new (FALSE, FALSE, sizeof (int));
  return v;
}

#define VERTEX(g, i) ((Vertex *) g_ptr_array_index ((g), (i)))

static void
link_vertices (GPtrArray *graph,
               int        from,
               int        to)
{
  g_array_append_val (VERTEX (graph, from)->succ, to);
  g_array_append_val (VERTEX (graph, to)->pred, from);
}

static int
compare_by_key (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GPtrArray    *graph = user_data;
  const Vertex *va = VERTEX (graph, *(const int *) a);
  const Vertex *vb = VERTEX (graph, *(const int *) b);

  if (va->key != vb->key)
    return va->key < vb->key ? -1 : 1;
  /* Stable: ties keep the order they had. */
  return va->pos - vb->pos;
}

static void
renumber (GPtrArray *graph,
          GArray    *layer)
{
  for (guint i = 0; i < layer->len; i++)
    VERTEX (graph, g_array_index (layer, int, i))->pos = i;
}

/* Crossings between @upper and the next layer, counting each pair of edges
 * whose ends are in opposite orders. */
static guint
count_crossings_between (GPtrArray *graph,
                         GArray    *upper)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  guint crossings = 0;

  for (guint i = 0; i < upper->len; i++)
    {
      Vertex *v = VERTEX (graph, g_array_index (upper, int, i));

      for (guint j = 0; j < v->succ->len; j++)
        {
          int pair[2] = { v->pos, VERTEX (graph, g_array_index (v->succ, int, j))->pos };

          g_array_append_val (ends, pair);
        }
    }

  for (guint a = 0; a < ends->len; a++)
    for (guint b = a + 1; b < ends->len; b++)
      {
        const int *ea = (const int *) (ends->data + a * sizeof (int) * 2);
        const int *eb = (const int *) (ends->data + b * sizeof (int) * 2);

        if ((ea[0] - eb[0]) * (ea[1] - eb[1]) < 0)
          crossings++;
      }

  return crossings;
}

static guint
count_crossings (GPtrArray *graph,
                 GPtrArray *layers)
{
  guint crossings = 0;

  for (guint l = 0; l + 1 < layers->len; l++)
    crossings += count_crossings_between (graph, g_ptr_array_index (layers, l));
  return crossings;
}

/* Sorts @layer by the mean position of each vertex's neighbours in the
 * layer before it (@down) or after it; a vertex without any keeps its
 * place. */
static void
sort_layer (GPtrArray *graph,
            GArray    *layer,
            gboolean   down)
{
  for (guint i = 0; i < layer->len; i++)
    {
      Vertex *v = VERTEX (graph, g_array_index (layer, int, i));
      GArray *neighbours = down ? v->pred : v->succ;
      double  sum = 0;

      if (neighbours->len == 0)
        {
          v->key = v->pos;
          continue;
        }
      for (guint j = 0; j < neighbours->len; j++)
        sum += VERTEX (graph, g_array_index (neighbours, int, j))->pos;
      v->key = sum / neighbours->len;
    }

  g_array_sort_with_data (layer, compare_by_key, graph);
  renumber (graph, layer);
}

static GPtrArray *
copy_layers (GPtrArray *layers)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint l = 0; l < layers->len; l++)
    {
      GArray *layer = g_ptr_array_index (layers, l);
      GArray *dup = g_array_sized_new (FALSE, FALSE, sizeof (int), layer->len);

      g_array_append_vals (dup, layer->data, layer->len);
      g_ptr_array_add (copy, dup);
    }
  return copy;
}

typedef struct
{
  ZzWorkflow      *workflow;
  GPtrArray       *nodes;     /* (element-type ZzNode) document order */
  ZzWorkflowGraph *graph;     /* vertex i is node i; self-loops and dangling left out */
  int             *vertex_of; /* node index -> its vertex in the part being laid out */
  double          *x;         /* results */
  double          *y;
} Layout;

/* The vertices of one connected part (@members: node indexes, document
 * order), linked as the document's edges link them. */
static GPtrArray *
make_vertices (Layout *layout,
               GArray *members)
{
  GPtrArray *graph = g_ptr_array_new_with_free_func ((GDestroyNotify) vertex_free);
  guint      n = members->len;

  for (guint i = 0; i < n; i++)
    {
      int node = g_array_index (members, int, i);

      g_ptr_array_add (graph, vertex_new (node));
      layout->vertex_of[node] = i;
    }

  /* A part is connected: every neighbour of a member is a member. */
  for (guint i = 0; i < n; i++)
    {
      Vertex      *v = VERTEX (graph, i);
      guint        n_succ, n_pred;
      const guint *succ = _zz_workflow_graph_get_successors (layout->graph, v->node, &n_succ);
      const guint *pred = _zz_workflow_graph_get_predecessors (layout->graph, v->node, &n_pred);

      for (guint j = 0; j < n_succ; j++)
        g_array_append_val (v->succ, layout->vertex_of[succ[j]]);
      for (guint j = 0; j < n_pred; j++)
        g_array_append_val (v->pred, layout->vertex_of[pred[j]]);
    }

  return graph;
}

/* Longest-path layers, in topological order (Kahn). A loop stops it: the
 * first node of the loop in document order is then taken as if its
 * remaining inputs were not there. */
static void
assign_layers (GPtrArray *graph)
{
  guint                n = graph->len;
  g_autofree int      *in_degree = g_new0 (int, n);
  g_autofree gboolean *placed = g_new0 (gboolean, n);
  guint                n_placed = 0;

  for (guint i = 0; i < n; i++)
    in_degree[i] = VERTEX (graph, i)->pred->len;

  while (n_placed < n)
    {
      gboolean progressed = FALSE;

      for (guint i = 0; i < n; i++)
        {
          Vertex *v = VERTEX (graph, i);

          if (placed[i] || in_degree[i] > 0)
            continue;

          placed[i] = TRUE;
          n_placed++;
          progressed = TRUE;
          for (guint j = 0; j < v->succ->len; j++)
            {
              int t = g_array_index (v->succ, int, j);

              if (placed[t])
                continue;
              VERTEX (graph, t)->layer = MAX (VERTEX (graph, t)->layer, v->layer + 1);
              in_degree[t]--;
            }
        }

      if (!progressed)
        for (guint i = 0; i < n; i++)
          if (!placed[i])
            {
              in_degree[i] = 0;
              break;
            }
    }
}

/* Edges that go back (a loop) are dropped; long ones get virtual nodes,
 * one per layer they cross. */
static void
insert_virtual_nodes (GPtrArray *graph)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (int));
  guint n = graph->len;

  for (guint i = 0; i < n; i++)
    {
      Vertex *v = VERTEX (graph, i);

      for (guint j = 0; j < v->succ->len; j++)
        {
          int from = i;

          g_array_append_val (pairs, from);
          g_array_append_val (pairs, g_array_index (v->succ, int, j));
        }
      g_array_set_size (v->succ, 0);
      g_array_set_size (v->pred, 0);
    }

  for (guint e = 0; e < pairs->len / 2; e++)
    {
      int from = g_array_index (pairs, int, 2 * e);
      int to = g_array_index (pairs, int, 2 * e + 1);
      int to_layer = VERTEX (graph, to)->layer;

      if (to_layer <= VERTEX (graph, from)->layer)
        continue;

      for (int l = VERTEX (graph, from)->layer + 1; l < to_layer; l++)
        {
          Vertex *dummy = vertex_new (-1);

          dummy->layer = l;
          g_ptr_array_add (graph, dummy);
          link_vertices (graph, from, graph->len - 1);
          from = graph->len - 1;
        }
      link_vertices (graph, from, to);
    }
}

/* The layers in the order the user sees: top to bottom. A virtual node
 * starts between its ends. */
static GPtrArray *
start_layers (Layout    *layout,
              GPtrArray *graph)
{
  GPtrArray *layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  int        n_layers = 0;

  for (guint i = 0; i < graph->len; i++)
    n_layers = MAX (n_layers, VERTEX (graph, i)->layer + 1);
  for (int l = 0; l < n_layers; l++)
    g_ptr_array_add (layers, g_array_new (FALSE, FALSE, sizeof (int)));

  for (guint i = 0; i < graph->len; i++)
    {
      Vertex *v = VERTEX (graph, i);
      int     vi = i;

      if (v->node >= 0)
        v->key = zz_node_get_y (g_ptr_array_index (layout->nodes, v->node));
      g_array_append_val (g_ptr_array_index (layers, v->layer), vi);
    }
  for (guint i = 0; i < graph->len; i++)
    {
      Vertex *v = VERTEX (graph, i);
      Vertex *end = v;

      if (v->node >= 0)
        continue;
      while (end->node < 0)
        end = VERTEX (graph, g_array_index (end->succ, int, 0));
      v->key = end->key;
    }
  for (int l = 0; l < n_layers; l++)
    {
      GArray *layer = g_ptr_array_index (layers, l);

      for (guint i = 0; i < layer->len; i++)
        VERTEX (graph, g_array_index (layer, int, i))->pos = i;
      g_array_sort_with_data (layer, compare_by_key, graph);
      renumber (graph, layer);
    }

  return layers;
}

/* Barycenter sweeps down and up from @layers; returns the order with the
 * fewest crossings seen. */
static GPtrArray *
order_layers (GPtrArray *graph,
              GPtrArray *layers)
{
  GPtrArray *best = copy_layers (layers);
  guint      best_crossings = count_crossings (graph, layers);
  int        n_layers = layers->len;

  for (guint sweep = 0; sweep < N_SWEEPS && best_crossings > 0; sweep++)
    {
      guint crossings;

      for (int l = 1; l < n_layers; l++)
        sort_layer (graph, g_ptr_array_index (layers, l), TRUE);
      for (int l = n_layers - 2; l >= 0; l--)
        sort_layer (graph, g_ptr_array_index (layers, l), FALSE);

      crossings = count_crossings (graph, layers);
      if (crossings < best_crossings)
        {
          g_clear_pointer (&best, g_ptr_array_unref);
          best = copy_layers (layers);
          best_crossings = crossings;
        }
    }

  return best;
}

/* The grid, with the top-left corner at @left, @top: each column centred
 * on the tallest one. Returns the height in rows. */
static guint
place (Layout    *layout,
       GPtrArray *graph,
       GPtrArray *layers,
       double     left,
       double     top)
{
  int   n_layers = layers->len;
  guint max_count = 0;

  for (int l = 0; l < n_layers; l++)
    max_count = MAX (max_count, ((GArray *) g_ptr_array_index (layers, l))->len);

  for (int l = 0; l < n_layers; l++)
    {
      GArray *layer = g_ptr_array_index (layers, l);
      double  offset = (max_count - layer->len) / 2.0;

      for (guint i = 0; i < layer->len; i++)
        {
          Vertex *v = VERTEX (graph, g_array_index (layer, int, i));

          if (v->node < 0)
            continue;
          layout->x[v->node] = left + l * ZZ_WORKFLOW_LAYOUT_COLUMN_SPACING;
          layout->y[v->node] = top + (i + offset) * ZZ_WORKFLOW_LAYOUT_ROW_SPACING;
        }
    }

  return max_count;
}

/* Lays out one connected part (@members: node indexes, document order)
 * with its top-left corner at @left, @top; returns its height in rows. */
static guint
layout_component (Layout *layout,
                  GArray *members,
                  double  left,
                  double  top)
{
  g_autoptr(GPtrArray) graph = make_vertices (layout, members);
  g_autoptr(GPtrArray) layers = NULL;
  g_autoptr(GPtrArray) best = NULL;

  assign_layers (graph);
  insert_virtual_nodes (graph);
  layers = start_layers (layout, graph);
  best = order_layers (graph, layers);

  return place (layout, graph, best, left, top);
}

static int
find_root (int *parent,
           int  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

gboolean
zz_workflow_auto_layout_command (ZzWorkflow *self,
                                 GError    **error)
{
  Layout layout = {
    0,
  };
  g_autoptr(GPtrArray) components = NULL;
  g_autoptr(GArray) isolated = NULL;
  g_autoptr(GStrvBuilder) ids_builder = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree int *parent = NULL;
  g_autofree int *degree = NULL;
  g_autofree int *component_of = NULL;
  double          left = G_MAXDOUBLE, top = G_MAXDOUBLE;
  double          band_top;
  guint           n, n_columns = 1;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = zz_workflow_get_n_nodes (self);
  if (n == 0)
    return TRUE;

  layout.workflow = self;
  layout.nodes = g_ptr_array_new_with_free_func (g_object_unref);
  layout.graph = _zz_workflow_graph_new (self);
  layout.vertex_of = g_new (int, n);
  layout.x = g_new0 (double, n);
  layout.y = g_new0 (double, n);

  for (guint i = 0; i < n; i++)
    {
      ZzNode *node = g_list_model_get_item (zz_workflow_get_nodes (self), i);

      g_ptr_array_add (layout.nodes, node);
      left = MIN (left, zz_node_get_x (node));
      top = MIN (top, zz_node_get_y (node));
    }

  parent = g_new (int, n);
  degree = g_new0 (int, n);
  for (guint i = 0; i < n; i++)
    parent[i] = i;

  for (guint s = 0; s < n; s++)
    {
      guint        n_succ;
      const guint *succ = _zz_workflow_graph_get_successors (layout.graph, s, &n_succ);

      for (guint j = 0; j < n_succ; j++)
        {
          int t = succ[j];

          degree[s]++;
          degree[t]++;
          parent[find_root (parent, s)] = find_root (parent, t);
        }
    }

  /* Connected parts in the order of their first node; lone nodes apart. */
  components = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  isolated = g_array_new (FALSE, FALSE, sizeof (int));
  component_of = g_new (int, n);
  for (guint i = 0; i < n; i++)
    component_of[i] = -1;
  for (guint i = 0; i < n; i++)
    {
      int root = find_root (parent, i);
      int node = i;

      if (degree[i] == 0)
        {
          g_array_append_val (isolated, node);
          continue;
        }
      if (component_of[root] < 0)
        {
          component_of[root] = components->len;
          g_ptr_array_add (components, g_array_new (FALSE, FALSE, sizeof (int)));
        }
      g_array_append_val (g_ptr_array_index (components, component_of[root]), node);
    }

  band_top = top;
  for (guint c = 0; c < components->len; c++)
    {
      guint rows = layout_component (&layout, g_ptr_array_index (components, c), left, band_top);

      band_top += (rows + 1) * ZZ_WORKFLOW_LAYOUT_ROW_SPACING;
    }

  /* Lone nodes in rows as wide as the widest part, at least four. */
  for (guint i = 0; i < n; i++)
    if (degree[i] > 0)
      n_columns = MAX (n_columns, (guint) ((layout.x[i] - left) / ZZ_WORKFLOW_LAYOUT_COLUMN_SPACING + 1.5));
  n_columns = MAX (n_columns, 4);
  for (guint k = 0; k < isolated->len; k++)
    {
      int node = g_array_index (isolated, int, k);

      layout.x[node] = left + (k % n_columns) * ZZ_WORKFLOW_LAYOUT_COLUMN_SPACING;
      layout.y[node] = band_top + (k / n_columns) * ZZ_WORKFLOW_LAYOUT_ROW_SPACING;
    }

  ids_builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (ids_builder, zz_node_get_id (g_ptr_array_index (layout.nodes, i)));
  ids = g_strv_builder_end (ids_builder);

  zz_workflow_begin_group (self, _("Tidy Up"));
  zz_workflow_move_nodes_command (self, (const char *const *) ids, layout.x, layout.y, NULL);
  zz_workflow_end_group (self);

  g_ptr_array_unref (layout.nodes);
  _zz_workflow_graph_free (layout.graph);
  g_free (layout.vertex_of);
  g_free (layout.x);
  g_free (layout.y);

  return TRUE;
}
