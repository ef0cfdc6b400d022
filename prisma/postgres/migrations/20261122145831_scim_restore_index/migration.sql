-- CreateIndex
CREATE INDEX "Employee_workspaceId_userName_idx" ON "Employee"("workspaceId", "userName");
