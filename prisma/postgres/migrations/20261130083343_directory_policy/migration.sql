-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "roleSource" TEXT NOT NULL DEFAULT 'default';

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "importRoles" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "requiredAttributes" TEXT NOT NULL DEFAULT '["email"]',
ADD COLUMN     "roleSources" TEXT NOT NULL DEFAULT 'scim,groups',
ADD COLUMN     "seatLimit" INTEGER,
ADD COLUMN     "unknownRole" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "capabilities" TEXT NOT NULL DEFAULT '[]',
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomAttribute" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "scimPath" TEXT NOT NULL,
    "pathKey" TEXT NOT NULL,
    "onCard" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomAttribute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmployeeAttribute" (
    "employeeId" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "valueKey" TEXT NOT NULL,

    CONSTRAINT "EmployeeAttribute_pkey" PRIMARY KEY ("employeeId","attributeId")
);

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

-- CreateIndex
CREATE INDEX "Employee_workspaceId_role_idx" ON "Employee"("workspaceId", "role");

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomAttribute" ADD CONSTRAINT "CustomAttribute_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmployeeAttribute" ADD CONSTRAINT "EmployeeAttribute_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmployeeAttribute" ADD CONSTRAINT "EmployeeAttribute_attributeId_fkey" FOREIGN KEY ("attributeId") REFERENCES "CustomAttribute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every workspace gets the built-in roles (new workspaces get them from create-workspace.ts).
INSERT INTO "Role" ("id", "workspaceId", "key", "name", "nameKey", "description", "capabilities", "builtIn", "position", "updatedAt")
SELECT "id" || ':member', "id", 'MEMBER', 'Member', 'member', 'A regular employee: listed in the directory, sees colleagues'' cards and edits the unlocked fields of their own card.', '["colleagues","editCard","listed"]', TRUE, 0, CURRENT_TIMESTAMP FROM "Workspace";
INSERT INTO "Role" ("id", "workspaceId", "key", "name", "nameKey", "description", "capabilities", "builtIn", "position", "updatedAt")
SELECT "id" || ':guest', "id", 'GUEST', 'Guest', 'guest', 'For contractors and temporary staff: listed in the directory, but sees only their own card.', '["editCard","listed"]', TRUE, 1, CURRENT_TIMESTAMP FROM "Workspace";

-- Workspaces that exist already keep accepting what their IdP sends today: nothing is required of
-- them until an admin chooses it (new workspaces require an email, the column's default).
UPDATE "Workspace" SET "requiredAttributes" = '[]';
