import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { normalizeResource } from "@/lib/scim/resource";
import { DEFAULT_SCHEMAS, SCHEMA_URNS, resolveAttribute, schemaRegistry, type SchemaDef } from "@/lib/scim/schemas";

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

  it("drops a misspelled attribute (`adreses`), reports it, and still succeeds (the suite expects 200)", () => {
    const adreses = [{ type: "work", locality: "x" }, {}];
    const out = user({ adreses, title: "Tour Guide" });
    expect(out.resource).not.toHaveProperty("adreses");
    expect(out.resource.title).toBe("Tour Guide");
    expect(out.ignored).toEqual(["adreses"]);
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

  it("drops an app's own extension (a URN /Schemas does not list) as one ignored path", () => {
    const custom = "urn:ietf:params:scim:schemas:extension:custom:2.0:User";
    const { resource, ignored } = user({ schemas: [SCHEMA_URNS.USER, custom], [custom]: { employeeNumber: "99887766", worksiteId: "180" } });
    expect(resource).not.toHaveProperty(custom);
    expect(resource.schemas).toEqual([SCHEMA_URNS.USER]);
    expect(ignored).toEqual([custom]);
  });

  it("drops enterprise attributes the enterprise schema does not declare, keeping the declared ones", () => {
    const { resource, ignored } = user({ [ENT]: { department: "Sales", worksiteId: "180" }, [`${ENT}:costCentre`]: "CC-1" });
    expect(resource[ENT]).toEqual({ department: "Sales" });
    expect(ignored).toEqual([`${ENT}:worksiteId`, `${ENT}:costCentre`]);
  });

  it("an extension that only held undeclared attributes is not added", () => {
    const { resource, ignored } = user({ [ENT]: { worksiteId: "180" } });
    expect(resource).not.toHaveProperty(ENT);
    expect(resource.schemas).toEqual([SCHEMA_URNS.USER]);
    expect(ignored).toEqual([`${ENT}:worksiteId`]);
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

  it("tolerates a schema URN /Schemas does not list (Entra's ADSCIM Group) without claiming it (RFC 7643 §3), and spells known URNs canonically", () => {
    const adscim = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    const out = normalizeResource(
      "Group",
      { schemas: [SCHEMA_URNS.GROUP.toLowerCase(), adscim], displayName: "displayName", meta: { resourceType: "Group" } },
      "create",
    );
    expect(out).toEqual({ resource: { schemas: [SCHEMA_URNS.GROUP], displayName: "displayName" } });
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

describe("normalizeResource — only what /Schemas declares is kept", () => {
  it("drops undeclared sub-attributes of declared complex attributes and names each once", () => {
    const { resource, ignored } = user({
      "name.nickname": "Babs",
      name: { givenName: "Barbara", Middle: "J" },
      emails: [
        { value: "a@x", type: "work", label: "desk" },
        { value: "b@x", LABEL: "home" },
      ],
      [ENT]: { manager: { value: "m1", reportsSince: "2020" } },
      "userName.first": "x",
    });
    expect(resource.name).toEqual({ givenName: "Barbara" });
    expect(resource.emails).toEqual([{ value: "a@x", type: "work" }, { value: "b@x" }]);
    expect(resource[ENT]).toEqual({ manager: { value: "m1" } });
    expect(resource.userName).toBe("bjensen");
    expect(ignored).toEqual(["name.nickname", "name.Middle", "emails.label", `${ENT}:manager.reportsSince`, "userName.first"]);
  });

  it("reports neither readOnly attributes nor the password: they are declared (RFC 7644 §3.5.1)", () => {
    const out = user({ id: "x", meta: { resourceType: "User" }, groups: [{ value: "g" }], password: "pw", [ENT]: { manager: { value: "m", displayName: "Boss" } } });
    expect(out).not.toHaveProperty("ignored");
  });

  it("an attribute of the other resource type is undeclared here", () => {
    expect(user({ members: [{ value: "u2" }] }).ignored).toEqual(["members"]);
    expect(normalizeResource("Group", { displayName: "G", userName: "g" }, "create").ignored).toEqual(["userName"]);
  });

  it("a name qualified with the core URN is undeclared when the core schema lacks it", () => {
    const key = `${SCHEMA_URNS.USER}:favouriteColour`;
    expect(user({ [key]: "teal" })).toEqual({ resource: { schemas: [SCHEMA_URNS.USER], userName: "bjensen" }, ignored: [key] });
  });

  it("every key of a normalized resource is declared", () => {
    const { resource } = user({ adreses: [], nickName: "B", [ENT]: { department: "D", x: 1 }, "urn:x:y:1.0:User": { a: 1 }, extra: { deep: true } });
    for (const key of Object.keys(resource).filter((k) => k !== "schemas" && k !== ENT)) {
      expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { attr: key }), key).toBeDefined();
    }
    for (const key of Object.keys(resource[ENT] as object)) expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { uri: ENT, attr: key }), key).toBeDefined();
  });

  it("accepts what another registry declares: a workspace's own extension becomes storable", () => {
    const urn = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
    const acme: SchemaDef = {
      id: urn,
      name: "AcmeUser",
      description: "Acme custom attributes",
      attributes: [{ name: "worksiteId", type: "string", multiValued: false, description: "Site", required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none" }],
    };
    const body = { schemas: [SCHEMA_URNS.USER, urn], userName: "bjensen", [urn]: { WorksiteId: "180", badge: "7" } };
    const out = normalizeResource("User", body, "create", schemaRegistry({ User: [acme] }));
    expect(out.resource).toEqual({ schemas: [SCHEMA_URNS.USER, urn], userName: "bjensen", [urn]: { worksiteId: "180" } });
    expect(out.ignored).toEqual([`${urn}:badge`]);
    expect(normalizeResource("User", body, "create").ignored).toEqual([urn]);
  });
});
