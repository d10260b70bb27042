/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-layout.c: "Tidy Up", the automatic layered layout, without a display */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "zz-workflow-history.h"
#include "zz-workflow-layout.h"

static void
add_node (ZzWorkflow *workflow,
          const char *id,
          double      x,
          double      y)
{
  g_autoptr(ZzNode) node = zz_node_new (id, "DELAY");
  g_autoptr(GError) error = NULL;

  zz_node_set_position (node, x, y);
  zz_workflow_add_node (workflow, node, &error);
  g_assert_no_error (error);
}

static void
add_edge (ZzWorkflow *workflow,
          const char *source,
          const char *target)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", source, target);
  g_autoptr(ZzEdge) edge = zz_edge_new (id, source, NULL, target, NULL);
  g_autoptr(GError) error = NULL;

  zz_workflow_add_edge (workflow, edge, &error);
  g_assert_no_error (error);
}

static void
tidy_up (ZzWorkflow *workflow)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zz_workflow_auto_layout_command (workflow, &error));
  g_assert_no_error (error);
}

static ZzNode *
node_at (ZzWorkflow *workflow,
         guint       i)
{
  ZzNode *node = g_list_model_get_item (zz_workflow_get_nodes (workflow), i);

  g_object_unref (node); /* the document holds it */
  return node;
}

/* Edges as straight lines from the source's right side to the target's
 * left side, as a user reads them; counts pairs that cross, ends apart. */
static gboolean
segments_cross (const double *p,
                const double *q)
{
  double d1 = (q[2] - q[0]) * (p[1] - q[1]) - (q[3] - q[1]) * (p[0] - q[0]);
  double d2 = (q[2] - q[0]) * (p[3] - q[1]) - (q[3] - q[1]) * (p[2] - q[0]);
  double d3 = (p[2] - p[0]) * (q[1] - p[1]) - (p[3] - p[1]) * (q[0] - p[0]);
  double d4 = (p[2] - p[0]) * (q[3] - p[1]) - (p[3] - p[1]) * (q[2] - p[0]);

  return d1 * d2 < 0 && d3 * d4 < 0;
}

static guint
count_crossings (ZzWorkflow *workflow)
{
  GListModel        *edges = zz_workflow_get_edges (workflow);
  guint              n = g_list_model_get_n_items (edges);
  g_autofree double *lines = g_new (double, 4 * n);
  guint              crossings = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);
      ZzNode *source = zz_workflow_find_node (workflow, zz_edge_get_source (edge));
      ZzNode *target = zz_workflow_find_node (workflow, zz_edge_get_target (edge));

      lines[4 * i + 0] = zz_node_get_x (source) + 220;
      lines[4 * i + 1] = zz_node_get_y (source) + 32;
      lines[4 * i + 2] = zz_node_get_x (target);
      lines[4 * i + 3] = zz_node_get_y (target) + 32;
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (segments_cross (&lines[4 * i], &lines[4 * j]))
        crossings++;

  return crossings;
}

static void
assert_edges_go_right (ZzWorkflow *workflow)
{
  GListModel *edges = zz_workflow_get_edges (workflow);

  for (guint i = 0; i < g_list_model_get_n_items (edges); i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);
      ZzNode *source = zz_workflow_find_node (workflow, zz_edge_get_source (edge));
      ZzNode *target = zz_workflow_find_node (workflow, zz_edge_get_target (edge));

      g_assert_cmpfloat (zz_node_get_x (target), >=,
                         zz_node_get_x (source) + ZZ_WORKFLOW_LAYOUT_COLUMN_SPACING);
    }
}

static void
assert_no_overlap (ZzWorkflow *workflow)
{
  guint n = zz_workflow_get_n_nodes (workflow);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        ZzNode  *a = node_at (workflow, i);
        ZzNode  *b = node_at (workflow, j);
        gboolean apart = fabs (zz_node_get_x (a) - zz_node_get_x (b)) >= ZZ_WORKFLOW_LAYOUT_COLUMN_SPACING ||
                         fabs (zz_node_get_y (a) - zz_node_get_y (b)) >= ZZ_WORKFLOW_LAYOUT_ROW_SPACING;

        if (!apart)
          g_test_message ("“%s” and “%s” overlap", zz_node_get_id (a), zz_node_get_id (b));
        g_assert_true (apart);
      }
}

/* A diamond with a long edge, a second part and two lone nodes, all piled
 * up at one point. */
static ZzWorkflow *
new_tangle (void)
{
  ZzWorkflow *workflow = zz_workflow_new ("Tangle");

  add_node (workflow, "d", 10, 10);
  add_node (workflow, "a", 10, 10);
  add_node (workflow, "b", 10, 10);
  add_node (workflow, "c", 10, 10);
  add_node (workflow, "lone1", 10, 10);
  add_node (workflow, "e", 10, 10);
  add_node (workflow, "x", 10, 10);
  add_node (workflow, "y", 10, 10);
  add_node (workflow, "lone2", 10, 10);
  add_edge (workflow, "a", "b");
  add_edge (workflow, "a", "c");
  add_edge (workflow, "b", "d");
  add_edge (workflow, "c", "d");
  add_edge (workflow, "a", "e");
  add_edge (workflow, "d", "e");
  add_edge (workflow, "x", "y");

  return workflow;
}

static void
test_every_edge_goes_left_to_right (void)
{
  g_autoptr(ZzWorkflow) workflow = new_tangle ();

  tidy_up (workflow);
  assert_edges_go_right (workflow);

  /* Longest path: e comes after d, not next to a. */
  g_assert_cmpfloat (zz_node_get_x (zz_workflow_find_node (workflow, "e")), ==,
                     zz_node_get_x (zz_workflow_find_node (workflow, "a")) + 3 * ZZ_WORKFLOW_LAYOUT_COLUMN_SPACING);
}

static void
test_no_two_nodes_overlap (void)
{
  g_autoptr(ZzWorkflow) workflow = new_tangle ();

  tidy_up (workflow);
  assert_no_overlap (workflow);
}

static void
test_parts_and_lone_nodes_get_their_own_bands (void)
{
  g_autoptr(ZzWorkflow) workflow = new_tangle ();
  double      main_bottom = -G_MAXDOUBLE;
  const char *main_part[] = { "a", "b", "c", "d", "e" };

  tidy_up (workflow);

  for (guint i = 0; i < G_N_ELEMENTS (main_part); i++)
    main_bottom = MAX (main_bottom, zz_node_get_y (zz_workflow_find_node (workflow, main_part[i])));

  g_assert_cmpfloat (zz_node_get_y (zz_workflow_find_node (workflow, "x")), >, main_bottom);
  g_assert_cmpfloat (zz_node_get_y (zz_workflow_find_node (workflow, "lone1")), >,
                     zz_node_get_y (zz_workflow_find_node (workflow, "x")));
  g_assert_cmpfloat (zz_node_get_y (zz_workflow_find_node (workflow, "lone1")), ==,
                     zz_node_get_y (zz_workflow_find_node (workflow, "lone2")));
  /* The top-left corner stays where the nodes were. */
  g_assert_cmpfloat (zz_node_get_x (zz_workflow_find_node (workflow, "a")), ==, 10);
}

static void
test_crossings_are_reduced (void)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Crossings");
  const char *sources[] = { "s0", "s1", "s2", "s3", "s4" };
  const char *targets[] = { "t0", "t1", "t2", "t3", "t4" };
  guint       before, after;

  /* Each source above its target's mirror image: every pair crosses. */
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      add_node (workflow, sources[i], 0, i * 140);
      add_node (workflow, targets[i], 400, (G_N_ELEMENTS (sources) - 1 - i) * 140);
      add_edge (workflow, sources[i], targets[i]);
    }
  add_node (workflow, "u", 800, 0);
  add_edge (workflow, "t0", "u");
  add_edge (workflow, "t4", "u");
  add_edge (workflow, "s2", "u");

  before = count_crossings (workflow);
  tidy_up (workflow);
  after = count_crossings (workflow);

  g_test_message ("%u crossings before, %u after", before, after);
  g_assert_cmpuint (before, >=, 10);
  g_assert_cmpuint (after, <, before);
  g_assert_cmpuint (after, <=, 2);
  assert_edges_go_right (workflow);
  assert_no_overlap (workflow);
}

static void
test_undo_restores_positions_exactly (void)
{
  g_autoptr(ZzWorkflow) workflow = new_tangle ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;

  zz_node_set_position (zz_workflow_find_node (workflow, "a"), 12.25, -7.5);
  before = zz_workflow_to_data (workflow, TRUE);

  tidy_up (workflow);
  after = zz_workflow_to_data (workflow, TRUE);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (zz_workflow_get_modified (workflow));
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Tidy Up");

  /* One step: a single undo puts every node back. */
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_false (zz_workflow_can_undo (workflow));
  g_assert_false (zz_workflow_get_modified (workflow));
  {
    g_autofree char *undone = zz_workflow_to_data (workflow, TRUE);

    g_assert_cmpstr (undone, ==, before);
  }

  g_assert_true (zz_workflow_redo (workflow));
  redone = zz_workflow_to_data (workflow, TRUE);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_tidy_workflow_is_left_alone (void)
{
  g_autoptr(ZzWorkflow) workflow = new_tangle ();

  tidy_up (workflow);
  zz_workflow_mark_saved (workflow);
  tidy_up (workflow);

  /* Laying out a laid-out workflow moves nothing and records nothing. */
  g_assert_false (zz_workflow_get_modified (workflow));
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Tidy Up");
}

static void
test_loops_and_empty_workflows_do_not_fail (void)
{
  g_autoptr(ZzWorkflow) empty = zz_workflow_new ("Empty");
  g_autoptr(ZzWorkflow) loop = zz_workflow_new ("Loop");

  tidy_up (empty);
  g_assert_false (zz_workflow_can_undo (empty));

  /* A loop is invalid, but such a file can be opened: tidy it anyway. */
  add_node (loop, "a", 0, 0);
  add_node (loop, "b", 0, 0);
  add_node (loop, "c", 0, 0);
  add_edge (loop, "a", "b");
  add_edge (loop, "b", "c");
  add_edge (loop, "c", "a");
  tidy_up (loop);
  assert_no_overlap (loop);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/every-edge-goes-left-to-right", test_every_edge_goes_left_to_right);
  g_test_add_func ("/layout/no-two-nodes-overlap", test_no_two_nodes_overlap);
  g_test_add_func ("/layout/parts-and-lone-nodes-get-their-own-bands", test_parts_and_lone_nodes_get_their_own_bands);
  g_test_add_func ("/layout/crossings-are-reduced", test_crossings_are_reduced);
  g_test_add_func ("/layout/undo-restores-positions-exactly", test_undo_restores_positions_exactly);
  g_test_add_func ("/layout/tidy-workflow-is-left-alone", test_tidy_workflow_is_left_alone);
  g_test_add_func ("/layout/loops-and-empty-workflows-do-not-fail", test_loops_and_empty_workflows_do_not_fail);

  return g_test_run ();
}
