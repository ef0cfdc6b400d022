// Roles from the IdP, through SCIM as Entra ID and Okta send them and through Settings: the IdP's
// roles attribute, group→role rules (first match wins), unknown roles, the import toggle, and a
// role change as a provisioning event (log summary, employee timeline).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { entraGroup, entraUser, oktaGroup, oktaUser, patchOps, scim, type Json, type ScimClient } from "../support/scim-client";
import { signIn, type SessionFetch } from "../support/session";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const JSON_CT = "application/json";

type Rules = { groupName: string; role: string }[];
type Ws = { slug: string; workspaceId: string; client: ScimClient; as: SessionFetch };

describe.each(engines())("roles from the IdP on %s", (engine) => {
  let app: RunningApp;

  // A workspace with a signed-in owner, a SCIM token and two custom roles besides Member and Guest.
  const workspace = async (label: string): Promise<Ws> => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", email, "--password", PASSWORD);
    const t = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", label);
    const now = new Date().toISOString();
    for (const [i, [key, name]] of [
      ["SALES_LEAD", "Sales Lead"],
      ["ENGINEER", "Engineer"],
    ].entries()) {
      await sql(
        app,
        `INSERT INTO "Role" ("id", "workspaceId", "key", "name", "nameKey", "description", "capabilities", "builtIn", "position", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, '', '[]', FALSE, $6, $7, $8)`,
        [`r${tag}${i}`, ws.workspaceId, key, name, name!.toLowerCase(), i + 2, now, now],
      );
    }
    await sql(app, `UPDATE "Workspace" SET "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [ws.workspaceId]);
    return { ...ws, client: scim(app.baseUrl, t.token), as: await signIn(app.baseUrl, email, PASSWORD) };
  };

  const put = (as: SessionFetch, path: string, body: unknown) => as(path, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  const importRoles = async (ws: Ws, over: { importRoles?: boolean; roleSources?: string; unknownRole?: string; rules?: Rules } = {}) => {
    const res = await put(ws.as, `/api/w/${ws.slug}/role-import`, { importRoles: true, roleSources: "scim,groups", unknownRole: "", rules: [], ...over });
    expect(res.status, await res.clone().text()).toBe(200);
  };

  const roleOf = async (ws: Ws, scimId: string) => {
    const res = await ws.as(`/api/w/${ws.slug}/employees/${scimId}`);
    expect(res.status).toBe(200);
    const e = (await res.json()) as { role: string; roleSource: string };
    return `${e.role}/${e.roleSource}`;
  };

  const lastSummary = async (ws: Ws, resourceId: string) =>
    String((await sql(app, `SELECT "summary" FROM "ProvisioningEvent" WHERE "workspaceId" = $1 AND "resourceId" = $2 ORDER BY "at" DESC LIMIT 1`, [ws.workspaceId, resourceId]))[0]?.summary);

  const create = async (c: ScimClient, body: Json, contentType?: string) => {
    const res = await c.post("/Users", body, contentType ? { contentType } : undefined);
    expect(res.status, res.text).toBe(201);
    return res.body as Json;
  };

  beforeAll(async () => {
    // The app counts each request's statements (X-Muster-Statements), as in statement-budget.test.ts.
    app = await startApp(engine, { env: { MUSTER_COUNT_STATEMENTS: "1" } });
  });
  afterAll(async () => app?.stop());

  describe("Entra ID app roles", () => {
    let ws: Ws;
    beforeAll(async () => {
      ws = await workspace("entra");
      await importRoles(ws);
    });

    it("POST /Users with an app role (AppRoleAssignmentsComplex) gives the employee that role", async () => {
      const user = await create(ws.client, entraUser({ roles: [{ primary: false, type: "WindowsAzureActiveDirectoryRole", display: "Engineer", value: "Engineer" }] }));
      expect(await roleOf(ws, user.id)).toBe("ENGINEER/idp");
      expect(await lastSummary(ws, user.id)).toContain("role Engineer (from Entra app role 'Engineer')");
    });

    it('PATCH roles[primary eq "True"].value changes the role, in the log summary and the employee timeline', async () => {
      const user = await create(ws.client, entraUser());
      expect(await roleOf(ws, user.id)).toBe("MEMBER/default");
      const res = await ws.client.patch(`/Users/${user.id}`, patchOps({ op: "Add", path: 'roles[primary eq "True"].value', value: "sales lead" }));
      expect(res.status, res.text).toBe(200);
      expect(await roleOf(ws, user.id)).toBe("SALES_LEAD/idp");
      const change = "role Member → Sales Lead (from Entra app role 'sales lead')";
      expect(await lastSummary(ws, user.id)).toContain(change);

      const timeline = (await (await ws.as(`/api/w/${ws.slug}/employees/${user.id}/events`)).json()) as { events: { summary: string | null }[] };
      expect(timeline.events[0]?.summary).toContain(change);
      const page = await (await ws.as(`/w/${ws.slug}/employees/${user.id}?tab=timeline`)).text();
      expect(page).toContain("Sales Lead");
      expect(page).toContain("Member → Sales Lead (from Entra app role");

      // The IdP takes the role away: an IdP-given role falls back to the default role.
      const removed = await ws.client.patch(`/Users/${user.id}`, patchOps({ op: "Remove", path: 'roles[primary eq "True"].value' }));
      expect(removed.status, removed.text).toBe(200);
      expect(await roleOf(ws, user.id)).toBe("MEMBER/default");
      expect(await lastSummary(ws, user.id)).toContain("role Sales Lead → Member (default role)");
    });

    it("an IdP role replaces a role an admin set; with no role named, the admin's role stays", async () => {
      const named = await create(ws.client, entraUser());
      const unnamed = await create(ws.client, entraUser());
      await sql(app, `UPDATE "Employee" SET "role" = 'GUEST', "roleSource" = 'admin' WHERE "workspaceId" = $1 AND "scimId" IN ($2, $3)`, [ws.workspaceId, named.id, unnamed.id]);
      await ws.client.patch(`/Users/${named.id}`, patchOps({ op: "Add", path: 'roles[primary eq "True"].value', value: "Engineer" }));
      await ws.client.patch(`/Users/${unnamed.id}`, patchOps({ op: "Replace", path: "displayName", value: "Renamed" }));
      expect(await roleOf(ws, named.id)).toBe("ENGINEER/idp");
      expect(await roleOf(ws, unnamed.id)).toBe("GUEST/admin");
    });
  });

  describe("Okta roles", () => {
    let ws: Ws;
    beforeAll(async () => {
      ws = await workspace("okta");
      await importRoles(ws);
    });

    it("POST /Users with a multi-valued roles attribute, also as plain strings", async () => {
      const a = await create(ws.client, oktaUser({ roles: [{ value: "Engineer" }] }), JSON_CT);
      expect(await roleOf(ws, a.id)).toBe("ENGINEER/idp");
      expect(await lastSummary(ws, a.id)).toContain("role Engineer (from IdP role 'Engineer')");
      const b = await create(ws.client, oktaUser({ roles: ["Sales Lead"] }), JSON_CT);
      expect(await roleOf(ws, b.id)).toBe("SALES_LEAD/idp");
      expect((await ws.client.get(`/Users/${b.id}`)).body.roles).toEqual([{ value: "Sales Lead" }]);
    });

    it("PUT /Users with other roles changes the role", async () => {
      const user = await create(ws.client, oktaUser({ roles: [{ value: "Engineer" }] }), JSON_CT);
      const current = (await ws.client.get(`/Users/${user.id}`)).body;
      const res = await ws.client.put(`/Users/${user.id}`, { ...current, groups: [], roles: [{ value: "SALES_LEAD" }] }, { contentType: JSON_CT });
      expect(res.status, res.text).toBe(200);
      expect(await roleOf(ws, user.id)).toBe("SALES_LEAD/idp");
      expect(await lastSummary(ws, user.id)).toContain("role Engineer → Sales Lead (from IdP role 'SALES_LEAD')");
    });
  });

  describe("a role Muster does not have", () => {
    it("gives the default role, or the role the workspace provisions to", async () => {
      const ws = await workspace("unknown");
      await importRoles(ws);
      const a = await create(ws.client, oktaUser({ roles: [{ value: "Wizard" }] }), JSON_CT);
      expect(await roleOf(ws, a.id)).toBe("MEMBER/default");
      expect(await lastSummary(ws, a.id)).toContain("IdP role 'Wizard' unknown: default role");

      await importRoles(ws, { unknownRole: "GUEST" });
      const b = await create(ws.client, oktaUser({ roles: [{ value: "Wizard" }] }), JSON_CT);
      expect(await roleOf(ws, b.id)).toBe("GUEST/idp");
      expect(await lastSummary(ws, b.id)).toContain("role Guest (IdP role 'Wizard' unknown: provisioned to Guest)");
    });

    it("refuses settings that name a role the workspace does not have", async () => {
      const ws = await workspace("refuse");
      const bad = await put(ws.as, `/api/w/${ws.slug}/role-import`, { importRoles: true, roleSources: "scim,groups", unknownRole: "NOPE", rules: [] });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { field: string }).field).toBe("unknownRole");
      const rule = await put(ws.as, `/api/w/${ws.slug}/role-import`, { importRoles: true, roleSources: "scim,groups", unknownRole: "", rules: [{ groupName: "Sales", role: "NOPE" }] });
      expect(rule.status).toBe(400);
      expect(((await rule.json()) as { error: string }).error).toContain("Rule 1");
      const order = await put(ws.as, `/api/w/${ws.slug}/role-import`, { importRoles: true, roleSources: "sideways", unknownRole: "", rules: [] });
      expect(order.status).toBe(400);
      expect(((await (await ws.as(`/api/w/${ws.slug}/role-import`)).json()) as { settings: { importRoles: boolean } }).settings.importRoles).toBe(false);
    });
  });

  describe("import switched off", () => {
    it("new employees get the default role and syncs never change a role", async () => {
      const ws = await workspace("off");
      await sql(app, `UPDATE "Workspace" SET "defaultRole" = 'GUEST', "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [ws.workspaceId]);
      await importRoles(ws, { importRoles: false, rules: [{ groupName: "Sales", role: "SALES_LEAD" }] });
      const user = await create(ws.client, oktaUser({ roles: [{ value: "Engineer" }] }), JSON_CT);
      expect(await roleOf(ws, user.id)).toBe("GUEST/default");
      expect(await lastSummary(ws, user.id)).not.toContain("role");

      await sql(app, `UPDATE "Employee" SET "role" = 'ENGINEER', "roleSource" = 'admin' WHERE "workspaceId" = $1 AND "scimId" = $2`, [ws.workspaceId, user.id]);
      const current = (await ws.client.get(`/Users/${user.id}`)).body;
      await ws.client.put(`/Users/${user.id}`, { ...current, roles: [{ value: "Sales Lead" }] }, { contentType: JSON_CT });
      const group = await ws.client.post("/Groups", oktaGroup({ displayName: "Sales", members: [{ value: user.id }] }), { contentType: JSON_CT });
      expect(group.status).toBe(201);
      expect(await roleOf(ws, user.id)).toBe("ENGINEER/admin");
    });
  });

  describe("group rules", () => {
    let ws: Ws;
    beforeAll(async () => {
      ws = await workspace("groups");
      await importRoles(ws, {
        rules: [
          { groupName: "sales", role: "SALES_LEAD" },
          { groupName: "Engineering", role: "ENGINEER" },
        ],
      });
    });

    it("POST /Groups with members gives them the rule's role, named in the group's log summary", async () => {
      const a = await create(ws.client, entraUser());
      const b = await create(ws.client, entraUser());
      const res = await ws.client.post("/Groups", entraGroup({ displayName: "Engineering", members: [{ value: a.id }, { value: b.id }] }));
      expect(res.status, res.text).toBe(201);
      expect(await roleOf(ws, a.id)).toBe("ENGINEER/idp");
      expect(await roleOf(ws, b.id)).toBe("ENGINEER/idp");
      const summary = await lastSummary(ws, res.body.id);
      expect(summary).toContain(`${a.userName}: role Member → Engineer (from group 'Engineering' rule)`);
      expect(summary).toContain(`${b.userName}: role Member → Engineer`);
    });

    it("PATCH add/remove members: first matching rule wins, removal falls back to the next rule, then the default", async () => {
      const user = await create(ws.client, entraUser());
      const eng = (await ws.client.post("/Groups", entraGroup({ displayName: "ENGINEERING", members: [] }))).body;
      const sales = (await ws.client.post("/Groups", oktaGroup({ displayName: "Sales", members: [] }), { contentType: JSON_CT })).body;

      const addEng = await ws.client.patch(`/Groups/${eng.id}`, patchOps({ op: "Add", path: "members", value: [{ value: user.id }] }));
      expect(addEng.status, addEng.text).toBe(204);
      expect(await roleOf(ws, user.id)).toBe("ENGINEER/idp");

      // In both groups: the Sales rule comes first.
      await ws.client.patch(`/Groups/${sales.id}`, patchOps({ op: "add", path: "members", value: [{ value: user.id }] }), { contentType: JSON_CT });
      expect(await roleOf(ws, user.id)).toBe("SALES_LEAD/idp");
      expect(await lastSummary(ws, sales.id)).toContain(`${user.userName}: role Engineer → Sales Lead (from group 'sales' rule)`);

      // Out of Sales: the next rule (Engineering) applies again.
      await ws.client.patch(`/Groups/${sales.id}`, patchOps({ op: "remove", path: `members[value eq "${user.id}"]` }), { contentType: JSON_CT });
      expect(await roleOf(ws, user.id)).toBe("ENGINEER/idp");

      // Out of every group: the default role.
      await ws.client.patch(`/Groups/${eng.id}`, patchOps({ op: "Remove", path: "members", value: [{ value: user.id }] }));
      expect(await roleOf(ws, user.id)).toBe("MEMBER/default");
      expect(await lastSummary(ws, eng.id)).toContain(`${user.userName}: role Engineer → Member (default role)`);
    });

    it("the IdP's roles attribute comes first in the default order; a deleted group's members fall back", async () => {
      const user = await create(ws.client, oktaUser({ roles: [{ value: "Guest" }] }), JSON_CT);
      const sales = (await ws.client.post("/Groups", oktaGroup({ displayName: "Sales", members: [{ value: user.id }] }), { contentType: JSON_CT })).body;
      expect(await roleOf(ws, user.id)).toBe("GUEST/idp");

      const other = await create(ws.client, entraUser());
      await ws.client.patch(`/Groups/${sales.id}`, patchOps({ op: "add", path: "members", value: [{ value: other.id }] }), { contentType: JSON_CT });
      expect(await roleOf(ws, other.id)).toBe("SALES_LEAD/idp");
      expect((await ws.client.del(`/Groups/${sales.id}`)).status).toBe(204);
      expect(await roleOf(ws, other.id)).toBe("MEMBER/default");
    });

    it("a PATCH adding 600 members sets every role with a bounded number of statements", async () => {
      const ids: string[] = [];
      const bulk = { schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], Operations: [] as Json[] };
      for (let i = 0; i < 600; i++) bulk.Operations.push({ method: "POST", path: "/Users", bulkId: `u${i}`, data: entraUser() });
      const made = await ws.client.post("/Bulk", bulk);
      expect(made.status, made.text.slice(0, 300)).toBe(200);
      for (const op of made.body.Operations as { location: string }[]) ids.push(op.location.split("/").pop()!);
      const group = (await ws.client.post("/Groups", entraGroup({ displayName: "Sales", members: [] }))).body;
      const res = await ws.client.patch(`/Groups/${group.id}`, patchOps({ op: "Add", path: "members", value: ids.map((value) => ({ value })) }));
      expect(res.status, res.text).toBe(204);
      const rows = await sql(app, `SELECT "role", count(*) AS n FROM "Employee" WHERE "workspaceId" = $1 AND "scimId" IN (${ids.map((_, i) => `$${i + 2}`).join(", ")}) GROUP BY "role"`, [ws.workspaceId, ...ids]);
      expect(rows.map((r) => [r.role, Number(r.n)])).toEqual([["SALES_LEAD", 600]]);
      const summary = await lastSummary(ws, group.id);
      expect(summary).toContain("added 600 members");
      expect(summary).toContain("600 role changes");
      expect(summary).toContain(": role Member → Sales Lead (from group 'sales' rule)");
      expect(summary).toMatch(/and 590 more$/);
      // Batched: a few statements per 500 members, never one per member.
      const statements = Number(res.headers.get("x-muster-statements"));
      expect(statements, decodeURIComponent(res.headers.get("x-muster-statement-log") ?? "")).toBeGreaterThan(0);
      expect(statements).toBeLessThanOrEqual(30);
    });
  });
});
