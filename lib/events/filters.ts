// The provisioning log's filters, as they travel in URLs: the page keeps them in its search params
// (shareable links) and the JSON API validates the same names. No server code here — the page's
// client components read these too.
import { z } from "zod";
import { CHART_RANGES, DEFAULT_CHART_RANGE } from "./chart-window";

export const OUTCOMES = ["success", "client-error", "server-error"] as const;
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const RESOURCES = ["User", "Group", "other"] as const;
export const RANGES = ["1h", "24h", "7d", "30d"] as const;

export type Outcome = (typeof OUTCOMES)[number];

export const RANGE_MS: Record<(typeof RANGES)[number], number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

const date = (name: string) =>
  z.iso.datetime({ offset: true, error: `${name} must be an ISO 8601 date-time, e.g. 2026-01-31T09:00:00Z` }).transform((s) => new Date(s));

export const ZEventFilterFields = {
  outcome: z.enum(OUTCOMES, { error: "outcome must be success, client-error or server-error" }),
  status: z.coerce.number({ error: "status must be an HTTP status code" }).int().min(100, { error: "status must be an HTTP status code" }).max(599, { error: "status must be an HTTP status code" }),
  errors: z.enum(["1", "true", "0", "false"], { error: "errors must be 1 or 0" }).transform((v) => v === "1" || v === "true"),
  method: z.enum(METHODS, { error: "method must be GET, POST, PUT, PATCH or DELETE" }),
  resource: z.enum(RESOURCES, { error: "resource must be User, Group or other" }),
  resourceId: z.string().trim().min(1).max(100, { error: "resourceId is too long" }),
  range: z.enum(RANGES, { error: "range must be 1h, 24h, 7d or 30d" }),
  from: date("from"),
  to: date("to"),
};

type Fields = typeof ZEventFilterFields;
export type TEventFilters = { [K in keyof Fields]?: z.output<Fields[K]> };

const optional = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());

export const ZEventFilters = z.object({
  outcome: optional(ZEventFilterFields.outcome),
  status: optional(ZEventFilterFields.status),
  errors: optional(ZEventFilterFields.errors),
  method: optional(ZEventFilterFields.method),
  resource: optional(ZEventFilterFields.resource),
  resourceId: optional(ZEventFilterFields.resourceId),
  range: optional(ZEventFilterFields.range),
  from: optional(ZEventFilterFields.from),
  to: optional(ZEventFilterFields.to),
});

/** A keyset cursor: the time (epoch ms) and id of the last row of the previous page. */
export const ZCursor = z
  .string()
  .regex(/^\d{1,15}_[A-Za-z0-9_-]{1,64}$/, { error: "cursor is not valid" })
  .transform((s) => {
    const i = s.indexOf("_");
    return { at: new Date(Number(s.slice(0, i))), id: s.slice(i + 1) };
  });

export const cursorOf = (row: { at: Date | string; id: string }) => `${new Date(row.at).getTime()}_${row.id}`;

export const ZEventListQuery = ZEventFilters.extend({ cursor: optional(ZCursor) });

export const ZChartQuery = z.object({
  range: z.preprocess(blank, z.enum(CHART_RANGES, { error: `range must be one of ${CHART_RANGES.join(", ")}` }).default(DEFAULT_CHART_RANGE)),
});

/**
 * The filters in a page URL, forgivingly: a value that does not parse is dropped on its own, so a
 * hand-edited link still shows the log with the filters that make sense.
 */
export const filtersFromParams = (params: URLSearchParams): TEventFilters => {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ZEventFilterFields)) {
    const raw = params.get(key);
    if (raw === null || raw === "") continue;
    const parsed = (schema as z.ZodType).safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as TEventFilters;
};

/** The URL form of filters (dates as ISO strings), in a stable key order for query keys and links. */
export const filtersToParams = (f: TEventFilters): URLSearchParams => {
  const p = new URLSearchParams();
  for (const key of Object.keys(ZEventFilterFields) as (keyof TEventFilters)[]) {
    const v = f[key];
    if (v === undefined || v === false) continue;
    p.set(key, v instanceof Date ? v.toISOString() : v === true ? "1" : String(v));
  }
  return p;
};

export const hasFilters = (f: TEventFilters) => filtersToParams(f).size > 0;
