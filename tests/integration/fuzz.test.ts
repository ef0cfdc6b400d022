// Fuzzing the running app: generated SCIM filters, PATCH bodies and JSON documents (fast-check,
// seeded, so a failure is reproduced by its seed and index). Every answer must be a 2xx or a
// 4xx, never a 5xx, and a refused request must leave the directory exactly as it was: the state
// is hashed before and after each request (the provisioning log is left out: a refusal is logged).
//   FUZZ_RUNS=<n> (default 10,000 on SQLite, 3,000 on PostgreSQL) and FUZZ_SEED=<n> change the run;
//   scripts/soak.sh runs the long variant on both engines.
import crypto from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { URN, entraGroup, entraUser, patchOps } from "../support/scim-client";
import { createTenants, type Tenant } from "../support/scim-tenant";
import { connect, type Connection } from "../support/sql";

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const runsFor = (engine: string) => Number(process.env.FUZZ_RUNS ?? (engine === "sqlite" ? 10_000 : 3_000));

// Everything a SCIM request may change, in a stable order. ScimToken (last use) and
// ProvisioningEvent (the log) change on every request, refused or not.
const STATE_TABLES = ["Employee", "EmployeeEmail", "CardField", "EmployeeAttribute", "EmployeeEvent", "Group", "GroupMember", "OutboxEmail", "Workspace", "Role"];

// The outbox worker updates an email's delivery columns on its own time (in embedded mode it marks
// each new email kept at once): a request is judged by the emails it queues, not by their delivery.
const COLUMNS: Record<string, string> = { OutboxEmail: `"id", "kind", "to", "employeeId", "dedupeKey", "subject"` };

const stateHash = async (c: Connection, workspaceId: string): Promise<string> => {
  const hash = crypto.createHash("sha1");
  for (const table of STATE_TABLES) {
    const where = table === "Workspace" ? `"id" = $1` : `"workspaceId" = $1`;
    const rows = await c.query(`SELECT ${COLUMNS[table] ?? "*"} FROM "${table}" WHERE ${where}`, [workspaceId]);
    hash.update(table);
    for (const row of rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? String(v) : v))).sort()) hash.update(row);
  }
  return hash.digest("hex");
};

// ---- generators -------------------------------------------------------------------------------

const ENTERPRISE = URN.ENTERPRISE;
const PATHS = [
  "userName", "displayName", "name", "name.givenName", "name.familyName", "name.formatted", "nickName", "title", "active", "externalId", "id",
  "emails", "emails.value", "emails.type", "emails.primary", "phoneNumbers", "phoneNumbers.value", "addresses", "addresses.postalCode",
  "addresses.locality", "roles", "roles.value", "groups", "members", "members.value", "members.display", "meta.created", "meta.lastModified",
  "meta.resourceType", "preferredLanguage", "locale", "timezone", "userType", "x509Certificates",
  `${ENTERPRISE}:department`, `${ENTERPRISE}:manager`, `${ENTERPRISE}:manager.value`, `${ENTERPRISE}:employeeNumber`, ENTERPRISE,
  `${URN.USER}:userName`, `${URN.USER}:name.givenName`, "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badge",
  "urn:bogus", "", " ", "name..givenName", "emails.", ".value", "a.b.c.d", "émails", "members[value", "x",
];
const OPERATORS = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "EQ", "Co", "eqq", "=", "in"];

const text = fc.oneof(fc.string({ maxLength: 24 }), fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }));
const literal = fc.oneof(
  text.map((s) => JSON.stringify(s)),
  text,
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom("true", "false", "null", "True", '"2026-11-30T00:00:00Z"', '"2026-13-45"', '"\\u0000"', '"\\"', "'single'", '""'),
);
const attrPath = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PATHS) }, { weight: 1, arbitrary: text });

const filterArb: fc.Arbitrary<string> = fc.letrec<{ f: string; cmp: string }>((tie) => ({
  f: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("cmp"),
    fc.tuple(tie("f"), fc.constantFrom("and", "or", "AND", "Or", "and not", "&&"), tie("f")).map(([a, l, b]) => `${a} ${l} ${b}`),
    tie("f").map((x) => `not (${x})`),
    tie("f").map((x) => `(${x})`),
    fc.tuple(fc.constantFrom("emails", "members", "addresses", "phoneNumbers", "roles", "name", "x"), tie("f")).map(([a, x]) => `${a}[${x}]`),
    fc.tuple(fc.constantFrom("emails", "addresses"), tie("cmp"), fc.constantFrom("value", "type", "", "x")).map(([a, x, s]) => `${a}[${x}]${s ? `.${s}` : ""}`),
  ),
  cmp: fc.tuple(attrPath, fc.constantFrom(...OPERATORS), literal).map(([a, o, v]) => (o.toLowerCase() === "pr" ? `${a} pr` : `${a} ${o} ${v}`)),
})).f;

// A filter, a filter with a few characters inserted or cut, or any string at all.
const mutated = fc.tuple(filterArb, fc.nat(), fc.nat({ max: 3 }), text).map(([f, at, cut, ins]) => {
  const i = f.length ? at % f.length : 0;
  return f.slice(0, i) + ins + f.slice(i + cut);
});
const anyFilter = fc.oneof({ weight: 6, arbitrary: filterArb }, { weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: text });

const json = fc.jsonValue({ maxDepth: 3 });
const anyValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), json);

// Mostly the few userNames and emails below, so that creates collide (409) and the directory stays small.
const USERNAMES = Array.from({ length: 12 }, (_, i) => `fuzz-${i}@example.test`);
const userName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...USERNAMES) }, { weight: 2, arbitrary: anyValue });
const email = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...USERNAMES) }, { weight: 1, arbitrary: anyValue });

const userDoc = fc.record(
  {
    schemas: fc.oneof({ weight: 6, arbitrary: fc.constant([URN.USER, ENTERPRISE]) }, { weight: 1, arbitrary: fc.constantFrom([URN.USER], [], ["urn:bogus"], "x", null) }),
    userName,
    externalId: anyValue,
    active: fc.oneof(fc.boolean(), fc.constantFrom("True", "False", "false", "yes", 0, 1, null)),
    displayName: anyValue,
    title: anyValue,
    name: fc.oneof({ weight: 3, arbitrary: fc.record({ givenName: anyValue, familyName: anyValue, formatted: anyValue }, { requiredKeys: [] }) }, { weight: 1, arbitrary: anyValue }),
    emails: fc.oneof(
      { weight: 4, arbitrary: fc.array(fc.record({ value: email, type: fc.oneof(fc.constantFrom("work", "home", "other"), anyValue), primary: fc.oneof(fc.boolean(), anyValue) }, { requiredKeys: [] }), { maxLength: 3 }) },
      { weight: 1, arbitrary: anyValue },
    ),
    phoneNumbers: fc.oneof(fc.array(fc.record({ value: anyValue, type: anyValue }, { requiredKeys: [] }), { maxLength: 2 }), anyValue),
    addresses: fc.oneof(fc.array(fc.record({ type: anyValue, postalCode: anyValue, locality: anyValue, formatted: anyValue }, { requiredKeys: [] }), { maxLength: 2 }), anyValue),
    roles: fc.oneof(fc.array(fc.oneof(text, fc.record({ value: anyValue, primary: anyValue }, { requiredKeys: [] })), { maxLength: 2 }), anyValue),
    groups: anyValue,
    id: anyValue,
    meta: anyValue,
    [ENTERPRISE]: fc.oneof(fc.record({ department: anyValue, employeeNumber: anyValue, manager: fc.oneof(fc.record({ value: anyValue }, { requiredKeys: [] }), anyValue) }, { requiredKeys: [] }), anyValue),
  },
  { requiredKeys: ["schemas"] },
);

const groupDoc = fc.record(
  {
    schemas: fc.oneof(fc.constant([URN.GROUP]), fc.constantFrom([], ["urn:bogus"], null)),
    displayName: fc.oneof(fc.constantFrom("Fuzz A", "Fuzz B"), anyValue),
    externalId: anyValue,
    members: fc.oneof(fc.array(fc.record({ value: anyValue, display: anyValue, type: anyValue }, { requiredKeys: [] }), { maxLength: 3 }), anyValue),
  },
  { requiredKeys: ["schemas"] },
);

const patchOp = fc.record(
  {
    op: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("add", "replace", "remove", "Add", "Replace", "Remove") }, { weight: 1, arbitrary: anyValue }),
    path: fc.oneof(attrPath, anyFilter.map((f) => `emails[${f}].value`), anyFilter.map((f) => `members[${f}]`), anyValue),
    value: fc.oneof({ weight: 2, arbitrary: userDoc }, { weight: 2, arbitrary: anyValue }, { weight: 1, arbitrary: fc.array(fc.record({ value: anyValue }, { requiredKeys: [] }), { maxLength: 3 }) }),
  },
  { requiredKeys: ["op"] },
);
const patchDoc = fc.oneof(
  { weight: 8, arbitrary: fc.record({ schemas: fc.oneof({ weight: 5, arbitrary: fc.constant([URN.PATCH]) }, { weight: 1, arbitrary: anyValue }), Operations: fc.oneof({ weight: 6, arbitrary: fc.array(patchOp, { maxLength: 4 }) }, { weight: 1, arbitrary: anyValue }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: json },
);

// A document as the wire carries it: mostly JSON, sometimes truncated or not JSON at all.
const wire = <T>(doc: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 10, arbitrary: doc.map((d) => JSON.stringify(d)) },
    { weight: 1, arbitrary: fc.tuple(doc, fc.nat()).map(([d, n]) => { const s = JSON.stringify(d) ?? ""; return s.slice(0, n % (s.length + 1)); }) },
    { weight: 1, arbitrary: text },
  );

type Target = "user" | "missingUser" | "group";
type FuzzRequest = { method: string; path: string; target?: Target; body?: string; contentType?: string };

const queryParams = fc.record(
  { startIndex: fc.oneof(fc.integer({ min: -5, max: 50 }).map(String), text), count: fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), text), sortBy: attrPath, sortOrder: fc.constantFrom("ascending", "descending", "up"), attributes: attrPath, excludedAttributes: attrPath },
  { requiredKeys: [] },
);

const requestArb: fc.Arbitrary<FuzzRequest> = fc.oneof(
  // Filters: in the query, and in a POST /.search body.
  fc.tuple(fc.constantFrom("/Users", "/Groups", "/Users", "/Users"), anyFilter, queryParams).map(([path, filter, q]) => ({
    method: "GET",
    path: `${path}?${new URLSearchParams({ filter, ...q }).toString()}`,
  })),
  fc.tuple(fc.constantFrom("/Users/.search", "/.search", "/Groups/.search"), anyFilter, anyValue).map(([path, filter, extra]) => ({
    method: "POST",
    path,
    body: JSON.stringify({ schemas: [URN.SEARCH], filter, startIndex: typeof extra === "number" ? extra : 1, count: 10 }),
  })),
  // PATCH bodies on an existing user, a missing one, and a group.
  fc.tuple(fc.constantFrom<Target>("user", "user", "user", "missingUser", "group"), wire(patchDoc)).map(([target, body]) => ({ method: "PATCH", path: "", target, body })),
  // Documents: create and replace users, create groups, Bulk.
  wire(userDoc).map((body) => ({ method: "POST", path: "/Users", body })),
  fc.tuple(fc.constantFrom<Target>("user", "user", "missingUser"), wire(userDoc)).map(([target, body]) => ({ method: "PUT", path: "", target, body })),
  wire(groupDoc).map((body) => ({ method: "POST", path: "/Groups", body })),
  fc.array(fc.record({ method: fc.constantFrom("POST", "PATCH", "PUT", "DELETE", "GET", "bogus"), path: fc.constantFrom("/Users", "/Groups", "/Users/bulkId:a", "/Users/x"), bulkId: fc.constantFrom("a", "b", ""), data: fc.oneof(userDoc, patchDoc, groupDoc) }, { requiredKeys: ["method"] }), { maxLength: 3 })
    .chain((ops) => wire(fc.constant({ schemas: [URN.BULK_REQUEST], Operations: ops, failOnErrors: 1 })))
    .map((body) => ({ method: "POST", path: "/Bulk", body })),
  // Content types an IdP (or a confused client) may send.
  fc.tuple(wire(userDoc), fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "application/scim+json; charset=utf-16")).map(([body, contentType]) => ({ method: "POST", path: "/Users", body, contentType })),
);

// ---- the run ----------------------------------------------------------------------------------

// Lanes run side by side, each in its own workspace with its own state, so that the requests of
// one lane never change what another lane compares.
const LANES = Number(process.env.FUZZ_LANES ?? 4);

type Lane = { tenant: Tenant; db: Connection; user: string; group: string };

const openLane = async (app: RunningApp, tenant: Tenant): Promise<Lane> => {
  const c = tenant.client;
  const name = USERNAMES[0]!;
  const user = await c.post("/Users", entraUser({ userName: name, emails: [{ value: name, type: "work", primary: true }] }));
  expect(user.status, user.text).toBe(201);
  const group = await c.post("/Groups", entraGroup({ members: [{ value: user.body.id }] }));
  expect(group.status, group.text).toBe(201);
  // Archived once, so the fuzzer meets a user with history.
  expect((await c.patch(`/Users/${user.body.id}`, patchOps({ op: "replace", path: "active", value: false }))).status).toBe(200);
  return { tenant, db: await connect(app), user: user.body.id, group: group.body.id };
};

const runLane = async (lane: Lane, requests: Array<[number, FuzzRequest]>, statuses: Map<number, number>, failures: string[]) => {
  const { tenant } = lane;
  let before = await stateHash(lane.db, tenant.workspaceId);
  for (const [i, r] of requests) {
    if (failures.length >= 10) return;
    const path = r.target === "user" ? `/Users/${lane.user}` : r.target === "group" ? `/Groups/${lane.group}` : r.target === "missingUser" ? `/Users/${crypto.randomUUID()}` : r.path;
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${tenant.tenantUrl}${path}`, {
        method: r.method,
        headers: { Authorization: `Bearer ${tenant.token}`, ...(r.body !== undefined ? { "Content-Type": r.contentType ?? "application/scim+json" } : {}) },
        body: r.body,
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      failures.push(`#${i} ${r.method} ${path}: no answer (${String(err)})\n  body: ${r.body?.slice(0, 500)}`);
      return;
    }
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const after = await stateHash(lane.db, tenant.workspaceId);
    if (status >= 500) failures.push(`#${i} ${r.method} ${path} → ${status}: ${text.slice(0, 300)}\n  body: ${r.body?.slice(0, 500)}`);
    else if (status >= 400 && after !== before) failures.push(`#${i} ${r.method} ${path} → ${status} but the directory changed (partial write): ${text.slice(0, 200)}\n  body: ${r.body?.slice(0, 500)}`);
    before = after;
  }
};

describe.each(engines())("fuzzing the SCIM door on %s", (engine) => {
  let app: RunningApp;
  const lanes: Lane[] = [];

  beforeAll(async () => {
    // The rate limit is tested elsewhere; here every request must reach the SCIM core.
    app = await startApp(engine, { env: { MUSTER_SCIM_RATE_LIMIT: "0" } });
    const tenants = await createTenants(app, Array.from({ length: LANES }, (_, i) => `Fuzz ${i + 1}`));
    for (const tenant of Object.values(tenants)) lanes.push(await openLane(app, tenant));
  });
  afterAll(async () => {
    for (const lane of lanes) await lane.db.close();
    await app?.stop();
  });

  it(`${runsFor(engine)} generated requests: no 5xx, a refused request writes nothing (seed ${SEED})`, { timeout: Math.max(900_000, runsFor(engine) * 60) }, async () => {
    const runs = runsFor(engine);
    const requests = fc.sample(requestArb, { seed: SEED, numRuns: runs });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    await Promise.all(lanes.map((lane, l) => runLane(lane, [...requests.entries()].filter(([i]) => i % lanes.length === l), statuses, failures)));
    const summary = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(" ");
    console.log(`[fuzz] ${engine}: ${runs} requests (seed ${SEED}, ${lanes.length} lanes) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${summary}`);
    expect(failures, failures.join("\n")).toEqual([]);
    // The generators reach both sides: most requests are refused, and some are accepted.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
  });
});
