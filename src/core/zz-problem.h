/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ZZ_PROBLEM_UNKNOWN_BLOCK,     /* a node of a type this app cannot run */
  ZZ_PROBLEM_MISSING_CONFIG,    /* a required config key is absent or empty */
  ZZ_PROBLEM_INVALID_CONFIG,    /* a config value of the wrong type or range */
  ZZ_PROBLEM_DUPLICATE_ID,      /* two nodes, or two edges, share an id */
  ZZ_PROBLEM_DANGLING_EDGE,     /* an edge names a node that is not there */
  ZZ_PROBLEM_SELF_LOOP,         /* an edge from a node to itself */
  ZZ_PROBLEM_CYCLE,             /* the edges make a cycle */
  ZZ_PROBLEM_NO_TRIGGER,        /* no enabled trigger node: nothing starts a run */
} ZzProblemKind;

typedef enum
{
  ZZ_PROBLEM_WARNING,           /* the workflow can still be saved and run */
  ZZ_PROBLEM_ERROR,             /* the workflow cannot run */
} ZzProblemSeverity;

/* One thing wrong with a workflow, with a translated message that names the
 * node or edge concerned. */
typedef struct
{
  ZzProblemKind      kind;
  ZzProblemSeverity  severity;
  char              *node_id;   /* nullable */
  char              *edge_id;   /* nullable */
  char              *message;
} ZzProblem;

#define ZZ_TYPE_PROBLEM (zz_problem_get_type ())

GType      zz_problem_get_type (void) G_GNUC_CONST;
ZzProblem *zz_problem_new      (ZzProblemKind      kind,
                                ZzProblemSeverity  severity,
                                const char        *node_id,
                                const char        *edge_id,
                                const char        *format,
                                ...) G_GNUC_PRINTF (5, 6);
ZzProblem *zz_problem_copy     (const ZzProblem   *self);
void       zz_problem_free     (ZzProblem         *self);

/* One icon and one style class per severity, wherever a problem is shown. */
const char *zz_problem_severity_get_icon_name   (ZzProblemSeverity severity);
const char *zz_problem_severity_get_style_class (ZzProblemSeverity severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZzProblem, zz_problem_free)

G_END_DECLS
