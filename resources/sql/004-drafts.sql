-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 4: drafts of workflows being edited.

-- The editor keeps a document's edits in memory until the user saves them
-- (Ctrl+S), as a text editor does. So that a crash, a power cut or a killed
-- session loses at most the last few seconds, the editor writes the whole
-- document here, as Zzyra JSON, a few seconds after each edit; saving the
-- workflow (or discarding its changes) deletes the draft. A draft left
-- behind is offered back the next time the workflow is opened.
--
-- A table of its own rather than a column of "Workflow": writing a draft
-- must not touch the row the platform syncs (its version, its updatedAt),
-- and at most one draft per workflow is kept, replaced each time. Deleting
-- the workflow deletes its draft.
CREATE TABLE "WorkflowDraft" (
  "workflowId" TEXT NOT NULL PRIMARY KEY REFERENCES "Workflow" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "data"       TEXT NOT NULL CHECK (json_valid ("data")),
  "updatedAt"  TEXT NOT NULL
);
