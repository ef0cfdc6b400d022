import type { Metadata } from "next";
import { GroupsTable } from "@/components/groups/groups-table";
import { PageHeader } from "@/components/ui";
import { GROUPS_PAGE_SIZE, pickParams, ZGroupListQuery } from "@/lib/groups/list-query";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listGroups } from "@/lib/server/groups/list-groups";

export const metadata: Metadata = { title: "Groups" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const GroupsPage = async ({ params, searchParams }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const parsed = ZGroupListQuery.safeParse(pickParams(await searchParams, ["q", "page"]));
  const query = parsed.success ? parsed.data : { q: "", page: 1, pageSize: GROUPS_PAGE_SIZE };
  const data = await listGroups(workspace.id, query);
  return (
    <div>
      <PageHeader title="Groups" description="Groups your identity provider pushes over SCIM, with their members." />
      <GroupsTable slug={workspace.slug} initialQuery={query} initialData={data} />
    </div>
  );
};

export default GroupsPage;
