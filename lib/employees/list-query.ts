// What the employees table can ask for: shared by the page (server), the JSON route and the
// client table, so the three agree on tabs, sorts and limits.
import { z } from "zod";
import { MAX_ATTRIBUTE_COLUMNS, type TAttributeColumn, type TShownValue } from "@/lib/attributes/values-dto";

export const EMPLOYEE_TABS = ["all", "synced", "linked", "manual", "archived", "pending"] as const;
export type TEmployeeTab = (typeof EMPLOYEE_TABS)[number];

export const EMPLOYEE_SORTS = ["name", "email", "status", "updated"] as const;
export type TEmployeeSort = (typeof EMPLOYEE_SORTS)[number];

export const TAB_LABELS: Record<TEmployeeTab, string> = {
  all: "All",
  synced: "Synced",
  linked: "Linked",
  manual: "Manual",
  archived: "Archived",
  pending: "Pending activation",
};

/** The page sizes the table offers; the API takes any size up to the largest. */
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** "badgeId,costCenter" → ["badgeId", "costCenter"], once each. */
export const columnKeys = (cols: string): string[] => [...new Set(cols.split(",").map((c) => c.trim()).filter(Boolean))];

export const ZEmployeeListQuery = z.object({
  tab: z.enum(EMPLOYEE_TABS, { error: "tab must be one of all, synced, linked, manual, archived, pending" }).default("all"),
  q: z.string().trim().max(200, { error: "Search for at most 200 characters" }).default(""),
  sort: z.enum(EMPLOYEE_SORTS, { error: "sort must be one of name, email, status, updated" }).default("name"),
  dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("asc"),
  page: z.coerce.number({ error: "page must be a number" }).int().min(1, { error: "page starts at 1" }).max(1_000_000).default(1),
  pageSize: z.coerce
    .number({ error: "pageSize must be a number" })
    .int()
    .min(1, { error: "pageSize must be at least 1" })
    .max(MAX_PAGE_SIZE, { error: `pageSize is at most ${MAX_PAGE_SIZE}` })
    .default(DEFAULT_PAGE_SIZE),
  /** Custom attribute columns, by key: "badgeId,costCenter". */
  cols: z
    .string()
    .trim()
    .max(400, { error: "cols is at most 400 characters" })
    .regex(/^[a-zA-Z0-9]*(?:,[a-zA-Z0-9]+)*$/, { error: "cols is a comma-separated list of attribute keys" })
    .refine((c) => columnKeys(c).length <= MAX_ATTRIBUTE_COLUMNS, { error: `Choose at most ${MAX_ATTRIBUTE_COLUMNS} attribute columns` })
    .default(""),
});
export type TEmployeeListQuery = z.infer<typeof ZEmployeeListQuery>;

/** Search params → query; an empty value counts as absent. */
export const queryInput = (params: URLSearchParams | Record<string, string | string[] | undefined>) => {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s === null || s === undefined || s === "" ? undefined : s;
  };
  return { tab: get("tab"), q: get("q"), sort: get("sort"), dir: get("dir"), page: get("page"), pageSize: get("pageSize"), cols: get("cols") };
};

/** For pages: a hand-edited URL falls back to the defaults instead of failing. */
export const parseListQueryLenient = (params: Record<string, string | string[] | undefined>): TEmployeeListQuery => {
  const input = queryInput(params);
  const parsed = ZEmployeeListQuery.safeParse(input);
  if (parsed.success) return parsed.data;
  const out = ZEmployeeListQuery.parse({});
  for (const key of Object.keys(input) as (keyof typeof input)[]) {
    const one = ZEmployeeListQuery.shape[key].safeParse(input[key]);
    if (one.success) Object.assign(out, { [key]: one.data });
  }
  return out;
};

/** The query as URL search params, leaving out defaults so links stay short. */
export const toSearchParams = (q: TEmployeeListQuery, omit: (keyof TEmployeeListQuery)[] = []) => {
  const defaults = ZEmployeeListQuery.parse({});
  const sp = new URLSearchParams();
  for (const key of Object.keys(defaults) as (keyof TEmployeeListQuery)[]) {
    if (omit.includes(key) || q[key] === defaults[key]) continue;
    sp.set(key, String(q[key]));
  }
  return sp;
};

export type TEmployeeStatus = "SYNCED" | "LINKED" | "MANUAL" | "ARCHIVED";

/**
 * Where the employee's account stands: activated (at), an activation email sent (at), kept in the
 * outbox (no SMTP), waiting to be sent, none yet — or not applicable once archived.
 */
export type TActivation = { state: "activated" | "sent" | "kept" | "queued" | "not-sent" | "archived"; at: string | null };

export type TEmployeeRow = {
  id: string;
  displayName: string | null;
  email: string | null;
  title: string | null;
  department: string | null;
  status: TEmployeeStatus;
  pendingActivation: boolean;
  activation: TActivation;
  updatedAt: string;
  /** Values of the chosen custom attribute columns, by key (absent when the employee has none). */
  attributes?: Record<string, TShownValue>;
};

export type TEmployeeCounts = Record<TEmployeeTab, number>;

export type TEmployeeList = {
  rows: TEmployeeRow[];
  total: number;
  counts: TEmployeeCounts;
  /** Non-archived employees of the workspace, whatever the search. */
  seats: number;
  page: number;
  pageSize: number;
  /** The custom attribute columns asked for (cols), in the workspace's order. */
  columns?: TAttributeColumn[];
};
