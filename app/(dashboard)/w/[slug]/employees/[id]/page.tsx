import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardEditor } from "@/components/cards/card-editor";
import { ArchiveControls } from "@/components/employees/archive-controls";
import { DetailTabs, employeeTabOf } from "@/components/employees/detail-tabs";
import { statusExplanation } from "@/components/employees/employee-status";
import { EmployeeTimeline } from "@/components/employees/employee-timeline";
import { StatusBadge } from "@/components/employees/status-badge";
import { Badge } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { employeeTimeline } from "@/lib/server/employees/employee-timeline";
import { getEmployee, type TEmployeeDetail } from "@/lib/server/employees/get-employee";
import { linkClass, Panel, SectionTitle } from "./detail-parts";
import { ProfileTab } from "./profile-tab";

export const metadata: Metadata = { title: "Employee" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

const safePhoto = (url: string | null) => (url && /^https:\/\//i.test(url) ? url : null);

const Avatar = ({ e, name }: { e: TEmployeeDetail; name: string }) => {
  const photo = safePhoto(e.photoUrl);
  return photo ? (
    // The IdP's photo URL can point anywhere; Next's image optimizer would need every host listed.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={photo} alt={`Photo of ${name}`} className="h-14 w-14 shrink-0 rounded-full object-cover ring-1 ring-slate-200" referrerPolicy="no-referrer" />
  ) : (
    <span aria-hidden className="grid h-14 w-14 shrink-0 place-items-center rounded-full bg-brand-50 text-lg font-semibold text-brand-700 ring-1 ring-brand-100">
      {initials(name) || "?"}
    </span>
  );
};

const TimelineTab = async ({ workspaceId, slug, employeeId }: { workspaceId: string; slug: string; employeeId: string }) => (
  <Panel labelledBy="timeline-heading">
    <div className="mb-4 flex items-baseline justify-between gap-4">
      <SectionTitle id="timeline-heading">Timeline</SectionTitle>
      <Link href={`/w/${slug}/logs`} className={`text-sm font-medium ${linkClass}`}>
        Open the provisioning log
      </Link>
    </div>
    <EmployeeTimeline slug={slug} employeeId={employeeId} initial={await employeeTimeline(workspaceId, employeeId)} />
  </Panel>
);

// The header (who, status, what an admin may do) stays on every tab; each tab loads only its own data.
const EmployeePage = async ({ params, searchParams }: Props) => {
  const [{ slug, id }, sp] = await Promise.all([params, searchParams]);
  const { workspace } = await requireWorkspaceAdmin(slug);
  const e = await getEmployee(workspace.id, id);
  if (!e) notFound();
  const tab = employeeTabOf(sp.tab);

  const base = `/w/${workspace.slug}`;
  const name = e.displayName || e.email || "Unnamed employee";
  const idpOwned = e.scimDoc !== null;
  const idp = e.identityProvider ?? "your identity provider";
  const pending = e.status !== "ARCHIVED" && !e.activatedAt;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`${base}/employees`} className={linkClass}>
          Employees
        </Link>
        <span aria-hidden className="mx-1.5 text-slate-400">
          /
        </span>
        <span className="text-slate-600">{name}</span>
      </nav>

      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="flex min-w-0 items-center gap-4">
          <Avatar e={e} name={name} />
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">{name}</h1>
              <StatusBadge status={e.status} />
              {pending ? <Badge tone="gray">Pending activation</Badge> : null}
            </div>
            <p className="mt-1 break-words text-slate-600">{[e.title, e.department, e.email].filter(Boolean).join(" · ") || "No profile details yet"}</p>
          </div>
        </div>
        {idpOwned ? (
          <p className="max-w-sm rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600" data-testid="idp-managed">
            <span className="font-medium text-slate-900">Managed by your identity provider</span> — changes come from {idp}; archive or restore them there.
          </p>
        ) : (
          <ArchiveControls slug={workspace.slug} id={e.id} name={name} archived={e.status === "ARCHIVED"} />
        )}
      </div>

      <p className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-700" data-testid="status-explanation">
        {statusExplanation(e, idp)}
      </p>

      <DetailTabs base={`${base}/employees/${e.id}`} current={tab} label={`About ${name}`} />

      {tab === "profile" ? <ProfileTab workspace={workspace} e={e} name={name} idp={idp} pending={pending} /> : null}
      {tab === "card" ? <CardEditor slug={workspace.slug} employeeId={e.id} /> : null}
      {tab === "timeline" ? <TimelineTab workspaceId={workspace.id} slug={workspace.slug} employeeId={e.id} /> : null}
    </div>
  );
};

export default EmployeePage;
