// The provisioning log, newest first, one keyset page at a time. Built to stay fast at millions of
// rows: every filter lands on one of ProvisioningEvent's (workspaceId, …, at) indexes, pages
// continue from the last row's (at, id) instead of skipping rows, and the total is counted only up
// to a cap.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { EventPage, EventRow } from "@/lib/events/dto";
import { cursorOf, RANGE_MS, type TEventFilters } from "@/lib/events/filters";
import { explainError, scimTypeOf } from "./explain-error";
import { resourceOf } from "./event-resource";

export const PAGE_SIZE = 50;
/** Beyond this many matches the page says "10,000+" instead of counting on. */
export const COUNT_CAP = 10_000;

type Where = Prisma.ProvisioningEventWhereInput;

const CLASS_RANGE = { success: [100, 399], "client-error": [400, 499], "server-error": [500, 599] } as const;

/** The status filters (outcome, exact status, errors only) intersected into one range, or null when they contradict. */
const statusRange = (f: TEventFilters): [number, number] | null => {
  let [lo, hi] = [100, 599];
  const narrow = ([a, b]: readonly [number, number]) => ([lo, hi] = [Math.max(lo, a), Math.min(hi, b)]);
  if (f.outcome) narrow(CLASS_RANGE[f.outcome]);
  if (f.errors) narrow([400, 599]);
  if (f.status !== undefined) narrow([f.status, f.status]);
  return lo <= hi ? [lo, hi] : null;
};

// How a status range is written decides which index SQLite (which keeps no statistics) walks.
// A range it can use sends it to (workspaceId, status, at): every match is read and sorted by
// time. A NOT it cannot use leaves it on an index already in time order — (workspaceId, at), or
// (workspaceId, method, at) when a method is chosen — skipping rows that do not match until a
// page is full.
const statusWhere = ([lo, hi]: [number, number], otherIndex: boolean): Where => {
  if (lo === 100 && hi === 599) return {};
  if (lo === hi) return { status: lo };
  // Most requests succeed, so a page of successes is found long before the first error.
  if (lo === 100) return { NOT: { status: { gt: hi } } };
  // Errors are few: the status index finds them directly, unless a method narrows the rows more.
  if (otherIndex) return { NOT: [{ status: { lt: lo } }, { status: { gt: hi } }] };
  return { status: { gte: lo, lte: hi } };
};

// Failed requests carry no resourceType (only the error is logged), so their path says what they were about.
const pathIs = (segment: "Users" | "Groups"): Where[] => [{ path: { startsWith: `/${segment}` } }, { path: { startsWith: `/${segment.toLowerCase()}` } }];

const resourceWhere = (resource: NonNullable<TEventFilters["resource"]>): Where => {
  if (resource === "other") return { resourceType: null, NOT: [...pathIs("Users"), ...pathIs("Groups")] };
  const segment = resource === "User" ? "Users" : "Groups";
  return { OR: [{ resourceType: resource }, { resourceType: null, OR: pathIs(segment) }] };
};

const eventsWhere = (workspaceId: string, f: TEventFilters, now = Date.now()): Where | null => {
  const range = statusRange(f);
  if (!range) return null;
  const and: Where[] = [statusWhere(range, f.method !== undefined)];
  if (f.resource) and.push(resourceWhere(f.resource));
  const from = f.range ? new Date(now - RANGE_MS[f.range]) : f.from;
  const at: Prisma.DateTimeFilter<"ProvisioningEvent"> = {};
  if (from) at.gte = from;
  if (f.to && !f.range) at.lt = f.to;
  return {
    workspaceId,
    ...(f.method ? { method: f.method } : {}),
    ...(f.resourceId ? { resourceId: f.resourceId } : {}),
    ...(from || at.lt ? { at } : {}),
    AND: and,
  };
};

// A capped count needs an order (Prisma's default is by id, which reads every row first); this
// one is the order of the index the filter uses, so counting stops after COUNT_CAP index entries.
const countOrder = ([lo]: [number, number]): Prisma.ProvisioningEventOrderByWithRelationInput[] =>
  lo > 100 ? [{ status: "asc" }, { at: "asc" }] : [{ at: "desc" }];

const firstLine = (s: string | null) => (s === null ? null : (s.split("\n", 1)[0] ?? "").slice(0, 300));

export const listEvents = async (workspaceId: string, f: TEventFilters & { cursor?: { at: Date; id: string } }): Promise<EventPage> => {
  const range = statusRange(f);
  const where = eventsWhere(workspaceId, f);
  if (!range || !where) return { events: [], nextCursor: null, total: { count: 0, capped: false } };
  // Keyset: rows strictly after (cursor.at, cursor.id) in (at desc, id desc) order. The plain
  // `at <= cursor` lets the index seek straight to the cursor.
  const page: Where = f.cursor
    ? { AND: [where, { at: { lte: f.cursor.at } }, { OR: [{ at: { lt: f.cursor.at } }, { id: { lt: f.cursor.id } }] }] }
    : where;
  // Counting is left out where matches may be sparse among rows the index cannot judge: the
  // resource type is not indexed, and errors of one method are checked row by row. Their pages
  // stay fast (they stop after 50 matches); a count could read every row of the range.
  const countable = !f.cursor && !f.resource && !(f.method && range[0] > 100 && range[0] !== range[1]);
  const [keys, count] = await Promise.all([
    // Keys first, rows second: when a filter's index does not give the (at, id) order, the database
    // sorts only these narrow keys instead of whole rows with their request bodies.
    db.provisioningEvent.findMany({ where: page, orderBy: [{ at: "desc" }, { id: "desc" }], take: PAGE_SIZE + 1, select: { id: true, at: true } }),
    countable ? db.provisioningEvent.count({ where, take: COUNT_CAP + 1, orderBy: countOrder(range) }) : Promise.resolve(null),
  ]);
  const shown = keys.slice(0, PAGE_SIZE);
  const full = shown.length === 0 ? [] : await db.provisioningEvent.findMany({
    // One (id, workspaceId) pair per row: SQLite looks each up by primary key, where
    // `workspaceId = ? AND id IN (…)` would make it walk the workspace's index instead.
    where: { OR: shown.map((k) => ({ id: k.id, workspaceId })) },
    select: { id: true, at: true, method: true, path: true, status: true, durationMs: true, client: true, resourceType: true, resourceId: true, summary: true, error: true, responseBody: true },
  });
  const byId = new Map(full.map((r) => [r.id, r]));
  const rows = shown.flatMap((k) => byId.get(k.id) ?? []);
  const events = rows.map((r): EventRow => {
    const resource = resourceOf(r);
    return {
      id: r.id,
      at: r.at.toISOString(),
      method: r.method,
      path: r.path,
      status: r.status,
      durationMs: r.durationMs,
      client: r.client,
      resourceType: resource.type,
      resourceId: resource.id,
      summary: r.summary,
      error: firstLine(r.error),
      advice: explainError({ ...r, scimType: scimTypeOf(r.responseBody) }),
    };
  });
  const last = shown[PAGE_SIZE - 1];
  return {
    events,
    nextCursor: keys.length > PAGE_SIZE && last ? cursorOf(last) : null,
    total: count === null ? null : { count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP },
  };
};

/** Whether the workspace has any logged request at all (one index probe), for the page's empty state. */
export const hasEvents = async (workspaceId: string) => (await db.provisioningEvent.findFirst({ where: { workspaceId }, select: { id: true } })) !== null;
