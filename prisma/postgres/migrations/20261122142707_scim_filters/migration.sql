-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "displayNameKey" TEXT,
ADD COLUMN     "emailsText" TEXT,
ADD COLUMN     "familyNameKey" TEXT,
ADD COLUMN     "givenNameKey" TEXT,
ADD COLUMN     "linkedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Employee_workspaceId_displayNameKey_idx" ON "Employee"("workspaceId", "displayNameKey");

-- CreateIndex
CREATE INDEX "Employee_workspaceId_familyNameKey_idx" ON "Employee"("workspaceId", "familyNameKey");
