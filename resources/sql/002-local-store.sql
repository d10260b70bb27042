-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 2: what the desktop store needs beyond the platform schema.
-- Only additions: no seed table or column is changed.

-- Zzyra workflow files may carry top-level keys the schema has no column for
-- (e.g. "metadata").  They are kept here, as a JSON object, so that an
-- imported file exported again loses nothing.
ALTER TABLE "Workflow"
  ADD COLUMN "extra" TEXT NOT NULL DEFAULT '{}'
  CHECK (json_valid ("extra") AND json_type ("extra") = 'object');

-- Facts about this installation rather than about the platform's data.
-- key 'localUserId' names the User that is this machine's local user, made
-- on first open with a Profile whose "monthlyExecutionQuota" is -1: the
-- local profile is not metered, -1 means unlimited.
CREATE TABLE "LocalState" (
  "key"   TEXT NOT NULL PRIMARY KEY,
  "value" TEXT
);

-- The list of workflows shows each one's 5 latest executions: this index
-- answers "WHERE workflowId = ? ORDER BY createdAt DESC LIMIT 5" without a sort.
CREATE INDEX "WorkflowExecution_workflowId_createdAt_idx"
  ON "WorkflowExecution" ("workflowId", "createdAt");

-- An execution's node details are read in start order.
CREATE INDEX "NodeExecution_executionId_startedAt_idx"
  ON "NodeExecution" ("executionId", "startedAt");

-- Deleting a user, team or tier cascades (or is refused) through these
-- foreign keys; without an index each delete would scan the whole table.
CREATE INDEX "CustomBlock_userId_idx" ON "CustomBlock" ("userId");
CREATE INDEX "Session_userId_idx" ON "Session" ("userId");
CREATE INDEX "TeamMember_teamId_idx" ON "TeamMember" ("teamId");
CREATE INDEX "Subscription_userId_idx" ON "Subscription" ("userId");
CREATE INDEX "Subscription_tierId_idx" ON "Subscription" ("tierId");
