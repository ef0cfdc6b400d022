// SCIM throughput benchmark: replays a Microsoft Entra ID initial provisioning cycle against the
// built app and compares it with two baselines measured in the same run — GET /api/ping (a route
// handler that touches no database) and GET /api/health (one `SELECT 1` through Prisma) — so the
// numbers are read as ratios rather than absolutes (machines are noisy).
//
//   npm run build && npm run bench -- [--users N] [--concurrency C] [--groups G]
//     [--members-per-patch M] [--database sqlite|postgres] [--dialect legacy|aadopt]
//     [--app-dir DIR] [--json FILE]
//
// Per user, in Entra's order: GET /Users?filter=userName eq "…" (200, empty), POST /Users (201),
// PATCH /Users/{id} (title + manager, and active re-sent as true so every PATCH carries a boolean
// in the dialect's shape; 200). Then per group: GET /Groups?filter=displayName eq "…"
// &excludedAttributes=members (200, empty), POST /Groups (201), every user added round-robin in
// PATCH requests of M members (204), and one PATCH removing a tenth of them (at most M; 204).
// C users (or groups) are in flight at once; all phases, the baselines included, go through the
// same keep-alive http.Agent with at most C sockets.
//
// --dialect: Entra ID's two PATCH shapes (../shared/reference/IDP-DIALECTS.md). `legacy` (default):
// without the aadOptscim062020 flag — capitalised ops, booleans as strings ("True"), one operation
// per attribute, member removal as {"op":"Remove","path":"members","value":[{"value":id}]}.
// `aadopt`: with the flag — lower-case ops, real booleans, one path-less `replace` whose value has
// URN-qualified keys, member removal as one `members[value eq "id"]` operation per member.
//
// --app-dir: the checkout whose build (`next build` there first) is started and whose CLI makes
// the workspace and token; default this one. Measures an older commit with today's workload, e.g.
// back to back: `node scripts/bench.mjs --app-dir /work/baseline …` then `node scripts/bench.mjs …`.
// A checkout without GET /api/health is measured against ping alone.
//
// PostgreSQL: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test) is an admin
// URL; the benchmark creates a fresh database there and drops it at the end.
//
// The baselines run before the users and again after the groups, in the order ping, health …
// health, ping, so a drift over the run weighs on both alike. "× ping p50" and the ratios are
// against both runs of a baseline pooled; the before/after rows show the drift instead of letting
// it skew the ratio. The user phase is also reported by tenth of its requests: a rate falling from
// the first tenth to the last means a request costs more as the directory grows.
import { execFile, execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const usage =
  "usage: npm run bench -- [--users N] [--concurrency C] [--groups G] [--members-per-patch M] [--database sqlite|postgres] [--dialect legacy|aadopt] [--app-dir DIR] [--json FILE]";

// ---------------------------------------------------------------------------------------------
// Options

const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

let args;
try {
  args = parseArgs({
    options: {
      users: { type: "string" },
      concurrency: { type: "string" },
      groups: { type: "string" },
      "members-per-patch": { type: "string" },
      database: { type: "string" },
      dialect: { type: "string" },
      "app-dir": { type: "string" },
      json: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(`${err.message}\n${usage}`);
}
if (args.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const positiveInt = (name, raw, fallback) => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive integer, got "${raw}"`);
  return n;
};

const N = positiveInt("users", args.users, 1000);
const C = positiveInt("concurrency", args.concurrency, 8);
const G = positiveInt("groups", args.groups, Math.max(1, Math.floor(N / 100)));
const M = positiveInt("members-per-patch", args["members-per-patch"], 50);
const ENGINE = args.database ?? "sqlite";
if (ENGINE !== "sqlite" && ENGINE !== "postgres") fail(`--database must be sqlite or postgres, got "${ENGINE}"`);
const DIALECT = args.dialect ?? "legacy";
if (DIALECT !== "legacy" && DIALECT !== "aadopt") fail(`--dialect must be legacy or aadopt, got "${DIALECT}"`);
const JSON_FILE = args.json ? path.resolve(args.json) : undefined;
const BASELINE_REQUESTS = Math.max(2000, N);
const WARMUP = 200;

// The app under test: this checkout, or another one (an older commit) with its own build.
const APP_DIR = args["app-dir"] ? path.resolve(args["app-dir"]) : root;
if (!fs.existsSync(path.join(APP_DIR, "package.json"))) fail(`--app-dir ${APP_DIR} is not a checkout of the app (no package.json)`);
// next.config.js builds into NEXT_DIST_DIR when set; `next start` (same env) serves from there too.
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
if (!fs.existsSync(path.join(APP_DIR, DIST_DIR, "BUILD_ID"))) {
  fail(`run \`npx next build\` in ${APP_DIR} first${process.env.NEXT_DIST_DIR ? ` (with NEXT_DIST_DIR=${DIST_DIR})` : ""}`);
}

/** The checkout's commit, "+dirty" when tracked files differ from it; undefined outside git. */
const commitOf = (dir) => {
  try {
    const git = (...a) => execFileSync("git", ["-C", dir, ...a], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") ? "+dirty" : ""}`;
  } catch {
    return undefined;
  }
};

// ---------------------------------------------------------------------------------------------
// Resources to release on every exit path

const runId = crypto.randomBytes(4).toString("hex");
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "muster-bench-"));
let server; // ChildProcess
let serverLog = [];
let pgDatabase; // { admin, name }
let cleaned;
let aborting = false; // set on SIGINT/SIGTERM: in-flight requests then fail and are not errors

const stopServer = async () => {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 5000))]);
  if (timedOut) server.kill("SIGKILL");
};

const cleanup = () =>
  (cleaned ??= (async () => {
    try {
      await stopServer();
    } catch (err) {
      process.stderr.write(`could not stop the server: ${err.message}\n`);
    }
    if (pgDatabase) {
      try {
        const { default: pg } = await import("pg");
        const c = new pg.Client({ connectionString: pgDatabase.admin });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${pgDatabase.name} WITH (FORCE)`);
        await c.end();
      } catch (err) {
        process.stderr.write(`could not drop database ${pgDatabase.name}: ${err.message}\n`);
      }
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
  })());

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    aborting = true;
    process.stderr.write(`\n${signal}: stopping the server and removing bench data…\n`);
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

const log = (line) => process.stderr.write(`${line}\n`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** utime+stime of a process in seconds (Linux /proc), or undefined elsewhere. */
const procCpuSeconds = (pid) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
};

const percentile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN);

// ---------------------------------------------------------------------------------------------
// HTTP: one keep-alive agent for every phase, the baseline included.

let agent;
let baseUrl;
let authHeader;

const SCIM = "/api/scim/v2";
const SCIM_JSON = "application/scim+json";

/** Resolves with { status, text, ms }; never rejects (a network error is status 0). */
const send = (method, urlPath, body, { auth = true } = {}) =>
  new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { Accept: SCIM_JSON };
    if (auth) headers.Authorization = authHeader;
    if (payload) {
      headers["Content-Type"] = SCIM_JSON;
      headers["Content-Length"] = payload.length;
    }
    const started = performance.now();
    const req = http.request(`${baseUrl}${urlPath}`, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
      res.on("error", (err) => resolve({ status: 0, text: String(err), ms: performance.now() - started }));
    });
    req.on("error", (err) => resolve({ status: 0, text: String(err), ms: performance.now() - started }));
    if (payload) req.write(payload);
    req.end();
  });

/** Per-operation latencies and errors for one phase. */
class Recorder {
  constructor(order) {
    this.ops = new Map(order.map((k) => [k, { latencies: [], errors: 0 }]));
    this.serverErrors = 0;
    this.t0 = performance.now();
    this.timeline = []; // [completedAt, latencyMs] in completion order
  }
  /** Records a response; returns its parsed JSON body when the status and check pass, else undefined. */
  record(op, method, urlPath, body, res, expected, check) {
    const o = this.ops.get(op);
    o.latencies.push(res.ms);
    this.timeline.push([performance.now(), res.ms]);
    let parsed;
    let problem;
    if (res.status !== expected) problem = `status ${res.status}, expected ${expected}`;
    else if (check) {
      try {
        parsed = res.text ? JSON.parse(res.text) : undefined;
        problem = check(parsed);
      } catch (err) {
        problem = `unparsable body: ${err.message}`;
      }
    }
    if (!problem) return parsed ?? true;
    if (aborting) return undefined;
    o.errors += 1;
    if (res.status >= 500) this.serverErrors += 1;
    totalErrors += 1;
    if (allErrorSamples.length < 5) {
      const sample = { op, method, path: urlPath, problem, request: body === undefined ? undefined : JSON.stringify(body), status: res.status, response: res.text.slice(0, 2000) };
      allErrorSamples.push(sample);
      log(`\n! ${method} ${urlPath} → ${problem}\n  request:  ${sample.request ?? "(no body)"}\n  response: ${sample.response || "(empty)"}\n`);
    }
    return undefined;
  }
}
let totalErrors = 0;
const allErrorSamples = [];

/** Runs fn(i) for i in [0, count) with at most `concurrency` calls in flight. */
const pool = async (count, concurrency, fn) => {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await fn(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
};

/** Times a phase: wall time, client and server CPU. */
const timed = async (fn) => {
  const cpu0 = process.cpuUsage();
  const srv0 = procCpuSeconds(server.pid);
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const srv1 = procCpuSeconds(server.pid);
  return {
    wallMs,
    clientCpuPct: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    serverCpuPct: srv0 === undefined || srv1 === undefined ? undefined : ((srv1 - srv0) * 1000 * 100) / wallMs,
  };
};

const progress = (label, total) => {
  let done = 0;
  const t0 = performance.now();
  let last = t0;
  return () => {
    done += 1;
    const now = performance.now();
    if (now - last > 5000 && done < total) {
      last = now;
      log(`  ${label}: ${done}/${total} (${((done / (now - t0)) * 1000).toFixed(0)}/s)`);
    }
  };
};

// ---------------------------------------------------------------------------------------------
// Entra-shaped workload

const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ADSCIM_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const DEPARTMENTS = ["Engineering", "Sales", "Marketing", "Finance", "Support", "Legal", "Operations"];
const CITIES = [["Seattle", "US"], ["Dublin", "IE"], ["Berlin", "DE"], ["Singapore", "SG"], ["São Paulo", "BR"]];
const TITLES = ["Engineer", "Senior Engineer", "Account Executive", "Analyst", "Manager", "Designer"];

const emptyList = (body) => (body?.totalResults === 0 ? undefined : `expected an empty ListResponse, got totalResults=${body?.totalResults}`);
const hasId = (body) => (typeof body?.id === "string" && body.id ? undefined : "response has no id");

const userBody = (i, userName) => {
  const [city, country] = CITIES[i % CITIES.length];
  return {
    schemas: [CORE_USER, ENTERPRISE],
    externalId: crypto.randomUUID(),
    userName,
    active: true,
    displayName: `Bench User ${i}`,
    name: { givenName: "Bench", familyName: `User ${i}`, formatted: `Bench User ${i}` },
    emails: [{ type: "work", primary: true, value: userName }],
    title: TITLES[i % TITLES.length],
    phoneNumbers: [{ type: "mobile", value: `+1 555 ${String(i % 10000).padStart(4, "0")}` }],
    addresses: [{ type: "work", locality: city, country }],
    [ENTERPRISE]: { department: DEPARTMENTS[i % DEPARTMENTS.length], employeeNumber: String(100000 + i), location: city },
  };
};

const USER_OPS = ["GET /Users?filter", "POST /Users", "PATCH /Users/{id}"];
const GROUP_OPS = ["GET /Groups?filter", "POST /Groups", "PATCH /Groups/{id} add members", "PATCH /Groups/{id} remove members"];

// Entra's two PATCH dialects (IDP-DIALECTS.md); POST bodies and queries are the same in both.
const DIALECTS = {
  legacy: {
    label: "Entra ID without aadOptscim062020",
    userOps: (title, managerId) => [
      { op: "Replace", path: "title", value: title },
      { op: "Replace", path: "active", value: "True" },
      ...(managerId ? [{ op: "Add", path: `${ENTERPRISE}:manager`, value: managerId }] : []),
    ],
    addMembers: (ids) => [{ op: "Add", path: "members", value: ids.map((value) => ({ value })) }],
    removeMembers: (ids) => [{ op: "Remove", path: "members", value: ids.map((value) => ({ value })) }],
  },
  aadopt: {
    label: "Entra ID with aadOptscim062020",
    userOps: (title, managerId) => [{ op: "replace", value: { title, active: true, ...(managerId ? { [`${ENTERPRISE}:manager`]: managerId } : {}) } }],
    addMembers: (ids) => [{ op: "add", path: "members", value: ids.map((value) => ({ value })) }],
    removeMembers: (ids) => ids.map((id) => ({ op: "remove", path: `members[value eq "${id}"]` })),
  },
};
const dialect = DIALECTS[DIALECT];

/** Provisions `count` users the way Entra does; returns their ids (null where creation failed). */
const provisionUsers = async (rec, count, tag, tick = () => {}) => {
  const created = Array.from({ length: count }, deferred);
  const ids = new Array(count).fill(null);
  await pool(count, C, async (i) => {
    const userName = `bench.${tag}.${i}.${runId}@example.test`;
    try {
      const q = `${SCIM}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`;
      rec.record(USER_OPS[0], "GET", q, undefined, await send("GET", q), 200, emptyList);
      tick();
      const body = userBody(i, userName);
      const createdUser = rec.record(USER_OPS[1], "POST", `${SCIM}/Users`, body, await send("POST", `${SCIM}/Users`, body), 201, hasId);
      tick();
      ids[i] = createdUser?.id ?? null;
      created[i].resolve(ids[i]);
      if (!ids[i]) return;
      // Entra sends the manager once the manager exists; user i-1's POST is in flight or done.
      const manager = i > 0 ? await created[i - 1].promise : null;
      const patch = { schemas: [PATCH_OP], Operations: dialect.userOps(`${TITLES[(i + 1) % TITLES.length]} II`, manager) };
      const p = `${SCIM}/Users/${ids[i]}`;
      rec.record(USER_OPS[2], "PATCH", p, patch, await send("PATCH", p, patch), 200, hasId);
      tick();
    } finally {
      created[i].resolve(ids[i]); // no-op when already resolved
    }
  });
  return ids;
};

function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Creates `count` groups, adds `memberIds` in PATCHes of M members (per group in order), then
 * removes a tenth of them (at least one, at most M) in one PATCH.
 */
const provisionGroups = async (rec, count, memberIdsOf, tag, tick = () => {}) => {
  const created = []; // { id, members }: the membership each group should end with
  await pool(count, C, async (g) => {
    const displayName = `Bench Group ${tag} ${g} ${runId}`;
    const q = `${SCIM}/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`;
    rec.record(GROUP_OPS[0], "GET", q, undefined, await send("GET", q), 200, emptyList);
    tick();
    const body = { schemas: [CORE_GROUP, ADSCIM_GROUP], externalId: crypto.randomUUID(), displayName, members: [] };
    const group = rec.record(GROUP_OPS[1], "POST", `${SCIM}/Groups`, body, await send("POST", `${SCIM}/Groups`, body), 201, hasId);
    tick();
    if (!group?.id) return;
    const members = memberIdsOf(g);
    created[g] = { id: group.id, members: members.slice(Math.min(M, Math.ceil(members.length / 10))) };
    const p = `${SCIM}/Groups/${group.id}`;
    for (let start = 0; start < members.length; start += M) {
      const patch = { schemas: [PATCH_OP], Operations: dialect.addMembers(members.slice(start, start + M)) };
      rec.record(GROUP_OPS[2], "PATCH", p, patch, await send("PATCH", p, patch), 204);
      tick();
    }
    if (members.length === 0) return;
    const leaving = members.slice(0, Math.min(M, Math.ceil(members.length / 10)));
    const removal = { schemas: [PATCH_OP], Operations: dialect.removeMembers(leaving) };
    rec.record(GROUP_OPS[3], "PATCH", p, removal, await send("PATCH", p, removal), 204);
    tick();
  });
  return created;
};

/**
 * Not measured: reads back the last user and the first group. A build that answers the dialect's
 * PATCHes with 200/204 but ignores them (the manager, a removal) must not look fast.
 */
const verify = async (ids, groups) => {
  const rec = new Recorder(["read back"]);
  const i = ids.length - 1;
  if (ids[i]) {
    const p = `${SCIM}/Users/${ids[i]}`;
    rec.record("read back", "GET", p, undefined, await send("GET", p), 200, (u) => {
      const manager = u?.[ENTERPRISE]?.manager?.value;
      if (u?.title !== `${TITLES[(i + 1) % TITLES.length]} II`) return `title is ${JSON.stringify(u?.title)} after the PATCH`;
      if (u?.active !== true) return `active is ${JSON.stringify(u?.active)} after the PATCH`;
      if (i > 0 && ids[i - 1] && manager !== ids[i - 1]) return `manager is ${JSON.stringify(manager)}, expected ${ids[i - 1]}`;
      return undefined;
    });
  }
  const g = groups.find(Boolean);
  if (g) {
    const p = `${SCIM}/Groups/${g.id}`;
    rec.record("read back", "GET", p, undefined, await send("GET", p), 200, (body) => {
      const got = (body?.members ?? []).map((m) => m.value).sort();
      const want = [...g.members].sort();
      return got.length === want.length && got.every((v, k) => v === want[k]) ? undefined : `group has ${got.length} members, expected ${want.length}`;
    });
  }
  return rec;
};

/** Removal PATCHes the groups phase sends: one per group that has members. */
const removalsFor = (memberLists) => memberLists.filter((m) => m.length > 0).length;

// The two baselines: what a request costs with no database, and with one round trip to it.
const BASELINES = {
  ping: { op: "GET /api/ping", path: "/api/ping", status: 204, what: "route handler, no database" },
  health: { op: "GET /api/health", path: "/api/health", status: 200, what: "one SELECT 1 through Prisma" },
};
const baselineAll = async (b, rec, count, tick = () => {}) =>
  pool(count, C, async () => {
    rec.record(b.op, "GET", b.path, undefined, await send("GET", b.path, undefined, { auth: false }), b.status);
    tick();
  });

// ---------------------------------------------------------------------------------------------
// Report

const row = (op, latencies, errors, wallMs, pingP50) => {
  const sorted = Float64Array.from(latencies).sort();
  const p50 = percentile(sorted, 0.5);
  return {
    operation: op,
    requests: sorted.length,
    errors,
    reqPerSec: sorted.length / (wallMs / 1000),
    p50Ms: p50,
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
    xPingP50: p50 / pingP50,
  };
};

/** Interleaved operations of one phase: each op's req/s is its count ÷ the phase's wall time. */
const summarize = (short, name, rec, timing, pingP50, totalLabel) => {
  const rows = [];
  const all = [];
  let allErrors = 0;
  for (const [op, o] of rec.ops) {
    rows.push(row(op, o.latencies, o.errors, timing.wallMs, pingP50));
    all.push(...o.latencies);
    allErrors += o.errors;
  }
  if (totalLabel && rec.ops.size > 1) rows.push(row(totalLabel, all, allErrors, timing.wallMs, pingP50));
  return { short, phase: name, wallMs: timing.wallMs, clientCpuPct: timing.clientCpuPct, serverCpuPct: timing.serverCpuPct, rows };
};

/**
 * A baseline runs before the users and again after the groups; its reference row is both runs
 * pooled. `pingP50` is the ping reference's p50 (undefined while summarizing ping itself).
 */
const summarizeBaseline = (short, b, runs, pingP50) => {
  const lat = runs.map(({ rec }) => rec.ops.get(b.op).latencies);
  const errs = runs.map(({ rec }) => rec.ops.get(b.op).errors);
  const wallMs = runs.reduce((a, r) => a + r.timing.wallMs, 0);
  const ref = pingP50 ?? percentile(Float64Array.from(lat.flat()).sort(), 0.5);
  const rows = runs.map((r, k) => row(`${b.op} (${r.label})`, lat[k], errs[k], r.timing.wallMs, ref));
  rows.push(row(`${b.op} (both, reference)`, lat.flat(), errs[0] + errs[1], wallMs, ref));
  const cpu = (key) => runs.reduce((a, r) => a + (r.timing[key] ?? NaN) * r.timing.wallMs, 0) / wallMs;
  return { short, phase: `baseline: ${b.op} (${b.what}), before the users and after the groups`, wallMs, clientCpuPct: cpu("clientCpuPct"), serverCpuPct: cpu("serverCpuPct"), rows };
};

/** Throughput and p50 over each tenth of a phase's requests (in completion order): a rate that
 *  falls from the first tenth to the last means the per-request cost grows with the data. */
const trend = (rec, parts = 10) => {
  const tl = rec.timeline;
  const out = [];
  for (let k = 0; k < parts && tl.length >= parts; k++) {
    const from = Math.floor((k * tl.length) / parts);
    const to = Math.floor(((k + 1) * tl.length) / parts);
    const start = k === 0 ? rec.t0 : tl[from - 1][0];
    const slice = tl.slice(from, to);
    out.push({ reqPerSec: slice.length / ((slice[slice.length - 1][0] - start) / 1000), p50Ms: percentile(Float64Array.from(slice, (e) => e[1]).sort(), 0.5) });
  }
  return out;
};

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
const pct = (n) => (Number.isFinite(n) ? `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(1)} %` : "-");

// Markdown, so the table pastes into an issue note as it is.
const printTable = (phases) => {
  const header = ["phase", "operation", "requests", "errors", "req/s", "p50 ms", "p99 ms", "× ping p50"];
  const lines = [`| ${header.join(" | ")} |`, `|:--|:--|${"--:|".repeat(header.length - 2)}`];
  for (const ph of phases) {
    for (const r of ph.rows) {
      lines.push(`| ${ph.short} | ${r.operation} | ${r.requests} | ${r.errors} | ${fmt(r.reqPerSec, 0)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${fmt(r.xPingP50, 1)}× |`);
    }
  }
  return lines.join("\n");
};

// ---------------------------------------------------------------------------------------------
// Main

/** Status of GET `p`, or 0 when nothing answers. */
const probe = (p) =>
  new Promise((resolve) => {
    const req = http.get(`${baseUrl}${p}`, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", () => resolve(0));
  });

const main = async () => {
  const nextVersion = JSON.parse(fs.readFileSync(path.join(APP_DIR, "node_modules/next/package.json"), "utf8")).version;
  let databaseUrl;
  let engineInfo = ENGINE;
  if (ENGINE === "sqlite") {
    databaseUrl = `file:${path.join(tmpDir, "bench.db")}`;
    engineInfo = "sqlite (better-sqlite3, temp file)";
  } else {
    const { default: pg } = await import("pg");
    const admin = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
    const name = `muster_bench_${runId}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    const version = (await c.query("SHOW server_version")).rows[0].server_version;
    await c.query(`CREATE DATABASE ${name}`);
    pgDatabase = { admin, name };
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    engineInfo = `postgres ${version} (${url.host}, fresh database ${name})`;
  }

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    MUSTER_DATA_DIR: tmpDir,
    NEXTAUTH_SECRET: "bench-secret",
    MUSTER_BASE_URL: baseUrl,
    MUSTER_SCIM_RATE_LIMIT: "0",
  };

  const cpus = os.cpus();
  const app = { dir: APP_DIR, commit: commitOf(APP_DIR) ?? "unknown" };
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim(),
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    next: nextVersion,
    build: `${DIST_DIR}/BUILD_ID ${fs.readFileSync(path.join(APP_DIR, DIST_DIR, "BUILD_ID"), "utf8").trim()}`,
    database: engineInfo,
  };
  const config = {
    users: N,
    groups: G,
    concurrency: C,
    membersPerPatch: M,
    dialect: DIALECT,
    baselineRequests: BASELINE_REQUESTS,
    warmupPerEndpoint: WARMUP,
    client: "node:http keep-alive Agent",
    runId,
    benchScript: commitOf(root) ?? "unknown",
  };
  process.stdout.write(
    `Muster SCIM benchmark — Entra initial cycle, ${DIALECT} (${dialect.label})\n` +
      `app:      ${app.commit} at ${APP_DIR}${APP_DIR === root ? " (this checkout)" : ""}\n` +
      `machine:  ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}\n` +
      `runtime:  node ${machine.node}, next ${machine.next}, NODE_ENV=production (next start, build ${machine.build})\n` +
      `database: ${machine.database}\n` +
      `workload: ${N} users, ${G} groups, ${M} members/PATCH, concurrency ${C}; baselines ${BASELINE_REQUESTS} × GET /api/ping and /api/health, before and after\n\n`,
  );

  log(`starting next on ${baseUrl} …`);
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: APP_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (d) => {
    serverLog.push(...String(d).split("\n").filter(Boolean));
    if (serverLog.length > 400) serverLog = serverLog.slice(-200);
  };
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  // Ready when /api/health says the database answers; a checkout without that route is ready
  // when /api/ping answers, and is then measured against ping alone.
  const deadline = Date.now() + 90_000;
  let healthStatus;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode}:\n${serverLog.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`the app did not answer GET /api/health with 200 within 90 s:\n${serverLog.join("\n")}`);
    healthStatus = await probe("/api/health");
    if (healthStatus === 200) break;
    if (healthStatus === 404 && (await probe("/api/ping")) === 204) break;
    await sleep(150);
  }
  const haveHealth = healthStatus === 200;
  if (!haveHealth) log("GET /api/health answers 404 in this checkout: measuring against ping alone");

  log("creating workspace and token …");
  const cli = async (...cliArgs) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/muster.ts", ...cliArgs], { cwd: APP_DIR, env });
      return JSON.parse(stdout);
    } catch (err) {
      throw new Error(`muster ${cliArgs.join(" ")} failed: ${err.stderr || err.message}`);
    }
  };
  const ws = await cli("workspace:create", "--name", "Bench", "--owner", "bench@example.test");
  const { token } = await cli("token:create", "--workspace", ws.slug ?? "bench", "--name", "Bench");
  authHeader = `Bearer ${token}`;
  agent = new http.Agent({ keepAlive: true, maxSockets: C });

  // Warm-up (not measured): every endpoint kind WARMUP times.
  log(`warming up (${WARMUP} requests per endpoint kind) …`);
  const warm = new Recorder([BASELINES.ping.op, BASELINES.health.op, ...USER_OPS, ...GROUP_OPS]);
  await baselineAll(BASELINES.ping, warm, WARMUP);
  if (haveHealth) await baselineAll(BASELINES.health, warm, WARMUP);
  const warmIds = (await provisionUsers(warm, WARMUP, "warm")).filter(Boolean);
  await provisionGroups(warm, WARMUP, (g) => Array.from({ length: Math.min(M, warmIds.length) }, (_, k) => warmIds[(g * M + k) % warmIds.length]), "warm");
  if (totalErrors > 0) log(`warm-up had ${totalErrors} error(s)`);

  // One run of a baseline: its recorder and timing.
  const runBaseline = async (b, label) => {
    log(`baseline (${label}): ${BASELINE_REQUESTS} × ${b.op} …`);
    const rec = new Recorder([b.op]);
    const timing = await timed(() => baselineAll(b, rec, BASELINE_REQUESTS));
    return { label, rec, timing };
  };
  const pingBefore = await runBaseline(BASELINES.ping, "before");
  const healthBefore = haveHealth ? await runBaseline(BASELINES.health, "before") : undefined;

  // Users.
  log(`users: ${N} × (filter GET, POST, PATCH) …`);
  const userRec = new Recorder(USER_OPS);
  let ids;
  const userTiming = await timed(async () => {
    ids = await provisionUsers(userRec, N, "user", progress("user requests", N * 3));
  });

  // Groups.
  const byGroup = Array.from({ length: G }, () => []);
  ids.forEach((id, i) => id && byGroup[i % G].push(id));
  const adds = byGroup.reduce((n, m) => n + Math.ceil(m.length / M), 0);
  const removals = removalsFor(byGroup);
  log(`groups: ${G} × (filter GET, POST) + ${adds} member-add and ${removals} member-removal PATCHes …`);
  const groupRec = new Recorder(GROUP_OPS);
  let createdGroups;
  const groupTiming = await timed(async () => {
    createdGroups = await provisionGroups(groupRec, G, (g) => byGroup[g], "group", progress("group requests", G * 2 + adds + removals));
  });

  // Baselines again, in the opposite order.
  const healthAfter = haveHealth ? await runBaseline(BASELINES.health, "after") : undefined;
  const pingAfter = await runBaseline(BASELINES.ping, "after");
  const checked = await verify(ids, createdGroups);

  const ping = summarizeBaseline("ping", BASELINES.ping, [pingBefore, pingAfter]);
  const pingRef = ping.rows[ping.rows.length - 1];
  const pingP50 = pingRef.p50Ms;
  const health = haveHealth ? summarizeBaseline("health", BASELINES.health, [healthBefore, healthAfter], pingP50) : undefined;
  const healthRef = health?.rows[health.rows.length - 1];
  const users = summarize("users", `users: ${N} × (filter GET, POST, PATCH), ${C} users in flight`, userRec, userTiming, pingP50, "all user requests");
  users.trend = trend(userRec);
  const groups = summarize(
    "groups",
    `groups: ${G} × (filter GET, POST, member PATCHes of ${M}, one removal), ${Math.min(C, G)} groups in flight`,
    groupRec,
    groupTiming,
    pingP50,
    "all group requests",
  );

  const phases = [ping, ...(health ? [health] : []), users, groups];
  const userTotal = users.rows[users.rows.length - 1];
  const vs = (b) => (b ? { reqPerSec: b.reqPerSec, ratio: userTotal.reqPerSec / b.reqPerSec } : undefined);
  const ratios = {
    ping: vs(pingRef),
    pingBefore: vs(ping.rows[0]),
    pingAfter: vs(ping.rows[1]),
    health: vs(healthRef),
    healthBefore: vs(health?.rows[0]),
    healthAfter: vs(health?.rows[1]),
  };
  const [first, last] = [users.trend[0], users.trend[users.trend.length - 1]];
  const lastVsFirstTenthPct = first && last ? (last.reqPerSec / first.reqPerSec - 1) * 100 : NaN;
  const usersPerSec = N / (userTiming.wallMs / 1000);

  const timingLine = phases.map((ph) => `${ph.short} ${fmt(ph.wallMs / 1000, 2)} s (server ${fmt(ph.serverCpuPct, 0)} %, client ${fmt(ph.clientCpuPct, 0)} %)`).join(" · ");
  const ratioText = (name, r, before, after) =>
    r ? `${fmt(r.ratio, 3)} × ${name} (${fmt(r.reqPerSec, 0)} req/s; before/after ${fmt(before.ratio, 3)}/${fmt(after.ratio, 3)})` : `${name} not measured (no GET /api/health in this checkout)`;
  process.stdout.write(
    `${printTable(phases)}\n\n` +
      `- wall and CPU: ${timingLine}\n` +
      (users.trend.length
        ? `- user phase by tenth of its requests, req/s: ${users.trend.map((t) => fmt(t.reqPerSec, 0)).join(" · ")}; last tenth vs first: ${pct(lastVsFirstTenthPct)}\n`
        : "") +
      `- user phase ${fmt(userTotal.reqPerSec, 0)} req/s = ${ratioText("ping", ratios.ping, ratios.pingBefore, ratios.pingAfter)} = ${ratioText("health", ratios.health, ratios.healthBefore, ratios.healthAfter)}; ${fmt(usersPerSec, 0)} users provisioned/s\n`,
  );

  const serverErrors = [userRec, groupRec, warm, checked, ...[pingBefore, pingAfter, healthBefore, healthAfter].filter(Boolean).map((r) => r.rec)].reduce((n, r) => n + r.serverErrors, 0);
  if (totalErrors > 0) {
    process.stdout.write(`\nERRORS: ${totalErrors} unexpected response(s), ${serverErrors} of them 5xx. First ones:\n`);
    for (const s of allErrorSamples) process.stdout.write(`  ${s.method} ${s.path} → ${s.problem}\n    request:  ${s.request ?? "(no body)"}\n    response: ${s.response || "(empty)"}\n`);
    if (serverErrors > 0) process.stdout.write(`\nlast server log lines:\n${serverLog.slice(-40).join("\n")}\n`);
  }

  if (JSON_FILE) {
    fs.mkdirSync(path.dirname(JSON_FILE), { recursive: true });
    const result = {
      date: new Date().toISOString(),
      app,
      machine,
      config,
      phases,
      overall: {
        scimUserPhaseReqPerSec: userTotal.reqPerSec,
        pingReqPerSec: pingRef.reqPerSec,
        healthReqPerSec: healthRef?.reqPerSec ?? null,
        ratio: ratios.ping.ratio, // = ratioVsPing, kept for older readers of this file
        ratioVsPing: ratios.ping.ratio,
        ratioVsPingBefore: ratios.pingBefore.ratio,
        ratioVsPingAfter: ratios.pingAfter.ratio,
        ratioVsHealth: ratios.health?.ratio ?? null,
        ratioVsHealthBefore: ratios.healthBefore?.ratio ?? null,
        ratioVsHealthAfter: ratios.healthAfter?.ratio ?? null,
        usersPerSec,
        userPhaseByTenth: users.trend,
        lastVsFirstTenthPct: Number.isFinite(lastVsFirstTenthPct) ? lastVsFirstTenthPct : null,
      },
      errors: { total: totalErrors, serverErrors, samples: allErrorSamples },
    };
    fs.writeFileSync(JSON_FILE, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), JSON_FILE) || JSON_FILE}`);
  }
  return totalErrors === 0 ? 0 : 1;
};

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  process.stderr.write(`bench failed: ${err.stack || err.message}\n`);
  if (server && serverLog.length) process.stderr.write(`last server log lines:\n${serverLog.slice(-40).join("\n")}\n`);
} finally {
  agent?.destroy();
  await cleanup();
}
process.exit(exitCode);
