import type { Metadata } from "next";
import { TemplateEditor } from "@/components/cards/template-editor";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "New card template" };

type Props = { params: Promise<{ slug: string }> };

const NewTemplatePage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  return <TemplateEditor slug={workspace.slug} template={null} />;
};

export default NewTemplatePage;
