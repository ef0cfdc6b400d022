-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CardField" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT,
    "source" TEXT NOT NULL DEFAULT 'idp',
    "locked" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardField_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A linked field comes from the IdP. An unlinked, locked one holding its template's value is
-- inherited from the template. Any other unlinked field is an admin's or the employee's own value.
INSERT INTO "new_CardField" ("employeeId", "id", "key", "locked", "updatedAt", "value", "workspaceId", "source") SELECT c."employeeId", c."id", c."key", c."locked", c."updatedAt", c."value", c."workspaceId",
    CASE
        WHEN c."linked" THEN 'idp'
        WHEN c."locked" AND EXISTS (
            SELECT 1 FROM "Employee" e JOIN "Template" t ON t."id" = e."templateId"
            WHERE e."id" = c."employeeId" AND json_valid(t."fields") AND json_extract(t."fields", '$."' || c."key" || '"') = c."value"
        ) THEN 'template'
        ELSE 'muster'
    END
FROM "CardField" c;
DROP TABLE "CardField";
ALTER TABLE "new_CardField" RENAME TO "CardField";
CREATE INDEX "CardField_workspaceId_employeeId_idx" ON "CardField"("workspaceId", "employeeId");
CREATE UNIQUE INDEX "CardField_employeeId_key_key" ON "CardField"("employeeId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Employee_workspaceId_templateId_idx" ON "Employee"("workspaceId", "templateId");
