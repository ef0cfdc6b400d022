"use client";
import type { MouseEvent } from "react";
import { HttpStatusBadge } from "@/components/http-status-badge";
import { Alert, Button, EmptyState, Table, Td, Th, cx } from "@/components/ui";
import { useEvents } from "@/hooks/use-events";
import { hasFilters, type TEventFilters } from "@/lib/events/filters";
import { clientLabel, formatDuration, formatLogTime, formatShortLogTime, readablePath } from "@/lib/events/format";
import type { EventPage, EventRow } from "@/lib/events/dto";

const n = (x: number) => x.toLocaleString("en");

const METHOD_TONE: Record<string, string> = {
  GET: "text-slate-600",
  POST: "text-emerald-700",
  PUT: "text-brand-700",
  PATCH: "text-violet-700",
  DELETE: "text-red-700",
};

const Method = ({ method }: { method: string }) => <span className={cx("font-mono text-xs font-semibold", METHOD_TONE[method] ?? "text-slate-600")}>{method}</span>;

const Summary = ({ e }: { e: EventRow }) => {
  if (e.status >= 400) {
    return (
      <div className="space-y-1">
        <p className="line-clamp-2 break-words text-red-800">{e.error ?? "The request failed"}</p>
        {e.advice ? (
          <p className="line-clamp-2 text-xs text-slate-600">
            <span className="font-semibold text-slate-700">What to do:</span> {e.advice.action}
          </p>
        ) : null}
      </div>
    );
  }
  // Discovery reads (/ServiceProviderConfig, /Schemas) change nothing and carry no summary.
  return <p className={cx("line-clamp-2 break-words", !e.summary && "text-slate-500")}>{e.summary ?? `${e.method === "GET" ? "Read" : "Handled"} ${readablePath(e.path).split("?")[0]}`}</p>;
};

type Props = {
  slug: string;
  filters: TEventFilters;
  initial: { key: string; page: EventPage };
  eventHref: (id: string) => string;
  onOpen: (id: string) => void;
  onClearFilters: () => void;
};

export const EventsTable = ({ slug, filters, initial, eventHref, onOpen, onClearFilters }: Props) => {
  const { data, error, isPending, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } = useEvents(slug, filters, initial);
  const rows = data?.pages.flatMap((p) => p.events) ?? [];
  const total = data?.pages[0]?.total ?? null;
  const busy = isFetching && !isFetchingNextPage;

  const open = (id: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // a new tab gets the link
    e.preventDefault();
    onOpen(id);
  };

  if (error && !data) {
    return (
      <div className="flex items-center gap-3">
        <Alert>Could not load the provisioning log: {error.message}</Alert>
        <Button variant="secondary" onClick={() => refetch()}>
          Retry
        </Button>
      </div>
    );
  }
  if (isPending) {
    return (
      <p role="status" className="rounded-xl border border-slate-200 bg-white px-4 py-8 text-center text-sm text-slate-500">
        Loading requests…
      </p>
    );
  }
  if (rows.length === 0) {
    return (
      <EmptyState
        title="No requests match these filters"
        action={
          hasFilters(filters) ? (
            <Button variant="secondary" onClick={onClearFilters}>
              Clear filters
            </Button>
          ) : undefined
        }
      >
        Try a longer time range, or another status, method or resource.
      </EmptyState>
    );
  }

  return (
    <div aria-busy={busy} className={cx("space-y-3 transition-opacity", busy && "opacity-60")}>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="events-count">
        Showing <span className="font-medium tabular-nums text-slate-900">{n(rows.length)}</span>
        {total ? (
          <>
            {" "}
            of <span className="font-medium tabular-nums text-slate-900">{total.capped ? `${n(total.count)}+` : n(total.count)}</span> {total.count === 1 && !total.capped ? "request" : "requests"}
          </>
        ) : (
          <> {rows.length === 1 ? "request" : "requests"}</>
        )}
        {hasNextPage ? <span className="text-slate-500"> — newest first, more below</span> : null}
      </p>
      <Table caption="SCIM requests, newest first">
        <thead>
          <tr>
            <Th>Time (UTC)</Th>
            <Th>Request</Th>
            <Th>Status</Th>
            <Th className="text-right">Duration</Th>
            <Th>Client</Th>
            <Th>Summary</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((e) => (
            <tr key={e.id} className={cx("hover:bg-slate-50", e.status >= 500 ? "bg-red-50/40" : e.status >= 400 && "bg-amber-50/30")} data-testid="event-row">
              <Td className="whitespace-nowrap text-xs">
                <a
                  href={eventHref(e.id)}
                  onClick={open(e.id)}
                  title={formatLogTime(e.at)}
                  className="rounded font-medium tabular-nums text-brand-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                >
                  {formatShortLogTime(e.at)}
                  <span className="sr-only">
                    {" "}
                    — details of {e.method} {readablePath(e.path)}
                  </span>
                </a>
              </Td>
              <Td>
                <div className="flex max-w-[16rem] items-baseline gap-2">
                  <Method method={e.method} />
                  <span className="min-w-0 truncate font-mono text-xs text-slate-800" title={readablePath(e.path)}>
                    {readablePath(e.path)}
                  </span>
                </div>
              </Td>
              <Td>
                <HttpStatusBadge status={e.status} />
              </Td>
              <Td className="whitespace-nowrap text-right text-xs tabular-nums text-slate-600">{formatDuration(e.durationMs)}</Td>
              <Td className="max-w-[9rem] text-xs text-slate-600">
                <span className="line-clamp-2 break-words" title={e.client ?? undefined}>
                  {clientLabel(e.client)}
                </span>
              </Td>
              <Td className="min-w-[16rem] text-sm">
                <Summary e={e} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? "Loading…" : "Load 50 more"}
          </Button>
        </div>
      ) : rows.length > 50 ? (
        <p className="text-center text-sm text-slate-500">That is every matching request.</p>
      ) : null}
      {error ? <Alert>Could not load more requests: {error.message}</Alert> : null}
    </div>
  );
};
