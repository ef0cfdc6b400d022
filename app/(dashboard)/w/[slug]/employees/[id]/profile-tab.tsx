// The Profile tab: what the IdP (or an admin) says about the employee, and — where the card says
// something else — what the card shows and why.
import Link from "next/link";
import type { ReactNode } from "react";
import { SendActivationButton } from "@/components/employees/send-activation-button";
import { employeeTabHref } from "@/components/employees/detail-tabs";
import { RoleSelect } from "@/components/employees/role-select";
import { StatusBadge } from "@/components/employees/status-badge";
import { formatDateTime } from "@/components/ui";
import { cardDifferences, describeDifference, type TCardDifference } from "@/lib/cards/card-differences";
import { employeeAttributes } from "@/lib/server/attributes/list-attribute-values";
import { getCard } from "@/lib/server/cards/get-card";
import type { TEmployeeDetail } from "@/lib/server/employees/get-employee";
import { listRoleNames } from "@/lib/server/roles/list-roles";
import { Item, linkClass, Panel, SectionTitle } from "./detail-parts";

type Props = { workspace: { id: string; slug: string }; e: TEmployeeDetail; name: string; idp: string; pending: boolean };

const prettyDoc = (doc: string) => {
  try {
    return JSON.stringify(JSON.parse(doc), null, 2);
  } catch {
    return doc;
  }
};

const Difference = ({ d, settingsHref }: { d: TCardDifference | undefined; settingsHref: string }): ReactNode =>
  d ? (
    <span data-testid={`card-difference-${d.key}`}>
      {describeDifference(d)}
      {d.kind === "switchedOff" ? (
        <>
          {" "}
          (
          <Link href={settingsHref} className={linkClass}>
            Settings
          </Link>
          )
        </>
      ) : null}
    </span>
  ) : null;

/** Where a profile value and the card disagree; the card's source decides the words. */
const differencesOf = async (workspaceId: string, e: TEmployeeDetail) => {
  const card = await getCard(workspaceId, e.id);
  if (!card) return new Map<string, TCardDifference>();
  const profile = {
    displayName: e.displayName,
    email: e.email,
    title: e.title,
    department: e.department,
    company: e.organization,
    location: e.location,
    phone: e.phone,
    mobile: e.mobile,
    manager: e.manager ? e.manager.displayName || e.manager.email : null,
  };
  return cardDifferences(profile, card.fields, card.template);
};

export const ProfileTab = async ({ workspace, e, name, idp, pending }: Props) => {
  const [attributes, roles, diffs] = await Promise.all([employeeAttributes(workspace.id, e.id), listRoleNames(workspace.id), differencesOf(workspace.id, e)]);
  const withValue = attributes.filter((a) => a.value !== null);
  const base = `/w/${workspace.slug}`;
  const idpOwned = e.scimDoc !== null;
  const settingsHref = `${base}/settings`;
  const cardHref = employeeTabHref(`${base}/employees/${e.id}`, "card");
  const note = (key: string) => <Difference d={diffs.get(key)} settingsHref={settingsHref} />;

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <Panel labelledBy="profile-heading">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <SectionTitle id="profile-heading">Profile</SectionTitle>
            <p className="text-sm text-slate-600" data-testid="card-difference-count">
              {diffs.size ? `The card differs in ${diffs.size === 1 ? "1 field" : `${diffs.size} fields`}. ` : "The card shows these values. "}
              <Link href={cardHref} className={`font-medium ${linkClass}`}>
                Edit the card
              </Link>
            </p>
          </div>
          <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2">
            <Item label="Name" note={note("displayName")}>
              {e.displayName}
            </Item>
            <Item label="Email" note={note("email")}>
              {e.email ? (
                <a href={`mailto:${e.email}`} className={linkClass}>
                  {e.email}
                </a>
              ) : null}
            </Item>
            <Item label="Job title" note={note("title")}>
              {e.title}
            </Item>
            <Item label="Department" note={note("department")}>
              {e.department}
            </Item>
            <Item label="Organization" note={note("company")}>
              {e.organization}
            </Item>
            <Item label="Location" note={note("location")}>
              {e.location}
            </Item>
            <Item label="Phone" note={note("phone")}>
              {e.phone}
            </Item>
            <Item label="Mobile" note={note("mobile")}>
              {e.mobile}
            </Item>
            <Item label="Employee number">{e.employeeNumber}</Item>
            {e.division ? <Item label="Division">{e.division}</Item> : null}
            {e.costCenter ? <Item label="Cost center">{e.costCenter}</Item> : null}
          </dl>
          {idpOwned ? <p className="mt-4 text-xs text-slate-500">Values as {idp} last sent them. Colleagues see the card.</p> : null}
        </Panel>

        {attributes.length ? (
          <Panel labelledBy="attributes-heading">
            <div className="flex items-baseline justify-between gap-4">
              <SectionTitle id="attributes-heading">Custom attributes</SectionTitle>
              <Link href={`${base}/attributes`} className={`text-sm font-medium ${linkClass}`}>
                Manage
              </Link>
            </div>
            {withValue.length ? (
              <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2" data-testid="custom-attributes">
                {withValue.map((a) => (
                  <Item key={a.key} label={a.label}>
                    {a.value?.ref ? (
                      <Link href={`${base}/employees/${a.value.ref.id}`} className={linkClass}>
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
                  ? `No value yet for ${attributes
                      .filter((a) => a.value === null)
                      .map((a) => a.label)
                      .join(", ")}.`
                  : `No value yet for any of the ${attributes.length} declared ${attributes.length === 1 ? "attribute" : "attributes"}: ${idpOwned ? `${idp} has not sent them` : "import them from a CSV file"}.`}
              </p>
            ) : null}
          </Panel>
        ) : null}

        <Panel labelledBy="org-heading">
          <SectionTitle id="org-heading">Reporting line and groups</SectionTitle>
          <dl className="mt-4 grid gap-x-6 gap-y-5 sm:grid-cols-2">
            <Item label="Manager" note={note("manager")}>
              {e.manager ? (
                <Link href={`${base}/employees/${e.manager.id}`} className={linkClass}>
                  {e.manager.displayName || e.manager.email || "Unnamed employee"}
                </Link>
              ) : null}
            </Item>
            <Item label={`Direct reports (${e.reportCount.toLocaleString("en")})`}>
              {e.reports.length ? (
                <ul className="space-y-0.5">
                  {e.reports.map((r) => (
                    <li key={r.id}>
                      <Link href={`${base}/employees/${r.id}`} className={linkClass}>
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

      <div className="min-w-0 space-y-6">
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
  );
};
