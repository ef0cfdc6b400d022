// Requests per bar (an hour or a day) by outcome, for the chart above the provisioning log; the
// window comes from lib/events/chart-window ("auto" first reads the first and last request of the
// last two months: two index seeks on (workspaceId, at)). One aggregate query per engine, in two
// parts that each stay on an index:
// - all requests: a series of bars, each counted with an index-only range scan of
//   (workspaceId, at) — bars without requests come out as zeros;
// - errors (few): read through (workspaceId, status, at) with one seek per 4xx/5xx code into the
//   period, and grouped by hour or day (substr of the ISO text on SQLite, date_trunc on PostgreSQL).
// Measured at 1,000,000 rows over 7 days this is three to four times faster than grouping every
// row by its hour, which has to build a grouping table over all of them.
import "server-only";
import { db } from "@/lib/db/client";
import { dbConfig } from "@/lib/db/config";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { autoLookbackStart, chartWindow, DAY, HOUR, type TChartBucket, type TChartRange } from "@/lib/events/chart-window";
import type { ChartBar, EventsChart } from "@/lib/events/dto";

type Row = { i: number | bigint; total: number | bigint; client: number | bigint; server: number | bigint };

// A fixed list of codes, not user input: an IN list lets SQLite seek (workspaceId, status, at) once
// per code and use the period's range on `at`, where a range on status would not.
const ERROR_CODES = Prisma.raw(Array.from({ length: 200 }, (_, i) => 400 + i).join(", "));

// SQLite keeps Prisma DateTimes as ISO-8601 text ("2026-01-31T09:00:00.000+00:00", what
// @prisma/adapter-better-sqlite3 writes), so hour boundaries in the same format compare correctly
const sqliteIso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

// The first 13 characters of that text name the hour, the first 10 the day.
const sqliteQuery = (workspaceId: string, bucket: TChartBucket, start: number, n: number) => {
  const size = bucket === "hour" ? HOUR : DAY;
  const step = bucket === "hour" ? "+1 hours" : "+1 days";
  const len = bucket === "hour" ? 13 : 10;
  return db.$queryRaw<Row[]>`
  WITH RECURSIVE bars(i, s, e) AS (
    SELECT 0, ${sqliteIso(start)}, ${sqliteIso(start + size)}
    UNION ALL
    SELECT i + 1, e, strftime('%Y-%m-%dT%H:%M:%S.000+00:00', e, ${step}) FROM bars WHERE i + 1 < ${n}
  ),
  errors AS (
    SELECT substr(p."at", 1, ${len}) AS b, sum(p."status" < 500) AS client, sum(p."status" >= 500) AS server
    FROM "ProvisioningEvent" p
    WHERE p."workspaceId" = ${workspaceId} AND p."status" IN (${ERROR_CODES}) AND p."at" >= ${sqliteIso(start)} AND p."at" < ${sqliteIso(start + n * size)}
    GROUP BY 1
  )
  SELECT bars.i AS i,
    (SELECT count(*) FROM "ProvisioningEvent" p WHERE p."workspaceId" = ${workspaceId} AND p."at" >= bars.s AND p."at" < bars.e) AS total,
    coalesce(errors.client, 0) AS client,
    coalesce(errors.server, 0) AS server
  FROM bars LEFT JOIN errors ON errors.b = substr(bars.s, 1, ${len})
  ORDER BY bars.i`;
};

// PostgreSQL: "at" is a timestamp(3) holding UTC wall time.
const pgTimestamp = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const postgresQuery = (workspaceId: string, bucket: TChartBucket, start: number, n: number) => {
  const step = bucket === "hour" ? "1 hour" : "1 day";
  const end = start + n * (bucket === "hour" ? HOUR : DAY);
  return db.$queryRaw<Row[]>`
  SELECT (g.i - 1)::int AS i,
    (SELECT count(*)::int FROM "ProvisioningEvent" p WHERE p."workspaceId" = ${workspaceId} AND p."at" >= g.h AND p."at" < g.h + ${step}::interval) AS total,
    coalesce(e.client, 0)::int AS client,
    coalesce(e.server, 0)::int AS server
  FROM generate_series(${pgTimestamp(start)}::timestamp, ${pgTimestamp(start)}::timestamp + ${n - 1}::int * ${step}::interval, ${step}::interval) WITH ORDINALITY AS g(h, i)
  LEFT JOIN (
    SELECT date_trunc(${bucket}::text, p."at") AS h, count(*) FILTER (WHERE p."status" < 500) AS client, count(*) FILTER (WHERE p."status" >= 500) AS server
    FROM "ProvisioningEvent" p
    WHERE p."workspaceId" = ${workspaceId} AND p."status" = ANY (ARRAY(SELECT generate_series(400, 599))) AND p."at" >= ${pgTimestamp(start)}::timestamp AND p."at" < ${pgTimestamp(end)}::timestamp
    GROUP BY 1
  ) e ON e.h = g.h
  ORDER BY g.i`;
};

/** The first and last request since the auto lookback start: two seeks on (workspaceId, at). */
const activityOf = async (workspaceId: string, now: number) => {
  const where = { workspaceId, at: { gte: new Date(autoLookbackStart(now)) } };
  const [first, last] = await Promise.all([
    db.provisioningEvent.findFirst({ where, orderBy: { at: "asc" }, select: { at: true } }),
    db.provisioningEvent.findFirst({ where, orderBy: { at: "desc" }, select: { at: true } }),
  ]);
  return first && last ? { first: first.at.getTime(), last: last.at.getTime() } : null;
};

export const eventsChart = async (workspaceId: string, range: TChartRange = "auto", now = Date.now()): Promise<EventsChart> => {
  const { bucket, start, count: n } = chartWindow(range, now, range === "auto" ? await activityOf(workspaceId, now) : null);
  const size = bucket === "hour" ? HOUR : DAY;
  const rows =
    dbConfig().flavor === "postgres"
      ? // The planner cannot know how few rows a bar holds, so its estimate crosses the JIT
        // threshold and compiling (~300 ms) would cost more than running the query.
        (await db.$transaction([db.$executeRaw`SET LOCAL jit = off`, postgresQuery(workspaceId, bucket, start, n)]))[1]
      : await sqliteQuery(workspaceId, bucket, start, n);
  const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
  const totals = { success: 0, clientError: 0, serverError: 0, all: 0 };
  const bars = Array.from({ length: n }, (_, i): ChartBar => {
    const r = byIndex.get(i);
    const total = Number(r?.total ?? 0);
    const clientError = Number(r?.client ?? 0);
    const serverError = Number(r?.server ?? 0);
    const success = total - clientError - serverError;
    totals.success += success;
    totals.clientError += clientError;
    totals.serverError += serverError;
    totals.all += total;
    return { start: new Date(start + i * size).toISOString(), success, clientError, serverError };
  });
  return { range, bucket, from: new Date(start).toISOString(), to: new Date(start + n * size).toISOString(), bars, totals };
};
