// The provisioning plan (lib/server/provisioning/plan-user.ts) without a database: what each step
// of an identity's life means for the employee, its card, its access and the log.
import { describe, expect, it } from "vitest";
import { planCreate, planDelete, planUpdate, type EmployeeState } from "@/lib/server/provisioning/plan-user";
import type { CompiledTemplate, Policy } from "@/lib/server/provisioning/policy";
import { DEFAULT_SCHEMAS } from "@/lib/scim/schemas/registry";
import { parseAttributePath, type TDeclaredAttribute } from "@/lib/attributes/values";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const now = new Date("2026-11-30T10:00:00Z");

const policy = (over: Partial<Policy> = {}): Policy => ({
  workspaceId: "w1",
  version: 1,
  workspaceName: "Acme",
  workspaceSlug: "acme",
  applyLocation: true,
  applyDepartment: true,
  applyManager: true,
  sendActivationEmails: true,
  defaultRole: "MEMBER",
  seatLimit: null,
  required: [],
  templates: [],
  importRoles: false,
  roleSources: "scim,groups",
  roles: [
    { key: "MEMBER", name: "Member" },
    { key: "GUEST", name: "Guest" },
  ],
  roleRules: [],
  unknownRole: "",
  attributes: [],
  scimSchemas: DEFAULT_SCHEMAS,
  ...over,
});

const doc = (over: Record<string, unknown> = {}) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENT],
  userName: "ada@acme.test",
  name: { givenName: "Ada", familyName: "Lovelace" },
  displayName: "Ada Lovelace",
  title: "Engineer",
  emails: [
    { value: "Ada@Acme.test", type: "work", primary: true },
    { value: "ada@home.test", type: "home" },
  ],
  active: true,
  [ENT]: { department: "R&D" },
  ...over,
});

const state = (over: Partial<EmployeeState> = {}): EmployeeState => ({
  id: "e1",
  scimId: "e1",
  status: "SYNCED",
  active: true,
  userName: "ada@acme.test",
  userNameKey: "ada@acme.test",
  externalId: null,
  scimDoc: JSON.stringify(doc()),
  linkedAt: null,
  archivedAt: null,
  activatedAt: null,
  managerId: null,
  version: 3,
  sessionVersion: 0,
  cardPolicyVersion: 1,
  role: "MEMBER",
  roleSource: "default",
  displayName: "Ada Lovelace",
  displayNameKey: "ada lovelace",
  givenName: "Ada",
  givenNameKey: "ada",
  familyName: "Lovelace",
  familyNameKey: "lovelace",
  email: "Ada@Acme.test",
  emailKey: "ada@acme.test",
  emailsText: "\nada@acme.test\nada@home.test\n",
  title: "Engineer",
  phone: null,
  mobile: null,
  photoUrl: null,
  department: "R&D",
  organization: null,
  division: null,
  costCenter: null,
  employeeNumber: null,
  location: null,
  ...over,
});

describe("created: a new identity", () => {
  const plan = planCreate({ doc: doc(), policy: policy(), manager: { id: "m1", name: "Grace Hopper" }, scimId: "s1", now });

  it("derives the employee's columns and search keys, with the default role", () => {
    expect(plan.change).toBe("created");
    expect(plan.data).toMatchObject({ scimId: "s1", userName: "ada@acme.test", userNameKey: "ada@acme.test", status: "SYNCED", displayNameKey: "ada lovelace", emailKey: "ada@acme.test", department: "R&D", managerId: "m1", role: "MEMBER", archivedAt: null });
  });
  it("creates the card from the IdP and locked, the manager by name", () => {
    const byKey = Object.fromEntries(plan.card.create.map((r) => [r.key, r]));
    expect(byKey.title).toEqual({ key: "title", value: "Engineer", source: "idp", locked: true });
    expect(byKey.manager?.value).toBe("Grace Hopper");
    expect(plan.card.sync).toEqual([]);
  });
  it("indexes every email, lower-cased, with its type", () => expect(plan.emails).toEqual([{ value: "ada@acme.test", type: "work" }, { value: "ada@home.test", type: "home" }]));
  it("queues an activation email when the workspace sends them", () => {
    expect(plan.activation).toEqual({ email: "Ada@Acme.test", displayName: "Ada Lovelace", givenName: "Ada" });
    expect(planCreate({ doc: doc(), policy: policy({ sendActivationEmails: false }), manager: null, scimId: "s1", now }).activation).toBeNull();
    expect(planCreate({ doc: doc({ active: false }), policy: policy(), manager: null, scimId: "s1", now }).activation).toBeNull();
  });
  it("applies the first matching template, whose fields win and are inherited from it", () => {
    const templates: CompiledTemplate[] = [
      { id: "t-sales", rules: [[{ attribute: "department", op: "eq" as const, value: "Sales" }]], fields: { company: "Sales Co" } },
      { id: "t-rd", rules: [[{ attribute: "department", op: "eq" as const, value: "r&d" }]], fields: { company: "Lab Inc", title: "Researcher" } },
    ];
    const p = planCreate({ doc: doc(), policy: policy({ templates }), manager: null, scimId: "s1", now });
    expect(p.data.templateId).toBe("t-rd");
    expect(p.card.create.find((r) => r.key === "title")).toEqual({ key: "title", value: "Researcher", source: "template", locked: true });
  });
  it("keeps department off the employee and the card when the workspace does not apply it", () => {
    const p = planCreate({ doc: doc(), policy: policy({ applyDepartment: false }), manager: null, scimId: "s1", now });
    expect(p.data).not.toHaveProperty("department");
    expect(p.card.create.map((r) => r.key)).not.toContain("department");
  });
  it("a new identity that is not active is archived at once", () => expect(planCreate({ doc: doc({ active: false }), policy: policy(), manager: null, scimId: "s1", now }).data).toMatchObject({ status: "ARCHIVED", archivedAt: now }));
});

describe("updated: a PUT or PATCH", () => {
  it("moves only the IdP's card fields that changed", () => {
    const p = planUpdate({ current: state(), doc: doc({ title: "Lead Engineer" }), policy: policy(), manager: undefined, hasCard: true, mode: "update", now });
    expect(p.change).toBe("updated");
    expect(p.card).toEqual({ create: [], sync: [{ key: "title", value: "Lead Engineer" }] });
    expect(p.data).toMatchObject({ title: "Lead Engineer", version: 4 });
    // Only what changes is written (each indexed column costs its index a rewrite).
    expect(Object.keys(p.data).sort()).toEqual(["scimDoc", "title", "updatedAt", "version"]);
    expect(p.emails).toBeNull();
    expect(p.summary).toBe("Updated user ada@acme.test: job title 'Engineer' → 'Lead Engineer'");
  });
  it("follows a removal of an attribute the IdP sent before", () => {
    const { title: _t, ...without } = doc();
    const p = planUpdate({ current: state(), doc: without, policy: policy(), manager: undefined, hasCard: true, mode: "update", now });
    expect(p.data.title).toBeNull();
    expect(p.card.sync).toEqual([{ key: "title", value: null }]);
  });
  it("re-indexes the emails when they change", () => {
    const p = planUpdate({ current: state(), doc: doc({ emails: [{ value: "ada@acme.test", type: "work", primary: true }] }), policy: policy(), manager: undefined, hasCard: true, mode: "update", now });
    expect(p.emails).toEqual([{ value: "ada@acme.test", type: "work" }]);
  });
  it("a new manager changes the column and the card", () => {
    const p = planUpdate({ current: state(), doc: doc({ [ENT]: { department: "R&D", manager: { value: "m2" } } }), policy: policy(), manager: { id: "m2", name: "Grace" }, hasCard: true, mode: "update", now });
    expect(p.data.managerId).toBe("m2");
    expect(p.card.sync).toEqual([{ key: "manager", value: "Grace" }]);
  });
});

describe("deactivated and reactivated: active=false and back", () => {
  const deactivated = planUpdate({ current: state(), doc: doc({ active: false }), policy: policy(), manager: undefined, hasCard: true, mode: "update", now });

  it("archives the employee, ends its sessions and links, and says so", () => {
    expect(deactivated.change).toBe("deactivated");
    expect(deactivated.data).toMatchObject({ status: "ARCHIVED", active: false, archivedAt: now, sessionVersion: 1 });
    expect(deactivated.revokeAccess).toBe(true);
    expect(deactivated.data).not.toHaveProperty("scimId");
    expect(deactivated.summary).toBe("Updated user ada@acme.test: active true → false — deactivated, employee archived");
  });
  it("brings a re-activated employee back, linked status kept", () => {
    const p = planUpdate({ current: state({ active: false, status: "ARCHIVED", archivedAt: now, linkedAt: now }), doc: doc(), policy: policy(), manager: undefined, hasCard: true, mode: "update", now });
    expect(p.change).toBe("reactivated");
    expect(p.data).toMatchObject({ status: "LINKED", archivedAt: null });
    expect(p.revokeAccess).toBe(false);
  });
});

describe("linked: an employee added by hand becomes the identity", () => {
  const manual = state({ scimId: null, status: "MANUAL", scimDoc: null, userName: null, userNameKey: null, title: "Chief Scientist", department: "Lab", emailsText: "\nada@acme.test\n" });

  it("keeps the admin's values for what the IdP does not send", () => {
    const { title: _t, [ENT]: _e, ...sparse } = doc();
    const p = planUpdate({ current: manual, doc: sparse, policy: policy(), manager: null, hasCard: false, mode: "link", scimId: "s9", now });
    expect(p.change).toBe("linked");
    expect(p.data).toMatchObject({ status: "LINKED", linkedAt: now, scimId: "s9", userName: "ada@acme.test" });
    expect(p.data).not.toHaveProperty("title");
    expect(p.data).not.toHaveProperty("department");
    expect(p.card.create.find((r) => r.key === "title")).toEqual({ key: "title", value: "Chief Scientist", source: "idp", locked: true });
    expect(p.card.create.find((r) => r.key === "displayName")?.value).toBe("Ada Lovelace");
    expect(p.activation).not.toBeNull();
  });
});

describe("restored and deleted", () => {
  it("a restore of a deleted identity gets its new SCIM id and comes back active", () => {
    const p = planUpdate({ current: state({ scimId: null, active: false, status: "ARCHIVED", archivedAt: now }), doc: doc(), policy: policy(), manager: null, hasCard: true, mode: "restore", scimId: "s2", now });
    expect(p.change).toBe("restored");
    expect(p.data).toMatchObject({ scimId: "s2", scimDeletedAt: null, status: "SYNCED", archivedAt: null });
  });
  it("a delete archives, frees the userName and the SCIM id, and ends access", () => {
    const p = planDelete(state(), now);
    expect(p.change).toBe("deleted");
    expect(p.data).toMatchObject({ scimId: null, userNameKey: null, scimDeletedAt: now, status: "ARCHIVED", active: false, sessionVersion: 1 });
    expect(p.revokeAccess).toBe(true);
  });
});

describe("roles from the IdP in the plan", () => {
  const importing = (over: Partial<Policy> = {}) =>
    policy({ importRoles: true, roles: [...policy().roles, { key: "SALES_LEAD", name: "Sales Lead" }], roleRules: [{ groupName: "Sales", role: "SALES_LEAD" }], ...over });

  it("a create takes the IdP's role and says so in the log; without import, the default role and no words", () => {
    const p = planCreate({ doc: doc({ roles: [{ value: "Sales Lead", primary: "True" }] }), policy: importing(), manager: null, scimId: "e9", now });
    expect(p.data).toMatchObject({ role: "SALES_LEAD", roleSource: "idp" });
    expect(p.summary).toContain("role Sales Lead (from Entra app role 'Sales Lead')");
    const off = planCreate({ doc: doc({ roles: [{ value: "Sales Lead" }] }), policy: policy({ defaultRole: "GUEST" }), manager: null, scimId: "e9", now });
    expect(off.data).toMatchObject({ role: "GUEST", roleSource: "default" });
    expect(off.summary).not.toContain("role");
  });

  it("an update applies a group rule over an admin's role, and leaves the role alone when nothing changes", () => {
    const current = state({ role: "GUEST", roleSource: "admin" });
    const p = planUpdate({ current, doc: doc(), policy: importing(), manager: undefined, hasCard: true, mode: "update", groups: ["sales"], now });
    expect(p.data).toMatchObject({ role: "SALES_LEAD", roleSource: "idp" });
    expect(p.summary).toContain("role Guest → Sales Lead (from group 'Sales' rule)");
    const same = planUpdate({ current, doc: doc(), policy: importing(), manager: undefined, hasCard: true, mode: "update", groups: [], now });
    expect(same.data).not.toHaveProperty("role");
    expect(same.summary).not.toContain("role");
  });
});

describe("custom attributes in the plan (issue 10)", () => {
  const ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
  const attributes: TDeclaredAttribute[] = [
    { id: "a-badge", key: "badgeId", label: "Badge ID", type: "string", scimPath: `${ACME}:badgeId`, path: parseAttributePath(`${ACME}:badgeId`)!, onCard: true },
    { id: "a-buddy", key: "buddy", label: "Buddy", type: "reference", scimPath: `${ACME}:buddy`, path: parseAttributePath(`${ACME}:buddy`)!, onCard: true },
    { id: "a-level", key: "level", label: "Level", type: "number", scimPath: `${ACME}:level`, path: parseAttributePath(`${ACME}:level`)!, onCard: false },
  ];
  const p = policy({ attributes });
  const custom = (values: Record<string, string>, names: Record<string, string> = {}) => ({
    values: new Map(Object.entries(values).map(([id, v]) => [id, { value: v, valueKey: v.toLowerCase() }])),
    names: new Map(Object.entries(names)),
  });

  it("a create writes every value, puts the declared ones on the card (a reference as its name) and names them in the log", () => {
    const d = doc({ [ACME]: { badgeId: "B-1", buddy: "u2", level: 3 } });
    const plan = planCreate({ doc: d, policy: p, manager: null, scimId: "e9", now, custom: custom({ "a-badge": "B-1", "a-buddy": "u2", "a-level": "3" }, { u2: "Bea" }) });
    expect(plan.attributes).toEqual({
      set: [
        { attributeId: "a-badge", value: "B-1", valueKey: "b-1" },
        { attributeId: "a-buddy", value: "u2", valueKey: "u2" },
        { attributeId: "a-level", value: "3", valueKey: "3" },
      ],
      remove: [],
    });
    expect(plan.card.create).toEqual(expect.arrayContaining([{ key: "attr.badgeId", value: "B-1", source: "idp", locked: true }, { key: "attr.buddy", value: "Bea", source: "idp", locked: true }]));
    expect(plan.card.create.find((f) => f.key === "attr.level")).toBeUndefined();
    expect(plan.summary).toContain("Badge ID 'B-1'; Buddy 'u2'; Level '3'");
  });

  it("an update writes only what changed, removes what the IdP took away, and syncs the linked card field", () => {
    const current = state({ scimDoc: JSON.stringify(doc({ [ACME]: { badgeId: "B-1", level: 3 } })) });
    const plan = planUpdate({ current, doc: doc({ [ACME]: { badgeId: "B-2" } }), policy: p, manager: undefined, hasCard: true, mode: "update", now, custom: custom({ "a-badge": "B-2" }) });
    expect(plan.attributes).toEqual({ set: [{ attributeId: "a-badge", value: "B-2", valueKey: "b-2" }], remove: ["a-level"] });
    expect(plan.card.sync).toEqual([{ key: "attr.badgeId", value: "B-2" }]);
    expect(plan.summary).toContain("Badge ID 'B-1' → 'B-2'; Level '3' → (none)");
    const same = planUpdate({ current, doc: doc({ [ACME]: { badgeId: "B-1", level: 3 } }), policy: p, manager: undefined, hasCard: true, mode: "update", now, custom: custom({ "a-badge": "B-1", "a-level": "3" }) });
    expect(same.attributes).toEqual({ set: [], remove: [] });
    expect(same.card.sync).toEqual([]);
  });

  it("after a policy change every value is written again (a declaration added later finds values the IdP sent before)", () => {
    const current = state({ cardPolicyVersion: 0, scimDoc: JSON.stringify(doc({ [ACME]: { badgeId: "B-1" } })) });
    const plan = planUpdate({ current, doc: doc({ [ACME]: { badgeId: "B-1" } }), policy: p, manager: undefined, hasCard: true, mode: "update", now, custom: custom({ "a-badge": "B-1" }) });
    expect(plan.attributes.set).toEqual([{ attributeId: "a-badge", value: "B-1", valueKey: "b-1" }]);
  });
});
