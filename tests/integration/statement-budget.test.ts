// Issue "Provisioning engine": a SCIM change is one transaction with a small, fixed number of
// statements. The app counts the statements each request runs (Prisma's query events, on only with
// MUSTER_COUNT_STATEMENTS=1) and says how many in X-Muster-Statements; authentication and the
// provisioning-log row are included (a token this instance has verified costs no statement: the log
// row's INSERT confirms it). Budgets: create ≤ 7, PATCH ≤ 6, deactivate ≤ 6, filter-GET ≤ 3 (on SQLite a read's log row
// is written in a transaction of its own, so its COMMIT counts; on PostgreSQL it is 2). Custom
// attributes (issue 10) cost a statement only when a request carries their values: one insert or
// upsert of them all, or one delete of the removed ones.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { createTenant, type Tenant } from "../support/scim-tenant";
import { sql } from "../support/sql";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const SCIM_JSON = "application/scim+json";

describe.each(engines())("statements per SCIM request on %s", (engine) => {
  let app: RunningApp;
  let t: Tenant;

  const send = async (method: string, path: string, body?: unknown, token = t.token) => {
    const res = await fetch(`${app.baseUrl}/api/scim/v2${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": SCIM_JSON } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const statements = Number(res.headers.get("x-muster-statements"));
    if (process.env.DEBUG_BUDGET) console.log(method, path, res.headers.get("x-muster-statements"), decodeURIComponent(res.headers.get("x-muster-statement-log") ?? ""));
    const log = decodeURIComponent(res.headers.get("x-muster-statement-log") ?? "");
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null, statements, log };
  };
  const user = (name: string, extra: Record<string, unknown> = {}) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENT],
    userName: `${name}@budget.test`,
    externalId: crypto.randomUUID(),
    name: { givenName: name, familyName: "Budget" },
    displayName: `${name} Budget`,
    title: "Engineer",
    emails: [{ value: `${name}@budget.test`, type: "work", primary: true }],
    active: true,
    ...extra,
  });
  const within = (r: { statements: number; log: string }, budget: number) => expect(r.statements, `${r.statements} statements:\n${r.log}`).toBeLessThanOrEqual(budget);

  let managerId: string;
  beforeAll(async () => {
    app = await startApp(engine, { env: { MUSTER_COUNT_STATEMENTS: "1" } });
    t = await createTenant(app, "Budget");
    // Warm: the token's policy is cached and its last use noted, as during a real sync.
    const boss = await send("POST", "/Users", user("boss"));
    managerId = String(boss.body!.id);
    await send("GET", `/Users?filter=${encodeURIComponent('userName eq "nobody@budget.test"')}`);
  });
  afterAll(async () => app?.stop());

  it("counts: the header is there and positive", async () => {
    const r = await send("GET", "/Users?count=1");
    expect(r.statements).toBeGreaterThan(0);
  });

  it("GET /Users?filter=userName eq … that finds nothing: ≤ 3", async () => {
    const r = await send("GET", `/Users?filter=${encodeURIComponent('userName eq "missing@budget.test"')}`);
    expect(r.status).toBe(200);
    within(r, 3);
  });

  it("POST /Users with a manager and an activation email: ≤ 7", async () => {
    const r = await send("POST", "/Users", user(`new${crypto.randomBytes(3).toString("hex")}`, { [ENT]: { department: "R&D", manager: { value: managerId } } }));
    expect(r.status).toBe(201);
    within(r, 7);
  });

  it("PATCH one attribute: ≤ 6", async () => {
    const created = await send("POST", "/Users", user(`patch${crypto.randomBytes(3).toString("hex")}`));
    const r = await send("PATCH", `/Users/${created.body!.id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "title", value: "Lead Engineer" }] });
    expect(r.status).toBe(200);
    expect(r.body!.title).toBe("Lead Engineer");
    within(r, 6);
  });

  describe("with custom attributes declared", () => {
    const ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
    let declaredTenant: Tenant;
    const sendAs = (tenant: Tenant, method: string, path: string, body?: unknown) => send(method, path, body, tenant.token);
    beforeAll(async () => {
      declaredTenant = await createTenant(app, "Budget attrs");
      for (const [i, [key, type]] of [["badgeId", "string"], ["level", "number"], ["buddy", "reference"]].entries()) {
        await sql(app, `INSERT INTO "CustomAttribute" ("id", "workspaceId", "key", "label", "type", "scimPath", "pathKey", "onCard", "position", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, CURRENT_TIMESTAMP)`, [
          `ca_budget_${key}_${crypto.randomBytes(3).toString("hex")}`,
          declaredTenant.workspaceId,
          key,
          key,
          type,
          `${ACME}:${key}`,
          `${ACME}:${key}`.toLowerCase(),
          i,
        ]);
      }
      await sql(app, `UPDATE "Workspace" SET "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [declaredTenant.workspaceId]);
      await sendAs(declaredTenant, "POST", "/Users", user(`warm${crypto.randomBytes(3).toString("hex")}`));
    });

    it("POST /Users without custom values: ≤ 7, as without declarations", async () => {
      const r = await sendAs(declaredTenant, "POST", "/Users", user(`plain${crypto.randomBytes(3).toString("hex")}`));
      expect(r.status).toBe(201);
      within(r, 7);
    });

    it("POST /Users with custom values, a reference among them: ≤ 8 (one insert of every value; the reference is found with the candidates)", async () => {
      const buddy = await sendAs(declaredTenant, "POST", "/Users", user(`buddy${crypto.randomBytes(3).toString("hex")}`));
      const r = await sendAs(declaredTenant, "POST", "/Users", user(`attrs${crypto.randomBytes(3).toString("hex")}`, { [`${ACME}:badgeId`]: "B-1", [`${ACME}:level`]: 2, [`${ACME}:buddy`]: buddy.body!.id }));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      within(r, 8);
    });

    it("PATCH one custom attribute: ≤ 7; PATCH another attribute: ≤ 6; PATCH remove: ≤ 7", async () => {
      const created = await sendAs(declaredTenant, "POST", "/Users", user(`pa${crypto.randomBytes(3).toString("hex")}`, { [`${ACME}:badgeId`]: "B-1" }));
      const path = `/Users/${created.body!.id}`;
      const ops = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
      const set = await sendAs(declaredTenant, "PATCH", path, ops({ op: "Replace", path: `${ACME}:badgeId`, value: "B-2" }));
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      within(set, 7);
      const title = await sendAs(declaredTenant, "PATCH", path, ops({ op: "Replace", path: "title", value: "Lead" }));
      expect(title.status).toBe(200);
      within(title, 6);
      const remove = await sendAs(declaredTenant, "PATCH", path, ops({ op: "Remove", path: `${ACME}:badgeId` }));
      expect(remove.status).toBe(200);
      within(remove, 7);
    });
  });

  describe("Groups (employee timelines: one multi-row INSERT of every member's row)", () => {
    // Employees with SCIM ids, written straight to the database: 1,000 POST /Users would take long.
    const employees = async (n: number) => {
      const tag = crypto.randomBytes(4).toString("hex");
      const now = new Date().toISOString();
      const ids = Array.from({ length: n }, (_, i) => `bud${tag}${String(i).padStart(5, "0")}`);
      for (let i = 0; i < n; i += 250) {
        const chunk = ids.slice(i, i + 250);
        const values = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`).join(", ");
        await sql(app, `INSERT INTO "Employee" ("id", "workspaceId", "scimId", "userName", "updatedAt") VALUES ${values}`, chunk.flatMap((id) => [id, t.workspaceId, `s${id}`, `${id}@budget.test`, now]));
      }
      return ids.map((id) => ({ id, scimId: `s${id}` }));
    };
    const timelineRows = async (groupId: string) =>
      Number(
        (
          await sql(
            app,
            `SELECT COUNT(*) AS n FROM "EmployeeEvent" e JOIN "ProvisioningEvent" p ON p."id" = e."eventId" WHERE p."resourceId" = $1 AND p."method" = 'PATCH' AND e."workspaceId" = $2`,
            [groupId, t.workspaceId],
          )
        )[0]!.n,
      );

    it("PATCH /Groups adding 10 members: ≤ 10; adding 1,000: ≤ 16, every one on their timeline with one INSERT", async () => {
      const few = await send("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `Few ${crypto.randomBytes(3).toString("hex")}` });
      const many = await send("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `Many ${crypto.randomBytes(3).toString("hex")}` });
      const people = await employees(1010);
      const add = (members: { scimId: string }[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Add", path: "members", value: members.map((m) => ({ value: m.scimId })) }] });

      const r10 = await send("PATCH", `/Groups/${few.body!.id}`, add(people.slice(0, 10)));
      expect(r10.status).toBe(204);
      within(r10, 10);
      expect(await timelineRows(String(few.body!.id))).toBe(10);

      const r1000 = await send("PATCH", `/Groups/${many.body!.id}`, add(people.slice(10)));
      expect(r1000.status).toBe(204);
      within(r1000, 16);
      expect(await timelineRows(String(many.body!.id))).toBe(1000);
      // Their 1,000 timeline rows are one statement (the rest is the 500-id chunks of reading and adding them).
      expect(r1000.log.split("\n").filter((l) => l.startsWith('INSERT INTO "EmployeeEvent"')), r1000.log).toHaveLength(1);
    });
  });

  it("PATCH active=false (deactivate): ≤ 6", async () => {
    const created = await send("POST", "/Users", user(`off${crypto.randomBytes(3).toString("hex")}`));
    const r = await send("PATCH", `/Users/${created.body!.id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(r.status).toBe(200);
    expect(r.body!.active).toBe(false);
    within(r, 6);
  });
});
