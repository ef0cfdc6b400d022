import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { kindLabel, OutboxStatusBadge } from "@/components/outbox/outbox-badges";
import { Alert, Card, formatDateTime } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { getOutboxEmail } from "@/lib/server/email/list-outbox";

export const metadata: Metadata = { title: "Email", referrer: "no-referrer" };

type Props = { params: Promise<{ slug: string; id: string }> };

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
    <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
  </div>
);

// Links in the preview open in a new tab instead of inside the frame.
const withBlankTargets = (html: string) => (/<head>/i.test(html) ? html.replace(/<head>/i, '<head><base target="_blank">') : `<base target="_blank">${html}`);

const OutboxEmailPage = async ({ params }: Props) => {
  const { slug, id } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const mail = await getOutboxEmail(workspace.id, id);
  if (!mail) notFound();
  const base = `/w/${workspace.slug}`;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href={`${base}/outbox`} className="text-brand-700 hover:underline">
              Mail outbox
            </Link>
          </li>
          <li aria-hidden className="text-slate-400">
            /
          </li>
          <li className="text-slate-600" aria-current="page">
            {mail.subject}
          </li>
        </ol>
      </nav>

      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{mail.subject}</h1>
        <p className="mt-1 text-slate-600">To {mail.to}</p>
      </div>

      <Card>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
          <Item label="Status">
            <OutboxStatusBadge status={mail.status} />
          </Item>
          <Item label="Kind">{kindLabel(mail.kind)}</Item>
          <Item label="Created">{formatDateTime(mail.createdAt)}</Item>
          <Item label={mail.status === "kept" ? "Kept" : mail.status === "sent" ? "Sent" : mail.status === "skipped" ? "Dropped" : "Next attempt"}>
            {mail.sentAt ? formatDateTime(mail.sentAt) : formatDateTime(mail.nextAttempt)}
            {mail.attempts > 0 ? <span className="text-slate-500"> · {mail.attempts} {mail.attempts === 1 ? "attempt" : "attempts"}</span> : null}
          </Item>
          {mail.employeeId ? (
            <Item label="Employee">
              <Link href={`${base}/employees/${mail.employeeId}`} className="text-brand-700 hover:underline">
                Open their page
              </Link>
            </Item>
          ) : null}
          {mail.lastError ? (
            <div className="sm:col-span-2 lg:col-span-3">
              <Item label={mail.sentAt ? "Why" : "Last error"}>
                <span className="font-mono text-xs text-red-700">{mail.lastError}</span>
              </Item>
            </div>
          ) : null}
        </dl>
      </Card>

      {mail.hasLink ? (
        <Alert tone="info">Muster never stores sign-in links: the link in this email is created when it is sent, for its recipient only, so it is not shown here.</Alert>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="html-heading" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          <h2 id="html-heading" className="border-b border-slate-200 px-6 py-3 text-base font-semibold">
            As the recipient sees it
          </h2>
          {/* sandbox without allow-scripts: the email's HTML cannot run anything or reach this page. */}
          <iframe title={`Email: ${mail.subject}`} sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={withBlankTargets(mail.html)} className="block h-[640px] w-full bg-slate-100" />
        </section>
        <section aria-labelledby="text-heading" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          <h2 id="text-heading" className="border-b border-slate-200 px-6 py-3 text-base font-semibold">
            Plain text
          </h2>
          <pre tabIndex={0} aria-label="Plain-text version" className="h-[640px] overflow-auto whitespace-pre-wrap break-words px-6 py-4 font-mono text-xs leading-relaxed text-slate-800" data-testid="mail-text">
            {mail.text}
          </pre>
        </section>
      </div>
    </div>
  );
};

export default OutboxEmailPage;
