/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the two halves of the executor: zz-executor.c, the object the
 * caller holds, and zz-executor-run.c, the run on the worker thread. */

#include "zz-block-registry.h"
#include "zz-executor.h"

G_BEGIN_DECLS

typedef enum
{
  ZZ_EXECUTOR_EXECUTION_STARTED,
  ZZ_EXECUTOR_NODE_CHANGED,
  ZZ_EXECUTOR_EXECUTION_FINISHED,
  ZZ_EXECUTOR_N_SIGNALS
} ZzExecutorSignal;

/* What the worker runs: a copy of the document's nodes and edges made on
 * the caller's thread, since ZzWorkflow and its JSON belong to that thread.
 * Everything here is owned by the snapshot and used by the worker only. */
typedef struct
{
  char       *id;
  char       *block_type;
  char       *label;
  gboolean    enabled;
  JsonObject *config;
} ZzNodeSpec;

typedef struct
{
  char *source;
  char *source_handle;
  char *target;
} ZzEdgeSpec;

typedef struct
{
  GMainContext    *caller_context;
  char            *db_path;
  char            *trigger;
  guint            concurrency;
  ZzBlockRegistry *registry;
  JsonNode        *input;         /* nullable */
  char            *workflow_id;
  char            *user_id;       /* nullable: the store's current user */
  JsonObject      *variables;     /* nullable */
  GPtrArray       *nodes;         /* ZzNodeSpec */
  GPtrArray       *edges;         /* ZzEdgeSpec */
} ZzRunSnapshot;

/* The GTask thread function of a run; its task data is a ZzRunSnapshot. */
void     _zz_executor_run_in_thread (GTask            *task,
                                     gpointer          source_object,
                                     gpointer          task_data,
                                     GCancellable     *cancellable);
/* Thread-safe: whether anyone listens to @signal, so that copies of rows
 * nobody reads are not made. */
gboolean _zz_executor_has_listener  (ZzExecutor       *self,
                                     ZzExecutorSignal  signal);
/* On the caller's thread: emits @signal with @record. */
void     _zz_executor_deliver       (ZzExecutor       *self,
                                     ZzExecutorSignal  signal,
                                     gpointer          record);

G_END_DECLS
