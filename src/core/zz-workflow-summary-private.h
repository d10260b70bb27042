/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* How the store fills a ZzWorkflowSummary; nothing else may change one. */

#include "zz-workflow-summary.h"

G_BEGIN_DECLS

ZzWorkflowSummary *_zz_workflow_summary_new_from_row   (const char        *id,
                                                        const char        *name,
                                                        const char        *description,
                                                        char             **tags,
                                                        gboolean           is_public,
                                                        gint64             version,
                                                        guint              node_count,
                                                        const char        *user_id,
                                                        const char        *created_at,
                                                        const char        *updated_at);
/* Appends @execution (transfer full): call newest first. */
void               _zz_workflow_summary_add_execution  (ZzWorkflowSummary *self,
                                                        ZzExecution       *execution);

G_END_DECLS
