// Paging and sorting parameters (RFC 7644 §3.4.2.3–3.4.2.4) and the ListResponse message.
import { badRequest } from "./errors";
import { parseFilter, parsePatchPath } from "./filter";
import type { AttrPath, Filter } from "./filter/ast";
import { SCHEMA_URNS } from "./schemas/urns";

export type ListParams = {
  filter?: Filter;
  startIndex: number;
  count: number;
  sortBy?: AttrPath;
  descending: boolean;
  attributes: string[];
  excludedAttributes: string[];
};

export const DEFAULT_PAGE_SIZE = 100;

type RawParams = {
  filter?: unknown;
  startIndex?: unknown;
  count?: unknown;
  sortBy?: unknown;
  sortOrder?: unknown;
  attributes?: unknown;
  excludedAttributes?: unknown;
};

const MAX_START_INDEX = 2_147_483_647;

const toInt = (name: string, v: unknown): number | undefined => {
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(String(v).trim());
  if (!Number.isFinite(n)) throw badRequest("invalidValue", `'${name}' must be an integer`);
  return Math.trunc(n);
};

const toList = (v: unknown): string[] => {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.map(String);
  return [String(v)];
};

export const parseListParams = (raw: RawParams, maxResults: number, splitAttributes: (s: string | null) => string[]): ListParams => {
  // RFC: less than 1 is 1. Beyond any directory's size it is an empty page: capped, so that the
  // offset a store computes from it stays an integer every database takes (8e33 was a 500).
  const startIndex = Math.min(MAX_START_INDEX, Math.max(1, toInt("startIndex", raw.startIndex) ?? 1));
  const count = Math.min(maxResults, Math.max(0, toInt("count", raw.count) ?? DEFAULT_PAGE_SIZE)); // RFC: negative is 0
  const filterSource = raw.filter === undefined || raw.filter === null ? undefined : String(raw.filter);
  if (filterSource !== undefined && filterSource.trim() === "") throw badRequest("invalidFilter", "The filter is empty");
  const sortOrder = raw.sortOrder === undefined ? "ascending" : String(raw.sortOrder).toLowerCase();
  if (sortOrder !== "ascending" && sortOrder !== "descending") throw badRequest("invalidValue", "'sortOrder' must be 'ascending' or 'descending'");
  let sortBy: AttrPath | undefined;
  if (raw.sortBy !== undefined && String(raw.sortBy).trim() !== "") {
    const p = parsePatchPath(String(raw.sortBy));
    if (p.filter) throw badRequest("invalidValue", "'sortBy' must be an attribute path");
    sortBy = p.path;
  }
  const attrs = (v: unknown) => toList(v).flatMap((s) => splitAttributes(s));
  return {
    filter: filterSource === undefined ? undefined : parseFilter(filterSource),
    startIndex,
    count,
    sortBy,
    descending: sortOrder === "descending",
    attributes: attrs(raw.attributes),
    excludedAttributes: attrs(raw.excludedAttributes),
  };
};

export const listResponse = (resources: unknown[], total: number, startIndex: number) => ({
  schemas: [SCHEMA_URNS.LIST_RESPONSE],
  totalResults: total,
  itemsPerPage: resources.length,
  startIndex,
  Resources: resources,
});
