/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history.c: the workflow's undo/redo command stack, without a display */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "zz-json.h"
#include "zz-workflow-history.h"

/* Four nodes a → b → c and a → d, with keys this app does not know on the
 * document, the nodes, their data and the edges: undo must keep them. */
static const char *fixture_json =
  "{"
  "  \"id\": \"w1\", \"name\": \"Fixture\", \"metadata\": {\"kept\": true},"
  "  \"nodes\": ["
  "    {\"id\": \"a\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0},"
  "     \"width\": 200, \"selected\": false,"
  "     \"data\": {\"blockType\": \"MANUAL_TRIGGER\", \"label\": \"Start\","
  "              \"config\": {}, \"isEnabled\": true, \"iconName\": \"play\"}},"
  "    {\"id\": \"b\", \"type\": \"HTTP_REQUEST\", \"position\": {\"x\": 100, \"y\": 0},"
  "     \"data\": {\"blockType\": \"HTTP_REQUEST\", \"label\": \"Fetch\","
  "              \"config\": {\"url\": \"https://example.com\", \"headers\": {\"A\": \"1\"}},"
  "              \"isEnabled\": true, \"custom\": [1, 2]}},"
  "    {\"id\": \"c\", \"type\": \"DELAY\", \"position\": {\"x\": 200, \"y\": 0},"
  "     \"data\": {\"blockType\": \"DELAY\", \"label\": \"Wait\", \"config\": {\"ms\": 5},"
  "              \"isEnabled\": false}},"
  "    {\"id\": \"d\", \"type\": \"DELAY\", \"position\": {\"x\": 100, \"y\": 100},"
  "     \"data\": {\"blockType\": \"DELAY\", \"label\": \"\", \"config\": {}, \"isEnabled\": true}}"
  "  ],"
  "  \"edges\": ["
  "    {\"id\": \"e1\", \"source\": \"a\", \"target\": \"b\", \"animated\": true,"
  "     \"data\": {\"fieldMappings\": {\"x\": \"y\"}}},"
  "    {\"id\": \"e2\", \"source\": \"b\", \"target\": \"c\", \"sourceHandle\": \"out\","
  "     \"targetHandle\": \"in\", \"style\": {\"stroke\": \"red\"}},"
  "    {\"id\": \"e3\", \"source\": \"a\", \"target\": \"d\", \"label\": \"side\"}"
  "  ]"
  "}";

static ZzWorkflow *
new_fixture (void)
{
  g_autoptr(GError) error = NULL;
  ZzWorkflow *workflow = zz_workflow_new_from_data (fixture_json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workflow);

  return workflow;
}

static char *
dump (ZzWorkflow *workflow)
{
  return zz_workflow_to_data (workflow, TRUE);
}

static void
assert_unchanged (ZzWorkflow *workflow,
                  const char *before)
{
  g_autofree char *now = dump (workflow);

  g_assert_cmpstr (now, ==, before);
}

/* After one command: it changed the document; undo gives back @before
 * exactly, redo gives back the document as the command left it. */
static void
assert_undo_redo (ZzWorkflow *workflow,
                  const char *before)
{
  g_autofree char *after = dump (workflow);

  g_assert_cmpstr (after, !=, before);
  g_assert_true (zz_workflow_can_undo (workflow));
  g_assert_false (zz_workflow_can_redo (workflow));

  g_assert_true (zz_workflow_undo (workflow));
  assert_unchanged (workflow, before);
  g_assert_false (zz_workflow_can_undo (workflow));
  g_assert_true (zz_workflow_can_redo (workflow));

  g_assert_true (zz_workflow_redo (workflow));
  assert_unchanged (workflow, after);

  /* And once more, as a user going back and forth does. */
  g_assert_true (zz_workflow_undo (workflow));
  assert_unchanged (workflow, before);
  g_assert_true (zz_workflow_redo (workflow));
  assert_unchanged (workflow, after);
}

static char *
node_id_at (ZzWorkflow *workflow,
            guint       position)
{
  g_autoptr(ZzNode) node = g_list_model_get_item (zz_workflow_get_nodes (workflow), position);

  return g_strdup (zz_node_get_id (node));
}

/* Add node */

static void
test_add_node_undo (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(ZzNode) node = zz_node_new ("n5", "HTTP_REQUEST");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);

  zz_node_set_position (node, 40, 50);
  g_assert_true (zz_workflow_add_node_command (workflow, node, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 5);
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Add Node");

  assert_undo_redo (workflow, before);
  g_assert_true (zz_workflow_find_node (workflow, "n5") == node);
}

static void
test_add_node_duplicate (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(ZzNode) node = zz_node_new ("b", "DELAY");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);

  g_assert_false (zz_workflow_add_node_command (workflow, node, &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_DUPLICATE_ID);
  g_assert_cmpstr (error->message, ==, "The workflow already has a node “b”");
  assert_unchanged (workflow, before);
  g_assert_false (zz_workflow_can_undo (workflow));
}

/* Remove nodes */

static void
test_remove_nodes_undo (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  g_autofree char *first = NULL;
  const char      *ids[] = { "b", "a", NULL };

  g_assert_true (zz_workflow_remove_nodes_command (workflow, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (workflow)), ==, 0);
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Delete Nodes");

  /* The JSON compare checks the unknown keys and the list order too. */
  assert_undo_redo (workflow, before);

  g_assert_true (zz_workflow_undo (workflow));
  first = node_id_at (workflow, 0);
  g_assert_cmpstr (first, ==, "a");
  g_assert_nonnull (zz_workflow_find_edge (workflow, "e2"));
}

static void
test_remove_nodes_middle (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  const char      *ids[] = { "c", NULL };

  g_assert_true (zz_workflow_remove_nodes_command (workflow, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Delete Node");
  g_assert_null (zz_workflow_find_edge (workflow, "e2"));
  g_assert_nonnull (zz_workflow_find_edge (workflow, "e3"));

  assert_undo_redo (workflow, before);
}

static void
test_remove_nodes_unknown (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  const char      *ids[] = { "a", "nope", NULL };

  g_assert_false (zz_workflow_remove_nodes_command (workflow, ids, &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The workflow has no node “nope”");
  assert_unchanged (workflow, before);
  g_assert_false (zz_workflow_can_undo (workflow));
}

/* Move nodes */

static void
test_move_nodes_one_step (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  const char      *ids[] = { "a", "b", NULL };
  double           x[] = { 10.5, 120 };
  double           y[] = { -4, 30 };
  ZzNode          *b;

  g_assert_true (zz_workflow_move_nodes_command (workflow, ids, x, y, &error));
  g_assert_no_error (error);
  b = zz_workflow_find_node (workflow, "b");
  g_assert_cmpfloat (zz_node_get_x (b), ==, 120);
  g_assert_cmpfloat (zz_node_get_y (b), ==, 30);
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Move Nodes");

  /* One undo takes both nodes back: assert_undo_redo checks the single step. */
  assert_undo_redo (workflow, before);
}

static void
test_move_nodes_nowhere (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "b", NULL };
  double      x[] = { 100 };
  double      y[] = { 0 };

  /* A click without a drag is no step. */
  g_assert_true (zz_workflow_move_nodes_command (workflow, ids, x, y, &error));
  g_assert_no_error (error);
  g_assert_false (zz_workflow_can_undo (workflow));
  g_assert_false (zz_workflow_get_modified (workflow));
}

/* Connect */

static void
test_connect_undo (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  ZzEdge          *edge;

  edge = zz_workflow_connect_command (workflow, "d", "out", "c", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edge);
  g_assert_cmpstr (zz_edge_get_source (edge), ==, "d");
  g_assert_cmpstr (zz_edge_get_source_handle (edge), ==, "out");
  g_assert_cmpstr (zz_edge_get_target (edge), ==, "c");
  g_assert_null (zz_edge_get_target_handle (edge));
  g_assert_true (zz_workflow_find_edge (workflow, zz_edge_get_id (edge)) == edge);
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Connect Nodes");

  assert_undo_redo (workflow, before);
}

static void
assert_connect_refused (const char *source,
                        const char *source_handle,
                        const char *target,
                        const char *target_handle,
                        const char *message)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  ZzEdge          *edge;

  edge = zz_workflow_connect_command (workflow, source, source_handle, target, target_handle,
                                      &error);
  g_assert_null (edge);
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  assert_unchanged (workflow, before);
  g_assert_false (zz_workflow_can_undo (workflow));
}

static void
test_connect_self_loop (void)
{
  assert_connect_refused ("b", NULL, "b", NULL, "A node cannot be connected to itself");
}

static void
test_connect_duplicate (void)
{
  assert_connect_refused ("a", NULL, "b", NULL, "These nodes are already connected");
  assert_connect_refused ("b", "out", "c", "in", "These nodes are already connected");
}

static void
test_connect_other_handle (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;

  /* Another output of the same node to the same target is a new edge. */
  g_assert_nonnull (zz_workflow_connect_command (workflow, "b", "error", "c", "in", &error));
  g_assert_no_error (error);
}

static void
test_connect_cycle (void)
{
  /* c → a closes a → b → c; the message names the nodes by label. */
  assert_connect_refused ("c", NULL, "a", NULL,
                          "This connection would make a loop: “Wait” → “Start” → “Fetch” → “Wait”");
  assert_connect_refused ("b", NULL, "a", NULL,
                          "This connection would make a loop: “Fetch” → “Start” → “Fetch”");
  /* d has no label: it is named by id. */
  assert_connect_refused ("d", NULL, "a", NULL,
                          "This connection would make a loop: “d” → “Start” → “d”");
}

static void
test_connect_unknown_node (void)
{
  assert_connect_refused ("a", NULL, "zz", NULL, "The workflow has no node “zz”");
  assert_connect_refused ("zz", NULL, "a", NULL, "The workflow has no node “zz”");
}

/* Remove edges */

static void
test_remove_edges_undo (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  const char      *ids[] = { "e3", "e1", NULL };

  g_assert_true (zz_workflow_remove_edges_command (workflow, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (workflow)), ==, 1);
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 4);
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Delete Connections");

  assert_undo_redo (workflow, before);
}

static void
test_remove_edges_unknown (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  const char      *ids[] = { "e1", "e9", NULL };

  g_assert_false (zz_workflow_remove_edges_command (workflow, ids, &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The workflow has no edge “e9”");
  assert_unchanged (workflow, before);
}

/* Node properties */

static void
test_set_label_undo (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);

  g_assert_true (zz_workflow_set_node_label_command (workflow, "b", "Get the page", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zz_node_get_label (zz_workflow_find_node (workflow, "b")), ==, "Get the page");
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Rename Node");

  assert_undo_redo (workflow, before);
}

static void
test_set_label_same (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;

  g_assert_true (zz_workflow_set_node_label_command (workflow, "b", "Fetch", &error));
  g_assert_no_error (error);
  g_assert_false (zz_workflow_can_undo (workflow));

  g_assert_false (zz_workflow_set_node_label_command (workflow, "q", "Fetch", &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND);
}

static void
test_set_enabled_undo (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);

  g_assert_true (zz_workflow_set_node_enabled_command (workflow, "c", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (zz_node_get_enabled (zz_workflow_find_node (workflow, "c")));
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Enable Node");
  assert_undo_redo (workflow, before);

  g_clear_pointer (&before, g_free);
  before = dump (workflow);
  g_assert_true (zz_workflow_set_node_enabled_command (workflow, "a", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Disable Node");
  g_assert_true (zz_workflow_undo (workflow));
  assert_unchanged (workflow, before);
}

static void
test_set_config_undo (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) config = NULL;
  g_autofree char *before = dump (workflow);
  g_autofree char *config_text = NULL;
  ZzNode          *b = zz_workflow_find_node (workflow, "b");

  config = zz_json_object_deep_copy (zz_node_get_config (b));
  json_object_set_string_member (config, "url", "https://example.org");
  json_object_remove_member (config, "headers");
  json_object_set_int_member (config, "timeout", 30);

  g_assert_true (zz_workflow_set_node_config_command (workflow, "b", config, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Change Node Settings");

  /* The command took a copy: the caller's object is its own. */
  json_object_set_int_member (config, "timeout", 99);
  g_assert_cmpint (zz_json_object_get_int (zz_node_get_config (b), "timeout", 0), ==, 30);

  assert_undo_redo (workflow, before);

  g_assert_true (zz_workflow_undo (workflow));
  config_text = zz_json_object_to_string (zz_node_get_config (b), FALSE);
  g_assert_cmpstr (config_text, ==, "{\"url\":\"https://example.com\",\"headers\":{\"A\":\"1\"}}");
}

static void
test_set_config_equal (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) config = NULL;

  config = zz_json_object_deep_copy (zz_node_get_config (zz_workflow_find_node (workflow, "b")));
  g_assert_true (zz_workflow_set_node_config_command (workflow, "b", config, &error));
  g_assert_no_error (error);
  g_assert_false (zz_workflow_can_undo (workflow));
}

/* Paste, copy, duplicate */

static void
assert_pasted (ZzWorkflow *workflow,
               const char *before,
               char      **new_ids,
               guint       n_nodes,
               guint       n_edges_added)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *edges = zz_workflow_get_edges (workflow);
  guint       n_all_edges = g_list_model_get_n_items (edges);

  g_assert_nonnull (new_ids);
  g_assert_cmpuint (g_strv_length (new_ids), ==, n_nodes);
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 4 + n_nodes);
  g_assert_cmpuint (n_all_edges, ==, 3 + n_edges_added);

  for (guint i = 0; new_ids[i] != NULL; i++)
    {
      g_assert_nonnull (zz_workflow_find_node (workflow, new_ids[i]));
      g_assert_false (g_hash_table_contains (seen, new_ids[i]));
      g_hash_table_add (seen, new_ids[i]);
    }

  /* Each added edge has a new id and joins two pasted nodes. */
  for (guint i = 3; i < n_all_edges; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (edges, i);

      g_assert_cmpstr (zz_edge_get_id (edge), !=, "e1");
      g_assert_cmpstr (zz_edge_get_id (edge), !=, "e2");
      g_assert_true (g_hash_table_contains (seen, zz_edge_get_source (edge)));
      g_assert_true (g_hash_table_contains (seen, zz_edge_get_target (edge)));
    }

  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Paste");
  assert_undo_redo (workflow, before);
}

static void
test_paste_whole_workflow (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  g_auto(GStrv) new_ids = NULL;
  ZzNode *copy;

  /* The document's own text: every id collides, all must be new. */
  new_ids = zz_workflow_paste_command (workflow, fixture_json, 20, 30, &error);
  g_assert_no_error (error);

  copy = zz_workflow_find_node (workflow, new_ids[1]);
  g_assert_cmpstr (zz_node_get_label (copy), ==, "Fetch");
  g_assert_cmpfloat (zz_node_get_x (copy), ==, 120);
  g_assert_cmpfloat (zz_node_get_y (copy), ==, 30);

  assert_pasted (workflow, before, new_ids, 4, 3);
}

static void
test_paste_nodes_and_edges (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  g_auto(GStrv) new_ids = NULL;
  const char *text =
    "{\"nodes\": ["
    "  {\"id\": \"b\", \"type\": \"HTTP_REQUEST\", \"position\": {\"x\": 1, \"y\": 2},"
    "   \"data\": {\"blockType\": \"HTTP_REQUEST\", \"label\": \"Copy\", \"extra\": 7}},"
    "  {\"id\": \"x\", \"type\": \"DELAY\", \"position\": {\"x\": 5, \"y\": 6},"
    "   \"data\": {\"blockType\": \"DELAY\", \"label\": \"X\"}}],"
    " \"edges\": ["
    "  {\"id\": \"e1\", \"source\": \"b\", \"target\": \"x\", \"animated\": true},"
    "  {\"id\": \"e8\", \"source\": \"a\", \"target\": \"x\"}]}";
  g_autoptr(ZzEdge) edge = NULL;
  g_autoptr(JsonObject) edge_json = NULL;
  g_autoptr(JsonObject) node_json = NULL;

  new_ids = zz_workflow_paste_command (workflow, text, 0, 0, &error);
  g_assert_no_error (error);

  /* The internal edge is re-pointed and keeps its keys; e8 from a node
   * not pasted is dropped. */
  edge = g_list_model_get_item (zz_workflow_get_edges (workflow), 3);
  g_assert_cmpstr (zz_edge_get_source (edge), ==, new_ids[0]);
  g_assert_cmpstr (zz_edge_get_target (edge), ==, new_ids[1]);
  edge_json = zz_edge_to_json (edge);
  g_assert_true (json_object_get_boolean_member (edge_json, "animated"));

  node_json = zz_node_to_json (zz_workflow_find_node (workflow, new_ids[0]));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (node_json, "data"),
                                               "extra"),
                   ==, 7);

  assert_pasted (workflow, before, new_ids, 2, 1);
}

static void
test_paste_bare_array (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  g_auto(GStrv) new_ids = NULL;
  const char *text =
    "[{\"id\": \"a\", \"type\": \"DELAY\", \"position\": {\"x\": 1, \"y\": 2},"
    "  \"data\": {\"blockType\": \"DELAY\", \"label\": \"One\"}}]";

  new_ids = zz_workflow_paste_command (workflow, text, -1, -2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (new_ids[0], !=, "a");
  g_assert_cmpfloat (zz_node_get_x (zz_workflow_find_node (workflow, new_ids[0])), ==, 0);

  assert_pasted (workflow, before, new_ids, 1, 0);
}

static void
assert_paste_refused (const char *text,
                      GQuark      domain,
                      int         code,
                      const char *message)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  g_auto(GStrv) new_ids = NULL;

  new_ids = zz_workflow_paste_command (workflow, text, 0, 0, &error);
  g_assert_null (new_ids);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, message));
  assert_unchanged (workflow, before);
  g_assert_false (zz_workflow_can_undo (workflow));
}

static void
test_paste_malformed (void)
{
  assert_paste_refused ("{\"nodes\": [\n  {\"id\": \"a\",,}\n]}", ZZ_JSON_ERROR,
                        ZZ_JSON_ERROR_SYNTAX, "line 2");
}

static void
test_paste_not_nodes (void)
{
  assert_paste_refused ("{\"name\": \"x\"}", ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                        "The clipboard holds no Zzyra nodes");
  assert_paste_refused ("\"text\"", ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                        "The clipboard holds no Zzyra nodes");
  assert_paste_refused ("{\"nodes\": 3}", ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                        "“nodes” is not a list");
  assert_paste_refused ("[{\"id\": \"a\", \"data\": {\"blockType\": \"DELAY\"}}, 5]",
                        ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                        "Node 2 is not a JSON object");
  assert_paste_refused ("[{\"type\": \"DELAY\"}]", ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                        "Node 1 has no id");
}

static void
test_copy_nodes (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *before = dump (workflow);
  g_autofree char *text = NULL;
  const char      *ids[] = { "c", "b", "gone", NULL };
  JsonArray       *nodes;
  JsonArray       *edges;

  text = zz_workflow_copy_nodes (workflow, ids);
  assert_unchanged (workflow, before);
  g_assert_false (zz_workflow_can_undo (workflow));

  object = zz_json_parse_object (text, -1, &error);
  g_assert_no_error (error);
  nodes = json_object_get_array_member (object, "nodes");
  edges = json_object_get_array_member (object, "edges");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 2);
  /* Document order, whatever the order asked. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (nodes, 0), "id"),
                   ==, "b");
  g_assert_cmpuint (json_array_get_length (edges), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (edges, 0), "id"),
                   ==, "e2");
}

static void
test_duplicate_nodes (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  g_auto(GStrv) new_ids = NULL;
  const char *ids[] = { "b", "c", NULL };
  g_autoptr(ZzEdge) edge = NULL;

  new_ids = zz_workflow_duplicate_nodes_command (workflow, ids, 10, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (new_ids), ==, 2);
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 6);
  g_assert_cmpstr (zz_node_get_label (zz_workflow_find_node (workflow, new_ids[1])), ==, "Wait");
  g_assert_cmpfloat (zz_node_get_x (zz_workflow_find_node (workflow, new_ids[1])), ==, 210);

  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (workflow)), ==, 4);
  edge = g_list_model_get_item (zz_workflow_get_edges (workflow), 3);
  g_assert_cmpstr (zz_edge_get_source (edge), ==, new_ids[0]);
  g_assert_cmpstr (zz_edge_get_target (edge), ==, new_ids[1]);
  g_assert_cmpstr (zz_edge_get_source_handle (edge), ==, "out");

  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Duplicate");
  assert_undo_redo (workflow, before);
}

static void
test_duplicate_unknown (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) new_ids = NULL;
  const char *ids[] = { "b", "nope", NULL };

  new_ids = zz_workflow_duplicate_nodes_command (workflow, ids, 10, 10, &error);
  g_assert_null (new_ids);
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND);
  g_assert_false (zz_workflow_can_undo (workflow));
}

/* Groups and the stack */

static void
test_group_one_step (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (workflow);
  const char      *ids[] = { "b", NULL };
  g_autofree char *text = zz_workflow_copy_nodes (workflow, ids);

  /* A cut: copy, then delete, as one step. */
  zz_workflow_begin_group (workflow, "Cut");
  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "Go", &error));
  zz_workflow_begin_group (workflow, "Inner");
  g_assert_true (zz_workflow_remove_nodes_command (workflow, ids, &error));
  zz_workflow_end_group (workflow);
  g_assert_false (zz_workflow_can_undo (workflow));
  zz_workflow_end_group (workflow);
  g_assert_no_error (error);

  g_assert_cmpstr (zz_workflow_get_undo_name (workflow), ==, "Cut");
  assert_undo_redo (workflow, before);
  g_assert_cmpstr (zz_workflow_get_redo_name (workflow), ==, NULL);
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_cmpstr (zz_workflow_get_redo_name (workflow), ==, "Cut");
  g_assert_false (zz_workflow_undo (workflow));
}

static void
test_group_empty (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();

  zz_workflow_begin_group (workflow, "Arrange Nodes");
  zz_workflow_end_group (workflow);
  g_assert_false (zz_workflow_can_undo (workflow));
  g_assert_null (zz_workflow_get_undo_name (workflow));
}

static void
test_new_command_clears_redo (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;

  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "One", &error));
  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "Two", &error));
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_true (zz_workflow_can_redo (workflow));

  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "Three", &error));
  g_assert_no_error (error);
  g_assert_false (zz_workflow_can_redo (workflow));
  g_assert_false (zz_workflow_redo (workflow));

  g_assert_true (zz_workflow_undo (workflow));
  g_assert_cmpstr (zz_node_get_label (zz_workflow_find_node (workflow, "a")), ==, "One");
}

static void
test_limit (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  guint undone = 0;

  for (guint i = 0; i < 510; i++)
    {
      g_autofree char *label = g_strdup_printf ("Label %u", i);

      g_assert_true (zz_workflow_set_node_label_command (workflow, "a", label, &error));
      g_assert_no_error (error);
    }

  while (zz_workflow_undo (workflow))
    undone++;
  g_assert_cmpuint (undone, ==, 500);
  g_assert_cmpstr (zz_node_get_label (zz_workflow_find_node (workflow, "a")), ==, "Label 9");
  /* The oldest steps are gone: this is not the saved document. */
  g_assert_true (zz_workflow_get_modified (workflow));
}

static void
test_modified_round_trip (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;

  g_assert_false (zz_workflow_get_modified (workflow));
  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "One", &error));
  g_assert_true (zz_workflow_get_modified (workflow));
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_false (zz_workflow_get_modified (workflow));
  g_assert_true (zz_workflow_redo (workflow));
  g_assert_true (zz_workflow_get_modified (workflow));

  zz_workflow_mark_saved (workflow);
  g_assert_false (zz_workflow_get_modified (workflow));
  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "Two", &error));
  g_assert_true (zz_workflow_get_modified (workflow));
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_false (zz_workflow_get_modified (workflow));
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_true (zz_workflow_get_modified (workflow));
  g_assert_true (zz_workflow_redo (workflow));
  g_assert_false (zz_workflow_get_modified (workflow));

  /* Undo past the saved step, then branch off: it can never come back. */
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "One", &error));
  g_assert_no_error (error);
  g_assert_true (zz_workflow_get_modified (workflow));

  /* Clearing the history forgets steps, not that the document changed. */
  zz_workflow_clear_history (workflow);
  g_assert_false (zz_workflow_can_undo (workflow));
  g_assert_true (zz_workflow_get_modified (workflow));
  zz_workflow_mark_saved (workflow);
  zz_workflow_clear_history (workflow);
  g_assert_false (zz_workflow_get_modified (workflow));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_notify (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  gboolean can_undo = FALSE;

  g_signal_connect (workflow, "notify::can-undo", G_CALLBACK (on_notify_cb), log);
  g_signal_connect (workflow, "notify::can-redo", G_CALLBACK (on_notify_cb), log);
  g_signal_connect (workflow, "notify::modified", G_CALLBACK (on_notify_cb), log);

  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "One", &error));
  g_assert_cmpstr (log->str, ==, "can-undo;modified;");
  g_object_get (workflow, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);

  /* Only when a value changes. */
  g_string_truncate (log, 0);
  g_assert_true (zz_workflow_set_node_label_command (workflow, "a", "Two", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "");

  g_assert_true (zz_workflow_undo (workflow));
  g_assert_cmpstr (log->str, ==, "can-redo;");
  g_string_truncate (log, 0);
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_cmpstr (log->str, ==, "can-undo;modified;");
  g_string_truncate (log, 0);
  zz_workflow_mark_saved (workflow);
  g_assert_cmpstr (log->str, ==, "");
}

static void
on_changed_cb (ZzWorkflow *workflow,
               guint      *count)
{
  (*count)++;
}

static void
test_undo_emits_changed (void)
{
  g_autoptr(ZzWorkflow) workflow = new_fixture ();
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "c", NULL };
  double      x[] = { 3 };
  double      y[] = { 4 };
  guint       count = 0;

  g_assert_true (zz_workflow_move_nodes_command (workflow, ids, x, y, &error));
  g_assert_no_error (error);
  g_signal_connect (workflow, "changed", G_CALLBACK (on_changed_cb), &count);
  g_assert_true (zz_workflow_undo (workflow));
  g_assert_cmpuint (count, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/add-node/undo-restores-exact-json", test_add_node_undo);
  g_test_add_func ("/history/add-node/refuses-a-duplicate-id", test_add_node_duplicate);
  g_test_add_func ("/history/remove-nodes/undo-restores-exact-json", test_remove_nodes_undo);
  g_test_add_func ("/history/remove-nodes/undo-restores-list-positions", test_remove_nodes_middle);
  g_test_add_func ("/history/remove-nodes/unknown-id-removes-nothing", test_remove_nodes_unknown);
  g_test_add_func ("/history/move-nodes/a-drag-is-one-step", test_move_nodes_one_step);
  g_test_add_func ("/history/move-nodes/a-click-is-no-step", test_move_nodes_nowhere);
  g_test_add_func ("/history/connect/undo-restores-exact-json", test_connect_undo);
  g_test_add_func ("/history/connect/refuses-a-self-loop", test_connect_self_loop);
  g_test_add_func ("/history/connect/refuses-a-duplicate", test_connect_duplicate);
  g_test_add_func ("/history/connect/allows-another-handle", test_connect_other_handle);
  g_test_add_func ("/history/connect/refuses-a-cycle-naming-labels", test_connect_cycle);
  g_test_add_func ("/history/connect/refuses-an-unknown-node", test_connect_unknown_node);
  g_test_add_func ("/history/remove-edges/undo-restores-exact-json", test_remove_edges_undo);
  g_test_add_func ("/history/remove-edges/unknown-id-removes-nothing", test_remove_edges_unknown);
  g_test_add_func ("/history/set-label/undo-restores-exact-json", test_set_label_undo);
  g_test_add_func ("/history/set-label/same-label-is-no-step", test_set_label_same);
  g_test_add_func ("/history/set-enabled/undo-restores-exact-json", test_set_enabled_undo);
  g_test_add_func ("/history/set-config/undo-restores-exact-json", test_set_config_undo);
  g_test_add_func ("/history/set-config/equal-config-is-no-step", test_set_config_equal);
  g_test_add_func ("/history/paste/from-a-whole-workflow", test_paste_whole_workflow);
  g_test_add_func ("/history/paste/from-nodes-and-edges", test_paste_nodes_and_edges);
  g_test_add_func ("/history/paste/from-a-bare-array", test_paste_bare_array);
  g_test_add_func ("/history/paste/malformed-json-names-the-line", test_paste_malformed);
  g_test_add_func ("/history/paste/other-json-is-refused", test_paste_not_nodes);
  g_test_add_func ("/history/copy/gives-nodes-and-their-edges", test_copy_nodes);
  g_test_add_func ("/history/duplicate/copies-nodes-and-internal-edges", test_duplicate_nodes);
  g_test_add_func ("/history/duplicate/unknown-id-is-refused", test_duplicate_unknown);
  g_test_add_func ("/history/group/is-one-step", test_group_one_step);
  g_test_add_func ("/history/group/empty-records-nothing", test_group_empty);
  g_test_add_func ("/history/stack/new-command-clears-redo", test_new_command_clears_redo);
  g_test_add_func ("/history/stack/keeps-the-last-500-steps", test_limit);
  g_test_add_func ("/history/modified/follows-mark-saved-and-undo", test_modified_round_trip);
  g_test_add_func ("/history/notify/only-when-values-change", test_notify);
  g_test_add_func ("/history/undo/emits-changed", test_undo_emits_changed);

  return g_test_run ();
}
