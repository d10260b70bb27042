/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-problem.c: one thing wrong with a workflow, as zz_workflow_validate() reports it */
#define G_LOG_DOMAIN "zz-problem"

#include "config.h"

#include "zz-problem.h"

G_DEFINE_BOXED_TYPE (ZzProblem, zz_problem, zz_problem_copy, zz_problem_free)

ZzProblem *
zz_problem_new (ZzProblemKind     kind,
                ZzProblemSeverity severity,
                const char       *node_id,
                const char       *edge_id,
                const char       *format,
                ...)
{
  ZzProblem *self;
  va_list    args;

  g_return_val_if_fail (format != NULL, NULL);

  self = g_new0 (ZzProblem, 1);
  self->kind = kind;
  self->severity = severity;
  self->node_id = g_strdup (node_id);
  self->edge_id = g_strdup (edge_id);

  va_start (args, format);
  self->message = g_strdup_vprintf (format, args);
  va_end (args);

  return self;
}

ZzProblem *
zz_problem_copy (const ZzProblem *self)
{
  ZzProblem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (ZzProblem, 1);
  copy->kind = self->kind;
  copy->severity = self->severity;
  copy->node_id = g_strdup (self->node_id);
  copy->edge_id = g_strdup (self->edge_id);
  copy->message = g_strdup (self->message);

  return copy;
}

void
zz_problem_free (ZzProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->node_id);
  g_free (self->edge_id);
  g_free (self->message);
  g_free (self);
}

const char *
zz_problem_severity_get_icon_name (ZzProblemSeverity severity)
{
  return severity == ZZ_PROBLEM_ERROR ? "dialog-error-symbolic" : "dialog-warning-symbolic";
}

const char *
zz_problem_severity_get_style_class (ZzProblemSeverity severity)
{
  return severity == ZZ_PROBLEM_ERROR ? "error" : "warning";
}
