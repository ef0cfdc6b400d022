// The port between the protocol core and persistence. lib/server/scim/user-store.ts and
// group-store.ts implement it; tests may implement it in memory. A store method is one
// transaction: it fully applies or not at all.
import type { AttrPath, Filter } from "./filter/ast";
import type { PatchResult } from "./patch";
import type { JsonObject } from "./schemas/json";
import type { ResourceType } from "./schemas/urns";

/** A resource as stored: the document the IdP wrote (without id/meta) plus server-kept facts. */
export type StoredResource = {
  id: string;
  doc: JsonObject;
  created: Date;
  lastModified: Date;
  version: number;
};

export type ListQuery = {
  filter?: Filter;
  startIndex: number; // 1-based
  count: number;
  sortBy?: AttrPath;
  descending: boolean;
};

export type ReadOptions = { withMembers: boolean };

/** What a write changed, in words, for the provisioning log. */
export type WriteResult = { resource: StoredResource; summary: string };

/**
 * What the handler knows about a POST or PUT besides the document, for the store's own record of
 * the change (a log row or an event written in the same transaction).
 *   ignored — paths of attributes the request sent that no schema at /Schemas declares, e.g.
 *             ["adreses", "urn:…:enterprise:2.0:User:worksiteId"]. They are not in `doc` and
 *             must not be stored; the handler also reports them in ScimLogInfo.ignored.
 * A PATCH's ignored paths arrive in its PatchResult (`ignored`), from the callback the store runs.
 */
export type WriteInfo = { ignored: readonly string[] };

export type ResourceStore = {
  list: (query: ListQuery, opts: ReadOptions) => Promise<{ total: number; resources: StoredResource[] }>;
  get: (id: string, opts: ReadOptions) => Promise<StoredResource | null>;
  create: (doc: JsonObject, password: string | undefined, info?: WriteInfo) => Promise<WriteResult & { created: boolean }>;
  replace: (id: string, doc: JsonObject, password: string | undefined, ifMatch: number | undefined, info?: WriteInfo) => Promise<WriteResult>;
  /** Reads, applies `patch` to the current document and saves, in one transaction. */
  patch: (id: string, patch: (current: JsonObject) => PatchResult, ifMatch: number | undefined) => Promise<WriteResult>;
  remove: (id: string, ifMatch: number | undefined) => Promise<{ summary: string }>;
};

export type ScimStore = Record<ResourceType, ResourceStore>;
