// Custom roles through the admin API (create, rename, delete refused while in use or built in, one
// workspace's admin never reaching another's), an admin setting an employee's role (timeline,
// version), and what a role allows an employee to do, with a real employee session.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { employeeSignIn, type EmployeeFetch } from "../support/employee-session";
import { engines } from "../support/engines";
import { signIn, type SessionFetch } from "../support/session";
import { linkIn, startMailbox, waitFor, type Mailbox } from "../support/smtp";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const EMPLOYEE_PASSWORD = "employee password 123";

type Role = { key: string; name: string; description: string; capabilities: string[]; builtIn: boolean; position: number; holders: number };

const json = (method: string, body?: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const tag = () => crypto.randomBytes(4).toString("hex");

describe.each(engines())("roles on %s", (engine) => {
  let app: RunningApp;
  let mailbox: Mailbox;

  const workspace = async (label: string) => {
    const t = tag();
    const email = `owner-${t}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${t}`, "--owner", email, "--password", PASSWORD);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "Entra ID");
    const admin = await signIn(app.baseUrl, email, PASSWORD);
    const scim = (method: string, path: string, body?: unknown) =>
      fetch(`${app.baseUrl}/api/scim/v2${path}`, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { ...ws, email, admin, scim, domain: `${t}.${label}.test` };
  };
  type Ws = Awaited<ReturnType<typeof workspace>>;

  const provision = async (ws: Ws, given: string, family: string) => {
    const email = `${given.toLowerCase()}-${tag()}@${ws.domain}`;
    const res = await ws.scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: given, familyName: family },
      displayName: `${given} ${family}`,
      emails: [{ value: email, type: "work", primary: true }],
      active: true,
    });
    expect(res.status).toBe(201);
    return { id: ((await res.json()) as { id: string }).id, email };
  };

  const activate = async (email: string): Promise<EmployeeFetch> => {
    const mail = await waitFor(`the activation email to ${email}`, () => mailbox.to(email)[0]);
    const token = linkIn(mail, `${app.baseUrl}/activate/`).split("/").pop()!;
    const res = await employeeSignIn(app.baseUrl, { mode: "activate", token, password: EMPLOYEE_PASSWORD });
    if (!res.ok) throw new Error(`activation failed: ${res.error}`);
    return res.fetch;
  };

  const roles = async (as: SessionFetch, slug: string) => {
    const res = await as(`/api/w/${slug}/roles`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { roles: Role[] }).roles;
  };
  const createRole = async (as: SessionFetch, slug: string, body: unknown) => {
    const res = await as(`/api/w/${slug}/roles`, json("POST", body));
    return { status: res.status, body: (await res.json()) as { role?: Role; error?: string } };
  };
  const setRole = (as: SessionFetch, slug: string, id: string, role: string) => as(`/api/w/${slug}/employees/${id}/role`, json("PUT", { role }));
  const setCapabilities = async (ws: Ws, key: string, name: string, capabilities: string[]) => {
    const res = await ws.admin(`/api/w/${ws.slug}/roles/${key}`, json("PUT", { name, description: "", capabilities }));
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    mailbox = await startMailbox();
    app = await startApp(engine, {
      env: { SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, MAIL_FROM: "Muster <muster@example.test>", MUSTER_MAIL_RETRY_BASE_MS: "200", MUSTER_MAIL_WORKER_INTERVAL_MS: "200" },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await mailbox?.stop();
  });

  describe("/api/w/[slug]/roles", () => {
    it("lists the built-in roles with their holders; creates, renames and describes a role whose key stays", async () => {
      const ws = await workspace("crud");
      await provision(ws, "Ada", "Lovelace");
      await provision(ws, "Grace", "Hopper");
      const before = await roles(ws.admin, ws.slug);
      expect(before.map((r) => [r.key, r.name, r.builtIn, r.holders])).toEqual([
        ["MEMBER", "Member", true, 2],
        ["GUEST", "Guest", true, 0],
      ]);
      expect(before[0]!.capabilities).toEqual(["colleagues", "editCard", "listed"]);

      const created = await createRole(ws.admin, ws.slug, { name: "  Sales Lead ", description: "Runs a sales team", capabilities: ["listed", "colleagues"] });
      expect(created.status).toBe(201);
      expect(created.body.role).toMatchObject({ key: "SALES_LEAD", name: "Sales Lead", description: "Runs a sales team", capabilities: ["colleagues", "listed"], builtIn: false, position: 2, holders: 0 });

      // Names are unique ignoring case; bad input is a 400 that says what is wrong.
      const dup = await createRole(ws.admin, ws.slug, { name: "sales LEAD", capabilities: [] });
      expect(dup.status).toBe(409);
      expect(dup.body.error).toBe("A role named Sales Lead already exists");
      expect((await createRole(ws.admin, ws.slug, { name: "member" })).status).toBe(409);
      const empty = await createRole(ws.admin, ws.slug, { name: "   " });
      expect(empty.status).toBe(400);
      expect(empty.body.error).toContain("Give the role a name");
      expect((await createRole(ws.admin, ws.slug, { name: "Admins", capabilities: ["deleteEverything"] })).status).toBe(400);

      // Renaming keeps the key; a second role whose name slugs the same gets its own key.
      const renamed = await ws.admin(`/api/w/${ws.slug}/roles/SALES_LEAD`, json("PUT", { name: "Sales Manager", description: "", capabilities: ["editCard"] }));
      expect(renamed.status).toBe(200);
      expect(((await renamed.json()) as { role: Role }).role).toMatchObject({ key: "SALES_LEAD", name: "Sales Manager", capabilities: ["editCard"] });
      expect((await createRole(ws.admin, ws.slug, { name: "Sales-Lead" })).body.role?.key).toBe("SALES_LEAD_2");
      expect((await ws.admin(`/api/w/${ws.slug}/roles/NOPE`, json("PUT", { name: "X" }))).status).toBe(404);

      // Built-in roles can be renamed and changed, never deleted.
      expect((await ws.admin(`/api/w/${ws.slug}/roles/GUEST`, json("PUT", { name: "Contractor", description: "External staff", capabilities: [] }))).status).toBe(200);
      const del = await ws.admin(`/api/w/${ws.slug}/roles/GUEST`, json("DELETE"));
      expect(del.status).toBe(409);
      expect(((await del.json()) as { error: string }).error).toBe("Contractor is built in and cannot be deleted. You can rename it or change what it allows.");
      expect((await roles(ws.admin, ws.slug)).map((r) => r.name)).toEqual(["Member", "Contractor", "Sales Manager", "Sales-Lead"]);
    });

    it("refuses to delete a role employees hold, says how many, and deletes it once they moved", async () => {
      const ws = await workspace("inuse");
      const a = await provision(ws, "Ada", "Lovelace");
      const b = await provision(ws, "Grace", "Hopper");
      await createRole(ws.admin, ws.slug, { name: "Sales Lead", capabilities: ["listed"] });
      expect((await setRole(ws.admin, ws.slug, a.id, "SALES_LEAD")).status).toBe(200);
      expect((await setRole(ws.admin, ws.slug, b.id, "SALES_LEAD")).status).toBe(200);
      expect((await roles(ws.admin, ws.slug)).find((r) => r.key === "SALES_LEAD")?.holders).toBe(2);

      const refused = await ws.admin(`/api/w/${ws.slug}/roles/SALES_LEAD`, json("DELETE"));
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: string }).error).toBe("2 employees hold Sales Lead. Move them to another role first.");
      expect((await roles(ws.admin, ws.slug)).some((r) => r.key === "SALES_LEAD")).toBe(true);

      expect((await setRole(ws.admin, ws.slug, a.id, "MEMBER")).status).toBe(200);
      const one = await ws.admin(`/api/w/${ws.slug}/roles/SALES_LEAD`, json("DELETE"));
      expect(((await one.json()) as { error: string }).error).toBe("1 employee holds Sales Lead. Move them to another role first.");

      // The role for unknown IdP roles and group rules are dependants too.
      expect((await setRole(ws.admin, ws.slug, b.id, "GUEST")).status).toBe(200);
      await sql(app, `UPDATE "Workspace" SET "unknownRole" = 'SALES_LEAD' WHERE id = $1`, [ws.workspaceId]);
      const unknown = await ws.admin(`/api/w/${ws.slug}/roles/SALES_LEAD`, json("DELETE"));
      expect(unknown.status).toBe(409);
      expect(((await unknown.json()) as { error: string }).error).toContain("Choose another role for them in Settings first");
      await sql(app, `UPDATE "Workspace" SET "unknownRole" = '', "defaultRole" = 'SALES_LEAD' WHERE id = $1`, [ws.workspaceId]);
      const byDefault = await ws.admin(`/api/w/${ws.slug}/roles/SALES_LEAD`, json("DELETE"));
      expect(byDefault.status).toBe(409);
      expect(((await byDefault.json()) as { error: string }).error).toBe("Sales Lead is the workspace's default role. Choose another default role in Settings first.");
      await sql(app, `UPDATE "Workspace" SET "defaultRole" = 'MEMBER' WHERE id = $1`, [ws.workspaceId]);
      await sql(app, `INSERT INTO "RoleMapping" (id, "workspaceId", "groupName", role, position) VALUES ($1, $2, 'Sales', 'SALES_LEAD', 0)`, [`rm-${tag()}`, ws.workspaceId]);
      const byRule = await ws.admin(`/api/w/${ws.slug}/roles/SALES_LEAD`, json("DELETE"));
      expect(byRule.status).toBe(409);
      expect(((await byRule.json()) as { error: string }).error).toBe("A group rule gives Sales Lead (members of Sales). Change it in Settings first.");
      await sql(app, `DELETE FROM "RoleMapping" WHERE "workspaceId" = $1`, [ws.workspaceId]);

      const deleted = await ws.admin(`/api/w/${ws.slug}/roles/SALES_LEAD`, json("DELETE"));
      expect(deleted.status).toBe(200);
      expect((await roles(ws.admin, ws.slug)).map((r) => r.key)).toEqual(["MEMBER", "GUEST"]);
      expect((await ws.admin(`/api/w/${ws.slug}/roles/SALES_LEAD`)).status).toBe(404);
    });

    it("a delete racing an admin who gives the role to someone never leaves an employee with a deleted role", async () => {
      const ws = await workspace("race");
      const ada = await provision(ws, "Ada", "Lovelace");
      for (let i = 0; i < 6; i++) {
        const name = `Temp ${i}`;
        const key = (await createRole(ws.admin, ws.slug, { name })).body.role!.key;
        const [set, del] = await Promise.all([setRole(ws.admin, ws.slug, ada.id, key), ws.admin(`/api/w/${ws.slug}/roles/${key}`, json("DELETE"))]);
        const [row] = await sql(app, `SELECT role FROM "Employee" WHERE id = $1`, [ada.id]);
        const remaining = await sql(app, `SELECT key FROM "Role" WHERE "workspaceId" = $1 AND key = $2`, [ws.workspaceId, key]);
        // Exactly one wins: the role is given and kept, or deleted and never given.
        if (del.status === 200) {
          expect(set.status).toBe(400);
          expect(remaining).toHaveLength(0);
          expect(row!.role).not.toBe(key);
        } else {
          expect(del.status).toBe(409);
          expect(set.status).toBe(200);
          expect(remaining).toHaveLength(1);
          expect(row!.role).toBe(key);
          expect((await setRole(ws.admin, ws.slug, ada.id, "MEMBER")).status).toBe(200);
        }
      }
    });

    it("every change moves the workspace's policy version (cached policies expire)", async () => {
      const ws = await workspace("policy");
      const version = async () => Number((await sql(app, `SELECT "policyVersion" AS v FROM "Workspace" WHERE id = $1`, [ws.workspaceId]))[0]!.v);
      const v0 = await version();
      await createRole(ws.admin, ws.slug, { name: "Intern" });
      const v1 = await version();
      expect(v1).toBe(v0 + 1);
      await ws.admin(`/api/w/${ws.slug}/roles/INTERN`, json("PUT", { name: "Interns" }));
      expect(await version()).toBe(v1 + 1);
      await ws.admin(`/api/w/${ws.slug}/roles/INTERN`, json("DELETE"));
      expect(await version()).toBe(v1 + 2);
    });

    it("another workspace's admin cannot see or touch the roles or set a role", async () => {
      const a = await workspace("tenant-a");
      const b = await workspace("tenant-b");
      const ada = await provision(a, "Ada", "Lovelace");
      await createRole(a.admin, a.slug, { name: "Sales Lead" });

      expect((await b.admin(`/api/w/${a.slug}/roles`)).status).toBe(404);
      expect((await b.admin(`/api/w/${a.slug}/roles`, json("POST", { name: "Sneaky" }))).status).toBe(404);
      expect((await b.admin(`/api/w/${a.slug}/roles/SALES_LEAD`, json("PUT", { name: "Renamed" }))).status).toBe(404);
      expect((await b.admin(`/api/w/${a.slug}/roles/SALES_LEAD`, json("DELETE"))).status).toBe(404);
      expect((await setRole(b.admin, a.slug, ada.id, "GUEST")).status).toBe(404);
      // Through their own workspace, A's role key and A's employee are simply not found.
      expect((await b.admin(`/api/w/${b.slug}/roles/SALES_LEAD`, json("PUT", { name: "Renamed" }))).status).toBe(404);
      expect((await setRole(b.admin, b.slug, ada.id, "GUEST")).status).toBe(404);
      expect((await fetch(`${app.baseUrl}/api/w/${a.slug}/roles`)).status).toBe(401);

      expect((await roles(a.admin, a.slug)).map((r) => [r.name, r.holders])).toEqual([
        ["Member", 1],
        ["Guest", 0],
        ["Sales Lead", 0],
      ]);
      expect((await roles(b.admin, b.slug)).map((r) => r.key)).toEqual(["MEMBER", "GUEST"]);
    });
  });

  describe("PUT /api/w/[slug]/employees/[id]/role", () => {
    it("sets the role by hand, moves the version on and shows the change in the timeline", async () => {
      const ws = await workspace("setrole");
      const ada = await provision(ws, "Ada", "Lovelace");
      await createRole(ws.admin, ws.slug, { name: "Sales Lead", capabilities: ["listed"] });
      const etag = (await ws.scim("GET", `/Users/${ada.id}`)).headers.get("etag");

      const res = await setRole(ws.admin, ws.slug, ada.id, "SALES_LEAD");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ changed: true, role: "SALES_LEAD", roleSource: "admin" });
      const [row] = await sql(app, `SELECT role, "roleSource" AS source FROM "Employee" WHERE id = $1`, [ada.id]);
      expect(row).toEqual({ role: "SALES_LEAD", source: "admin" });
      expect((await ws.scim("GET", `/Users/${ada.id}`)).headers.get("etag")).not.toBe(etag);

      const timeline = (await (await ws.admin(`/api/w/${ws.slug}/employees/${ada.id}/events`)).json()) as { total: number; events: { method: string; status: number; summary: string }[] };
      expect(timeline.events.filter((e) => e.method === "PUT")).toEqual([expect.objectContaining({ status: 200, summary: `Role Member → Sales Lead (set by ${ws.email})` })]);
      // Logged as a dashboard change, not as a request of a SCIM token.
      const [logged] = await sql(app, `SELECT "tokenId" AS token, client FROM "ProvisioningEvent" WHERE "employeeId" = $1 AND method = 'PUT'`, [ada.id]);
      expect(logged).toEqual({ token: null, client: `Muster dashboard (${ws.email})` });

      // The same role again changes nothing and records nothing.
      expect(await (await setRole(ws.admin, ws.slug, ada.id, "SALES_LEAD")).json()).toEqual({ changed: false, role: "SALES_LEAD", roleSource: "admin" });
      const again = (await (await ws.admin(`/api/w/${ws.slug}/employees/${ada.id}/events`)).json()) as { total: number };
      expect(again.total).toBe(timeline.total);

      const unknown = await setRole(ws.admin, ws.slug, ada.id, "CEO");
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as { error: string }).error).toContain("no such role");
      expect((await setRole(ws.admin, ws.slug, "no-such-employee", "GUEST")).status).toBe(404);
      expect((await ws.admin(`/api/w/${ws.slug}/employees/${ada.id}/role`, json("PUT", {}))).status).toBe(400);
    });
  });

  describe("what a role allows an employee", () => {
    it("editCard: without it the card route refuses edits and /me says why", async () => {
      const ws = await workspace("edit");
      const ada = await provision(ws, "Ada", "Lovelace");
      const me = await activate(ada.email);
      expect((await ws.admin(`/api/w/${ws.slug}/employees/${ada.id}/card/title`, json("PATCH", { action: "unlock" }))).status).toBe(200);
      expect((await me("/api/me/card", json("PATCH", { fields: { title: "Countess" } }))).status).toBe(200);
      // A custom attribute on the card, unlocked by the admin, is the employee's to edit too.
      const declared = await ws.admin(`/api/w/${ws.slug}/attributes`, json("POST", { label: "Badge ID", type: "string", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId", onCard: true }));
      expect(declared.status).toBe(201);
      expect((await ws.admin(`/api/w/${ws.slug}/employees/${ada.id}/card/attr.badgeId`, json("PATCH", { action: "unlock" }))).status).toBe(200);
      expect((await me("/api/me/card", json("PATCH", { fields: { "attr.badgeId": "B-2" } }))).status).toBe(200);
      const withBadge = (await (await ws.admin(`/api/w/${ws.slug}/employees/${ada.id}/card`)).json()) as { fields: { key: string; value: string | null }[] };
      expect(withBadge.fields.find((f) => f.key === "attr.badgeId")?.value).toBe("B-2");

      await setCapabilities(ws, "MEMBER", "Member", ["colleagues", "listed"]);
      const refused = await me("/api/me/card", json("PATCH", { fields: { title: "Analyst" } }));
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: string }).error).toBe("Your role (Member) does not let you edit your card. Your company keeps it up to date; ask your admin if something is wrong.");
      const card = (await (await ws.admin(`/api/w/${ws.slug}/employees/${ada.id}/card`)).json()) as { fields: { key: string; value: string | null }[] };
      expect(card.fields.find((f) => f.key === "title")?.value).toBe("Countess");
      const html = await (await me("/me")).text();
      expect(html).toContain("does not let you edit your card");
      expect(html).not.toContain("Save changes");
    });

    it("listed: without it the share page and vCard are 404 and /me offers no sharing", async () => {
      const ws = await workspace("listed");
      const ada = await provision(ws, "Ada", "Lovelace");
      const me = await activate(ada.email);
      const shareId = String((await sql(app, `SELECT "shareId" AS s FROM "Employee" WHERE id = $1`, [ada.id]))[0]!.s);
      expect((await fetch(`${app.baseUrl}/c/${shareId}`)).status).toBe(200);
      expect(await (await me("/me")).text()).toContain("Share your card");

      await createRole(ws.admin, ws.slug, { name: "Unlisted", capabilities: ["editCard"] });
      expect((await setRole(ws.admin, ws.slug, ada.id, "UNLISTED")).status).toBe(200);
      expect((await fetch(`${app.baseUrl}/c/${shareId}`)).status).toBe(404);
      expect((await fetch(`${app.baseUrl}/c/${shareId}/vcard`)).status).toBe(404);
      const html = await (await me("/me")).text();
      expect(html).not.toContain("Share your card");
      expect(html).toContain("Your role (Unlisted) has no public card");

      // Giving the role `listed` brings the public card back at once.
      await setCapabilities(ws, "UNLISTED", "Unlisted", ["editCard", "listed"]);
      expect((await fetch(`${app.baseUrl}/c/${shareId}/vcard`)).status).toBe(200);
    });

    it("colleagues: the directory shows listed, non-archived colleagues' cards, searched and paged; other roles are told why not", async () => {
      const ws = await workspace("dir");
      const ada = await provision(ws, "Ada", "Lovelace");
      const grace = await provision(ws, "Grace", "Hopper");
      const alan = await provision(ws, "Alan", "Turing");
      const hidden = await provision(ws, "Hedy", "Lamarr");
      await createRole(ws.admin, ws.slug, { name: "Hidden", capabilities: ["colleagues"] });
      expect((await setRole(ws.admin, ws.slug, hidden.id, "HIDDEN")).status).toBe(200);
      expect((await ws.scim("PATCH", `/Users/${alan.id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] })).status).toBe(200);
      const me = await activate(ada.email);

      const page = await me("/me/colleagues");
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Grace Hopper");
      expect(html).not.toContain("Alan Turing"); // archived
      expect(html).not.toContain("Hedy Lamarr"); // role not listed
      expect(html).not.toContain("Ada Lovelace"); // herself
      expect(html).toContain("Showing 1–1 of 1 colleagues");
      expect(await (await me("/me")).text()).toContain('href="/me/colleagues"');

      const found = await (await me("/me/colleagues?q=hop")).text();
      expect(found).toContain("Grace Hopper");
      const none = await (await me("/me/colleagues?q=zzz")).text();
      expect(none).not.toContain("Grace Hopper");
      expect(none).toContain("No colleague");

      await setCapabilities(ws, "MEMBER", "Member", ["editCard", "listed"]);
      const refused = await (await me("/me/colleagues")).text();
      expect(refused).toContain("Your role (Member) lets you see only your own card.");
      expect(refused).not.toContain("Grace Hopper");
      expect(await (await me("/me")).text()).not.toContain('href="/me/colleagues"');
      expect(grace.id).toBeTruthy();
    });

    it("the colleagues directory pages in the database", async () => {
      const ws = await workspace("paging");
      const first = await provision(ws, "Aaron", "Able");
      for (let i = 0; i < 13; i++) await provision(ws, `Person${String(i).padStart(2, "0")}`, "Test");
      const me = await activate(first.email);
      const one = await (await me("/me/colleagues")).text();
      expect(one).toContain("Showing 1–12 of 13 colleagues");
      expect(one).toContain("Person00 Test");
      expect(one).not.toContain("Person12 Test");
      const two = await (await me("/me/colleagues?page=2")).text();
      expect(two).toContain("Showing 13–13 of 13 colleagues");
      expect(two).toContain("Person12 Test");
    });
  });
});
