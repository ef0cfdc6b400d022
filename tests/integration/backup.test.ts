// Backups of the SQLite database while an IdP writes, and restores: the copy opens, passes SQLite's
// integrity check and holds every user acknowledged before the backup started; a restore into a
// fresh data folder gives an app that serves those users. Restore refuses what is not safe. On
// PostgreSQL both commands point at pg_dump / pg_restore.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster, musterFails } from "../support/cli";
import { engines } from "../support/engines";
import { entraUser, scim, type Json } from "../support/scim-client";
import { createTenant, type Tenant } from "../support/scim-tenant";

type Backup = { engine: string; path: string; bytes: number; integrity: string; migrations: { applied: number; latest: string }; tables: Record<string, number> };

describe("backup and restore on sqlite", () => {
  let app: RunningApp;
  let tenant: Tenant;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "muster-backup-"));
  const copy = path.join(scratch, "copy.db");

  beforeAll(async () => {
    app = await startApp("sqlite");
    tenant = await createTenant(app, "Backup");
  });
  afterAll(async () => {
    await app?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("backup --out while a SCIM client writes: the copy opens, integrity ok, every user acknowledged before it started is in it", async () => {
    const acked: string[] = [];
    let writing = true;
    const failures: number[] = [];
    const writer = (async () => {
      while (writing) {
        const user = entraUser();
        const res = await tenant.client.post("/Users", user);
        if (res.status === 201) acked.push(user.userName as string);
        else failures.push(res.status);
      }
    })();
    while (acked.length < 30) await new Promise((r) => setTimeout(r, 50));
    const before = [...acked];
    const report = await muster<Backup>(app.env, "backup", "--out", copy);
    const duringBackup = acked.length - before.length;
    while (acked.length < before.length + duringBackup + 5) await new Promise((r) => setTimeout(r, 50)); // the app keeps writing after it
    writing = false;
    await writer;
    expect(failures).toEqual([]);

    expect(report).toMatchObject({ engine: "sqlite", path: copy, integrity: "ok" });
    expect(report.bytes).toBe(fs.statSync(copy).size);
    expect(report.migrations.latest).toMatch(/^\d{14}_/);
    expect(report.tables.Employee).toBeGreaterThanOrEqual(before.length);
    expect(report.tables.ProvisioningEvent).toBeGreaterThanOrEqual(before.length);

    const db = new Database(copy, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const names = new Set((db.prepare(`SELECT "userName" FROM "Employee" WHERE "workspaceId" = ?`).all(tenant.workspaceId) as { userName: string }[]).map((r) => r.userName));
      expect(before.filter((u) => !names.has(u))).toEqual([]);
      expect(names.size).toBe(report.tables.Employee);
      // Every employee has its card and log row: the copy is one moment of the database, not a mix.
      expect(db.prepare(`SELECT COUNT(*) AS n FROM "Employee" e WHERE NOT EXISTS (SELECT 1 FROM "CardField" c WHERE c."employeeId" = e.id)`).get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it("backup never overwrites a file", async () => {
    const failed = await musterFails(app.env, "backup", "--out", copy);
    expect(failed.error).toMatch(/exists already/);
    expect((await musterFails(app.env, "backup")).error).toMatch(/--out is required/);
  });

  it("restore refuses while it cannot be safe: an existing database needs --force, a running app's database is in use, a file that is not Muster's is refused", async () => {
    const users = async () => ((await tenant.client.get("/Users?count=1")).body as Json).totalResults as number;
    const count = await users();
    expect((await musterFails(app.env, "restore", "--from", copy)).error).toMatch(/exists: restoring replaces it .* --force/);
    expect((await musterFails(app.env, "restore", "--from", copy, "--force")).error).toMatch(/is in use .*stop every Muster process/);
    const junk = path.join(scratch, "junk.db");
    fs.writeFileSync(junk, "not a database at all, just some bytes".repeat(200));
    expect((await musterFails(app.env, "restore", "--from", junk, "--force")).error).toMatch(/Refusing to restore: .* not a SQLite database/);
    const other = path.join(scratch, "other.db");
    const o = new Database(other);
    o.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    o.close();
    expect((await musterFails(app.env, "restore", "--from", other, "--force")).error).toMatch(/not Muster's/);
    expect((await musterFails(app.env, "restore", "--from", path.join(scratch, "missing.db"))).error).toMatch(/does not exist/);
    // The app never noticed.
    expect(await users()).toBe(count);
    expect(fs.readdirSync(path.dirname(app.db.url.slice("file:".length))).filter((f) => f.includes("before-restore"))).toEqual([]);
  });

  it("restore --from into a fresh data folder: the app starts on it and serves the users with the same token", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "muster-restored-"));
    const env = { DATABASE_URL: `file:${path.join(dir, "muster.db")}`, MUSTER_DATA_DIR: dir };
    const restored = await muster<{ path: string; previous: string | null; migrationsApplied: string[]; tables: Record<string, number> }>({ ...app.env, ...env }, "restore", "--from", copy);
    expect(restored).toMatchObject({ path: path.join(dir, "muster.db"), previous: null, migrationsApplied: [] });
    const second = await startApp("sqlite", { env });
    try {
      const client = scim(second.baseUrl, tenant.token);
      const list = await client.get(`/Users?count=1`);
      expect(list.status).toBe(200);
      expect(list.body.totalResults).toBe(restored.tables.Employee);
      // It takes writes as well.
      expect((await client.post("/Users", entraUser())).status).toBe(201);
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("restore --force over a stopped instance's database keeps the old file as .before-restore", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "muster-replace-"));
    const env = { ...app.env, DATABASE_URL: `file:${path.join(dir, "muster.db")}`, MUSTER_DATA_DIR: dir };
    await muster(env, "db:migrate");
    const restored = await muster<{ previous: string }>(env, "restore", "--from", copy, "--force");
    expect(restored.previous).toMatch(/muster\.db\..*\.before-restore$/);
    expect(fs.existsSync(restored.previous)).toBe(true);
    const db = new Database(path.join(dir, "muster.db"), { readonly: true });
    expect((db.prepare(`SELECT COUNT(*) AS n FROM "Workspace" WHERE id = ?`).get(tenant.workspaceId) as { n: number }).n).toBe(1);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(!engines().includes("postgres"))("backup and restore on postgres", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp("postgres");
  });
  afterAll(async () => app?.stop());

  it("both commands refuse and point at pg_dump / pg_restore", async () => {
    const out = path.join(os.tmpdir(), `muster-pg-${Date.now()}.db`);
    expect((await musterFails(app.env, "backup", "--out", out)).error).toMatch(/pg_dump.*pg_restore/);
    expect((await musterFails(app.env, "restore", "--from", out, "--force")).error).toMatch(/pg_dump.*pg_restore/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
