-- AlterTable
ALTER TABLE "Employee" ADD COLUMN "cardPolicyVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Employee" ADD COLUMN "scimId" TEXT;

-- AlterTable
ALTER TABLE "ProvisioningEvent" ADD COLUMN "change" TEXT;

-- CreateTable
CREATE TABLE "EmployeeEmail" (
    "employeeId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "type" TEXT,

    PRIMARY KEY ("employeeId", "value"),
    CONSTRAINT "EmployeeEmail_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CardField" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT,
    "linked" BOOLEAN NOT NULL DEFAULT true,
    "locked" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardField_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Each card field takes its employee's workspace (hand-written: the workspace is in every statement now).
INSERT INTO "new_CardField" ("employeeId", "id", "key", "linked", "locked", "updatedAt", "value", "workspaceId") SELECT c."employeeId", c."id", c."key", c."linked", c."locked", c."updatedAt", c."value", e."workspaceId" FROM "CardField" c JOIN "Employee" e ON e."id" = c."employeeId";
DROP TABLE "CardField";
ALTER TABLE "new_CardField" RENAME TO "CardField";
CREATE INDEX "CardField_workspaceId_employeeId_idx" ON "CardField"("workspaceId", "employeeId");
CREATE UNIQUE INDEX "CardField_employeeId_key_key" ON "CardField"("employeeId", "key");
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "applyLocation" BOOLEAN NOT NULL DEFAULT true,
    "applyDepartment" BOOLEAN NOT NULL DEFAULT true,
    "applyManager" BOOLEAN NOT NULL DEFAULT true,
    "sendActivationEmails" BOOLEAN NOT NULL DEFAULT true,
    "defaultRole" TEXT NOT NULL DEFAULT 'MEMBER',
    "policyVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("applyDepartment", "applyLocation", "applyManager", "createdAt", "defaultRole", "id", "name", "sendActivationEmails", "slug", "updatedAt") SELECT "applyDepartment", "applyLocation", "applyManager", "createdAt", "defaultRole", "id", "name", "sendActivationEmails", "slug", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EmployeeEmail_workspaceId_value_idx" ON "EmployeeEmail"("workspaceId", "value");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_scimId_key" ON "Employee"("scimId");

-- CreateIndex
CREATE INDEX "ProvisioningEvent_workspaceId_employeeId_at_idx" ON "ProvisioningEvent"("workspaceId", "employeeId", "at");

-- Backfill (hand-written). A live SCIM user's id so far was its employee id.
UPDATE "Employee" SET "scimId" = "id" WHERE "scimDoc" IS NOT NULL AND "scimDeletedAt" IS NULL;

-- The log's rows about users name their employee, for the timeline.
UPDATE "ProvisioningEvent" SET "employeeId" = "resourceId" WHERE "resourceType" = 'User' AND "employeeId" IS NULL AND "resourceId" IN (SELECT "id" FROM "Employee");

-- Every email of every SCIM user, from the document the IdP wrote.
INSERT OR IGNORE INTO "EmployeeEmail" ("employeeId", "workspaceId", "value", "type")
SELECT e."id", e."workspaceId", lower(json_extract(j."value", '$.value')), lower(json_extract(j."value", '$.type'))
FROM "Employee" e, json_each(e."scimDoc", '$.emails') j
WHERE e."scimId" IS NOT NULL AND json_valid(e."scimDoc") AND json_type(e."scimDoc", '$.emails') = 'array' AND j."type" = 'object' AND json_type(j."value", '$.value') = 'text';
