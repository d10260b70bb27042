/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-executor-announcer.c: a run's signals, delivered on the caller's context
 *
 * Rows to announce are queued under a lock; the caller's context is woken
 * once when the queue becomes non-empty and then emits everything queued,
 * in order. A fast run thus costs the UI thread one wake-up per batch, not
 * one per row.
 */
#define G_LOG_DOMAIN "zz-executor"

#include "config.h"

#include "zz-executor-announcer-private.h"

typedef struct
{
  ZzExecutorSignal signal_id;
  GType            type;
  gpointer         record;
} Emission;

struct _ZzAnnouncer
{
  ZzExecutor   *executor;
  GMainContext *caller_context;
  GMutex        lock;
  GQueue        queue; /* Emission */
  gboolean      scheduled;
};

static void
emission_free (Emission *emission)
{
  g_boxed_free (emission->type, emission->record);
  g_free (emission);
}

ZzAnnouncer *
_zz_announcer_new (ZzExecutor   *executor,
                   GMainContext *caller_context)
{
  ZzAnnouncer *self = g_atomic_rc_box_new0 (ZzAnnouncer);

  self->executor = g_object_ref (executor);
  self->caller_context = g_main_context_ref (caller_context);
  g_mutex_init (&self->lock);
  g_queue_init (&self->queue);

  return self;
}

static void
zz_announcer_clear (ZzAnnouncer *self)
{
  g_queue_clear_full (&self->queue, (GDestroyNotify) emission_free);
  g_mutex_clear (&self->lock);
  g_main_context_unref (self->caller_context);
  g_object_unref (self->executor);
}

void
_zz_announcer_release (ZzAnnouncer *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) zz_announcer_clear);
}

static gboolean
emit_in_caller_cb (gpointer data)
{
  ZzAnnouncer *self = data;
  GQueue       batch = G_QUEUE_INIT;
  Emission    *emission;

  g_mutex_lock (&self->lock);
  batch = self->queue;
  g_queue_init (&self->queue);
  self->scheduled = FALSE;
  g_mutex_unlock (&self->lock);

  while ((emission = g_queue_pop_head (&batch)))
    {
      _zz_executor_deliver (self->executor, emission->signal_id, emission->record);
      emission_free (emission);
    }

  return G_SOURCE_REMOVE;
}

void
_zz_announcer_emit (ZzAnnouncer     *self,
                    ZzExecutorSignal signal_id,
                    GType            type,
                    gpointer         record)
{
  Emission *emission;
  gboolean  schedule;

  /* Copies nobody will read are not made (zzyra-cli --json, benchmarks);
   * the start is always announced, since it names the execution. */
  if (signal_id != ZZ_EXECUTOR_EXECUTION_STARTED &&
      !_zz_executor_has_listener (self->executor, signal_id))
    return;

  emission = g_new0 (Emission, 1);
  emission->signal_id = signal_id;
  emission->type = type;
  emission->record = g_boxed_copy (type, record);

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->queue, emission);
  schedule = !self->scheduled;
  self->scheduled = TRUE;
  g_mutex_unlock (&self->lock);

  /* Not g_main_context_invoke(): it runs the function at once, on this
   * thread, whenever it can acquire the caller's context. */
  if (schedule)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, emit_in_caller_cb, g_atomic_rc_box_acquire (self),
                             (GDestroyNotify) _zz_announcer_release);
      g_source_set_static_name (source, "[zzyra] executor signals");
      g_source_attach (source, self->caller_context);
      g_source_unref (source);
    }
}
