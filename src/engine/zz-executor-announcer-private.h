/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* How a run on the worker thread tells the caller's thread what happened:
 * rows are queued under a lock and emitted as the executor's signals from
 * one idle source on the caller's context, in order. */

#include "zz-executor-private.h"

G_BEGIN_DECLS

typedef struct _ZzAnnouncer ZzAnnouncer;

ZzAnnouncer *_zz_announcer_new     (ZzExecutor       *executor,
                                    GMainContext     *caller_context);
/* Queues a copy of @record (a boxed @type) for @signal, unless nobody
 * listens to it; the execution's start is always announced. */
void         _zz_announcer_emit    (ZzAnnouncer      *self,
                                    ZzExecutorSignal  signal,
                                    GType             type,
                                    gpointer          record);
/* Drops the run's reference: what is queued is still delivered. */
void         _zz_announcer_release (ZzAnnouncer      *self);

G_END_DECLS
