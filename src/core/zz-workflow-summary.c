/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-workflow-summary.c: a workflow as lists show it. */
#define G_LOG_DOMAIN "zz-workflow-summary"

#include "config.h"

#include <string.h>

#include "zz-workflow-summary-private.h"

struct _ZzWorkflowSummary
{
  GObject parent_instance;

  char      *id;
  char      *name;
  char      *description;
  char     **tags;
  gboolean   is_public;
  gint64     version;
  guint      node_count;
  char      *user_id;
  char      *created_at;
  char      *updated_at;
  GPtrArray *recent_executions; /* ZzExecution, newest first */
};

G_DEFINE_FINAL_TYPE (ZzWorkflowSummary, zz_workflow_summary, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_TAGS,
  PROP_IS_PUBLIC,
  PROP_VERSION,
  PROP_NODE_COUNT,
  PROP_USER_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_LAST_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zz_workflow_summary_finalize (GObject *object)
{
  ZzWorkflowSummary *self = ZZ_WORKFLOW_SUMMARY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->recent_executions, g_ptr_array_unref);

  G_OBJECT_CLASS (zz_workflow_summary_parent_class)->finalize (object);
}

static void
zz_workflow_summary_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZzWorkflowSummary *self = ZZ_WORKFLOW_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_IS_PUBLIC:
      g_value_set_boolean (value, self->is_public);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_NODE_COUNT:
      g_value_set_uint (value, self->node_count);
      break;
    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    case PROP_LAST_STATUS:
      g_value_set_enum (value, zz_workflow_summary_get_last_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_workflow_summary_class_init (ZzWorkflowSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zz_workflow_summary_finalize;
  object_class->get_property = zz_workflow_summary_get_property;

  /* Read-only: a summary never changes; the list is reloaded instead. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_IS_PUBLIC] = g_param_spec_boolean ("is-public", NULL, NULL, FALSE, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 1, flags);
  properties[PROP_NODE_COUNT] = g_param_spec_uint ("node-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_USER_ID] = g_param_spec_string ("user-id", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  properties[PROP_LAST_STATUS] = g_param_spec_enum ("last-status", NULL, NULL, ZZ_TYPE_RUN_STATUS, ZZ_RUN_STATUS_NONE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zz_workflow_summary_init (ZzWorkflowSummary *self)
{
  self->tags = g_new0 (char *, 1);
  self->version = 1;
  self->recent_executions = g_ptr_array_new_with_free_func ((GDestroyNotify) zz_execution_free);
}

ZzWorkflowSummary *
zz_workflow_summary_new (void)
{
  return g_object_new (ZZ_TYPE_WORKFLOW_SUMMARY, NULL);
}

/**
 * _zz_workflow_summary_new_from_row:
 * @tags: (transfer full) (nullable)
 */
ZzWorkflowSummary *
_zz_workflow_summary_new_from_row (const char *id,
                                   const char *name,
                                   const char *description,
                                   char      **tags,
                                   gboolean    is_public,
                                   gint64      version,
                                   guint       node_count,
                                   const char *user_id,
                                   const char *created_at,
                                   const char *updated_at)
{
  ZzWorkflowSummary *self = zz_workflow_summary_new ();

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description);
  if (tags != NULL)
    {
      g_strfreev (self->tags);
      self->tags = tags;
    }
  self->is_public = is_public;
  self->version = version;
  self->node_count = node_count;
  self->user_id = g_strdup (user_id);
  self->created_at = g_strdup (created_at);
  self->updated_at = g_strdup (updated_at);

  return self;
}

void
_zz_workflow_summary_add_execution (ZzWorkflowSummary *self,
                                    ZzExecution       *execution)
{
  g_return_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self));
  g_return_if_fail (execution != NULL);

  g_ptr_array_add (self->recent_executions, execution);
}

const char *
zz_workflow_summary_get_id (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), NULL);
  return self->id;
}

const char *
zz_workflow_summary_get_name (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), NULL);
  return self->name;
}

const char *
zz_workflow_summary_get_description (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), NULL);
  return self->description;
}

const char *const *
zz_workflow_summary_get_tags (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), NULL);
  return (const char *const *) self->tags;
}

gboolean
zz_workflow_summary_get_is_public (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), FALSE);
  return self->is_public;
}

gint64
zz_workflow_summary_get_version (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), 0);
  return self->version;
}

guint
zz_workflow_summary_get_node_count (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), 0);
  return self->node_count;
}

const char *
zz_workflow_summary_get_user_id (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), NULL);
  return self->user_id;
}

const char *
zz_workflow_summary_get_created_at (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), NULL);
  return self->created_at;
}

const char *
zz_workflow_summary_get_updated_at (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), NULL);
  return self->updated_at;
}

GPtrArray *
zz_workflow_summary_get_recent_executions (ZzWorkflowSummary *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), NULL);
  return self->recent_executions;
}

ZzRunStatus
zz_workflow_summary_get_last_status (ZzWorkflowSummary *self)
{
  ZzExecution *newest;

  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), ZZ_RUN_STATUS_NONE);

  if (self->recent_executions->len == 0)
    return ZZ_RUN_STATUS_NONE;

  newest = g_ptr_array_index (self->recent_executions, 0);

  return newest->status;
}

static gboolean
contains_folded (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, folded_needle) != NULL;
}

/**
 * zz_workflow_summary_matches:
 * @search: (nullable): what the user typed
 *
 * Returns: whether the name or a tag holds @search, ignoring case; %TRUE
 *   for an empty search
 */
gboolean
zz_workflow_summary_matches (ZzWorkflowSummary *self,
                             const char        *search)
{
  g_autofree char *needle = NULL;

  g_return_val_if_fail (ZZ_IS_WORKFLOW_SUMMARY (self), FALSE);

  if (search == NULL || search[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);

  if (contains_folded (self->name, needle))
    return TRUE;

  for (guint i = 0; self->tags[i] != NULL; i++)
    if (contains_folded (self->tags[i], needle))
      return TRUE;

  return FALSE;
}
