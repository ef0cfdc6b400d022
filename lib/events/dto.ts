// The provisioning log as the browser receives it (rows, pages, one entry's detail, the hourly
// chart): JSON-safe shapes shared by the services in lib/server/events and the log page.
import type { TChartBucket, TChartRange } from "./chart-window";

export type ErrorAdvice = {
  /** A few words: "User already exists". */
  title: string;
  /** One sentence: what to do. The table shows this; the detail shows both. */
  action: string;
  /** Why it happened and where to look, when there is more to say. */
  details?: string;
};

export type EventRow = {
  id: string;
  at: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  client: string | null;
  resourceType: "User" | "Group" | null;
  resourceId: string | null;
  summary: string | null;
  /** The first line of the error, for the table; the detail has all of it. */
  error: string | null;
  advice: ErrorAdvice | null;
};

export type EventPage = {
  events: EventRow[];
  nextCursor: string | null;
  /** Matches on the first page, capped at list-events' COUNT_CAP (`capped` then says there are more); null when not counted. */
  total: { count: number; capped: boolean } | null;
};

/** One request in full: the table's row (its error unabridged) with the bodies, token and employee. */
export type EventDetail = EventRow & {
  scimType: string | null;
  requestBody: string | null;
  responseBody: string | null;
  token: { id: string; name: string; prefix: string; revoked: boolean } | null;
  employee: { id: string; name: string; href: string } | null;
};

/** One bar of the log's chart: requests by outcome from `start` for an hour or a day (EventsChart.bucket). */
export type ChartBar = { start: string; success: number; clientError: number; serverError: number };
export type EventsChart = {
  range: TChartRange;
  bucket: TChartBucket;
  from: string;
  to: string;
  bars: ChartBar[];
  totals: { success: number; clientError: number; serverError: number; all: number };
};
