"use client";
// One logged request in a side panel (a modal <dialog>: focus moves in and stays, Escape closes,
// focus returns to the row's link). Opened by ?event=<id>, so other pages can link to it.
import Link from "next/link";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { CopyButton } from "@/components/copy-button";
import { HttpStatusBadge } from "@/components/http-status-badge";
import { Alert, timeAgo } from "@/components/ui";
import { useEvent } from "@/hooks/use-event";
import { clientLabel, DASHBOARD_CLIENT, formatDuration, formatLogTime, prettyBody, readablePath } from "@/lib/events/format";
import type { EventDetail } from "@/lib/events/dto";
import { ignoredNote, type TIgnoredNote } from "@/lib/attributes/ignored";

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-[8rem_1fr] gap-3 py-2">
    <dt className="text-sm text-slate-500">{label}</dt>
    <dd className="min-w-0 break-words text-sm text-slate-900">{children}</dd>
  </div>
);

const Body = ({ title, body, note, testId }: { title: string; body: string; note?: string; testId: string }) => (
  <section className="space-y-2">
    <div className="flex items-center justify-between gap-3">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <CopyButton value={body} label="Copy" />
    </div>
    {note ? <p className="text-xs text-slate-500">{note}</p> : null}
    <pre tabIndex={0} aria-label={title} data-testid={testId} className="max-h-80 overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
      {prettyBody(body)}
    </pre>
  </section>
);

// The link is read when clicked: this panel also renders on the server, where there is no window.
const CopyLink = () => {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard?.writeText(window.location.href).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
      className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      {copied ? "Copied" : "Copy link"}
    </button>
  );
};

// Attributes /Schemas does not declare were dropped: each one that could be declared links to the
// attributes page with the form pre-filled.
const Ignored = ({ slug, items }: { slug: string; items: TIgnoredNote["ignored"] }) => (
  <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="event-ignored">
    <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Ignored: not in /Schemas, so not stored</h4>
    <ul className="mt-2 space-y-2">
      {items.map((i) => (
        <li key={i.path} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <code className="min-w-0 break-all font-mono text-xs text-slate-800">{i.path}</code>
          {i.declarable ? (
            <Link
              href={`/w/${slug}/attributes?${new URLSearchParams({ path: i.path, label: i.label }).toString()}`}
              className="shrink-0 text-xs font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700"
            >
              Add as a custom attribute<span className="sr-only"> ({i.path})</span>
            </Link>
          ) : (
            <span className="text-xs text-slate-500">not a path Muster can store: check the mapping in your identity provider</span>
          )}
        </li>
      ))}
    </ul>
  </div>
);

const Detail = ({ e, slug }: { e: EventDetail; slug: string }) => {
  const note = ignoredNote(e.summary, e.requestBody);
  return (
  <div className="space-y-6">
    {e.advice ? (
      <section className={e.status >= 500 ? "rounded-lg border border-red-200 bg-red-50 p-4" : "rounded-lg border border-amber-200 bg-amber-50 p-4"} data-testid="event-advice">
        <h3 className={e.status >= 500 ? "text-sm font-semibold text-red-900" : "text-sm font-semibold text-amber-900"}>{e.advice.title}</h3>
        {e.error ? <p className="mt-1 whitespace-pre-wrap break-words font-mono text-xs text-slate-800">{e.error}</p> : null}
        <h4 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-600">What to do</h4>
        <p className="mt-1 text-sm text-slate-800">{e.advice.action}</p>
        {e.advice.details ? <p className="mt-2 text-sm text-slate-600">{e.advice.details}</p> : null}
      </section>
    ) : null}

    <section>
      <h3 className="text-sm font-semibold text-slate-900">What happened</h3>
      <p className="mt-1 text-sm text-slate-700" data-testid="event-summary">
        {note.summary ?? (note.ignored.length ? "Nothing Muster stores was changed." : e.status >= 400 ? "Nothing was changed: the request failed." : "Nothing was changed.")}
      </p>
      {note.ignored.length ? <Ignored slug={slug} items={note.ignored} /> : null}
    </section>

    <dl className="divide-y divide-slate-100 border-y border-slate-100">
      <Row label="Time">
        {formatLogTime(e.at)} <span className="text-slate-500">({timeAgo(e.at)})</span>
      </Row>
      <Row label="Status">
        <HttpStatusBadge status={e.status} withReason />
        {e.scimType ? <span className="ml-2 font-mono text-xs text-slate-600">scimType: {e.scimType}</span> : null}
      </Row>
      <Row label="Duration">{formatDuration(e.durationMs)}</Row>
      <Row label="Token">
        {e.token ? (
          <>
            {e.token.name} <span className="font-mono text-xs text-slate-500">{e.token.prefix}…</span>
            {e.token.revoked ? <span className="ml-2 text-xs font-medium text-red-700">revoked since</span> : null}
          </>
        ) : e.client?.startsWith(DASHBOARD_CLIENT) ? (
          <span className="text-slate-500">None: an admin made this change in the dashboard</span>
        ) : (
          <span className="text-slate-500">A token that no longer exists</span>
        )}
      </Row>
      <Row label="Client">
        {clientLabel(e.client)}
        {e.client && clientLabel(e.client) !== e.client ? <span className="block font-mono text-xs text-slate-500">{e.client}</span> : null}
      </Row>
      <Row label="Resource">
        {e.resourceType ? (
          <>
            {e.resourceType} {e.resourceId ? <span className="font-mono text-xs text-slate-600">{e.resourceId}</span> : null}
          </>
        ) : (
          <span className="text-slate-500">None (discovery or bulk request)</span>
        )}
      </Row>
      {e.employee ? (
        <Row label="Employee">
          <Link href={e.employee.href} className="font-medium text-brand-700 hover:underline">
            {e.employee.name}
          </Link>
        </Row>
      ) : null}
    </dl>

    {e.requestBody ? (
      <Body title="Request body" body={e.requestBody} note="Passwords and tokens were removed before the request was logged." testId="request-body" />
    ) : (
      <p className="text-sm text-slate-500">The request had no body.</p>
    )}
    {e.responseBody ? <Body title="Response body" body={e.responseBody} testId="response-body" /> : null}

    <div className="flex items-center justify-between gap-3 border-t border-slate-100 pt-4">
      <p className="text-xs text-slate-500">
        Event id <span className="font-mono">{e.id}</span>
      </p>
      <CopyLink />
    </div>
  </div>
  );
};

type Props = { slug: string; id: string | null; initial: EventDetail | null; onClose: () => void };

export const EventDrawer = ({ slug, id, initial, onClose }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { data, error, isPending } = useEvent(slug, id, initial);
  const open = id !== null;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
    if (!open) return;
    // The log behind the panel stays put while the panel scrolls.
    const root = document.documentElement;
    const before = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = before;
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // A click on the backdrop lands on the <dialog> itself.
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full max-w-2xl overflow-y-auto border-l border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="flex min-h-full flex-col">
          <header className="sticky top-0 z-10 flex items-start justify-between gap-4 border-b border-slate-200 bg-white px-6 py-4">
            <div className="min-w-0">
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">SCIM request</p>
              <h2 id={titleId} className="mt-0.5 break-all font-mono text-base font-semibold">
                {data ? `${data.method} ${readablePath(data.path)}` : "Request details"}
              </h2>
            </div>
            <button
              type="button"
              onClick={onClose}
              className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            >
              Close
            </button>
          </header>
          <div className="flex-1 px-6 py-5">
            {data ? (
              <Detail e={data} slug={slug} />
            ) : error ? (
              <Alert>{(error as { status?: number }).status === 404 ? "This request is not in this workspace's provisioning log." : `Could not load the request: ${error.message}`}</Alert>
            ) : isPending ? (
              <p role="status" className="text-sm text-slate-500">
                Loading the request…
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </dialog>
  );
};
