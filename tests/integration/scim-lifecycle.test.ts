// Issue "Provisioning engine": the identity-lifecycle cases found by provisioning as Okta and
// Entra ID do, each on SQLite and PostgreSQL, through HTTP, with the database checked directly
// where "no duplicate" or "history kept" is the point.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { scim, URN, type ScimClient } from "../support/scim-client";
import { expectList, expectScimError } from "../support/scim-expect";
import { createTenants, type Tenant } from "../support/scim-tenant";
import { muster } from "../support/cli";
import { signIn } from "../support/session";
import { sql } from "../support/sql";

const JSON_CT = "application/json";
const tag = () => crypto.randomBytes(4).toString("hex");
const filter = (f: string) => `/Users?filter=${encodeURIComponent(f)}`;
const patch = (...Operations: unknown[]) => ({ schemas: [URN.PATCH], Operations });

const user = (name: string, extra: Record<string, unknown> = {}) => ({
  schemas: [URN.USER, URN.ENTERPRISE],
  userName: `${name}@life.test`,
  externalId: `00u${tag()}`,
  name: { givenName: name, familyName: "Cycle" },
  displayName: `${name} Cycle`,
  emails: [{ value: `${name}@life.test`, type: "work", primary: true }],
  active: true,
  ...extra,
});

describe.each(engines())("identity lifecycle on %s", { timeout: 60_000 }, (engine) => {
  let app: RunningApp;
  let tenants: Record<"okta" | "entra" | "emails" | "schemas", Tenant>;

  const employees = (t: Tenant, where: string, params: unknown[]) => sql(app, `SELECT "id", "scimId", "status", "active", "userName", "title", "department" FROM "Employee" WHERE "workspaceId" = $1 AND ${where}`, [t.workspaceId, ...params]);

  beforeAll(async () => {
    app = await startApp(engine);
    tenants = await createTenants(app, ["okta", "entra", "emails", "schemas"] as const);
  });
  afterAll(async () => app?.stop());

  it("1. Okta deactivates, then re-provisions the same externalId under a new userName: the archived employee comes back, no duplicate", async () => {
    const c: ScimClient = tenants.okta.client;
    const first = await c.post("/Users", user(`okta${tag()}`), { contentType: JSON_CT });
    expect(first.status).toBe(201);
    const off = await c.patch(`/Users/${first.body.id}`, patch({ op: "replace", value: { active: false } }), { contentType: JSON_CT });
    expect(off.body.active).toBe(false);
    expect(await employees(tenants.okta, `"id" = $2`, [first.body.id])).toMatchObject([{ status: "ARCHIVED" }]);

    const renamed = `okta-renamed${tag()}@life.test`;
    const again = await c.post("/Users", { ...user("x"), userName: renamed, externalId: first.body.externalId, emails: [{ value: renamed, primary: true }] }, { contentType: JSON_CT });
    expect(again.status, again.text).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, userName: renamed, externalId: first.body.externalId, active: true });
    const rows = await employees(tenants.okta, `"externalId" = $2`, [first.body.externalId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.body.id, status: "SYNCED", userName: renamed });
  });

  it("2. a deactivated user is still a resource: POST of its userName is 409 uniqueness, and GET still finds it", async () => {
    const c = tenants.okta.client;
    const u = user(`kept${tag()}`);
    const first = await c.post("/Users", u, { contentType: JSON_CT });
    await c.patch(`/Users/${first.body.id}`, patch({ op: "replace", path: "active", value: false }));
    const again = await c.post("/Users", { ...u, externalId: `00u${tag()}` }, { contentType: JSON_CT });
    expectScimError(again, 409, "uniqueness");
    expect(expectList(await c.get(filter(`userName eq "${u.userName}"`))).map((r) => [r.id, r.active])).toEqual([[first.body.id, false]]);
    expect(await employees(tenants.okta, `lower("userName") = $2`, [u.userName.toLowerCase()])).toHaveLength(1);
  });

  it("3. after DELETE, a POST of the same userName restores the same employee under a new SCIM id; the old id stays 404", async () => {
    const c = tenants.entra.client;
    const u = user(`gone${tag()}`);
    const first = await c.post("/Users", u);
    const [before] = await employees(tenants.entra, `"scimId" = $2`, [first.body.id]);
    expect((await c.del(`/Users/${first.body.id}`)).status).toBe(204);
    expect((await c.get(`/Users/${first.body.id}`)).status).toBe(404);

    const back = await c.post("/Users", u);
    expect(back.status).toBe(201);
    expect(back.body.id).not.toBe(first.body.id);
    expect((await c.get(`/Users/${first.body.id}`)).status).toBe(404);
    expect((await c.get(`/Users/${back.body.id}`)).status).toBe(200);
    const [after] = await employees(tenants.entra, `"scimId" = $2`, [back.body.id]);
    expect(after!.id).toBe(before!.id); // the same employee: history and card kept
    // The employee's log rows hold its whole history, across both SCIM ids.
    const events = await sql(app, `SELECT "change" FROM "ProvisioningEvent" WHERE "employeeId" = $1 ORDER BY "at"`, [before!.id]);
    expect(events.map((e) => e.change)).toEqual(["created", "deleted", "restored"]);
  });

  it("4. emails: any value matches, a typed value path matches, and Entra's emails[type eq \"work\"].value form works", async () => {
    const c = tenants.emails.client;
    const name = `mail${tag()}`;
    const created = await c.post("/Users", user(name, { emails: [{ value: `${name}@life.test`, type: "work", primary: true }, { value: `${name}.private@home.test`, type: "home" }] }));
    const id = created.body.id;
    const ids = async (f: string) => {
      const res = await c.get(filter(f));
      expect(res.status, `${f}: ${res.text}`).toBe(200);
      return expectList(res).map((r) => r.id);
    };
    expect(await ids(`emails.value eq "${name}.private@home.test"`)).toEqual([id]);
    expect(await ids(`emails eq "${name.toUpperCase()}.PRIVATE@HOME.TEST"`)).toEqual([id]);
    expect(await ids(`emails[type eq "work" and value eq "${name}@life.test"]`)).toEqual([id]);
    expect(await ids(`emails[type eq "work" and value eq "${name}.private@home.test"]`)).toEqual([]);
    expect(await ids(`emails[type eq "work"].value eq "${name}@life.test"`)).toEqual([id]);
    expect(await ids(`emails[type eq "home"].value eq "${name}@life.test"`)).toEqual([]);
    // A change of emails moves the index with it.
    await c.patch(`/Users/${id}`, patch({ op: "Replace", path: "emails", value: [{ value: `${name}@new.test`, type: "work", primary: true }] }));
    expect(await ids(`emails.value eq "${name}.private@home.test"`)).toEqual([]);
    expect(await ids(`emails.value eq "${name}@new.test"`)).toEqual([id]);
  });

  it("4b. the email filter is answered from an index, not a scan", async () => {
    if (engine === "sqlite") {
      // SQLite plans without statistics: what it would do is what it does.
      const plan = JSON.stringify(await sql(app, `EXPLAIN QUERY PLAN SELECT "employeeId" FROM "EmployeeEmail" WHERE "workspaceId" = $1 AND "value" = $2`, ["w", "x@y"]));
      expect(plan).toMatch(/USING (COVERING )?INDEX EmployeeEmail_workspaceId_value_idx/);
    } else {
      expect(await sql(app, `SELECT "indexdef" FROM pg_indexes WHERE "indexname" = 'EmployeeEmail_workspaceId_value_idx'`)).toHaveLength(1);
    }
  });

  it("5. linking to an employee added by hand keeps the admin's values for what the IdP does not send", async () => {
    const password = "correct horse battery staple";
    const ownerEmail = `owner-${tag()}@link.test`;
    const ws = await muster<{ slug: string }>(app.env, "workspace:create", "--name", `Link ${tag()}`, "--owner", ownerEmail, "--password", password);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "idp");
    const admin = await signIn(app.baseUrl, ownerEmail, password);
    const email = `grace${tag()}@life.test`;
    const added = await admin(`/api/w/${ws.slug}/employees`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "Grace Hopper", email, title: "Rear Admiral", department: "Navy" }) });
    expect(added.status).toBe(201);
    const idp = scim(app.baseUrl, token);
    const linked = await idp.post("/Users", { schemas: [URN.USER], userName: email, name: { givenName: "Grace", familyName: "Hopper" }, emails: [{ value: email, primary: true }], active: true });
    expect(linked.status).toBe(201);
    const [row] = await sql(app, `SELECT "status", "title", "department", "scimId" FROM "Employee" WHERE "emailKey" = $1`, [email]);
    expect(row).toMatchObject({ status: "LINKED", title: "Rear Admiral", department: "Navy", scimId: linked.body.id });
    const card = await sql(app, `SELECT "key", "value" FROM "CardField" WHERE "employeeId" = (SELECT "id" FROM "Employee" WHERE "emailKey" = $1) AND "key" IN ('title', 'department') ORDER BY "key"`, [email]);
    expect(card).toEqual([
      { key: "department", value: "Navy" },
      { key: "title", value: "Rear Admiral" },
    ]);
    // A later change from the IdP still keeps what it never sent.
    await idp.patch(`/Users/${linked.body.id}`, patch({ op: "replace", path: "displayName", value: "Amazing Grace" }));
    const [after] = await sql(app, `SELECT "displayName", "title", "department" FROM "Employee" WHERE "emailKey" = $1`, [email]);
    expect(after).toEqual({ displayName: "Amazing Grace", title: "Rear Admiral", department: "Navy" });
  });

  it("6. attributes no schema declares are not stored or echoed, a user cannot grow through them, and the log says what was ignored", async () => {
    const c = tenants.schemas.client;
    const created = await c.post("/Users", user(`lean${tag()}`, { favouriteColour: "teal", [URN.ENTERPRISE]: { department: "R&D", worksiteId: "W-7" } }));
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty("favouriteColour");
    expect(created.body[URN.ENTERPRISE]).toEqual({ department: "R&D" });
    const big = "x".repeat(200_000);
    for (let i = 0; i < 8; i++) {
      const res = await c.patch(`/Users/${created.body.id}`, patch({ op: "add", path: `junk${i}`, value: big }));
      expect(res.status, res.text).toBe(200);
    }
    const [row] = await sql(app, `SELECT "scimDoc" FROM "Employee" WHERE "scimId" = $1`, [created.body.id]);
    expect(String(row!.scimDoc).length).toBeLessThan(5_000);
    expect(String(row!.scimDoc)).not.toContain("favouriteColour");
    const [logged] = await sql(app, `SELECT "summary" FROM "ProvisioningEvent" WHERE "resourceId" = $1 AND "method" = 'POST'`, [created.body.id]);
    expect(logged!.summary).toContain("ignored attributes not in /Schemas: favouriteColour");
    expect(logged!.summary).toContain("worksiteId");
  });
});
