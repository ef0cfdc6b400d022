// /Schemas is the truth about what a resource holds: the handler drops what no schema declares,
// tells the store and the log what it dropped, and publishes the same registry it enforces.
import { describe, expect, it } from "vitest";
import { handleScim } from "@/lib/scim/handler";
import type { ScimConfig, ScimResponse } from "@/lib/scim/http";
import type { PatchResult } from "@/lib/scim/patch";
import { SCHEMA_URNS, schemaRegistry, type SchemaDef } from "@/lib/scim/schemas";
import type { JsonObject } from "@/lib/scim/schemas/json";
import type { ResourceStore, ScimStore, StoredResource, WriteInfo } from "@/lib/scim/store";

const ENT = SCHEMA_URNS.ENTERPRISE_USER;
const ADSCIM = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
const BASE = "https://muster.example/api/scim/v2";
const CONFIG: ScimConfig = { baseUrl: BASE, maxResults: 100, maxOperations: 10, maxPayloadSize: 1_048_576 };

type Calls = { info: (WriteInfo | undefined)[]; patched: PatchResult[] };

// Keeps documents as given, like the real stores: whatever reaches it would be stored.
const memoryStore = (): { store: ResourceStore; docs: Map<string, JsonObject>; calls: Calls } => {
  const docs = new Map<string, JsonObject>();
  const calls: Calls = { info: [], patched: [] };
  let n = 0;
  const stored = (id: string): StoredResource => ({ id, doc: structuredClone(docs.get(id)!), created: new Date(0), lastModified: new Date(0), version: 1 });
  const store: ResourceStore = {
    list: async () => ({ total: docs.size, resources: [...docs.keys()].map(stored) }),
    get: async (id) => (docs.has(id) ? stored(id) : null),
    create: async (doc, _password, info) => {
      calls.info.push(info);
      const id = `r${++n}`;
      docs.set(id, doc);
      return { resource: stored(id), summary: "Created", created: true };
    },
    replace: async (id, doc, _password, _ifMatch, info) => {
      calls.info.push(info);
      docs.set(id, doc);
      return { resource: stored(id), summary: "Replaced" };
    },
    patch: async (id, patch) => {
      const result = patch(structuredClone(docs.get(id)!));
      calls.patched.push(result);
      docs.set(id, result.resource);
      return { resource: stored(id), summary: "Updated" };
    },
    remove: async (id) => {
      docs.delete(id);
      return { summary: "Deleted" };
    },
  };
  return { store, docs, calls };
};

const setup = (config: ScimConfig = CONFIG) => {
  const users = memoryStore();
  const groups = memoryStore();
  const store: ScimStore = { User: users.store, Group: groups.store };
  const send = (method: string, path: string, body?: unknown): Promise<ScimResponse> =>
    handleScim({ method, path, query: new URLSearchParams(), header: () => null, body: body === undefined ? null : JSON.stringify(body) }, store, config);
  return { users, groups, send };
};

const USER = { schemas: [SCHEMA_URNS.USER, ENT], userName: "bjensen", [ENT]: { department: "Sales" } };
const patchOps = (...Operations: unknown[]) => ({ schemas: [SCHEMA_URNS.PATCH_OP], Operations });
const body = (res: ScimResponse) => res.body as JsonObject;

describe("POST/PUT /Users — undeclared attributes", () => {
  it("POST drops them, hands the list to the store and the log, and answers 201", async () => {
    const { users, send } = setup();
    const res = await send("POST", "/Users", { ...USER, adreses: [{ locality: "x" }], [ENT]: { department: "Sales", worksiteId: "180" } });
    expect(res.status).toBe(201);
    expect(body(res)).not.toHaveProperty("adreses");
    expect(body(res)[ENT]).toEqual({ department: "Sales" });
    // In the body's key order: USER already holds the enterprise key, so its attributes come first.
    expect(res.log.ignored).toEqual([`${ENT}:worksiteId`, "adreses"]);
    expect(users.calls.info).toEqual([{ ignored: [`${ENT}:worksiteId`, "adreses"] }]);
    expect(JSON.stringify([...users.docs.values()])).not.toMatch(/adreses|worksiteId/);
  });

  it("a clean POST tells the store there was nothing, and the log has no `ignored`", async () => {
    const { users, send } = setup();
    const res = await send("POST", "/Users", USER);
    expect(res.status).toBe(201);
    expect(users.calls.info).toEqual([{ ignored: [] }]);
    expect(res.log).not.toHaveProperty("ignored");
  });

  it("PUT as Microsoft's suite sends it: misspelled `adreses` → 200, dropped, reported", async () => {
    const { users, send } = setup();
    const id = body(await send("POST", "/Users", USER)).id as string;
    const res = await send("PUT", `/Users/${id}`, { id, userName: "OMalley", active: false, adreses: [{ country: "Germany", type: "work" }] });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain("Addresses");
    expect(body(res)).not.toHaveProperty("adreses");
    expect(res.log.ignored).toEqual(["adreses"]);
    expect(users.calls.info.at(-1)).toEqual({ ignored: ["adreses"] });
  });
});

describe("PATCH /Users/{id} — undeclared attributes", () => {
  it("is 200, stores nothing undeclared, and reports what it ignored to the store and the log", async () => {
    const { users, send } = setup();
    const id = body(await send("POST", "/Users", USER)).id as string;
    const res = await send("PATCH", `/Users/${id}`, patchOps({ op: "Add", path: "favouriteColour", value: "teal" }, { op: "Replace", path: "title", value: "Lead" }));
    expect(res.status).toBe(200);
    expect(body(res)).toMatchObject({ title: "Lead" });
    expect(body(res)).not.toHaveProperty("favouriteColour");
    expect(res.log.ignored).toEqual(["favouriteColour"]);
    expect(users.calls.patched.at(-1)?.ignored).toEqual(["favouriteColour"]);
  });

  it("a group PATCH (204) carries the list in its log too", async () => {
    const { send } = setup();
    const id = body(await send("POST", "/Groups", { displayName: "G" })).id as string;
    const res = await send("PATCH", `/Groups/${id}`, patchOps({ op: "replace", value: { displayName: "H", owner: "x" } }));
    expect(res.status).toBe(204);
    expect(res.log.ignored).toEqual(["owner"]);
  });
});

describe("schemas a resource claims", () => {
  it("Entra's ADSCIM Group schema is accepted but not claimed, as /Schemas does not list it", async () => {
    const { send } = setup();
    const res = await send("POST", "/Groups", { schemas: [SCHEMA_URNS.GROUP, ADSCIM], displayName: "Entra group", members: [] });
    expect(res.status).toBe(201);
    expect(body(res).schemas).toEqual([SCHEMA_URNS.GROUP]);
    expect(res.log).not.toHaveProperty("ignored");
  });

  it("a document stored before this rule returns only declared schemas and attributes", async () => {
    const { groups, send } = setup();
    groups.docs.set("old", { schemas: [SCHEMA_URNS.GROUP, ADSCIM], displayName: "Old", adreses: [{ x: 1 }] });
    const res = await send("GET", "/Groups/old");
    expect(body(res)).toMatchObject({ schemas: [SCHEMA_URNS.GROUP], id: "old", displayName: "Old" });
    expect(body(res)).not.toHaveProperty("adreses");
  });
});

describe("POST /Bulk", () => {
  it("reports every operation's ignored attributes, once each", async () => {
    const { send } = setup();
    const res = await send("POST", "/Bulk", {
      schemas: [SCHEMA_URNS.BULK_REQUEST],
      Operations: [
        { method: "POST", path: "/Users", bulkId: "a", data: { ...USER, userName: "a", adreses: [] } },
        { method: "POST", path: "/Users", bulkId: "b", data: { ...USER, userName: "b", ADRESES: [], nick: "x" } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.log.ignored).toEqual(["adreses", "nick"]);
  });
});

describe("config.schemas — one registry for /Schemas, /ResourceTypes and what is stored", () => {
  const urn = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
  const acme: SchemaDef = {
    id: urn,
    name: "AcmeUser",
    description: "Acme custom attributes",
    attributes: [{ name: "worksiteId", type: "string", multiValued: false, description: "Site", required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none" }],
  };
  const config: ScimConfig = { ...CONFIG, schemas: schemaRegistry({ User: [acme] }) };

  it("publishes the extension and stores its attributes", async () => {
    const { send } = setup(config);
    const schemas = body(await send("GET", "/Schemas")).Resources as JsonObject[];
    expect(schemas.map((s) => s.id)).toEqual([SCHEMA_URNS.USER, ENT, urn, SCHEMA_URNS.GROUP]);
    const userType = body(await send("GET", "/ResourceTypes/User"));
    expect(userType.schemaExtensions).toEqual([
      { schema: ENT, required: false },
      { schema: urn, required: false },
    ]);
    const res = await send("POST", "/Users", { ...USER, schemas: [SCHEMA_URNS.USER, urn], [`${urn}:worksiteId`]: "180" });
    expect(body(res)[urn]).toEqual({ worksiteId: "180" });
    expect(body(res).schemas).toEqual([SCHEMA_URNS.USER, urn, ENT]);
    expect(res.log).not.toHaveProperty("ignored");
  });

  it("without it the same attribute is ignored and /Schemas does not list the extension", async () => {
    const { send } = setup();
    const schemas = body(await send("GET", "/Schemas")).Resources as JsonObject[];
    expect(schemas.map((s) => s.id)).not.toContain(urn);
    const res = await send("POST", "/Users", { ...USER, [`${urn}:worksiteId`]: "180" });
    expect(body(res)).not.toHaveProperty(urn);
    expect(res.log.ignored).toEqual([`${urn}:worksiteId`]);
  });

  it("every attribute a response holds is one /Schemas describes", async () => {
    const { send } = setup(config);
    const schemas = body(await send("GET", "/Schemas")).Resources as { id: string; attributes: { name: string; subAttributes?: { name: string }[] }[] }[];
    const declared = (urnOf: string) => schemas.find((s) => s.id === urnOf)?.attributes ?? [];
    const res = await send("POST", "/Users", {
      ...USER,
      name: { givenName: "B", nick: "x" },
      emails: [{ value: "b@x", label: "x" }],
      misc: 1,
      [urn]: { worksiteId: "1", other: 2 },
      [ENT]: { department: "D", floor: 3, manager: { value: "m", since: 1 } },
    });
    const user = body(res);
    const common = ["schemas", "id", "externalId", "meta"];
    const check = (obj: JsonObject, attrs: ReturnType<typeof declared>) => {
      for (const [k, v] of Object.entries(obj)) {
        const def = attrs.find((a) => a.name === k);
        expect(def, k).toBeDefined();
        for (const el of Array.isArray(v) ? v : [v]) {
          if (el && typeof el === "object" && def?.subAttributes) for (const sk of Object.keys(el)) expect(def.subAttributes.map((s) => s.name), `${k}.${sk}`).toContain(sk);
        }
      }
    };
    const { [ENT]: ent, [urn]: own, ...core } = user;
    check(Object.fromEntries(Object.entries(core).filter(([k]) => !common.includes(k))), declared(SCHEMA_URNS.USER));
    check(ent as JsonObject, declared(ENT));
    check(own as JsonObject, declared(urn));
    expect(res.log.ignored).toEqual([`${ENT}:floor`, `${ENT}:manager.since`, "name.nick", "emails.label", "misc", `${urn}:other`]);
  });
});
