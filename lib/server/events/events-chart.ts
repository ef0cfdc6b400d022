// Requests per hour by outcome over the last days, for the chart above the provisioning log.
// One aggregate query per engine, in two parts that each stay on an index:
// - all requests: a series of hours, each counted with an index-only range scan of
//   (workspaceId, at) — hours without requests come out as zeros;
// - errors (few): read through (workspaceId, status, at) with one seek per 4xx/5xx code into the
//   period, and grouped by hour (substr of the ISO text on SQLite, date_trunc on PostgreSQL).
// Measured at 1,000,000 rows over 7 days this is three to four times faster than grouping every
// row by its hour, which has to build a grouping table over all of them.
import "server-only";
import { db } from "@/lib/db/client";
import { dbConfig } from "@/lib/db/config";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { ChartHour, EventsChart } from "@/lib/events/dto";

const HOUR = 3_600_000;
export const MAX_CHART_DAYS = 30;

type Row = { i: number | bigint; total: number | bigint; client: number | bigint; server: number | bigint };

// A fixed list of codes, not user input: an IN list lets SQLite seek (workspaceId, status, at) once
// per code and use the period's range on `at`, where a range on status would not.
const ERROR_CODES = Prisma.raw(Array.from({ length: 200 }, (_, i) => 400 + i).join(", "));

// SQLite keeps Prisma DateTimes as ISO-8601 text ("2026-01-31T09:00:00.000+00:00", what
// @prisma/adapter-better-sqlite3 writes), so hour boundaries in the same format compare correctly
// and the first 13 characters name the hour.
const sqliteIso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

const sqliteQuery = (workspaceId: string, start: number, n: number) => db.$queryRaw<Row[]>`
  WITH RECURSIVE hours(i, s, e) AS (
    SELECT 0, ${sqliteIso(start)}, ${sqliteIso(start + HOUR)}
    UNION ALL
    SELECT i + 1, e, strftime('%Y-%m-%dT%H:%M:%S.000+00:00', e, '+1 hours') FROM hours WHERE i + 1 < ${n}
  ),
  errors AS (
    SELECT substr(p."at", 1, 13) AS h, sum(p."status" < 500) AS client, sum(p."status" >= 500) AS server
    FROM "ProvisioningEvent" p
    WHERE p."workspaceId" = ${workspaceId} AND p."status" IN (${ERROR_CODES}) AND p."at" >= ${sqliteIso(start)}
    GROUP BY 1
  )
  SELECT hours.i AS i,
    (SELECT count(*) FROM "ProvisioningEvent" p WHERE p."workspaceId" = ${workspaceId} AND p."at" >= hours.s AND p."at" < hours.e) AS total,
    coalesce(errors.client, 0) AS client,
    coalesce(errors.server, 0) AS server
  FROM hours LEFT JOIN errors ON errors.h = substr(hours.s, 1, 13)
  ORDER BY hours.i`;

// PostgreSQL: "at" is a timestamp(3) holding UTC wall time.
const pgTimestamp = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const postgresQuery = (workspaceId: string, start: number, n: number) => db.$queryRaw<Row[]>`
  SELECT (g.i - 1)::int AS i,
    (SELECT count(*)::int FROM "ProvisioningEvent" p WHERE p."workspaceId" = ${workspaceId} AND p."at" >= g.h AND p."at" < g.h + interval '1 hour') AS total,
    coalesce(e.client, 0)::int AS client,
    coalesce(e.server, 0)::int AS server
  FROM generate_series(${pgTimestamp(start)}::timestamp, ${pgTimestamp(start)}::timestamp + ${n - 1}::int * interval '1 hour', interval '1 hour') WITH ORDINALITY AS g(h, i)
  LEFT JOIN (
    SELECT date_trunc('hour', p."at") AS h, count(*) FILTER (WHERE p."status" < 500) AS client, count(*) FILTER (WHERE p."status" >= 500) AS server
    FROM "ProvisioningEvent" p
    WHERE p."workspaceId" = ${workspaceId} AND p."status" = ANY (ARRAY(SELECT generate_series(400, 599))) AND p."at" >= ${pgTimestamp(start)}::timestamp
    GROUP BY 1
  ) e ON e.h = g.h
  ORDER BY g.i`;

export const eventsChart = async (workspaceId: string, days = 7, now = Date.now()): Promise<EventsChart> => {
  const d = Math.min(Math.max(1, Math.floor(days)), MAX_CHART_DAYS);
  const n = d * 24;
  // The last bar is the current (partial) hour.
  const start = Math.floor(now / HOUR) * HOUR - (n - 1) * HOUR;
  const rows =
    dbConfig().flavor === "postgres"
      ? // The planner cannot know how few rows an hour holds, so its estimate crosses the JIT
        // threshold and compiling (~300 ms) would cost more than running the query.
        (await db.$transaction([db.$executeRaw`SET LOCAL jit = off`, postgresQuery(workspaceId, start, n)]))[1]
      : await sqliteQuery(workspaceId, start, n);
  const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
  const totals = { success: 0, clientError: 0, serverError: 0, all: 0 };
  const hours = Array.from({ length: n }, (_, i): ChartHour => {
    const r = byIndex.get(i);
    const total = Number(r?.total ?? 0);
    const clientError = Number(r?.client ?? 0);
    const serverError = Number(r?.server ?? 0);
    const success = total - clientError - serverError;
    totals.success += success;
    totals.clientError += clientError;
    totals.serverError += serverError;
    totals.all += total;
    return { hour: new Date(start + i * HOUR).toISOString(), success, clientError, serverError };
  });
  return { days: d, from: new Date(start).toISOString(), to: new Date(start + n * HOUR).toISOString(), hours, totals };
};
