// A tiny SCIM client for integration tests, and request factories that build the bodies real
// identity providers send (../shared/reference/IDP-DIALECTS.md). Random userNames, externalIds and
// group names keep tests independent of each other, so they can run in any order.
import crypto from "node:crypto";

export const URN = {
  USER: "urn:ietf:params:scim:schemas:core:2.0:User",
  ENTERPRISE: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  GROUP: "urn:ietf:params:scim:schemas:core:2.0:Group",
  ADSCIM_GROUP: "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group",
  LIST: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  PATCH: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  ERROR: "urn:ietf:params:scim:api:messages:2.0:Error",
  SEARCH: "urn:ietf:params:scim:api:messages:2.0:SearchRequest",
  BULK_REQUEST: "urn:ietf:params:scim:api:messages:2.0:BulkRequest",
  BULK_RESPONSE: "urn:ietf:params:scim:api:messages:2.0:BulkResponse",
  SERVICE_PROVIDER_CONFIG: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  RESOURCE_TYPE: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  SCHEMA: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

export const SCIM_JSON = "application/scim+json";
export const SCIM_PATH = "/api/scim/v2";

// Response bodies are whatever the server sent; tests reach into them freely and assert shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export type ScimResponse = { status: number; headers: Headers; body: Json; text: string };

/** `null` removes a default header (e.g. `{ Authorization: null }`). */
export type RawOptions = { body?: string; headers?: Record<string, string | null> };
type SendOptions = { contentType?: string; headers?: Record<string, string | null> };

export type ScimClient = {
  tenantUrl: string;
  get: (path: string, opts?: SendOptions) => Promise<ScimResponse>;
  post: (path: string, body: unknown, opts?: SendOptions) => Promise<ScimResponse>;
  put: (path: string, body: unknown, opts?: SendOptions) => Promise<ScimResponse>;
  patch: (path: string, body: unknown, opts?: SendOptions) => Promise<ScimResponse>;
  del: (path: string, opts?: SendOptions) => Promise<ScimResponse>;
  raw: (method: string, path: string, opts?: RawOptions) => Promise<ScimResponse>;
};

/**
 * `baseUrl` is the app's origin (`app.baseUrl`); paths are relative to the tenant URL
 * (`/Users?filter=…`). `token: null` sends no Authorization header at all.
 */
export const scim = (baseUrl: string, token: string | null): ScimClient => {
  const tenantUrl = `${baseUrl.replace(/\/+$/, "")}${SCIM_PATH}`;
  const raw = async (method: string, path: string, { body, headers = {} }: RawOptions = {}): Promise<ScimResponse> => {
    const merged: Record<string, string | null> = {
      Accept: SCIM_JSON,
      ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "Content-Type": SCIM_JSON } : {}),
      ...headers,
    };
    const sent = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
    const res = await fetch(`${tenantUrl}${path}`, { method, headers: sent, body });
    const text = await res.text();
    let parsed: Json = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  const send = (method: string) => (path: string, body: unknown, { contentType = SCIM_JSON, headers = {} }: SendOptions = {}) =>
    raw(method, path, { body: JSON.stringify(body), headers: { "Content-Type": contentType, ...headers } });
  return {
    tenantUrl,
    get: (path, { headers } = {}) => raw("GET", path, { headers }),
    post: send("POST"),
    put: send("PUT"),
    patch: send("PATCH"),
    del: (path, { headers } = {}) => raw("DELETE", path, { headers }),
    raw,
  };
};

/**
 * A query string the way IdPs encode it: Okta sends `%20` for spaces, Entra `+`
 * (form encoding). Values are used as given (`filter: 'userName eq "x"'`).
 */
export const withQuery = (path: string, params: Record<string, string | number>, spaces: "%20" | "+" = "%20") => {
  const qs = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  return `${path}?${spaces === "+" ? qs.replace(/%20/g, "+") : qs}`;
};

export const uid = () => crypto.randomUUID();
export const randomUserName = (prefix = "u") => `${prefix}-${uid()}@example.test`;

type Body = Record<string, unknown>;

/** POST /Users as Entra ID sends it (Entra docs, "Create User"), with a random userName. */
export const entraUser = (overrides: Body = {}): Body => {
  const userName = (overrides.userName as string | undefined) ?? randomUserName("entra");
  return {
    schemas: [URN.USER, URN.ENTERPRISE],
    externalId: uid(),
    userName,
    active: true,
    emails: [{ primary: true, type: "work", value: userName }],
    meta: { resourceType: "User" },
    name: { formatted: "Given Family", familyName: "Family", givenName: "Given" },
    roles: [],
    ...overrides,
  };
};

/** POST /Users as Okta sends it (Okta SCIM 2.0 reference, "Create the user"): with a password and groups. */
export const oktaUser = (overrides: Body = {}): Body => {
  const userName = (overrides.userName as string | undefined) ?? randomUserName("okta");
  return {
    schemas: [URN.USER],
    userName,
    name: { givenName: "Test", familyName: "User" },
    emails: [{ primary: true, value: userName, type: "work" }],
    displayName: "Test User",
    locale: "en-US",
    externalId: `00u${crypto.randomBytes(8).toString("hex")}`,
    groups: [],
    password: `pw-${crypto.randomBytes(6).toString("hex")}`,
    active: true,
    ...overrides,
  };
};

/** POST /Groups as Entra ID sends it: the ADSCIM schema next to the core one, no members yet. */
export const entraGroup = (overrides: Body = {}): Body => ({
  schemas: [URN.GROUP, URN.ADSCIM_GROUP],
  externalId: uid(),
  displayName: `Entra group ${uid()}`,
  members: [],
  meta: { resourceType: "Group" },
  ...overrides,
});

/** POST /Groups as Okta's group push sends it. */
export const oktaGroup = (overrides: Body = {}): Body => ({
  schemas: [URN.GROUP],
  displayName: `Okta group ${uid()}`,
  members: [],
  ...overrides,
});

export const patchOps = (...Operations: unknown[]) => ({ schemas: [URN.PATCH], Operations });

/** The member ids of a group resource, sorted, for order-independent comparison. */
export const memberIds = (group: Json): string[] => ((group?.members ?? []) as Array<{ value: string }>).map((m) => m.value).sort();
