// Custom attributes through the dashboard's JSON routes, the way the browser calls them: declaring
// (valid and invalid paths, with their messages), editing, deleting with the count of values,
// workspace isolation, the employee list's columns, the card, and CSV export and import.
import crypto from "node:crypto";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapColumns, toImportRows } from "@/lib/employees/csv-import";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { signIn, type SessionFetch } from "../support/session";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const BADGE = "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId";

type Attribute = { id: string; key: string; label: string; type: string; scimPath: string; onCard: boolean; position: number; valueCount: number };
type ImportResult = { created: number; updated: number; unchanged: number; skipped: number; issues: { row: number; email: string; kind: string; message: string }[] };
type ListRow = { id: string; email: string; attributes?: Record<string, { text: string; ref?: { id: string; name: string } }> };

const send = (method: string, body?: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

describe.each(engines())("custom attributes admin routes on %s", (engine) => {
  let app: RunningApp;

  const workspace = async (label: string) => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", email, "--password", PASSWORD);
    return { ...ws, as: await signIn(app.baseUrl, email, PASSWORD), domain: `${tag}.${label}.test` };
  };

  const declare = async (as: SessionFetch, slug: string, body: Record<string, unknown>) => {
    const res = await as(`/api/w/${slug}/attributes`, send("POST", body));
    return { status: res.status, body: (await res.json()) as { attribute?: Attribute; error?: string; field?: string } };
  };
  const declared = async (as: SessionFetch, slug: string, body: Record<string, unknown>) => {
    const r = await declare(as, slug, body);
    expect(r.status, r.body.error).toBe(201);
    return r.body.attribute!;
  };
  const listOf = async (as: SessionFetch, slug: string) => ((await (await as(`/api/w/${slug}/attributes`)).json()) as { attributes: Attribute[] }).attributes;
  const addEmployee = async (as: SessionFetch, slug: string, name: string, email: string) => {
    const res = await as(`/api/w/${slug}/employees`, send("POST", { name, email }));
    expect(res.status).toBe(201);
    return ((await res.json()) as { employee: { id: string } }).employee.id;
  };
  const setValue = (workspaceId: string, employeeId: string, attributeId: string, value: string) =>
    sql(app, `INSERT INTO "EmployeeAttribute" ("employeeId", "attributeId", "workspaceId", "value", "valueKey") VALUES ($1, $2, $3, $4, $5)`, [employeeId, attributeId, workspaceId, value, value.toLowerCase()]);
  const policyVersion = async (workspaceId: string) => Number((await sql(app, `SELECT "policyVersion" FROM "Workspace" WHERE "id" = $1`, [workspaceId]))[0]!.policyVersion);
  const importRows = async (as: SessionFetch, slug: string, rows: unknown[]) => {
    const res = await as(`/api/w/${slug}/employees/import`, send("POST", { rows }));
    expect(res.status).toBe(200);
    return (await res.json()) as ImportResult;
  };
  const employeesWith = async (as: SessionFetch, slug: string, cols: string) => {
    const res = await as(`/api/w/${slug}/employees?tab=manual&sort=email&cols=${cols}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { rows: ListRow[]; columns: { key: string; label: string; type: string }[] };
  };

  beforeAll(async () => {
    app = await startApp(engine);
  });
  afterAll(async () => app?.stop());

  it("refuses the routes without a session (401) and a cross-site change (403)", async () => {
    const { slug, as } = await workspace("anon");
    expect((await fetch(`${app.baseUrl}/api/w/${slug}/attributes`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/w/${slug}/attributes`, send("POST", { label: "x", type: "string", scimPath: "nickName" }))).status).toBe(401);
    const cross = await as(`/api/w/${slug}/attributes`, { ...send("POST", { label: "x", type: "string", scimPath: "nickName" }), headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site" } });
    expect(cross.status).toBe(403);
  });

  it("POST /attributes declares core, enterprise and extension paths; keys come from the labels; each change expires the policy", async () => {
    const ws = await workspace("declare");
    const before = await policyVersion(ws.workspaceId);
    const badge = await declared(ws.as, ws.slug, { label: "Badge ID", type: "number", scimPath: BADGE });
    expect(badge).toMatchObject({ key: "badgeId", label: "Badge ID", type: "number", scimPath: BADGE, onCard: false, position: 0, valueCount: 0 });
    expect(await policyVersion(ws.workspaceId)).toBe(before + 1);
    const cost = await declared(ws.as, ws.slug, { label: "Cost center", type: "string", scimPath: `${ENT}:costCenter`, onCard: true });
    expect(cost).toMatchObject({ key: "costCenter", onCard: true, position: 1 });
    const zip = await declared(ws.as, ws.slug, { label: "Postal code", type: "string", scimPath: 'addresses[type eq "work"].postalCode' });
    expect(zip.key).toBe("postalCode");
    // The same label again gets a key of its own.
    const nick = await declared(ws.as, ws.slug, { label: "Badge ID", type: "string", scimPath: "urn:ietf:params:scim:schemas:core:2.0:User:nickName" });
    expect(nick).toMatchObject({ key: "badgeId2", scimPath: "nickName" });
    expect((await listOf(ws.as, ws.slug)).map((a) => a.key)).toEqual(["badgeId", "costCenter", "postalCode", "badgeId2"]);
  });

  it("POST /attributes refuses built-in fields and malformed paths with messages a person can act on (400), nothing written", async () => {
    const ws = await workspace("invalid");
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ label: "Job", type: "string", scimPath: "title" }, /title is already built in \(the card's job title\)/],
      [{ label: "First", type: "string", scimPath: "name.givenName" }, /already built in \(the card's first name\)/],
      [{ label: "Mail", type: "string", scimPath: 'emails[type eq "work"].value' }, /already built in/],
      [{ label: "Dept", type: "string", scimPath: `${ENT}:department` }, /already built in \(the card's department\)/],
      [{ label: "Boss", type: "string", scimPath: `${ENT}:manager` }, /already built in/],
      [{ label: "Badge", type: "string", scimPath: "badgeId" }, /"badgeId" is not a SCIM User attribute\. For an attribute of your own, use the form urn:ietf:params:scim:schemas:extension:<name>:2\.0:User:<attribute>/],
      [{ label: "Badge", type: "string", scimPath: `${ENT}:badgeId` }, /The enterprise extension has no attribute "badgeId"/],
      [{ label: "Badge", type: "string", scimPath: "urn:acme:badgeId" }, /Use the form urn:ietf:params:scim:schemas:extension:<name>:2\.0:User:<attribute>/],
      [{ label: "Zip", type: "string", scimPath: "addresses.postalCode" }, /addresses holds several values: say which one/],
      [{ label: "Zip", type: "string", scimPath: 'addresses[type eq "work"' }, /Not a SCIM attribute path/],
      [{ label: "Cost", type: "number", scimPath: `${ENT}:costCenter` }, /costCenter is text in the SCIM standard/],
      [{ label: "", type: "string", scimPath: BADGE }, /Give the attribute a label/],
      [{ label: "Badge", type: "colour", scimPath: BADGE }, /Pick a type/],
    ];
    for (const [body, message] of cases) {
      const r = await declare(ws.as, ws.slug, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error).toMatch(message);
    }
    expect(await listOf(ws.as, ws.slug)).toEqual([]);
  });

  it("a path is declared once per workspace, whatever its case or spelling (409); another workspace may declare it too and never sees the first", async () => {
    const a = await workspace("dupa");
    const b = await workspace("dupb");
    const first = await declared(a.as, a.slug, { label: "Badge", type: "string", scimPath: BADGE });
    const again = await declare(a.as, a.slug, { label: "Badge again", type: "string", scimPath: BADGE.toUpperCase().replace("URN:", "urn:") });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ field: "scimPath", error: expect.stringContaining("“Badge” already reads") });
    await declared(a.as, a.slug, { label: "Nick", type: "string", scimPath: "nickName" });
    expect((await declare(a.as, a.slug, { label: "Nick 2", type: "string", scimPath: "urn:ietf:params:scim:schemas:core:2.0:User:NICKNAME" })).status).toBe(409);

    // Tenancy: b neither sees nor changes a's declaration, and may declare the same path.
    expect(await listOf(b.as, b.slug)).toEqual([]);
    expect((await b.as(`/api/w/${b.slug}/attributes/${first.id}`)).status).toBe(404);
    expect((await b.as(`/api/w/${b.slug}/attributes/${first.id}`, send("PATCH", { label: "Stolen" }))).status).toBe(404);
    expect((await b.as(`/api/w/${b.slug}/attributes/${first.id}`, send("DELETE"))).status).toBe(404);
    expect((await b.as(`/api/w/${a.slug}/attributes`)).status).toBe(404);
    await declared(b.as, b.slug, { label: "Badge", type: "number", scimPath: BADGE });
    expect((await listOf(a.as, a.slug)).find((x) => x.id === first.id)).toMatchObject({ label: "Badge", type: "string" });
  });

  it("PATCH changes label, card and order at any time; type and path only while no employee has a value (409, says why)", async () => {
    const ws = await workspace("patch");
    const a = await declared(ws.as, ws.slug, { label: "Badge", type: "string", scimPath: BADGE });
    const patch = async (body: unknown) => {
      const res = await ws.as(`/api/w/${ws.slug}/attributes/${a.id}`, send("PATCH", body));
      return { status: res.status, body: (await res.json()) as { attribute?: Attribute; error?: string } };
    };
    expect((await patch({ type: "number", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeNumber" })).body.attribute).toMatchObject({ type: "number", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeNumber", key: "badge" });
    expect((await patch({ scimPath: "title" })).status).toBe(400);
    expect((await patch({ key: "other" })).status).toBe(400);

    const employee = await addEmployee(ws.as, ws.slug, "Val Ue", `val@${ws.domain}`);
    await setValue(ws.workspaceId, employee, a.id, "42");
    const locked = await patch({ type: "string" });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toMatch(/1 employee has a value for “Badge”, read from .*badgeNumber as number: its type cannot change while they do\. Delete the attribute/);
    expect((await patch({ scimPath: BADGE })).status).toBe(409);
    const ok = await patch({ label: "Badge number", onCard: true, position: 5 });
    expect(ok.body.attribute).toMatchObject({ label: "Badge number", onCard: true, position: 5, type: "number", valueCount: 1 });
  });

  it("DELETE removes the declaration with every employee's value and says how many; the card field goes too", async () => {
    const ws = await workspace("delete");
    const a = await declared(ws.as, ws.slug, { label: "Badge", type: "string", scimPath: BADGE, onCard: true });
    const keep = await declared(ws.as, ws.slug, { label: "Nick", type: "string", scimPath: "nickName" });
    const one = await addEmployee(ws.as, ws.slug, "One Person", `one@${ws.domain}`);
    const two = await addEmployee(ws.as, ws.slug, "Two Person", `two@${ws.domain}`);
    await setValue(ws.workspaceId, one, a.id, "B-1");
    await setValue(ws.workspaceId, two, a.id, "B-2");
    await setValue(ws.workspaceId, two, keep.id, "Twoey");
    expect((await listOf(ws.as, ws.slug)).map((x) => [x.key, x.valueCount])).toEqual([
      ["badge", 2],
      ["nick", 1],
    ]);
    // The card shows the on-card attribute with its label; an edit saves the field as a row.
    const card = (await (await ws.as(`/api/w/${ws.slug}/employees/${one}/card`)).json()) as { fields: { key: string; label: string; value: string | null; onCard: boolean }[]; labels: Record<string, string> };
    expect(card.fields.find((f) => f.key === "attr.badge")).toMatchObject({ label: "Badge", value: "B-1", onCard: true });
    expect(card.labels).toEqual({ "attr.badge": "Badge" });
    expect((await ws.as(`/api/w/${ws.slug}/employees/${one}/card/attr.badge`, send("PATCH", { action: "edit", value: "B-1 (desk 4)" }))).status).toBe(200);
    expect((await ws.as(`/api/w/${ws.slug}/employees/${one}/card/attr.nick`, send("PATCH", { action: "edit", value: "x" }))).status).toBe(404);

    const before = await policyVersion(ws.workspaceId);
    const res = await ws.as(`/api/w/${ws.slug}/attributes/${a.id}`, send("DELETE"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ label: "Badge", removedValues: 2 });
    expect(await policyVersion(ws.workspaceId)).toBe(before + 1);
    expect(await sql(app, `SELECT "employeeId" FROM "EmployeeAttribute" WHERE "workspaceId" = $1`, [ws.workspaceId])).toEqual([{ employeeId: two }]);
    expect(await sql(app, `SELECT "key" FROM "CardField" WHERE "workspaceId" = $1 AND "key" LIKE 'attr.%'`, [ws.workspaceId])).toEqual([]);
    expect((await ws.as(`/api/w/${ws.slug}/attributes/${a.id}`, send("DELETE"))).status).toBe(404);
  });

  it("the employee list shows chosen attribute columns for the page's rows, references as names; a bad cols is 400", async () => {
    const ws = await workspace("columns");
    const badge = await declared(ws.as, ws.slug, { label: "Badge", type: "number", scimPath: BADGE });
    const buddy = await declared(ws.as, ws.slug, { label: "Buddy", type: "reference", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:buddy" });
    const ann = await addEmployee(ws.as, ws.slug, "Ann Able", `ann@${ws.domain}`);
    const bob = await addEmployee(ws.as, ws.slug, "Bob Baker", `bob@${ws.domain}`);
    await setValue(ws.workspaceId, ann, badge.id, "1250.5");
    await setValue(ws.workspaceId, ann, buddy.id, bob);
    const list = await employeesWith(ws.as, ws.slug, "buddy,badge,unknown");
    expect(list.columns.map((c) => c.key)).toEqual(["badge", "buddy"]);
    expect(list.rows.map((r) => [r.email, r.attributes])).toEqual([
      [`ann@${ws.domain}`, { badge: { text: "1,250.5" }, buddy: { text: "Bob Baker", ref: { id: bob, name: "Bob Baker" } } }],
      [`bob@${ws.domain}`, {}],
    ]);
    expect((await ws.as(`/api/w/${ws.slug}/employees?cols=bad;key`)).status).toBe(400);
    expect((await ws.as(`/api/w/${ws.slug}/employees?cols=a,b,c,d,e,f,g,h,i`)).status).toBe(400);
  });

  it("CSV: export has a column per attribute headed by its label, a bad value is a row error naming the line and the column, and the file imports back unchanged", async () => {
    const ws = await workspace("csv");
    await declared(ws.as, ws.slug, { label: "Badge number", type: "number", scimPath: BADGE });
    await declared(ws.as, ws.slug, { label: "Remote", type: "boolean", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:remote" });
    await declared(ws.as, ws.slug, { label: "Hire date", type: "date", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:hireDate" });
    await declared(ws.as, ws.slug, { label: "Buddy", type: "reference", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:buddy" });
    // A label that would clash with a built-in column is exported under its key.
    await declared(ws.as, ws.slug, { label: "Email", type: "string", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:privateMail" });
    const attributes = (await listOf(ws.as, ws.slug)).map(({ key, label }) => ({ key, label }));

    const header = ["Email", "Name", "Badge number", "Remote", "Hire date", "Buddy", "email2"];
    const file = [
      header.join(","),
      `ann@${ws.domain},Ann Able,1250.50,yes,2024-03-31,,ann@home.test`,
      `bob@${ws.domain},Bob Baker,12a,no,,,`,
      `cy@${ws.domain},Cy Cole,7,maybe,,,`,
      `dee@${ws.domain},Dee Dunn,8,no,31/03/2024,,`,
      `eve@${ws.domain},Eve Evans,9,false,,ANN@${ws.domain.toUpperCase()},`,
      `fay@${ws.domain},Fay Fox,10,,,nobody@${ws.domain},`,
    ].join("\r\n");
    const parsed = Papa.parse<Record<string, string>>(file, { header: true });
    const mapping = mapColumns(parsed.meta.fields ?? [], attributes);
    expect(mapping.attributes).toEqual({ badgeNumber: "Badge number", remote: "Remote", hireDate: "Hire date", buddy: "Buddy", email2: "email2" });
    const result = await importRows(ws.as, ws.slug, toImportRows(parsed.data, mapping));
    // Eve's buddy is Ann, created by the same file.
    expect(result).toMatchObject({ created: 2, updated: 0, skipped: 0 });
    expect(result.issues).toEqual([
      { row: 3, email: `bob@${ws.domain}`, kind: "error", message: `Line 3, column "Badge number": '12a' is not a number (use digits and a decimal point, e.g. 1250.5)` },
      { row: 4, email: `cy@${ws.domain}`, kind: "error", message: `Line 4, column "Remote": 'maybe' is not yes or no (use true/false or yes/no)` },
      { row: 5, email: `dee@${ws.domain}`, kind: "error", message: `Line 5, column "Hire date": '31/03/2024' is not a date (use YYYY-MM-DD, e.g. 2024-03-31)` },
      { row: 7, email: `fay@${ws.domain}`, kind: "error", message: `Line 7, column "Buddy": no employee in this workspace has the email or Muster ID 'nobody@${ws.domain}'` },
    ]);

    const list = await employeesWith(ws.as, ws.slug, "badgeNumber,remote,hireDate,buddy");
    const ann = list.rows.find((r) => r.email === `ann@${ws.domain}`)!;
    expect(list.rows.map((r) => r.email)).toEqual([`ann@${ws.domain}`, `eve@${ws.domain}`]);
    expect(ann.attributes).toEqual({ badgeNumber: { text: "1,250.5" }, remote: { text: "Yes" }, hireDate: { text: "Mar 31, 2024" } });
    expect(list.rows[1]!.attributes).toMatchObject({ remote: { text: "No" }, buddy: { text: "Ann Able", ref: { id: ann.id } } });

    const exported = await (await ws.as(`/api/w/${ws.slug}/employees/export?tab=manual`)).text();
    const lines = Papa.parse<Record<string, string>>(exported.trim(), { header: true });
    expect(lines.meta.fields!.slice(-5)).toEqual(["Badge number", "Remote", "Hire date", "Buddy", "email2"]);
    expect(lines.data.map((r) => [r.Email, r["Badge number"], r.Remote, r["Hire date"], r.Buddy, r.email2])).toEqual([
      [`ann@${ws.domain}`, "1250.5", "true", "2024-03-31", "", "ann@home.test"],
      [`eve@${ws.domain}`, "9", "false", "", `ann@${ws.domain}`, ""],
    ]);

    // The export imports back as it is: nothing changes.
    const back = await importRows(ws.as, ws.slug, toImportRows(lines.data, mapColumns(lines.meta.fields!, attributes)));
    expect(back).toMatchObject({ created: 0, updated: 0, unchanged: 2, issues: [] });
    // A changed value updates the employee.
    const changed = await importRows(ws.as, ws.slug, [{ row: 2, email: `ann@${ws.domain}`, attributes: { badgeNumber: "77" } }]);
    expect(changed).toMatchObject({ updated: 1, issues: [] });
    expect((await employeesWith(ws.as, ws.slug, "badgeNumber")).rows[0]!.attributes).toEqual({ badgeNumber: { text: "77" } });
    // A key nobody declared is a row error, not a silent drop.
    const unknown = await importRows(ws.as, ws.slug, [{ row: 2, email: `ann@${ws.domain}`, attributes: { shoeSize: "44" } }]);
    expect(unknown.issues).toEqual([{ row: 2, email: `ann@${ws.domain}`, kind: "error", message: `Line 2: "shoeSize" is not a declared custom attribute (Attributes page)` }]);
  });
});
