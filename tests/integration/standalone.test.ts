// The standalone server — `node .next/standalone/server.js`, what the Docker image runs — from its
// own folder, on a fresh database of each engine: liveness, readiness, SCIM, a signed-in page with
// its static assets, and a graceful SIGTERM: readiness turns 503, new connections are refused, the
// request in flight (a SCIM create whose body is still arriving) completes, the email the outbox
// worker was sending is handed back, and the process exits 0 within its bound.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningApp } from "../support/app";
import { engines, freshDatabase, type Engine, type TestDatabase } from "../support/engines";
import { entraUser } from "../support/scim-client";
import { createTenant, type Tenant } from "../support/scim-tenant";
import { muster } from "../support/cli";
import { signIn } from "../support/session";
import { sql } from "../support/sql";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const standaloneDir = path.resolve(distDir, "standalone");
const DELAY_MS = 1000;
const TIMEOUT_MS = 8000;

// The build leaves static assets out of the standalone folder (a CDN may serve them); the
// Dockerfile copies them in, and so does this test.
const placeStaticAssets = () => {
  fs.cpSync(path.resolve(distDir, "static"), path.join(standaloneDir, distDir, "static"), { recursive: true });
};

// An SMTP server that accepts connections and never greets: a send hangs, the email stays leased.
const startSilentSmtp = async () => {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => sockets.size,
    stop: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
};

type Server = { app: RunningApp; child: ChildProcess; output: () => string; exited: Promise<number | null> };

const startStandalone = async (db: TestDatabase, env: Record<string, string>, ready: (status: number) => boolean = (status) => status === 200): Promise<Server> => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: db.url,
    MUSTER_DATA_DIR: db.dataDir,
    NEXTAUTH_URL: baseUrl,
    MUSTER_BASE_URL: baseUrl,
    NEXTAUTH_SECRET: "test-secret-not-for-production-use-0123456789",
    ...env,
  };
  let output = "";
  // From another folder on purpose: server.js must find everything relative to itself.
  const child = spawn(process.execPath, [path.join(standaloneDir, "server.js")], { cwd: db.dataDir, env: appEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`standalone server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`standalone server did not become ready:\n${output}`);
    const status = await fetch(`${baseUrl}/api/health`).then((r) => r.status, () => 0);
    if (ready(status)) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { app: { baseUrl, db, env: appEnv, output: () => output, kill, stop }, child, output: () => output, exited };
};

// A request on a connection of its own (no keep-alive pool that could reuse an open one).
const fresh = (baseUrl: string, pathname: string) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    http
      .get(`${baseUrl}${pathname}`, { agent: false }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      })
      .on("error", reject);
  });

const shippedMigrations = (engine: Engine) =>
  fs
    .readdirSync(path.resolve("prisma", engine, "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

const time = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).getTime();

describe.each(engines())("standalone server on %s", (engine) => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSilentSmtp>>;
  let server: Server;
  let tenant: Tenant;
  const password = "correct horse battery staple 42";

  beforeAll(async () => {
    placeStaticAssets();
    db = await freshDatabase(engine);
    smtp = await startSilentSmtp();
    server = await startStandalone(db, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: "Muster <muster@example.test>",
      MUSTER_MAIL_WORKER_INTERVAL_MS: "200",
      MUSTER_SHUTDOWN_DELAY_MS: String(DELAY_MS),
      MUSTER_SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
      // Next.js's own signal handler is replaced either way; PostgreSQL runs the documented switch.
      ...(engine === "postgres" ? { NEXT_MANUAL_SIG_HANDLE: "true" } : {}),
    });
    tenant = await createTenant(server.app, "Standalone");
    // No activation emails: the one email of the shutdown test is then the one the worker holds.
    await sql(server.app, `UPDATE "Workspace" SET "sendActivationEmails" = $1 WHERE id = $2`, [engine === "sqlite" ? 0 : false, tenant.workspaceId]);
  }, 90_000);

  afterAll(async () => {
    if (process.env.TEST_APP_LOG && server) fs.appendFileSync(process.env.TEST_APP_LOG, server.output());
    await server?.app.stop();
    await smtp?.stop();
    await db?.drop();
  });

  it("GET /api/ping answers 204 (liveness)", async () => {
    const res = await fetch(`${server.app.baseUrl}/api/ping`);
    expect(res.status).toBe(204);
  });

  it("GET /api/health is ready: database reachable, every shipped migration applied, outbox worker running", async () => {
    const res = await fetch(`${server.app.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      status: "ok",
      database: { engine, reachable: true },
      migrations: { shipped: shippedMigrations(engine).length, pending: [] },
      worker: { running: true, lastPassAt: expect.any(String), lastPassOk: true },
    });
  });

  it("serves SCIM from the standalone files (generated Prisma client, native SQLite driver, migrations)", async () => {
    const created = await tenant.client.post("/Users", entraUser());
    expect(created.status).toBe(201);
    const read = await tenant.client.get(`/Users/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.userName).toBe(created.body.userName);
  });

  it("signs an admin in (Argon2 in the standalone server) and renders a dashboard page with its static assets", async () => {
    const { slug } = await muster<{ slug: string }>(server.app.env, "workspace:create", "--name", `Standalone ${engine}`, "--owner", `owner-${engine}@example.test`, "--password", password);
    const session = await signIn(server.app.baseUrl, `owner-${engine}@example.test`, password);
    const page = await session(`/w/${slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Standalone ${engine}`);
    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetch(`${server.app.baseUrl}${asset}`)).status).toBe(200);
  });

  it("SIGTERM: readiness 503, new connections refused, the request in flight completes, the leased email is handed back, exit 0", async () => {
    const { baseUrl } = server.app;
    // An email for the outbox worker, which claims it and hangs on the silent SMTP server.
    const user = entraUser();
    const email = user.userName as string;
    expect((await tenant.client.post("/Users", user)).status).toBe(201);
    expect((await fetch(`${baseUrl}/api/sign-in-pages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email }) })).status).toBe(202);
    const outbox = () => sql(server.app, `SELECT "nextAttempt", "sentAt", attempts FROM "OutboxEmail" WHERE "to" = $1`, [email]);
    for (let i = 0; ; i++) {
      const [row] = await outbox();
      if (row && time(row.nextAttempt) > Date.now() + 60_000) break; // leased (2 minutes ahead)
      if (i > 100) throw new Error(`the worker did not claim the email: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(smtp.connections()).toBe(1);

    // A SCIM create whose body is still arriving when the signal comes.
    const slow = entraUser();
    const body = Buffer.from(JSON.stringify(slow));
    let slowRequest: http.ClientRequest | undefined;
    const answer = new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      const req = http.request(`${baseUrl}/api/scim/v2/Users`, {
        method: "POST",
        agent: false,
        headers: { Authorization: `Bearer ${tenant.token}`, "Content-Type": "application/scim+json", "Content-Length": body.length },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
      });
      req.on("error", reject);
      req.write(body.subarray(0, 10));
      slowRequest = req;
    });
    await new Promise((r) => setTimeout(r, 300)); // the server has the headers: the request is in flight

    const signalled = Date.now();
    server.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    // During the delay the instance still accepts, and tells a load balancer to go elsewhere.
    const health = await fresh(baseUrl, "/api/health");
    expect(health.status).toBe(503);
    expect(health.headers["retry-after"]).toBe("5");
    expect(JSON.parse(health.body)).toMatchObject({ status: "shutting down" });
    // Then the listening socket closes: a new connection is refused (a proxy retries elsewhere).
    let refused: string | undefined;
    while (!refused && Date.now() - signalled < DELAY_MS + 2000) {
      refused = await fresh(baseUrl, "/api/ping").then(
        () => undefined,
        (err: NodeJS.ErrnoException) => err.code,
      );
      if (!refused) await new Promise((r) => setTimeout(r, 50));
    }
    expect(refused).toBe("ECONNREFUSED");
    expect(server.child.exitCode).toBeNull(); // still waiting for the request in flight

    slowRequest!.end(body.subarray(10));
    const res = await answer;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).userName).toBe(slow.userName);
    expect(res.connection).toBe("close");

    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(DELAY_MS + TIMEOUT_MS);
    // The log says so (a JSON line, flushed before the process exited).
    const lines = server.output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { msg?: string; released?: number });
    expect(lines.find((l) => l.msg?.includes("handed back"))).toMatchObject({ released: 1 });
    // Another instance may send the email at once: it is due now, not in two minutes.
    const [row] = await outbox();
    expect(row!.sentAt).toBeNull();
    expect(Number(row!.attempts)).toBe(0);
    expect(time(row!.nextAttempt)).toBeLessThanOrEqual(Date.now());
    // The acknowledged create is in the database.
    const [employee] = await sql(server.app, `SELECT "userName" FROM "Employee" WHERE "userName" = $1`, [slow.userName]);
    expect(employee).toBeTruthy();
  }, 30_000);
});

describe.each(engines())("standalone server on %s, started before its migrations", (engine) => {
  let db: TestDatabase;
  let server: Server;
  const BOUND_MS = 1500;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    server = await startStandalone(db, { MUSTER_AUTO_MIGRATE: "false", MUSTER_SHUTDOWN_TIMEOUT_MS: String(BOUND_MS) }, (status) => status === 503);
  }, 90_000);

  afterAll(async () => {
    if (process.env.TEST_APP_LOG && server) fs.appendFileSync(process.env.TEST_APP_LOG, server.output());
    await server?.app.stop();
    await db?.drop();
  });

  it("is alive but not ready until the migrations are applied, then ready without a restart", async () => {
    const { baseUrl } = server.app;
    expect((await fetch(`${baseUrl}/api/ping`)).status).toBe(204);
    const before = await fetch(`${baseUrl}/api/health`);
    expect(before.status).toBe(503);
    expect(before.headers.get("retry-after")).toBe("5");
    expect(await before.json()).toMatchObject({ status: "unavailable", database: { engine, reachable: true }, migrations: { pending: shippedMigrations(engine) } });
    // The explicit release step of the README, run while the instance waits.
    await muster(server.app.env, "db:migrate");
    const after = await fetch(`${baseUrl}/api/health`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: "ok", migrations: { shipped: shippedMigrations(engine).length, pending: [] } });
  });

  it("SIGTERM with a request that outlasts MUSTER_SHUTDOWN_TIMEOUT_MS: the request is cut and the process exits 1 at the bound", async () => {
    const { baseUrl } = server.app;
    const hanging = new Promise<string>((resolve) => {
      // A route that reads its body before anything else; the rest of the body never comes.
      const req = http.request(`${baseUrl}/api/sign-in-pages`, { method: "POST", agent: false, headers: { "Content-Type": "application/json", "Content-Length": 1000 } });
      req.on("response", (res) => resolve(`answered ${res.statusCode}`));
      req.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      req.write("{");
    });
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(1);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(BOUND_MS - 50);
    expect(took).toBeLessThan(BOUND_MS + 3000);
    expect(await hanging).toBe("ECONNRESET");
    expect(server.output()).toContain("1 request(s) still in flight");
  });
});
