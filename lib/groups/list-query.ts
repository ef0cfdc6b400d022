// Query shapes for the groups list and a group's members, shared by pages, routes and hooks.
import { z } from "zod";

export const GROUPS_PAGE_SIZE = 25;
export const MEMBERS_PAGE_SIZE = 50;

const page = z.coerce.number({ error: "page must be a number" }).int().min(1, { error: "page starts at 1" }).max(1_000_000).default(1);
const pageSize = (d: number) =>
  z.coerce.number({ error: "pageSize must be a number" }).int().min(1, { error: "pageSize must be at least 1" }).max(100, { error: "pageSize is at most 100" }).default(d);

export const ZGroupListQuery = z.object({
  q: z.string().trim().max(200, { error: "Search for at most 200 characters" }).default(""),
  page,
  pageSize: pageSize(GROUPS_PAGE_SIZE),
});
export type TGroupListQuery = z.infer<typeof ZGroupListQuery>;

export const ZMemberListQuery = z.object({ q: z.string().trim().max(200).default(""), page, pageSize: pageSize(MEMBERS_PAGE_SIZE) });
export type TMemberListQuery = z.infer<typeof ZMemberListQuery>;

export const pickParams = (params: URLSearchParams | Record<string, string | string[] | undefined>, keys: string[]) =>
  Object.fromEntries(
    keys.map((k) => {
      const v = params instanceof URLSearchParams ? params.get(k) : params[k];
      const s = Array.isArray(v) ? v[0] : v;
      return [k, s === null || s === "" ? undefined : s];
    }),
  );

export type TGroupRow = { id: string; displayName: string; externalId: string | null; memberCount: number; updatedAt: string };
export type TGroupList = { rows: TGroupRow[]; total: number; page: number; pageSize: number };

export type TMemberRow = { id: string; displayName: string | null; email: string | null; title: string | null; status: string; addedAt: string };
export type TMemberList = { rows: TMemberRow[]; total: number; page: number; pageSize: number };
