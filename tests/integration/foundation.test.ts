import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster, musterFails } from "../support/cli";
import { engines } from "../support/engines";

// Reads every text cell of every table, to prove a secret is stored nowhere in clear.
const dumpDatabase = async (app: RunningApp): Promise<string> => {
  if (app.db.engine === "sqlite") {
    const db = new Database(app.db.url.slice("file:".length), { readonly: true });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
    const out = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join("\n");
    db.close();
    return out;
  }
  const client = new pg.Client({ connectionString: app.db.url });
  await client.connect();
  const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  let out = "";
  for (const r of rows) out += JSON.stringify((await client.query(`SELECT * FROM "${r.tablename}"`)).rows);
  await client.end();
  return out;
};

describe.each(engines())("foundation on %s", (engine) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(engine);
  });
  afterAll(async () => app?.stop());

  it("GET /api/health reports the database as reachable", async () => {
    const res = await fetch(`${app.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      database: { engine, reachable: true },
      migrations: { shipped: expect.any(Number), pending: [] },
      worker: expect.objectContaining({ running: true }),
    });
  });

  it("sends an anonymous visitor of a dashboard page to sign-in, keeping where they were going", async () => {
    const res = await fetch(`${app.baseUrl}/w/some-workspace`, { redirect: "manual" });
    expect([302, 303, 307]).toContain(res.status);
    const location = new URL(res.headers.get("location")!, app.baseUrl);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe("/w/some-workspace");
  });

  it("CLI creates a workspace and a token that is stored only as a hash", async () => {
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", "Globex Corp", "--owner", "Owner@Globex.test", "--password", "correct horse battery");
    expect(ws.slug).toBe("globex-corp");
    expect(ws.workspaceId).toMatch(/^c[a-z0-9]{20,}$/);

    const created = await muster<{ token: string; tenantUrl: string; id: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "Entra ID");
    expect(created.token).toMatch(/^mst_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.tenantUrl).toBe(`${app.baseUrl}/api/scim/v2`);

    const dump = await dumpDatabase(app);
    expect(dump).not.toContain(created.token);
    // The secret part (base64url, may itself contain "_") must not be stored either.
    expect(dump).not.toContain(created.token.slice("mst_".length + 12 + 1));
    expect(dump).not.toContain("correct horse battery");

    const list = await muster<Array<{ id: string; name: string; status: string }>>(app.env, "token:list", "--workspace", ws.workspaceId);
    expect(list).toEqual([expect.objectContaining({ id: created.id, name: "Entra ID", status: "active" })]);
    expect(JSON.stringify(list)).not.toContain(created.token);

    await muster(app.env, "token:revoke", "--workspace", ws.slug, "--id", created.id);
    const after = await muster<Array<{ status: string }>>(app.env, "token:list", "--workspace", ws.slug);
    expect(after[0]!.status).toBe("revoked");
  });

  it("CLI gives a second workspace with the same name its own slug", async () => {
    const a = await muster<{ slug: string }>(app.env, "workspace:create", "--name", "Initech", "--owner", "a@initech.test");
    const b = await muster<{ slug: string }>(app.env, "workspace:create", "--name", "Initech", "--owner", "b@initech.test");
    expect(a.slug).toBe("initech");
    expect(b.slug).toMatch(/^initech-[0-9a-f]{6}$/);
  });

  it("CLI rejects bad input with a JSON error and exit code 1, writing nothing", async () => {
    const missing = await musterFails(app.env, "workspace:create", "--name", "No Owner");
    expect(missing).toMatchObject({ code: 1, error: "--owner is required", stdout: "" });
    const badEmail = await musterFails(app.env, "workspace:create", "--name", "Bad", "--owner", "not-an-email");
    expect(badEmail.error).toBe("Enter a valid email address");
    const shortPassword = await musterFails(app.env, "workspace:create", "--name", "Short", "--owner", "s@short.test", "--password", "short");
    expect(shortPassword.error).toMatch(/at least 10 characters/);
    const unknown = await musterFails(app.env, "token:create", "--workspace", "no-such-workspace");
    expect(unknown.error).toMatch(/no workspace/);
    const dump = await dumpDatabase(app);
    expect(dump).not.toContain("short.test");
    expect(dump).not.toContain("No Owner");
  });
});

describe("GET /api/health", () => {
  it("answers 503 when the database cannot be reached", async () => {
    const app = await startApp("sqlite", {
      env: { DATABASE_URL: "postgresql://muster@127.0.0.1:9/unreachable", MUSTER_AUTO_MIGRATE: "false" },
      ready: (status) => status === 503,
    });
    try {
      const res = await fetch(`${app.baseUrl}/api/health`);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      // Whether migrations are applied is unknown while the database does not answer.
      expect(await res.json()).toEqual({ status: "unavailable", database: { engine: "postgres", reachable: false }, worker: expect.objectContaining({ running: true }) });
    } finally {
      await app.stop();
    }
  });
});
