// Roles from the IdP (lib/provisioning/roles.ts): which role the IdP's roles and the group rules
// give, and when a sync changes an employee's role.
import { describe, expect, it } from "vitest";
import { describeRoleChange, idpRoles, nextRole, resolveRole, type RolePolicy } from "@/lib/provisioning/roles";

const policy = (over: Partial<RolePolicy> = {}): RolePolicy => ({
  importRoles: true,
  roleSources: "scim,groups",
  roles: [
    { key: "MEMBER", name: "Member" },
    { key: "GUEST", name: "Guest" },
    { key: "sales-lead", name: "Sales Lead" },
    { key: "engineer", name: "Engineer" },
  ],
  roleRules: [
    { groupName: "Sales", role: "sales-lead" },
    { groupName: "Engineering", role: "engineer" },
  ],
  unknownRole: "",
  defaultRole: "MEMBER",
  ...over,
});

describe("idpRoles", () => {
  it("reads Entra's filtered PATCH shape (primary stored as the string \"True\")", () => {
    expect(idpRoles({ roles: [{ primary: "True", value: "Sales Lead" }] })).toEqual([{ value: "Sales Lead", entra: true }]);
  });

  it("reads Entra's whole app-role value and Okta's multi-valued roles, primary first", () => {
    expect(idpRoles({ roles: [{ value: "Viewer", type: "WindowsAzureActiveDirectoryRole", primary: false }, { value: "Admin", type: "WindowsAzureActiveDirectoryRole", primary: true }] }).map((r) => r.value)).toEqual(["Admin", "Viewer"]);
    expect(idpRoles({ roles: [{ value: "Engineer" }, { value: "Sales Lead" }] })).toEqual([
      { value: "Engineer", entra: false },
      { value: "Sales Lead", entra: false },
    ]);
  });

  it("tolerates plain strings, a single value, other casing and empty elements", () => {
    expect(idpRoles({ Roles: ["Engineer", " ", { primary: "True" }] })).toEqual([{ value: "Engineer", entra: false }]);
    expect(idpRoles({ roles: { value: "Guest" } })).toEqual([{ value: "Guest", entra: false }]);
    expect(idpRoles({})).toEqual([]);
  });
});

describe("resolveRole", () => {
  it("matches an IdP value to a role's name or key, ignoring case", () => {
    expect(resolveRole({ roles: [{ value: "sales LEAD", entra: true }], groups: [], policy: policy() })).toEqual({ key: "sales-lead", from: "idp", reason: "from Entra app role 'sales LEAD'" });
    expect(resolveRole({ roles: [{ value: "ENGINEER", entra: false }], groups: [], policy: policy() }).key).toBe("engineer");
  });

  it("asks group rules in order, first match wins, matching the group name ignoring case", () => {
    const r = resolveRole({ roles: [], groups: ["engineering", "SALES"], policy: policy() });
    expect(r).toEqual({ key: "sales-lead", from: "idp", reason: "from group 'Sales' rule" });
  });

  it("follows the workspace's source order", () => {
    const input = { roles: [{ value: "Engineer", entra: false }], groups: ["Sales"] };
    expect(resolveRole({ ...input, policy: policy() }).key).toBe("engineer");
    expect(resolveRole({ ...input, policy: policy({ roleSources: "groups,scim" }) }).key).toBe("sales-lead");
  });

  it("an unknown IdP role: the default role, or the role the workspace provisions to", () => {
    const input = { roles: [{ value: "Foo", entra: false }], groups: [] };
    expect(resolveRole({ ...input, policy: policy() })).toEqual({ key: "MEMBER", from: "default", reason: "IdP role 'Foo' unknown: default role" });
    expect(resolveRole({ ...input, policy: policy({ unknownRole: "GUEST" }) })).toEqual({ key: "GUEST", from: "idp", reason: "IdP role 'Foo' unknown: provisioned to Guest" });
    // A group rule that matches is a known role: it wins over an unknown IdP role.
    expect(resolveRole({ roles: input.roles, groups: ["Sales"], policy: policy({ unknownRole: "GUEST" }) }).key).toBe("sales-lead");
  });

  it("skips a rule whose role no longer exists, and gives the default role when nothing matches", () => {
    const p = policy({ roleRules: [{ groupName: "Sales", role: "gone" }, { groupName: "Sales", role: "engineer" }] });
    expect(resolveRole({ roles: [], groups: ["Sales"], policy: p }).key).toBe("engineer");
    expect(resolveRole({ roles: [], groups: ["Other"], policy: policy({ defaultRole: "GUEST" }) })).toEqual({ key: "GUEST", from: "default", reason: "default role" });
  });
});

describe("nextRole", () => {
  const named = { roles: [{ value: "Sales Lead", entra: true }], groups: [] };
  const nothing = { roles: [], groups: [] };

  it("import off: a new employee gets the default role and a sync never changes one", () => {
    expect(nextRole(null, { ...named, policy: policy({ importRoles: false, defaultRole: "GUEST" }) })).toEqual({ role: "GUEST", roleSource: "default", reason: "default role" });
    expect(nextRole({ role: "engineer", roleSource: "idp" }, { ...named, policy: policy({ importRoles: false }) })).toBeNull();
  });

  it("import on: the IdP's role replaces any role, an admin's too", () => {
    expect(nextRole({ role: "MEMBER", roleSource: "admin" }, { ...named, policy: policy() })).toMatchObject({ role: "sales-lead", roleSource: "idp" });
    expect(nextRole({ role: "sales-lead", roleSource: "idp" }, { ...named, policy: policy() })).toBeNull();
  });

  it("import on, the IdP names nothing: an admin's role stays, an IdP role falls back to the default", () => {
    expect(nextRole({ role: "engineer", roleSource: "admin" }, { ...nothing, policy: policy() })).toBeNull();
    expect(nextRole({ role: "engineer", roleSource: "idp" }, { ...nothing, policy: policy() })).toEqual({ role: "MEMBER", roleSource: "default", reason: "default role" });
  });

  it("describes a change for the log", () => {
    expect(describeRoleChange(policy().roles, "MEMBER", "sales-lead", "from Entra app role 'Sales Lead'")).toBe("role Member → Sales Lead (from Entra app role 'Sales Lead')");
  });
});
