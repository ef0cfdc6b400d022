import type { Metadata } from "next";
import Link from "next/link";
import { TemplateList } from "@/components/cards/template-list";
import { PageHeader } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listTemplates } from "@/lib/server/templates/templates";

export const metadata: Metadata = { title: "Card templates" };

type Props = { params: Promise<{ slug: string }> };

const TemplatesPage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const templates = await listTemplates(workspace.id);
  return (
    <div>
      <PageHeader
        title="Card templates"
        description="When your identity provider provisions a new employee, the first template whose rules match fills in their business card. Template fields win over the identity provider's values and stay put on later syncs."
        actions={
          templates.length ? (
            <Link
              href={`/w/${workspace.slug}/templates/new`}
              className="inline-flex shrink-0 items-center whitespace-nowrap rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
            >
              New template
            </Link>
          ) : null
        }
      />
      <TemplateList slug={workspace.slug} initial={templates} />
    </div>
  );
};

export default TemplatesPage;
