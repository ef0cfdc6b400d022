// RFC 7643/7644 behaviour an identity provider would notice: errors, authentication, tenancy,
// validation, filtering, paging, projection, ETags, discovery, Bulk, concurrency, rate limiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { entraGroup, entraUser, memberIds, oktaUser, patchOps, randomUserName, scim, uid, URN, withQuery, type Json, type ScimClient } from "../support/scim-client";
import { expectCreated, expectEmptyList, expectList, expectScimContentType, expectScimError, expectStatus } from "../support/scim-expect";
import { createTenants, createToken, revokeToken, type Tenant } from "../support/scim-tenant";
import { schemasProblems } from "../support/schema-walker";

const byUserName = (userName: string) => withQuery("/Users", { filter: `userName eq "${userName}"` });

const createUser = async (c: ScimClient, overrides: Record<string, unknown> = {}): Promise<Json> => {
  const res = await c.post("/Users", entraUser(overrides));
  expect(res.status, res.text).toBe(201);
  return res.body;
};

const createGroup = async (c: ScimClient, overrides: Record<string, unknown> = {}): Promise<Json> => {
  const res = await c.post("/Groups", entraGroup(overrides));
  expect(res.status, res.text).toBe(201);
  return res.body;
};

const totalUsers = async (c: ScimClient): Promise<number> => {
  const res = await c.get("/Users?count=0");
  expect(res.status, res.text).toBe(200);
  return res.body.totalResults as number;
};

const serviceProviderConfig = async (c: ScimClient): Promise<Json> => {
  const res = await c.get("/ServiceProviderConfig");
  expect(res.status, res.text).toBe(200);
  return res.body;
};

// One workspace and token per describe block below.
const TENANTS = [
  "Auth",
  "Tenant A",
  "Tenant B",
  "Validation",
  "Endpoints",
  "Filters",
  "Paging",
  "Projection",
  "ETags",
  "Discovery",
  "Bulk",
  "Concurrency",
] as const;

describe.each(engines())("SCIM protocol on %s", (engine) => {
  let app: RunningApp;
  let tenants: Record<(typeof TENANTS)[number], Tenant>;
  beforeAll(async () => {
    app = await startApp(engine);
    tenants = await createTenants(app, TENANTS);
  });
  afterAll(async () => app?.stop());

  describe("authentication", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Auth"];
    });

    const expectUnauthorized = (res: Awaited<ReturnType<ScimClient["get"]>>) => {
      expectScimError(res, 401);
      expect(res.headers.get("www-authenticate") ?? "").toMatch(/^Bearer\b/i);
    };

    it("GET /Users without an Authorization header is 401 with a SCIM body and WWW-Authenticate", async () => {
      expectUnauthorized(await scim(app.baseUrl, null).get("/Users"));
      expectUnauthorized(await scim(app.baseUrl, null).post("/Users", entraUser()));
    });

    it("GET /Users with `Authorization: non-token` is 401 (Okta's SPEC test)", async () => {
      expectUnauthorized(await t.client.get("/Users", { headers: { Authorization: "non-token" } }));
    });

    it("GET /Users with an unknown token, or a known token id with the wrong secret, is 401", async () => {
      expectUnauthorized(await scim(app.baseUrl, `mst_000000000000_${"A".repeat(43)}`).get("/Users"));
      const [prefix, id] = t.token.split("_");
      expectUnauthorized(await scim(app.baseUrl, `${prefix}_${id}_${"B".repeat(43)}`).get("/Users"));
      expectUnauthorized(await scim(app.baseUrl, t.token.slice(0, -1)).get("/Users"));
    });

    it("accepts the Bearer scheme in any case (RFC 7235)", async () => {
      expect((await t.client.get("/Users", { headers: { Authorization: `bearer ${t.token}` } })).status).toBe(200);
    });

    it("a revoked token is 401 while the workspace's other token keeps working", async () => {
      const second = await createToken(app, t.slug, "rotation");
      const client = scim(app.baseUrl, second.token);
      expect((await client.get("/Users")).status).toBe(200);
      await revokeToken(app, t.slug, second.id);
      expectUnauthorized(await client.get("/Users"));
      expectUnauthorized(await client.post("/Users", entraUser()));
      expect((await t.client.get("/Users")).status).toBe(200);
    });
  });

  describe("tenancy", () => {
    let a: Tenant;
    let b: Tenant;
    let bUser: Json;
    let bGroup: Json;
    beforeAll(async () => {
      a = tenants["Tenant A"];
      b = tenants["Tenant B"];
      bUser = await createUser(b.client);
      bGroup = await createGroup(b.client, { members: [{ value: bUser.id }] });
    });

    it("workspace A cannot read, change or delete workspace B's user (404)", async () => {
      expectScimError(await a.client.get(`/Users/${bUser.id}`), 404);
      expectScimError(await a.client.patch(`/Users/${bUser.id}`, patchOps({ op: "replace", path: "active", value: false })), 404);
      expectScimError(await a.client.put(`/Users/${bUser.id}`, { ...entraUser({ userName: bUser.userName }), id: bUser.id }), 404);
      expectScimError(await a.client.del(`/Users/${bUser.id}`), 404);
      const still = await b.client.get(`/Users/${bUser.id}`);
      expect(still.status).toBe(200);
      expect(still.body).toMatchObject({ active: true, userName: bUser.userName });
    });

    it("workspace A cannot read, change or delete workspace B's group (404)", async () => {
      expectScimError(await a.client.get(`/Groups/${bGroup.id}`), 404);
      expectScimError(await a.client.patch(`/Groups/${bGroup.id}`, patchOps({ op: "Remove", path: "members", value: [{ value: bUser.id }] })), 404);
      expectScimError(await a.client.del(`/Groups/${bGroup.id}`), 404);
      const still = await b.client.get(`/Groups/${bGroup.id}`);
      expect(still.status).toBe(200);
      expect(memberIds(still.body)).toEqual([bUser.id]);
    });

    it("lists, filters and searches in A never show B's resources", async () => {
      const aUser = await createUser(a.client);
      const users = expectList(await a.client.get("/Users?count=100")).map((r) => r.id);
      expect(users).toContain(aUser.id);
      expect(users).not.toContain(bUser.id);
      expectEmptyList(await a.client.get(byUserName(bUser.userName)));
      expectEmptyList(await a.client.get(withQuery("/Users", { filter: `externalId eq "${bUser.externalId}"` })));
      expectEmptyList(await a.client.get(withQuery("/Groups", { filter: `displayName eq "${bGroup.displayName}"` })));
      expect(expectList(await a.client.get("/Groups")).map((g) => g.id)).not.toContain(bGroup.id);
      expectEmptyList(await a.client.post("/Users/.search", { schemas: [URN.SEARCH], filter: `userName eq "${bUser.userName}"` }));
      expectEmptyList(await a.client.post("/.search", { schemas: [URN.SEARCH], filter: `externalId eq "${bUser.externalId}"` }));
    });

    it("A can use B's userName for its own user, and cannot put B's user into A's group", async () => {
      const twin = await createUser(a.client, { userName: bUser.userName });
      expect(twin.id).not.toBe(bUser.id);
      const group = await createGroup(a.client);
      const res = await a.client.patch(`/Groups/${group.id}`, patchOps({ op: "Add", path: "members", value: [{ value: bUser.id }] }));
      expect(res.status, res.text).not.toBe(500);
      expect(memberIds((await a.client.get(`/Groups/${group.id}`)).body)).not.toContain(bUser.id);
    });
  });

  describe("request validation", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Validation"];
    });

    it("POST /Users with malformed JSON is 400 invalidSyntax", async () => {
      const before = await totalUsers(t.client);
      expectScimError(await t.client.raw("POST", "/Users", { body: `{"userName": "${randomUserName()}", ` }), 400, "invalidSyntax");
      expectScimError(await t.client.raw("POST", "/Users", { body: "" }), 400, "invalidSyntax");
      expect(await totalUsers(t.client)).toBe(before);
    });

    it.each([
      ["userName: 42", { userName: 42 }],
      ['active: "maybe"', { active: "maybe" }],
      ['emails: "x"', { emails: "x" }],
      ["no userName", { userName: undefined }],
    ])("POST /Users with %s is 400 invalidValue and writes nothing", async (_, overrides) => {
      const before = await totalUsers(t.client);
      const externalId = uid();
      const body = { ...entraUser({ userName: randomUserName("invalid"), externalId }), ...overrides };
      expectScimError(await t.client.post("/Users", body), 400, "invalidValue");
      expect(await totalUsers(t.client)).toBe(before);
      expectEmptyList(await t.client.get(withQuery("/Users", { filter: `externalId eq "${externalId}"` })));
    });

    it("PATCH /Users/{id} with malformed JSON is 400 invalidSyntax", async () => {
      const user = await createUser(t.client);
      expectScimError(await t.client.raw("PATCH", `/Users/${user.id}`, { body: '{"Operations": [' }), 400, "invalidSyntax");
    });

    it("PATCH /Users/{id} is all or nothing: one invalid operation leaves the user untouched", async () => {
      const user = await createUser(t.client, { displayName: "Before" });
      const res = await t.client.patch(
        `/Users/${user.id}`,
        patchOps({ op: "replace", path: "displayName", value: "After" }, { op: "replace", path: "active", value: "maybe" }),
      );
      expectScimError(res, 400, "invalidValue");
      const got = (await t.client.get(`/Users/${user.id}`)).body;
      expect(got).toMatchObject({ displayName: "Before", active: true });
      expect(got.meta.version).toBe(user.meta.version);
    });

    it.each([
      ["id", { op: "replace", path: "id", value: "another-id" }],
      ["meta", { op: "replace", path: "meta", value: { created: "2001-01-01T00:00:00Z" } }],
      ["meta.created", { op: "replace", path: "meta.created", value: "2001-01-01T00:00:00Z" }],
      ["a path-less id that is not the user's own", { op: "replace", value: { id: "another-id" } }],
    ])("PATCH /Users/{id} of the read-only %s is 400 mutability", async (_, op) => {
      const user = await createUser(t.client);
      expectScimError(await t.client.patch(`/Users/${user.id}`, patchOps(op)), 400, "mutability");
      const got = await t.client.get(`/Users/${user.id}`);
      expect(got.body.id).toBe(user.id);
      expect(got.body.meta.created).toBe(user.meta.created);
    });

    it("PATCH /Users/{id} with an unparseable path is 400 invalidPath; remove without a path is 400 noTarget", async () => {
      const user = await createUser(t.client);
      expectScimError(await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", path: 'emails[type eq "work"', value: "x" })), 400, "invalidPath");
      expectScimError(await t.client.patch(`/Users/${user.id}`, patchOps({ op: "remove" })), 400, "noTarget");
    });

    it("a body larger than bulk.maxPayloadSize is 413, on POST /Users and on POST /Bulk", async () => {
      const max = (await serviceProviderConfig(t.client)).bulk.maxPayloadSize as number;
      expect(Number.isInteger(max) && max > 0).toBe(true);
      const before = await totalUsers(t.client);
      const big = entraUser({ displayName: "x".repeat(max + 1024) });
      expectScimError(await t.client.post("/Users", big), 413);
      const bulk = { schemas: [URN.BULK_REQUEST], Operations: [{ method: "POST", path: "/Users", bulkId: "big", data: big }] };
      expectScimError(await t.client.post("/Bulk", bulk), 413);
      expect(await totalUsers(t.client)).toBe(before);
    });
  });

  describe("endpoints", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Endpoints"];
    });

    it("an unknown endpoint /api/scim/v2/Foo is 404 with a SCIM body", async () => {
      expectScimError(await t.client.get("/Foo"), 404);
      expectScimError(await t.client.post("/Foo", {}), 404);
    });

    it("GET /Users/{unknown id} is 404 with a SCIM error and a detail (Okta's SPEC test)", async () => {
      const res = await t.client.get("/Users/010101001010101011001010101011");
      expectScimError(res, 404);
      expect(res.body.detail).toEqual(expect.any(String));
    });

    it("POST /Users answers 201 with Location, the SCIM media type, meta timestamps and ignoring client-sent meta", async () => {
      const body = entraUser({ meta: { resourceType: "User", created: "2001-01-01T00:00:00Z" } });
      const created = expectCreated(await t.client.post("/Users", body), t.tenantUrl, "Users");
      expect(created.meta.resourceType).toBe("User");
      expect(created.meta.created).not.toBe("2001-01-01T00:00:00Z");
      expect(Number.isNaN(Date.parse(created.meta.created))).toBe(false);
      expect(Number.isNaN(Date.parse(created.meta.lastModified))).toBe(false);
    });

    it("GET /users and /groups answer like /Users and /Groups", async () => {
      const user = await createUser(t.client);
      const users = expectList(await t.client.get("/users"));
      expect(users.map((r) => r.id)).toContain(user.id);
      expectList(await t.client.get("/groups"));
      const one = await t.client.get(`/users/${user.id}`);
      expect(one.status).toBe(200);
      expect(one.body.id).toBe(user.id);
    });
  });

  describe("filtering and searching", () => {
    let t: Tenant;
    let user: Json;
    beforeAll(async () => {
      t = tenants["Filters"];
      user = await createUser(t.client, { userName: `Filter.Me-${uid()}@Example.test`, displayName: "Filter Me" });
      await createUser(t.client, { displayName: "Filter Me" });
    });

    it("GET /Users?filter=userName eq is case-insensitive; externalId eq is exact; and combines", async () => {
      expect(expectList(await t.client.get(byUserName(user.userName.toUpperCase()))).map((r) => r.id)).toEqual([user.id]);
      expect(expectList(await t.client.get(byUserName(user.userName.toLowerCase()))).map((r) => r.id)).toEqual([user.id]);
      expect(expectList(await t.client.get(withQuery("/Users", { filter: `externalId eq "${user.externalId}"` }))).map((r) => r.id)).toEqual([user.id]);
      const and = withQuery("/Users", { filter: `userName eq "${user.userName}" and externalId eq "${user.externalId}"` });
      expect(expectList(await t.client.get(and)).map((r) => r.id)).toEqual([user.id]);
      const mismatch = withQuery("/Users", { filter: `userName eq "${user.userName}" and externalId eq "${uid()}"` });
      expectEmptyList(await t.client.get(mismatch));
    });

    it("ne, pr and null on a group's id and displayName (never absent): the matching groups, not a 500 (found by fuzzing)", async () => {
      const group = await createGroup(t.client);
      const ids = async (filter: string) => expectList(await t.client.get(withQuery("/Groups", { filter }))).map((g) => g.id);
      expect(await ids(`id ne "${uid()}"`)).toContain(group.id);
      expect(await ids(`id ne "${group.id}"`)).not.toContain(group.id);
      expect(await ids(`displayName ne "${group.displayName}"`)).not.toContain(group.id);
      expect(await ids("id pr and displayName pr")).toContain(group.id);
      expect(await ids("displayName ne null")).toContain(group.id);
      expectEmptyList(await t.client.get(withQuery("/Groups", { filter: "id eq null" })));
      // The root search covers both resource types with the same filter.
      const root = await t.client.post("/.search", { schemas: [URN.SEARCH], filter: "((id ne 532638681))", startIndex: -5, count: 10 });
      expect(root.status, root.text).toBe(200);
    });

    it("a startIndex beyond any directory (8e33) is an empty page, not a 500 (found by fuzzing)", async () => {
      const far = await t.client.post("/Users/.search", { schemas: [URN.SEARCH], filter: "id lt false", startIndex: 8.035302083512225e33, count: 10 });
      expect(far.status, far.text).toBe(200);
      expect(far.body.Resources ?? []).toEqual([]);
      const beyond = await t.client.get("/Users?startIndex=1e40&count=5");
      expect(beyond.status, beyond.text).toBe(200);
      expect(beyond.body.Resources ?? []).toEqual([]);
      expect(beyond.body.totalResults).toBeGreaterThanOrEqual(2);
    });

    it("POST /Users/.search takes a SearchRequest body", async () => {
      const res = await t.client.post("/Users/.search", {
        schemas: [URN.SEARCH],
        filter: `userName eq "${user.userName}"`,
        attributes: ["userName"],
        startIndex: 1,
        count: 10,
      });
      const found = expectList(res);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ id: user.id, userName: user.userName });
      expect(found[0]).not.toHaveProperty("emails");
    });

    it("POST /.search searches Users and Groups from the root", async () => {
      const externalId = uid();
      const [u, g] = [await createUser(t.client, { externalId }), await createGroup(t.client, { externalId })];
      const found = expectList(await t.client.post("/.search", { schemas: [URN.SEARCH], filter: `externalId eq "${externalId}"`, startIndex: 1, count: 10 }));
      expect(found.map((r) => `${r.meta.resourceType}/${r.id}`).sort()).toEqual([`Group/${g.id}`, `User/${u.id}`].sort());
    });

    it("POST /.search with a User-only attribute finds the user (Groups have no userName, so they do not match)", async () => {
      const res = await t.client.post("/.search", { schemas: [URN.SEARCH], filter: `userName eq "${user.userName}"`, startIndex: 1, count: 10 });
      expect(expectList(res).map((r) => r.id)).toEqual([user.id]);
    });

    it.each([["userName eq"], ['userName zz "a"'], ['(userName eq "a"'], ['userName eq "a" and'], ["emails[type eq"]])(
      "GET /Users?filter=%s is 400 invalidFilter",
      async (filter) => {
        expectScimError(await t.client.get(withQuery("/Users", { filter })), 400, "invalidFilter");
      },
    );

    it("a filter on an attribute Muster cannot filter is 400 invalidFilter, not an empty list", async () => {
      expectScimError(await t.client.get(withQuery("/Users", { filter: 'nickName eq "x"' })), 400, "invalidFilter");
    });

    it("POST /Users/.search with a bad filter is 400 invalidFilter", async () => {
      expectScimError(await t.client.post("/Users/.search", { schemas: [URN.SEARCH], filter: "userName eq" }), 400, "invalidFilter");
    });
  });

  describe("paging and sorting", () => {
    let t: Tenant;
    let names: string[];
    let ids: string[];
    beforeAll(async () => {
      t = tenants["Paging"];
      const prefix = `p${uid().slice(0, 8)}`;
      // created out of alphabetical order, so creation order and userName order differ
      names = ["c", "a", "e", "b", "d"].map((l) => `${prefix}-${l}@example.test`);
      ids = [];
      for (const userName of names) ids.push((await createUser(t.client, { userName })).id);
    });

    const page = async (params: Record<string, string | number>) => {
      const res = await t.client.get(withQuery("/Users", params));
      return { res, resources: expectList(res) };
    };

    it("pages through with count=2 in a stable order with integer totalResults, itemsPerPage and startIndex", async () => {
      const walk = async () => {
        const seen: string[] = [];
        for (const [startIndex, size] of [[1, 2], [3, 2], [5, 1]] as const) {
          const { res, resources } = await page({ startIndex, count: 2 });
          expect(res.body).toMatchObject({ totalResults: 5, itemsPerPage: size, startIndex });
          expect(resources).toHaveLength(size);
          seen.push(...resources.map((r) => r.id as string));
        }
        return seen;
      };
      const first = await walk();
      expect([...first].sort()).toEqual([...ids].sort());
      expect(await walk()).toEqual(first);
    });

    it("a startIndex below 1 is treated as 1", async () => {
      const one = await page({ startIndex: 1, count: 2 });
      for (const startIndex of [0, -3]) {
        const { res, resources } = await page({ startIndex, count: 2 });
        expect(res.body.startIndex).toBe(1);
        expect(resources.map((r) => r.id)).toEqual(one.resources.map((r) => r.id));
      }
    });

    it("a startIndex past the end is an empty page that still counts everything", async () => {
      const { res, resources } = await page({ startIndex: 10, count: 2 });
      expect(resources).toEqual([]);
      expect(res.body.totalResults).toBe(5);
    });

    it("count=0 returns totalResults only", async () => {
      const { res, resources } = await page({ count: 0 });
      expect(res.body.totalResults).toBe(5);
      expect(resources).toEqual([]);
      if (res.body.itemsPerPage !== undefined) expect(res.body.itemsPerPage).toBe(0);
    });

    it("sortBy=userName sorts ascending by default and descending on request, across pages", async () => {
      const sorted = [...names].sort();
      expect((await page({ sortBy: "userName" })).resources.map((r) => r.userName)).toEqual(sorted);
      expect((await page({ sortBy: "userName", sortOrder: "ascending" })).resources.map((r) => r.userName)).toEqual(sorted);
      const desc = [...sorted].reverse();
      expect((await page({ sortBy: "userName", sortOrder: "descending" })).resources.map((r) => r.userName)).toEqual(desc);
      const second = await page({ sortBy: "userName", sortOrder: "descending", startIndex: 3, count: 2 });
      expect(second.resources.map((r) => r.userName)).toEqual(desc.slice(2, 4));
    });
  });

  describe("attribute projection", () => {
    let t: Tenant;
    let user: Json;
    beforeAll(async () => {
      t = tenants["Projection"];
      user = await createUser(t.client);
    });

    const expectOnlyUserName = (r: Json) => {
      expect(r).toMatchObject({ id: user.id, userName: user.userName });
      expect(r.schemas).toContain(URN.USER);
      expect(Object.keys(r).filter((k) => k !== "meta").sort()).toEqual(["id", "schemas", "userName"]);
    };

    it("GET /Users/{id}?attributes=userName returns id, schemas and userName only (meta allowed)", async () => {
      const res = await t.client.get(`/Users/${user.id}?attributes=userName`);
      expect(res.status, res.text).toBe(200);
      expectOnlyUserName(res.body);
    });

    it("GET /Users?attributes=userName projects every resource of the list", async () => {
      const found = expectList(await t.client.get(withQuery("/Users", { filter: `userName eq "${user.userName}"`, attributes: "userName" })));
      expect(found).toHaveLength(1);
      expectOnlyUserName(found[0]);
    });

    it("GET /Users/{id}?attributes=name.givenName returns only that sub-attribute", async () => {
      const res = await t.client.get(`/Users/${user.id}?attributes=name.givenName`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.name).toEqual({ givenName: "Given" });
      expect(res.body).not.toHaveProperty("emails");
    });

    it("GET /Users/{id}?excludedAttributes=emails leaves emails out and keeps the rest", async () => {
      const res = await t.client.get(`/Users/${user.id}?excludedAttributes=emails`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).not.toHaveProperty("emails");
      expect(res.body).toMatchObject({ id: user.id, userName: user.userName, active: true, name: { givenName: "Given" } });
    });

    it("excludedAttributes cannot remove id, which is always returned", async () => {
      const res = await t.client.get(`/Users/${user.id}?excludedAttributes=id,emails`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.id).toBe(user.id);
    });
  });

  describe("ETags", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["ETags"];
    });

    const ETAG = /^(W\/)?"[^"]+"$/;

    it("POST and GET /Users/{id} carry an ETag equal to meta.version, which changes on PATCH", async () => {
      const res = await t.client.post("/Users", entraUser());
      expect(res.status, res.text).toBe(201);
      expect(res.headers.get("etag")).toMatch(ETAG);
      expect(res.body.meta.version).toBe(res.headers.get("etag"));
      const got = await t.client.get(`/Users/${res.body.id}`);
      expect(got.headers.get("etag")).toBe(res.headers.get("etag"));
      expect(got.body.meta.version).toBe(res.body.meta.version);

      const patched = await t.client.patch(`/Users/${res.body.id}`, patchOps({ op: "replace", path: "displayName", value: "Changed" }));
      expect(patched.status, patched.text).toBe(200);
      expect(patched.headers.get("etag")).toMatch(ETAG);
      expect(patched.body.meta.version).not.toBe(res.body.meta.version);
      expect(patched.body.meta.version).toBe(patched.headers.get("etag"));
    });

    it("If-Match with a stale version is 412 on PUT, PATCH and DELETE, and changes nothing", async () => {
      const user = await createUser(t.client);
      const stale = user.meta.version as string;
      const patched = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", path: "displayName", value: "Now" }));
      expect(patched.status, patched.text).toBe(200);

      const ifMatch = { headers: { "If-Match": stale } };
      expectScimError(await t.client.put(`/Users/${user.id}`, { ...entraUser({ userName: user.userName }), displayName: "Put" }, ifMatch), 412);
      expectScimError(await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", path: "displayName", value: "Patch" }), ifMatch), 412);
      expectScimError(await t.client.del(`/Users/${user.id}`, ifMatch), 412);
      const got = await t.client.get(`/Users/${user.id}`);
      expect(got.status).toBe(200);
      expect(got.body.displayName).toBe("Now");

      const fresh = await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", path: "displayName", value: "Fresh" }), {
        headers: { "If-Match": patched.body.meta.version },
      });
      expect(fresh.status, fresh.text).toBe(200);
      expect(fresh.body.displayName).toBe("Fresh");
    });

    it("If-None-Match with the current version is 304; with an old one 200", async () => {
      const user = await createUser(t.client);
      const notModified = await t.client.get(`/Users/${user.id}`, { headers: { "If-None-Match": user.meta.version } });
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe("");
      await t.client.patch(`/Users/${user.id}`, patchOps({ op: "replace", path: "displayName", value: "Newer" }));
      const modified = await t.client.get(`/Users/${user.id}`, { headers: { "If-None-Match": user.meta.version } });
      expect(modified.status).toBe(200);
      expect(modified.body.displayName).toBe("Newer");
    });
  });

  describe("discovery", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Discovery"];
    });

    it("GET /ServiceProviderConfig advertises PATCH, Bulk with limits, filter with maxResults, sort and ETags", async () => {
      const res = await t.client.get("/ServiceProviderConfig");
      expect(res.status, res.text).toBe(200);
      expectScimContentType(res);
      const spc = res.body;
      expect(spc.schemas).toEqual([URN.SERVICE_PROVIDER_CONFIG]);
      expect(spc.patch).toEqual({ supported: true });
      expect(spc.bulk.supported).toBe(true);
      expect(spc.bulk.maxOperations).toBeGreaterThan(0);
      expect(Number.isInteger(spc.bulk.maxOperations)).toBe(true);
      expect(spc.bulk.maxPayloadSize).toBeGreaterThan(0);
      expect(Number.isInteger(spc.bulk.maxPayloadSize)).toBe(true);
      expect(spc.filter.supported).toBe(true);
      expect(Number.isInteger(spc.filter.maxResults) && spc.filter.maxResults > 0).toBe(true);
      expect(spc.sort).toEqual({ supported: true });
      expect(spc.etag).toEqual({ supported: true });
      expect(typeof spc.changePassword.supported).toBe("boolean");
      expect(spc.authenticationSchemes).toEqual(expect.arrayContaining([expect.objectContaining({ type: "oauthbearertoken" })]));
    });

    it("GET /ResourceTypes is a ListResponse of User and Group", async () => {
      const resources = expectList(await t.client.get("/ResourceTypes"));
      expect(resources.map((r) => r.id).sort()).toEqual(["Group", "User"]);
      const user = resources.find((r) => r.id === "User");
      expect(user).toMatchObject({ schemas: [URN.RESOURCE_TYPE], name: "User", endpoint: "/Users", schema: URN.USER });
      expect(user.schemaExtensions).toEqual([expect.objectContaining({ schema: URN.ENTERPRISE, required: false })]);
      expect(resources.find((r) => r.id === "Group")).toMatchObject({ schemas: [URN.RESOURCE_TYPE], name: "Group", endpoint: "/Groups", schema: URN.GROUP });
    });

    it("GET /ResourceTypes/User is the User resource type itself", async () => {
      const res = await t.client.get("/ResourceTypes/User");
      expect(res.status, res.text).toBe(200);
      expectScimContentType(res);
      expect(res.body).toMatchObject({ schemas: [URN.RESOURCE_TYPE], id: "User", endpoint: "/Users", schema: URN.USER });
      expectScimError(await t.client.get("/ResourceTypes/Printer"), 404);
    });

    it("GET /Schemas is a ListResponse with the User, Group and enterprise User schemas", async () => {
      const resources = expectList(await t.client.get("/Schemas"));
      expect(resources.map((r) => r.id)).toEqual(expect.arrayContaining([URN.USER, URN.GROUP, URN.ENTERPRISE]));
      for (const s of resources) expect(s.schemas).toEqual([URN.SCHEMA]);
    });

    it("GET /Schemas validates against RFC 7643 §7: every attribute's characteristics present and allowed, sub-attributes only on complex ones", async () => {
      const resources = expectList(await t.client.get("/Schemas"));
      expect(schemasProblems(resources)).toEqual([]);
      for (const s of resources) {
        const one = await t.client.get(`/Schemas/${s.id}`);
        expect(one.status, one.text).toBe(200);
        expect(one.body).toEqual(s);
      }
    });

    it("GET /Schemas/urn:…:core:2.0:User describes userName as required, unique and case-insensitive", async () => {
      const res = await t.client.get(`/Schemas/${URN.USER}`);
      expect(res.status, res.text).toBe(200);
      expectScimContentType(res);
      expect(res.body).toMatchObject({ id: URN.USER, schemas: [URN.SCHEMA] });
      const userName = (res.body.attributes as Json[]).find((a) => a.name === "userName");
      expect(userName).toMatchObject({ type: "string", required: true, caseExact: false, uniqueness: "server" });
      expectScimError(await t.client.get("/Schemas/urn:example:unknown"), 404);
    });
  });

  describe("POST /Bulk", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Bulk"];
    });

    it("creates a user and a group whose member refers to it by bulkId", async () => {
      const user = entraUser();
      const group = entraGroup({ members: [{ type: "User", value: "bulkId:alice" }] });
      const res = await t.client.post("/Bulk", {
        schemas: [URN.BULK_REQUEST],
        Operations: [
          { method: "POST", path: "/Users", bulkId: "alice", data: user },
          { method: "POST", path: "/Groups", bulkId: "team", data: group },
        ],
      });
      expect(res.status, res.text).toBe(200);
      expectScimContentType(res);
      expect(res.body.schemas).toEqual([URN.BULK_RESPONSE]);
      const [u, g] = res.body.Operations as Json[];
      expect(u).toMatchObject({ method: "POST", bulkId: "alice", status: "201" });
      expect(g).toMatchObject({ method: "POST", bulkId: "team", status: "201" });
      expect(u.location).toMatch(new RegExp(`^${t.tenantUrl}/Users/[^/]+$`));
      expect(g.location).toMatch(new RegExp(`^${t.tenantUrl}/Groups/[^/]+$`));

      const userId = (u.location as string).split("/").pop()!;
      const gotUser = await t.client.get(`/Users/${userId}`);
      expect(gotUser.body.userName).toBe(user.userName);
      const gotGroup = await t.client.get(`/Groups/${(g.location as string).split("/").pop()}`);
      expect(gotGroup.status, gotGroup.text).toBe(200);
      expect(gotGroup.body.displayName).toBe(group.displayName);
      expect(memberIds(gotGroup.body)).toEqual([userId]);
    });

    it("failOnErrors: 1 stops after the first error", async () => {
      const [first, third] = [entraUser(), entraUser()];
      const res = await t.client.post("/Bulk", {
        schemas: [URN.BULK_REQUEST],
        failOnErrors: 1,
        Operations: [
          { method: "POST", path: "/Users", bulkId: "one", data: first },
          { method: "POST", path: "/Users", bulkId: "two", data: entraUser({ userName: 42 }) },
          { method: "POST", path: "/Users", bulkId: "three", data: third },
        ],
      });
      expect(res.status, res.text).toBe(200);
      const ops = res.body.Operations as Json[];
      expect(ops).toHaveLength(2);
      expect(ops[0]).toMatchObject({ bulkId: "one", status: "201" });
      expect(ops[1]).toMatchObject({ bulkId: "two", status: "400" });
      expect(ops[1].response).toMatchObject({ schemas: [URN.ERROR], status: "400", scimType: "invalidValue" });
      expect(expectList(await t.client.get(byUserName(first.userName as string)))).toHaveLength(1);
      expectEmptyList(await t.client.get(byUserName(third.userName as string)));
    });

    it("more operations than bulk.maxOperations is 413", async () => {
      const max = (await serviceProviderConfig(t.client)).bulk.maxOperations as number;
      const Operations = Array.from({ length: max + 1 }, (_, i) => ({ method: "DELETE", path: `/Users/missing-${i}` }));
      expectScimError(await t.client.post("/Bulk", { schemas: [URN.BULK_REQUEST], Operations }), 413);
    });
  });

  describe("concurrency", () => {
    let t: Tenant;
    beforeAll(() => {
      t = tenants["Concurrency"];
    });

    it("10 parallel POST /Users of one new userName: exactly one 201, nine 409 uniqueness, never a 500", async () => {
      const userName = randomUserName("race");
      const responses = await Promise.all(Array.from({ length: 10 }, () => t.client.post("/Users", oktaUser({ userName }), { contentType: "application/json" })));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses, responses.map((r) => r.text).join("\n")).toEqual([201, ...Array(9).fill(409)]);
      for (const r of responses.filter((x) => x.status === 409)) expectScimError(r, 409, "uniqueness");
      expect(expectList(await t.client.get(byUserName(userName)))).toHaveLength(1);
    });

    it("5 parallel PATCH add members to one group lose no member", async () => {
      const users: Json[] = [];
      for (let i = 0; i < 5; i++) users.push(await createUser(t.client));
      const group = await createGroup(t.client);
      const responses = await Promise.all(
        users.map((u) => t.client.patch(`/Groups/${group.id}`, patchOps({ op: "Add", path: "members", value: [{ value: u.id }] }))),
      );
      for (const r of responses) expectStatus(r, 204, 200);
      expect(memberIds((await t.client.get(`/Groups/${group.id}`)).body)).toEqual(users.map((u) => u.id as string).sort());
    });
  });
});

// Rate limiting needs its own app. MUSTER_SCIM_RATE_LIMIT=5: 5 requests per second per token; the
// burst is not pinned here beyond "at least 5". What is asserted: 30 concurrent requests from one
// token get at least one 429 carrying Retry-After (whole seconds) and a SCIM error body, and no 500;
// at least 5 are served; another workspace's token is not throttled by them; after waiting
// Retry-After the token is served again.
describe("rate limiting (MUSTER_SCIM_RATE_LIMIT=5)", () => {
  let app: RunningApp;
  let t: Tenant;
  let other: Tenant;
  beforeAll(async () => {
    app = await startApp("sqlite", { env: { MUSTER_SCIM_RATE_LIMIT: "5" } });
    ({ Throttled: t, Bystander: other } = await createTenants(app, ["Throttled", "Bystander"]));
  });
  afterAll(async () => app?.stop());

  it("GET /Users beyond the token's budget is 429 with Retry-After and a SCIM body", async () => {
    const responses = await Promise.all(Array.from({ length: 30 }, () => t.client.get("/Users?count=1")));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 429), statuses.join(",")).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    for (const r of limited) {
      expectScimError(r, 429);
      expect(r.headers.get("retry-after") ?? "").toMatch(/^[1-9]\d*$/);
    }

    expect((await other.client.get("/Users?count=1")).status).toBe(200);

    const wait = Math.max(...limited.map((r) => Number(r.headers.get("retry-after"))));
    expect(wait).toBeLessThanOrEqual(60);
    await new Promise((r) => setTimeout(r, wait * 1000));
    expect((await t.client.get("/Users?count=1")).status).toBe(200);
  });
});
