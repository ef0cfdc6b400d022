import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { GroupMembers } from "@/components/groups/group-members";
import { Card, formatDateTime } from "@/components/ui";
import { MEMBERS_PAGE_SIZE, pickParams, ZMemberListQuery } from "@/lib/groups/list-query";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { getGroup } from "@/lib/server/groups/get-group";
import { listGroupMembers } from "@/lib/server/groups/list-group-members";

export const metadata: Metadata = { title: "Group" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
    <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
  </div>
);

const GroupPage = async ({ params, searchParams }: Props) => {
  const { slug, id } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const group = await getGroup(workspace.id, id);
  if (!group) notFound();
  const parsed = ZMemberListQuery.safeParse(pickParams(await searchParams, ["q", "page"]));
  const query = parsed.success ? parsed.data : { q: "", page: 1, pageSize: MEMBERS_PAGE_SIZE };
  const members = await listGroupMembers(workspace.id, group.id, query);
  const base = `/w/${workspace.slug}`;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`${base}/groups`} className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
          Groups
        </Link>
        <span aria-hidden className="mx-1.5 text-slate-400">
          /
        </span>
        <span className="text-slate-600">{group.displayName}</span>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{group.displayName}</h1>
        <p className="mt-1 text-slate-600">
          <span className="font-medium tabular-nums text-slate-900">{group.memberCount.toLocaleString("en")}</span> {group.memberCount === 1 ? "member" : "members"}, kept in sync with your
          identity provider.
        </p>
      </div>
      <Card>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
          <Item label="External ID">{group.externalId ? <span className="font-mono text-[13px]">{group.externalId}</span> : <span className="text-slate-400">—</span>}</Item>
          <Item label="SCIM id">
            <span className="font-mono text-[13px]">{group.id}</span>
          </Item>
          <Item label="Created">{formatDateTime(group.createdAt)}</Item>
          <Item label="Last change">{formatDateTime(group.updatedAt)}</Item>
        </dl>
      </Card>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-base font-semibold">
          Members
        </h2>
        <GroupMembers slug={workspace.slug} groupId={group.id} initialQuery={query} initialData={members} />
      </section>
    </div>
  );
};

export default GroupPage;
