#!/usr/bin/env node
// Fills one workspace with a realistic directory for scale tests: N employees (mostly SCIM-synced,
// some linked, manual and archived, with managers and SCIM documents), a few groups with many
// members, and M provisioning events over the last days. Plain Node on better-sqlite3 or pg (no
// Prisma), multi-row INSERTs inside transactions, in the formats Prisma reads back: on SQLite a
// DateTime is ISO-8601 text ending in "+00:00" and a Boolean is 0/1; on PostgreSQL timestamp(3) UTC.
//
//   DATABASE_URL=file:./data/muster.db node scripts/seed-bulk.mjs --workspace acme \
//     [--employees 100000] [--events 1000000] [--groups 12] [--days 7] [--seed 1]
//
// The workspace must exist (npm run muster -- workspace:create …) and the database be migrated.
// Running it again adds more rows (new emails), it never changes existing ones.
import path from "node:path";
import { parseArgs } from "node:util";

const USAGE = "usage: DATABASE_URL=… node scripts/seed-bulk.mjs --workspace <slug> [--employees 100000] [--events 1000000] [--groups 12] [--days 7] [--seed 1]";
const { values: args } = parseArgs({
  options: {
    workspace: { type: "string" },
    employees: { type: "string", default: "100000" },
    events: { type: "string", default: "1000000" },
    groups: { type: "string", default: "12" },
    days: { type: "string", default: "7" },
    seed: { type: "string", default: "1" },
    help: { type: "boolean", short: "h" },
  },
});
if (args.help || !args.workspace) {
  console.error(USAGE);
  process.exit(args.help ? 0 : 1);
}
const N = Number(args.employees);
const M = Number(args.events);
const G = Number(args.groups);
const DAYS = Number(args.days);
if (![N, M, G].every((x) => Number.isInteger(x) && x >= 0) || !(DAYS > 0)) {
  console.error(`--employees, --events and --groups take whole numbers ≥ 0, --days a positive number\n${USAGE}`);
  process.exit(1);
}
const url = process.env.DATABASE_URL || "file:./data/muster.db";
const isPg = /^postgres(ql)?:\/\//.test(url);
if (!isPg && !url.startsWith("file:")) {
  console.error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
  process.exit(1);
}

// ---------- repeatable randomness ----------
let state = (Number(args.seed) * 0x9e3779b1) >>> 0 || 1;
const rand = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const weighted = (entries) => {
  const sum = entries.reduce((s, [w]) => s + w, 0);
  let r = rand() * sum;
  for (const [w, v] of entries) if ((r -= w) < 0) return v;
  return entries.at(-1)[1];
};

// cuid-shaped ids: time, a process-wide counter, randomness — unique within and across runs.
let counter = 0;
const cuid = () =>
  `c${Date.now().toString(36)}${(counter++).toString(36).padStart(5, "0")}${Math.floor(rand() * 36 ** 6)
    .toString(36)
    .padStart(6, "0")}${Math.random().toString(36).slice(2, 6)}`;

// ---------- realistic people ----------
const FIRST = "Ada Alan Alice Amara Amir Ana Andrea Anna Arjun Ava Beatriz Ben Bianca Carlos Chen Chloe Daniel David Diego Elena Eli Emma Ethan Fatima Felix Finn Grace Hana Hannah Hugo Ibrahim Ines Isaac Isabel Jack James Jana Javier Jin Johan Jonas Julia Kai Kenji Lara Laura Leo Liam Lina Lucas Luca Maya Mei Mia Miguel Mohammed Nadia Noah Nora Olga Oliver Omar Paula Pedro Priya Rafael Rania Ravi Rosa Ruth Sam Sara Sofia Sven Tariq Theo Tomas Uma Valentina Victor Wei Yara Yusuf Zara Zoe".split(" ");
const LAST = "Abbott Adeyemi Alvarez Andersen Bauer Becker Bianchi Brown Carter Castillo Chen Costa Dubois Dupont Evans Fischer Garcia Gomez Gonzalez Hansen Hoffmann Ivanova Jansen Jensen Johnson Kaur Kim Klein Kowalski Kumar Larsen Lee Lopez Martin Martinez Meyer Moreau Muller Nakamura Nguyen Novak Okafor Olsen Patel Perez Petrov Rahman Ramirez Rossi Sanchez Santos Schmidt Schneider Silva Singh Smith Sousa Suzuki Tanaka Taylor Thomas Torres Wagner Walker Wang Weber Williams Wilson Wong Yamamoto Young Zhang Ziegler".split(" ");
const DEPARTMENTS = [
  [30, "Engineering", ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager", "QA Engineer", "Site Reliability Engineer"]],
  [18, "Sales", ["Account Executive", "Sales Development Representative", "Sales Manager", "Solutions Engineer"]],
  [12, "Customer Success", ["Customer Success Manager", "Support Specialist", "Support Lead"]],
  [10, "Operations", ["Operations Analyst", "Operations Manager", "Office Manager"]],
  [8, "Marketing", ["Marketing Manager", "Content Writer", "Product Marketing Manager", "Designer"]],
  [7, "Finance", ["Accountant", "Financial Analyst", "Controller"]],
  [6, "People", ["HR Generalist", "Recruiter", "People Partner"]],
  [5, "Product", ["Product Manager", "Senior Product Manager", "Product Designer"]],
  [4, "Legal", ["Counsel", "Paralegal"]],
];
const LOCATIONS = ["Berlin", "London", "New York", "San Francisco", "Toronto", "Paris", "Madrid", "Amsterdam", "Singapore", "Sydney", "Remote"];
const ascii = (s) => s.normalize("NFD").replace(/[^\x20-\x7e]/g, "").toLowerCase();

const NOW = Date.now();
const DAY = 86_400_000;
const sqliteDate = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");
const pgDate = (ms) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");
const toDate = isPg ? pgDate : sqliteDate;
const bool = (b) => (isPg ? b : b ? 1 : 0);

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const scimDoc = (p) =>
  JSON.stringify({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
    externalId: p.externalId,
    userName: p.userName,
    active: p.active,
    displayName: p.displayName,
    name: { givenName: p.givenName, familyName: p.familyName, formatted: p.displayName },
    title: p.title,
    emails: [{ value: p.email, type: "work", primary: true }],
    phoneNumbers: [{ value: p.phone, type: "work" }],
    addresses: [{ type: "work", locality: p.location, country: "US", primary: true }],
    [ENTERPRISE]: { employeeNumber: p.employeeNumber, department: p.department, organization: p.organization, ...(p.managerId ? { manager: { value: p.managerId } } : {}) },
  });

// ---------- database ----------
// Every SCIM user's email index row (employeeId, workspaceId, value, type), per batch.
const emailRows = [];
const EMPLOYEE_COLUMNS = [
  "id", "workspaceId", "scimId", "status", "active", "userName", "userNameKey", "externalId", "scimDoc", "scimDeletedAt", "linkedAt", "version",
  "displayName", "givenName", "familyName", "email", "displayNameKey", "givenNameKey", "familyNameKey", "emailKey", "emailsText",
  "title", "department", "organization", "employeeNumber", "location", "phone", "managerId", "role", "activatedAt", "archivedAt", "createdAt", "updatedAt",
];
const GROUP_COLUMNS = ["id", "workspaceId", "displayName", "displayNameKey", "externalId", "scimDoc", "version", "createdAt", "updatedAt"];
const MEMBER_COLUMNS = ["groupId", "employeeId", "workspaceId", "createdAt"];
const EVENT_COLUMNS = ["id", "workspaceId", "tokenId", "at", "method", "path", "status", "durationMs", "client", "resourceType", "resourceId", "summary", "error", "requestBody", "responseBody"];

/** An adapter with: one/all(sql, params), insert(table, columns, rows), tx(fn), finish(tables), close(). */
const open = async () => {
  if (isPg) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("SET TIME ZONE 'UTC'");
    const numbered = (sql) => {
      let i = 0;
      return sql.replace(/\?/g, () => `$${++i}`);
    };
    const insert = async (table, columns, rows) => {
      // PostgreSQL allows 65,535 parameters per statement.
      const per = Math.floor(60_000 / columns.length);
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        let p = 0;
        const tuples = chunk.map(() => `(${columns.map(() => `$${++p}`).join(",")})`).join(",");
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${tuples}`, chunk.flat());
      }
    };
    return {
      one: async (sql, params) => (await client.query(numbered(sql), params)).rows[0],
      all: async (sql, params) => (await client.query(numbered(sql), params)).rows,
      insert,
      tx: async (fn) => {
        await client.query("BEGIN");
        try {
          await fn();
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw err;
        }
      },
      finish: async (tables) => {
        for (const t of tables) await client.query(`ANALYZE "${t}"`);
      },
      close: () => client.end(),
    };
  }
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(path.resolve(url.slice("file:".length)), { timeout: 30_000 });
  db.pragma("journal_mode = WAL");
  // A seed can be re-run if the machine dies, so it trades durability for speed; the big page cache
  // keeps the eleven Employee indexes in memory while they fill.
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -524288");
  db.pragma("temp_store = MEMORY");
  db.pragma("foreign_keys = ON");
  const statements = new Map();
  const PER_STATEMENT = 500; // SQLite's default limit is 32,766 parameters per statement
  const stmt = (table, columns, n) => {
    const key = `${table}:${n}`;
    if (!statements.has(key)) {
      const tuple = `(${columns.map(() => "?").join(",")})`;
      statements.set(key, db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${Array(n).fill(tuple).join(",")}`));
    }
    return statements.get(key);
  };
  return {
    one: async (sql, params) => db.prepare(sql).get(...params),
    all: async (sql, params) => db.prepare(sql).all(...params),
    insert: async (table, columns, rows) => {
      for (let i = 0; i < rows.length; i += PER_STATEMENT) {
        const chunk = rows.slice(i, i + PER_STATEMENT);
        stmt(table, columns, chunk.length).run(chunk.flat());
      }
    },
    tx: async (fn) => {
      db.exec("BEGIN IMMEDIATE");
      try {
        await fn();
        db.exec("COMMIT");
      } catch (err) {
        db.exec("ROLLBACK");
        throw err;
      }
    },
    finish: async () => {},
    close: async () => db.close(),
  };
};

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const db = await open();
const ws = await db.one(`SELECT id, slug FROM "Workspace" WHERE slug = ?`, [args.workspace]).catch((err) => {
  console.error(`Cannot read the database (${err.message}). Is it migrated? Run: npm run muster -- db:migrate`);
  process.exit(1);
});
if (!ws) {
  console.error(`No workspace with slug "${args.workspace}". Create it first: npm run muster -- workspace:create --name … --owner …`);
  process.exit(1);
}
const existing = Number((await db.one(`SELECT count(*) AS n FROM "Employee" WHERE "workspaceId" = ?`, [ws.id])).n);
const token = await db.one(`SELECT id, name FROM "ScimToken" WHERE "workspaceId" = ? ORDER BY "createdAt" LIMIT 1`, [ws.id]);
// A second run gets its own mail domain, so userNames stay unique in the workspace.
const domain = `${ws.slug}${existing ? `-${existing}` : ""}.example`;

// ---------- employees ----------
const people = []; // { id, userName, displayName, scim: boolean, deleted: boolean }
const BATCH = 10_000;
const managers = [];
const taken = new Map();
const makeEmployee = (i) => {
  const givenName = pick(FIRST);
  const familyName = pick(LAST);
  const base = `${ascii(givenName)}.${ascii(familyName)}`;
  const n = (taken.get(base) ?? 0) + 1;
  taken.set(base, n);
  const email = `${base}${n > 1 ? n : ""}@${domain}`;
  const displayName = `${givenName} ${familyName}`;
  const [, department, titles] = weighted(DEPARTMENTS.map((d) => [d[0], d]));
  const status = weighted([
    [85, "SYNCED"],
    [5, "LINKED"],
    [6, "MANUAL"],
    [4, "ARCHIVED"],
  ]);
  const archivedKind = status === "ARCHIVED" ? weighted([[45, "deactivated"], [35, "deleted"], [20, "manual"]]) : null;
  const scim = status === "SYNCED" || status === "LINKED" || archivedKind === "deactivated" || archivedKind === "deleted";
  const deleted = archivedKind === "deleted";
  const createdAt = NOW - Math.floor(rand() * 400 * DAY);
  const updatedAt = createdAt + Math.floor(rand() * (NOW - createdAt));
  const managerId = managers.length && rand() < 0.9 ? pick(managers) : null;
  const id = cuid();
  const title = pick(titles);
  const location = pick(LOCATIONS);
  const phone = `+1 555 ${String(1000 + (i % 9000)).padStart(4, "0")}`;
  const employeeNumber = String(100000 + existing + i);
  const externalId = scim ? `${(i * 2654435761 >>> 0).toString(16).padStart(8, "0")}-${Math.floor(rand() * 0xffff).toString(16)}-4${Math.floor(rand() * 0xfff).toString(16)}` : null;
  const active = status !== "ARCHIVED";
  const doc = scim ? scimDoc({ externalId, userName: email, active, displayName, givenName, familyName, title, email, phone, location, employeeNumber, department, organization: "Muster Demo Inc.", managerId }) : null;
  const archivedAt = status === "ARCHIVED" ? updatedAt : null;
  const activatedAt = active && rand() < 0.6 ? createdAt + Math.floor(rand() * (updatedAt - createdAt + 1)) : null;
  if (department !== "Legal" && i % 50 === 0) managers.push(id);
  people.push({ id, userName: email, displayName, scim: scim && !deleted, department, active });
  if (scim && !deleted) emailRows.push([id, ws.id, email.toLowerCase(), "work"]);
  return [
    id, ws.id, scim && !deleted ? id : null, status, bool(active), scim ? email : null, scim && !deleted ? email.toLowerCase() : null, externalId, doc, deleted ? toDate(archivedAt) : null,
    status === "LINKED" ? toDate(createdAt + Math.floor(rand() * (updatedAt - createdAt + 1))) : null, 1 + Math.floor(rand() * 5),
    displayName, givenName, familyName, email, displayName.toLowerCase(), givenName.toLowerCase(), familyName.toLowerCase(), email.toLowerCase(), `\n${email.toLowerCase()}\n`,
    title, department, scim ? "Muster Demo Inc." : null, employeeNumber, location, phone, managerId, "MEMBER", activatedAt ? toDate(activatedAt) : null,
    archivedAt ? toDate(archivedAt) : null, toDate(createdAt), toDate(updatedAt),
  ];
};

for (let i = 0; i < N; i += BATCH) {
  const rows = [];
  emailRows.length = 0;
  for (let j = i; j < Math.min(N, i + BATCH); j++) rows.push(makeEmployee(j));
  await db.tx(async () => {
    await db.insert("Employee", EMPLOYEE_COLUMNS, rows);
    if (emailRows.length) await db.insert("EmployeeEmail", ["employeeId", "workspaceId", "value", "type"], emailRows);
  });
  if ((i / BATCH) % 5 === 4) console.error(`  ${Math.min(N, i + BATCH).toLocaleString("en")} employees (${elapsed()})`);
}
console.error(`employees: ${N.toLocaleString("en")} in ${elapsed()}`);

// ---------- groups: a few big ones, the rest by department and smaller teams ----------
const scimPeople = people.filter((p) => p.scim);
const groups = [];
let groupsCreated = 0;
if (G > 0 && scimPeople.length) {
  const plans = [{ name: "All Employees", members: scimPeople }];
  for (const [, dept] of DEPARTMENTS) plans.push({ name: dept, members: scimPeople.filter((p) => p.department === dept) });
  for (let k = 0; plans.length < G; k++) plans.push({ name: `Project ${String.fromCharCode(65 + (k % 26))}${k >= 26 ? Math.floor(k / 26) : ""}`, members: scimPeople.filter(() => rand() < 0.002) });
  const memberRows = [];
  const groupRows = plans.slice(0, G).map((plan) => {
    const id = cuid();
    const createdAt = NOW - Math.floor(rand() * 300 * DAY);
    const updatedAt = createdAt + Math.floor(rand() * (NOW - createdAt));
    const suffix = existing ? ` (${existing})` : "";
    const displayName = `${plan.name}${suffix}`;
    const externalId = `${Math.floor(rand() * 2 ** 32).toString(16).padStart(8, "0")}-${Math.floor(rand() * 2 ** 16).toString(16)}`;
    groups.push({ id, displayName });
    for (const p of plan.members) memberRows.push([id, p.id, ws.id, toDate(createdAt + Math.floor(rand() * (updatedAt - createdAt + 1)))]);
    return [id, ws.id, displayName, displayName.toLowerCase(), externalId, JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName, externalId }), 1, toDate(createdAt), toDate(updatedAt)];
  });
  await db.tx(async () => {
    await db.insert("Group", GROUP_COLUMNS, groupRows);
    for (let i = 0; i < memberRows.length; i += 50_000) await db.insert("GroupMember", MEMBER_COLUMNS, memberRows.slice(i, i + 50_000));
  });
  groupsCreated = groups.length;
  console.error(`groups: ${groups.length} with ${memberRows.length.toLocaleString("en")} memberships (${elapsed()})`);
}

// ---------- provisioning events ----------
const CLIENTS = [
  [55, "Azure AD SCIM Client/1.0 (Microsoft Entra ID provisioning)"],
  [35, "Okta SCIM Client 1.0.0"],
  [10, null],
];
const CHANGES = [
  () => `job title '${pick(DEPARTMENTS)[2][0]}' → '${pick(DEPARTMENTS)[2][1]}'`,
  () => `department '${pick(DEPARTMENTS)[1]}' → '${pick(DEPARTMENTS)[1]}'`,
  () => `location '${pick(LOCATIONS)}' → '${pick(LOCATIONS)}'`,
  () => `phone '+1 555 ${1000 + Math.floor(rand() * 9000)}' → '+1 555 ${1000 + Math.floor(rand() * 9000)}'`,
  () => `last name '${pick(LAST)}' → '${pick(LAST)}'`,
];
const event = (at, targets) => {
  const p = targets.length ? pick(targets) : null;
  const client = weighted(CLIENTS);
  const durationMs = 3 + Math.floor(rand() ** 3 * 400);
  const base = { id: cuid(), at, client, durationMs, tokenId: token?.id ?? null, resourceType: null, resourceId: null, summary: null, error: null, requestBody: null, responseBody: null };
  const roll = rand();
  if (!p || roll < 0.3) {
    const q = p ? `userName eq "${p.userName}"` : `userName eq "${cuid()}"`;
    const found = p ? 1 : 0;
    return { ...base, method: "GET", path: `/Users?filter=${encodeURIComponent(q)}`, status: 200, resourceType: "User", summary: `Listed Users: ${found} found` };
  }
  if (roll < 0.38 && groups.length) {
    const g = pick(groups);
    const body = { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "members", value: [{ value: p.id }] }] };
    return { ...base, method: "PATCH", path: `/Groups/${g.id}`, status: 204, resourceType: "Group", resourceId: g.id, summary: `Updated group ${g.displayName}: added 1 member`, requestBody: JSON.stringify(body) };
  }
  const user = { ...base, resourceType: "User", resourceId: p.id };
  if (roll < 0.5) return { ...user, method: "GET", path: `/Users/${p.id}`, status: 200, summary: "Read user" };
  if (roll < 0.56) {
    return { ...user, method: "POST", path: "/Users", status: 201, summary: `Created user ${p.userName}: userName '${p.userName}'; display name '${p.displayName}'; email '${p.userName}'`, requestBody: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: p.userName, displayName: p.displayName, active: true, password: "[redacted]" }) };
  }
  if (roll < 0.6) {
    const detail = `A user with userName '${p.userName}' already exists`;
    return { ...user, resourceId: null, method: "POST", path: "/Users", status: 409, error: detail, summary: null, requestBody: JSON.stringify({ userName: p.userName }), responseBody: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType: "uniqueness", detail }) };
  }
  if (roll < 0.63) {
    const detail = `User ${p.id} not found`;
    return { ...user, method: "PATCH", path: `/Users/${p.id}`, status: 404, error: detail, responseBody: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "404", detail }) };
  }
  if (roll < 0.635) return { ...user, method: "PUT", path: `/Users/${p.id}`, status: 500, error: "Internal server error" };
  if (roll < 0.67) {
    return { ...user, method: "PATCH", path: `/Users/${p.id}`, status: 200, summary: `Updated user ${p.userName}: active true → false — deactivated, employee archived`, requestBody: JSON.stringify({ Operations: [{ op: "replace", path: "active", value: false }] }) };
  }
  if (roll < 0.69) return { ...user, method: "DELETE", path: `/Users/${p.id}`, status: 204, summary: `Deleted user ${p.userName}: employee archived, history kept` };
  if (roll < 0.74) {
    return { ...user, method: "PUT", path: `/Users/${p.id}`, status: 200, summary: `Replaced user ${p.userName}: ${pick(CHANGES)()}`, requestBody: JSON.stringify({ userName: p.userName, displayName: p.displayName, active: true }) };
  }
  const changes = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(CHANGES)()).join("; ");
  return { ...user, method: "PATCH", path: `/Users/${p.id}`, status: 200, summary: `Updated user ${p.userName}: ${changes}`, requestBody: JSON.stringify({ Operations: [{ op: "replace", value: { title: "…" } }] }) };
};

if (M > 0) {
  // Events go to this run's SCIM employees, or to the workspace's existing ones when none were made.
  let targets = scimPeople;
  if (!targets.length) {
    const rows = await db.all(`SELECT id, "userName", "displayName" FROM "Employee" WHERE "workspaceId" = ? AND "scimDoc" IS NOT NULL AND "scimDeletedAt" IS NULL LIMIT 20000`, [ws.id]);
    targets = rows.map((r) => ({ id: r.id, userName: r.userName, displayName: r.displayName }));
    if (!groups.length) groups.push(...(await db.all(`SELECT id, "displayName" FROM "Group" WHERE "workspaceId" = ? LIMIT 200`, [ws.id])));
  }
  const span = DAYS * DAY;
  for (let i = 0; i < M; i += BATCH * 5) {
    const rows = [];
    for (let j = i; j < Math.min(M, i + BATCH * 5); j++) {
      const e = event(NOW - Math.floor(rand() * span), targets);
      rows.push([e.id, ws.id, e.tokenId, toDate(e.at), e.method, e.path, e.status, e.durationMs, e.client, e.resourceType, e.resourceId, e.summary, e.error, e.requestBody, e.responseBody]);
    }
    await db.tx(() => db.insert("ProvisioningEvent", EVENT_COLUMNS, rows));
    if ((i / (BATCH * 5)) % 4 === 3) console.error(`  ${Math.min(M, i + BATCH * 5).toLocaleString("en")} events (${elapsed()})`);
  }
  console.error(`events: ${M.toLocaleString("en")} in ${elapsed()}`);
}

await db.finish(["Employee", "Group", "GroupMember", "ProvisioningEvent"]);
await db.close();
console.log(JSON.stringify({ workspace: ws.slug, employees: N, groups: groupsCreated, events: M, domain, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }));
