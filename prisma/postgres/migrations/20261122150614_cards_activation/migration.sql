-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "passwordHash" TEXT,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shareId" TEXT,
ADD COLUMN     "templateId" TEXT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "employeeId" TEXT;

-- CreateTable
CREATE TABLE "EmployeeLoginToken" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'activation',
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "EmployeeLoginToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmployeeLoginToken_tokenHash_key" ON "EmployeeLoginToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EmployeeLoginToken_employeeId_kind_idx" ON "EmployeeLoginToken"("employeeId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_shareId_key" ON "Employee"("shareId");

-- CreateIndex
CREATE INDEX "OutboxEmail_employeeId_idx" ON "OutboxEmail"("employeeId");

-- AddForeignKey
ALTER TABLE "EmployeeLoginToken" ADD CONSTRAINT "EmployeeLoginToken_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE SET NULL ON UPDATE CASCADE;
