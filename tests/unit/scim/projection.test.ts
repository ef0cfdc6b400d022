import { describe, expect, it } from "vitest";
import { parseAttributeList, project } from "@/lib/scim/projection";
import { SCHEMA_URNS } from "@/lib/scim/schemas";

const ENT = SCHEMA_URNS.ENTERPRISE_USER;
const USER = {
  schemas: [SCHEMA_URNS.USER, ENT],
  id: "u1",
  externalId: "e1",
  userName: "bjensen",
  name: { givenName: "Barbara", familyName: "Jensen" },
  active: true,
  password: "must-never-leak",
  emails: [
    { value: "b@x", type: "work", primary: true },
    { value: "h@x", type: "home" },
  ],
  adreses: [{ locality: "x" }],
  [ENT]: { department: "Sales", employeeNumber: "42", manager: { value: "m1" } },
  meta: { resourceType: "User", created: "2024-01-01T00:00:00Z", lastModified: "2024-01-01T00:00:00Z", location: "https://x/Users/u1" },
};
const GROUP = {
  schemas: [SCHEMA_URNS.GROUP],
  id: "g1",
  displayName: "Admins",
  members: [{ value: "u1", display: "bjensen" }],
  meta: { resourceType: "Group" },
};

describe("parseAttributeList", () => {
  it("splits on commas and trims", () => {
    expect(parseAttributeList(" userName, name.givenName ,,emails ")).toEqual(["userName", "name.givenName", "emails"]);
  });

  it("null or blank is an empty list", () => {
    expect(parseAttributeList(null)).toEqual([]);
    expect(parseAttributeList("  ")).toEqual([]);
  });

  it("does not split inside a filter", () => {
    expect(parseAttributeList('emails[type eq "a,b"],userName')).toEqual(['emails[type eq "a,b"]', "userName"]);
  });
});

describe("project — no parameters", () => {
  it("returns every declared attribute but the never-returned password; `adreses` (stored before it was dropped on write) is not declared", () => {
    const { password: _pw, adreses: _adreses, ...rest } = USER;
    expect(project("User", USER)).toEqual(rest);
  });

  it("returns no undeclared sub-attribute and no object of an unknown URN", () => {
    const legacy = { ...USER, name: { givenName: "Barbara", nick: "Babs" }, emails: [{ value: "b@x", label: "desk" }], "urn:x:custom:1.0:User": { a: 1 }, [ENT]: { department: "Sales", worksiteId: "180" } };
    const out = project("User", legacy);
    expect(out.name).toEqual({ givenName: "Barbara" });
    expect(out.emails).toEqual([{ value: "b@x" }]);
    expect(out[ENT]).toEqual({ department: "Sales" });
    expect(out).not.toHaveProperty("urn:x:custom:1.0:User");
  });
});

describe("project — attributes", () => {
  it("is a whitelist; id and schemas are always there", () => {
    expect(project("User", USER, { attributes: ["userName"] })).toEqual({ schemas: USER.schemas, id: "u1", userName: "bjensen" });
  });

  it("is case-insensitive and takes sub-attribute paths", () => {
    expect(project("User", USER, { attributes: ["NAME.GIVENNAME", "emails.value"] })).toEqual({
      schemas: USER.schemas,
      id: "u1",
      name: { givenName: "Barbara" },
      emails: [{ value: "b@x" }, { value: "h@x" }],
    });
  });

  it("takes URN-qualified enterprise attributes and the whole extension", () => {
    expect(project("User", USER, { attributes: [`${ENT}:department`] })).toEqual({ schemas: USER.schemas, id: "u1", [ENT]: { department: "Sales" } });
    expect(project("User", USER, { attributes: [ENT] })).toEqual({ schemas: USER.schemas, id: "u1", [ENT]: USER[ENT] });
    expect(project("User", USER, { attributes: [`${ENT}:manager.value`] })).toEqual({ schemas: USER.schemas, id: "u1", [ENT]: { manager: { value: "m1" } } });
  });

  it("never returns password even when asked", () => {
    expect(project("User", USER, { attributes: ["password"] })).toEqual({ schemas: USER.schemas, id: "u1" });
  });

  it("ignores unknown names, and treats a filter in attributes= as its attribute (Microsoft suite)", () => {
    expect(project("User", USER, { attributes: ["nosuch", 'emails[type eq "work"]'] })).toEqual({ schemas: USER.schemas, id: "u1", emails: USER.emails });
  });

  it("never returns an undeclared attribute an old document holds, even when asked for by name", () => {
    expect(project("User", USER, { attributes: ["ADRESES"] })).toEqual({ schemas: USER.schemas, id: "u1" });
  });
});

describe("project — excludedAttributes", () => {
  it("Entra reads groups with excludedAttributes=members", () => {
    expect(project("Group", GROUP, { excludedAttributes: ["members"] })).toEqual({
      schemas: GROUP.schemas,
      id: "g1",
      displayName: "Admins",
      meta: GROUP.meta,
    });
  });

  it("cannot exclude id or schemas", () => {
    expect(project("Group", GROUP, { excludedAttributes: ["id", "schemas", "displayName", "members", "meta"] })).toEqual({ schemas: GROUP.schemas, id: "g1" });
  });

  it("removes a sub-attribute, an enterprise attribute, or a whole extension", () => {
    const out = project("User", USER, { excludedAttributes: ["name.familyName", `${ENT}:department`, "emails.type"] });
    expect(out.name).toEqual({ givenName: "Barbara" });
    expect(out[ENT]).toEqual({ employeeNumber: "42", manager: { value: "m1" } });
    expect(out.emails).toEqual([{ value: "b@x", primary: true }, { value: "h@x" }]);
    expect(project("User", USER, { excludedAttributes: [ENT] })).not.toHaveProperty(ENT);
  });

  it("ignores unknown names", () => {
    const { password: _pw, adreses: _adreses, ...rest } = USER;
    expect(project("User", USER, { excludedAttributes: ["nosuch", "urn:x:y:z"] })).toEqual(rest);
  });
});

describe("project — input", () => {
  it("does not change the resource it is given", () => {
    const before = structuredClone(USER);
    project("User", USER, { attributes: ["emails.value"], excludedAttributes: ["name"] });
    expect(USER).toEqual(before);
  });
});
