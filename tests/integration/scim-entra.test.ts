// Microsoft Entra ID, replayed: the requests its provisioning service sends, in the order it sends
// them (IDP-DIALECTS.md; Entra docs "Tutorial: develop and plan provisioning for a SCIM endpoint"
// and "Known issues … SCIM 2.0 protocol compliance").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { entraGroup, entraUser, memberIds, patchOps, uid, URN, withQuery, type Json, type ScimClient } from "../support/scim-client";
import { expectCreated, expectEmptyList, expectList, expectScimContentType, expectScimError, expectStatus } from "../support/scim-expect";
import { createTenants, type Tenant } from "../support/scim-tenant";
import { sql } from "../support/sql";

const ENT = URN.ENTERPRISE;
// Entra form-encodes its queries: spaces as "+".
const entraFilter = (endpoint: string, filter: string, extra: Record<string, string> = {}) => withQuery(endpoint, { ...extra, filter }, "+");

const createUser = async (c: ScimClient, overrides: Record<string, unknown> = {}): Promise<Json> => {
  const res = await c.post("/Users", entraUser(overrides));
  expect(res.status, res.text).toBe(201);
  return res.body;
};

// One workspace and token per describe block below.
const TENANTS = ["Entra connection", "Entra users", "Entra patch", "Entra flag", "Entra lifecycle", "Entra groups"] as const;

describe.each(engines())("Entra ID on %s", (engine) => {
  let app: RunningApp;
  let tenants: Record<(typeof TENANTS)[number], Tenant>;
  beforeAll(async () => {
    app = await startApp(engine);
    tenants = await createTenants(app, TENANTS);
  });
  afterAll(async () => app?.stop());

  describe("Test Connection", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Entra connection"];
    });

    it('GET /Users?filter=userName eq "<random guid>" is an empty 200 ListResponse', async () => {
      const res = await t.client.get(entraFilter("/Users", `userName eq "${uid()}"`));
      expectEmptyList(res);
    });

    it('GET /Users?filter=externalId eq "<random guid>" is an empty 200 ListResponse', async () => {
      expectEmptyList(await t.client.get(entraFilter("/Users", `externalId eq "${uid()}"`)));
    });

    it('GET /Groups?filter=displayName eq "<random guid>" is an empty 200 ListResponse', async () => {
      expectEmptyList(await t.client.get(entraFilter("/Groups", `displayName eq "${uid()}"`, { excludedAttributes: "members" })));
    });
  });

  describe("POST /Users", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Entra users"];
    });

    it("matches by userName and by externalId, then creates with 201, Location and the SCIM media type", async () => {
      const body = entraUser();
      expectEmptyList(await t.client.get(entraFilter("/Users", `userName eq "${body.userName}"`)));
      expectEmptyList(await t.client.get(entraFilter("/Users", `externalId eq "${body.externalId}"`)));

      const res = await t.client.post("/Users", body);
      const created = expectCreated(res, t.tenantUrl, "Users");
      expect(created).toMatchObject({
        userName: body.userName,
        externalId: body.externalId,
        active: true,
        name: { familyName: "Family", givenName: "Given", formatted: "Given Family" },
        emails: [{ primary: true, type: "work", value: body.userName }],
        meta: { resourceType: "User" },
      });
      expect(created.schemas).toContain(URN.USER);

      const byUserName = expectList(await t.client.get(entraFilter("/Users", `userName eq "${body.userName}"`)));
      expect(byUserName.map((r) => r.id)).toEqual([created.id]);
      const byExternalId = expectList(await t.client.get(entraFilter("/Users", `externalId eq "${body.externalId}"`)));
      expect(byExternalId.map((r) => r.id)).toEqual([created.id]);

      const got = await t.client.get(`/Users/${created.id}`);
      expect(got.status).toBe(200);
      expectScimContentType(got);
      expect(got.body).toMatchObject({ id: created.id, userName: body.userName, externalId: body.externalId, active: true });
    });

    it("keeps the custom enterprise `location` attribute through POST and PATCH", async () => {
      const created = await createUser(t.client, { [ENT]: { department: "Sales", location: "Building 4" } });
      expect(created[ENT]).toMatchObject({ department: "Sales", location: "Building 4" });
      expect((await t.client.get(`/Users/${created.id}`)).body[ENT]).toMatchObject({ location: "Building 4" });

      const res = await t.client.patch(`/Users/${created.id}`, patchOps({ op: "Replace", path: `${ENT}:location`, value: "Building 7" }));
      expect(res.status, res.text).toBe(200);
      expect(res.body[ENT]).toMatchObject({ department: "Sales", location: "Building 7" });
      expect((await t.client.get(`/Users/${created.id}`)).body[ENT]).toMatchObject({ department: "Sales", location: "Building 7" });
    });

    it("accepts attributes /Schemas does not declare without storing or echoing them, and the log names them", async () => {
      const created = await createUser(t.client, { [ENT]: { department: "Sales", worksiteId: "180" }, adreses: [{ locality: "x" }] });
      expect(created[ENT]).toEqual({ department: "Sales" });
      expect(created).not.toHaveProperty("adreses");
      const res = await t.client.patch(`/Users/${created.id}`, patchOps({ op: "Add", path: `${ENT}:costCentre`, value: "CC-1" }, { op: "Replace", path: "title", value: "Lead" }));
      expect(res.status, res.text).toBe(200);
      expect(res.body.title).toBe("Lead");
      const got = await t.client.get(`/Users/${created.id}`);
      expect(got.text).not.toMatch(/worksiteId|adreses|costCentre/);

      const rows = await sql(app, `SELECT method, summary FROM "ProvisioningEvent" WHERE "workspaceId" = $1 AND "resourceId" = $2 AND method <> 'GET' ORDER BY at`, [t.workspaceId, created.id]);
      expect(rows.map((r) => r.method)).toEqual(["POST", "PATCH"]);
      const [post, patch] = rows.map((r) => String(r.summary));
      expect(post!.endsWith(`; ignored attributes not in /Schemas: ${ENT}:worksiteId, adreses`), post).toBe(true);
      expect(patch!.endsWith(`; ignored attributes not in /Schemas: ${ENT}:costCentre`), patch).toBe(true);
    });
  });

  describe("PATCH /Users/{id} without aadOptscim062020", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Entra patch"];
    });

    it("applies one capitalised operation per attribute, creating filtered elements that do not exist yet", async () => {
      const user = await createUser(t.client);
      expect(user.addresses ?? []).toEqual([]);
      const newEmail = `renamed-${uid()}@example.test`;
      const res = await t.client.patch(
        `/Users/${user.id}`,
        patchOps(
          { op: "Replace", path: 'emails[type eq "work"].value', value: newEmail },
          { op: "Replace", path: "name.familyName", value: "Updated" },
          { op: "Replace", path: 'addresses[type eq "work"].locality', value: "Seattle" },
          { op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" },
          { op: "Add", path: `${ENT}:department`, value: "Engineering" },
          { op: "Replace", path: "displayName", value: "Updated Person" },
        ),
      );
      expect(res.status, res.text).toBe(200);
      expectScimContentType(res);

      const got = (await t.client.get(`/Users/${user.id}`)).body;
      for (const body of [res.body, got]) {
        expect(body.id).toBe(user.id);
        expect(body.emails).toEqual([expect.objectContaining({ type: "work", value: newEmail })]);
        expect(body.name).toMatchObject({ familyName: "Updated", givenName: "Given" });
        expect(body.addresses).toEqual([expect.objectContaining({ type: "work", locality: "Seattle" })]);
        expect(body.phoneNumbers).toEqual([expect.objectContaining({ type: "mobile", value: "+1 555 0100" })]);
        expect(body[ENT]).toMatchObject({ department: "Engineering" });
        expect(body.displayName).toBe("Updated Person");
        expect(body.userName).toBe(user.userName);
      }
    });

    it('Replace active "False" stores a real false, and "True" restores it', async () => {
      const user = await createUser(t.client);
      const off = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "Replace", path: "active", value: "False" }));
      expect(off.status, off.text).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await t.client.get(`/Users/${user.id}`)).body.active).toBe(false);

      const on = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "Replace", path: "active", value: "True" }));
      expect(on.status, on.text).toBe(200);
      expect(on.body.active).toBe(true);
      expect((await t.client.get(`/Users/${user.id}`)).body.active).toBe(true);
    });

    it("Add manager with a bare id string, then Remove it", async () => {
      const manager = await createUser(t.client);
      const user = await createUser(t.client);
      const added = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "Add", path: `${ENT}:manager`, value: manager.id }));
      expect(added.status, added.text).toBe(200);
      expect(added.body[ENT].manager.value).toBe(manager.id);
      expect((await t.client.get(`/Users/${user.id}`)).body[ENT].manager.value).toBe(manager.id);

      const removed = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "Remove", path: `${ENT}:manager`, value: "" }));
      expect(removed.status, removed.text).toBe(200);
      expect(removed.body[ENT]?.manager).toBeUndefined();
      expect((await t.client.get(`/Users/${user.id}`)).body[ENT]?.manager).toBeUndefined();
    });

    it("Add manager as [{value}] and Remove it without a value", async () => {
      const manager = await createUser(t.client);
      const user = await createUser(t.client);
      const added = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "Add", path: `${ENT}:manager`, value: [{ value: manager.id }] }));
      expect(added.status, added.text).toBe(200);
      expect(added.body[ENT].manager.value).toBe(manager.id);
      const removed = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "Remove", path: `${ENT}:manager` }));
      expect(removed.status, removed.text).toBe(200);
      expect((await t.client.get(`/Users/${user.id}`)).body[ENT]?.manager).toBeUndefined();
    });
  });

  describe("PATCH /Users/{id}?aadOptscim062020", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Entra flag"];
    });

    it("accepts a path-less replace with dotted and URN-qualified keys and real booleans", async () => {
      const user = await createUser(t.client);
      const res = await t.client.patch(
        `/Users/${user.id}?aadOptscim062020`,
        patchOps({
          op: "replace",
          value: {
            displayName: "Flagged Person",
            "name.givenName": "Flagged",
            "name.familyName": "Person",
            active: false,
            [`${ENT}:department`]: "Research",
            [`${ENT}:location`]: "Dublin",
          },
        }),
      );
      expect(res.status, res.text).toBe(200);
      const got = (await t.client.get(`/Users/${user.id}`)).body;
      for (const body of [res.body, got]) {
        expect(body).toMatchObject({ id: user.id, userName: user.userName, displayName: "Flagged Person", active: false });
        expect(body.name).toMatchObject({ givenName: "Flagged", familyName: "Person" });
        expect(body[ENT]).toMatchObject({ department: "Research", location: "Dublin" });
        // the dotted keys are paths, not attributes of their own
        expect(body["name.givenName"]).toBeUndefined();
        expect(body[`${ENT}:department`]).toBeUndefined();
      }
    });

    it("accepts lower-case add/replace with a real boolean and a filtered path", async () => {
      const user = await createUser(t.client);
      const res = await t.client.patch(
        `/Users/${user.id}?aadOptscim062020`,
        patchOps(
          { op: "replace", path: "active", value: false },
          { op: "add", path: 'phoneNumbers[type eq "work"].value', value: "+1 555 0199" },
          { op: "replace", path: `${ENT}:department`, value: "Legal" },
        ),
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body.active).toBe(false);
      expect(res.body.phoneNumbers).toEqual([expect.objectContaining({ type: "work", value: "+1 555 0199" })]);
      expect(res.body[ENT]).toMatchObject({ department: "Legal" });
    });
  });

  describe("disable and DELETE /Users/{id}", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Entra lifecycle"];
    });

    it("a disabled user is still returned by GET and by the userName filter", async () => {
      const user = await createUser(t.client);
      const res = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "Replace", path: "active", value: false }));
      expect(res.status, res.text).toBe(200);
      const got = await t.client.get(`/Users/${user.id}`);
      expect(got.status).toBe(200);
      expect(got.body.active).toBe(false);
      const found = expectList(await t.client.get(entraFilter("/Users", `userName eq "${user.userName}"`)));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ id: user.id, active: false });
    });

    it("DELETE answers 204; the user is then 404 with a SCIM error, gone from filters, and its userName is free", async () => {
      const user = await createUser(t.client);
      const del = await t.client.del(`/Users/${user.id}`);
      expect(del.status, del.text).toBe(204);
      expect(del.text).toBe("");

      expectScimError(await t.client.get(`/Users/${user.id}`), 404);
      expectEmptyList(await t.client.get(entraFilter("/Users", `userName eq "${user.userName}"`)));
      expectScimError(await t.client.del(`/Users/${user.id}`), 404);

      const again = await t.client.post("/Users", entraUser({ userName: user.userName }));
      expect(again.status, again.text).toBe(201);
      expect(again.body.userName).toBe(user.userName);
    });
  });

  describe("Groups", () => {
    let t: Tenant;
    let users: Json[];
    beforeAll(async () => {
      t = tenants["Entra groups"];
      users = [];
      for (let i = 0; i < 4; i++) users.push(await createUser(t.client));
    });

    const createGroup = async () => {
      const body = entraGroup();
      const res = await t.client.post("/Groups", body);
      expect(res.status, res.text).toBe(201);
      return res.body as Json;
    };

    it("POST /Groups with the ADSCIM schema and empty members, found by displayName", async () => {
      const body = entraGroup();
      expectEmptyList(await t.client.get(entraFilter("/Groups", `displayName eq "${body.displayName}"`, { excludedAttributes: "members" })));
      const created = expectCreated(await t.client.post("/Groups", body), t.tenantUrl, "Groups");
      expect(created).toMatchObject({ displayName: body.displayName, externalId: body.externalId, meta: { resourceType: "Group" } });
      expect(created.schemas).toContain(URN.GROUP);
      expect(created.members ?? []).toEqual([]);

      const found = expectList(await t.client.get(entraFilter("/Groups", `displayName eq "${body.displayName}"`, { excludedAttributes: "members" })));
      expect(found.map((g) => g.id)).toEqual([created.id]);
      expect(found[0]).not.toHaveProperty("members");
    });

    it("GET /Groups/{id}?excludedAttributes=members leaves members out", async () => {
      const group = await createGroup();
      await t.client.patch(`/Groups/${group.id}`, patchOps({ op: "Add", path: "members", value: [{ $ref: null, value: users[0].id }] }));
      const res = await t.client.get(`/Groups/${group.id}?excludedAttributes=members`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ id: group.id, displayName: group.displayName });
      expect(res.body).not.toHaveProperty("members");
      expect(memberIds((await t.client.get(`/Groups/${group.id}`)).body)).toEqual([users[0].id]);
    });

    it("PATCH /Groups/{id}: Add members, then Remove with a value list and with members[value eq], leaving the others", async () => {
      const group = await createGroup();
      const [a, b, c, d] = users.map((u) => u.id as string);
      const add = await t.client.patch(
        `/Groups/${group.id}`,
        patchOps({ op: "Add", path: "members", value: [{ $ref: null, value: a }, { $ref: null, value: b }] }, { op: "Add", path: "members", value: [{ $ref: null, value: c }] }),
      );
      expectStatus(add, 204, 200);
      const add2 = await t.client.patch(`/Groups/${group.id}`, patchOps({ op: "Add", path: "members", value: [{ $ref: null, value: d }] }));
      expectStatus(add2, 204, 200);
      expect(memberIds((await t.client.get(`/Groups/${group.id}`)).body)).toEqual([a, b, c, d].sort());

      const remove = await t.client.patch(`/Groups/${group.id}`, patchOps({ op: "Remove", path: "members", value: [{ $ref: null, value: a }] }));
      expectStatus(remove, 204, 200);
      expect(memberIds((await t.client.get(`/Groups/${group.id}`)).body)).toEqual([b, c, d].sort());

      const removeFiltered = await t.client.patch(`/Groups/${group.id}?aadOptscim062020`, patchOps({ op: "remove", path: `members[value eq "${b}"]` }));
      expectStatus(removeFiltered, 204, 200);
      expect(memberIds((await t.client.get(`/Groups/${group.id}`)).body)).toEqual([c, d].sort());
    });

    it("PATCH /Groups/{id}: Replace displayName keeps the members", async () => {
      const group = await createGroup();
      await t.client.patch(`/Groups/${group.id}`, patchOps({ op: "Add", path: "members", value: [{ value: users[1].id }] }));
      const name = `Renamed ${uid()}`;
      const res = await t.client.patch(`/Groups/${group.id}`, patchOps({ op: "Replace", path: "displayName", value: name }));
      expectStatus(res, 204, 200);
      const got = (await t.client.get(`/Groups/${group.id}`)).body;
      expect(got.displayName).toBe(name);
      expect(memberIds(got)).toEqual([users[1].id]);
    });

    it("DELETE /Groups/{id} answers 204 and the members stay", async () => {
      const group = await createGroup();
      await t.client.patch(`/Groups/${group.id}`, patchOps({ op: "Add", path: "members", value: [{ value: users[2].id }] }));
      const res = await t.client.del(`/Groups/${group.id}`);
      expect(res.status, res.text).toBe(204);
      expectScimError(await t.client.get(`/Groups/${group.id}`), 404);
      expect((await t.client.get(`/Users/${users[2].id}`)).status).toBe(200);
    });
  });
});
