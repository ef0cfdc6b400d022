-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "employeeId" TEXT;

-- CreateTable
CREATE TABLE "EmployeeLoginToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'activation',
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "EmployeeLoginToken_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Employee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'MANUAL',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "userName" TEXT,
    "userNameKey" TEXT,
    "externalId" TEXT,
    "scimDoc" TEXT,
    "scimDeletedAt" DATETIME,
    "linkedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "displayName" TEXT,
    "givenName" TEXT,
    "familyName" TEXT,
    "email" TEXT,
    "displayNameKey" TEXT,
    "givenNameKey" TEXT,
    "familyNameKey" TEXT,
    "emailKey" TEXT,
    "emailsText" TEXT,
    "title" TEXT,
    "department" TEXT,
    "organization" TEXT,
    "division" TEXT,
    "costCenter" TEXT,
    "employeeNumber" TEXT,
    "location" TEXT,
    "phone" TEXT,
    "mobile" TEXT,
    "photoUrl" TEXT,
    "managerId" TEXT,
    "role" TEXT NOT NULL DEFAULT 'MEMBER',
    "passwordHash" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "shareId" TEXT,
    "templateId" TEXT,
    "activatedAt" DATETIME,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Employee_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Employee_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Employee" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Employee_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Employee" ("activatedAt", "active", "archivedAt", "costCenter", "createdAt", "department", "displayName", "displayNameKey", "division", "email", "emailKey", "emailsText", "employeeNumber", "externalId", "familyName", "familyNameKey", "givenName", "givenNameKey", "id", "linkedAt", "location", "managerId", "mobile", "organization", "phone", "photoUrl", "role", "scimDeletedAt", "scimDoc", "status", "title", "updatedAt", "userName", "userNameKey", "version", "workspaceId") SELECT "activatedAt", "active", "archivedAt", "costCenter", "createdAt", "department", "displayName", "displayNameKey", "division", "email", "emailKey", "emailsText", "employeeNumber", "externalId", "familyName", "familyNameKey", "givenName", "givenNameKey", "id", "linkedAt", "location", "managerId", "mobile", "organization", "phone", "photoUrl", "role", "scimDeletedAt", "scimDoc", "status", "title", "updatedAt", "userName", "userNameKey", "version", "workspaceId" FROM "Employee";
DROP TABLE "Employee";
ALTER TABLE "new_Employee" RENAME TO "Employee";
CREATE UNIQUE INDEX "Employee_shareId_key" ON "Employee"("shareId");
CREATE INDEX "Employee_workspaceId_userName_idx" ON "Employee"("workspaceId", "userName");
CREATE INDEX "Employee_workspaceId_externalId_idx" ON "Employee"("workspaceId", "externalId");
CREATE INDEX "Employee_workspaceId_emailKey_idx" ON "Employee"("workspaceId", "emailKey");
CREATE INDEX "Employee_workspaceId_status_displayName_idx" ON "Employee"("workspaceId", "status", "displayName");
CREATE INDEX "Employee_workspaceId_displayNameKey_idx" ON "Employee"("workspaceId", "displayNameKey");
CREATE INDEX "Employee_workspaceId_familyNameKey_idx" ON "Employee"("workspaceId", "familyNameKey");
CREATE INDEX "Employee_workspaceId_status_displayNameKey_idx" ON "Employee"("workspaceId", "status", "displayNameKey");
CREATE INDEX "Employee_workspaceId_activatedAt_idx" ON "Employee"("workspaceId", "activatedAt");
CREATE INDEX "Employee_workspaceId_updatedAt_idx" ON "Employee"("workspaceId", "updatedAt");
CREATE INDEX "Employee_workspaceId_createdAt_idx" ON "Employee"("workspaceId", "createdAt");
CREATE INDEX "Employee_managerId_idx" ON "Employee"("managerId");
CREATE UNIQUE INDEX "Employee_workspaceId_userNameKey_key" ON "Employee"("workspaceId", "userNameKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EmployeeLoginToken_tokenHash_key" ON "EmployeeLoginToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EmployeeLoginToken_employeeId_kind_idx" ON "EmployeeLoginToken"("employeeId", "kind");

-- CreateIndex
CREATE INDEX "OutboxEmail_employeeId_idx" ON "OutboxEmail"("employeeId");
