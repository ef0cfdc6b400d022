// Issue 10, "Custom attributes" — the SCIM side: a workspace's declared attributes are real schema.
// They are published at /Schemas and /ResourceTypes, accepted in POST/PUT/PATCH with their types
// checked (a wrong type is 400 invalidValue and nothing is written), kept per employee in
// EmployeeAttribute with canonical values, returned on GET, filterable (eq, sw, pr, …), usable in
// template rules, and put on the card when the declaration says so. Another workspace never sees
// them; a workspace without declarations behaves as before.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { schemasProblems } from "../support/schema-walker";
import { entraUser, oktaUser, patchOps, withQuery, URN, type Json, type ScimClient } from "../support/scim-client";
import { expectList, expectScimError } from "../support/scim-expect";
import { createTenants, type Tenant } from "../support/scim-tenant";
import { sql } from "../support/sql";

const ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
const OTHER = "urn:ietf:params:scim:schemas:extension:other:2.0:User";
const ENT = URN.ENTERPRISE;

type Declaration = { key: string; label: string; type: string; scimPath: string; onCard?: boolean };

const ENTRA_DECLARATIONS: Declaration[] = [
  { key: "badgeId", label: "Badge ID", type: "string", scimPath: `${ACME}:badgeId`, onCard: true },
  { key: "startDate", label: "Start date", type: "date", scimPath: `${ACME}:startDate` },
  { key: "remote", label: "Works remotely", type: "boolean", scimPath: `${ACME}:remote` },
  { key: "level", label: "Level", type: "number", scimPath: `${ACME}:level` },
  { key: "buddy", label: "Onboarding buddy", type: "reference", scimPath: `${ACME}:buddy`, onCard: true },
];
const OKTA_DECLARATIONS: Declaration[] = [
  { key: "badgeNumber", label: "Badge number", type: "string", scimPath: `${ENT}:badgeNumber` },
  { key: "workPostalCode", label: "Work postal code", type: "string", scimPath: 'addresses[type eq "work"].postalCode' },
];
const OTHER_DECLARATIONS: Declaration[] = [{ key: "secret", label: "Secret", type: "string", scimPath: `${OTHER}:secret` }];

describe.each(engines())("custom attributes over SCIM on %s", (engine) => {
  let app: RunningApp;
  let t: Record<"Entra" | "Okta" | "Plain" | "Other", Tenant>;
  const ids: Record<string, string> = {};

  // Declarations as the dashboard stores them, and the policy bump that makes every instance see them.
  const declare = async (tenant: Tenant, list: Declaration[]) => {
    for (const [i, d] of list.entries()) {
      const id = `ca_${crypto.randomBytes(6).toString("hex")}`;
      ids[`${tenant.slug}:${d.key}`] = id;
      await sql(
        app,
        `INSERT INTO "CustomAttribute" ("id", "workspaceId", "key", "label", "type", "scimPath", "pathKey", "onCard", "position", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${d.onCard ? "TRUE" : "FALSE"}, $8, CURRENT_TIMESTAMP)`,
        [id, tenant.workspaceId, d.key, d.label, d.type, d.scimPath, d.scimPath.toLowerCase(), i],
      );
    }
    await sql(app, `UPDATE "Workspace" SET "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [tenant.workspaceId]);
  };

  const rowsOf = async (scimId: string) =>
    Object.fromEntries(
      (
        await sql(app, `SELECT a."key", ea."value", ea."valueKey" FROM "EmployeeAttribute" ea JOIN "CustomAttribute" a ON a."id" = ea."attributeId" JOIN "Employee" e ON e."id" = ea."employeeId" WHERE e."scimId" = $1`, [scimId])
      ).map((r) => [String(r.key), { value: r.value, valueKey: r.valueKey }]),
    );
  const cardField = async (scimId: string, key: string) =>
    (await sql(app, `SELECT c."value", c."source" FROM "CardField" c JOIN "Employee" e ON e."id" = c."employeeId" WHERE e."scimId" = $1 AND c."key" = $2`, [scimId, key]))[0];
  const lastLog = async (tenant: Tenant) =>
    (await sql(app, `SELECT "summary", "status" FROM "ProvisioningEvent" WHERE "workspaceId" = $1 ORDER BY "at" DESC, "id" DESC LIMIT 1`, [tenant.workspaceId]))[0]!;
  const create = async (c: ScimClient, body: Json) => {
    const res = await c.post("/Users", body);
    expect(res.status, res.text).toBe(201);
    return res.body as Json;
  };
  const filterIds = async (c: ScimClient, filter: string) => expectList(await c.get(withQuery("/Users", { filter }))).map((r: Json) => r.id as string).sort();

  beforeAll(async () => {
    app = await startApp(engine);
    t = await createTenants(app, ["Entra", "Okta", "Plain", "Other"] as const);
    await declare(t.Entra, ENTRA_DECLARATIONS);
    await declare(t.Okta, OKTA_DECLARATIONS);
    await declare(t.Other, OTHER_DECLARATIONS);
  });
  afterAll(async () => app?.stop());

  describe("discovery", () => {
    it("GET /Schemas publishes a custom extension as its own schema, with each attribute's type and RFC 7643 §7 characteristics", async () => {
      const resources = expectList(await t.Entra.client.get("/Schemas"));
      expect(schemasProblems(resources)).toEqual([]);
      expect(resources.map((s: Json) => s.id)).toEqual([URN.USER, ENT, ACME, URN.GROUP]);
      const acme = resources.find((s: Json) => s.id === ACME);
      expect(acme).toMatchObject({ schemas: [URN.SCHEMA], name: "acme", meta: { resourceType: "Schema", location: `${t.Entra.tenantUrl}/Schemas/${ACME}` } });
      const common = { multiValued: false, required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none" };
      expect(acme.attributes).toEqual([
        expect.objectContaining({ name: "badgeId", type: "string", ...common, description: expect.stringContaining("Badge ID") }),
        expect.objectContaining({ name: "startDate", type: "dateTime", ...common }),
        expect.objectContaining({ name: "remote", type: "boolean", ...common }),
        expect.objectContaining({ name: "level", type: "decimal", ...common }),
        expect.objectContaining({ name: "buddy", type: "reference", referenceTypes: ["User"], ...common }),
      ]);
      const one = await t.Entra.client.get(`/Schemas/${ACME}`);
      expect(one.status, one.text).toBe(200);
      expect(one.body).toEqual(acme);
    });

    it("GET /ResourceTypes/User lists the custom extension in schemaExtensions, not required", async () => {
      const res = await t.Entra.client.get("/ResourceTypes/User");
      expect(res.status, res.text).toBe(200);
      expect(res.body.schemaExtensions).toEqual([
        { schema: ENT, required: false },
        { schema: ACME, required: false },
      ]);
      const list = expectList(await t.Entra.client.get("/ResourceTypes"));
      expect(list.find((r: Json) => r.id === "User").schemaExtensions).toEqual(res.body.schemaExtensions);
    });

    it("a declared enterprise attribute RFC 7643 does not define is added to the enterprise schema; a core sub-attribute already there stays as it is", async () => {
      const resources = expectList(await t.Okta.client.get("/Schemas"));
      expect(schemasProblems(resources)).toEqual([]);
      expect(resources.map((s: Json) => s.id)).toEqual([URN.USER, ENT, URN.GROUP]);
      const ent = resources.find((s: Json) => s.id === ENT);
      expect(ent.attributes.find((a: Json) => a.name === "badgeNumber")).toMatchObject({ type: "string", multiValued: false, mutability: "readWrite", returned: "default" });
      const core = resources.find((s: Json) => s.id === URN.USER);
      const postal = core.attributes.find((a: Json) => a.name === "addresses").subAttributes.filter((s: Json) => s.name === "postalCode");
      expect(postal).toHaveLength(1);
      const rt = await t.Okta.client.get("/ResourceTypes/User");
      expect(rt.body.schemaExtensions).toEqual([{ schema: ENT, required: false }]);
    });

    it("a workspace without declarations publishes Muster's schemas unchanged, and never another workspace's", async () => {
      const plain = expectList(await t.Plain.client.get("/Schemas"));
      expect(schemasProblems(plain)).toEqual([]);
      expect(plain.map((s: Json) => s.id)).toEqual([URN.USER, ENT, URN.GROUP]);
      expect(plain.find((s: Json) => s.id === ENT).attributes.map((a: Json) => a.name)).not.toContain("badgeNumber");
      expectScimError(await t.Plain.client.get(`/Schemas/${ACME}`), 404);
      expectScimError(await t.Entra.client.get(`/Schemas/${OTHER}`), 404);
      expect((await t.Plain.client.get("/ResourceTypes/User")).body.schemaExtensions).toEqual([{ schema: ENT, required: false }]);
      const other = expectList(await t.Other.client.get("/Schemas")).map((s: Json) => s.id);
      expect(other).toEqual([URN.USER, ENT, OTHER, URN.GROUP]);
    });
  });

  describe("writes (Entra shapes)", () => {
    let buddy: Json;
    beforeAll(async () => {
      buddy = await create(t.Entra.client, entraUser({ displayName: "Bea Buddy" }));
    });

    it("POST with extension attributes as top-level URN keys stores them canonically, returns them, and logs nothing as ignored", async () => {
      const user = await create(
        t.Entra.client,
        entraUser({
          displayName: "Ada Acme",
          [`${ACME}:badgeId`]: "B-17",
          [`${ACME}:startDate`]: "2024-05-01T09:00:00.1234567+02:00",
          [`${ACME}:remote`]: "True",
          [`${ACME}:level`]: 3,
          [`${ACME}:buddy`]: buddy.id,
        }),
      );
      const created = await lastLog(t.Entra);
      expect(created.summary).toMatch(/^Created user .*: .*Badge ID 'B-17'; Start date '2024-05-01T07:00:00.123Z'; Works remotely 'true'; Level '3'; Onboarding buddy '/);
      expect(created.summary).not.toContain("ignored");
      const expected = { badgeId: "B-17", startDate: "2024-05-01T07:00:00.123Z", remote: true, level: 3, buddy: buddy.id };
      expect(user[ACME]).toEqual(expected);
      expect(user.schemas).toEqual([URN.USER, ENT, ACME]);
      const got = await t.Entra.client.get(`/Users/${user.id}`);
      expect(got.body[ACME]).toEqual(expected);
      const projected = await t.Entra.client.get(withQuery(`/Users/${user.id}`, { attributes: `${ACME}:badgeId,${ACME}:level` }));
      expect(projected.body[ACME]).toEqual({ badgeId: "B-17", level: 3 });
      expect(projected.body.userName).toBeUndefined();
      // What GET returns is what the database holds.
      expect(await rowsOf(user.id)).toEqual({
        badgeId: { value: "B-17", valueKey: "b-17" },
        startDate: { value: "2024-05-01T07:00:00.123Z", valueKey: "2024-05-01t07:00:00.123z" },
        remote: { value: "true", valueKey: "true" },
        level: { value: "3", valueKey: "3" },
        buddy: { value: buddy.id, valueKey: String(buddy.id).toLowerCase() },
      });
      // On the card: from the IdP, a reference shown as the person's name.
      expect(await cardField(user.id, "attr.badgeId")).toMatchObject({ value: "B-17", source: "idp" });
      expect(await cardField(user.id, "attr.buddy")).toMatchObject({ value: "Bea Buddy" });
      expect(await cardField(user.id, "attr.level")).toBeUndefined();
    });

    it("PATCH (Entra without aadOptscim062020) sets, replaces and removes an extension attribute; the row and the card field from the IdP follow", async () => {
      const user = await create(t.Entra.client, entraUser({ [`${ACME}:badgeId`]: "B-1" }));
      const add = await t.Entra.client.patch(
        `/Users/${user.id}`,
        patchOps({ op: "Replace", path: `${ACME}:badgeId`, value: "B-2" }, { op: "Add", path: `${ACME}:remote`, value: "False" }, { op: "Add", path: `${ACME}:level`, value: 7.5 }),
      );
      expect(add.status, add.text).toBe(200);
      expect(add.body[ACME]).toEqual({ badgeId: "B-2", remote: false, level: 7.5 });
      expect(await rowsOf(user.id)).toEqual({
        badgeId: { value: "B-2", valueKey: "b-2" },
        remote: { value: "false", valueKey: "false" },
        level: { value: "7.5", valueKey: "7.5" },
      });
      expect(await cardField(user.id, "attr.badgeId")).toMatchObject({ value: "B-2" });
      expect((await lastLog(t.Entra)).summary).toMatch(/^Updated user .*: Badge ID 'B-1' → 'B-2'; Works remotely \(none\) → 'false'; Level \(none\) → '7.5'$/);

      const remove = await t.Entra.client.patch(`/Users/${user.id}`, patchOps({ op: "Remove", path: `${ACME}:badgeId` }));
      expect(remove.status, remove.text).toBe(200);
      expect(remove.body[ACME]).toEqual({ remote: false, level: 7.5 });
      expect((await lastLog(t.Entra)).summary).toMatch(/: Badge ID 'B-2' → \(none\)$/);
      expect(Object.keys(await rowsOf(user.id)).sort()).toEqual(["level", "remote"]);
      expect((await cardField(user.id, "attr.badgeId"))?.value ?? null).toBeNull();
    });

    it("PATCH with aadOptscim062020: a path-less replace with URN-qualified keys", async () => {
      const user = await create(t.Entra.client, entraUser());
      const res = await t.Entra.client.patch(`/Users/${user.id}?aadOptscim062020`, patchOps({ op: "replace", value: { [`${ACME}:badgeId`]: "Q-9", [`${ACME}:startDate`]: "2025-01-31" } }));
      expect(res.status, res.text).toBe(200);
      expect(res.body[ACME]).toEqual({ badgeId: "Q-9", startDate: "2025-01-31T00:00:00.000Z" });
      expect((await rowsOf(user.id)).startDate).toEqual({ value: "2025-01-31T00:00:00.000Z", valueKey: "2025-01-31t00:00:00.000z" });
    });

    it("a wrong type is 400 invalidValue naming the attribute and the type, and nothing is written", async () => {
      const cases: [string, unknown, string][] = [
        ["level", "high", "a number"],
        ["remote", "maybe", "a boolean"],
        ["startDate", "next Tuesday", "date"],
        ["startDate", "2024-02-31", "date"],
        ["badgeId", 42, "a string"],
        // Longer than the dashboard and CSV allow (and than a PostgreSQL index entry holds): refused, not a 500.
        ["badgeId", "x".repeat(3000), "at most 1000 characters"],
        ["buddy", "no-such-user", "another User"],
      ];
      for (const [attr, value, expected] of cases) {
        const body = entraUser({ [`${ACME}:${attr}`]: value });
        const res = await t.Entra.client.post("/Users", body);
        expectScimError(res, 400, "invalidValue");
        expect(res.body.detail, `${attr}=${JSON.stringify(value)}`).toContain(`${ACME}:${attr}`);
        expect(res.body.detail).toContain(expected);
        expect(await sql(app, `SELECT 1 FROM "Employee" WHERE "workspaceId" = $1 AND "userName" = $2`, [t.Entra.workspaceId, body.userName])).toEqual([]);
      }
      const user = await create(t.Entra.client, entraUser({ [`${ACME}:level`]: 1 }));
      const before = await sql(app, `SELECT "version", "scimDoc" FROM "Employee" WHERE "scimId" = $1`, [user.id]);
      for (const op of [
        { op: "Replace", path: `${ACME}:level`, value: "1" },
        { op: "Replace", path: `${ACME}:startDate`, value: "soon" },
        { op: "Replace", path: `${ACME}:buddy`, value: user.id },
      ]) {
        const res = await t.Entra.client.patch(`/Users/${user.id}`, patchOps({ op: "Replace", path: "displayName", value: "Changed" }, op));
        expectScimError(res, 400, "invalidValue");
        expect(res.body.detail).toContain(op.path);
      }
      expect(await sql(app, `SELECT "version", "scimDoc" FROM "Employee" WHERE "scimId" = $1`, [user.id])).toEqual(before);
      expect(await rowsOf(user.id)).toEqual({ level: { value: "1", valueKey: "1" } });
    });

    it("filters: eq (case-insensitive), sw, pr, ne, on numbers, booleans and dates; an undeclared path stays 400 invalidFilter", async () => {
      const c = t.Entra.client;
      const a = await create(c, entraUser({ [`${ACME}:badgeId`]: "FLT-Alpha", [`${ACME}:level`]: 12, [`${ACME}:remote`]: true, [`${ACME}:startDate`]: "2030-06-01T00:00:00Z" }));
      const b = await create(c, entraUser({ [`${ACME}:badgeId`]: "flt-beta", [`${ACME}:level`]: 12.5, [`${ACME}:remote`]: false }));
      await create(c, entraUser({ [`${ACME}:badgeId`]: "other" }));
      expect(await filterIds(c, `${ACME}:badgeId eq "flt-alpha"`)).toEqual([a.id]);
      expect(await filterIds(c, `${ACME}:badgeId sw "FLT-"`)).toEqual([a.id, b.id].sort());
      expect(await filterIds(c, `${ACME}:badgeId sw "FLT-" and ${ACME}:remote eq true`)).toEqual([a.id]);
      expect(await filterIds(c, `${ACME}:badgeId sw "flt" and ${ACME}:remote eq "False"`)).toEqual([b.id]);
      expect(await filterIds(c, `${ACME}:level eq 12`)).toEqual([a.id]);
      expect(await filterIds(c, `${ACME}:level eq 12.50`)).toEqual([b.id]);
      expect(await filterIds(c, `${ACME}:startDate eq "2030-06-01T02:00:00+02:00"`)).toEqual([a.id]);
      expect(await filterIds(c, `${ACME}:startDate ge "2030-01-01T00:00:00Z"`)).toEqual([a.id]);
      expect(await filterIds(c, `${ACME}:startDate pr and ${ACME}:badgeId sw "flt"`)).toEqual([a.id]);
      expect(await filterIds(c, `${ACME}:badgeId sw "flt" and not (${ACME}:startDate pr)`)).toEqual([b.id]);
      expect(await filterIds(c, `${ACME}:badgeId sw "flt" and ${ACME}:badgeId ne "FLT-ALPHA"`)).toEqual([b.id]);
      expectScimError(await c.get(withQuery("/Users", { filter: `${ACME}:level gt 3` })), 400, "invalidFilter");
      expectScimError(await c.get(withQuery("/Users", { filter: `${ACME}:level eq "three"` })), 400, "invalidFilter");
      expectScimError(await c.get(withQuery("/Users", { filter: `${ACME}:shoeSize eq "42"` })), 400, "invalidFilter");
      expectScimError(await t.Plain.client.get(withQuery("/Users", { filter: `${ACME}:badgeId eq "flt-alpha"` })), 400, "invalidFilter");
      // Another workspace's declaration and values are not this workspace's.
      expectScimError(await t.Other.client.get(withQuery("/Users", { filter: `${ACME}:badgeId eq "flt-alpha"` })), 400, "invalidFilter");
    });

    it("POST /Bulk checks and stores them per operation; POST /Users/.search filters on them", async () => {
      const good = entraUser({ [`${ACME}:badgeId`]: "BULK-1", [`${ACME}:level`]: 4 });
      const bad = entraUser({ [`${ACME}:level`]: "four" });
      const res = await t.Entra.client.post("/Bulk", {
        schemas: [URN.BULK_REQUEST],
        Operations: [
          { method: "POST", path: "/Users", bulkId: "good", data: good },
          { method: "POST", path: "/Users", bulkId: "bad", data: bad },
        ],
      });
      expect(res.status, res.text).toBe(200);
      const [g, b] = res.body.Operations as Json[];
      expect(g).toMatchObject({ bulkId: "good", status: "201" });
      expect(b).toMatchObject({ bulkId: "bad", status: "400", response: { scimType: "invalidValue", detail: expect.stringContaining(`${ACME}:level`) } });
      const id = String(g.location).split("/").pop()!;
      expect(await rowsOf(id)).toEqual({ badgeId: { value: "BULK-1", valueKey: "bulk-1" }, level: { value: "4", valueKey: "4" } });
      expect(await sql(app, `SELECT 1 FROM "Employee" WHERE "workspaceId" = $1 AND "userName" = $2`, [t.Entra.workspaceId, bad.userName])).toEqual([]);
      const search = await t.Entra.client.post("/Users/.search", { schemas: [URN.SEARCH], filter: `${ACME}:badgeId eq "bulk-1"`, attributes: [`${ACME}:badgeId`] });
      expect(search.status, search.text).toBe(200);
      expect(search.body.Resources).toEqual([{ schemas: [URN.USER, ENT, ACME], id, [ACME]: { badgeId: "BULK-1" } }]);
    });

    it("a template rule on a declared path matches a new employee", async () => {
      const templateId = `tpl_${crypto.randomBytes(6).toString("hex")}`;
      await sql(app, `INSERT INTO "Template" ("id", "workspaceId", "name", "position", "fields", "rules", "updatedAt") VALUES ($1, $2, 'Contractors', 0, $3, $4, CURRENT_TIMESTAMP)`, [
        templateId,
        t.Entra.workspaceId,
        JSON.stringify({ company: "Acme Contracting" }),
        JSON.stringify([[{ attribute: `${ACME}:badgeId`, op: "sw", value: "C-" }]]),
      ]);
      await sql(app, `UPDATE "Workspace" SET "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [t.Entra.workspaceId]);
      const matched = await create(t.Entra.client, entraUser({ [`${ACME}:badgeId`]: "c-100" }));
      const unmatched = await create(t.Entra.client, entraUser({ [`${ACME}:badgeId`]: "E-100" }));
      const templateOf = async (scimId: string) => (await sql(app, `SELECT "templateId" FROM "Employee" WHERE "scimId" = $1`, [scimId]))[0]!.templateId;
      expect(await templateOf(matched.id)).toBe(templateId);
      expect(await templateOf(unmatched.id)).toBeNull();
      expect(await cardField(matched.id, "company")).toMatchObject({ value: "Acme Contracting" });
    });
  });

  describe("writes (Okta shapes)", () => {
    it("PUT with an enterprise attribute and a filtered core sub-attribute stores, returns and filters them; a PUT without them removes them", async () => {
      const c = t.Okta.client;
      const user = await create(c, oktaUser());
      const full = { ...oktaUser({ userName: user.userName, externalId: user.externalId }), id: user.id, meta: user.meta };
      const put = await c.put(`/Users/${user.id}`, {
        ...full,
        schemas: [URN.USER, ENT],
        addresses: [
          { type: "home", postalCode: "99999", locality: "Home" },
          { type: "work", postalCode: "10115", locality: "Berlin", primary: true },
        ],
        [ENT]: { badgeNumber: "X-100", department: "Sales" },
      });
      expect(put.status, put.text).toBe(200);
      expect(put.body[ENT]).toMatchObject({ badgeNumber: "X-100", department: "Sales" });
      expect(await rowsOf(user.id)).toEqual({ badgeNumber: { value: "X-100", valueKey: "x-100" }, workPostalCode: { value: "10115", valueKey: "10115" } });
      const log = (await lastLog(t.Okta)).summary;
      expect(log).toMatch(/^Updated user /);
      expect(log).toContain("Badge number (none) → 'X-100'; Work postal code (none) → '10115'");
      expect(log).not.toContain("ignored");
      expect(await filterIds(c, 'addresses[type eq "work"].postalCode eq "10115"')).toEqual([user.id]);
      expect(await filterIds(c, 'addresses[type eq "work" and postalCode eq "10115"]')).toEqual([user.id]);
      expect(await filterIds(c, `${ENT}:badgeNumber sw "x-1"`)).toEqual([user.id]);
      expect(await filterIds(c, `${ENT}:badgeNumber pr`)).toEqual([user.id]);
      // The home address is not the declared one: its postal code is not indexed, so not filterable.
      expectScimError(await c.get(withQuery("/Users", { filter: 'addresses[type eq "home"].postalCode eq "99999"' })), 400, "invalidFilter");

      const again = await c.put(`/Users/${user.id}`, { ...full, schemas: [URN.USER, ENT], [ENT]: { department: "Sales" } });
      expect(again.status, again.text).toBe(200);
      expect(again.body[ENT]).toEqual({ department: "Sales" });
      expect(await rowsOf(user.id)).toEqual({});
      expect(await filterIds(c, `${ENT}:badgeNumber pr`)).toEqual([]);
    });
  });

  describe("a workspace without declarations", () => {
    it("accepts an extension attribute without storing it, and the log names it as ignored, as before", async () => {
      const user = await create(t.Plain.client, entraUser({ [`${ACME}:badgeId`]: "B-17" }));
      expect(user[ACME]).toBeUndefined();
      expect(user.schemas).not.toContain(ACME);
      expect((await lastLog(t.Plain)).summary).toContain(`ignored attributes not in /Schemas: ${ACME}:badgeId`);
      expect((await t.Plain.client.get(`/Users/${user.id}`)).body[ACME]).toBeUndefined();
      expect(await rowsOf(user.id)).toEqual({});
    });

    it("another workspace's declaration does not make its attribute stored here", async () => {
      const user = await create(t.Other.client, entraUser({ [`${ACME}:badgeId`]: "B-17", [`${OTHER}:secret`]: "s3" }));
      expect(user[ACME]).toBeUndefined();
      expect(user[OTHER]).toEqual({ secret: "s3" });
      expect(await rowsOf(user.id)).toEqual({ secret: { value: "s3", valueKey: "s3" } });
      expect((await lastLog(t.Other)).summary).toContain(`ignored attributes not in /Schemas: ${ACME}:badgeId`);
    });

    it("once a declaration is removed, its attribute is neither published nor returned, and is ignored again", async () => {
      const user = await create(t.Other.client, entraUser({ [`${OTHER}:secret`]: "gone soon" }));
      await sql(app, `DELETE FROM "EmployeeAttribute" WHERE "attributeId" = $1`, [ids[`${t.Other.slug}:secret`]]);
      await sql(app, `DELETE FROM "CustomAttribute" WHERE "id" = $1`, [ids[`${t.Other.slug}:secret`]]);
      await sql(app, `UPDATE "Workspace" SET "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [t.Other.workspaceId]);
      expect(expectList(await t.Other.client.get("/Schemas")).map((s: Json) => s.id)).toEqual([URN.USER, ENT, URN.GROUP]);
      const got = await t.Other.client.get(`/Users/${user.id}`);
      expect(got.status, got.text).toBe(200);
      expect(got.body[OTHER]).toBeUndefined();
      expect(got.body.schemas).toEqual([URN.USER, ENT]);
      const listed = expectList(await t.Other.client.get(withQuery("/Users", { filter: `userName eq "${user.userName}"` })));
      expect(listed[0][OTHER]).toBeUndefined();
      const patched = await t.Other.client.patch(`/Users/${user.id}`, patchOps({ op: "Replace", path: `${OTHER}:secret`, value: "again" }));
      expect(patched.status, patched.text).toBe(200);
      expect(patched.body[OTHER]).toBeUndefined();
      expect((await lastLog(t.Other)).summary).toContain(`ignored attributes not in /Schemas: ${OTHER}:secret`);
    });
  });
});
