-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT,
    "leaseUntil" DATETIME NOT NULL,
    "lastRunAt" DATETIME,
    "lastResult" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "applyLocation" BOOLEAN NOT NULL DEFAULT true,
    "applyDepartment" BOOLEAN NOT NULL DEFAULT true,
    "applyManager" BOOLEAN NOT NULL DEFAULT true,
    "sendActivationEmails" BOOLEAN NOT NULL DEFAULT true,
    "defaultRole" TEXT NOT NULL DEFAULT 'MEMBER',
    "importRoles" BOOLEAN NOT NULL DEFAULT false,
    "roleSources" TEXT NOT NULL DEFAULT 'scim,groups',
    "unknownRole" TEXT NOT NULL DEFAULT '',
    "seatLimit" INTEGER,
    "requiredAttributes" TEXT NOT NULL DEFAULT '["email"]',
    "policyVersion" INTEGER NOT NULL DEFAULT 1,
    "logRetentionDays" INTEGER NOT NULL DEFAULT 90,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("applyDepartment", "applyLocation", "applyManager", "createdAt", "defaultRole", "id", "importRoles", "name", "policyVersion", "requiredAttributes", "roleSources", "seatLimit", "sendActivationEmails", "slug", "unknownRole", "updatedAt") SELECT "applyDepartment", "applyLocation", "applyManager", "createdAt", "defaultRole", "id", "importRoles", "name", "policyVersion", "requiredAttributes", "roleSources", "seatLimit", "sendActivationEmails", "slug", "unknownRole", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EmployeeEvent_workspaceId_at_idx" ON "EmployeeEvent"("workspaceId", "at");
