/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zz-node-run-item.h"
#include "zz-records.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_TYPE_EXECUTION_MODEL (zz_execution_model_get_type ())

G_DECLARE_FINAL_TYPE (ZzExecutionModel, zz_execution_model, ZZ, EXECUTION_MODEL, GObject)

/* The node executions of one run, a GListModel of ZzNodeRunItem in the
 * order the rows first arrived. It holds only what it was told: the
 * executor's signals for a live run, the store's rows for a past one.
 * Properties: execution (the last ZzExecution row, nullable), live,
 * unsaved-document.
 * Signal: "node-changed" (ZzNodeRunItem *) after a row was updated or added. */
ZzExecutionModel  *zz_execution_model_new            (ZzWorkflow            *workflow);
/* (nullable) (transfer none) */
ZzWorkflow        *zz_execution_model_get_workflow   (ZzExecutionModel      *self);
/* (nullable) (transfer none) */
const ZzExecution *zz_execution_model_get_execution  (ZzExecutionModel      *self);
void               zz_execution_model_set_execution  (ZzExecutionModel      *self,
                                                      const ZzExecution     *execution);
/* TRUE while the run it shows is going on in this process. */
gboolean           zz_execution_model_get_live       (ZzExecutionModel      *self);
void               zz_execution_model_set_live       (ZzExecutionModel      *self,
                                                      gboolean               live);
/* TRUE when the run was started from the document on the canvas while it
 * had changes not saved: what ran is not the saved workflow. */
gboolean           zz_execution_model_get_unsaved_document (ZzExecutionModel *self);
void               zz_execution_model_set_unsaved_document (ZzExecutionModel *self,
                                                            gboolean          unsaved_document);
/* Updates the item of the row's node, or appends one. */
void               zz_execution_model_update_node    (ZzExecutionModel      *self,
                                                      const ZzNodeExecution *row);
/* (nullable) (transfer none) */
ZzNodeRunItem     *zz_execution_model_find           (ZzExecutionModel      *self,
                                                      const char            *node_id,
                                                      guint                 *position);
/* (nullable) (transfer none): the first failed node's item */
ZzNodeRunItem     *zz_execution_model_find_failed    (ZzExecutionModel      *self);

G_END_DECLS
