-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "capabilities" TEXT NOT NULL DEFAULT '[]',
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Role_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomAttribute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "scimPath" TEXT NOT NULL,
    "pathKey" TEXT NOT NULL,
    "onCard" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CustomAttribute_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmployeeAttribute" (
    "employeeId" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "valueKey" TEXT NOT NULL,

    PRIMARY KEY ("employeeId", "attributeId"),
    CONSTRAINT "EmployeeAttribute_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EmployeeAttribute_attributeId_fkey" FOREIGN KEY ("attributeId") REFERENCES "CustomAttribute" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Employee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "scimId" TEXT,
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
    "roleSource" TEXT NOT NULL DEFAULT 'default',
    "passwordHash" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "shareId" TEXT,
    "templateId" TEXT,
    "cardPolicyVersion" INTEGER NOT NULL DEFAULT 0,
    "activatedAt" DATETIME,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Employee_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Employee_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Employee" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Employee_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Employee" ("activatedAt", "active", "archivedAt", "cardPolicyVersion", "costCenter", "createdAt", "department", "displayName", "displayNameKey", "division", "email", "emailKey", "emailsText", "employeeNumber", "externalId", "familyName", "familyNameKey", "givenName", "givenNameKey", "id", "linkedAt", "location", "managerId", "mobile", "organization", "passwordHash", "phone", "photoUrl", "role", "scimDeletedAt", "scimDoc", "scimId", "sessionVersion", "shareId", "status", "templateId", "title", "updatedAt", "userName", "userNameKey", "version", "workspaceId") SELECT "activatedAt", "active", "archivedAt", "cardPolicyVersion", "costCenter", "createdAt", "department", "displayName", "displayNameKey", "division", "email", "emailKey", "emailsText", "employeeNumber", "externalId", "familyName", "familyNameKey", "givenName", "givenNameKey", "id", "linkedAt", "location", "managerId", "mobile", "organization", "passwordHash", "phone", "photoUrl", "role", "scimDeletedAt", "scimDoc", "scimId", "sessionVersion", "shareId", "status", "templateId", "title", "updatedAt", "userName", "userNameKey", "version", "workspaceId" FROM "Employee";
DROP TABLE "Employee";
ALTER TABLE "new_Employee" RENAME TO "Employee";
CREATE UNIQUE INDEX "Employee_scimId_key" ON "Employee"("scimId");
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
CREATE INDEX "Employee_workspaceId_role_idx" ON "Employee"("workspaceId", "role");
CREATE UNIQUE INDEX "Employee_workspaceId_userNameKey_key" ON "Employee"("workspaceId", "userNameKey");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("applyDepartment", "applyLocation", "applyManager", "createdAt", "defaultRole", "id", "name", "policyVersion", "sendActivationEmails", "slug", "updatedAt") SELECT "applyDepartment", "applyLocation", "applyManager", "createdAt", "defaultRole", "id", "name", "policyVersion", "sendActivationEmails", "slug", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Role_workspaceId_nameKey_idx" ON "Role"("workspaceId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Role_workspaceId_key_key" ON "Role"("workspaceId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "CustomAttribute_workspaceId_key_key" ON "CustomAttribute"("workspaceId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "CustomAttribute_workspaceId_pathKey_key" ON "CustomAttribute"("workspaceId", "pathKey");

-- CreateIndex
CREATE INDEX "EmployeeAttribute_workspaceId_attributeId_valueKey_idx" ON "EmployeeAttribute"("workspaceId", "attributeId", "valueKey");

-- Every workspace gets the built-in roles (new workspaces get them from create-workspace.ts).
INSERT INTO "Role" ("id", "workspaceId", "key", "name", "nameKey", "description", "capabilities", "builtIn", "position", "updatedAt")
SELECT "id" || ':member', "id", 'MEMBER', 'Member', 'member', 'A regular employee: listed in the directory, sees colleagues'' cards and edits the unlocked fields of their own card.', '["colleagues","editCard","listed"]', TRUE, 0, CURRENT_TIMESTAMP FROM "Workspace";
INSERT INTO "Role" ("id", "workspaceId", "key", "name", "nameKey", "description", "capabilities", "builtIn", "position", "updatedAt")
SELECT "id" || ':guest', "id", 'GUEST', 'Guest', 'guest', 'For contractors and temporary staff: listed in the directory, but sees only their own card.', '["editCard","listed"]', TRUE, 1, CURRENT_TIMESTAMP FROM "Workspace";

-- Workspaces that exist already keep accepting what their IdP sends today: nothing is required of
-- them until an admin chooses it (new workspaces require an email, the column's default).
UPDATE "Workspace" SET "requiredAttributes" = '[]';
