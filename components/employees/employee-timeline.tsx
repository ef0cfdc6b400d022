"use client";
import Link from "next/link";
import { useState } from "react";
import { Pagination } from "@/components/pagination";
import { Alert, Badge, formatDateTime } from "@/components/ui";
import { useEmployeeEvents } from "@/hooks/use-employee-events";
import type { TTimelinePage } from "@/lib/employees/timeline";

const statusTone = (s: number) => (s >= 500 ? "red" : s >= 400 ? "amber" : "green");
const methodTone = (m: string) => (m === "DELETE" ? "red" : m === "POST" ? "green" : m === "GET" ? "gray" : "blue");

/** Every SCIM request that touched this employee, newest first. */
export const EmployeeTimeline = ({ slug, employeeId, initial }: { slug: string; employeeId: string; initial: TTimelinePage }) => {
  const [page, setPage] = useState(1);
  const { data, error, isFetching, isPlaceholderData } = useEmployeeEvents(slug, employeeId, page, initial);
  const list = data ?? initial;
  const busy = isFetching && isPlaceholderData;

  if (list.total === 0) {
    return <p className="text-sm text-slate-600">No provisioning events for this employee. Requests your identity provider makes about them will be listed here.</p>;
  }
  return (
    <div aria-busy={busy} className={busy ? "opacity-60 transition-opacity" : "transition-opacity"}>
      {error ? <Alert>Could not load the timeline: {error.message}</Alert> : null}
      <ol className="relative space-y-0 border-l border-slate-200 pl-6" data-testid="timeline">
        {list.events.map((ev) => (
          <li key={ev.id} className="relative pb-5 last:pb-0">
            <span aria-hidden className={`absolute -left-[1.84rem] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white ${ev.status >= 400 ? "bg-amber-500" : "bg-brand-500"}`} />
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <time dateTime={ev.at} className="tabular-nums text-slate-500">
                {formatDateTime(ev.at)}
              </time>
              <Badge tone={methodTone(ev.method)}>{ev.method}</Badge>
              <Badge tone={statusTone(ev.status)}>{ev.status}</Badge>
              <Link href={`/w/${slug}/logs?event=${ev.id}`} className="ml-auto text-xs font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
                View in log<span className="sr-only"> ({formatDateTime(ev.at)})</span>
              </Link>
            </div>
            <p className="mt-1 break-words text-sm text-slate-800">{ev.summary ?? `${ev.method} ${ev.path}`}</p>
            {ev.error ? <p className="mt-1 break-words text-sm text-red-700">{ev.error}</p> : null}
          </li>
        ))}
      </ol>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} noun="events" disabled={busy} onPage={setPage} />
    </div>
  );
};
