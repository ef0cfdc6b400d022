import type { Metadata } from "next";
import Link from "next/link";
import { ImportEmployees } from "@/components/employees/import-employees";
import { PageHeader } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listDeclarations } from "@/lib/server/attributes/list-attributes";

export const metadata: Metadata = { title: "Import employees" };

type Props = { params: Promise<{ slug: string }> };

const ImportPage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const attributes = (await listDeclarations(workspace.id)).map(({ key, label, type }) => ({ key, label, type }));
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/w/${workspace.slug}/employees`} className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
          Employees
        </Link>
        <span aria-hidden className="mx-1.5 text-slate-400">
          /
        </span>
        <span className="text-slate-600">Import</span>
      </nav>
      <PageHeader title="Import employees from CSV" description="Add or update manual employees in bulk. Nothing is written until you confirm the columns." />
      <ImportEmployees slug={workspace.slug} attributes={attributes} />
    </div>
  );
};

export default ImportPage;
