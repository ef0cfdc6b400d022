import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui";
import { filtersFromParams, filtersToParams } from "@/lib/events/filters";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { UserError } from "@/lib/server/errors";
import { getEvent } from "@/lib/server/events/get-event";
import { hasEvents, listEvents } from "@/lib/server/events/list-events";
import { LogsView } from "./logs-view";

export const metadata: Metadata = { title: "Provisioning log" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const toParams = (sp: Record<string, string | string[] | undefined>) => {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string") out.set(k, v);
  return out;
};

const LogsPage = async ({ params, searchParams }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const sp = toParams(await searchParams);
  const header = <PageHeader title="Provisioning log" description="Every SCIM request your identity provider made, newest first. Times are in UTC." />;

  if (!(await hasEvents(workspace.id))) {
    return (
      <div>
        {header}
        <EmptyState
          title="Your identity provider has not sent any request yet"
          action={
            <Link
              href={`/w/${workspace.slug}/connect`}
              className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
            >
              Connect IdP
            </Link>
          }
        >
          Once Microsoft Entra ID, Okta or another SCIM client is connected, every request it makes shows up here: what changed, and for errors, what to do
          about them. See Connect IdP for the Tenant URL and a token.
        </EmptyState>
      </div>
    );
  }

  const filters = filtersFromParams(sp);
  const eventId = sp.get("event");
  const [firstPage, event] = await Promise.all([
    listEvents(workspace.id, filters),
    eventId
      ? getEvent(workspace, eventId).catch((err: unknown) => {
          if (err instanceof UserError) return null;
          throw err;
        })
      : null,
  ]);
  return (
    <div>
      {header}
      <LogsView slug={workspace.slug} initialKey={filtersToParams(filters).toString()} initialPage={firstPage} initialEvent={event} />
    </div>
  );
};

export default LogsPage;
