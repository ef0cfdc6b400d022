// One batch (≤ 500 rows) of a CSV import, merged by email in one transaction.
import { ZImportBatch } from "@/lib/employees/csv-import";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { importEmployees } from "@/lib/server/employees/import-employees";

export const POST = withAdmin(async (req, { workspace }) => {
  const { rows } = ZImportBatch.parse(await req.json().catch(() => null));
  return Response.json(await importEmployees(workspace.id, rows));
});
