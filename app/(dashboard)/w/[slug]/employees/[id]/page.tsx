import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CardEditor } from "@/components/cards/card-editor";
import { ArchiveControls } from "@/components/employees/archive-controls";
import { SendActivationButton } from "@/components/employees/send-activation-button";
import { statusExplanation } from "@/components/employees/employee-status";
import { EmployeeTimeline } from "@/components/employees/employee-timeline";
import { RoleSelect } from "@/components/employees/role-select";
import { StatusBadge } from "@/components/employees/status-badge";
import { Badge, formatDateTime } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { employeeTimeline } from "@/lib/server/employees/employee-timeline";
import { getEmployee, type TEmployeeDetail } from "@/lib/server/employees/get-employee";
import { employeeAttributes } from "@/lib/server/attributes/list-attribute-values";
import { listRoleNames } from "@/lib/server/roles/list-roles";

export const metadata: Metadata = { title: "Employee" };

type Props = { params: Promise<{ slug: string; id: string }> };

const Item = ({ label, children, className }: { label: string; children: ReactNode; className?: string }) => (
  <div className={className ? `min-w-0 ${className}` : "min-w-0"}>
    <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
    <dd className="mt-0.5 break-words text-sm text-slate-900">{children ?? <span className="text-slate-400">—</span>}</dd>
  </div>
);

// A card that is also a named region, so each part of the page is a landmark for screen readers.
const Panel = ({ labelledBy, children }: { labelledBy: string; children: ReactNode }) => (
  <section aria-labelledby={labelledBy} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
    {children}
  </section>
);

const SectionTitle = ({ id, children }: { id: string; children: ReactNode }) => (
  <h2 id={id} className="text-base font-semibold">
    {children}
  </h2>
);

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

const safePhoto = (url: string | null) => (url && /^https:\/\//i.test(url) ? url : null);

const prettyDoc = (doc: string) => {
  try {
    return JSON.stringify(JSON.parse(doc), null, 2);
  } catch {
    return doc;
  }
};

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

const EmployeePage = async ({ params }: Props) => {
  const { slug, id } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const [e, timeline, attributes, roles] = await Promise.all([getEmployee(workspace.id, id), employeeTimeline(workspace.id, id), employeeAttributes(workspace.id, id), listRoleNames(workspace.id)]);
  if (!e) notFound();
  const withValue = attributes.filter((a) => a.value !== null);

  const base = `/w/${workspace.slug}`;
  const name = e.displayName || e.email || "Unnamed employee";
  const idpOwned = e.scimDoc !== null;
  const idp = e.identityProvider ?? "your identity provider";
  const pending = e.status !== "ARCHIVED" && !e.activatedAt;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`${base}/employees`} className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
          Employees
        </Link>
        <span aria-hidden className="mx-1.5 text-slate-400">
          /
        </span>
        <span className="text-slate-600">{name}</span>
      </nav>

      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="flex items-center gap-4">
          <Avatar e={e} name={name} />
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
              <StatusBadge status={e.status} />
              {pending ? <Badge tone="gray">Pending activation</Badge> : null}
            </div>
            <p className="mt-1 text-slate-600">{[e.title, e.department, e.email].filter(Boolean).join(" · ") || "No profile details yet"}</p>
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

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel labelledBy="profile-heading">
            <SectionTitle id="profile-heading">Profile</SectionTitle>
            <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2">
              <Item label="Name">{e.displayName}</Item>
              <Item label="Email">{e.email ? <a href={`mailto:${e.email}`} className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">{e.email}</a> : null}</Item>
              <Item label="Job title">{e.title}</Item>
              <Item label="Department">{e.department}</Item>
              <Item label="Organization">{e.organization}</Item>
              <Item label="Location">{e.location}</Item>
              <Item label="Phone">{e.phone}</Item>
              <Item label="Mobile">{e.mobile}</Item>
              <Item label="Employee number">{e.employeeNumber}</Item>
              {e.division ? <Item label="Division">{e.division}</Item> : null}
              {e.costCenter ? <Item label="Cost center">{e.costCenter}</Item> : null}
            </dl>
          </Panel>

          {attributes.length ? (
            <Panel labelledBy="attributes-heading">
              <div className="flex items-baseline justify-between gap-4">
                <SectionTitle id="attributes-heading">Custom attributes</SectionTitle>
                <Link href={`${base}/attributes`} className="text-sm font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
                  Manage
                </Link>
              </div>
              {withValue.length ? (
                <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2" data-testid="custom-attributes">
                  {withValue.map((a) => (
                    <Item key={a.key} label={a.label}>
                      {a.value?.ref ? (
                        <Link href={`${base}/employees/${a.value.ref.id}`} className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
                          {a.value.ref.name}
                        </Link>
                      ) : (
                        a.value?.text
                      )}
                    </Item>
                  ))}
                </dl>
              ) : null}
              {withValue.length < attributes.length ? (
                <p className="mt-4 text-sm text-slate-500">
                  {withValue.length
                    ? `No value yet for ${attributes.filter((a) => a.value === null).map((a) => a.label).join(", ")}.`
                    : `No value yet for any of the ${attributes.length} declared ${attributes.length === 1 ? "attribute" : "attributes"}: ${idpOwned ? `${idp} has not sent them` : "import them from a CSV file"}.`}
                </p>
              ) : null}
            </Panel>
          ) : null}

          <Panel labelledBy="org-heading">
            <SectionTitle id="org-heading">Reporting line and groups</SectionTitle>
            <dl className="mt-4 grid gap-x-6 gap-y-5 sm:grid-cols-2">
              <Item label="Manager">
                {e.manager ? (
                  <Link href={`${base}/employees/${e.manager.id}`} className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
                    {e.manager.displayName || e.manager.email || "Unnamed employee"}
                  </Link>
                ) : null}
              </Item>
              <Item label={`Direct reports (${e.reportCount.toLocaleString("en")})`}>
                {e.reports.length ? (
                  <ul className="space-y-0.5">
                    {e.reports.map((r) => (
                      <li key={r.id}>
                        <Link href={`${base}/employees/${r.id}`} className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
                          {r.displayName || r.email || "Unnamed employee"}
                        </Link>
                        {r.title ? <span className="text-slate-500"> · {r.title}</span> : null}
                      </li>
                    ))}
                    {e.reportCount > e.reports.length ? <li className="text-slate-500">and {(e.reportCount - e.reports.length).toLocaleString("en")} more</li> : null}
                  </ul>
                ) : null}
              </Item>
              <Item className="sm:col-span-2" label={`Groups (${e.groupCount.toLocaleString("en")})`}>
                {e.groups.length ? (
                  <ul className="flex flex-wrap gap-2 pt-1">
                    {e.groups.map((g) => (
                      <li key={g.id}>
                        <Link href={`${base}/groups/${g.id}`} className="inline-flex rounded-full bg-slate-100 px-2.5 py-0.5 text-sm text-slate-800 ring-1 ring-inset ring-slate-200 hover:bg-slate-200">
                          {g.displayName}
                        </Link>
                      </li>
                    ))}
                    {e.groupCount > e.groups.length ? <li className="text-sm text-slate-500">and {(e.groupCount - e.groups.length).toLocaleString("en")} more</li> : null}
                  </ul>
                ) : null}
              </Item>
            </dl>
          </Panel>
        </div>

        <div className="space-y-6">
          <Panel labelledBy="access-heading">
            <SectionTitle id="access-heading">Access</SectionTitle>
            <dl className="mt-4 space-y-4">
              <Item label="Status">
                <StatusBadge status={e.status} />
              </Item>
              <Item label="Activation">
                {e.activatedAt ? `Activated on ${formatDateTime(e.activatedAt)}` : e.status === "ARCHIVED" ? "Not activated (archived)" : "Pending: has not activated their Muster account yet"}
              </Item>
              <Item label="Added">{formatDateTime(e.createdAt)}</Item>
              <Item label="Last change">{formatDateTime(e.updatedAt)}</Item>
            </dl>
            <div className="mt-4 border-t border-slate-100 pt-4">
              <RoleSelect slug={workspace.slug} employeeId={e.id} roles={roles} role={e.role} roleSource={e.roleSource} />
            </div>
            {pending && e.email ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <SendActivationButton slug={workspace.slug} employees={[{ id: e.id, name }]} align="start" />
              </div>
            ) : null}
          </Panel>

          <Panel labelledBy="scim-heading">
            <SectionTitle id="scim-heading">SCIM identity</SectionTitle>
            {idpOwned ? (
              <>
                <dl className="mt-4 space-y-4">
                  <Item label="User name">{e.userName ? <span className="font-mono text-[13px]">{e.userName}</span> : null}</Item>
                  <Item label="External ID">{e.externalId ? <span className="font-mono text-[13px]">{e.externalId}</span> : null}</Item>
                  <Item label="SCIM id">
                    <span className="font-mono text-[13px]">{e.id}</span>
                  </Item>
                  {e.scimDeletedAt ? <Item label="Deleted by the IdP">{formatDateTime(e.scimDeletedAt)}</Item> : null}
                </dl>
                <details className="group mt-5 rounded-md border border-slate-200">
                  <summary className="cursor-pointer select-none rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
                    SCIM resource as the IdP wrote it
                  </summary>
                  <pre className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800" tabIndex={0} role="region" aria-label="SCIM resource JSON">
                    {prettyDoc(e.scimDoc!)}
                  </pre>
                </details>
              </>
            ) : (
              <p className="mt-2 text-sm text-slate-600">None: this employee was added in Muster. If your identity provider provisions a user with the email {e.email ?? "of this employee"}, it is linked here.</p>
            )}
          </Panel>
        </div>
      </div>

      <CardEditor slug={workspace.slug} employeeId={e.id} />

      <Panel labelledBy="timeline-heading">
        <div className="mb-4 flex items-baseline justify-between gap-4">
          <SectionTitle id="timeline-heading">Timeline</SectionTitle>
          <Link href={`${base}/logs`} className="text-sm font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
            Open the provisioning log
          </Link>
        </div>
        <EmployeeTimeline slug={workspace.slug} employeeId={e.id} initial={timeline} />
      </Panel>
    </div>
  );
};

export default EmployeePage;
