import type { Metadata } from "next";
import { EmployeesTable } from "@/components/employees/employees-table";
import { parseListQueryLenient } from "@/lib/employees/list-query";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listEmployees } from "@/lib/server/employees/list-employees";

export const metadata: Metadata = { title: "Employees" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const EmployeesPage = async ({ params, searchParams }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const query = parseListQueryLenient(await searchParams);
  const data = await listEmployees(workspace.id, query);
  return <EmployeesTable slug={workspace.slug} initialQuery={query} initialData={data} />;
};

export default EmployeesPage;
