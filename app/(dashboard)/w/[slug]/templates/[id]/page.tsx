import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TemplateEditor } from "@/components/cards/template-editor";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { getTemplate } from "@/lib/server/templates/templates";

export const metadata: Metadata = { title: "Card template" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TemplatePage = async ({ params, searchParams }: Props) => {
  const { slug, id } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const template = await getTemplate(workspace.id, id);
  if (!template) notFound();
  const { created } = await searchParams;
  // key: a different template (or a fresh save-and-redirect) starts a fresh form.
  return <TemplateEditor key={template.id} slug={workspace.slug} template={template} created={created === "1"} />;
};

export default TemplatePage;
