import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { SeatMeter } from "@/components/seat-meter";
import { Card } from "@/components/ui";
import { db } from "@/lib/db/client";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { tenantUrl } from "@/lib/server/tokens/tokens";
import { seatUsage } from "@/lib/server/workspaces/seat-usage";

export const metadata: Metadata = { title: "Overview" };

type Props = { params: Promise<{ slug: string }> };

const Stat = ({ label, value }: { label: string; value: number }) => (
  <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
    <p className="text-sm text-slate-500">{label}</p>
    <p className="mt-1 text-2xl font-semibold tabular-nums">{value.toLocaleString("en")}</p>
  </div>
);

const OverviewPage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const [{ used: seats, limit }, archived, tokens] = await Promise.all([
    seatUsage(workspace.id),
    db.employee.count({ where: { workspaceId: workspace.id, status: "ARCHIVED" } }),
    db.scimToken.count({ where: { workspaceId: workspace.id, revokedAt: null } }),
  ]);
  const url = tenantUrl();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="mt-1 text-slate-600">Your directory, kept in sync with your identity provider.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SeatMeter used={seats} limit={limit} settingsHref={`/w/${workspace.slug}/settings`} />
        <Stat label="Archived employees" value={archived} />
        <Stat label="Active SCIM tokens" value={tokens} />
      </div>
      {seats + archived === 0 ? (
        <Card>
          <h2 className="text-lg font-semibold">No employees yet</h2>
          <p className="mt-1 text-sm text-slate-600">
            Employees appear here as soon as your identity provider (Microsoft Entra ID, Okta, or any SCIM 2.0 client) provisions them. Give it this
            Tenant URL and a SCIM token.
          </p>
          <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-center">
            <code className="block flex-1 truncate rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm" data-testid="tenant-url">
              {url}
            </code>
            <CopyButton value={url} label="Copy Tenant URL" />
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link
              href={`/w/${workspace.slug}/tokens`}
              className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
            >
              Generate a SCIM token
            </Link>
            <Link
              href={`/w/${workspace.slug}/connect`}
              className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
            >
              Setup guides
            </Link>
          </div>
        </Card>
      ) : null}
    </div>
  );
};

export default OverviewPage;
