import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { CardEditor } from "@/components/cards/card-editor";
import { db } from "@/lib/db/client";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Business card" };

type Props = { params: Promise<{ slug: string; id: string }> };

/** One employee's business card, full page: where template previews link to. */
const EmployeeCardPage = async ({ params }: Props) => {
  const { slug, id } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const e = await db.employee.findFirst({ where: { id, workspaceId: workspace.id }, select: { id: true, displayName: true, email: true } });
  if (!e) notFound();
  const base = `/w/${workspace.slug}`;
  const name = e.displayName || e.email || "Unnamed employee";
  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: "Employees", href: `${base}/employees` },
          { label: name, href: `${base}/employees/${e.id}` },
          { label: "Business card" },
        ]}
      />
      <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
      <CardEditor slug={workspace.slug} employeeId={e.id} />
    </div>
  );
};

export default EmployeeCardPage;
