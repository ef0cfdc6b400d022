// Okta, replayed: the requests of its SCIM 2.0 provisioning, for custom (App Integration Wizard)
// apps that PUT and catalogue apps that PATCH (IDP-DIALECTS.md; Okta "SCIM 2.0 protocol reference").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { memberIds, oktaGroup, oktaUser, patchOps, randomUserName, uid, URN, withQuery, type Json, type ScimClient } from "../support/scim-client";
import { expectCreated, expectEmptyList, expectList, expectScimContentType, expectScimError, expectStatus } from "../support/scim-expect";
import { createTenants, type Tenant } from "../support/scim-tenant";

const ENT = URN.ENTERPRISE;
const JSON_CT = "application/json"; // Okta posts with this, not application/scim+json
const byUserName = (userName: string) => withQuery("/Users", { filter: `userName eq "${userName}"`, startIndex: 1, count: 100 });

const createUser = async (c: ScimClient, overrides: Record<string, unknown> = {}): Promise<Json> => {
  const res = await c.post("/Users", oktaUser(overrides), { contentType: JSON_CT });
  expect(res.status, res.text).toBe(201);
  return res.body;
};

/** What Okta's PUT sends: the last GET, changed, with id, meta and groups echoed back. */
const lastGet = async (c: ScimClient, id: string): Promise<Json> => {
  const res = await c.get(`/Users/${id}`);
  expect(res.status, res.text).toBe(200);
  return { groups: [], ...res.body };
};

// One workspace and token per describe block below.
const TENANTS = ["Okta connection", "Okta create", "Okta put", "Okta patch", "Okta groups"] as const;

describe.each(engines())("Okta on %s", (engine) => {
  let app: RunningApp;
  let tenants: Record<(typeof TENANTS)[number], Tenant>;
  beforeAll(async () => {
    app = await startApp(engine);
    tenants = await createTenants(app, TENANTS);
  });
  afterAll(async () => app?.stop());

  describe("GET /Users", () => {
    let t: Tenant;
    let ids: string[];
    beforeAll(async () => {
      t = tenants["Okta connection"];
      ids = [];
      for (let i = 0; i < 3; i++) ids.push((await createUser(t.client)).id);
    });

    it("?startIndex=1&count=2 tests the connection with integer paging fields", async () => {
      const res = await t.client.get("/Users?startIndex=1&count=2");
      const resources = expectList(res);
      expect(res.body).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 2 });
      expect(resources).toHaveLength(2);
      for (const r of resources) expect(ids).toContain(r.id);
    });

    it('?filter=userName eq "…"&startIndex=1&count=100 is an empty 200 for an unknown user', async () => {
      const res = await t.client.get(byUserName(randomUserName("nobody")));
      expectEmptyList(res);
      expect(res.body.startIndex).toBe(1);
    });
  });

  describe("POST /Users", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Okta create"];
    });

    it("creates from application/json with a password and groups: [], and never returns the password", async () => {
      const body = oktaUser();
      const res = await t.client.post("/Users", body, { contentType: JSON_CT });
      const created = expectCreated(res, t.tenantUrl, "Users");
      expect(created).toMatchObject({
        userName: body.userName,
        externalId: body.externalId,
        active: true,
        displayName: "Test User",
        locale: "en-US",
        name: { givenName: "Test", familyName: "User" },
        emails: [{ primary: true, value: body.userName, type: "work" }],
      });
      expect(created).not.toHaveProperty("password");
      expect(res.text).not.toContain(body.password as string);

      const got = await t.client.get(`/Users/${created.id}`);
      expect(got.body).not.toHaveProperty("password");
      expect(got.text).not.toContain(body.password as string);
      const listed = await t.client.get(byUserName(body.userName as string));
      expect(listed.text).not.toContain(body.password as string);
    });

    it("GET /Users?filter=userName eq finds a user whatever the case of the userName", async () => {
      const user = await createUser(t.client, { userName: `Mixed.Case-${uid()}@Example.test` });
      const found = expectList(await t.client.get(byUserName(user.userName.toUpperCase())));
      expect(found.map((r) => r.id)).toEqual([user.id]);
    });

    it("a duplicate userName is 409 uniqueness, also in another case", async () => {
      const user = await createUser(t.client);
      expectScimError(await t.client.post("/Users", oktaUser({ userName: user.userName }), { contentType: JSON_CT }), 409, "uniqueness");
      expectScimError(await t.client.post("/Users", oktaUser({ userName: user.userName.toUpperCase() }), { contentType: JSON_CT }), 409, "uniqueness");
      expect(expectList(await t.client.get(byUserName(user.userName)))).toHaveLength(1);
    });

    it("manager.value given as an email or a login is kept as sent", async () => {
      const tag = uid();
      const login = `boss-${tag}@login.example.test`;
      const email = `boss-${tag}@mail.example.test`;
      await createUser(t.client, { userName: login, emails: [{ primary: true, type: "work", value: email }] });

      const byEmail = await t.client.post("/Users", oktaUser({ schemas: [URN.USER, ENT], [ENT]: { manager: { value: email } } }), { contentType: JSON_CT });
      expect(byEmail.status, byEmail.text).toBe(201);
      expect(byEmail.body[ENT].manager.value).toBe(email);
      expect((await t.client.get(`/Users/${byEmail.body.id}`)).body[ENT].manager.value).toBe(email);

      const byLogin = await t.client.post("/Users", oktaUser({ schemas: [URN.USER, ENT], [ENT]: { manager: { value: login } } }), { contentType: JSON_CT });
      expect(byLogin.status, byLogin.text).toBe(201);
      expect(byLogin.body[ENT].manager.value).toBe(login);

      const patched = await t.client.patch(`/Users/${byLogin.body.id}`, patchOps({ op: "replace", path: `${ENT}:manager.value`, value: email }));
      expect(patched.status, patched.text).toBe(200);
      expect(patched.body[ENT].manager.value).toBe(email);
    });
  });

  describe("PUT /Users/{id}", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Okta put"];
    });

    it("replaces the user from a full resource that echoes id, meta and groups", async () => {
      const user = await createUser(t.client);
      const body = { ...(await lastGet(t.client, user.id)), name: { givenName: "Changed", familyName: "Name" }, displayName: "Changed Name", title: "Engineer" };
      const res = await t.client.put(`/Users/${user.id}`, body, { contentType: JSON_CT });
      expect(res.status, res.text).toBe(200);
      expectScimContentType(res);
      const got = (await t.client.get(`/Users/${user.id}`)).body;
      for (const b of [res.body, got]) {
        expect(b).toMatchObject({ id: user.id, userName: user.userName, displayName: "Changed Name", title: "Engineer", active: true });
        expect(b.name).toMatchObject({ givenName: "Changed", familyName: "Name" });
        expect(b.meta.created).toBe(user.meta.created);
      }
    });

    it('"active": false deactivates; the user stays readable and findable; "active": true reactivates', async () => {
      const user = await createUser(t.client);
      const off = await t.client.put(`/Users/${user.id}`, { ...(await lastGet(t.client, user.id)), active: false }, { contentType: JSON_CT });
      expect(off.status, off.text).toBe(200);
      expect(off.body.active).toBe(false);
      const got = await t.client.get(`/Users/${user.id}`);
      expect(got.status).toBe(200);
      expect(got.body.active).toBe(false);
      expect(expectList(await t.client.get(byUserName(user.userName)))).toEqual([expect.objectContaining({ id: user.id, active: false })]);

      const on = await t.client.put(`/Users/${user.id}`, { ...(await lastGet(t.client, user.id)), active: true }, { contentType: JSON_CT });
      expect(on.status, on.text).toBe(200);
      expect(on.body.active).toBe(true);
      expect((await t.client.get(`/Users/${user.id}`)).body.active).toBe(true);
    });
  });

  describe("PATCH /Users/{id} (catalogue apps)", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Okta patch"];
    });

    it('path-less {"op":"replace","value":{"active":false}} deactivates; GET is still 200; replace active true reactivates', async () => {
      const user = await createUser(t.client);
      const off = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", value: { active: false } }), { contentType: JSON_CT });
      expect(off.status, off.text).toBe(200);
      expect(off.body).toMatchObject({ id: user.id, active: false });
      const got = await t.client.get(`/Users/${user.id}`);
      expect(got.status).toBe(200);
      expect(got.body.active).toBe(false);

      const on = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", value: { active: true } }), { contentType: JSON_CT });
      expect(on.status, on.text).toBe(200);
      expect(on.body.active).toBe(true);
    });

    // RFC 7644 §3.3: a deactivated user is still a resource, so its userName is taken (issue
    // "Provisioning engine", case 2). Okta's re-assignment finds it by userName first and re-activates it.
    it("re-assigning a deactivated user: a POST of its userName is 409; Okta's lookup finds it and re-activates the same id", async () => {
      const user = await createUser(t.client);
      const off = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", value: { active: false } }), { contentType: JSON_CT });
      expect(off.status, off.text).toBe(200);

      const body = oktaUser({ userName: user.userName, externalId: user.externalId });
      const again = await t.client.post("/Users", body, { contentType: JSON_CT });
      expect(again.status, again.text).toBe(409);
      expect(again.body).toMatchObject({ scimType: "uniqueness" });
      expect(again.text).not.toContain(body.password as string);

      const found = expectList(await t.client.get(byUserName(user.userName)));
      expect(found.map((r) => [r.id, r.active])).toEqual([[user.id, false]]);
      const on = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", value: { active: true } }), { contentType: JSON_CT });
      expect(on.status, on.text).toBe(200);
      expect((await t.client.get(`/Users/${user.id}`)).body.active).toBe(true);
    });
  });

  describe("Group push", () => {
    let t: Tenant;
    let u: string[];
    beforeAll(async () => {
      t = tenants["Okta groups"];
      u = [];
      for (let i = 0; i < 4; i++) u.push((await createUser(t.client)).id);
    });

    const pushGroup = async (members: string[] = []) => {
      const body = oktaGroup();
      const res = await t.client.post("/Groups", body, { contentType: JSON_CT });
      const created = expectCreated(res, t.tenantUrl, "Groups");
      expect(created.displayName).toBe(body.displayName);
      expect(created.members ?? []).toEqual([]);
      if (members.length) {
        const add = await t.client.patch(`/Groups/${created.id}`, patchOps({ op: "add", path: "members", value: members.map((value) => ({ value })) }));
        expectStatus(add, 204, 200);
      }
      return created as Json;
    };

    it("POST /Groups with members: [] then PATCH remove members[value eq] + add members in one request", async () => {
      const group = await pushGroup([u[0]!, u[1]!]);
      const res = await t.client.patch(
        `/Groups/${group.id}`,
        patchOps({ op: "remove", path: `members[value eq "${u[0]}"]` }, { op: "add", path: "members", value: [{ value: u[2], display: "Third" }] }),
        { contentType: JSON_CT },
      );
      expectStatus(res, 204, 200);
      expect(memberIds((await t.client.get(`/Groups/${group.id}`)).body)).toEqual([u[1]!, u[2]!].sort());
    });

    it("PATCH replace members sets exactly the given members", async () => {
      const group = await pushGroup([u[0]!, u[1]!, u[2]!]);
      const res = await t.client.patch(`/Groups/${group.id}`, patchOps({ op: "replace", path: "members", value: [{ value: u[1] }, { value: u[3] }] }), { contentType: JSON_CT });
      expectStatus(res, 204, 200);
      expect(memberIds((await t.client.get(`/Groups/${group.id}`)).body)).toEqual([u[1]!, u[3]!].sort());
    });

    it("a rename PATCH that repeats the group's own id renames and keeps the members", async () => {
      const group = await pushGroup([u[0]!, u[3]!]);
      const name = `Okta renamed ${uid()}`;
      const res = await t.client.patch(`/Groups/${group.id}`, patchOps({ op: "replace", value: { id: group.id, displayName: name } }), { contentType: JSON_CT });
      expectStatus(res, 204, 200);
      const got = (await t.client.get(`/Groups/${group.id}`)).body;
      expect(got).toMatchObject({ id: group.id, displayName: name });
      expect(memberIds(got)).toEqual([u[0]!, u[3]!].sort());
      expect(expectList(await t.client.get(withQuery("/Groups", { filter: `displayName eq "${name}"` }))).map((g) => g.id)).toEqual([group.id]);
    });
  });
});
