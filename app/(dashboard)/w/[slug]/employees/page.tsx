import type { Metadata } from "next";
import { EmployeesTable } from "@/components/employees/employees-table";
import { parseListQueryLenient } from "@/lib/employees/list-query";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listDeclarations } from "@/lib/server/attributes/list-attributes";
import { listEmployees } from "@/lib/server/employees/list-employees";
import { listTemplates } from "@/lib/server/templates/templates";

export const metadata: Metadata = { title: "Employees" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const EmployeesPage = async ({ params, searchParams }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const query = parseListQueryLenient(await searchParams);
  const [data, declared, templates] = await Promise.all([listEmployees(workspace.id, query), listDeclarations(workspace.id), listTemplates(workspace.id)]);
  const attributes = declared.map(({ key, label, type }) => ({ key, label, type }));
  return <EmployeesTable slug={workspace.slug} initialQuery={query} initialData={data} attributes={attributes} templates={templates.map(({ id, name }) => ({ id, name }))} />;
};

export default EmployeesPage;
