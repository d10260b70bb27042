/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-draft-writer"

#include "config.h"

#include "zz-draft-writer.h"
#include "zz-workflow-history.h"

struct _ZzDraftWriter
{
  GObject parent_instance;

  ZzStore      *store;
  ZzWorkflow   *workflow;
  GSignalGroup *workflow_signals;
  guint         write_id;
};

G_DEFINE_FINAL_TYPE (ZzDraftWriter, zz_draft_writer, G_TYPE_OBJECT)

enum
{
  WRITTEN,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

gboolean
zz_draft_writer_write (ZzDraftWriter *self,
                       GError       **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (ZZ_IS_DRAFT_WRITER (self), FALSE);

  g_clear_handle_id (&self->write_id, g_source_remove);

  if (self->workflow == NULL || !zz_workflow_get_modified (self->workflow))
    return TRUE;

  data = zz_workflow_to_data (self->workflow, FALSE);
  if (!zz_store_save_draft (self->store, zz_workflow_get_id (self->workflow), data, error))
    return FALSE;

  g_signal_emit (self, signals[WRITTEN], 0);
  return TRUE;
}

gboolean
zz_draft_writer_flush (ZzDraftWriter *self,
                       GError       **error)
{
  g_return_val_if_fail (ZZ_IS_DRAFT_WRITER (self), FALSE);

  if (self->write_id == 0)
    return TRUE;

  return zz_draft_writer_write (self, error);
}

static gboolean
on_write_timeout_cb (gpointer user_data)
{
  ZzDraftWriter *self = user_data;
  g_autoptr(GError) error = NULL;

  self->write_id = 0;
  /* Not worth a dialog: the document itself is still in memory, and the
   * next edit tries again. */
  if (!zz_draft_writer_write (self, &error))
    g_warning ("Could not write a draft of “%s”: %s",
               zz_workflow_get_name (self->workflow), error->message);

  return G_SOURCE_REMOVE;
}

static void
on_workflow_changed_cb (ZzDraftWriter *self,
                        ZzWorkflow    *workflow)
{
  /* Not restarted by later edits: a long burst of edits still writes
   * every ZZ_DRAFT_WRITER_DELAY_MS. */
  if (self->write_id == 0 && zz_workflow_get_modified (workflow))
    self->write_id = g_timeout_add (ZZ_DRAFT_WRITER_DELAY_MS, on_write_timeout_cb, self);
}

static void
on_workflow_modified_cb (ZzDraftWriter *self,
                         GParamSpec    *pspec,
                         ZzWorkflow    *workflow)
{
  g_autoptr(GError) error = NULL;

  /* The first edit: "changed" came before the step that made it modified. */
  if (zz_workflow_get_modified (workflow))
    {
      on_workflow_changed_cb (self, workflow);
      return;
    }

  /* Saved, or undone back to the saved step: no draft to keep. */
  g_clear_handle_id (&self->write_id, g_source_remove);
  if (!zz_store_delete_draft (self->store, zz_workflow_get_id (workflow), &error))
    g_warning ("Could not delete the draft of “%s”: %s",
               zz_workflow_get_name (workflow), error->message);
}

void
zz_draft_writer_set_workflow (ZzDraftWriter *self,
                              ZzWorkflow    *workflow)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZZ_IS_DRAFT_WRITER (self));
  g_return_if_fail (workflow == NULL || ZZ_IS_WORKFLOW (workflow));

  if (self->workflow == workflow)
    return;

  if (!zz_draft_writer_flush (self, &error))
    g_warning ("Could not write a draft: %s", error->message);

  g_set_object (&self->workflow, workflow);
  g_signal_group_set_target (self->workflow_signals, workflow);
}

static void
zz_draft_writer_dispose (GObject *object)
{
  ZzDraftWriter *self = ZZ_DRAFT_WRITER (object);

  zz_draft_writer_set_workflow (self, NULL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zz_draft_writer_parent_class)->dispose (object);
}

static void
zz_draft_writer_finalize (GObject *object)
{
  ZzDraftWriter *self = ZZ_DRAFT_WRITER (object);

  g_clear_object (&self->workflow_signals);

  G_OBJECT_CLASS (zz_draft_writer_parent_class)->finalize (object);
}

static void
zz_draft_writer_class_init (ZzDraftWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zz_draft_writer_dispose;
  object_class->finalize = zz_draft_writer_finalize;

  signals[WRITTEN] = g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zz_draft_writer_init (ZzDraftWriter *self)
{
  self->workflow_signals = g_signal_group_new (ZZ_TYPE_WORKFLOW);
  g_signal_group_connect_object (self->workflow_signals, "changed",
                                 G_CALLBACK (on_workflow_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->workflow_signals, "notify::modified",
                                 G_CALLBACK (on_workflow_modified_cb), self, G_CONNECT_SWAPPED);
}

ZzDraftWriter *
zz_draft_writer_new (ZzStore *store)
{
  ZzDraftWriter *self;

  g_return_val_if_fail (ZZ_IS_STORE (store), NULL);

  self = g_object_new (ZZ_TYPE_DRAFT_WRITER, NULL);
  self->store = g_object_ref (store);
  return self;
}
