-- AlterTable
ALTER TABLE "Employee" ADD COLUMN "displayNameKey" TEXT;
ALTER TABLE "Employee" ADD COLUMN "emailsText" TEXT;
ALTER TABLE "Employee" ADD COLUMN "familyNameKey" TEXT;
ALTER TABLE "Employee" ADD COLUMN "givenNameKey" TEXT;
ALTER TABLE "Employee" ADD COLUMN "linkedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Employee_workspaceId_displayNameKey_idx" ON "Employee"("workspaceId", "displayNameKey");

-- CreateIndex
CREATE INDEX "Employee_workspaceId_familyNameKey_idx" ON "Employee"("workspaceId", "familyNameKey");
