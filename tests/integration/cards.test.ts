// Cards and templates over HTTP: employees provisioned through the real SCIM API, templates and
// card fields changed through the admin routes the dashboard calls.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { entraUser, patchOps, scim, URN, type ScimClient } from "../support/scim-client";
import { signIn } from "../support/session";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";

type Field = { key: string; value: string | null; onCard: boolean; source: "idp" | "template" | "muster" | null; templateValue: string | null; locked: boolean; idpValue: string | null; fromIdp: boolean; switchedOff: boolean };
type Card = { employee: { id: string; name: string }; template: { id: string; name: string } | null; saved: boolean; fields: Field[]; values: Record<string, string | null> };
type Template = { id: string; name: string; position: number; fields: Record<string, string>; rules: unknown[] };
type Matches = { rows: { id: string; displayName: string; template: string | null }[]; total: number; page: number; pageSize: number; scanned: number };

const send = (method: string, body?: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });


describe.each(engines())("cards and templates on %s", (engine) => {
  let app: RunningApp;

  const workspace = async (label: string) => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", email, "--password", PASSWORD);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "Entra ID");
    return { ...ws, as: await signIn(app.baseUrl, email, PASSWORD), scim: scim(app.baseUrl, token), domain: `${tag}.${label}.test` };
  };
  type Ws = Awaited<ReturnType<typeof workspace>>;

  const person = (ws: Ws, given: string, extra: { department?: string; title?: string; organization?: string; mobile?: string } = {}) => {
    const email = `${given.toLowerCase()}-${crypto.randomBytes(3).toString("hex")}@${ws.domain}`;
    return entraUser({
      userName: email,
      displayName: `${given} Example`,
      name: { givenName: given, familyName: "Example" },
      emails: [{ primary: true, type: "work", value: email }],
      ...(extra.title ? { title: extra.title } : {}),
      phoneNumbers: [{ type: "work", value: "+1 555 0100" }, ...(extra.mobile ? [{ type: "mobile", value: extra.mobile }] : [])],
      [URN.ENTERPRISE]: { department: extra.department ?? "Engineering", organization: extra.organization ?? "Acme" },
    });
  };

  const provision = async (client: ScimClient, body: Record<string, unknown>) => {
    const res = await client.post("/Users", body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const patchUser = async (client: ScimClient, id: string, ...ops: unknown[]) => expect((await client.patch(`/Users/${id}`, patchOps(...ops))).status).toBe(200);

  const card = async (ws: Ws, id: string) => {
    const res = await ws.as(`/api/w/${ws.slug}/employees/${id}/card`);
    expect(res.status).toBe(200);
    return (await res.json()) as Card;
  };
  const field = (c: Card, key: string) => c.fields.find((f) => f.key === key)!;

  const change = async (ws: Ws, id: string, key: string, body: unknown) => {
    const res = await ws.as(`/api/w/${ws.slug}/employees/${id}/card/${key}`, send("PATCH", body));
    return { status: res.status, body: (await res.json()) as { message?: string; card?: Card; error?: string } };
  };

  const createTemplate = async (ws: Ws, body: unknown) => {
    const res = await ws.as(`/api/w/${ws.slug}/templates`, send("POST", body));
    expect(res.status).toBe(201);
    return ((await res.json()) as { template: Template }).template;
  };

  // "Apply to all matches" as the editor does it: one chunk per request until done.
  const applyAll = async (ws: Ws, templateId: string) => {
    let after: string | null = null;
    let applied = 0;
    let calls = 0;
    for (;;) {
      const res = await ws.as(`/api/w/${ws.slug}/templates/${templateId}/apply`, send("POST", after ? { all: true, after } : { all: true }));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { applied: number; done: boolean; after: string | null };
      applied += body.applied;
      calls++;
      if (body.done) return { applied, calls };
      after = body.after;
    }
  };

  const marketing = { name: "Marketing", fields: { company: "Acme Inc.", website: "acme.example", companyLogoUrl: "https://acme.example/logo.png" }, rules: [[{ attribute: "department", op: "eq", value: "Marketing" }], [{ attribute: "department", op: "eq", value: "Sales" }]] };

  beforeAll(async () => {
    app = await startApp(engine);
  });
  afterAll(async () => app?.stop());

  describe("a card at first provisioning", () => {
    let ws: Ws;
    beforeAll(async () => {
      ws = await workspace("cards");
      await createTemplate(ws, marketing);
    });

    it("creates IdP fields from the IdP and locked, with the first matching template's fields winning, inherited from it", async () => {
      const id = await provision(ws.scim, person(ws, "Mia", { department: "Marketing", title: "Brand Manager" }));
      const c = await card(ws, id);
      expect(c.template?.name).toBe("Marketing");
      expect(c.saved).toBe(true);
      expect(field(c, "title")).toMatchObject({ value: "Brand Manager", source: "idp", locked: true, fromIdp: true });
      expect(field(c, "department")).toMatchObject({ value: "Marketing", source: "idp", locked: true });
      // "Acme Inc." from the template beats "Acme" from the IdP.
      expect(field(c, "company")).toMatchObject({ value: "Acme Inc.", source: "template", locked: true, idpValue: "Acme" });
      expect(c.values).toMatchObject({ website: "acme.example", companyLogoUrl: "https://acme.example/logo.png", displayName: "Mia Example", phone: "+1 555 0100" });
    });

    it("OR between rules: the second rule matches too", async () => {
      const id = await provision(ws.scim, person(ws, "Sam", { department: "Sales" }));
      expect((await card(ws, id)).template?.name).toBe("Marketing");
    });

    it("a later IdP change does not overwrite a template field; the IdP's fields follow", async () => {
      const id = await provision(ws.scim, person(ws, "Tom", { department: "Marketing", title: "Writer" }));
      await patchUser(ws.scim, id, { op: "replace", path: `${URN.ENTERPRISE}:organization`, value: "Acme Corp" }, { op: "replace", path: "title", value: "Senior Writer" });
      const c = await card(ws, id);
      expect(field(c, "company")).toMatchObject({ value: "Acme Inc.", source: "template", idpValue: "Acme Corp" });
      expect(field(c, "title")).toMatchObject({ value: "Senior Writer", source: "idp" });
    });

    it("applies templates at first provisioning only, never on later syncs", async () => {
      const id = await provision(ws.scim, person(ws, "Eve", { department: "Engineering" }));
      expect((await card(ws, id)).template).toBeNull();
      await patchUser(ws.scim, id, { op: "replace", path: `${URN.ENTERPRISE}:department`, value: "Marketing" });
      const c = await card(ws, id);
      expect(c.template).toBeNull();
      expect(field(c, "company")).toMatchObject({ value: "Acme", source: "idp" });
      expect(field(c, "department")).toMatchObject({ value: "Marketing", source: "idp" });
      expect(c.values.website).toBeUndefined();
    });

    it("an employee added by hand and then linked by email gets the template when provisioned", async () => {
      const body = person(ws, "Lin", { department: "Marketing" });
      const email = (body.emails as { value: string }[])[0]!.value;
      const res = await ws.as(`/api/w/${ws.slug}/employees`, send("POST", { name: "Lin Manual", email }));
      expect(res.status).toBe(201);
      const manualId = ((await res.json()) as { employee: { id: string } }).employee.id;
      const before = await card(ws, manualId);
      expect(before.saved).toBe(false);
      expect(before.template).toBeNull();
      expect(await provision(ws.scim, body)).toBe(manualId);
      const c = await card(ws, manualId);
      expect(c.template?.name).toBe("Marketing");
      expect(field(c, "displayName")).toMatchObject({ value: "Lin Example", source: "idp" });
    });

    it("a restored employee keeps its card and template", async () => {
      const body = person(ws, "Rita", { department: "Marketing" });
      const id = await provision(ws.scim, body);
      expect((await ws.scim.del(`/Users/${id}`)).status).toBe(204);
      await provision(ws.scim, { ...body, [URN.ENTERPRISE]: { department: "Engineering", organization: "Acme" } });
      const c = await card(ws, id);
      expect(c.template?.name).toBe("Marketing");
      expect(field(c, "company").value).toBe("Acme Inc.");
      expect(field(c, "department").value).toBe("Engineering");
    });
  });

  describe("admin changes to card fields", () => {
    let ws: Ws;
    let id: string;
    beforeAll(async () => {
      ws = await workspace("fields");
      id = await provision(ws.scim, person(ws, "Ada", { title: "Analyst", mobile: "+1 555 0111" }));
    });

    it("editing a value unlinks it, so a later IdP change keeps the admin's value", async () => {
      const edited = await change(ws, id, "title", { action: "edit", value: "Chief Analyst" });
      expect(edited.status).toBe(200);
      expect(edited.body.message).toContain("keeps this value");
      expect(field(edited.body.card!, "title")).toMatchObject({ value: "Chief Analyst", source: "muster", locked: true });
      await patchUser(ws.scim, id, { op: "replace", path: "title", value: "Lead Analyst" });
      expect(field(await card(ws, id), "title")).toMatchObject({ value: "Chief Analyst", source: "muster", idpValue: "Lead Analyst" });
    });

    it("relinking takes the IdP's current value again, and later changes follow", async () => {
      const relinked = await change(ws, id, "title", { action: "relink" });
      expect(relinked.status).toBe(200);
      expect(field(relinked.body.card!, "title")).toMatchObject({ value: "Lead Analyst", source: "idp" });
      await patchUser(ws.scim, id, { op: "replace", path: "title", value: "Principal Analyst" });
      expect(field(await card(ws, id), "title")).toMatchObject({ value: "Principal Analyst", source: "idp" });
    });

    it("unlocking lets the employee edit a field and unlinks it", async () => {
      const unlocked = await change(ws, id, "mobile", { action: "unlock" });
      expect(unlocked.status).toBe(200);
      expect(field(unlocked.body.card!, "mobile")).toMatchObject({ value: "+1 555 0111", source: "muster", locked: false });
      await patchUser(ws.scim, id, { op: "replace", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0222" });
      expect(field(await card(ws, id), "mobile")).toMatchObject({ value: "+1 555 0111", source: "muster", idpValue: "+1 555 0222" });
      const locked = await change(ws, id, "mobile", { action: "lock" });
      expect(field(locked.body.card!, "mobile")).toMatchObject({ locked: true, source: "muster" });
    });

    it("an admin can add a field the IdP does not send, and clear one", async () => {
      const added = await change(ws, id, "pronouns", { action: "edit", value: "she/her" });
      expect(added.status).toBe(200);
      expect(added.body.card!.values.pronouns).toBe("she/her");
      const cleared = await change(ws, id, "pronouns", { action: "edit", value: "" });
      expect(cleared.body.card!.values.pronouns).toBeNull();
    });

    it.each([
      ["website", { action: "relink" }, 400, "does not come from the identity provider"],
      ["photoUrl", { action: "edit", value: "javascript:alert(1)" }, 400, "https://"],
      ["title", { action: "explode" }, 400, undefined],
      ["Not-A-Key", { action: "lock" }, 400, "Not a card field name"],
    ])("PATCH %s %j → %i", async (key, body, status, message) => {
      const res = await change(ws, id, key, body);
      expect(res.status).toBe(status);
      if (message) expect(res.body.error).toContain(message);
    });

    it("another workspace's employee is not found", async () => {
      const other = await workspace("other");
      expect((await other.as(`/api/w/${other.slug}/employees/${id}/card`)).status).toBe(404);
      expect((await change(other, id, "title", { action: "edit", value: "x" })).status).toBe(404);
      expect((await other.as(`/api/w/${ws.slug}/employees/${id}/card`)).status).toBe(404);
    });
  });

  describe("workspace toggles", () => {
    it("applyDepartment off keeps the IdP's department off the card, and relinking it is refused", async () => {
      const ws = await workspace("toggles");
      // As the Settings page does it: the policy version moves with the settings (cached policies expire).
      await sql(app, `UPDATE "Workspace" SET "applyDepartment" = false, "applyManager" = false, "policyVersion" = "policyVersion" + 1 WHERE slug = $1`, [ws.slug]);
      const id = await provision(ws.scim, person(ws, "Dan", { department: "Finance" }));
      const c = await card(ws, id);
      expect(field(c, "department")).toMatchObject({ onCard: false, value: null, switchedOff: true, fromIdp: false });
      expect(c.values).not.toHaveProperty("department");
      await patchUser(ws.scim, id, { op: "replace", path: `${URN.ENTERPRISE}:department`, value: "Treasury" });
      expect((await card(ws, id)).values).not.toHaveProperty("department");
      const relink = await change(ws, id, "department", { action: "relink" });
      expect(relink.status).toBe(400);
      expect(relink.body.error).toContain("does not apply");
      // Turned on later: the next sync brings the IdP's department onto the card, linked.
      await sql(app, `UPDATE "Workspace" SET "applyDepartment" = true, "policyVersion" = "policyVersion" + 1 WHERE slug = $1`, [ws.slug]);
      await patchUser(ws.scim, id, { op: "replace", path: "title", value: "Controller" });
      expect(field(await card(ws, id), "department")).toMatchObject({ value: "Treasury", source: "idp", locked: true });
    });
  });

  describe("cards inherit from their template", () => {
    type Preview = { cards: number; changes: { key: string; kind: string; update: number; keep: number }[] };
    let ws: Ws;
    let foreign: Ws;
    beforeAll(async () => {
      // One after the other: two CLI processes writing the same SQLite file at once wait on each other.
      ws = await workspace("inherit");
      foreign = await workspace("inherit-other");
    });

    it("a template edit reaches every inheriting card except fields set on it; the preview counts them first; reset and reassign", async () => {
      const t = await createTemplate(ws, { name: "Field team", fields: { company: "Old Co", website: "old.example" }, rules: [[{ attribute: "department", op: "eq", value: "Field" }]] });
      const [ana, bo, cy] = [await provision(ws.scim, person(ws, "Ana", { department: "Field" })), await provision(ws.scim, person(ws, "Bo", { department: "Field" })), await provision(ws.scim, person(ws, "Cy", { department: "Field" }))];
      const other = await provision(ws.scim, person(ws, "Dee", { department: "Office" }));
      expect(field(await card(ws, ana), "company")).toMatchObject({ value: "Old Co", source: "template", templateValue: "Old Co" });
      expect((await change(ws, bo, "company", { action: "edit", value: "Bo's own" })).status).toBe(200);
      expect((await change(ws, cy, "title", { action: "edit", value: "Lead" })).status).toBe(200);

      const next = { company: "New Co", address: "2 Field Lane" };
      const preview = (await (await ws.as(`/api/w/${ws.slug}/templates/${t.id}/preview-edit`, send("POST", { fields: next }))).json()) as Preview;
      expect(preview.cards).toBe(3);
      expect(preview.changes).toEqual([
        expect.objectContaining({ key: "company", kind: "changed", update: 2, keep: 1 }),
        expect.objectContaining({ key: "address", kind: "added", update: 3, keep: 0 }),
        expect.objectContaining({ key: "website", kind: "removed", update: 3, keep: 0 }),
      ]);
      expect(field(await card(ws, ana), "company").value).toBe("Old Co"); // a preview writes nothing

      const put = await ws.as(`/api/w/${ws.slug}/templates/${t.id}`, send("PUT", { name: "Field team", fields: next, rules: t.rules }));
      expect(put.status).toBe(200);
      expect(((await put.json()) as { cardsUpdated: number }).cardsUpdated).toBe(2 + 3 + 3);
      const a = await card(ws, ana);
      expect(field(a, "company")).toMatchObject({ value: "New Co", source: "template" });
      expect(field(a, "address")).toMatchObject({ value: "2 Field Lane", source: "template" });
      expect(a.values).not.toHaveProperty("website");
      const b = await card(ws, bo);
      expect(field(b, "company")).toMatchObject({ value: "Bo's own", source: "muster", templateValue: "New Co" });
      expect(field(await card(ws, cy), "title")).toMatchObject({ value: "Lead", source: "muster" });
      expect((await card(ws, other)).values.company).toBe("Acme"); // not inheriting: untouched

      // An IdP change leaves the template's field alone; a reset brings the template's value back.
      await patchUser(ws.scim, ana, { op: "replace", path: `${URN.ENTERPRISE}:organization`, value: "Acme Corp" });
      expect(field(await card(ws, ana), "company")).toMatchObject({ value: "New Co", source: "template", idpValue: "Acme Corp" });
      const reset = await change(ws, bo, "company", { action: "inherit" });
      expect(reset.status).toBe(200);
      expect(field(reset.body.card!, "company")).toMatchObject({ value: "New Co", source: "template" });
      expect((await change(ws, other, "company", { action: "inherit" })).status).toBe(400);

      // Assigned by hand, one card: to no template (the IdP's values come back), then to this one.
      const none = await ws.as(`/api/w/${ws.slug}/employees/${ana}/template`, send("PUT", { templateId: null }));
      expect(none.status).toBe(200);
      const plain = ((await none.json()) as { card: Card }).card;
      expect(plain.template).toBeNull();
      expect(field(plain, "company")).toMatchObject({ value: "Acme Corp", source: "idp" });
      expect(plain.values).not.toHaveProperty("address");
      const back = (await (await ws.as(`/api/w/${ws.slug}/employees/${other}/template`, send("PUT", { templateId: t.id }))).json()) as { card: Card };
      expect(back.card.template?.name).toBe("Field team");
      expect(back.card.values).toMatchObject({ company: "New Co", address: "2 Field Lane" });
      expect((await foreign.as(`/api/w/${foreign.slug}/employees/${other}/template`, send("PUT", { templateId: null }))).status).toBe(404);
      expect((await ws.as(`/api/w/${ws.slug}/employees/${other}/template`, send("PUT", { templateId: "no-such-template" }))).status).toBe(404);
    });

    it("rules match what cards show: a department the workspace does not apply matches nobody", async () => {
      await provision(ws.scim, person(ws, "Sal", { department: "Sales" }));
      const rules = [[{ attribute: "department", op: "eq", value: "Sales" }]];
      const matches = async () => ((await (await ws.as(`/api/w/${ws.slug}/templates/matches`, send("POST", { rules }))).json()) as Matches).total;
      expect(await matches()).toBe(1);
      // As the Settings page does it (the policy version expires cached policies).
      await sql(app, `UPDATE "Workspace" SET "applyDepartment" = false, "policyVersion" = "policyVersion" + 1 WHERE slug = $1`, [ws.slug]);
      expect(await matches()).toBe(0);
      await createTemplate(ws, { name: "Sales only", fields: { company: "Sales Co" }, rules });
      const later = await provision(ws.scim, person(ws, "Sue", { department: "Sales" }));
      expect((await card(ws, later)).template).toBeNull();
    });
  });

  describe("templates: order, rules, preview and applying by hand", () => {
    let ws: Ws;
    let broad: Template;
    let narrow: Template;
    beforeAll(async () => {
      ws = await workspace("templates");
      broad = await createTemplate(ws, { name: "Everyone", fields: { company: "Acme Group" }, rules: [] });
      narrow = await createTemplate(ws, {
        name: "London engineers",
        fields: { address: "1 King's Road, London" },
        rules: [
          [
            { attribute: "department", op: "in", value: ["Engineering", "Platform"] },
            { attribute: `${URN.ENTERPRISE}:organization`, op: "sw", value: "acm" },
          ],
        ],
      });
    });

    it("lists templates in order; the first match wins, and moving one changes the winner", async () => {
      const list = async () => ((await (await ws.as(`/api/w/${ws.slug}/templates`)).json()) as { templates: Template[] }).templates;
      expect((await list()).map((t) => t.name)).toEqual(["Everyone", "London engineers"]);
      const first = await provision(ws.scim, person(ws, "Ola"));
      expect((await card(ws, first)).template?.name).toBe("Everyone");

      const moved = await ws.as(`/api/w/${ws.slug}/templates/${narrow.id}/move`, send("POST", { direction: "up" }));
      expect(moved.status).toBe(200);
      expect(((await moved.json()) as { templates: Template[] }).templates.map((t) => t.name)).toEqual(["London engineers", "Everyone"]);
      const second = await provision(ws.scim, person(ws, "Pia"));
      const c = await card(ws, second);
      expect(c.template?.name).toBe("London engineers");
      expect(c.values.address).toBe("1 King's Road, London");
      expect(c.values.company).toBe("Acme");
      const other = await provision(ws.scim, person(ws, "Ray", { department: "Legal" }));
      expect((await card(ws, other)).template?.name).toBe("Everyone");
    });

    it("previews which employees rules match, paged, without saving", async () => {
      for (const given of ["Ann", "Ben", "Cid"]) await provision(ws.scim, person(ws, given, { department: "Platform" }));
      const res = await ws.as(`/api/w/${ws.slug}/templates/matches`, send("POST", { rules: [[{ attribute: "department", op: "eq", value: "platform" }]], page: 1, pageSize: 2 }));
      expect(res.status).toBe(200);
      const m = (await res.json()) as Matches;
      expect(m.total).toBe(3);
      expect(m.rows.map((r) => r.displayName)).toEqual(["Ann Example", "Ben Example"]);
      expect(m.scanned).toBeGreaterThanOrEqual(6);
      const page2 = (await (await ws.as(`/api/w/${ws.slug}/templates/matches`, send("POST", { rules: [[{ attribute: "department", op: "eq", value: "platform" }]], page: 2, pageSize: 2 }))).json()) as Matches;
      expect(page2.rows.map((r) => r.displayName)).toEqual(["Cid Example"]);
      const everyone = (await (await ws.as(`/api/w/${ws.slug}/templates/matches`, send("POST", { rules: [] }))).json()) as Matches;
      expect(everyone.total).toBe(6);
    });

    it("assigns a template by hand to every match: their cards inherit it instead of the previous one", async () => {
      const sales = await createTemplate(ws, { name: "Platform", fields: { company: "Acme Platform", website: "platform.acme.example" }, rules: [[{ attribute: "department", op: "eq", value: "Platform" }]] });
      expect(await applyAll(ws, sales.id)).toEqual({ applied: 3, calls: 1 });
      const m = (await (await ws.as(`/api/w/${ws.slug}/templates/matches`, send("POST", { rules: sales.rules }))).json()) as Matches;
      expect(m.rows.every((r) => r.template === "Platform")).toBe(true);
      const c = await card(ws, m.rows[0]!.id);
      expect(field(c, "company")).toMatchObject({ value: "Acme Platform", source: "template" });
      expect(c.values.website).toBe("platform.acme.example");
      expect(c.values).not.toHaveProperty("address"); // the previous template's field goes with it
      expect(c.values.displayName).toBeTruthy(); // the IdP's fields stay
    });

    it("applies a template by hand to picked employees, including one without a card yet", async () => {
      const res = await ws.as(`/api/w/${ws.slug}/employees`, send("POST", { name: "Hand Made", email: `hand@${ws.domain}`, title: "Office manager" }));
      const manualId = ((await res.json()) as { employee: { id: string } }).employee.id;
      const applied = await ws.as(`/api/w/${ws.slug}/templates/${broad.id}/apply`, send("POST", { employeeIds: [manualId, "not-an-employee"] }));
      expect(await applied.json()).toMatchObject({ applied: 1, template: "Everyone", done: true });
      const c = await card(ws, manualId);
      expect(c.saved).toBe(true);
      expect(c.template?.name).toBe("Everyone");
      expect(c.values).toMatchObject({ company: "Acme Group", title: "Office manager", displayName: "Hand Made" });
    });

    it("rejects invalid templates with a readable error, and hides other workspaces' templates", async () => {
      const bad = await ws.as(`/api/w/${ws.slug}/templates`, send("POST", { name: "Bad", fields: {}, rules: [[{ attribute: "group", op: "in", value: "Sales" }]] }));
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toContain("is one of");
      const noName = await ws.as(`/api/w/${ws.slug}/templates`, send("POST", { name: " ", fields: {}, rules: [] }));
      expect(((await noName.json()) as { error: string }).error).toContain("name");
      const other = await workspace("nosy");
      expect((await other.as(`/api/w/${other.slug}/templates/${narrow.id}`)).status).toBe(404);
      expect((await other.as(`/api/w/${other.slug}/templates/${narrow.id}`, send("PUT", { name: "Mine", fields: {}, rules: [] }))).status).toBe(404);
      expect((await other.as(`/api/w/${other.slug}/templates/${narrow.id}/apply`, send("POST", { all: true }))).status).toBe(404);
      expect((await other.as(`/api/w/${other.slug}/templates/${narrow.id}`, send("DELETE"))).status).toBe(404);
    });

    it("updates and deletes a template; inheriting cards follow the edit and keep what it gave them", async () => {
      const put = await ws.as(`/api/w/${ws.slug}/templates/${narrow.id}`, send("PUT", { name: "London", fields: { address: "2 King's Road" }, rules: narrow.rules }));
      expect(put.status).toBe(200);
      expect(((await put.json()) as { template: Template }).template).toMatchObject({ name: "London", fields: { address: "2 King's Road" } });
      const m = (await (await ws.as(`/api/w/${ws.slug}/templates/matches`, send("POST", { rules: [[{ attribute: "group", op: "ne", value: "nobody" }]], pageSize: 100 }))).json()) as Matches;
      const pia = m.rows.find((r) => r.displayName === "Pia Example")!;
      expect((await ws.as(`/api/w/${ws.slug}/templates/${narrow.id}`, send("DELETE"))).status).toBe(200);
      const c = await card(ws, pia.id);
      expect(c.template).toBeNull();
      expect(c.values.address).toBe("2 King's Road");
      expect(field(c, "address")).toMatchObject({ source: "muster", templateValue: null });
    });

    it("needs a session", async () => {
      expect((await fetch(`${app.baseUrl}/api/w/${ws.slug}/templates`)).status).toBe(401);
    });
  });
});
