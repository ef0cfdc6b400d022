-- DropIndex
DROP INDEX "Employee_workspaceId_activatedAt_idx";

-- CreateIndex
CREATE INDEX "Employee_workspaceId_activatedAt_status_idx" ON "Employee"("workspaceId", "activatedAt", "status");
