/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zz-store.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_TYPE_DRAFT_WRITER (zz_draft_writer_get_type ())

G_DECLARE_FINAL_TYPE (ZzDraftWriter, zz_draft_writer, ZZ, DRAFT_WRITER, GObject)

/* Keeps a draft of the workflow being edited in the store: while the
 * document is modified, its Zzyra JSON is written at most
 * ZZ_DRAFT_WRITER_DELAY_MS after an edit (a burst of edits is one write,
 * and a long burst still writes every so often), and the draft is deleted
 * when the document is no longer modified (undone back to the saved step).
 * Saving deletes it too, in the store's own transaction.
 *
 * Signals: "written" () after each draft write, for tests and status. */
#define ZZ_DRAFT_WRITER_DELAY_MS 2000

ZzDraftWriter *zz_draft_writer_new          (ZzStore       *store);
/* The draft of the workflow shown before is written first if one was due. */
void           zz_draft_writer_set_workflow (ZzDraftWriter *self,
                                             ZzWorkflow    *workflow);
/* Writes the draft now if one is due. */
gboolean       zz_draft_writer_flush        (ZzDraftWriter *self,
                                             GError       **error);
/* Writes the draft now, due or not, if the document is modified. */
gboolean       zz_draft_writer_write        (ZzDraftWriter *self,
                                             GError       **error);

G_END_DECLS
