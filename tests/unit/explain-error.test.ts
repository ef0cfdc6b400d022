import { describe, expect, it } from "vitest";
import { explainError, scimTypeOf } from "@/lib/server/events/explain-error";

const ENTRA = "Azure Active Directory SCIM Provisioning";
const OKTA = "Okta SCIM Client 1.0.0";

const errorBody = (status: number, scimType: string | undefined, detail: string) =>
  JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status), ...(scimType ? { scimType } : {}), detail }, null, 2);

describe("explainError", () => {
  it("has nothing to say about requests that succeeded", () => {
    for (const status of [200, 201, 204, 304]) expect(explainError({ status })).toBeNull();
  });

  it("401: generate a new token and test the connection", () => {
    const a = explainError({ status: 401, error: "The token is not valid" })!;
    expect(a.title).toBe("Token rejected");
    expect(a.action).toMatch(/invalid or revoked/);
    expect(a.action).toMatch(/SCIM tokens page/);
    expect(a.action).toMatch(/Secret Token/);
    expect(a.action).toMatch(/Test Connection/);
  });

  it("409 uniqueness on a user: the userName exists; Entra ID admins check the matching attribute", () => {
    const a = explainError({ status: 409, scimType: "uniqueness", method: "POST", path: "/Users", error: "A user with userName 'ann@x' already exists", client: ENTRA })!;
    expect(a.title).toBe("User already exists");
    expect(a.action).toMatch(/A user with this userName already exists in Muster/);
    expect(a.action).toMatch(/Entra ID/);
    expect(a.action).toMatch(/matching attribute/);
    expect(a.action).toMatch(/userPrincipalName/);
  });

  it("409 for an Okta client talks about Okta, and for an unknown client about both", () => {
    expect(explainError({ status: 409, scimType: "uniqueness", path: "/Users", client: OKTA })!.action).toMatch(/In Okta/);
    const generic = explainError({ status: 409, scimType: "uniqueness", path: "/Users", client: "curl/8" })!.action;
    expect(generic).toMatch(/Entra ID/);
    expect(generic).toMatch(/Okta/);
  });

  it("409 on a group and 409 for an unresolved bulkId say so", () => {
    expect(explainError({ status: 409, scimType: "uniqueness", path: "/Groups" })!.title).toBe("Group already exists");
    expect(explainError({ status: 409, path: "/Bulk", error: "Operations[1]: unresolved bulkId reference u1" })!.title).toBe("Unresolved bulk reference");
  });

  it("400 invalidFilter lists the attributes Muster can filter on", () => {
    const a = explainError({ status: 400, scimType: "invalidFilter", path: "/Users?filter=phoneNumbers.value%20eq%20%221%22" })!;
    expect(a.title).toBe("Filter not supported");
    expect(a.action).toMatch(/userName or externalId/);
    for (const attr of ["userName", "externalId", "emails.value", "displayName", "name.givenName", "name.familyName", "active", "meta.lastModified", "members.value"]) {
      expect(a.details).toContain(attr);
    }
  });

  it.each([
    ["invalidValue", "Invalid value", /attribute/],
    ["invalidSyntax", "Malformed request", /valid SCIM JSON/],
    ["mutability", "Read-only attribute", /cannot be changed/],
    ["noTarget", "Nothing to change", /does not exist/],
    ["invalidPath", "Unknown attribute path", /attribute path/],
    ["tooMany", "Too many results", /Narrow the filter/],
    ["invalidVers", "Invalid version", /If-Match/],
  ])("400 %s", (scimType, title, action) => {
    const a = explainError({ status: 400, scimType, error: "Operations[0]: something" })!;
    expect(a.title).toBe(title);
    expect(a.action).toMatch(action);
  });

  it("400 without a scimType still says what to do", () => {
    const a = explainError({ status: 400, error: "Something odd" })!;
    expect(a.title).toBe("Invalid request");
    expect(a.action.length).toBeGreaterThan(20);
  });

  it("404 on a resource: deleted here or another workspace's; Entra ID restarts provisioning", () => {
    const a = explainError({ status: 404, method: "PATCH", path: "/Users/abc", error: "User abc not found", client: ENTRA })!;
    expect(a.title).toBe("Unknown user");
    expect(a.action).toMatch(/does not have — it was deleted here or belongs to another workspace/);
    expect(a.action).toMatch(/restart provisioning/i);
    expect(a.action).toMatch(/clear/i);
    expect(explainError({ status: 404, path: "/Groups/g1", error: "Group g1 not found" })!.title).toBe("Unknown group");
    expect(explainError({ status: 404, path: "/Users/abc", client: OKTA })!.action).toMatch(/In Okta/);
  });

  it("404 for an address Muster does not serve points at the Tenant URL", () => {
    const a = explainError({ status: 404, path: "/Userz", error: "No SCIM endpoint at /Userz" })!;
    expect(a.title).toBe("Wrong address");
    expect(a.action).toMatch(/Tenant URL/);
  });

  it("412: the ETag no longer matches; the IdP reads again and retries", () => {
    const a = explainError({ status: 412, error: 'The resource u1 has changed (its version is W/"4"); read it again and retry' })!;
    expect(a.action).toMatch(/ETag/);
    expect(a.action).toMatch(/retries/);
  });

  it("413: reduce the batch size", () => {
    expect(explainError({ status: 413 })!.action).toMatch(/Reduce the batch size/);
  });

  it("429: rate limited, the IdP retries after Retry-After", () => {
    const a = explainError({ status: 429 })!;
    expect(a.title).toBe("Rate limited");
    expect(a.action).toMatch(/Retry-After/);
  });

  it("5xx: Muster's bug, nothing applied", () => {
    for (const status of [500, 502, 503]) {
      const a = explainError({ status, error: "Internal server error" })!;
      expect(a.title).toBe("Muster failed");
      expect(a.action).toMatch(/this is our bug; the request was not applied/);
    }
  });

  it("other statuses get advice too", () => {
    for (const status of [403, 405, 415, 418]) expect(explainError({ status })?.action).toBeTruthy();
    expect(explainError({ status: 403, scimType: "sensitive" })!.title).toBe("Sensitive data refused");
  });
});

describe("scimTypeOf", () => {
  it("reads the scimType of a logged error response", () => {
    expect(scimTypeOf(errorBody(409, "uniqueness", "exists"))).toBe("uniqueness");
    expect(scimTypeOf(errorBody(404, undefined, "not found"))).toBeNull();
    expect(scimTypeOf(null)).toBeNull();
  });

  it("copes with a body cut short by the log's size limit", () => {
    expect(scimTypeOf('{\n  "status": "400",\n  "scimType": "invalidValue",\n  "detail": "…')).toBe("invalidValue");
  });
});
