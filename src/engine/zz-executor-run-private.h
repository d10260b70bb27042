/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the two files of a run on the worker thread: zz-executor-run.c,
 * which schedules and runs the nodes, and zz-executor-rows.c, which keeps
 * their NodeExecution rows in the store. */

#include <libsoup/soup.h>

#include "zz-executor-announcer-private.h"
#include "zz-executor-private.h"
#include "zz-store.h"
#include "zz-template.h"

G_BEGIN_DECLS

typedef enum
{
  ZZ_NODE_WAITING,
  ZZ_NODE_READY,
  ZZ_NODE_RUNNING,
  ZZ_NODE_DONE,
} ZzNodePhase;

typedef struct _ZzRun ZzRun;

typedef struct
{
  ZzRun       *run;
  ZzNodeSpec  *node;
  ZzBlockType *type;          /* nullable: a type this app does not know */
  GPtrArray   *outgoing;      /* ZzEdgeSpec */
  GPtrArray   *active_inputs; /* ZzNodeRun whose edge into this one is active */
  guint        n_incoming;
  guint        unresolved;
  ZzNodePhase  phase;
  gboolean     passes; /* completed, or continues: its edges carry data */
  guint        n_active_out;

  ZzNodeExecution *row;
  JsonNode        *input;
  JsonObject      *config; /* resolved */
  JsonNode        *output;
  char            *branch; /* for blocks with named outputs */

  guint           attempt;
  guint           retries;
  guint           retry_delay;
  guint           timeout_ms;
  gboolean        continue_on_error;
  gboolean        timed_out;
  gboolean        dirty;       /* changed since the last flush */
  GCancellable   *cancellable; /* of the current attempt */
  GSource        *timer;       /* the timeout, or the wait before a retry */
  ZzTemplateScope scope;
  ZzBlockContext  block_context;
} ZzNodeRun;

struct _ZzRun
{
  ZzExecutor      *executor;
  ZzAnnouncer     *announcer;
  GMainContext    *context;
  ZzStore         *store;
  SoupSession     *session;
  ZzBlockRegistry *registry;
  JsonNode        *input;
  JsonObject      *variables;
  ZzExecution     *execution;

  GHashTable *nodes;   /* id -> ZzNodeRun */
  GPtrArray  *order;   /* ZzNodeRun, document order; owns them */
  GHashTable *outputs; /* id -> JsonNode, borrowed from ZzNodeRun */
  GQueue      ready;
  GPtrArray  *dirty;       /* ZzNodeExecution rows to commit */
  GPtrArray  *dirty_nodes; /* their ZzNodeRun, same order */
  gint64      last_flush;
  guint       running;
  guint       concurrency;

  GCancellable *cancellable; /* the caller's */
  GSource      *cancel_source;
  gboolean      cancelled;
  gboolean      stopping;
  char         *stop_error;
  gboolean      unsaved;   /* a flush failed: the rows stored lag behind */
  gboolean      disk_full; /* ... because the disk was full: there is a note */
};

/* In zz-executor-run.c */
const char *_zz_node_run_name          (ZzNodeRun  *nr);
void        _zz_run_stop               (ZzRun      *run,
                                        const char *reason);

/* In zz-executor-rows.c */
void        _zz_run_write_row          (ZzRun      *run,
                                        ZzNodeRun  *nr);
gboolean    _zz_run_flush_rows         (ZzRun      *run);
void        _zz_run_record_unsaved_end (ZzRun      *run,
                                        const char *reason,
                                        gboolean    end_saved);

G_END_DECLS
