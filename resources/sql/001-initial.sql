-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 1: the Zzyra platform schema (shared/schema.md), model for model.
--
-- Table and column names are the seed's, so a row means the same here, in
-- the web platform and on the team server.  Types follow DESIGN.md: DateTime
-- is TEXT in UTC ISO-8601 with milliseconds, Json is TEXT checked by
-- json_valid, String[] is TEXT holding a JSON array, Boolean is 0 or 1.
-- @updatedAt columns have no default (as with Prisma): the store sets them.
-- Unique indexes carry the names Prisma gives them; foreign keys cascade as
-- the seed says (Subscription.tierId keeps Prisma's default, RESTRICT).

CREATE TABLE "User" (
  "id"        TEXT NOT NULL PRIMARY KEY,
  "email"     TEXT NOT NULL,
  "name"      TEXT,
  "createdAt" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "User_email_key" ON "User" ("email");

CREATE TABLE "Profile" (
  "id"                    TEXT NOT NULL PRIMARY KEY,
  "fullName"              TEXT,
  "avatarUrl"             TEXT,
  "subscriptionTier"      TEXT NOT NULL DEFAULT 'free',
  "subscriptionStatus"    TEXT NOT NULL DEFAULT 'active',
  "monthlyExecutionQuota" INTEGER NOT NULL DEFAULT 100,
  "monthlyExecutionCount" INTEGER NOT NULL DEFAULT 0,
  "createdAt"             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"             TEXT NOT NULL,
  "userId"                TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Profile_userId_key" ON "Profile" ("userId");

CREATE TABLE "Workflow" (
  "id"          TEXT NOT NULL PRIMARY KEY,
  "name"        TEXT NOT NULL,
  "description" TEXT,
  "nodes"       TEXT NOT NULL CHECK (json_valid ("nodes")),
  "edges"       TEXT NOT NULL CHECK (json_valid ("edges")),
  "isPublic"    INTEGER NOT NULL DEFAULT 0 CHECK ("isPublic" IN (0, 1)),
  "tags"        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid ("tags") AND json_type ("tags") = 'array'),
  "version"     INTEGER NOT NULL DEFAULT 1,
  "createdAt"   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"   TEXT NOT NULL,
  "userId"      TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "WorkflowExecution" (
  "id"         TEXT NOT NULL PRIMARY KEY,
  "status"     TEXT NOT NULL CHECK ("status" IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
  "startedAt"  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "finishedAt" TEXT,
  "error"      TEXT,
  "input"      TEXT CHECK ("input" IS NULL OR json_valid ("input")),
  "output"     TEXT CHECK ("output" IS NULL OR json_valid ("output")),
  "createdAt"  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"  TEXT NOT NULL,
  "workflowId" TEXT NOT NULL REFERENCES "Workflow" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "userId"     TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "NodeExecution" (
  "id"          TEXT NOT NULL PRIMARY KEY,
  "nodeId"      TEXT NOT NULL,
  "status"      TEXT NOT NULL CHECK ("status" IN ('pending', 'running', 'completed', 'failed')),
  "startedAt"   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "completedAt" TEXT,
  "output"      TEXT CHECK ("output" IS NULL OR json_valid ("output")),
  "error"       TEXT,
  "createdAt"   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"   TEXT NOT NULL,
  "executionId" TEXT NOT NULL REFERENCES "WorkflowExecution" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "BlockLibrary" (
  "id"            TEXT NOT NULL PRIMARY KEY,
  "name"          TEXT NOT NULL,
  "description"   TEXT,
  "category"      TEXT NOT NULL,
  "blockType"     TEXT NOT NULL,
  "configuration" TEXT CHECK ("configuration" IS NULL OR json_valid ("configuration")),
  "executionCode" TEXT,
  "isPublic"      INTEGER NOT NULL DEFAULT 1 CHECK ("isPublic" IN (0, 1)),
  "rating"        REAL NOT NULL DEFAULT 0,
  "usageCount"    INTEGER NOT NULL DEFAULT 0,
  "tags"          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid ("tags") AND json_type ("tags") = 'array'),
  "createdAt"     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"     TEXT NOT NULL
);

CREATE TABLE "CustomBlock" (
  "id"          TEXT NOT NULL PRIMARY KEY,
  "name"        TEXT NOT NULL,
  "description" TEXT,
  "code"        TEXT NOT NULL,
  "category"    TEXT NOT NULL,
  "isPublic"    INTEGER NOT NULL DEFAULT 0 CHECK ("isPublic" IN (0, 1)),
  "tags"        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid ("tags") AND json_type ("tags") = 'array'),
  "createdAt"   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"   TEXT NOT NULL,
  "userId"      TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "Session" (
  "id"           TEXT NOT NULL PRIMARY KEY,
  "expiresAt"    TEXT NOT NULL,
  "token"        TEXT NOT NULL,
  "accessToken"  TEXT NOT NULL,
  "refreshToken" TEXT NOT NULL,
  "createdAt"    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"    TEXT NOT NULL,
  "userId"       TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Session_token_key" ON "Session" ("token");
CREATE UNIQUE INDEX "Session_accessToken_key" ON "Session" ("accessToken");
CREATE UNIQUE INDEX "Session_refreshToken_key" ON "Session" ("refreshToken");

CREATE TABLE "Notification" (
  "id"        TEXT NOT NULL PRIMARY KEY,
  "title"     TEXT NOT NULL,
  "message"   TEXT NOT NULL,
  "type"      TEXT NOT NULL,
  "read"      INTEGER NOT NULL DEFAULT 0 CHECK ("read" IN (0, 1)),
  "data"      TEXT CHECK ("data" IS NULL OR json_valid ("data")),
  "createdAt" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "userId"    TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "Team" (
  "id"          TEXT NOT NULL PRIMARY KEY,
  "name"        TEXT NOT NULL,
  "description" TEXT,
  "createdAt"   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"   TEXT NOT NULL
);

CREATE TABLE "TeamMember" (
  "id"       TEXT NOT NULL PRIMARY KEY,
  "role"     TEXT NOT NULL DEFAULT 'member' CHECK ("role" IN ('owner', 'admin', 'member')),
  "joinedAt" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "userId"   TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "teamId"   TEXT NOT NULL REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "TeamMember_userId_teamId_key" ON "TeamMember" ("userId", "teamId");

CREATE TABLE "PricingTier" (
  "id"             TEXT NOT NULL PRIMARY KEY,
  "name"           TEXT NOT NULL,
  "priceMonthly"   REAL NOT NULL,
  "priceYearly"    REAL NOT NULL,
  "executionLimit" INTEGER NOT NULL,
  "workflowLimit"  INTEGER NOT NULL,
  "features"       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid ("features") AND json_type ("features") = 'array'),
  "isActive"       INTEGER NOT NULL DEFAULT 1 CHECK ("isActive" IN (0, 1)),
  "createdAt"      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"      TEXT NOT NULL
);

CREATE TABLE "Subscription" (
  "id"                 TEXT NOT NULL PRIMARY KEY,
  "status"             TEXT NOT NULL CHECK ("status" IN ('active', 'cancelled', 'past_due')),
  "currentPeriodStart" TEXT NOT NULL,
  "currentPeriodEnd"   TEXT NOT NULL,
  "cancelAt"           TEXT,
  "createdAt"          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"          TEXT NOT NULL,
  "userId"             TEXT NOT NULL REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "tierId"             TEXT NOT NULL REFERENCES "PricingTier" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "BlockchainTransaction" (
  "id"            TEXT NOT NULL PRIMARY KEY,
  "hash"          TEXT NOT NULL,
  "network"       TEXT NOT NULL,
  "fromAddress"   TEXT NOT NULL,
  "toAddress"     TEXT NOT NULL,
  "value"         TEXT NOT NULL,
  "gasUsed"       TEXT,
  "gasPrice"      TEXT,
  "status"        TEXT NOT NULL CHECK ("status" IN ('pending', 'confirmed', 'failed')),
  "blockNumber"   INTEGER,
  "confirmations" INTEGER NOT NULL DEFAULT 0,
  "createdAt"     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  "updatedAt"     TEXT NOT NULL
);
CREATE UNIQUE INDEX "BlockchainTransaction_hash_key" ON "BlockchainTransaction" ("hash");

-- The seed's recommended indexes, with its names.
CREATE INDEX idx_workflow_user_id ON "Workflow" ("userId");
CREATE INDEX idx_workflow_created_at ON "Workflow" ("createdAt");
CREATE INDEX idx_execution_workflow_id ON "WorkflowExecution" ("workflowId");
CREATE INDEX idx_execution_user_id ON "WorkflowExecution" ("userId");
CREATE INDEX idx_execution_status ON "WorkflowExecution" ("status");
CREATE INDEX idx_notification_user_read ON "Notification" ("userId", "read");
