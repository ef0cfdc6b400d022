// What Microsoft Entra ID sends (IDP-DIALECTS.md; Entra docs "Known issues … SCIM 2.0 protocol
// compliance" and "Tutorial: develop and plan provisioning for a SCIM endpoint").
import { describe, expect, it } from "vitest";
import { applyPatch } from "@/lib/scim/patch";
import { SCHEMA_URNS } from "@/lib/scim/schemas";

const ENT = SCHEMA_URNS.ENTERPRISE_USER;
const patch = (...Operations: unknown[]) => ({ schemas: [SCHEMA_URNS.PATCH_OP], Operations });

const USER = {
  schemas: [SCHEMA_URNS.USER, ENT],
  id: "6764549bef60420686bc",
  externalId: "6c75de36",
  userName: "Test_User@testuser.com",
  active: true,
  displayName: "Test User",
  name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
  emails: [{ value: "Test_User@testuser.com", type: "work", primary: true }],
  [ENT]: { department: "Sales", manager: { value: "m-old", displayName: "Old Boss" } },
};
const GROUP = { schemas: [SCHEMA_URNS.GROUP], id: "a99962b9f99d4c4fac67", displayName: "displayName" };

describe("PATCH /Users/{id} — Entra without aadOptscim062020", () => {
  it('Replace active "False" disables the user with a real boolean', () => {
    const out = applyPatch("User", USER, patch({ op: "Replace", path: "active", value: "False" }));
    expect(out.resource.active).toBe(false);
  });

  it('Replace active "True" enables it', () => {
    expect(applyPatch("User", { ...USER, active: false }, patch({ op: "Replace", path: "active", value: "True" })).resource.active).toBe(true);
  });

  it('Replace active "maybe" is invalidValue', () => {
    expect(() => applyPatch("User", USER, patch({ op: "Replace", path: "active", value: "maybe" }))).toThrow(/Operations\[0\].*active/);
  });

  it("Add of a single-valued string (nickName)", () => {
    expect(applyPatch("User", USER, patch({ op: "Add", path: "nickName", value: "Babs" })).resource.nickName).toBe("Babs");
  });

  it("one Replace per attribute, including a filtered email and a URN-qualified path", () => {
    const out = applyPatch(
      "User",
      USER,
      patch(
        { op: "Replace", path: "displayName", value: "Pvlo" },
        { op: "Replace", path: 'emails[type eq "work"].value', value: "TestBcwqnm@test.microsoft.com" },
        { op: "Replace", path: "name.givenName", value: "Gtfd" },
        { op: "Replace", path: "name.familyName", value: "Pkqf" },
        { op: "Replace", path: "externalId", value: "Eqpj" },
        { op: "Replace", path: `${ENT}:employeeNumber`, value: "Eqpj" },
      ),
    );
    expect(out.resource).toMatchObject({
      displayName: "Pvlo",
      emails: [{ value: "TestBcwqnm@test.microsoft.com", type: "work", primary: true }],
      name: { givenName: "Gtfd", familyName: "Pkqf" },
      externalId: "Eqpj",
      [ENT]: { department: "Sales", employeeNumber: "Eqpj" },
    });
  });

  it("Add emails[type eq \"work\"].value replaces the existing work email's value", () => {
    const out = applyPatch("User", USER, patch({ op: "Add", path: 'emails[type eq "work"].value', value: "new@joe.com" }));
    expect(out.resource.emails).toEqual([{ value: "new@joe.com", type: "work", primary: true }]);
  });

  it("Add name.givenName / Replace name.familyName", () => {
    const out = applyPatch("User", USER, patch({ op: "Add", path: "name.givenName", value: "Bar" }, { op: "Replace", path: "name.familyName", value: "Foo2" }));
    expect(out.resource.name).toEqual({ formatted: "givenName familyName", familyName: "Foo2", givenName: "Bar" });
  });

  it("roles with primary as a string", () => {
    const out = applyPatch("User", USER, patch({ op: "Add", path: "roles", value: [{ primary: "False", type: "WindowsAzureActiveDirectoryRole", value: "Admin" }] }));
    expect(out.resource.roles).toEqual([{ primary: false, type: "WindowsAzureActiveDirectoryRole", value: "Admin" }]);
  });
});

describe("PATCH /Users/{id} — Entra with aadOptscim062020", () => {
  it("replace active false (real boolean)", () => {
    expect(applyPatch("User", USER, patch({ op: "replace", path: "active", value: false })).resource.active).toBe(false);
  });

  it("path-less replace with dotted and URN-qualified keys", () => {
    const out = applyPatch(
      "User",
      USER,
      patch(
        { op: "replace", path: 'emails[type eq "work"].value', value: "TestMhvaes@test.microsoft.com" },
        {
          op: "replace",
          value: { displayName: "Bjfe", "name.givenName": "Kkom", "name.familyName": "Unua", [`${ENT}:employeeNumber`]: "Aklq", [`${ENT}:department`]: "R&D" },
        },
      ),
    );
    expect(out.resource).toMatchObject({
      displayName: "Bjfe",
      name: { givenName: "Kkom", familyName: "Unua", formatted: "givenName familyName" },
      emails: [{ value: "TestMhvaes@test.microsoft.com", type: "work", primary: true }],
      [ENT]: { employeeNumber: "Aklq", department: "R&D" },
    });
  });

  it("path-less replace with a URN-qualified manager", () => {
    const out = applyPatch("User", USER, patch({ op: "replace", value: { [`${ENT}:manager`]: "m-new" } }));
    expect((out.resource[ENT] as Record<string, unknown>).manager).toEqual({ value: "m-new" });
  });
});

describe("PATCH /Users/{id} — Entra filtered paths create the element they target", () => {
  const bare = { schemas: [SCHEMA_URNS.USER], id: "u1", userName: "u" };

  it('emails[type eq "work"].value on a user without emails', () => {
    const out = applyPatch("User", bare, patch({ op: "Add", path: 'emails[type eq "work"].value', value: "w@x.com" }));
    expect(out.resource.emails).toEqual([{ type: "work", value: "w@x.com" }]);
  });

  it('addresses[type eq "work"].locality next to an existing home address', () => {
    const user = { ...bare, addresses: [{ type: "home", locality: "Springfield" }] };
    const out = applyPatch("User", user, patch({ op: "Replace", path: 'addresses[type eq "work"].locality', value: "Seattle" }));
    expect(out.resource.addresses).toEqual([
      { type: "home", locality: "Springfield" },
      { type: "work", locality: "Seattle" },
    ]);
  });

  it('phoneNumbers[type eq "mobile"].value, then the same again changes nothing', () => {
    const once = applyPatch("User", bare, patch({ op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" }));
    expect(once.resource.phoneNumbers).toEqual([{ type: "mobile", value: "+1 555 0100" }]);
    const twice = applyPatch("User", once.resource, patch({ op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" }));
    expect(twice.resource.phoneNumbers).toEqual(once.resource.phoneNumbers);
  });

  it("the filter's type is matched case-insensitively (type is not caseExact)", () => {
    const user = { ...bare, emails: [{ type: "Work", value: "old@x" }] };
    const out = applyPatch("User", user, patch({ op: "Replace", path: 'emails[type eq "work"].value', value: "new@x" }));
    expect(out.resource.emails).toEqual([{ type: "Work", value: "new@x" }]);
  });

  it("setting primary on the new element clears it on the others", () => {
    const user = { ...bare, emails: [{ type: "home", value: "h@x", primary: true }] };
    const out = applyPatch("User", user, patch({ op: "Add", path: 'emails[type eq "work"].primary', value: "True" }));
    expect(out.resource.emails).toEqual([
      { type: "home", value: "h@x", primary: false },
      { type: "work", primary: true },
    ]);
  });
});

describe("PATCH /Users/{id} — Entra manager shapes", () => {
  const managerOf = (r: Record<string, unknown>) => (r[ENT] as Record<string, unknown> | undefined)?.manager;

  it("Add with a bare id string; the old manager's displayName does not survive", () => {
    const out = applyPatch("User", USER, patch({ op: "Add", path: `${ENT}:manager`, value: "m-new" }));
    expect(managerOf(out.resource)).toEqual({ value: "m-new" });
  });

  it('Replace with [{"value": …}]', () => {
    expect(managerOf(applyPatch("User", USER, patch({ op: "Replace", path: `${ENT}:manager`, value: [{ value: "m2" }] })).resource)).toEqual({ value: "m2" });
  });

  it('Replace with {"value": …}', () => {
    expect(managerOf(applyPatch("User", USER, patch({ op: "Replace", path: `${ENT}:manager`, value: { value: "m3" } })).resource)).toEqual({ value: "m3" });
  });

  it("manager.value as a path", () => {
    expect(managerOf(applyPatch("User", USER, patch({ op: "replace", path: `${ENT}:manager.value`, value: "m4" })).resource)).toEqual({
      value: "m4",
      displayName: "Old Boss",
    });
  });

  it.each([
    ["an empty string", { op: "Add", path: `${ENT}:manager`, value: "" }],
    ["an empty value object", { op: "Replace", path: `${ENT}:manager`, value: { value: "" } }],
    ["an empty value in an array", { op: "Replace", path: `${ENT}:manager`, value: [{ value: "" }] }],
    ["null", { op: "Replace", path: `${ENT}:manager`, value: null }],
    ["Remove without a value", { op: "Remove", path: `${ENT}:manager` }],
    ["Remove with the old value", { op: "Remove", path: `${ENT}:manager`, value: [{ value: "m-old" }] }],
    ["an empty manager.value", { op: "Replace", path: `${ENT}:manager.value`, value: "" }],
  ])("removal with %s", (_how, op) => {
    const out = applyPatch("User", USER, patch(op));
    expect(managerOf(out.resource)).toBeUndefined();
    expect((out.resource[ENT] as Record<string, unknown>).department).toBe("Sales");
  });

  it("removing the last enterprise attribute drops the extension and its schema URN", () => {
    const user = { ...USER, [ENT]: { manager: { value: "m" } } };
    const out = applyPatch("User", user, patch({ op: "Remove", path: `${ENT}:manager` }));
    expect(out.resource).not.toHaveProperty(ENT);
    expect(out.resource.schemas).toEqual([SCHEMA_URNS.USER]);
  });

  it("the first enterprise attribute adds the extension URN to schemas", () => {
    const user = { schemas: [SCHEMA_URNS.USER], id: "u", userName: "u" };
    const out = applyPatch("User", user, patch({ op: "Add", path: `${ENT}:department`, value: "Ops" }));
    expect(out.resource).toMatchObject({ schemas: [SCHEMA_URNS.USER, ENT], [ENT]: { department: "Ops" } });
  });
});

describe("PATCH /Users/{id} — Entra custom attributes", () => {
  it("an admin-mapped enterprise `location` is stored", () => {
    const out = applyPatch("User", USER, patch({ op: "Add", path: `${ENT}:location`, value: "Building 4" }));
    expect(out.resource[ENT]).toMatchObject({ location: "Building 4" });
  });

  it("an attribute of an app's own extension URN is a reported no-op rather than a failure", () => {
    const key = "urn:ietf:params:scim:schemas:extension:greenhouse:2.0:User:department_ids";
    const out = applyPatch("User", USER, patch({ op: "Add", path: key, value: [{ value: "1" }] }, { op: "Replace", path: "title", value: "Lead" }));
    expect(out.resource).toEqual({ ...USER, title: "Lead" });
    expect(out.ignored).toEqual([key]);
  });

  it("an enterprise attribute the enterprise schema does not declare is dropped and reported", () => {
    const out = applyPatch("User", USER, patch({ op: "replace", value: { [`${ENT}:costCentre`]: "CC-1" } }));
    expect(out.resource[ENT]).toEqual(USER[ENT]);
    expect(out.ignored).toEqual([`${ENT}:costCentre`]);
  });

  it("with the flag: a path-less replace applies the declared keys and reports the rest", () => {
    const out = applyPatch(
      "User",
      USER,
      patch({
        op: "replace",
        value: { "name.givenName": "Barbara", [`${ENT}:department`]: "Tour Operations", [`${ENT}:worksiteId`]: "180", "name.nickname": "Babs", adreses: [] },
      }),
    );
    expect(out.resource.name).toEqual({ ...USER.name, givenName: "Barbara" });
    expect(out.resource[ENT]).toEqual({ ...USER[ENT], department: "Tour Operations" });
    expect(out.ignored).toEqual([`${ENT}:worksiteId`, "name.nickname", "adreses"]);
  });

  it("without the flag: one Add per attribute, an undeclared one among them", () => {
    const out = applyPatch(
      "User",
      USER,
      patch({ op: "Add", path: "title", value: "Lead" }, { op: "Add", path: `${ENT}:worksiteId`, value: "180" }, { op: "Replace", path: "active", value: "False" }),
    );
    expect(out.resource).toMatchObject({ title: "Lead", active: false });
    expect(out.resource[ENT]).toEqual(USER[ENT]);
    expect(out.ignored).toEqual([`${ENT}:worksiteId`]);
  });
});

describe("PATCH /Groups/{id} — Entra", () => {
  it('Add members with "$ref": null', () => {
    const out = applyPatch("Group", GROUP, patch({ op: "Add", path: "members", value: [{ $ref: null, value: "f648f8d5ea4e4cd38e9c" }] }));
    expect(out.memberOps).toEqual([{ op: "add", values: ["f648f8d5ea4e4cd38e9c"] }]);
    expect(out.resource).toEqual(GROUP);
  });

  it("without the flag: Remove members with a value list removes only those", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "Remove", path: "members", value: [{ $ref: null, value: "u1091" }] }));
    expect(out.memberOps).toEqual([{ op: "remove", values: ["u1091"] }]);
  });

  it("with the flag: remove members[value eq …]", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "remove", path: 'members[value eq "7f4bc1a3-285e-48ae-8202-5accb43efb0e"]' }));
    expect(out.memberOps).toMatchObject([{ op: "remove", values: ["7f4bc1a3-285e-48ae-8202-5accb43efb0e"] }]);
    expect(out.memberOps?.[0]?.filter).toBeDefined();
  });

  it("Replace displayName", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "Replace", path: "displayName", value: "updatedDisplayName" }));
    expect(out.resource.displayName).toBe("updatedDisplayName");
    expect(out).not.toHaveProperty("memberOps");
  });
});
