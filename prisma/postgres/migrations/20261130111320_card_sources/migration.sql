-- AlterTable
ALTER TABLE "CardField" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'idp';

-- A linked field comes from the IdP. An unlinked, locked one holding its template's value is
-- inherited from the template. Any other unlinked field is an admin's or the employee's own value.
UPDATE "CardField" c SET "source" = CASE
        WHEN c."locked" AND EXISTS (
            SELECT 1 FROM "Employee" e JOIN "Template" t ON t."id" = e."templateId"
            WHERE e."id" = c."employeeId" AND (CASE WHEN t."fields" ~ '^\s*\{.*\}\s*$' THEN t."fields"::jsonb ->> c."key" END) = c."value"
        ) THEN 'template'
        ELSE 'muster'
    END
WHERE NOT c."linked";

ALTER TABLE "CardField" DROP COLUMN "linked";

-- CreateIndex
CREATE INDEX "Employee_workspaceId_templateId_idx" ON "Employee"("workspaceId", "templateId");
