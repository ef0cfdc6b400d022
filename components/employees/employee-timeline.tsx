"use client";
import Link from "next/link";
import { Alert, Badge, Button, formatDateTime } from "@/components/ui";
import { useEmployeeEvents } from "@/hooks/use-employee-events";
import type { TTimelineEvent, TTimelineGroupChange, TTimelinePage, TTimelineRequest } from "@/lib/employees/timeline";

const statusTone = (s: number) => (s >= 500 ? "red" : s >= 400 ? "amber" : "green");
const methodTone = (m: string) => (m === "DELETE" ? "red" : m === "POST" ? "green" : m === "GET" ? "gray" : "blue");
const linkClass = "text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700";

const When = ({ at }: { at: string }) => (
  <time dateTime={at} className="tabular-nums text-slate-500">
    {formatDateTime(at)}
  </time>
);

const LogLink = ({ slug, ev, label }: { slug: string; ev: TTimelineEvent; label: string }) => (
  <Link href={`/w/${slug}/logs?event=${ev.eventId}`} className={`ml-auto text-xs font-medium ${linkClass}`}>
    {label}
    <span className="sr-only"> ({formatDateTime(ev.at)})</span>
  </Link>
);

const RequestEntry = ({ slug, ev }: { slug: string; ev: TTimelineRequest }) => (
  <>
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <When at={ev.at} />
      <Badge tone={methodTone(ev.method)}>{ev.method}</Badge>
      <Badge tone={statusTone(ev.status)}>{ev.status}</Badge>
      <LogLink slug={slug} ev={ev} label="View in log" />
    </div>
    <p className="mt-1 break-words text-sm text-slate-800">{ev.summary ?? `${ev.method} ${ev.path}`}</p>
    {ev.error ? <p className="mt-1 break-words text-sm text-red-700">{ev.error}</p> : null}
  </>
);

// "Added to group Sales", the group linked while it exists, and the role it gave on its own line.
const GroupEntry = ({ slug, ev }: { slug: string; ev: TTimelineGroupChange }) => {
  const name = ev.groupName ?? "a group";
  const group = ev.groupId ? (
    <Link href={`/w/${slug}/groups/${ev.groupId}`} className={`font-medium ${linkClass}`}>
      {name}
    </Link>
  ) : (
    <span className="font-medium">{name}</span>
  );
  return (
    <>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <When at={ev.at} />
        <Badge tone={ev.membership === "removed" ? "amber" : ev.membership === "added" ? "green" : "violet"}>
          {ev.roleChange ? "Group · role" : "Group"}
        </Badge>
        <LogLink slug={slug} ev={ev} label="View request in log" />
      </div>
      <p className="mt-1 break-words text-sm text-slate-800">
        {ev.membership === "added" ? "Added to group " : ev.membership === "removed" ? "Removed from group " : "Member of group "}
        {group}
        {ev.membership === "removed" && !ev.groupId ? " (the group was deleted)" : null}
      </p>
      {ev.roleChange ? <p className="mt-1 break-words text-sm text-slate-700">{ev.roleChange.charAt(0).toUpperCase() + ev.roleChange.slice(1)}</p> : null}
    </>
  );
};

/** The employee's whole history, newest first: requests about them and their part in group changes. */
export const EmployeeTimeline = ({ slug, employeeId, initial }: { slug: string; employeeId: string; initial: TTimelinePage }) => {
  const { data, error, isFetchingNextPage, hasNextPage, fetchNextPage } = useEmployeeEvents(slug, employeeId, initial);
  const pages = data?.pages ?? [initial];
  const events = pages.flatMap((p) => p.events);
  const total = pages[0]?.total ?? null;

  if (events.length === 0) {
    return <p className="text-sm text-slate-600">Nothing has happened to this employee yet. Requests your identity provider makes about them, their groups and changes made here will be listed here.</p>;
  }
  return (
    <div aria-busy={isFetchingNextPage}>
      {error ? <Alert>Could not load the timeline: {error.message}</Alert> : null}
      <ol className="relative space-y-0 border-l border-slate-200 pl-6" data-testid="timeline">
        {events.map((ev) => (
          <li key={`${ev.kind}-${ev.id}`} className="relative pb-5 last:pb-0" data-kind={ev.kind}>
            <span
              aria-hidden
              className={`absolute -left-[1.84rem] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white ${ev.kind === "group" ? "bg-violet-500" : ev.status >= 400 ? "bg-amber-500" : "bg-brand-500"}`}
            />
            {ev.kind === "group" ? <GroupEntry slug={slug} ev={ev} /> : <RequestEntry slug={slug} ev={ev} />}
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        {total !== null ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            Showing {events.length.toLocaleString("en")} of {total.toLocaleString("en")} events
          </p>
        ) : null}
        {hasNextPage ? (
          <Button variant="secondary" onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? "Loading…" : "Show older events"}
          </Button>
        ) : null}
      </div>
    </div>
  );
};
