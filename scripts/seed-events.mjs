#!/usr/bin/env node
// Fills a workspace's provisioning log with realistic SCIM requests, for scale tests of the log
// page and its chart. Writes straight to the database (better-sqlite3 or pg, not Prisma), in big
// multi-row INSERTs, in the formats Prisma uses: on SQLite a DateTime is ISO-8601 text with
// "+00:00" (what @prisma/adapter-better-sqlite3 writes), on PostgreSQL a timestamp(3) in UTC.
//
//   DATABASE_URL=file:./data/muster.db node scripts/seed-events.mjs --workspace acme [--events 1000000] [--days 7]
import crypto from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: { workspace: { type: "string" }, events: { type: "string", default: "1000000" }, days: { type: "string", default: "7" } },
});
if (!args.workspace) {
  console.error("usage: node scripts/seed-events.mjs --workspace <slug> [--events 1000000] [--days 7]");
  process.exit(1);
}
const total = Number(args.events);
const days = Number(args.days);
if (!Number.isInteger(total) || total < 1 || !(days > 0)) {
  console.error("--events must be a positive integer and --days a positive number");
  process.exit(1);
}
const url = process.env.DATABASE_URL || "file:./data/muster.db";
const isPg = /^postgres(ql)?:\/\//.test(url);

// ---------- random but repeatable ----------
let seed = 0x9e3779b9;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const weighted = (entries) => {
  const sum = entries.reduce((s, [w]) => s + w, 0);
  let r = rand() * sum;
  for (const [w, v] of entries) if ((r -= w) < 0) return v;
  return entries[entries.length - 1][1];
};

// cuid-like ids: "c" + time + counter + randomness, 25 characters, unique within the run.
let counter = 0;
const fingerprint = crypto.randomBytes(3).toString("hex");
const cuid = () => `c${Date.now().toString(36)}${(counter++).toString(36).padStart(5, "0")}${fingerprint}${crypto.randomBytes(3).toString("hex")}`.slice(0, 25);

// ---------- what the requests look like ----------
const FIRST = ["Ann", "Ben", "Chloé", "Dev", "Eva", "Finn", "Grace", "Hugo", "Ines", "Jon", "Kai", "Lena", "Mo", "Nora", "Omar", "Pia", "Ravi", "Sara", "Tom", "Uma"];
const LAST = ["Meyer", "Okafor", "Silva", "Tanaka", "Novak", "Rossi", "Dubois", "Kim", "Larsen", "Haddad", "Schmidt", "Nguyen"];
const TITLES = ["Engineer", "Senior Engineer", "Designer", "Product Manager", "Account Executive", "Support Lead", "Recruiter", "Analyst"];
const DEPTS = ["Engineering", "Design", "Sales", "Support", "People", "Finance"];
const GROUPS = ["All staff", "Engineering", "Sales EMEA", "Design", "Managers", "Berlin office"];
const CLIENTS = [
  [70, "Azure Active Directory SCIM Provisioning"],
  [25, "Okta SCIM Client 1.0.0"],
  [5, "curl/8.5.0"],
];

const person = () => {
  const first = pick(FIRST);
  const last = pick(LAST);
  const userName = `${first}.${last}${Math.floor(rand() * 900 + 100)}@acme.example`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return { first, last, userName };
};

const userBody = (p) =>
  JSON.stringify(
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
      externalId: crypto.randomUUID(),
      userName: p.userName,
      active: true,
      displayName: `${p.first} ${p.last}`,
      name: { givenName: p.first, familyName: p.last },
      emails: [{ primary: true, type: "work", value: p.userName }],
      title: pick(TITLES),
      password: "[redacted]",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: pick(DEPTS) },
    },
    null,
    2,
  );

const patchBody = (ops) => JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: ops }, null, 2);
const errorBody = (status, scimType, detail) =>
  JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status), ...(scimType ? { scimType } : {}), detail }, null, 2);

// One request: [method, path, status, resourceType, resourceId, summary, error, requestBody, responseBody]
const success = (userIds, groupIds) => {
  const p = person();
  const uid = pick(userIds);
  const gid = pick(groupIds);
  return weighted([
    [40, () => ["GET", `/Users?filter=${encodeURIComponent(`userName eq "${p.userName}"`)}`, 200, "User", null, `Listed Users: ${rand() < 0.8 ? 1 : 0} found`, null, null, null]],
    [6, () => ["GET", `/Groups?filter=${encodeURIComponent(`displayName eq "${pick(GROUPS)}"`)}&excludedAttributes=members`, 200, "Group", null, "Listed Groups: 1 found", null, null, null]],
    [6, () => ["GET", `/Users/${uid}`, 200, "User", uid, "Read user", null, null, null]],
    [10, () => ["POST", "/Users", 201, "User", uid, `Created user ${p.userName}: userName '${p.userName}'; display name '${p.first} ${p.last}'; job title '${pick(TITLES)}'`, null, userBody(p), null]],
    [
      24,
      () => {
        const from = pick(TITLES);
        const to = pick(TITLES);
        return ["PATCH", `/Users/${uid}`, 200, "User", uid, `Updated user ${p.userName}: job title '${from}' → '${to}'`, null, patchBody([{ op: "Replace", path: "title", value: to }]), null];
      },
    ],
    [3, () => ["PATCH", `/Users/${uid}`, 200, "User", uid, `Updated user ${p.userName}: active true → false — deactivated, employee archived`, null, patchBody([{ op: "Replace", path: "active", value: "False" }]), null]],
    [2, () => ["PUT", `/Users/${uid}`, 200, "User", uid, `Replaced user ${p.userName}: department '${pick(DEPTS)}' → '${pick(DEPTS)}'`, null, userBody(p), null]],
    [2, () => ["DELETE", `/Users/${uid}`, 204, "User", uid, `Deleted user ${p.userName}: employee archived, history kept`, null, null, null]],
    [5, () => ["PATCH", `/Groups/${gid}`, 204, "Group", gid, `Updated group ${pick(GROUPS)}: added 1 member`, null, patchBody([{ op: "Add", path: "members", value: [{ value: uid }] }]), null]],
    [1, () => ["POST", "/Groups", 201, "Group", gid, `Created group ${pick(GROUPS)}`, null, JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: pick(GROUPS), members: [] }, null, 2), null]],
    [0.5, () => ["GET", "/ServiceProviderConfig", 200, null, null, null, null, null, null]],
    [0.5, () => ["GET", "/Schemas", 200, null, null, null, null, null, null]],
  ])();
};

const clientError = (userIds) => {
  const p = person();
  const uid = pick(userIds);
  return weighted([
    [
      35,
      () => {
        const detail = `A user with userName '${p.userName}' already exists`;
        return ["POST", "/Users", 409, null, null, null, detail, userBody(p), errorBody(409, "uniqueness", detail)];
      },
    ],
    [
      20,
      () => {
        const detail = `Muster cannot filter on 'phoneNumbers.value'. Filterable: see the documentation of GET /Users and /Groups`;
        return ["GET", `/Users?filter=${encodeURIComponent(`phoneNumbers.value eq "+49 30 1234"`)}`, 400, null, null, null, detail, null, errorBody(400, "invalidFilter", detail)];
      },
    ],
    [
      20,
      () => {
        const id = cuid();
        const detail = `User ${id} not found`;
        return ["PATCH", `/Users/${id}`, 404, null, null, null, detail, patchBody([{ op: "Replace", path: "active", value: false }]), errorBody(404, null, detail)];
      },
    ],
    [
      12,
      () => {
        const detail = "Operations[0]: 'active' must be a boolean, got \"maybe\"";
        return ["PATCH", `/Users/${uid}`, 400, null, null, null, detail, patchBody([{ op: "replace", path: "active", value: "maybe" }]), errorBody(400, "invalidValue", detail)];
      },
    ],
    [
      5,
      () => {
        const detail = "Operations[0]: 'members[value eq \"x\"]' matches no value to remove";
        return ["PATCH", `/Groups/${cuid()}`, 400, null, null, null, detail, patchBody([{ op: "remove", path: 'members[value eq "x"]' }]), errorBody(400, "noTarget", detail)];
      },
    ],
    [
      5,
      () => {
        const detail = `The resource ${uid} has changed (its version is W/"4"); read it again and retry`;
        return ["PUT", `/Users/${uid}`, 412, null, null, null, detail, userBody(p), errorBody(412, null, detail)];
      },
    ],
    [
      3,
      () => {
        const detail = "The request body is not valid JSON";
        return ["POST", "/Users", 400, null, null, null, detail, "{\"userName\": ", errorBody(400, "invalidSyntax", detail)];
      },
    ],
  ])();
};

const serverError = () => {
  const p = person();
  const detail = "Internal server error";
  return weighted([
    [3, () => ["POST", "/Users", 500, null, null, null, detail, userBody(p), errorBody(500, null, detail)]],
    [1, () => ["PATCH", `/Groups/${cuid()}`, 500, null, null, null, detail, patchBody([{ op: "add", path: "members", value: [{ value: cuid() }] }]), errorBody(500, null, detail)]],
  ])();
};

// ---------- when the requests happen ----------
// More traffic in (UTC) working hours and on weekdays, so the chart looks like a real week.
const HOUR = 3_600_000;
const now = Date.now();
const start = now - days * 24 * HOUR;
const hours = Math.ceil((now - start) / HOUR);
const weights = Array.from({ length: hours }, (_, i) => {
  const d = new Date(start + i * HOUR);
  const h = d.getUTCHours();
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  return (h >= 7 && h <= 18 ? 4 : 1) * (weekend ? 0.35 : 1) * (0.8 + rand() * 0.4);
});
const weightSum = weights.reduce((a, b) => a + b, 0);
const perHour = weights.map((w) => Math.floor((w / weightSum) * total));
for (let i = 0, left = total - perHour.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % hours, left--) perHour[hours - 1 - i]++;

// A bad hour now and then: a burst of server errors, so the chart shows red somewhere.
const badHours = new Set(Array.from({ length: Math.max(1, Math.round(days / 3)) }, () => Math.floor(rand() * hours)));

function* requests(userIds, groupIds, tokenId) {
  for (let h = 0; h < hours; h++) {
    const n = perHour[h];
    const hourStart = start + h * HOUR;
    const span = Math.min(HOUR, now - hourStart);
    const offsets = Array.from({ length: n }, () => Math.floor(rand() * span)).sort((a, b) => a - b);
    for (const offset of offsets) {
      const r = rand();
      const serverRate = badHours.has(h) ? 0.08 : 0.002;
      const row = r < serverRate ? serverError() : r < serverRate + 0.04 ? clientError(userIds) : success(userIds, groupIds);
      const [method, reqPath, status, resourceType, resourceId, summary, error, requestBody, responseBody] = row;
      yield {
        id: cuid(),
        tokenId,
        at: new Date(hourStart + offset),
        method,
        path: reqPath,
        status,
        durationMs: Math.round(status >= 500 ? 200 + rand() * 2000 : 8 + rand() * (method === "GET" ? 40 : 120)),
        client: weighted(CLIENTS),
        resourceType,
        resourceId,
        summary,
        error,
        requestBody,
        responseBody,
      };
    }
  }
}

const COLUMNS = ["id", "workspaceId", "tokenId", "at", "method", "path", "status", "durationMs", "client", "resourceType", "resourceId", "summary", "error", "requestBody", "responseBody"];
const valuesOf = (e, workspaceId, at) => [e.id, workspaceId, e.tokenId, at, e.method, e.path, e.status, e.durationMs, e.client, e.resourceType, e.resourceId, e.summary, e.error, e.requestBody, e.responseBody];

const fakeIds = (n) => Array.from({ length: n }, cuid);
const progress = (done, t0) => process.stderr.write(`\r${done.toLocaleString("en")} / ${total.toLocaleString("en")} events (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

const seedSqlite = async () => {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(path.resolve(url.slice("file:".length)));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -200000");
  const ws = db.prepare(`SELECT id FROM "Workspace" WHERE slug = ?`).get(args.workspace);
  if (!ws) throw new Error(`No workspace with slug '${args.workspace}'`);
  const tokenId = db.prepare(`SELECT id FROM "ScimToken" WHERE "workspaceId" = ? ORDER BY "createdAt" LIMIT 1`).get(ws.id)?.id ?? null;
  const userIds = db.prepare(`SELECT id FROM "Employee" WHERE "workspaceId" = ? LIMIT 2000`).all(ws.id).map((r) => r.id);
  const groupIds = db.prepare(`SELECT id FROM "Group" WHERE "workspaceId" = ? LIMIT 200`).all(ws.id).map((r) => r.id);

  const ROWS = 500; // 500 × 15 parameters, well under SQLite's 32766
  const sql = (n) => `INSERT INTO "ProvisioningEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(n).fill(`(${COLUMNS.map(() => "?").join(", ")})`).join(", ")}`;
  const full = db.prepare(sql(ROWS));
  const insertAll = db.transaction((batch) => {
    for (let i = 0; i < batch.length; i += ROWS) {
      const chunk = batch.slice(i, i + ROWS);
      const stmt = chunk.length === ROWS ? full : db.prepare(sql(chunk.length));
      stmt.run(chunk.flatMap((e) => valuesOf(e, ws.id, e.at.toISOString().replace("Z", "+00:00"))));
    }
  });

  const t0 = Date.now();
  let batch = [];
  let done = 0;
  for (const e of requests(userIds.length ? userIds : fakeIds(500), groupIds.length ? groupIds : fakeIds(20), tokenId)) {
    batch.push(e);
    if (batch.length === 50_000) {
      insertAll(batch);
      done += batch.length;
      batch = [];
      progress(done, t0);
    }
  }
  insertAll(batch);
  done += batch.length;
  progress(done, t0);
  db.close();
  return { workspaceId: ws.id, seconds: (Date.now() - t0) / 1000 };
};

const seedPostgres = async () => {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Prisma's timestamp(3) columns hold UTC wall time; make the session agree.
  await client.query("SET TIME ZONE 'UTC'");
  const ws = (await client.query(`SELECT id FROM "Workspace" WHERE slug = $1`, [args.workspace])).rows[0];
  if (!ws) throw new Error(`No workspace with slug '${args.workspace}'`);
  const tokenId = (await client.query(`SELECT id FROM "ScimToken" WHERE "workspaceId" = $1 ORDER BY "createdAt" LIMIT 1`, [ws.id])).rows[0]?.id ?? null;
  const userIds = (await client.query(`SELECT id FROM "Employee" WHERE "workspaceId" = $1 LIMIT 2000`, [ws.id])).rows.map((r) => r.id);
  const groupIds = (await client.query(`SELECT id FROM "Group" WHERE "workspaceId" = $1 LIMIT 200`, [ws.id])).rows.map((r) => r.id);

  const ROWS = 2000; // 2000 × 15 parameters, under PostgreSQL's 65535
  const insert = async (chunk) => {
    const params = chunk.flatMap((e) => valuesOf(e, ws.id, e.at.toISOString().replace("T", " ").replace("Z", "")));
    const tuples = chunk.map((_, r) => `(${COLUMNS.map((__, c) => `$${r * COLUMNS.length + c + 1}`).join(", ")})`).join(", ");
    await client.query(`INSERT INTO "ProvisioningEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples}`, params);
  };

  const t0 = Date.now();
  let batch = [];
  let done = 0;
  const flush = async () => {
    await client.query("BEGIN");
    for (let i = 0; i < batch.length; i += ROWS) await insert(batch.slice(i, i + ROWS));
    await client.query("COMMIT");
    done += batch.length;
    batch = [];
    progress(done, t0);
  };
  for (const e of requests(userIds.length ? userIds : fakeIds(500), groupIds.length ? groupIds : fakeIds(20), tokenId)) {
    batch.push(e);
    if (batch.length === 50_000) await flush();
  }
  await flush();
  // Fresh statistics and visibility map: the planner picks the indexes, and index-only scans work.
  await client.query(`VACUUM ANALYZE "ProvisioningEvent"`);
  await client.end();
  return { workspaceId: ws.id, seconds: (Date.now() - t0) / 1000 };
};

const result = await (isPg ? seedPostgres() : seedSqlite());
process.stderr.write("\n");
console.log(JSON.stringify({ workspace: args.workspace, events: total, days, ...result }));
