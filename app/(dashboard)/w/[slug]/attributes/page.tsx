import type { Metadata } from "next";
import { AttributeManager } from "@/components/attributes/attribute-manager";
import { PageHeader } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listAttributes } from "@/lib/server/attributes/list-attributes";

export const metadata: Metadata = { title: "Custom attributes" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 300);

const AttributesPage = async ({ params, searchParams }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const [attributes, sp] = await Promise.all([listAttributes(workspace.id), searchParams]);
  // ?path=…&label=… (the provisioning log's "Add as a custom attribute") opens the form pre-filled.
  const path = first(sp.path);
  const prefill = path ? { scimPath: path, label: first(sp.label) ?? "" } : null;
  return (
    <div>
      <PageHeader
        title="Custom attributes"
        description="Attributes your identity provider sends beyond the built-in profile and card fields: Muster stores them per employee, shows them on the employee page, as columns, in CSV files and on cards."
      />
      <AttributeManager slug={workspace.slug} initialAttributes={attributes} prefill={prefill} />
    </div>
  );
};

export default AttributesPage;
