-- AlterTable (hand-written: each card field takes its employee's workspace, then the column is required)
ALTER TABLE "CardField" ADD COLUMN     "workspaceId" TEXT;
UPDATE "CardField" c SET "workspaceId" = e."workspaceId" FROM "Employee" e WHERE e."id" = c."employeeId";
ALTER TABLE "CardField" ALTER COLUMN "workspaceId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "cardPolicyVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scimId" TEXT;

-- AlterTable
ALTER TABLE "ProvisioningEvent" ADD COLUMN     "change" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "policyVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "EmployeeEmail" (
    "employeeId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "type" TEXT,

    CONSTRAINT "EmployeeEmail_pkey" PRIMARY KEY ("employeeId","value")
);

-- CreateIndex
CREATE INDEX "EmployeeEmail_workspaceId_value_idx" ON "EmployeeEmail"("workspaceId", "value");

-- CreateIndex
CREATE INDEX "CardField_workspaceId_employeeId_idx" ON "CardField"("workspaceId", "employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_scimId_key" ON "Employee"("scimId");

-- CreateIndex
CREATE INDEX "ProvisioningEvent_workspaceId_employeeId_at_idx" ON "ProvisioningEvent"("workspaceId", "employeeId", "at");

-- AddForeignKey
ALTER TABLE "EmployeeEmail" ADD CONSTRAINT "EmployeeEmail_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (hand-written). A live SCIM user's id so far was its employee id.
UPDATE "Employee" SET "scimId" = "id" WHERE "scimDoc" IS NOT NULL AND "scimDeletedAt" IS NULL;

-- The log's rows about users name their employee, for the timeline.
UPDATE "ProvisioningEvent" p SET "employeeId" = p."resourceId" FROM "Employee" e WHERE p."resourceType" = 'User' AND p."employeeId" IS NULL AND e."id" = p."resourceId";

-- Every email of every SCIM user, from the document the IdP wrote.
INSERT INTO "EmployeeEmail" ("employeeId", "workspaceId", "value", "type")
SELECT DISTINCT ON (e."id", lower(x->>'value')) e."id", e."workspaceId", lower(x->>'value'), lower(x->>'type')
FROM "Employee" e
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(e."scimDoc"::jsonb -> 'emails') = 'array' THEN e."scimDoc"::jsonb -> 'emails' ELSE '[]'::jsonb END) x
WHERE e."scimId" IS NOT NULL AND jsonb_typeof(x) = 'object' AND jsonb_typeof(x -> 'value') = 'string'
ON CONFLICT DO NOTHING;
