// A workspace's seat limit and required attributes, through every way an employee arrives: SCIM
// (Entra ID's and Okta's shapes, Bulk), the dashboard's "Add employee", a CSV import and a restore.
// A refusal writes nothing, says why to the IdP (status and detail) and in the provisioning log.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { entraUser, oktaUser, patchOps, scim, URN } from "../support/scim-client";
import { signIn } from "../support/session";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const post = (body: unknown): RequestInit => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

type Event = { status: number; error: string | null; advice: { title: string; action: string } | null; summary: string | null };

describe.each(engines())("seat limit and required attributes on %s", (engine) => {
  let app: RunningApp;

  const workspace = async (label: string, limits: { seatLimit?: number | null; required?: string[] }) => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", email, "--password", PASSWORD);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "Entra ID");
    // The Settings page saves through a server action (e2e covers it); here the stored values are set directly.
    await sql(app, `UPDATE "Workspace" SET "seatLimit" = $1, "requiredAttributes" = $2, "policyVersion" = "policyVersion" + 1 WHERE "slug" = $3`, [
      limits.seatLimit ?? null,
      JSON.stringify(limits.required ?? ["email"]),
      ws.slug,
    ]);
    return { ...ws, as: await signIn(app.baseUrl, email, PASSWORD), scim: scim(app.baseUrl, token), domain: `${tag}.${label}.test` };
  };
  type Ws = Awaited<ReturnType<typeof workspace>>;

  const count = async (ws: Ws) => Number((await sql(app, `SELECT COUNT(*) AS n FROM "Employee" WHERE "workspaceId" = $1`, [ws.workspaceId]))[0]!.n);
  const seats = async (ws: Ws) => Number((await sql(app, `SELECT COUNT(*) AS n FROM "Employee" WHERE "workspaceId" = $1 AND "status" <> 'ARCHIVED'`, [ws.workspaceId]))[0]!.n);
  const lastError = async (ws: Ws): Promise<Event> => {
    const res = await ws.as(`/api/w/${ws.slug}/events?outcome=client-error`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: Event[] };
    return body.events[0]!;
  };
  const user = (ws: Ws, name: string, extra: Record<string, unknown> = {}) => entraUser({ userName: `${name}@${ws.domain}`, emails: [{ primary: true, type: "work", value: `${name}@${ws.domain}` }], ...extra });

  beforeAll(async () => {
    app = await startApp(engine);
  });
  afterAll(async () => app?.stop());

  describe("seat limit", () => {
    let ws: Ws;
    beforeAll(async () => {
      ws = await workspace("seats", { seatLimit: 3 });
    });

    it("refuses the user beyond the limit with a 403 the IdP shows, writes nothing, and logs advice", async () => {
      const ids: string[] = [];
      for (const name of ["ada", "grace", "alan"]) {
        const res = await ws.scim.post("/Users", user(ws, name));
        expect(res.status).toBe(201);
        ids.push(res.body.id);
      }
      const before = await count(ws);
      const res = await ws.scim.post("/Users", user(ws, "katherine"));
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toMatch(/application\/scim\+json/);
      expect(res.body.schemas).toEqual([URN.ERROR]);
      expect(res.body.status).toBe("403");
      expect(res.body.detail).toMatch(/^Seat limit reached: this workspace allows 3 employees who are not archived and has 3\. Nothing was written\./);
      expect(await count(ws)).toBe(before);
      // Okta looks the user up first: nobody was half-created under that userName.
      const lookup = await ws.scim.get(`/Users?filter=${encodeURIComponent(`userName eq "katherine@${ws.domain}"`)}`);
      expect(lookup.body.totalResults).toBe(0);

      const logged = await lastError(ws);
      expect(logged.status).toBe(403);
      expect(logged.error).toMatch(/Seat limit reached/);
      expect(logged.advice?.title).toBe("Seat limit reached");
      expect(logged.advice?.action).toMatch(/Raise the limit in Settings/);
    });

    it("a deactivated (archived) employee frees its seat; re-activating it beyond the limit is refused", async () => {
      const list = await ws.scim.get(`/Users?filter=${encodeURIComponent(`userName eq "alan@${ws.domain}"`)}`);
      const alan = list.body.Resources[0].id as string;
      // Entra's disable: archived, not a seat.
      expect((await ws.scim.patch(`/Users/${alan}`, patchOps({ op: "Replace", path: "active", value: "False" }))).status).toBe(200);
      expect(await seats(ws)).toBe(2);
      // The freed seat goes to someone new (Okta's shape) …
      expect((await ws.scim.post("/Users", oktaUser({ userName: `mary@${ws.domain}`, emails: [{ primary: true, type: "work", value: `mary@${ws.domain}` }] }))).status).toBe(201);
      // … so Okta's re-activation of alan (a PUT with active true) no longer fits.
      const current = (await ws.scim.get(`/Users/${alan}`)).body;
      const put = await ws.scim.put(`/Users/${alan}`, { ...current, active: true });
      expect(put.status).toBe(403);
      expect(put.body.detail).toMatch(/Seat limit reached/);
      expect((await ws.scim.get(`/Users/${alan}`)).body.active).toBe(false);
      expect(await seats(ws)).toBe(3);
      // Updates of employees who have a seat still go through.
      expect((await ws.scim.patch(`/Users/${alan}`, patchOps({ op: "replace", path: "title", value: "Cryptanalyst" }))).status).toBe(200);
    });

    it("Bulk: the operation beyond the limit fails on its own, the others apply", async () => {
      await sql(app, `UPDATE "Workspace" SET "seatLimit" = 4, "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [ws.workspaceId]);
      const res = await ws.scim.post("/Bulk", {
        schemas: [URN.BULK_REQUEST],
        Operations: [
          { method: "POST", path: "/Users", bulkId: "a", data: user(ws, "bulk-a") },
          { method: "POST", path: "/Users", bulkId: "b", data: user(ws, "bulk-b") },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.Operations.map((o: { status: string }) => o.status)).toEqual(["201", "403"]);
      expect(res.body.Operations[1].response.detail).toMatch(/Seat limit reached/);
      expect(await seats(ws)).toBe(4);
    });

    it("the dashboard's Add employee, a CSV import and a restore by hand are refused alike", async () => {
      const add = await ws.as(`/api/w/${ws.slug}/employees`, post({ name: "Hand Added", email: `hand@${ws.domain}` }));
      expect(add.status).toBe(409);
      expect(((await add.json()) as { error: string }).error).toMatch(/^Seat limit reached: 4 of 4 seats are taken\. Raise the limit in Settings/);

      const before = await count(ws);
      const csv = await ws.as(`/api/w/${ws.slug}/employees/import`, post({ rows: [{ row: 2, email: `csv1@${ws.domain}`, name: "Csv One" }] }));
      expect(csv.status).toBe(409);
      expect(((await csv.json()) as { error: string }).error).toMatch(/Seat limit reached/);
      expect(await count(ws)).toBe(before);

      // Room for one: a file with two new employees is refused whole.
      await sql(app, `UPDATE "Workspace" SET "seatLimit" = 5, "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [ws.workspaceId]);
      const two = await ws.as(`/api/w/${ws.slug}/employees/import`, post({ rows: [{ row: 2, email: `csv1@${ws.domain}` }, { row: 3, email: `csv2@${ws.domain}` }] }));
      expect(two.status).toBe(409);
      expect(((await two.json()) as { error: string }).error).toMatch(/4 of 5 seats are taken and this would add 2/);
      expect(await count(ws)).toBe(before);

      const one = await ws.as(`/api/w/${ws.slug}/employees`, post({ name: "Hand Added", email: `hand@${ws.domain}` }));
      expect(one.status).toBe(201);
      const { employee } = (await one.json()) as { employee: { id: string } };
      expect((await ws.as(`/api/w/${ws.slug}/employees/${employee.id}/archive`, post({}))).status).toBe(200);
      expect((await ws.as(`/api/w/${ws.slug}/employees`, post({ name: "Someone Else", email: `else@${ws.domain}` }))).status).toBe(201);
      const restore = await ws.as(`/api/w/${ws.slug}/employees/${employee.id}/restore`, post({}));
      expect(restore.status).toBe(409);
      expect(((await restore.json()) as { error: string }).error).toMatch(/Seat limit reached/);
    });

    it("concurrent creates never exceed the limit", async () => {
      const w = await workspace("race", { seatLimit: 5 });
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => w.scim.post("/Users", user(w, `racer${i}`))));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(5);
      expect(statuses.filter((s) => s !== 201).every((s) => s === 403)).toBe(true);
      expect(await seats(w)).toBe(5);
    });
  });

  describe("required attributes", () => {
    it("an Entra create without an email is a 400 naming the attribute and the mapping", async () => {
      const ws = await workspace("req", { required: ["email"] });
      const res = await ws.scim.post("/Users", entraUser({ userName: `noemail@${ws.domain}`, emails: [] }));
      expect(res.status).toBe(400);
      expect(res.body.scimType).toBe("invalidValue");
      expect(res.body.detail).toMatch(/^Missing required attribute emails\[type eq "work"\]\.value \(email\)/);
      expect(res.body.detail).toMatch(/Microsoft Entra ID: .*mail \(or userPrincipalName\) → emails\[type eq "work"\]\.value/);
      expect(res.body.detail).toMatch(/Okta: .*user\.email → email/);
      expect(await count(ws)).toBe(0);
      const logged = await lastError(ws);
      expect(logged.advice?.title).toBe("Required attribute missing");
      // With the email, the same user is created.
      expect((await ws.scim.post("/Users", user(ws, "noemail"))).status).toBe(201);
    });

    it("several required attributes: each missing one is named; Okta's shape; updates are not held to them", async () => {
      const ws = await workspace("req2", { required: ["email", "department", "employeeNumber"] });
      const res = await ws.scim.post("/Users", oktaUser({ userName: `okta@${ws.domain}`, emails: [{ primary: true, type: "work", value: `okta@${ws.domain}` }] }));
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/Missing required attributes urn:ietf:params:scim:schemas:extension:enterprise:2\.0:User:department \(department\), urn:ietf:params:scim:schemas:extension:enterprise:2\.0:User:employeeNumber \(employee number\)/);
      const ok = await ws.scim.post("/Users", {
        ...oktaUser({ userName: `okta@${ws.domain}`, emails: [{ primary: true, type: "work", value: `okta@${ws.domain}` }] }),
        schemas: [URN.USER, URN.ENTERPRISE],
        [URN.ENTERPRISE]: { department: "Sales", employeeNumber: "1001" },
      });
      expect(ok.status).toBe(201);
      // A later PATCH that clears the department is an update, not a new employee: accepted.
      expect((await ws.scim.patch(`/Users/${ok.body.id}`, patchOps({ op: "remove", path: `${URN.ENTERPRISE}:department` }))).status).toBe(200);
    });

    it("the dashboard and CSV import hold new employees to the attributes they carry", async () => {
      const ws = await workspace("req3", { required: ["email", "title", "employeeNumber"] });
      const add = await ws.as(`/api/w/${ws.slug}/employees`, post({ name: "No Title", email: `nt@${ws.domain}` }));
      expect(add.status).toBe(400);
      const body = (await add.json()) as { error: string; fieldErrors?: Record<string, string> };
      expect(body.error).toBe("This workspace requires job title for every new employee (Settings → Required attributes).");
      // employeeNumber is for the IdP only: the form has no such field, so it is not asked for.
      expect((await ws.as(`/api/w/${ws.slug}/employees`, post({ name: "With Title", email: `wt@${ws.domain}`, title: "Engineer" }))).status).toBe(201);

      const csv = await ws.as(`/api/w/${ws.slug}/employees/import`, post({ rows: [{ row: 2, email: `a@${ws.domain}`, name: "A" }, { row: 3, email: `b@${ws.domain}`, name: "B", title: "Analyst" }, { row: 4, email: `wt@${ws.domain}`, name: "With Title" }] }));
      expect(csv.status).toBe(200);
      const result = (await csv.json()) as { created: number; updated: number; unchanged: number; issues: { row: number; message: string }[] };
      expect(result.created).toBe(1);
      expect(result.issues).toEqual([expect.objectContaining({ row: 2, message: expect.stringMatching(/requires job title/) })]);
    });
  });
});
