/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-workflow.c: the workflow document, its validation and its Zzyra JSON */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "zz-json.h"
#include "zz-workflow.h"

static JsonNode *
load_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = zz_json_parse (text, -1, &error);
  g_assert_no_error (error);

  return root;
}

static ZzWorkflow *
load_workflow (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ZzWorkflow *workflow;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  workflow = zz_workflow_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workflow);

  return workflow;
}

static void
assert_json_equal (JsonNode   *expected,
                   JsonObject *actual)
{
  g_autoptr(JsonNode) actual_node = json_node_init_object (json_node_alloc (), actual);

  if (!json_node_equal (expected, actual_node))
    {
      g_autofree char *expected_text = zz_json_to_string (expected, TRUE);
      g_autofree char *actual_text = zz_json_to_string (actual_node, TRUE);

      g_assert_cmpstr (actual_text, ==, expected_text);
    }
}

/* Read, write, and compare as JSON values; then again through text. */
static void
assert_round_trip (const char *name)
{
  g_autoptr(JsonNode) original = load_data_file (name);
  g_autoptr(ZzWorkflow) workflow = load_workflow (name);
  g_autoptr(JsonObject) written = zz_workflow_to_json (workflow);
  g_autofree char *text = zz_workflow_to_data (workflow, TRUE);
  g_autoptr(ZzWorkflow) reread = NULL;
  g_autoptr(JsonObject) rewritten = NULL;
  g_autoptr(GError) error = NULL;

  assert_json_equal (original, written);

  reread = zz_workflow_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  rewritten = zz_workflow_to_json (reread);
  assert_json_equal (original, rewritten);
}

static void
test_round_trip_new_format (void)
{
  g_autoptr(JsonNode) original = load_data_file ("new-format.json");
  g_autoptr(ZzWorkflow) workflow = load_workflow ("new-format.json");
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(JsonNode) written_node = NULL;

  assert_round_trip ("new-format.json");

  /* The comparison does see a change. */
  zz_node_set_label (zz_workflow_find_node (workflow, "fetch"), "Other");
  written = zz_workflow_to_json (workflow);
  written_node = json_node_init_object (json_node_alloc (), written);
  g_assert_false (json_node_equal (original, written_node));
}

static void
test_round_trip_old_format (void)
{
  assert_round_trip ("old-format.json");
}

static void
test_round_trip_custom_typed (void)
{
  assert_round_trip ("custom-typed.json");
}

static void
test_round_trip_through_columns (void)
{
  g_autoptr(JsonNode) original = load_data_file ("new-format.json");
  g_autoptr(ZzWorkflow) workflow = load_workflow ("new-format.json");
  g_autofree char *nodes = zz_workflow_dup_nodes_json (workflow);
  g_autofree char *edges = zz_workflow_dup_edges_json (workflow);
  g_autofree char *extra = zz_workflow_dup_extra_json (workflow);
  g_autoptr(ZzWorkflow) loaded = zz_workflow_new (zz_workflow_get_name (workflow));
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(GError) error = NULL;

  /* What the store does with a row. */
  g_assert_true (g_str_has_prefix (extra, "{"));
  g_assert_nonnull (g_strstr_len (extra, -1, "variables"));
  g_assert_null (g_strstr_len (extra, -1, "\"nodes\""));
  zz_workflow_set_id (loaded, zz_workflow_get_id (workflow));
  zz_workflow_set_description (loaded, zz_workflow_get_description (workflow));
  zz_workflow_set_tags (loaded, zz_workflow_get_tags (workflow));
  zz_workflow_set_version (loaded, zz_workflow_get_version (workflow));
  zz_workflow_set_user_id (loaded, zz_workflow_get_user_id (workflow));
  zz_workflow_set_created_at (loaded, zz_workflow_get_created_at (workflow));
  zz_workflow_set_updated_at (loaded, zz_workflow_get_updated_at (workflow));
  g_assert_true (zz_workflow_load_columns (loaded, nodes, edges, extra, &error));
  g_assert_no_error (error);

  written = zz_workflow_to_json (loaded);
  assert_json_equal (original, written);
}

/* Exported, imported and exported again: the same bytes. */
static void
assert_export_is_stable (const char *text,
                         gint64      version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) first = zz_workflow_new_from_data (text, -1, &error);
  g_autoptr(ZzWorkflow) second = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  if (version > 0)
    zz_workflow_set_version (first, version);
  exported = zz_workflow_to_data (first, FALSE);
  second = zz_workflow_new_from_data (exported, -1, &error);
  g_assert_no_error (error);
  again = zz_workflow_to_data (second, FALSE);
  g_assert_cmpstr (exported, ==, again);
}

static void
test_export_import_export_gives_the_same_bytes (void)
{
  /* Found by fuzz-workflow: an id that is not a string got a new id in
   * its place, which the second export moved behind the unknown keys. */
  assert_export_is_stable ("{\"id\":0,\"\":0,\"name\":\"\"}", 0);
  /* A version of the wrong type, replaced once the workflow is saved. */
  assert_export_is_stable ("{\"version\":\"2\",\"x\":1,\"name\":\"v\",\"nodes\":[],\"edges\":[]}", 3);
  assert_export_is_stable ("{\"tags\":[1],\"isPublic\":\"yes\",\"name\":\"t\",\"z\":null}", 0);
}

static void
test_round_trip_new_workflow (void)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("Made here");
  g_autoptr(ZzNode) node = zz_node_new ("n1", "HTTP_REQUEST");
  g_autoptr(ZzEdge) edge = zz_edge_new ("e1", "n1", NULL, "n1", "in");
  g_autoptr(JsonObject) config = json_object_new ();
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(JsonObject) rewritten = NULL;
  g_autoptr(ZzWorkflow) reread = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *node_object;
  JsonObject *data;

  json_object_set_string_member (config, "url", "https://example.com");
  zz_node_set_config (node, config);
  zz_node_set_position (node, 12.5, 40);
  zz_node_set_label (node, "Get");
  g_assert_true (zz_workflow_add_node (workflow, node, &error));
  g_assert_true (zz_workflow_add_edge (workflow, edge, &error));
  g_assert_no_error (error);

  written = zz_workflow_to_json (workflow);
  g_assert_cmpstr (json_object_get_string_member (written, "name"), ==, "Made here");
  node_object = json_array_get_object_element (json_object_get_array_member (written, "nodes"), 0);
  /* Both the new format and older readers find the block type. */
  g_assert_cmpstr (json_object_get_string_member (node_object, "type"), ==, "HTTP_REQUEST");
  data = json_object_get_object_member (node_object, "data");
  g_assert_cmpstr (json_object_get_string_member (data, "blockType"), ==, "HTTP_REQUEST");
  g_assert_cmpstr (json_object_get_string_member (data, "label"), ==, "Get");
  g_assert_true (json_object_get_boolean_member (data, "isEnabled"));

  reread = zz_workflow_new_from_json (written, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zz_workflow_get_id (reread), ==, zz_workflow_get_id (workflow));
  rewritten = zz_workflow_to_json (reread);
  g_assert_true (json_object_equal (written, rewritten));
}

static void
test_block_type_resolution (void)
{
  g_autoptr(ZzWorkflow) new_format = load_workflow ("new-format.json");
  g_autoptr(ZzWorkflow) old_format = load_workflow ("old-format.json");
  g_autoptr(ZzWorkflow) custom = load_workflow ("custom-typed.json");
  JsonObject *config;

  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (new_format, "fetch")), ==, "HTTP_REQUEST");
  g_assert_cmpstr (zz_node_get_label (zz_workflow_find_node (new_format, "fetch")), ==, "Fetch price");
  g_assert_false (zz_node_get_enabled (zz_workflow_find_node (new_format, "notify")));
  g_assert_cmpfloat (zz_node_get_x (zz_workflow_find_node (new_format, "price")), ==, 250.5);
  g_assert_cmpfloat (zz_node_get_y (zz_workflow_find_node (new_format, "price")), ==, 10.25);
  g_assert_cmpuint (zz_workflow_get_n_nodes (new_format), ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (new_format)), ==, 7);
  g_assert_cmpstr (zz_edge_get_source_handle (zz_workflow_find_edge (new_format, "e3")), ==, "true");
  g_assert_null (zz_edge_get_target_handle (zz_workflow_find_edge (new_format, "e3")));
  g_assert_cmpint (zz_workflow_get_version (new_format), ==, 3);
  g_assert_cmpstr (zz_workflow_get_tags (new_format)[1], ==, "alerts");

  /* Older files: the block type is "type", data holds only config and label. */
  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (old_format, "n2")), ==, "CALCULATOR");
  config = zz_node_get_config (zz_workflow_find_node (old_format, "n2"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (config, "inputs"), "b"), ==, 3);
  g_assert_null (zz_node_get_label (zz_workflow_find_node (old_format, "n4")));
  g_assert_true (zz_node_get_enabled (zz_workflow_find_node (old_format, "n4")));

  /* "custom", "CUSTOM" and "default" are renderers: data.blockType names the block. */
  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (custom, "a")), ==, "HTTP_REQUEST");
  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (custom, "b")), ==, "CONDITION");
  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (custom, "c")), ==, "NOTIFICATION");
  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (custom, "d")), ==, "CUSTOM");
  g_assert_null (zz_workflow_get_description (custom));
  g_assert_true (zz_workflow_get_is_public (custom));
}

static JsonObject *
find_node_object (JsonObject *workflow,
                  const char *id)
{
  JsonArray *nodes = json_object_get_array_member (workflow, "nodes");

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);

      if (g_strcmp0 (json_object_get_string_member (node, "id"), id) == 0)
        return node;
    }

  return NULL;
}

static void
test_edits_are_written_in_the_files_shape (void)
{
  g_autoptr(ZzWorkflow) custom = load_workflow ("custom-typed.json");
  g_autoptr(ZzWorkflow) old_format = load_workflow ("old-format.json");
  g_autoptr(JsonObject) custom_json = NULL;
  g_autoptr(JsonObject) old_json = NULL;
  JsonObject *node;
  JsonObject *data;

  zz_node_set_block_type (zz_workflow_find_node (custom, "a"), "WEBHOOK");
  zz_node_set_position (zz_workflow_find_node (custom, "a"), 5, 6);
  custom_json = zz_workflow_to_json (custom);
  node = find_node_object (custom_json, "a");
  g_assert_cmpstr (json_object_get_string_member (node, "type"), ==, "custom");
  data = json_object_get_object_member (node, "data");
  g_assert_cmpstr (json_object_get_string_member (data, "blockType"), ==, "WEBHOOK");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (node, "position"), "y"), ==, 6);
  g_assert_false (json_object_has_member (data, "isEnabled"));

  zz_node_set_block_type (zz_workflow_find_node (old_format, "n4"), "CALCULATOR");
  zz_node_set_enabled (zz_workflow_find_node (old_format, "n1"), FALSE);
  zz_node_set_label (zz_workflow_find_node (old_format, "n3"), NULL);
  old_json = zz_workflow_to_json (old_format);
  node = find_node_object (old_json, "n4");
  g_assert_cmpstr (json_object_get_string_member (node, "type"), ==, "CALCULATOR");
  g_assert_false (json_object_has_member (json_object_get_object_member (node, "data"), "blockType"));
  data = json_object_get_object_member (find_node_object (old_json, "n1"), "data");
  g_assert_false (json_object_get_boolean_member (data, "isEnabled"));
  data = json_object_get_object_member (find_node_object (old_json, "n3"), "data");
  g_assert_false (json_object_has_member (data, "label"));
}

/* Validation */

static ZzWorkflow *
workflow_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ZzWorkflow *workflow = zz_workflow_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workflow);
  return workflow;
}

static void
test_validate_clean_files_have_no_problems (void)
{
  const char *names[] = { "new-format.json", "old-format.json", "custom-typed.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ZzWorkflow) workflow = load_workflow (names[i]);
      g_autoptr(GPtrArray) problems = zz_workflow_validate (workflow, NULL, NULL);

      /* Files from the platform need not have a trigger: that is a warning. */
      for (guint j = 0; j < problems->len; j++)
        {
          ZzProblem *problem = g_ptr_array_index (problems, j);

          if (problem->kind == ZZ_PROBLEM_NO_TRIGGER)
            g_assert_cmpint (problem->severity, ==, ZZ_PROBLEM_WARNING);
          else
            g_assert_cmpstr (problem->message, ==, NULL);
        }
    }
}

static void
test_validate_unknown_block_is_kept_as_warning (void)
{
  g_autoptr(ZzWorkflow) workflow = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": ["
    " {\"id\": \"fetch\", \"type\": \"custom\", \"position\": {\"x\": 0, \"y\": 0},"
    "  \"data\": {\"blockType\": \"FOO\", \"config\": {\"z\": 1}}},"
    " {\"id\": \"u\", \"type\": \"UNKNOWN\", \"position\": {\"x\": 0, \"y\": 0}}],"
    " \"edges\": []}");
  g_autoptr(GPtrArray) problems = zz_workflow_validate (workflow, NULL, NULL);
  const ZzProblem *problem;

  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 2);
  g_assert_cmpuint (problems->len, ==, 3); /* and no trigger */
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_UNKNOWN_BLOCK);
  g_assert_cmpint (problem->severity, ==, ZZ_PROBLEM_WARNING);
  g_assert_cmpstr (problem->node_id, ==, "fetch");
  g_assert_cmpstr (problem->message, ==, "Node “fetch” has an unknown block type “FOO”");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->message, ==, "Node “u” has an unknown block type “UNKNOWN”");

  g_assert_true (zz_workflow_is_known_block_type ("MANUAL_TRIGGER"));
  g_assert_true (zz_workflow_is_known_block_type ("SWAP_TOKENS"));
  g_assert_false (zz_workflow_is_known_block_type ("UNKNOWN"));
  g_assert_false (zz_workflow_is_known_block_type ("custom"));
}

static void
test_validate_dangling_edge (void)
{
  g_autoptr(ZzWorkflow) workflow = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": ["
    " {\"id\": \"a\", \"type\": \"DELAY\", \"position\": {\"x\": 0, \"y\": 0}}],"
    " \"edges\": [{\"id\": \"e3\", \"source\": \"a\", \"target\": \"n9\"},"
    "             {\"id\": \"e4\", \"source\": \"n8\", \"target\": \"a\"}]}");
  g_autoptr(GPtrArray) problems = zz_workflow_validate (workflow, NULL, NULL);
  const ZzProblem *problem;

  g_assert_cmpuint (problems->len, ==, 3); /* and no trigger */
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_DANGLING_EDGE);
  g_assert_cmpint (problem->severity, ==, ZZ_PROBLEM_ERROR);
  g_assert_cmpstr (problem->edge_id, ==, "e3");
  g_assert_cmpstr (problem->message, ==, "Edge “e3” points to a missing node “n9”");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->message, ==, "Edge “e4” comes from a missing node “n8”");
}

static void
test_validate_duplicate_ids (void)
{
  g_autoptr(ZzWorkflow) workflow = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": ["
    " {\"id\": \"a\", \"type\": \"DELAY\"},"
    " {\"id\": \"b\", \"type\": \"DELAY\"},"
    " {\"id\": \"a\", \"type\": \"EMAIL\"}],"
    " \"edges\": [{\"id\": \"e\", \"source\": \"a\", \"target\": \"b\"},"
    "             {\"id\": \"e\", \"source\": \"a\", \"target\": \"b\"}]}");
  g_autoptr(GPtrArray) problems = zz_workflow_validate (workflow, NULL, NULL);
  g_autoptr(JsonObject) written = zz_workflow_to_json (workflow);
  const ZzProblem *problem;
  g_autoptr(GError) error = NULL;

  /* Both are kept, written back, and reported. */
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (written, "nodes")), ==, 3);
  g_assert_cmpuint (problems->len, ==, 3); /* and no trigger */
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_DUPLICATE_ID);
  g_assert_cmpstr (problem->node_id, ==, "a");
  g_assert_cmpstr (problem->message, ==, "Two nodes have the id “a”");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_DUPLICATE_ID);
  g_assert_cmpstr (problem->edge_id, ==, "e");
  g_assert_cmpstr (problem->message, ==, "Two edges have the id “e”");

  /* Removing the first "a" leaves the second one findable. */
  g_assert_true (zz_workflow_remove_node (workflow, "a", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zz_node_get_block_type (zz_workflow_find_node (workflow, "a")), ==, "EMAIL");
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (workflow)), ==, 0);
  g_assert_null (zz_workflow_find_edge (workflow, "e"));
}

static void
test_validate_self_loop (void)
{
  g_autoptr(ZzWorkflow) workflow = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": [{\"id\": \"a\", \"type\": \"DELAY\"}],"
    " \"edges\": [{\"id\": \"aa\", \"source\": \"a\", \"target\": \"a\"}]}");
  g_autoptr(GPtrArray) problems = zz_workflow_validate (workflow, NULL, NULL);
  const ZzProblem *problem;

  g_assert_cmpuint (problems->len, ==, 2); /* and no trigger */
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_SELF_LOOP);
  g_assert_cmpstr (problem->node_id, ==, "a");
  g_assert_cmpstr (problem->edge_id, ==, "aa");
  g_assert_cmpstr (problem->message, ==, "Node “a” is connected to itself");
}

static void
test_validate_cycle_names_its_nodes (void)
{
  g_autoptr(ZzWorkflow) workflow = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": ["
    " {\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\"},"
    " {\"id\": \"a\", \"type\": \"DELAY\"},"
    " {\"id\": \"b\", \"type\": \"DELAY\"},"
    " {\"id\": \"c\", \"type\": \"DELAY\"},"
    " {\"id\": \"end\", \"type\": \"DELAY\"}],"
    " \"edges\": [{\"id\": \"1\", \"source\": \"start\", \"target\": \"a\"},"
    "             {\"id\": \"2\", \"source\": \"a\", \"target\": \"b\"},"
    "             {\"id\": \"3\", \"source\": \"b\", \"target\": \"c\"},"
    "             {\"id\": \"4\", \"source\": \"c\", \"target\": \"a\"},"
    "             {\"id\": \"5\", \"source\": \"c\", \"target\": \"end\"}]}");
  g_autoptr(GPtrArray) problems = zz_workflow_validate (workflow, NULL, NULL);
  g_autoptr(ZzWorkflow) two = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": [{\"id\": \"x\", \"type\": \"DELAY\"}, {\"id\": \"y\", \"type\": \"DELAY\"}],"
    " \"edges\": [{\"id\": \"1\", \"source\": \"x\", \"target\": \"y\"},"
    "             {\"id\": \"2\", \"source\": \"y\", \"target\": \"x\"}]}");
  g_autoptr(GPtrArray) two_problems = zz_workflow_validate (two, NULL, NULL);
  const ZzProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_CYCLE);
  g_assert_cmpint (problem->severity, ==, ZZ_PROBLEM_ERROR);
  g_assert_cmpstr (problem->message, ==, "Nodes “a”, “b” and “c” form a cycle");

  g_assert_cmpuint (two_problems->len, ==, 2); /* and no trigger */
  problem = g_ptr_array_index (two_problems, 0);
  g_assert_cmpstr (problem->message, ==, "Nodes “x” and “y” form a cycle");
}

static gboolean
check_http_only (const char         *block_type,
                 const char *const **required,
                 gpointer            user_data)
{
  static const char *const http_required[] = { "url", "method", NULL };

  if (g_strcmp0 (block_type, "HTTP_REQUEST") != 0)
    return FALSE;

  *required = http_required;
  return TRUE;
}

static void
test_validate_missing_config (void)
{
  g_autoptr(ZzWorkflow) workflow = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": ["
    " {\"id\": \"get\", \"type\": \"HTTP_REQUEST\", \"data\": {\"config\": {\"url\": \" \", \"method\": \"GET\"}}},"
    " {\"id\": \"d\", \"type\": \"DELAY\"}], \"edges\": []}");
  g_autoptr(GPtrArray) problems = zz_workflow_validate (workflow, check_http_only, NULL);
  const ZzProblem *problem;

  g_assert_cmpuint (problems->len, ==, 3); /* and no trigger */
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_MISSING_CONFIG);
  g_assert_cmpstr (problem->node_id, ==, "get");
  g_assert_cmpstr (problem->message, ==, "Node “get” needs a value for “url”");
  /* The engine's registry decides what is known. */
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_UNKNOWN_BLOCK);
  g_assert_cmpstr (problem->node_id, ==, "d");
}

/* Reading errors */

static void
assert_read_error (const char *text,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new_from_data (text, -1, &error);

  g_assert_null (workflow);
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_read_structural_errors (void)
{
  assert_read_error ("[1, 2]", "This is not a Zzyra workflow: a workflow is a JSON object");
  assert_read_error ("{\"nodes\": []}", "The workflow has no name");
  assert_read_error ("{\"name\": 3}", "The workflow has no name");
  assert_read_error ("{\"name\": \"w\", \"nodes\": {}}", "“nodes” is not a list");
  assert_read_error ("{\"name\": \"w\", \"edges\": 1}", "“edges” is not a list");
  assert_read_error ("{\"name\": \"w\", \"nodes\": [{\"id\": \"a\", \"type\": \"DELAY\"}, 5]}",
                     "Node 2 is not a JSON object");
  assert_read_error ("{\"name\": \"w\", \"nodes\": [{\"id\": \"a\", \"type\": \"DELAY\"},"
                     " {\"id\": \"b\", \"type\": \"DELAY\"}, {\"type\": \"DELAY\"}]}",
                     "Node 3 has no id");
  assert_read_error ("{\"name\": \"w\", \"nodes\": [{\"id\": \"n1\", \"data\": {\"label\": \"x\"}}]}",
                     "Node “n1” has no block type");
  assert_read_error ("{\"name\": \"w\", \"nodes\": [{\"id\": \"n1\", \"type\": \"DELAY\","
                     " \"position\": {\"x\": \"1\", \"y\": 2}}]}",
                     "Node “n1” has a position that is not two numbers x and y");
  assert_read_error ("{\"name\": \"w\", \"edges\": [{\"id\": \"e1\", \"source\": \"a\"}]}",
                     "Edge “e1” has no target");
  assert_read_error ("{\"name\": \"w\", \"edges\": [{\"id\": \"e1\", \"target\": \"a\"}]}",
                     "Edge “e1” has no source");
  assert_read_error ("{\"name\": \"w\", \"edges\": [{\"source\": \"a\", \"target\": \"b\"}]}",
                     "Edge 1 has no id");
}

/* Nodes and edges are read as the text is parsed; what is wrong is still
 * said in the order of a whole reading: the text, the name, the lists,
 * then the first bad node, then the first bad edge. */
static void
test_read_errors_keep_their_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new_from_data ("{\"name\": \"w\", \"nodes\": [5], \"x\": }", -1, &error);

  g_assert_null (workflow);
  g_assert_error (error, ZZ_JSON_ERROR, ZZ_JSON_ERROR_SYNTAX);

  assert_read_error ("{\"nodes\": [5]}", "The workflow has no name");
  assert_read_error ("{\"nodes\": [5], \"edges\": 1, \"name\": \"w\"}", "“edges” is not a list");
  assert_read_error ("{\"name\": \"w\", \"edges\": [{\"id\": \"e\"}], \"nodes\": [{\"id\": \"a\", \"type\": \"DELAY\"}, 5]}",
                     "Node 2 is not a JSON object");
  /* Of a key given twice, the last value is read, as JSON.parse does. */
  assert_read_error ("{\"name\": \"w\", \"nodes\": [{\"id\": \"a\", \"type\": \"DELAY\"}], \"nodes\": {}}",
                     "“nodes” is not a list");
}

static void
test_read_key_given_twice_keeps_the_last_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow =
               zz_workflow_new_from_data ("{\"name\": \"w\", \"nodes\": [5, {\"id\": \"gone\", \"type\": \"DELAY\"}],"
                                          " \"nodes\": [{\"id\": \"a\", \"type\": \"DELAY\"}]}",
                                          -1, &error);
  g_autoptr(ZzWorkflow) columns = zz_workflow_new ("c");

  g_assert_no_error (error);
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 1);
  g_assert_nonnull (zz_workflow_find_node (workflow, "a"));
  g_assert_null (zz_workflow_find_node (workflow, "gone"));

  /* A column is a list alone. */
  g_assert_true (zz_workflow_load_columns (columns, "[{\"id\": \"a\", \"type\": \"DELAY\"}, {\"id\": \"b\", \"type\": \"DELAY\"}]",
                                           "[{\"id\": \"e\", \"source\": \"a\", \"target\": \"b\"}]", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zz_workflow_get_n_nodes (columns), ==, 2);
  g_assert_nonnull (zz_workflow_find_edge (columns, "e"));
  g_assert_false (zz_workflow_load_columns (columns, "[{\"id\": \"a\", \"type\": \"DELAY\"}, 5]", "[]", NULL, &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Node 2 is not a JSON object");
  /* Refused, the document is as it was. */
  g_assert_cmpuint (zz_workflow_get_n_nodes (columns), ==, 2);
}

/* A node keeps its config as text until it is used: a copy leaves it so,
 * and a config never used, or used and left equal, is written back as
 * it was read. */
static void
test_node_config_is_made_on_first_use (void)
{
  const char *text = "{\"id\":\"n\",\"type\":\"DELAY\",\"data\":{\"config\":{\"duration\":1.50,\"unit\":\"seconds\",\"n\":{\"k\":[1]}},\"x\":1}}";
  g_autoptr(JsonObject) object = zz_json_parse_object (text, -1, NULL);
  g_autoptr(ZzNode) node = zz_node_new_from_json (object, NULL);
  g_autoptr(JsonObject) copy = zz_node_dup_config (node);
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(JsonObject) written_again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpfloat (zz_json_object_get_double (copy, "duration", 0), ==, 1.5);
  json_object_set_string_member (copy, "unit", "hours");

  written = zz_node_to_json (node);
  before = zz_json_object_to_string (written, FALSE);
  g_assert_cmpstr (before, ==, "{\"id\":\"n\",\"type\":\"DELAY\",\"data\":{\"config\":{\"duration\":1.5,\"unit\":\"seconds\",\"n\":{\"k\":[1]}},\"x\":1}}");

  g_assert_cmpstr (zz_json_object_get_string (zz_node_get_config (node), "unit", NULL), ==, "seconds");
  g_assert_true (zz_node_get_config (node) == zz_node_get_config (node));
  written_again = zz_node_to_json (node);
  after = zz_json_object_to_string (written_again, FALSE);
  g_assert_cmpstr (after, ==, before);

  /* A copy of a used config is a copy. */
  g_clear_pointer (&copy, json_object_unref);
  copy = zz_node_dup_config (node);
  g_assert_true (copy != zz_node_get_config (node));
  g_assert_true (json_object_equal (copy, zz_node_get_config (node)));
}

static void
test_read_syntax_error_names_line_and_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZzWorkflow) workflow =
               zz_workflow_new_from_data ("{\n  \"name\": \"w\",\n  \"nodes\": [,]\n}", -1, &error);

  g_assert_null (workflow);
  g_assert_error (error, ZZ_JSON_ERROR, ZZ_JSON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_nonnull (strstr (error->message, "column"));
}

static void
test_load_columns_errors (void)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("w");
  g_autoptr(GError) error = NULL;

  g_assert_false (zz_workflow_load_columns (workflow, "{}", "[]", NULL, &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“nodes” is not a list");
  g_clear_error (&error);

  g_assert_false (zz_workflow_load_columns (workflow, "[", "[]", NULL, &error));
  g_assert_error (error, ZZ_JSON_ERROR, ZZ_JSON_ERROR_SYNTAX);
}

/* Editing */

static void
count_cb (gpointer object,
          guint   *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_edit_add_remove_node_removes_edges (void)
{
  g_autoptr(ZzWorkflow) workflow = load_workflow ("old-format.json");
  g_autoptr(ZzNode) node = zz_node_new ("n5", "EMAIL");
  g_autoptr(ZzNode) duplicate = zz_node_new ("n2", "EMAIL");
  g_autoptr(ZzEdge) edge = zz_edge_new ("n4-n5", "n4", NULL, "n5", NULL);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (workflow, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_true (zz_workflow_add_node (workflow, node, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (zz_workflow_find_node (workflow, "n5") == node);
  g_assert_true (zz_workflow_add_edge (workflow, edge, &error));
  g_assert_cmpuint (changed, ==, 2);

  g_assert_false (zz_workflow_add_node (workflow, duplicate, &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_DUPLICATE_ID);
  g_assert_cmpstr (error->message, ==, "The workflow already has a node “n2”");
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 5);

  /* A node's change is the document's change. */
  zz_node_set_label (node, "Mail");
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (zz_workflow_remove_node (workflow, "n3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_null (zz_workflow_find_node (workflow, "n3"));
  g_assert_null (zz_workflow_find_edge (workflow, "n2-n3"));
  g_assert_null (zz_workflow_find_edge (workflow, "n3-n4"));
  g_assert_nonnull (zz_workflow_find_edge (workflow, "n1-n2"));
  g_assert_cmpuint (g_list_model_get_n_items (zz_workflow_get_edges (workflow)), ==, 2);
  g_assert_cmpuint (zz_workflow_get_n_nodes (workflow), ==, 4);

  g_assert_false (zz_workflow_remove_node (workflow, "n3", &error));
  g_assert_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (zz_workflow_remove_edge (workflow, "n4-n5", &error));
  g_assert_cmpuint (changed, ==, 5);
  g_assert_null (zz_workflow_find_edge (workflow, "n4-n5"));

  /* A removed node no longer changes the document. */
  g_assert_true (zz_workflow_remove_node (workflow, "n5", &error));
  changed = 0;
  zz_node_set_label (node, "Gone");
  g_assert_cmpuint (changed, ==, 0);
}

static void
test_edit_notify_only_on_real_change (void)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("w");
  g_autoptr(ZzNode) node = zz_node_new ("n", "DELAY");
  g_autoptr(JsonObject) config = json_object_new ();
  g_autoptr(JsonObject) same_config = json_object_new ();
  const char *tags[] = { "a", NULL };
  const char *same_tags[] = { "a", NULL };
  guint       notified = 0;
  guint       changed = 0;

  g_signal_connect (node, "notify", G_CALLBACK (count_notify_cb), &notified);
  zz_node_set_label (node, "x");
  zz_node_set_label (node, "x");
  g_assert_cmpuint (notified, ==, 1);
  zz_node_set_position (node, 1, 0);
  zz_node_set_position (node, 1, 0);
  g_assert_cmpuint (notified, ==, 2);
  zz_node_set_enabled (node, TRUE);
  g_assert_cmpuint (notified, ==, 2);
  zz_node_set_enabled (node, FALSE);
  g_assert_cmpuint (notified, ==, 3);
  zz_node_set_config (node, NULL);
  g_assert_cmpuint (notified, ==, 3);
  json_object_set_int_member (config, "ms", 5);
  json_object_set_int_member (same_config, "ms", 5);
  zz_node_set_config (node, config);
  zz_node_set_config (node, same_config);
  g_assert_cmpuint (notified, ==, 4);
  zz_node_set_block_type (node, "DELAY");
  g_assert_cmpuint (notified, ==, 4);

  g_signal_connect (workflow, "notify", G_CALLBACK (count_notify_cb), &notified);
  g_signal_connect (workflow, "changed", G_CALLBACK (count_cb), &changed);
  notified = 0;
  zz_workflow_set_name (workflow, "w");
  zz_workflow_set_version (workflow, 1);
  zz_workflow_set_is_public (workflow, FALSE);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpuint (changed, ==, 0);
  zz_workflow_set_tags (workflow, tags);
  zz_workflow_set_tags (workflow, same_tags);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  zz_workflow_set_description (workflow, "d");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (changed, ==, 2);
}

/* A node tells the document it is in of its changes, and no other. */
static void
test_edit_node_changes_reach_its_document_only (void)
{
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new ("w");
  g_autoptr(ZzNode) node = zz_node_new ("a", "DELAY");
  guint changed = 0;

  g_assert_true (zz_workflow_add_node (workflow, node, NULL));
  g_signal_connect (workflow, "changed", G_CALLBACK (count_cb), &changed);

  zz_node_set_label (node, "one");
  g_assert_cmpuint (changed, ==, 1);
  /* One "changed" a notification, x then y. */
  zz_node_set_position (node, 3, 4);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (zz_workflow_remove_node (workflow, "a", NULL));
  changed = 0;
  zz_node_set_label (node, "two");
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (zz_workflow_add_node (workflow, node, NULL));
  changed = 0;
  zz_node_set_label (node, "three");
  g_assert_cmpuint (changed, ==, 1);

  /* The node outlives its document. */
  g_clear_object (&workflow);
  zz_node_set_label (node, "four");
  g_assert_cmpstr (zz_node_get_label (node), ==, "four");
}

static void
test_duplicate_is_a_deep_copy_with_a_new_id (void)
{
  g_autoptr(ZzWorkflow) workflow = load_workflow ("new-format.json");
  g_autoptr(ZzWorkflow) copy = zz_workflow_duplicate (workflow, "Copy");
  g_autoptr(JsonObject) copy_json = NULL;
  JsonObject *metadata;

  g_assert_cmpstr (zz_workflow_get_id (copy), !=, zz_workflow_get_id (workflow));
  g_assert_cmpstr (zz_workflow_get_name (copy), ==, "Copy");
  g_assert_cmpstr (zz_workflow_get_description (copy), ==, zz_workflow_get_description (workflow));
  g_assert_null (zz_workflow_get_user_id (copy));
  g_assert_null (zz_workflow_get_created_at (copy));
  g_assert_cmpint (zz_workflow_get_version (copy), ==, 1);
  g_assert_cmpuint (zz_workflow_get_n_nodes (copy), ==, 13);
  g_assert_true (zz_workflow_find_node (copy, "fetch") != zz_workflow_find_node (workflow, "fetch"));

  /* Changing the copy leaves the original alone. */
  zz_node_set_label (zz_workflow_find_node (copy, "fetch"), "Changed");
  g_assert_cmpstr (zz_node_get_label (zz_workflow_find_node (workflow, "fetch")), ==, "Fetch price");

  copy_json = zz_workflow_to_json (copy);
  metadata = json_object_get_object_member (copy_json, "metadata");
  g_assert_nonnull (metadata);
  g_assert_true (json_object_has_member (metadata, "variables"));
}

static void
test_validate_no_trigger_is_a_warning (void)
{
  g_autoptr(ZzWorkflow) empty = workflow_from_text ("{\"name\": \"w\", \"nodes\": [], \"edges\": []}");
  g_autoptr(ZzWorkflow) disabled = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": ["
    " {\"id\": \"start\", \"type\": \"MANUAL_TRIGGER\", \"position\": {\"x\": 0, \"y\": 0},"
    "  \"data\": {\"blockType\": \"MANUAL_TRIGGER\", \"isEnabled\": false, \"config\": {}}}], \"edges\": []}");
  g_autoptr(ZzWorkflow) started = workflow_from_text (
    "{\"name\": \"w\", \"nodes\": ["
    " {\"id\": \"tick\", \"type\": \"SCHEDULE\", \"position\": {\"x\": 0, \"y\": 0},"
    "  \"data\": {\"blockType\": \"SCHEDULE\", \"config\": {}}}], \"edges\": []}");
  g_autoptr(GPtrArray) problems = zz_workflow_validate (empty, NULL, NULL);
  g_autoptr(GPtrArray) disabled_problems = zz_workflow_validate (disabled, NULL, NULL);
  g_autoptr(GPtrArray) started_problems = zz_workflow_validate (started, NULL, NULL);
  ZzProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ZZ_PROBLEM_NO_TRIGGER);
  g_assert_cmpint (problem->severity, ==, ZZ_PROBLEM_WARNING);
  g_assert_null (problem->node_id);
  g_assert_cmpstr (problem->message, ==, "Nothing starts this workflow: add a trigger, such as Manual Trigger");

  /* A disabled trigger starts nothing either. */
  g_assert_cmpuint (disabled_problems->len, ==, 1);
  g_assert_cmpint (((ZzProblem *) g_ptr_array_index (disabled_problems, 0))->kind, ==, ZZ_PROBLEM_NO_TRIGGER);
  g_assert_cmpuint (started_problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/json/round-trip-keeps-unknown-keys", test_round_trip_new_format);
  g_test_add_func ("/workflow/json/round-trip-of-an-old-format-file", test_round_trip_old_format);
  g_test_add_func ("/workflow/json/round-trip-of-custom-typed-nodes", test_round_trip_custom_typed);
  g_test_add_func ("/workflow/json/round-trip-through-the-store-columns", test_round_trip_through_columns);
  g_test_add_func ("/workflow/json/round-trip-of-a-workflow-made-here", test_round_trip_new_workflow);
  g_test_add_func ("/workflow/json/export-import-export-gives-the-same-bytes", test_export_import_export_gives_the_same_bytes);
  g_test_add_func ("/workflow/json/block-type-is-data-block-type-else-type", test_block_type_resolution);
  g_test_add_func ("/workflow/json/edits-are-written-in-the-files-shape", test_edits_are_written_in_the_files_shape);
  g_test_add_func ("/workflow/json/structural-errors-say-where", test_read_structural_errors);
  g_test_add_func ("/workflow/json/syntax-error-names-line-and-column", test_read_syntax_error_names_line_and_column);
  g_test_add_func ("/workflow/json/errors-keep-their-order-when-read-as-parsed", test_read_errors_keep_their_order);
  g_test_add_func ("/workflow/json/a-key-given-twice-keeps-the-last-list", test_read_key_given_twice_keeps_the_last_list);
  g_test_add_func ("/workflow/node/config-is-made-on-first-use", test_node_config_is_made_on_first_use);
  g_test_add_func ("/workflow/edit/node-changes-reach-its-document-only", test_edit_node_changes_reach_its_document_only);
  g_test_add_func ("/workflow/json/bad-columns-are-refused", test_load_columns_errors);
  g_test_add_func ("/workflow/validate/sample-files-have-no-problems", test_validate_clean_files_have_no_problems);
  g_test_add_func ("/workflow/validate/no-trigger-is-a-warning", test_validate_no_trigger_is_a_warning);
  g_test_add_func ("/workflow/validate/unknown-block-is-kept-as-a-warning", test_validate_unknown_block_is_kept_as_warning);
  g_test_add_func ("/workflow/validate/dangling-edge-names-the-missing-node", test_validate_dangling_edge);
  g_test_add_func ("/workflow/validate/duplicate-ids-are-kept-and-reported", test_validate_duplicate_ids);
  g_test_add_func ("/workflow/validate/self-loop", test_validate_self_loop);
  g_test_add_func ("/workflow/validate/cycle-names-its-nodes", test_validate_cycle_names_its_nodes);
  g_test_add_func ("/workflow/validate/missing-required-config", test_validate_missing_config);
  g_test_add_func ("/workflow/edit/removing-a-node-removes-its-edges", test_edit_add_remove_node_removes_edges);
  g_test_add_func ("/workflow/edit/notify-only-on-real-change", test_edit_notify_only_on_real_change);
  g_test_add_func ("/workflow/duplicate/deep-copy-with-a-new-id", test_duplicate_is_a_deep_copy_with_a_new_id);

  return g_test_run ();
}
