// Issue 11 §2 and issue 10 ("a role change is a provisioning event"): the employee timeline is the
// employee's whole history. A SCIM Groups request (POST/PUT/PATCH/DELETE /Groups) is one row in the
// provisioning log, and each member it added or removed — and each role a group→role rule changed —
// shows on that employee's timeline (GET /api/w/<slug>/employees/<id>/events), not on others'.
// Archiving and restoring by hand are on it too, as the dashboard's changes.
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

type Ws = { slug: string; workspaceId: string; email: string; client: ScimClient; as: SessionFetch };
type Entry = {
  kind: "request" | "group";
  id: string;
  eventId: string;
  at: string;
  method?: string;
  path?: string;
  status?: number;
  summary: string | null;
  groupId?: string | null;
  groupName?: string | null;
  membership?: "added" | "removed" | null;
  roleChange?: string | null;
};
type Page = { events: Entry[]; total: number | null; pageSize: number; nextCursor: string | null };

describe.each(engines())("the employee timeline on %s", (engine) => {
  let app: RunningApp;

  const workspace = async (label: string): Promise<Ws> => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", email, "--password", PASSWORD);
    const t = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", label);
    return { ...ws, email, client: scim(app.baseUrl, t.token), as: await signIn(app.baseUrl, email, PASSWORD) };
  };

  const user = async (ws: Ws, body: Json, contentType?: string) => {
    const res = await ws.client.post("/Users", body, contentType ? { contentType } : undefined);
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; userName: string };
  };

  const timeline = async (ws: Ws, id: string, cursor?: string): Promise<Page> => {
    const res = await ws.as(`/api/w/${ws.slug}/employees/${id}/events${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };
  const groupEntries = async (ws: Ws, id: string) => (await timeline(ws, id)).events.filter((e) => e.kind === "group");

  // The provisioning log: one row per request about the group, newest first.
  const logOf = async (ws: Ws, groupId: string) =>
    (await sql(app, `SELECT "id", "method", "status" FROM "ProvisioningEvent" WHERE "workspaceId" = $1 AND "resourceId" = $2 ORDER BY "at" DESC, "id" DESC`, [ws.workspaceId, groupId])) as {
      id: string;
      method: string;
      status: number;
    }[];

  beforeAll(async () => {
    app = await startApp(engine);
  });
  afterAll(async () => app?.stop());

  it("Entra: POST /Groups with members and PATCH Add/Remove show on the members' timelines only, linked to the one log row of each request", async () => {
    const ws = await workspace("entra");
    const [a, b, c] = [await user(ws, entraUser()), await user(ws, entraUser()), await user(ws, entraUser())];

    const created = await ws.client.post("/Groups", entraGroup({ displayName: "Sales", members: [{ value: a.id }, { value: b.id }] }));
    expect(created.status, created.text).toBe(201);
    const group = created.body.id as string;

    for (const who of [a, b]) {
      const [entry, ...more] = await groupEntries(ws, who.id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ groupId: group, groupName: "Sales", membership: "added", roleChange: null, summary: "Added to group Sales" });
    }
    expect(await groupEntries(ws, c.id)).toEqual([]);

    const add = await ws.client.patch(`/Groups/${group}`, patchOps({ op: "Add", path: "members", value: [{ value: c.id }] }));
    expect(add.status, add.text).toBe(204);
    const remove = await ws.client.patch(`/Groups/${group}`, patchOps({ op: "Remove", path: "members", value: [{ value: a.id }] }));
    expect(remove.status, remove.text).toBe(204);

    const log = await logOf(ws, group);
    expect(log.map((r) => [r.method, Number(r.status)])).toEqual([
      ["PATCH", 204],
      ["PATCH", 204],
      ["POST", 201],
    ]);

    const aPage = await timeline(ws, a.id);
    // Newest first: removed, then added, then the user's own creation.
    expect(aPage.events.map((e) => e.summary)).toEqual(["Removed from group Sales", "Added to group Sales", expect.stringMatching(/^Created user /)]);
    expect(aPage.total).toBe(3);
    expect(aPage.events[0]).toMatchObject({ kind: "group", membership: "removed", eventId: log[0]!.id });
    expect(aPage.events[1]).toMatchObject({ kind: "group", membership: "added", eventId: log[2]!.id });
    expect((await groupEntries(ws, b.id)).map((e) => e.summary)).toEqual(["Added to group Sales"]);
    expect(await groupEntries(ws, c.id)).toEqual([expect.objectContaining({ membership: "added", eventId: log[1]!.id })]);

    // Adding a member again, or removing one who is not a member, changes nobody's timeline.
    expect((await ws.client.patch(`/Groups/${group}`, patchOps({ op: "Add", path: "members", value: [{ value: b.id }] }))).status).toBe(204);
    expect((await ws.client.patch(`/Groups/${group}`, patchOps({ op: "Remove", path: "members", value: [{ value: a.id }] }))).status).toBe(204);
    expect(await groupEntries(ws, b.id)).toHaveLength(1);
    expect(await groupEntries(ws, a.id)).toHaveLength(2);
    expect(await logOf(ws, group)).toHaveLength(5);

    // The employee page's timeline shows the entries, the group linked.
    const html = await (await ws.as(`/w/${ws.slug}/employees/${c.id}?tab=timeline`)).text();
    expect(html).toContain(`/w/${ws.slug}/groups/${group}`);
    expect(html).toContain("Added to group");
  });

  it("Okta: PATCH add, remove by filter, PUT replacing the members and DELETE of the group", async () => {
    const ws = await workspace("okta");
    const [a, b, c] = [await user(ws, oktaUser(), JSON_CT), await user(ws, oktaUser(), JSON_CT), await user(ws, oktaUser(), JSON_CT)];
    const group = (await ws.client.post("/Groups", oktaGroup({ displayName: "Engineering" }), { contentType: JSON_CT })).body.id as string;
    expect(await groupEntries(ws, a.id)).toEqual([]);

    const add = await ws.client.patch(`/Groups/${group}`, patchOps({ op: "add", path: "members", value: [{ value: a.id, display: a.userName }, { value: b.id, display: b.userName }] }), { contentType: JSON_CT });
    expect(add.status, add.text).toBe(204);
    expect((await groupEntries(ws, a.id)).map((e) => e.summary)).toEqual(["Added to group Engineering"]);

    const removed = await ws.client.patch(`/Groups/${group}`, patchOps({ op: "remove", path: `members[value eq "${b.id}"]` }), { contentType: JSON_CT });
    expect(removed.status, removed.text).toBe(204);
    expect((await groupEntries(ws, b.id)).map((e) => e.summary)).toEqual(["Removed from group Engineering", "Added to group Engineering"]);
    expect(await groupEntries(ws, a.id)).toHaveLength(1);

    // PUT with members [a, c]: a stays (nothing on a's timeline), c is added.
    const current = (await ws.client.get(`/Groups/${group}`)).body;
    const put = await ws.client.put(`/Groups/${group}`, { ...current, members: [{ value: a.id }, { value: c.id }] }, { contentType: JSON_CT });
    expect(put.status, put.text).toBe(200);
    expect(await groupEntries(ws, a.id)).toHaveLength(1);
    expect((await groupEntries(ws, c.id)).map((e) => e.summary)).toEqual(["Added to group Engineering"]);
    expect(await groupEntries(ws, b.id)).toHaveLength(2);

    expect((await ws.client.del(`/Groups/${group}`)).status).toBe(204);
    for (const who of [a, c]) {
      const [last] = await groupEntries(ws, who.id);
      // The group is gone: named as it was, no longer linked.
      expect(last).toMatchObject({ membership: "removed", groupId: null, groupName: "Engineering", summary: "Removed from group Engineering (the group was deleted)" });
    }
    expect(await groupEntries(ws, b.id)).toHaveLength(2);

    // One log row per request: POST, PATCH, PATCH, PUT, DELETE (and the GET).
    const log = await logOf(ws, group);
    expect(log.map((r) => r.method)).toEqual(["DELETE", "PUT", "GET", "PATCH", "PATCH", "POST"]);
    const timelineRows = await sql(app, `SELECT COUNT(*) AS n FROM "EmployeeEvent" WHERE "workspaceId" = $1`, [ws.workspaceId]);
    // a and b added, b removed, c added, a and c removed with the group.
    expect(Number(timelineRows[0]!.n)).toBe(6);
  });

  it("a group→role rule: the role change is on the member's timeline with the group change, in one entry", async () => {
    const ws = await workspace("roles");
    const now = new Date().toISOString();
    await sql(
      app,
      `INSERT INTO "Role" ("id", "workspaceId", "key", "name", "nameKey", "description", "capabilities", "builtIn", "position", "createdAt", "updatedAt") VALUES ($1, $2, 'SALES_LEAD', 'Sales Lead', 'sales lead', '', '[]', FALSE, 2, $3, $4)`,
      [`r${crypto.randomBytes(6).toString("hex")}`, ws.workspaceId, now, now],
    );
    await sql(app, `INSERT INTO "RoleMapping" ("id", "workspaceId", "groupName", "role", "position") VALUES ($1, $2, 'Sales', 'SALES_LEAD', 0)`, [`m${crypto.randomBytes(6).toString("hex")}`, ws.workspaceId]);
    await sql(app, `UPDATE "Workspace" SET "importRoles" = TRUE, "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [ws.workspaceId]);

    const [a, b] = [await user(ws, entraUser()), await user(ws, entraUser())];
    const created = await ws.client.post("/Groups", entraGroup({ displayName: "Sales", members: [{ value: a.id }] }));
    expect(created.status, created.text).toBe(201);
    const group = created.body.id as string;

    const role = async (id: string) => ((await (await ws.as(`/api/w/${ws.slug}/employees/${id}`)).json()) as { role: string }).role;
    expect(await role(a.id)).toBe("SALES_LEAD");
    const [added] = await groupEntries(ws, a.id);
    expect(added).toMatchObject({ membership: "added", groupName: "Sales", roleChange: "role Member → Sales Lead (from group 'Sales' rule)" });
    expect(added!.summary).toBe("Added to group Sales — role Member → Sales Lead (from group 'Sales' rule)");
    expect(await groupEntries(ws, b.id)).toEqual([]);

    // The log keeps its one row, its summary naming the change as before.
    const log = await sql(app, `SELECT "summary" FROM "ProvisioningEvent" WHERE "resourceId" = $1`, [group]);
    expect(log).toHaveLength(1);
    expect(String(log[0]!.summary)).toContain(`${a.userName}: role Member → Sales Lead (from group 'Sales' rule)`);

    // A rename the rule no longer matches: the role changes with no membership change, and says which group.
    const rename = (displayName: string) => ws.client.patch(`/Groups/${group}`, patchOps({ op: "Replace", path: "displayName", value: displayName }));
    expect((await rename("Support")).status).toBe(204);
    expect(await role(a.id)).toBe("MEMBER");
    const [renamed] = await groupEntries(ws, a.id);
    expect(renamed).toMatchObject({ membership: null, groupId: group, groupName: "Support" });
    expect(renamed!.summary).toMatch(/^Group Support — role Sales Lead → Member/);
    expect((await rename("Sales")).status).toBe(204);
    expect(await role(a.id)).toBe("SALES_LEAD");
    expect(await groupEntries(ws, b.id)).toEqual([]);

    expect((await ws.client.del(`/Groups/${group}`)).status).toBe(204);
    expect(await role(a.id)).toBe("MEMBER");
    const [gone] = await groupEntries(ws, a.id);
    expect(gone).toMatchObject({ membership: "removed", groupId: null });
    expect(gone!.summary).toMatch(/^Removed from group Sales \(the group was deleted\) — role Sales Lead → Member/);

    // The page says it in words.
    const html = await (await ws.as(`/w/${ws.slug}/employees/${a.id}?tab=timeline`)).text();
    expect(html).toContain("Role Member → Sales Lead (from group &#x27;Sales&#x27; rule)");
  });

  it("archiving and restoring by hand are on the timeline, as the dashboard's changes", async () => {
    const ws = await workspace("manual");
    const res = await ws.as(`/api/w/${ws.slug}/employees`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "Temp Worker", email: `temp@${ws.slug}.test` }) });
    expect(res.status, await res.clone().text()).toBe(201);
    const id = ((await res.json()) as { employee: { id: string } }).employee.id;
    const other = ((await (await ws.as(`/api/w/${ws.slug}/employees`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "Other Person", email: `other@${ws.slug}.test` }) })).json()) as { employee: { id: string } }).employee.id;

    expect((await ws.as(`/api/w/${ws.slug}/employees/${id}/archive`, { method: "POST" })).status).toBe(200);
    expect((await ws.as(`/api/w/${ws.slug}/employees/${id}/restore`, { method: "POST" })).status).toBe(200);
    // Refused: nothing recorded.
    expect((await ws.as(`/api/w/${ws.slug}/employees/${id}/restore`, { method: "POST" })).status).toBe(409);

    const page = await timeline(ws, id);
    expect(page.total).toBe(2);
    expect(page.events.map((e) => [e.kind, e.method, e.path, e.status, e.summary])).toEqual([
      ["request", "POST", `/api/w/${ws.slug}/employees/${id}/restore`, 200, `Restored by ${ws.email}`],
      ["request", "POST", `/api/w/${ws.slug}/employees/${id}/archive`, 200, `Archived by ${ws.email}`],
    ]);
    const rows = await sql(app, `SELECT "tokenId" AS token, "client", "change" FROM "ProvisioningEvent" WHERE "employeeId" = $1 ORDER BY "at"`, [id]);
    expect(rows).toEqual([
      { token: null, client: `Muster dashboard (${ws.email})`, change: "deactivated" },
      { token: null, client: `Muster dashboard (${ws.email})`, change: "reactivated" },
    ]);
    expect((await timeline(ws, other)).total).toBe(0);
  });

  it("pages by keyset, newest first, merging requests and group changes without gaps or repeats", async () => {
    const ws = await workspace("paging");
    const a = await user(ws, entraUser());
    const b = await user(ws, entraUser());
    for (let i = 0; i < 12; i++) {
      const g = await ws.client.post("/Groups", entraGroup({ displayName: `Team ${i}`, members: [{ value: a.id }, { value: b.id }] }));
      expect(g.status).toBe(201);
      const p = await ws.client.patch(`/Users/${a.id}`, patchOps({ op: "replace", path: "title", value: `Title ${i}` }));
      expect(p.status, p.text).toBe(200);
    }
    const first = await timeline(ws, a.id);
    expect(first.total).toBe(25);
    expect(first.events).toHaveLength(20);
    expect(first.nextCursor).toBeTruthy();
    const second = await timeline(ws, a.id, first.nextCursor!);
    expect(second.total).toBeNull();
    expect(second.nextCursor).toBeNull();
    const all = [...first.events, ...second.events];
    expect(all).toHaveLength(25);
    expect(new Set(all.map((e) => `${e.kind}-${e.id}`)).size).toBe(25);
    const times = all.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(all[0]!.summary).toContain("Title 11");
    expect(all[1]!.summary).toBe("Added to group Team 11");
    expect(all.at(-1)!.summary).toMatch(/^Created user /);
    expect(all.filter((e) => e.kind === "group")).toHaveLength(12);

    expect((await ws.as(`/api/w/${ws.slug}/employees/${a.id}/events?cursor=nonsense`)).status).toBe(400);
  });
});
