/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-edge.c: one edge of a workflow
 *
 * An edge read from a file keeps the object it was read from, as compact
 * JSON text as a node does (zz-node.c), unless it is just what would be
 * written for a new edge, and writes it back with only id, source and
 * target overwritten, so type, animated, style, label and data
 * (fieldMappings, condition ...) come back as they were.
 */
#define G_LOG_DOMAIN "zz-edge"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-edge.h"
#include "zz-json-private.h"
#include "zz-workflow-private.h"

struct _ZzEdge
{
  GObject parent_instance;

  char *id;
  char *source;
  char *target;
  char *source_handle;
  char *target_handle;

  /* The object read, as JSON text, or %NULL for an edge made here. */
  char *json;
};

G_DEFINE_FINAL_TYPE (ZzEdge, zz_edge, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_SOURCE,
  PROP_TARGET,
  PROP_SOURCE_HANDLE,
  PROP_TARGET_HANDLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zz_edge_finalize (GObject *object)
{
  ZzEdge *self = ZZ_EDGE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->source_handle, g_free);
  g_clear_pointer (&self->target_handle, g_free);
  g_clear_pointer (&self->json, g_free);

  G_OBJECT_CLASS (zz_edge_parent_class)->finalize (object);
}

static void
zz_edge_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ZzEdge *self = ZZ_EDGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;

    case PROP_SOURCE_HANDLE:
      g_value_set_string (value, self->source_handle);
      break;

    case PROP_TARGET_HANDLE:
      g_value_set_string (value, self->target_handle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_edge_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ZzEdge *self = ZZ_EDGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;

    case PROP_TARGET:
      self->target = g_value_dup_string (value);
      break;

    case PROP_SOURCE_HANDLE:
      self->source_handle = g_value_dup_string (value);
      break;

    case PROP_TARGET_HANDLE:
      self->target_handle = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_edge_class_init (ZzEdgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zz_edge_finalize;
  object_class->get_property = zz_edge_get_property;
  object_class->set_property = zz_edge_set_property;

  /* An edge does not change: the canvas replaces it. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_HANDLE] =
    g_param_spec_string ("source-handle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_HANDLE] =
    g_param_spec_string ("target-handle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zz_edge_init (ZzEdge *self)
{
}

ZzEdge *
zz_edge_new (const char *id,
             const char *source,
             const char *source_handle,
             const char *target,
             const char *target_handle)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (source != NULL && *source != '\0', NULL);
  g_return_val_if_fail (target != NULL && *target != '\0', NULL);

  return g_object_new (ZZ_TYPE_EDGE,
                       "id", id,
                       "source", source,
                       "source-handle", source_handle,
                       "target", target,
                       "target-handle", target_handle,
                       NULL);
}

/* Whether @object is what zz_edge_to_json() writes for an edge made here
 * (id, source, target, then two handles, each a string or null, and nothing
 * else): then it need not be kept, as most edges of a large file need not. */
static gboolean
is_written_as_new (JsonObject *object)
{
  static const char *const members[] = { "id", "source", "target", "sourceHandle", "targetHandle" };
  JsonObjectIter           iter;
  const char              *member;
  JsonNode                *value;
  guint                    i = 0;

  if (json_object_get_size (object) != G_N_ELEMENTS (members))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    {
      gboolean is_string = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING;

      if (!g_str_equal (member, members[i]))
        return FALSE;
      /* id, source and target are non-empty strings, checked already. */
      if (i >= 3 && !is_string && !JSON_NODE_HOLDS_NULL (value))
        return FALSE;
      i++;
    }

  return TRUE;
}

ZzEdge *
_zz_edge_new_from_json_at (JsonObject *object,
                           const char *text,
                           gsize       length,
                           guint       index,
                           GError    **error)
{
  ZzEdge     *self;
  const char *id;
  const char *source;
  const char *target;

  g_return_val_if_fail (object != NULL, NULL);

  id = zz_json_object_get_string (object, "id", NULL);
  if (id == NULL || *id == '\0')
    {
      if (index > 0)
        g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                     _("Edge %u has no id"), index);
      else
        g_set_error_literal (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                             _("An edge has no id"));
      return NULL;
    }

  source = zz_json_object_get_string (object, "source", NULL);
  if (source == NULL || *source == '\0')
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   _("Edge “%s” has no source"), id);
      return NULL;
    }

  target = zz_json_object_get_string (object, "target", NULL);
  if (target == NULL || *target == '\0')
    {
      g_set_error (error, ZZ_WORKFLOW_ERROR, ZZ_WORKFLOW_ERROR_INVALID,
                   _("Edge “%s” has no target"), id);
      return NULL;
    }

  /* A handle that is null, absent or not a string is the unnamed one.
   * The fields are set here rather than as construct properties, each a
   * GValue: a file may have a hundred thousand edges. */
  self = g_object_new (ZZ_TYPE_EDGE, NULL);
  self->id = g_strdup (id);
  self->source = g_strdup (source);
  self->target = g_strdup (target);
  self->source_handle = g_strdup (zz_json_object_get_string (object, "sourceHandle", NULL));
  self->target_handle = g_strdup (zz_json_object_get_string (object, "targetHandle", NULL));

  if (!is_written_as_new (object))
    self->json = text != NULL ? g_strndup (text, length) : zz_json_object_to_string (object, FALSE);

  return self;
}

/**
 * zz_edge_new_from_json:
 * @object: an edge as the Zzyra web editor saves it
 * @error: return location for a #GError
 *
 * Fails with %ZZ_WORKFLOW_ERROR_INVALID when the edge has no id, source or
 * target. Whether they name nodes is for zz_workflow_validate(). @object is
 * copied.
 *
 * Returns: (transfer full): the edge, or %NULL
 */
ZzEdge *
zz_edge_new_from_json (JsonObject *object,
                       GError    **error)
{
  return _zz_edge_new_from_json_at (object, NULL, 0, 0, error);
}

/**
 * zz_edge_to_json:
 * @self: a #ZzEdge
 *
 * Returns: (transfer full): the edge in the Zzyra web format, with every
 * key it was read with
 */
JsonObject *
zz_edge_to_json (ZzEdge *self)
{
  JsonObject *object;

  g_return_val_if_fail (ZZ_IS_EDGE (self), NULL);

  if (self->json != NULL)
    {
      object = _zz_json_object_read_back (self->json);
      json_object_set_string_member (object, "id", self->id);
      json_object_set_string_member (object, "source", self->source);
      json_object_set_string_member (object, "target", self->target);
      /* Handles cannot change, and a handle that was not a string stays as it was. */
      return object;
    }

  object = json_object_new ();
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "source", self->source);
  json_object_set_string_member (object, "target", self->target);
  if (self->source_handle != NULL)
    json_object_set_string_member (object, "sourceHandle", self->source_handle);
  else
    json_object_set_null_member (object, "sourceHandle");
  if (self->target_handle != NULL)
    json_object_set_string_member (object, "targetHandle", self->target_handle);
  else
    json_object_set_null_member (object, "targetHandle");

  return object;
}

/**
 * zz_edge_copy:
 * @self: a #ZzEdge
 * @new_id: (nullable): the copy's id, or %NULL to keep @self's
 * @new_source: (nullable): the copy's source node, or %NULL to keep @self's
 * @new_target: (nullable): the copy's target node, or %NULL to keep @self's
 *
 * Returns: (transfer full): a deep copy of @self, unknown keys included
 */
ZzEdge *
zz_edge_copy (ZzEdge     *self,
              const char *new_id,
              const char *new_source,
              const char *new_target)
{
  ZzEdge *copy;

  g_return_val_if_fail (ZZ_IS_EDGE (self), NULL);

  copy = zz_edge_new (new_id != NULL ? new_id : self->id,
                      new_source != NULL ? new_source : self->source,
                      self->source_handle,
                      new_target != NULL ? new_target : self->target,
                      self->target_handle);
  copy->json = g_strdup (self->json);

  return copy;
}

const char *
zz_edge_get_id (ZzEdge *self)
{
  g_return_val_if_fail (ZZ_IS_EDGE (self), NULL);

  return self->id;
}

const char *
zz_edge_get_source (ZzEdge *self)
{
  g_return_val_if_fail (ZZ_IS_EDGE (self), NULL);

  return self->source;
}

const char *
zz_edge_get_target (ZzEdge *self)
{
  g_return_val_if_fail (ZZ_IS_EDGE (self), NULL);

  return self->target;
}

const char *
zz_edge_get_source_handle (ZzEdge *self)
{
  g_return_val_if_fail (ZZ_IS_EDGE (self), NULL);

  return self->source_handle;
}

const char *
zz_edge_get_target_handle (ZzEdge *self)
{
  g_return_val_if_fail (ZZ_IS_EDGE (self), NULL);

  return self->target_handle;
}
