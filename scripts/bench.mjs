// SCIM throughput benchmark: replays a Microsoft Entra ID initial provisioning cycle against the
// built app and compares it with an empty route handler (GET /api/ping) measured in the same run,
// so the numbers are read as ratios rather than absolutes (machines are noisy).
//
//   npm run build && npm run bench -- [--users N] [--concurrency C] [--groups G]
//     [--members-per-patch M] [--database sqlite|postgres] [--json FILE]
//
// Per user, in Entra's order: GET /Users?filter=userName eq "…" (200, empty), POST /Users (201),
// PATCH /Users/{id} (title + manager, 200). Then per group: GET /Groups?filter=displayName eq "…"
// &excludedAttributes=members (200, empty), POST /Groups (201), then every user added round-robin
// in PATCH requests of M members (204). C users (or groups) are in flight at once; all phases,
// the baseline included, go through the same keep-alive http.Agent with at most C sockets.
//
// PostgreSQL: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test) is an admin
// URL; the benchmark creates a fresh database there and drops it at the end.
//
// The baseline (GET /api/ping, a route handler that touches no database) runs before the users and
// again after the groups; "× ping p50" and the final ratio are against both runs pooled, so drift
// in machine noise over the run shows up in the before/after rows instead of skewing the ratio.
import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const usage = `usage: npm run bench -- [--users N] [--concurrency C] [--groups G] [--members-per-patch M] [--database sqlite|postgres] [--json FILE]`;

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
const JSON_FILE = args.json ? path.resolve(args.json) : undefined;
const BASELINE_REQUESTS = Math.max(2000, N);
const WARMUP = 200;

// next.config.js builds into NEXT_DIST_DIR when set; `next start` (same env) serves from there too.
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
if (!fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) fail(`run \`npm run build\` first${process.env.NEXT_DIST_DIR ? ` (with NEXT_DIST_DIR=${DIST_DIR})` : ""}`);

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
const GROUP_OPS = ["GET /Groups?filter", "POST /Groups", "PATCH /Groups/{id} members"];

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
      const patch = {
        schemas: [PATCH_OP],
        Operations: [
          { op: "Replace", path: "title", value: `${TITLES[(i + 1) % TITLES.length]} II` },
          ...(manager ? [{ op: "Add", path: `${ENTERPRISE}:manager`, value: manager }] : []),
        ],
      };
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

/** Creates `count` groups and adds `memberIds` round-robin in PATCHes of M members (per group in order). */
const provisionGroups = async (rec, count, memberIdsOf, tag, tick = () => {}) => {
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
    const p = `${SCIM}/Groups/${group.id}`;
    for (let start = 0; start < members.length; start += M) {
      const patch = { schemas: [PATCH_OP], Operations: [{ op: "Add", path: "members", value: members.slice(start, start + M).map((value) => ({ value })) }] };
      rec.record(GROUP_OPS[2], "PATCH", p, patch, await send("PATCH", p, patch), 204);
      tick();
    }
  });
};

const PING = "GET /api/ping";
const pingAll = async (rec, count, tick = () => {}) =>
  pool(count, C, async () => {
    rec.record(PING, "GET", "/api/ping", undefined, await send("GET", "/api/ping", undefined, { auth: false }), 204);
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
const summarize = (name, rec, timing, pingP50, totalLabel) => {
  const rows = [];
  const all = [];
  let allErrors = 0;
  for (const [op, o] of rec.ops) {
    rows.push(row(op, o.latencies, o.errors, timing.wallMs, pingP50));
    all.push(...o.latencies);
    allErrors += o.errors;
  }
  if (totalLabel && rec.ops.size > 1) rows.push(row(totalLabel, all, allErrors, timing.wallMs, pingP50));
  return { phase: name, wallMs: timing.wallMs, clientCpuPct: timing.clientCpuPct, serverCpuPct: timing.serverCpuPct, rows };
};

/** The baseline runs before the users and again after the groups; the reference is both runs pooled. */
const summarizeBaseline = (runs) => {
  const lat = runs.map(({ rec }) => rec.ops.get(PING).latencies);
  const errs = runs.map(({ rec }) => rec.ops.get(PING).errors);
  const wallMs = runs.reduce((a, r) => a + r.timing.wallMs, 0);
  const pooledP50 = percentile(Float64Array.from(lat.flat()).sort(), 0.5);
  const rows = runs.map((r, k) => row(`${PING} (${r.label})`, lat[k], errs[k], r.timing.wallMs, pooledP50));
  rows.push(row(`${PING} (both, reference)`, lat.flat(), errs[0] + errs[1], wallMs, pooledP50));
  const cpu = (key) => runs.reduce((a, r) => a + (r.timing[key] ?? NaN) * r.timing.wallMs, 0) / wallMs;
  return { phase: "baseline: empty route handler, before the users and after the groups", wallMs, clientCpuPct: cpu("clientCpuPct"), serverCpuPct: cpu("serverCpuPct"), rows };
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

const printTable = (phases) => {
  const header = ["operation", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms", "× ping p50"];
  const lines = [];
  for (const ph of phases) {
    lines.push({ title: `${ph.phase} — wall ${fmt(ph.wallMs / 1000, 2)} s, CPU: server ${fmt(ph.serverCpuPct, 0)}%, bench client ${fmt(ph.clientCpuPct, 0)}%` });
    for (const r of ph.rows) lines.push([r.operation, String(r.requests), String(r.errors), fmt(r.reqPerSec, 0), fmt(r.p50Ms, 2), fmt(r.p99Ms, 2), fmt(r.maxMs, 1), `${fmt(r.xPingP50, 1)}×`]);
  }
  const widths = header.map((h, c) => Math.max(h.length, ...lines.filter(Array.isArray).map((l) => l[c].length)));
  const render = (cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  const rule = "-".repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [render(header), rule];
  for (const l of lines) out.push(Array.isArray(l) ? render(l) : `${out.length > 2 ? "\n" : ""}[${l.title}]`);
  return out.join("\n");
};

// ---------------------------------------------------------------------------------------------
// Main

const main = async () => {
  const nextVersion = JSON.parse(fs.readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")).version;
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
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim(),
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    next: nextVersion,
    build: `${DIST_DIR}/BUILD_ID ${fs.readFileSync(path.join(root, DIST_DIR, "BUILD_ID"), "utf8").trim()}`,
    database: engineInfo,
  };
  const config = { users: N, groups: G, concurrency: C, membersPerPatch: M, baselineRequests: BASELINE_REQUESTS, warmupPerEndpoint: WARMUP, client: "node:http keep-alive Agent", runId };
  process.stdout.write(
    `Muster SCIM benchmark — Entra initial cycle\n` +
      `machine:  ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}\n` +
      `runtime:  node ${machine.node}, next ${machine.next}, NODE_ENV=production (next start, build ${machine.build})\n` +
      `database: ${machine.database}\n` +
      `workload: ${N} users, ${G} groups, ${M} members/PATCH, concurrency ${C}, baseline ${BASELINE_REQUESTS} × GET /api/ping\n\n`,
  );

  log(`starting next on ${baseUrl} …`);
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (d) => {
    serverLog.push(...String(d).split("\n").filter(Boolean));
    if (serverLog.length > 400) serverLog = serverLog.slice(-200);
  };
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode}:\n${serverLog.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`the app did not answer GET /api/health with 200 within 90 s:\n${serverLog.join("\n")}`);
    const ok = await new Promise((resolve) => {
      const req = http.get(`${baseUrl}/api/health`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
    });
    if (ok) break;
    await sleep(150);
  }

  log("creating workspace and token …");
  const cli = async (...cliArgs) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/muster.ts", ...cliArgs], { cwd: root, env });
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
  const warm = new Recorder([PING, ...USER_OPS, ...GROUP_OPS]);
  await pingAll(warm, WARMUP);
  const warmIds = (await provisionUsers(warm, WARMUP, "warm")).filter(Boolean);
  await provisionGroups(warm, WARMUP, (g) => Array.from({ length: Math.min(M, warmIds.length) }, (_, k) => warmIds[(g * M + k) % warmIds.length]), "warm");
  if (totalErrors > 0) log(`warm-up had ${totalErrors} error(s)`);

  // Baseline, first half: the same requests run again after the groups (noise drifts over a run).
  log(`baseline (before): ${BASELINE_REQUESTS} × GET /api/ping …`);
  const pingBefore = new Recorder([PING]);
  const pingBeforeTiming = await timed(() => pingAll(pingBefore, BASELINE_REQUESTS));

  // Users.
  log(`users: ${N} × (filter GET, POST, PATCH) …`);
  const userRec = new Recorder(USER_OPS);
  let ids;
  const userTiming = await timed(async () => {
    ids = await provisionUsers(userRec, N, "user", progress("user requests", N * 3));
  });
  const usersPhase = [`users: ${N} × (filter GET, POST, PATCH), ${C} users in flight`, userRec, userTiming];

  // Groups.
  const byGroup = Array.from({ length: G }, () => []);
  ids.forEach((id, i) => id && byGroup[i % G].push(id));
  const patches = byGroup.reduce((n, m) => n + Math.ceil(m.length / M), 0);
  log(`groups: ${G} × (filter GET, POST) + ${patches} member PATCHes …`);
  const groupRec = new Recorder(GROUP_OPS);
  const groupTiming = await timed(() => provisionGroups(groupRec, G, (g) => byGroup[g], "group", progress("group requests", G * 2 + patches)));
  const groupsPhase = [`groups: ${G} × (filter GET, POST, member PATCHes of ${M}), ${Math.min(C, G)} groups in flight`, groupRec, groupTiming];

  log(`baseline (after): ${BASELINE_REQUESTS} × GET /api/ping …`);
  const pingAfter = new Recorder([PING]);
  const pingAfterTiming = await timed(() => pingAll(pingAfter, BASELINE_REQUESTS));
  const ping = summarizeBaseline([
    { label: "before", rec: pingBefore, timing: pingBeforeTiming },
    { label: "after", rec: pingAfter, timing: pingAfterTiming },
  ]);
  const pingRef = ping.rows[ping.rows.length - 1];
  const pingP50 = pingRef.p50Ms;
  const users = summarize(...usersPhase, pingP50, "all user requests");
  users.trend = trend(userRec);
  const groups = summarize(...groupsPhase, pingP50, "all group requests");

  const phases = [ping, users, groups];
  const pingRps = pingRef.reqPerSec;
  const userTotal = users.rows[users.rows.length - 1];
  const ratio = userTotal.reqPerSec / pingRps;
  process.stdout.write(`${printTable(phases)}\n\n`);
  if (users.trend.length) {
    process.stdout.write(`user phase by tenth of its requests (req/s, p50 ms): ${users.trend.map((t) => `${fmt(t.reqPerSec, 0)}/${fmt(t.p50Ms, 0)}`).join("  ")}\n`);
  }
  const [before, after] = ping.rows;
  process.stdout.write(
    `overall: SCIM user phase ${fmt(userTotal.reqPerSec, 0)} req/s vs ping ${fmt(pingRps, 0)} req/s → ratio ${fmt(ratio, 3)} ` +
      `(ping is ${fmt(1 / ratio, 1)}× the SCIM request rate; against ping before/after only: ${fmt(userTotal.reqPerSec / before.reqPerSec, 3)}/${fmt(userTotal.reqPerSec / after.reqPerSec, 3)}); ` +
      `${fmt(N / (userTiming.wallMs / 1000), 0)} users provisioned/s\n`,
  );

  const serverErrors = userRec.serverErrors + groupRec.serverErrors + pingBefore.serverErrors + pingAfter.serverErrors + warm.serverErrors;
  if (totalErrors > 0) {
    process.stdout.write(`\nERRORS: ${totalErrors} unexpected response(s), ${serverErrors} of them 5xx. First ones:\n`);
    for (const s of allErrorSamples) process.stdout.write(`  ${s.method} ${s.path} → ${s.problem}\n    request:  ${s.request ?? "(no body)"}\n    response: ${s.response || "(empty)"}\n`);
    if (serverErrors > 0) process.stdout.write(`\nlast server log lines:\n${serverLog.slice(-40).join("\n")}\n`);
  }

  if (JSON_FILE) {
    fs.mkdirSync(path.dirname(JSON_FILE), { recursive: true });
    const result = {
      date: new Date().toISOString(),
      machine,
      config,
      phases,
      overall: {
        scimUserPhaseReqPerSec: userTotal.reqPerSec,
        pingReqPerSec: pingRps,
        ratio,
        ratioVsPingBefore: userTotal.reqPerSec / before.reqPerSec,
        ratioVsPingAfter: userTotal.reqPerSec / after.reqPerSec,
        usersPerSec: N / (userTiming.wallMs / 1000),
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
