// GET: one page of the employees table with per-tab counts. POST: add an employee by hand.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { fieldErrors } from "@/lib/server/auth/schemas";
import { queryInput, ZEmployeeListQuery } from "@/lib/employees/list-query";
import { ZNewEmployee } from "@/lib/employees/schemas";
import { createEmployee } from "@/lib/server/employees/create-employee";
import { listEmployees } from "@/lib/server/employees/list-employees";

export const GET = withAdmin(async (req, { workspace }) => {
  const query = ZEmployeeListQuery.parse(queryInput(new URL(req.url).searchParams));
  return Response.json(await listEmployees(workspace.id, query), { headers: { "Cache-Control": "no-store" } });
});

export const POST = withAdmin(async (req, { workspace }) => {
  const parsed = ZNewEmployee.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid input", fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const employee = await createEmployee(workspace.id, parsed.data);
  return Response.json({ employee }, { status: 201 });
});
