import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/copy-button";
import { SendActivationButton } from "@/components/employees/send-activation-button";
import { HttpStatusBadge } from "@/components/http-status-badge";
import { SeatMeter } from "@/components/seat-meter";
import { Badge, Card, formatDateTime, timeAgo } from "@/components/ui";
import type { TNextStep, TSyncState, TTokenSync } from "@/lib/overview/dto";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { tenantUrl } from "@/lib/server/tokens/tokens";
import { getOverview } from "@/lib/server/workspaces/get-overview";

export const metadata: Metadata = { title: "Overview" };

type Props = { params: Promise<{ slug: string }> };

const n = (x: number) => x.toLocaleString("en");
const LINK = "font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 rounded";
const BUTTON_PRIMARY =
  "inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2";
const BUTTON_SECONDARY =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2";

const Stat = ({ label, value, testId, children }: { label: string; value: number; testId?: string; children?: ReactNode }) => (
  <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid={testId}>
    <p className="text-sm text-slate-500">{label}</p>
    <p className="mt-1 text-2xl font-semibold tabular-nums">{n(value)}</p>
    {children}
  </div>
);

const Section = ({ title, id, action, children }: { title: string; id: string; action?: ReactNode; children: ReactNode }) => (
  <section aria-labelledby={id} className="min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
    <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {action}
    </div>
    {children}
  </section>
);

const When = ({ at }: { at: string }) => (
  <time dateTime={at} title={formatDateTime(at)}>
    {timeAgo(at)}
  </time>
);

const STATE: Record<TSyncState, { label: string; tone: "green" | "red" | "amber" }> = {
  healthy: { label: "Healthy", tone: "green" },
  failing: { label: "Failing", tone: "red" },
  silent: { label: "Silent", tone: "amber" },
};

const TokenRow = ({ slug, token }: { slug: string; token: TTokenSync }) => {
  const last = token.lastRequest;
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between" data-testid="token-sync" data-state={token.state}>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">{token.name}</span>
          <code className="font-mono text-xs text-slate-500">{token.prefix}…</code>
          <Badge tone={STATE[token.state].tone}>{STATE[token.state].label}</Badge>
        </p>
        <p className="mt-1 text-sm text-slate-600">{token.reason}</p>
        {token.serverErrors ? (
          <p className="mt-1 text-sm text-red-700">
            {token.serverErrors === 1 ? "1 server error" : `${n(token.serverErrors)} server errors`} in the last 24 hours.
          </p>
        ) : null}
      </div>
      <div className="shrink-0 text-sm text-slate-600 sm:text-right">
        {last ? (
          <>
            <p>
              Last request <When at={last.at} />
            </p>
            {last.eventId && last.status !== null && last.path !== null ? (
              <p className="mt-1 flex min-w-0 items-center gap-2 sm:justify-end">
                <HttpStatusBadge status={last.status} />
                <Link href={`/w/${slug}/logs?event=${encodeURIComponent(last.eventId)}`} className={`${LINK} truncate font-mono text-xs`}>
                  {last.method} {last.path.split("?")[0]}
                </Link>
              </p>
            ) : null}
          </>
        ) : (
          <p>Never used</p>
        )}
      </div>
    </li>
  );
};

const NEXT_STEPS: Record<TNextStep, { title: string; body: string; href: (slug: string) => string; link: string }> = {
  token: {
    title: "Connect your identity provider",
    body: "No SCIM token is active, so nothing can sync. Generate a token and give it to Entra ID, Okta or your SCIM client.",
    href: (s) => `/w/${s}/tokens`,
    link: "Generate a SCIM token",
  },
  template: {
    title: "Create a card template",
    body: "Templates give new employees' business cards your company's fields (company, website, address).",
    href: (s) => `/w/${s}/templates`,
    link: "Create a template",
  },
  "activation-emails": {
    title: "Turn on activation emails",
    body: "New employees get no email inviting them to their card. You can still send emails by hand.",
    href: (s) => `/w/${s}/settings`,
    link: "Open Settings",
  },
  mail: {
    title: "Set up email delivery",
    body: "No SMTP server is configured: emails stay in the mail outbox instead of reaching anyone.",
    href: (s) => `/w/${s}/outbox`,
    link: "Open the mail outbox",
  },
};

const OverviewPage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const o = await getOverview(workspace);
  const url = tenantUrl();
  const base = `/w/${workspace.slug}`;
  const firstRun = o.seats + o.archived === 0;
  // Before the first employee there are no changes, activations or errors to show: setup comes first.
  const quiet = firstRun && !o.recentErrors.length;
  // A new workspace's first-steps card already asks for a token: the list does not repeat it.
  const steps = firstRun ? o.nextSteps.filter((step) => step !== "token") : o.nextSteps;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="mt-1 text-slate-600">Your directory, kept in sync with your identity provider.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SeatMeter used={o.seats} limit={o.seatLimit} settingsHref={`${base}/settings`} />
        <Stat label="Archived employees" value={o.archived}>
          <p className="mt-1 text-xs text-slate-500">Kept with their history; they use no seat.</p>
        </Stat>
        <Stat label="Pending activation" value={o.pending} testId="pending-count">
          <p className="mt-1 text-xs text-slate-500">
            <Link href={`${base}/employees?tab=pending`} className="underline hover:text-slate-700">
              See who
            </Link>
          </p>
        </Stat>
      </div>

      {firstRun ? (
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
            <Link href={`${base}/tokens`} className={BUTTON_PRIMARY}>
              Generate a SCIM token
            </Link>
            <Link href={`${base}/connect`} className={BUTTON_SECONDARY}>
              Setup guides
            </Link>
          </div>
        </Card>
      ) : null}

      <div className={quiet ? "grid grid-cols-1 gap-6" : "grid grid-cols-1 gap-6 lg:grid-cols-2"}>
        <Section title="Sync with your identity provider" id="sync-heading" action={<Link href={`${base}/tokens`} className={`${LINK} text-sm`}>SCIM tokens</Link>}>
          {o.tokens.length ? (
            <ul className="divide-y divide-slate-100">
              {o.tokens.map((t) => (
                <TokenRow key={t.id} slug={workspace.slug} token={t} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">
              No active SCIM token.{" "}
              <Link href={`${base}/tokens`} className={LINK}>
                Generate one
              </Link>{" "}
              for your identity provider.
            </p>
          )}
          <details className="mt-3 text-sm text-slate-600">
            <summary className="cursor-pointer rounded font-medium text-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">What the states mean</summary>
            <dl className="mt-2 space-y-1">
              <div>
                <dt className="inline font-medium text-slate-800">Healthy:</dt> <dd className="inline">requests in the last 24 hours, and the last one was answered.</dd>
              </div>
              <div>
                <dt className="inline font-medium text-slate-800">Failing:</dt>{" "}
                <dd className="inline">the last request was a server error (5xx) or refused (403 seat limit, 429 too many requests), or there were server errors in the last hour.</dd>
              </div>
              <div>
                <dt className="inline font-medium text-slate-800">Silent:</dt>{" "}
                <dd className="inline">no request for 24 hours, or never used. Entra ID syncs every 40 minutes; Okta sends only changes, so a quiet day can be normal there.</dd>
              </div>
            </dl>
          </details>
        </Section>

        {quiet ? null : (
          <>
        <Section title="Changes in the last 24 hours" id="changes-heading" action={<Link href={`${base}/logs?range=24h`} className={`${LINK} text-sm`}>Open the log</Link>}>
          <dl className="grid grid-cols-3 gap-3" data-testid="changes">
            {(
              [
                ["created", "Created"],
                ["updated", "Updated"],
                ["archived", "Archived"],
              ] as const
            ).map(([key, label]) => (
              <div key={key} className="rounded-lg bg-slate-50 px-3 py-3">
                <dt className="text-sm text-slate-500">{label}</dt>
                <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`changes-${key}`}>
                  {n(o.changes[key])}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-600">Employees your identity provider created, updated (restores included) or archived (deactivated or deleted).</p>
        </Section>

        <Section title="Pending activations" id="pending-heading">
          {o.pending ? (
            <>
              <p className="text-sm text-slate-600">
                <span className="font-medium text-slate-900">{o.pending === 1 ? "1 employee has" : `${n(o.pending)} employees have`}</span> not activated their account yet.{" "}
                {o.sendActivationEmails ? "New employees get an activation email automatically; send one again to everyone still pending." : "Activation emails are off for new employees; send them by hand."}
              </p>
              <div className="mt-4 flex flex-wrap items-start gap-3">
                <SendActivationButton slug={workspace.slug} allPending variant="primary" align="start" />
                <Link href={`${base}/employees?tab=pending`} className={BUTTON_SECONDARY}>
                  See pending employees
                </Link>
              </div>
            </>
          ) : (
            <p className="text-sm text-slate-600">{firstRun ? "Nobody to activate yet." : "Everyone has activated their account."}</p>
          )}
        </Section>

        <Section title="Recent errors" id="errors-heading" action={o.recentErrors.length ? <Link href={`${base}/logs?errors=1`} className={`${LINK} text-sm`}>All errors in the log</Link> : undefined}>
          {o.recentErrors.length ? (
            <ul className="divide-y divide-slate-100" data-testid="recent-errors">
              {o.recentErrors.map((e) => (
                <li key={e.id} className="flex min-w-0 flex-col gap-1 py-2.5">
                  <div className="flex min-w-0 items-center gap-2 text-sm">
                    <HttpStatusBadge status={e.status} />
                    <Link href={`${base}/logs?errors=1&event=${encodeURIComponent(e.id)}`} className={`${LINK} min-w-0 truncate font-mono text-xs`}>
                      {e.method} {e.path.split("?")[0]}
                    </Link>
                    <span className="ml-auto shrink-0 text-xs text-slate-500">
                      <When at={e.at} />
                    </span>
                  </div>
                  {e.error ? <p className="truncate text-sm text-slate-600" title={e.error}>{e.error}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No failed requests in the provisioning log.</p>
          )}
        </Section>
          </>
        )}
      </div>

      {steps.length ? (
        <Section title="Next steps" id="next-heading">
          <ul className="space-y-3" data-testid="next-steps">
            {steps.map((step) => {
              const s = NEXT_STEPS[step];
              return (
                <li key={step} className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <p className="font-medium text-slate-900">{s.title}</p>
                    <p className="text-sm text-slate-600">{s.body}</p>
                  </div>
                  <Link href={s.href(workspace.slug)} className={`${BUTTON_SECONDARY} shrink-0 self-start sm:self-center`}>
                    {s.link}
                  </Link>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
    </div>
  );
};

export default OverviewPage;
