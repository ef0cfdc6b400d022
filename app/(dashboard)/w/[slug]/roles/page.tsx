import type { Metadata } from "next";
import { RoleList } from "@/components/roles/role-list";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listRoles } from "@/lib/server/roles/list-roles";

export const metadata: Metadata = { title: "Roles" };

type Props = { params: Promise<{ slug: string }> };

const RolesPage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  return <RoleList slug={workspace.slug} initial={await listRoles(workspace.id)} />;
};

export default RolesPage;
