// The employees and groups pages' JSON routes, spoken to over HTTP the way the browser does, with
// employees provisioned through the real SCIM API.
import crypto from "node:crypto";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { entraUser, patchOps, scim, URN, type ScimClient } from "../support/scim-client";
import { signIn, type SessionFetch } from "../support/session";

const PASSWORD = "correct horse battery staple";

type Row = { id: string; displayName: string | null; email: string | null; title: string | null; status: string; pendingActivation: boolean; activation: { state: string; at: string | null } };
type List = { rows: Row[]; total: number; counts: Record<string, number>; seats: number; page: number; pageSize: number };
type ImportResult = { created: number; updated: number; unchanged: number; skipped: number; issues: { row: number; email: string; kind: string; message: string }[] };

const post = (body: unknown): RequestInit => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe.each(engines())("employees and groups routes on %s", (engine) => {
  let app: RunningApp;

  // A workspace with a signed-in owner and a SCIM token; emails get the workspace's own domain.
  const workspace = async (label: string) => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", email, "--password", PASSWORD);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "Entra ID");
    return { ...ws, as: await signIn(app.baseUrl, email, PASSWORD), scim: scim(app.baseUrl, token), domain: `${tag}.${label}.test` };
  };

  const provision = async (client: ScimClient, given: string, family: string, email: string, extra: Record<string, unknown> = {}) => {
    const res = await client.post("/Users", entraUser({ userName: email, name: { givenName: given, familyName: family }, displayName: `${given} ${family}`, emails: [{ primary: true, type: "work", value: email }], ...extra }));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const create = async (as: SessionFetch, slug: string, body: Record<string, string>) => {
    const res = await as(`/api/w/${slug}/employees`, post(body));
    return { status: res.status, body: (await res.json()) as { employee?: { id: string }; error?: string; fieldErrors?: Record<string, string> } };
  };

  const list = async (as: SessionFetch, slug: string, params: Record<string, string | number> = {}) => {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    const res = await as(`/api/w/${slug}/employees${qs ? `?${qs}` : ""}`);
    expect(res.status).toBe(200);
    return (await res.json()) as List;
  };

  const importRows = async (as: SessionFetch, slug: string, rows: unknown[]) => {
    const res = await as(`/api/w/${slug}/employees/import`, post({ rows }));
    expect(res.status).toBe(200);
    return (await res.json()) as ImportResult;
  };

  beforeAll(async () => {
    app = await startApp(engine);
  });
  afterAll(async () => app?.stop());

  describe("GET /api/w/[slug]/employees", () => {
    let ws: Awaited<ReturnType<typeof workspace>>;
    beforeAll(async () => {
      ws = await workspace("list");
      await provision(ws.scim, "Ada", "Lovelace", `ada@${ws.domain}`, { title: "Analyst" });
      await provision(ws.scim, "Grace", "Hopper", `grace@${ws.domain}`);
      const alan = await provision(ws.scim, "Alan", "Turing", `alan@${ws.domain}`);
      expect((await create(ws.as, ws.slug, { name: "Zoe Manual", email: `zoe@${ws.domain}`, title: "Office manager" })).status).toBe(201);
      expect((await create(ws.as, ws.slug, { name: "Bea Manual", email: `bea@${ws.domain}` })).status).toBe(201);
      // Deactivated by the IdP: archived, no longer a seat.
      expect((await ws.scim.patch(`/Users/${alan}`, patchOps({ op: "replace", path: "active", value: false }))).status).toBe(200);
    });

    it("shows every tab's count and the seats (non-archived employees)", async () => {
      const all = await list(ws.as, ws.slug);
      expect(all.counts).toEqual({ all: 5, synced: 2, linked: 0, manual: 2, archived: 1, pending: 4 });
      expect(all.seats).toBe(4);
      expect(all.total).toBe(5);
      expect(all.rows.map((r) => r.displayName)).toEqual(["Ada Lovelace", "Alan Turing", "Bea Manual", "Grace Hopper", "Zoe Manual"]);
      expect(all.rows.find((r) => r.displayName === "Alan Turing")).toMatchObject({ status: "ARCHIVED", pendingActivation: false });
    });

    it("filters by tab", async () => {
      expect((await list(ws.as, ws.slug, { tab: "synced" })).rows.map((r) => r.displayName)).toEqual(["Ada Lovelace", "Grace Hopper"]);
      expect((await list(ws.as, ws.slug, { tab: "manual" })).rows.map((r) => r.status)).toEqual(["MANUAL", "MANUAL"]);
      const archived = await list(ws.as, ws.slug, { tab: "archived" });
      expect(archived.rows.map((r) => r.displayName)).toEqual(["Alan Turing"]);
      expect(archived.total).toBe(1);
      expect((await list(ws.as, ws.slug, { tab: "pending" })).total).toBe(4);
      expect((await list(ws.as, ws.slug, { tab: "linked" })).rows).toEqual([]);
    });

    it("searches the start of the name, the last name and the email; counts follow the search", async () => {
      const byLast = await list(ws.as, ws.slug, { q: "hop" });
      expect(byLast.rows.map((r) => r.displayName)).toEqual(["Grace Hopper"]);
      expect(byLast.counts).toMatchObject({ all: 1, synced: 1, manual: 0 });
      expect(byLast.seats).toBe(4);
      expect((await list(ws.as, ws.slug, { q: "  MANUAL " })).rows.map((r) => r.displayName)).toEqual(["Bea Manual", "Zoe Manual"]);
      expect((await list(ws.as, ws.slug, { q: `zoe@${ws.domain}`.toUpperCase() })).rows.map((r) => r.displayName)).toEqual(["Zoe Manual"]);
      expect((await list(ws.as, ws.slug, { q: "a", tab: "archived" })).rows.map((r) => r.displayName)).toEqual(["Alan Turing"]);
      expect((await list(ws.as, ws.slug, { q: "nobody" })).counts.all).toBe(0);
    });

    it("sorts by name, email, status and last change, both ways", async () => {
      expect((await list(ws.as, ws.slug, { sort: "name", dir: "desc" })).rows[0]!.displayName).toBe("Zoe Manual");
      expect((await list(ws.as, ws.slug, { sort: "email" })).rows.map((r) => r.email!.split("@")[0])).toEqual(["ada", "alan", "bea", "grace", "zoe"]);
      expect((await list(ws.as, ws.slug, { sort: "status" })).rows.map((r) => r.status)).toEqual(["ARCHIVED", "MANUAL", "MANUAL", "SYNCED", "SYNCED"]);
      // Alan was changed last (deactivated).
      expect((await list(ws.as, ws.slug, { sort: "updated", dir: "desc" })).rows[0]!.displayName).toBe("Alan Turing");
      expect((await list(ws.as, ws.slug, { q: "a", sort: "email", dir: "desc" })).rows.map((r) => r.email!.split("@")[0])).toEqual(["alan", "ada"]);
    });

    it("pages in the database", async () => {
      const page2 = await list(ws.as, ws.slug, { pageSize: 2, page: 2 });
      expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page2.rows.map((r) => r.displayName)).toEqual(["Bea Manual", "Grace Hopper"]);
      expect((await list(ws.as, ws.slug, { pageSize: 2, page: 3 })).rows.map((r) => r.displayName)).toEqual(["Zoe Manual"]);
      expect((await list(ws.as, ws.slug, { pageSize: 2, page: 2, q: "manual" })).rows).toEqual([]);
    });

    it("says where each employee's activation stands: email sent or waiting, not sent, or none once archived", async () => {
      const activation = async (name: string) => (await list(ws.as, ws.slug)).rows.find((r) => r.displayName === name)!.activation;
      // Provisioned over SCIM: the activation email is queued with the change (kept in the outbox without SMTP).
      expect(["queued", "kept", "sent"]).toContain((await activation("Ada Lovelace")).state);
      expect((await activation("Ada Lovelace")).at).toEqual(expect.any(String));
      // Added by hand: no email until an admin sends one.
      expect(await activation("Zoe Manual")).toEqual({ state: "not-sent", at: null });
      expect(await activation("Alan Turing")).toEqual({ state: "archived", at: null });
      const zoe = (await list(ws.as, ws.slug, { q: "zoe" })).rows[0]!;
      expect((await ws.as(`/api/w/${ws.slug}/employees/activation`, post({ employeeIds: [zoe.id] }))).status).toBe(200);
      expect(["queued", "kept", "sent"]).toContain((await activation("Zoe Manual")).state);
    });

    it("refuses a page size over 200 and an unknown tab; needs a session", async () => {
      expect((await ws.as(`/api/w/${ws.slug}/employees?pageSize=200`)).status).toBe(200);
      expect((await ws.as(`/api/w/${ws.slug}/employees?pageSize=201`)).status).toBe(400);
      expect((await ws.as(`/api/w/${ws.slug}/employees?tab=everyone`)).status).toBe(400);
      expect((await fetch(`${app.baseUrl}/api/w/${ws.slug}/employees`)).status).toBe(401);
    });
  });

  describe("POST /api/w/[slug]/employees", () => {
    it("creates a MANUAL employee, explains invalid input and refuses an email in use", async () => {
      const ws = await workspace("create");
      const bad = await create(ws.as, ws.slug, { name: "", email: "nope" });
      expect(bad.status).toBe(400);
      expect(bad.body.fieldErrors).toEqual({ name: "Enter the employee's name", email: "Enter a valid email address" });

      const ok = await create(ws.as, ws.slug, { name: "Marie Curie", email: `Marie@${ws.domain}`, title: "Chemist", department: "Research", location: "Paris", phone: "+33 1 23" });
      expect(ok.status).toBe(201);
      const detail = await (await ws.as(`/api/w/${ws.slug}/employees/${ok.body.employee!.id}`)).json();
      expect(detail).toMatchObject({ status: "MANUAL", displayName: "Marie Curie", email: `Marie@${ws.domain}`, title: "Chemist", managedByIdp: false });

      const dup = await create(ws.as, ws.slug, { name: "Other Marie", email: `marie@${ws.domain}`.toUpperCase() });
      expect(dup.status).toBe(409);
      expect(dup.body.error).toContain("Marie Curie already has the email");
      // An IdP-owned employee's email is taken too.
      await provision(ws.scim, "Pierre", "Curie", `pierre@${ws.domain}`);
      expect((await create(ws.as, ws.slug, { name: "Pierre Again", email: `pierre@${ws.domain}` })).status).toBe(409);
      expect((await list(ws.as, ws.slug)).counts.all).toBe(2);
    });
  });

  describe("workspace isolation", () => {
    it("answers 404 for another workspace's employee or group id", async () => {
      const a = await workspace("alpha");
      const b = await workspace("beta");
      const theirs = await provision(a.scim, "Secret", "Person", `secret@${a.domain}`);
      const group = await a.scim.post("/Groups", { schemas: [URN.GROUP], displayName: "Alpha team", members: [{ value: theirs }] });
      expect(group.status).toBe(201);

      expect((await b.as(`/api/w/${b.slug}/employees/${theirs}`)).status).toBe(404);
      expect((await b.as(`/api/w/${b.slug}/employees/${theirs}/events`)).status).toBe(404);
      expect((await b.as(`/api/w/${b.slug}/employees/${theirs}/archive`, { method: "POST" })).status).toBe(404);
      expect((await b.as(`/api/w/${b.slug}/employees/${theirs}/restore`, { method: "POST" })).status).toBe(404);
      expect((await b.as(`/api/w/${b.slug}/groups/${group.body.id}/members`)).status).toBe(404);
      expect((await b.as(`/w/${b.slug}/employees/${theirs}`)).status).toBe(404);
      expect((await b.as(`/w/${b.slug}/groups/${group.body.id}`)).status).toBe(404);
      // B's admin cannot use A's slug either.
      expect((await b.as(`/api/w/${a.slug}/employees`)).status).toBe(404);
      expect((await b.as(`/api/w/${a.slug}/employees/${theirs}`)).status).toBe(404);
      // Nothing of A shows in B's lists, and A still sees its own.
      expect((await list(b.as, b.slug)).counts.all).toBe(0);
      expect((await (await a.as(`/api/w/${a.slug}/employees/${theirs}`)).json()).displayName).toBe("Secret Person");
      expect((await a.as(`/w/${a.slug}/employees/${theirs}`)).status).toBe(200);
    });
  });

  describe("POST /api/w/[slug]/employees/import", () => {
    it("merges by email, reports row errors, and writes nothing for invalid rows", async () => {
      const ws = await workspace("import");
      const manual = await create(ws.as, ws.slug, { name: "Kept Manual", email: `kept@${ws.domain}`, title: "Old title" });
      await provision(ws.scim, "Idp", "Owned", `idp@${ws.domain}`, { title: "From the IdP" });

      const result = await importRows(ws.as, ws.slug, [
        { row: 2, email: `new@${ws.domain}`, firstName: "New", lastName: "Person", department: "Sales" },
        { row: 3, email: `KEPT@${ws.domain}`, title: "New title" },
        { row: 4, email: `idp@${ws.domain}`, title: "Changed by CSV" },
        { row: 5, name: "No Email" },
        { row: 6, email: "not-an-email", name: "Bad Email" },
        { row: 7, email: `new@${ws.domain}`, name: "Same again" },
        { row: 8, email: `elsewhere@${ws.domain}`, duplicateOf: 2, name: "Duplicate from an earlier batch" },
      ]);
      expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 0, skipped: 1 });
      expect(result.issues).toEqual([
        { row: 4, email: `idp@${ws.domain}`, kind: "skipped", message: "Managed by your identity provider: not changed" },
        { row: 5, email: "", kind: "error", message: "Missing email" },
        { row: 6, email: "not-an-email", kind: "error", message: "Invalid email address 'not-an-email'" },
        { row: 7, email: `new@${ws.domain}`, kind: "error", message: "Duplicate email within the file: line 2 has it too" },
        { row: 8, email: `elsewhere@${ws.domain}`, kind: "error", message: "Duplicate email within the file: line 2 has it too" },
      ]);

      const after = await list(ws.as, ws.slug);
      expect(after.counts).toMatchObject({ all: 3, manual: 2, synced: 1 });
      expect(after.rows.map((r) => [r.displayName, r.title])).toEqual([
        ["Idp Owned", "From the IdP"],
        ["Kept Manual", "New title"],
        ["New Person", null],
      ]);
      expect((await list(ws.as, ws.slug, { q: "person" })).rows.map((r) => r.email)).toEqual([`new@${ws.domain}`]);
      expect(manual.status).toBe(201);

      // The same file again changes nothing.
      const again = await importRows(ws.as, ws.slug, [
        { row: 2, email: `new@${ws.domain}`, firstName: "New", lastName: "Person", department: "Sales" },
        { row: 3, email: `kept@${ws.domain}`, title: "New title" },
      ]);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, skipped: 0, issues: [] });
    });

    it("refuses batches over 500 rows", async () => {
      const ws = await workspace("big");
      const rows = Array.from({ length: 501 }, (_, i) => ({ row: i + 2, email: `p${i}@${ws.domain}` }));
      const res = await ws.as(`/api/w/${ws.slug}/employees/import`, post({ rows }));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toContain("at most 500 rows");
      expect((await list(ws.as, ws.slug)).counts.all).toBe(0);
    });

    it("a SCIM create with the email of a CSV-imported employee links it: Linked in the list", async () => {
      const ws = await workspace("link");
      await importRows(ws.as, ws.slug, [{ row: 2, email: `Link.Me@${ws.domain}`, name: "Link Me" }]);
      const [imported] = (await list(ws.as, ws.slug, { tab: "manual" })).rows;
      const scimId = await provision(ws.scim, "Link", "Me", `link.me@${ws.domain}`);
      expect(scimId).toBe(imported!.id);
      const after = await list(ws.as, ws.slug);
      expect(after.counts).toMatchObject({ all: 1, linked: 1, manual: 0, synced: 0 });
      expect(after.rows[0]).toMatchObject({ id: imported!.id, status: "LINKED" });
      // Now the IdP owns it: the importer leaves it alone.
      const skipped = await importRows(ws.as, ws.slug, [{ row: 2, email: `link.me@${ws.domain}`, title: "CSV title" }]);
      expect(skipped.skipped).toBe(1);
    });
  });

  describe("GET /api/w/[slug]/employees/export", () => {
    it("streams the tab and search as RFC 4180 CSV with a header row", async () => {
      const ws = await workspace("export");
      await create(ws.as, ws.slug, { name: 'Quote "Q" Person', email: `q@${ws.domain}`, title: "Head, Sales" });
      await create(ws.as, ws.slug, { name: "Formula Person", email: `f@${ws.domain}`, title: "=HYPERLINK(1)", phone: "+49 30 1234" });
      await provision(ws.scim, "Synced", "Person", `s@${ws.domain}`);

      const res = await ws.as(`/api/w/${ws.slug}/employees/export?tab=manual`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="employees-${ws.slug}-manual-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
      const text = await res.text();
      expect(text).toContain(`"Quote ""Q"" Person"`);
      expect(text).toContain(`"Head, Sales"`);
      expect(text.split("\r\n")[0]).toBe("Name,Email,First name,Last name,Job title,Department,Location,Phone,Mobile,Organization,Employee number,Status,Pending activation,IdP user name,External ID,Muster ID,Created,Last change");
      const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true });
      expect(parsed.data.map((r) => [r.Name, r.Status, r["Job title"], r.Phone])).toEqual([
        ['Quote "Q" Person', "Manual", "Head, Sales", ""],
        ["Formula Person", "Manual", "'=HYPERLINK(1)", "+49 30 1234"],
      ]);

      const searched = Papa.parse<Record<string, string>>((await (await ws.as(`/api/w/${ws.slug}/employees/export?q=synced`)).text()).trim(), { header: true });
      expect(searched.data.map((r) => [r.Name, r.Status, r["IdP user name"]])).toEqual([["Synced Person", "Synced", `s@${ws.domain}`]]);
      const empty = await (await ws.as(`/api/w/${ws.slug}/employees/export?tab=archived`)).text();
      expect(empty.trim().split("\r\n")).toHaveLength(1);
    });

    it("exports more rows than one page (1000) completely", async () => {
      const ws = await workspace("bulk");
      for (let i = 0; i < 3; i++) {
        const rows = Array.from({ length: 500 }, (_, j) => ({ row: i * 500 + j + 2, email: `p${i * 500 + j}@${ws.domain}`, name: `Person ${i * 500 + j}` }));
        expect((await importRows(ws.as, ws.slug, rows)).created).toBe(500);
      }
      const text = await (await ws.as(`/api/w/${ws.slug}/employees/export`)).text();
      const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data).toHaveLength(1500);
      expect(new Set(parsed.data.map((r) => r.Email)).size).toBe(1500);
    });
  });

  describe("archive and restore", () => {
    it("archives and restores manual employees; IdP-owned ones are refused", async () => {
      const ws = await workspace("archive");
      const { body } = await create(ws.as, ws.slug, { name: "Temp Worker", email: `temp@${ws.domain}` });
      const id = body.employee!.id;
      expect((await ws.as(`/api/w/${ws.slug}/employees/${id}/archive`, { method: "POST" })).status).toBe(200);
      expect((await list(ws.as, ws.slug)).counts).toMatchObject({ archived: 1, manual: 0 });
      expect((await list(ws.as, ws.slug)).seats).toBe(0);
      expect((await ws.as(`/api/w/${ws.slug}/employees/${id}/archive`, { method: "POST" })).status).toBe(409);

      // While archived, its email is free: someone else takes it, so restoring is refused.
      const other = await create(ws.as, ws.slug, { name: "New Temp", email: `temp@${ws.domain}` });
      expect(other.status).toBe(201);
      const refused = await ws.as(`/api/w/${ws.slug}/employees/${id}/restore`, { method: "POST" });
      expect(refused.status).toBe(409);
      expect((await refused.json()).error).toContain("New Temp now has the email");
      expect((await ws.as(`/api/w/${ws.slug}/employees/${other.body.employee!.id}/archive`, { method: "POST" })).status).toBe(200);
      expect((await ws.as(`/api/w/${ws.slug}/employees/${id}/restore`, { method: "POST" })).status).toBe(200);
      expect((await (await ws.as(`/api/w/${ws.slug}/employees/${id}`)).json()).status).toBe("MANUAL");

      const synced = await provision(ws.scim, "Idp", "Person", `idp@${ws.domain}`);
      const res = await ws.as(`/api/w/${ws.slug}/employees/${synced}/archive`, { method: "POST" });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toContain("Managed by your identity provider");
    });
  });

  describe("GET /api/w/[slug]/employees/[id]/events", () => {
    it("lists every SCIM request about the employee, newest first, with readable summaries", async () => {
      const ws = await workspace("timeline");
      const id = await provision(ws.scim, "Tim", "Line", `tim@${ws.domain}`, { title: "Engineer" });
      await ws.scim.patch(`/Users/${id}`, patchOps({ op: "replace", path: "title", value: "Lead" }));
      await ws.scim.get(`/Users/${id}`);
      await ws.scim.patch(`/Users/${id}`, patchOps({ op: "replace", path: "active", value: false }));
      const res = await ws.as(`/api/w/${ws.slug}/employees/${id}/events`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { events: { method: string; status: number; summary: string }[]; total: number };
      expect(page.total).toBe(4);
      expect(page.events.map((e) => [e.method, e.status])).toEqual([
        ["PATCH", 200],
        ["GET", 200],
        ["PATCH", 200],
        ["POST", 201],
      ]);
      expect(page.events[0]!.summary).toContain("deactivated, employee archived");
      expect(page.events[2]!.summary).toContain("job title 'Engineer' → 'Lead'");
      expect(page.events[3]!.summary).toMatch(/^Created user tim@/);
      const detail = await (await ws.as(`/api/w/${ws.slug}/employees/${id}`)).json();
      expect(detail).toMatchObject({ status: "ARCHIVED", managedByIdp: true, userName: `tim@${ws.domain}` });
    });
  });

  describe("groups", () => {
    it("lists groups with member counts and pages a group's members", async () => {
      const ws = await workspace("groups");
      const ids: string[] = [];
      for (const [g, f] of [["Ann", "Able"], ["Ben", "Baker"], ["Cy", "Cole"]] as const) ids.push(await provision(ws.scim, g, f, `${g.toLowerCase()}@${ws.domain}`));
      const big = await ws.scim.post("/Groups", { schemas: [URN.GROUP], displayName: "Everyone", externalId: "ext-everyone", members: ids.map((value) => ({ value })) });
      const small = await ws.scim.post("/Groups", { schemas: [URN.GROUP], displayName: "Bakers", members: [{ value: ids[1] }] });
      expect([big.status, small.status]).toEqual([201, 201]);
      await ws.scim.post("/Groups", { schemas: [URN.GROUP], displayName: "Empty" });

      const groups = await (await ws.as(`/api/w/${ws.slug}/groups`)).json();
      expect(groups.total).toBe(3);
      expect(groups.rows.map((g: { displayName: string; memberCount: number; externalId: string | null }) => [g.displayName, g.memberCount, g.externalId])).toEqual([
        ["Bakers", 1, null],
        ["Empty", 0, null],
        ["Everyone", 3, "ext-everyone"],
      ]);
      expect((await (await ws.as(`/api/w/${ws.slug}/groups?q=every`)).json()).rows.map((g: { displayName: string }) => g.displayName)).toEqual(["Everyone"]);
      expect((await (await ws.as(`/api/w/${ws.slug}/groups?pageSize=2&page=2`)).json()).rows.map((g: { displayName: string }) => g.displayName)).toEqual(["Everyone"]);

      const members = async (qs: string) => (await (await ws.as(`/api/w/${ws.slug}/groups/${big.body.id}/members${qs}`)).json()) as { rows: { displayName: string }[]; total: number };
      expect((await members("")).rows.map((m) => m.displayName)).toEqual(["Ann Able", "Ben Baker", "Cy Cole"]);
      const page2 = await members("?pageSize=2&page=2");
      expect([page2.total, page2.rows.map((m) => m.displayName)]).toEqual([3, ["Cy Cole"]]);
      // Small pages of a big share of the workspace walk the employees in name order instead.
      expect((await members("?pageSize=1")).rows.map((m) => m.displayName)).toEqual(["Ann Able"]);
      expect((await members("?pageSize=1&page=2")).rows.map((m) => m.displayName)).toEqual(["Ben Baker"]);
      expect((await members("?q=bak")).rows.map((m) => m.displayName)).toEqual(["Ben Baker"]);
      expect((await ws.as(`/w/${ws.slug}/groups/${big.body.id}`)).status).toBe(200);

      // The employee page lists the groups.
      const detail = await (await ws.as(`/api/w/${ws.slug}/employees/${ids[1]}`)).json();
      expect(detail.groups.map((g: { displayName: string }) => g.displayName)).toEqual(["Bakers", "Everyone"]);
    });
  });
});
