/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-json.c: reading and writing a workflow in the Zzyra web format
 *
 * A round trip loses nothing. A top-level key this app does not know
 * ("metadata" ...) is kept in the workflow's extra object, and so is a
 * known key whose value has another type than the schema's (a null
 * description, a version of 1.5): it is written back as it was rather
 * than turned into a default. Known keys are written when the file had
 * them or their value is not the default, so that a file read and written
 * is the same JSON value.
 *
 * Reading is strict about structure (nodes and edges are lists of objects,
 * a node has an id, a block type and a numeric position, an edge an id, a
 * source and a target) and says where it failed; what a structure means
 * (unknown block types, dangling edges, cycles) is for
 * zz_workflow_validate(), so that such a workflow still opens.
 *
 * A workflow must have a string "name": a file without one fails with
 * "The workflow has no name". A file without an "id" gets a new one.
 */
#define G_LOG_DOMAIN "zz-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-id.h"
#include "zz-json-private.h"
#include "zz-workflow.h"
#include "zz-workflow-private.h"

static GType
value_type (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return G_TYPE_INVALID;

  return json_node_get_value_type (node);
}

static gboolean
array_holds_strings (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (value_type (json_array_get_element (array, i)) != G_TYPE_STRING)
      return FALSE;

  return TRUE;
}

/* Element @index (counted from 1) of a list of nodes (@is_nodes) or
 * edges, read as a file's are; @text as for _zz_node_new_from_json_at(). */
static gpointer
read_item (JsonNode   *element,
           const char *text,
           gsize       length,
           gboolean    is_nodes,
           guint       index,
           GError    **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      if (is_nodes)
        g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                     _("Node %u is not a JSON object"), index);
      else
        g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                     _("Edge %u is not a JSON object"), index);
      return NULL;
    }

  if (is_nodes)
    return _zz_node_new_from_json_at (json_node_get_object (element), text, length, index, error);
  else
    return _zz_edge_new_from_json_at (json_node_get_object (element), text, length, index, error);
}

/* The nodes (@is_nodes) or edges of @array (%NULL: none), read as a
 * file's are, or %NULL */
static GPtrArray *
read_items (JsonArray *array,
            gboolean   is_nodes,
            GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gpointer item = read_item (json_array_get_element (array, i), NULL, 0, is_nodes, i + 1, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

GPtrArray *
_zz_workflow_read_nodes (JsonArray *array,
                         GError   **error)
{
  return read_items (array, TRUE, error);
}

GPtrArray *
_zz_workflow_read_edges (JsonArray *array,
                         GError   **error)
{
  return read_items (array, FALSE, error);
}

/* A list of nodes or edges read as the text is parsed, element by element
 * (_zz_json_parse_streaming()), so that the JSON of the whole list never
 * exists at once. Its first error is kept and said only after the text has
 * been read to its end, where a syntax error would come first, and after
 * the checks that come before reading the list. */
typedef struct
{
  gboolean   is_nodes;
  guint      index;
  GPtrArray *items;
  GError    *error;
} ListReader;

static void
list_reader_init (ListReader *reader,
                  gboolean    is_nodes)
{
  reader->is_nodes = is_nodes;
  reader->index = 0;
  reader->items = g_ptr_array_new_with_free_func (g_object_unref);
  reader->error = NULL;
}

static void
list_reader_clear (ListReader *reader)
{
  g_clear_pointer (&reader->items, g_ptr_array_unref);
  g_clear_error (&reader->error);
}

static void
list_reader_take (ListReader *reader,
                  JsonNode   *element,
                  const char *text,
                  gsize       length)
{
  gpointer item;

  /* A list begins: of a key given twice, the last list is read. */
  if (element == NULL)
    {
      reader->index = 0;
      g_ptr_array_set_size (reader->items, 0);
      g_clear_error (&reader->error);
      return;
    }

  reader->index++;
  if (reader->error == NULL &&
      (item = read_item (element, text, length, reader->is_nodes, reader->index, &reader->error)) != NULL)
    g_ptr_array_add (reader->items, item);
  json_node_unref (element);
}

/* The file's "nodes" and "edges" */
static void
on_workflow_element_read_cb (const char *member,
                             JsonNode   *element,
                             const char *text,
                             gsize       length,
                             gpointer    user_data)
{
  ListReader *lists = user_data;

  list_reader_take (&lists[g_str_equal (member, "nodes") ? 0 : 1], element, text, length);
}

/* A column's list */
static void
on_column_element_read_cb (const char *member,
                           JsonNode   *element,
                           const char *text,
                           gsize       length,
                           gpointer    user_data)
{
  list_reader_take (user_data, element, text, length);
}

/* The items @reader read, or its error */
static GPtrArray *
list_reader_finish (ListReader *reader,
                    GError    **error)
{
  if (reader->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->error));
      return NULL;
    }

  return g_steal_pointer (&reader->items);
}

/* @member is "nodes" or "edges"; absent is an empty list. */
static JsonArray *
get_list (JsonObject *object,
          const char *member,
          GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return json_array_new ();

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   /* Translators: %s is "nodes" or "edges", a JSON key */
                   _("“%s” is not a list"), member);
      return NULL;
    }

  return json_array_ref (json_node_get_array (node));
}

/* @lists: (nullable): the nodes and edges, read as the text of @object
 * was parsed; %NULL reads those of @object */
static ZzWorkflow *
workflow_new (JsonObject *object,
              ListReader *lists,
              GError    **error)
{
  g_autoptr(ZzWorkflow) self = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(JsonArray) node_array = NULL;
  g_autoptr(JsonArray) edge_array = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  ZzWorkflowKeys keys = 0;
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  if (value_type (json_object_get_member (object, "name")) != G_TYPE_STRING)
    {
      g_set_error_literal (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                           _("The workflow has no name"));
      return NULL;
    }

  if (!(node_array = get_list (object, "nodes", error)) ||
      !(edge_array = get_list (object, "edges", error)))
    return NULL;

  if (lists != NULL)
    {
      if (!(nodes = list_reader_finish (&lists[0], error)) ||
          !(edges = list_reader_finish (&lists[1], error)))
        return NULL;
    }
  else if (!(nodes = _zz_workflow_read_nodes (node_array, error)) ||
           !(edges = _zz_workflow_read_edges (edge_array, error)))
    return NULL;

  self = g_object_new (ZZ_TYPE_WORKFLOW, NULL);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    {
      GType type = value_type (value);

#define IS(key) (g_str_equal (member, key))
      if (IS ("nodes"))
        keys |= ZZ_WORKFLOW_KEY_NODES;
      else if (IS ("edges"))
        keys |= ZZ_WORKFLOW_KEY_EDGES;
      else if (IS ("id") && type == G_TYPE_STRING && *json_node_get_string (value) != '\0')
        {
          keys |= ZZ_WORKFLOW_KEY_ID;
          zz_workflow_set_id (self, json_node_get_string (value));
        }
      else if (IS ("name") && type == G_TYPE_STRING)
        {
          keys |= ZZ_WORKFLOW_KEY_NAME;
          zz_workflow_set_name (self, json_node_get_string (value));
        }
      else if (IS ("description") && type == G_TYPE_STRING)
        {
          keys |= ZZ_WORKFLOW_KEY_DESCRIPTION;
          zz_workflow_set_description (self, json_node_get_string (value));
        }
      else if (IS ("tags") && JSON_NODE_HOLDS_ARRAY (value) && array_holds_strings (json_node_get_array (value)))
        {
          g_auto(GStrv) tags = zz_json_array_to_strv (json_node_get_array (value));

          keys |= ZZ_WORKFLOW_KEY_TAGS;
          zz_workflow_set_tags (self, (const char *const *) tags);
        }
      else if (IS ("isPublic") && type == G_TYPE_BOOLEAN)
        {
          keys |= ZZ_WORKFLOW_KEY_IS_PUBLIC;
          zz_workflow_set_is_public (self, json_node_get_boolean (value));
        }
      else if (IS ("version") && type == G_TYPE_INT64)
        {
          keys |= ZZ_WORKFLOW_KEY_VERSION;
          zz_workflow_set_version (self, json_node_get_int (value));
        }
      else if (IS ("createdAt") && type == G_TYPE_STRING)
        {
          keys |= ZZ_WORKFLOW_KEY_CREATED_AT;
          zz_workflow_set_created_at (self, json_node_get_string (value));
        }
      else if (IS ("updatedAt") && type == G_TYPE_STRING)
        {
          keys |= ZZ_WORKFLOW_KEY_UPDATED_AT;
          zz_workflow_set_updated_at (self, json_node_get_string (value));
        }
      else if (IS ("userId") && type == G_TYPE_STRING)
        {
          keys |= ZZ_WORKFLOW_KEY_USER_ID;
          zz_workflow_set_user_id (self, json_node_get_string (value));
        }
      else
        json_object_set_member (extra, member, zz_json_node_deep_copy (value));
#undef IS
    }

  if (zz_workflow_get_id (self) == NULL)
    {
      g_autofree char *id = zz_id_new ();

      zz_workflow_set_id (self, id);
      keys |= ZZ_WORKFLOW_KEY_ID;
    }

  _zz_workflow_set_keys (self, keys);
  _zz_workflow_set_extra (self, extra);
  _zz_workflow_replace_contents (self, nodes, edges);

  return g_steal_pointer (&self);
}

/**
 * zz_workflow_new_from_json:
 * @object: a workflow in the Zzyra web format
 * @error: return location for a #GError
 *
 * Reads a workflow. Fails with %ZZ_WORKFLOW_ERROR_INVALID, and a message
 * saying which node or edge, when the structure is not a workflow's or
 * there is no "name". @object is copied.
 *
 * Returns: (transfer full): the workflow, or %NULL
 */
ZzWorkflow *
zz_workflow_new_from_json (JsonObject *object,
                           GError    **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return workflow_new (object, NULL, error);
}

/**
 * zz_workflow_new_from_data:
 * @data: JSON text of a workflow in the Zzyra web format
 * @length: length of @data, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Like zz_workflow_new_from_json(). Text that is not JSON fails with
 * %ZZ_JSON_ERROR_SYNTAX and a message naming the line and column; JSON that
 * is not an object with %ZZ_WORKFLOW_ERROR_INVALID.
 *
 * Returns: (transfer full): the workflow, or %NULL
 */
ZzWorkflow *
zz_workflow_new_from_data (const char *data,
                           gssize      length,
                           GError    **error)
{
  static const char *const lists_members[] = { "nodes", "edges", NULL };
  g_autoptr(JsonNode) root = NULL;
  ListReader  lists[2];
  ZzWorkflow *self = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  /* A node is made as soon as its JSON is read, and the JSON let go. */
  list_reader_init (&lists[0], TRUE);
  list_reader_init (&lists[1], FALSE);
  root = _zz_json_parse_streaming (data, length, lists_members, on_workflow_element_read_cb, lists, error);

  if (root != NULL && !JSON_NODE_HOLDS_OBJECT (root))
    g_set_error_literal (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                         _("This is not a Zzyra workflow: a workflow is a JSON object"));
  else if (root != NULL)
    self = workflow_new (json_node_get_object (root), lists, error);

  list_reader_clear (&lists[0]);
  list_reader_clear (&lists[1]);

  return self;
}

static JsonArray *
nodes_to_json (ZzWorkflow *self)
{
  GListModel *model = zz_workflow_get_nodes (self);
  guint       n = g_list_model_get_n_items (model);
  JsonArray  *array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (model, i);

      json_array_add_object_element (array, zz_node_to_json (node));
    }

  return array;
}

static JsonArray *
edges_to_json (ZzWorkflow *self)
{
  GListModel *model = zz_workflow_get_edges (self);
  guint       n = g_list_model_get_n_items (model);
  JsonArray  *array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzEdge) edge = g_list_model_get_item (model, i);

      json_array_add_object_element (array, zz_edge_to_json (edge));
    }

  return array;
}

/* A known key is written after the unknown ones, always in the same
 * order. Where the file had it with a value of the wrong type, it was kept
 * among the unknown keys, in its place: it leaves that place when a value
 * is written for it, or a second export would put it elsewhere than the
 * first (an "id" that was not a string got a new id, written in the old
 * one's place, and read back as a known key). */
static void
put_member (JsonObject *object,
            const char *member,
            JsonNode   *value)
{
  json_object_remove_member (object, member);
  json_object_set_member (object, member, value);
}

/* (transfer full) @array */
static JsonNode *
take_array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static void
set_string_if (JsonObject *object,
               const char *member,
               const char *value)
{
  if (value != NULL)
    put_member (object, member, json_node_init_string (json_node_alloc (), value));
}

/**
 * zz_workflow_to_json:
 * @self: a #ZzWorkflow
 *
 * Returns: (transfer full): the workflow in the Zzyra web format, with
 * every key it was read with
 */
JsonObject *
zz_workflow_to_json (ZzWorkflow *self)
{
  ZzWorkflowKeys     keys;
  JsonObject        *object;
  const char *const *tags;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  keys = _zz_workflow_get_keys (self);
  object = zz_json_object_deep_copy (_zz_workflow_get_extra (self));

  set_string_if (object, "id", zz_workflow_get_id (self));
  set_string_if (object, "name", zz_workflow_get_name (self));
  set_string_if (object, "description", zz_workflow_get_description (self));

  if ((keys & ZZ_WORKFLOW_KEY_NODES) || zz_workflow_get_n_nodes (self) > 0)
    put_member (object, "nodes", take_array_node (nodes_to_json (self)));
  if ((keys & ZZ_WORKFLOW_KEY_EDGES) || g_list_model_get_n_items (zz_workflow_get_edges (self)) > 0)
    put_member (object, "edges", take_array_node (edges_to_json (self)));

  tags = zz_workflow_get_tags (self);
  if (tags != NULL || (keys & ZZ_WORKFLOW_KEY_TAGS))
    {
      JsonArray *array = tags != NULL ? zz_json_array_new_from_strv (tags) : json_array_new ();

      put_member (object, "tags", take_array_node (array));
    }

  if ((keys & ZZ_WORKFLOW_KEY_IS_PUBLIC) || zz_workflow_get_is_public (self))
    put_member (object, "isPublic", json_node_init_boolean (json_node_alloc (), zz_workflow_get_is_public (self)));
  if ((keys & ZZ_WORKFLOW_KEY_VERSION) || zz_workflow_get_version (self) != 1)
    put_member (object, "version", json_node_init_int (json_node_alloc (), zz_workflow_get_version (self)));

  set_string_if (object, "createdAt", zz_workflow_get_created_at (self));
  set_string_if (object, "updatedAt", zz_workflow_get_updated_at (self));
  set_string_if (object, "userId", zz_workflow_get_user_id (self));

  return object;
}

char *
zz_workflow_to_data (ZzWorkflow *self,
                     gboolean    pretty)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  object = zz_workflow_to_json (self);
  return zz_json_object_to_string (object, pretty);
}

/* The nodes (@is_nodes) or edges column: what zz_json_array_to_string()
 * writes of nodes_to_json() or edges_to_json(), one item at a time, so
 * that the JSON objects of every node never exist at once. */
static char *
dup_items_json (ZzWorkflow *self,
                gboolean    is_nodes)
{
  GListModel *model = is_nodes ? zz_workflow_get_nodes (self) : zz_workflow_get_edges (self);
  guint       n = g_list_model_get_n_items (model);
  GString    *out = g_string_sized_new (2 + (gsize) n * 128);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(JsonObject) object = is_nodes ? zz_node_to_json (ZZ_NODE (item)) : zz_edge_to_json (ZZ_EDGE (item));

      if (i > 0)
        g_string_append_c (out, ',');
      _zz_json_append_object (out, object);
    }
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

char *
zz_workflow_dup_nodes_json (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return dup_items_json (self, TRUE);
}

char *
zz_workflow_dup_edges_json (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return dup_items_json (self, FALSE);
}

char *
zz_workflow_dup_extra_json (ZzWorkflow *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), NULL);

  return zz_json_object_to_string (_zz_workflow_get_extra (self), FALSE);
}

/* Reads a column's list into @reader as it is parsed. */
static gboolean
parse_column_array (const char *text,
                    const char *member,
                    ListReader *reader,
                    GError    **error)
{
  g_autoptr(JsonNode) root = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  root = _zz_json_parse_streaming (text, -1, NULL, on_column_element_read_cb, reader, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   _("“%s” is not a list"), member);
      return FALSE;
    }

  return TRUE;
}

/**
 * zz_workflow_load_columns:
 * @self: a #ZzWorkflow
 * @nodes_json: (nullable): the nodes column, a JSON array
 * @edges_json: (nullable): the edges column, a JSON array
 * @extra_json: (nullable): the kept top-level keys, a JSON object
 * @error: return location for a #GError
 *
 * Replaces the nodes, edges and kept keys of @self with those the store
 * saved. On error @self is unchanged.
 */
gboolean
zz_workflow_load_columns (ZzWorkflow *self,
                          const char *nodes_json,
                          const char *edges_json,
                          const char *extra_json,
                          GError    **error)
{
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonObject) extra_copy = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  ListReader node_reader, edge_reader;
  gboolean   read;

  g_return_val_if_fail (ZZ_IS_WORKFLOW (self), FALSE);

  list_reader_init (&node_reader, TRUE);
  list_reader_init (&edge_reader, FALSE);
  read = parse_column_array (nodes_json, "nodes", &node_reader, error) &&
         parse_column_array (edges_json, "edges", &edge_reader, error) &&
         (nodes = list_reader_finish (&node_reader, error)) != NULL &&
         (edges = list_reader_finish (&edge_reader, error)) != NULL;
  list_reader_clear (&node_reader);
  list_reader_clear (&edge_reader);
  if (!read)
    return FALSE;

  if (extra_json != NULL && *extra_json != '\0')
    {
      extra = zz_json_parse_object (extra_json, -1, error);
      if (extra == NULL)
        return FALSE;
      extra_copy = zz_json_object_deep_copy (extra);
    }

  _zz_workflow_set_keys (self, _zz_workflow_get_keys (self) | ZZ_WORKFLOW_KEY_NODES | ZZ_WORKFLOW_KEY_EDGES);
  _zz_workflow_set_extra (self, extra_copy);
  _zz_workflow_replace_contents (self, nodes, edges);

  return TRUE;
}
