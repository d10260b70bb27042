-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 3: what the executor records beyond the platform schema.

-- NodeExecution gains the status 'skipped': a node reached only through a
-- CONDITION branch that was not taken, a disabled node, or one that never
-- started because the run stopped. SQLite cannot change a CHECK, so the
-- table is rebuilt with every row; nothing references NodeExecution.
-- It also gains:
--   "input"    Json: the node's input as it ran (the outputs it received),
--   "config"   Json: its config with templates resolved, as the block saw it,
--   "attempts" Int:  how many times it ran (1 + retries used),
-- so that a run can be understood afterwards without running it again.
CREATE TABLE "NodeExecution_new" (
  "id"          TEXT NOT NULL PRIMARY KEY,
  "nodeId"      TEXT NOT NULL,
  -- Spelled out with OR: SQLite builds an ephemeral index for an IN list
  -- every time the CHECK runs, and this row is written for every node.
  "status"      TEXT NOT NULL CHECK ("status" = 'pending' OR "status" = 'running' OR "status" = 'completed'
                                     OR "status" = 'failed' OR "status" = 'skipped'),
  "startedAt"   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "completedAt" TEXT,
  "output"      TEXT CHECK ("output" IS NULL OR json_valid ("output")),
  "error"       TEXT,
  "createdAt"   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"   TEXT NOT NULL,
  "executionId" TEXT NOT NULL REFERENCES "WorkflowExecution" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "input"       TEXT CHECK ("input" IS NULL OR json_valid ("input")),
  "config"      TEXT CHECK ("config" IS NULL OR json_valid ("config")),
  "attempts"    INTEGER NOT NULL DEFAULT 0
);

INSERT INTO "NodeExecution_new"
  ("id", "nodeId", "status", "startedAt", "completedAt", "output", "error",
   "createdAt", "updatedAt", "executionId")
SELECT "id", "nodeId", "status", "startedAt", "completedAt", "output", "error",
       "createdAt", "updatedAt", "executionId"
  FROM "NodeExecution";

DROP TABLE "NodeExecution";
ALTER TABLE "NodeExecution_new" RENAME TO "NodeExecution";

CREATE INDEX "NodeExecution_executionId_startedAt_idx"
  ON "NodeExecution" ("executionId", "startedAt");

-- How a run was started, shown in the history: 'manual' (the app),
-- 'cli', 'schedule' or 'rerun'.
ALTER TABLE "WorkflowExecution"
  ADD COLUMN "trigger" TEXT NOT NULL DEFAULT 'manual';

-- Which process runs an execution. The app and zzyra-cli may share one
-- database; at open, an execution left 'running' is marked failed
-- ("interrupted") only if its owner is gone. A pid alone could have been
-- reused, so the process's start time (from /proc) is recorded with it.
ALTER TABLE "WorkflowExecution" ADD COLUMN "ownerHost" TEXT;
ALTER TABLE "WorkflowExecution" ADD COLUMN "ownerPid" INTEGER;
ALTER TABLE "WorkflowExecution" ADD COLUMN "ownerStartTime" TEXT;

-- Profile."monthlyExecutionCount" counts the runs of one calendar month
-- (UTC); this records which ('2026-11'), so the count restarts at 0 when
-- a month begins. The quota itself is Profile."monthlyExecutionQuota":
-- -1 means unlimited (the local profile), and a team server may set it.
ALTER TABLE "Profile" ADD COLUMN "executionCountMonth" TEXT;
