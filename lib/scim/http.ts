// What the protocol core exchanges with its adapter: a request shape in, a status, headers, body
// and log facts out. Its own module so that the handler and Bulk (which dispatches through the
// handler) both import it without importing each other.
import type { ScimError } from "./errors";
import type { SchemaRegistry } from "./schemas/registry";
import type { ResourceType } from "./schemas/urns";

export type ScimRequest = {
  method: string;
  /** The path below the SCIM base, e.g. "/Users/abc". */
  path: string;
  query: URLSearchParams;
  header: (name: string) => string | null;
  body: string | null;
};

/**
 * What the provisioning log needs to explain a request. `ignored`: attribute paths the request
 * sent that no schema at /Schemas declares; accepted, not stored (present only when some were).
 */
export type ScimLogInfo = { resourceType?: ResourceType; resourceId?: string; summary?: string; error?: string; ignored?: string[] };

export type ScimResponse = { status: number; headers: Record<string, string>; body?: unknown; log: ScimLogInfo };

export type ScimConfig = {
  baseUrl: string;
  maxResults: number;
  maxOperations: number;
  maxPayloadSize: number;
  /** Turns a failure that is not a ScimError into one (the adapter knows its database's errors). */
  mapError?: (err: unknown) => ScimError;
  /**
   * What /Schemas publishes and so what a resource may hold; the built-in core and enterprise
   * schemas when absent. Per workspace once workspaces can declare custom attributes.
   */
  schemas?: SchemaRegistry;
};

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";
