import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { normalizeResource } from "@/lib/scim/resource";
import { SCHEMA_URNS } from "@/lib/scim/schemas";

const ENT = SCHEMA_URNS.ENTERPRISE_USER;

const scimError = (fn: () => unknown): ScimError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScimError) return err;
    throw err;
  }
  throw new Error("expected a ScimError");
};

const user = (body: Record<string, unknown>) => normalizeResource("User", { schemas: [SCHEMA_URNS.USER], userName: "bjensen", ...body }, "create");

describe("POST /Users — Microsoft reference suite", () => {
  it("canonicalizes `Primary` in emails", () => {
    const { resource } = normalizeResource(
      "User",
      {
        userName: "UserName123",
        active: true,
        displayName: "BobIsAmazing",
        schemas: [SCHEMA_URNS.USER],
        externalId: "8d9b",
        name: { formatted: "Ryan Leenay", familyName: "Leenay", givenName: "Ryan" },
        emails: [
          { Primary: true, type: "work", value: "testing@bob.com" },
          { Primary: false, type: "home", value: "testinghome@bob.com" },
        ],
      },
      "create",
    );
    expect(resource.emails).toEqual([
      { primary: true, type: "work", value: "testing@bob.com" },
      { primary: false, type: "home", value: "testinghome@bob.com" },
    ]);
    expect(resource).toMatchObject({ userName: "UserName123", active: true, externalId: "8d9b", name: { givenName: "Ryan" } });
  });

  it("canonicalizes `Department` and `Manager.Value` inside the enterprise extension", () => {
    const { resource } = normalizeResource(
      "User",
      {
        userName: "UserName222",
        schemas: [ENT, SCHEMA_URNS.USER],
        [ENT]: { Department: "bob", Manager: { Value: "SuzzyQ" } },
      },
      "create",
    );
    expect(resource[ENT]).toEqual({ department: "bob", manager: { value: "SuzzyQ" } });
    expect(resource.schemas).toEqual([ENT, SCHEMA_URNS.USER]);
  });

  it('turns the string "True" for active into the boolean true', () => {
    expect(user({ active: "True" }).resource.active).toBe(true);
    expect(user({ active: "false" }).resource.active).toBe(false);
    expect(user({ active: "FALSE" }).resource.active).toBe(false);
  });

  it("rejects any other string for a boolean with invalidValue naming the attribute", () => {
    const err = scimError(() => user({ active: "yes" }));
    expect(err).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(err.message).toContain("active");
  });

  it("keeps a misspelled attribute (`adreses`) exactly as sent", () => {
    const adreses = [{ type: "work", locality: "x" }, {}];
    expect(user({ adreses }).resource.adreses).toEqual(adreses);
  });

  it("a missing userName is 400 invalidValue", () => {
    const err = scimError(() => normalizeResource("User", { schemas: [SCHEMA_URNS.USER], userame: "OMalley", active: false }, "replace"));
    expect(err).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(err.message).toContain("userName");
  });

  it("null values (the garbage addresses) are unassigned, not errors", () => {
    const { resource } = user({
      addresses: [{ country: null, formatted: "18522 Lisa Unions", locality: null, type: "other", primary: false }],
      name: { honorificPrefix: null, givenName: "Darl" },
    });
    expect(resource.addresses).toEqual([{ formatted: "18522 Lisa Unions", type: "other", primary: false }]);
    expect(resource.name).toEqual({ givenName: "Darl" });
  });

  it('accepts an email value that is not an address ("emailName357")', () => {
    expect(user({ emails: [{ value: "emailName357", type: "work" }] }).resource.emails).toEqual([{ value: "emailName357", type: "work" }]);
  });
});

describe("POST /Users — Okta", () => {
  it("returns the password separately and never in the resource", () => {
    const out = normalizeResource(
      "User",
      {
        schemas: [SCHEMA_URNS.USER],
        userName: "isabelle.kowalski@example.com",
        name: { givenName: "Isabelle", familyName: "Kowalski" },
        emails: [{ primary: true, value: "isabelle.kowalski@example.com", type: "work" }],
        displayName: "Isabelle Kowalski",
        password: "t1meMa$heen",
        groups: [],
        active: true,
      },
      "create",
    );
    expect(out.password).toBe("t1meMa$heen");
    expect(out.resource).not.toHaveProperty("password");
    expect(out.resource).not.toHaveProperty("groups");
  });

  it("PUT echoing id, meta and groups from the last GET ignores them (RFC 7644 §3.5.1)", () => {
    const { resource } = normalizeResource(
      "User",
      {
        schemas: [SCHEMA_URNS.USER],
        id: "23a35c27-23d3-4c03-b4c5-6443c09e7173",
        userName: "test.user@okta.local",
        active: false,
        groups: [{ value: "g1", display: "Everyone" }],
        meta: { resourceType: "User", created: "2019-09-18T18:15:26Z", lastModified: "2019-09-18T18:15:26Z" },
      },
      "replace",
    );
    expect(resource).toEqual({ schemas: [SCHEMA_URNS.USER], userName: "test.user@okta.local", active: false });
  });
});

describe("POST /Users — Entra", () => {
  it("folds URN-qualified and dotted top-level keys into place", () => {
    const { resource } = user({
      [`${ENT}:department`]: "Sales",
      [`${ENT}:manager`]: "boss-id",
      "name.givenName": "Barbara",
      name: { familyName: "Jensen" },
    });
    expect(resource[ENT]).toEqual({ department: "Sales", manager: { value: "boss-id" } });
    expect(resource.name).toEqual({ givenName: "Barbara", familyName: "Jensen" });
    expect(resource.schemas).toContain(ENT);
  });

  it("stores the admin-mapped enterprise `location` like any enterprise attribute", () => {
    expect(user({ [`${ENT}:location`]: "Berlin" }).resource[ENT]).toEqual({ location: "Berlin" });
  });

  it("takes a bare manager id as { value } and drops the readOnly manager.displayName", () => {
    expect(user({ [ENT]: { manager: "m1" } }).resource[ENT]).toEqual({ manager: { value: "m1" } });
    expect(user({ [ENT]: { manager: { value: "m1", displayName: "Boss" } } }).resource[ENT]).toEqual({ manager: { value: "m1" } });
    expect(user({ [ENT]: { manager: [{ value: "m1" }] } }).resource[ENT]).toEqual({ manager: { value: "m1" } });
  });

  it("keeps an app's own extension (unknown URN) as sent", () => {
    const custom = "urn:ietf:params:scim:schemas:extension:custom:2.0:User";
    const { resource } = user({ [custom]: { employeeNumber: "99887766", worksiteId: "180" } });
    expect(resource[custom]).toEqual({ employeeNumber: "99887766", worksiteId: "180" });
  });
});

describe("normalizeResource — types and shapes", () => {
  it("wraps a single object where an array belongs", () => {
    expect(user({ emails: { value: "a@x", type: "work" } }).resource.emails).toEqual([{ value: "a@x", type: "work" }]);
  });

  it.each([
    ["userName", 42],
    ["userName", { value: "x" }],
    ["displayName", 7],
    ["emails", "a@x"],
    ["emails", [{ value: 5 }]],
    ["name", "Barbara Jensen"],
    ["active", 1],
  ])("rejects %s = %j with invalidValue naming it", (attr, value) => {
    const err = scimError(() => user({ [attr]: value }));
    expect(err).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(err.message).toContain(attr);
  });

  it("keeps at most one primary per attribute: the first", () => {
    const { resource } = user({
      emails: [
        { value: "a@x", primary: true },
        { value: "b@x", primary: "True" },
        { value: "c@x", primary: true },
      ],
    });
    expect(resource.emails).toEqual([
      { value: "a@x", primary: true },
      { value: "b@x", primary: false },
      { value: "c@x", primary: false },
    ]);
  });

  it("fills in a missing schemas and adds the enterprise URN when the extension is present", () => {
    const { resource } = normalizeResource("User", { userName: "u", [ENT]: { department: "d" } }, "create");
    expect(resource.schemas).toEqual([SCHEMA_URNS.USER, ENT]);
  });

  it("keeps schemas the IdP added and spells known URNs canonically", () => {
    const adscim = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    const { resource } = normalizeResource(
      "Group",
      { schemas: [SCHEMA_URNS.GROUP.toLowerCase(), adscim], displayName: "displayName", meta: { resourceType: "Group" } },
      "create",
    );
    expect(resource).toEqual({ schemas: [SCHEMA_URNS.GROUP, adscim], displayName: "displayName" });
  });

  it("an empty extension object is dropped", () => {
    expect(user({ [ENT]: {} }).resource).not.toHaveProperty(ENT);
  });

  it("rejects a body that is not an object with invalidSyntax", () => {
    expect(scimError(() => normalizeResource("User", [], "create"))).toMatchObject({ status: 400, scimType: "invalidSyntax" });
    expect(scimError(() => normalizeResource("User", "x", "create"))).toMatchObject({ status: 400, scimType: "invalidSyntax" });
  });

  it("rejects a non-string password", () => {
    expect(scimError(() => user({ password: 1234 }))).toMatchObject({ status: 400, scimType: "invalidValue" });
  });
});

describe("POST /Groups", () => {
  it("Entra creates with empty members", () => {
    const { resource } = normalizeResource("Group", { schemas: [SCHEMA_URNS.GROUP], displayName: "G", externalId: "e1", members: [] }, "create");
    expect(resource).toEqual({ schemas: [SCHEMA_URNS.GROUP], displayName: "G", externalId: "e1", members: [] });
  });

  it("Microsoft suite: bare string members and member `displayName` become { value, display }", () => {
    const { resource } = normalizeResource(
      "Group",
      { displayName: "G", members: ["id1", { value: "id2", displayName: "VP" }, { value: "id3", display: "SenorVP" }] },
      "replace",
    );
    expect(resource.members).toEqual([{ value: "id1" }, { value: "id2", display: "VP" }, { value: "id3", display: "SenorVP" }]);
  });

  it("a member without an id is invalidValue", () => {
    const err = scimError(() => normalizeResource("Group", { displayName: "G", members: [{ display: "nobody" }] }, "create"));
    expect(err).toMatchObject({ status: 400, scimType: "invalidValue" });
  });

  it("a missing or empty displayName is invalidValue", () => {
    expect(scimError(() => normalizeResource("Group", { members: [] }, "create"))).toMatchObject({ scimType: "invalidValue" });
    expect(scimError(() => normalizeResource("Group", { displayName: " " }, "create"))).toMatchObject({ scimType: "invalidValue" });
  });
});
