import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { dbConfig } from "@/lib/db/config";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { engines, freshDatabase, type TestDatabase } from "../support/engines";

const dbs: TestDatabase[] = [];
afterAll(async () => Promise.all(dbs.map((d) => d.drop())));

describe.each(engines())("migrations on %s", (engine) => {
  it("bring an empty database up to date, once, even when instances start together", async () => {
    const db = await freshDatabase(engine);
    dbs.push(db);
    const config = dbConfig(db.url);
    const all = listMigrations(config.flavor).map((m) => m.name);
    const runs = await Promise.all([migrate(config), migrate(config), migrate(config)]);
    expect(runs.flat().sort()).toEqual(all.sort());
    expect(await migrate(config)).toEqual([]);
  });

  it("refuse to run when an applied migration was edited afterwards", async () => {
    const db = await freshDatabase(engine);
    dbs.push(db);
    const config = dbConfig(db.url);
    await migrate(config);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "muster-migrations-"));
    fs.cpSync("prisma", copy, { recursive: true });
    const first = listMigrations(config.flavor)[0]!.name;
    fs.appendFileSync(path.join(copy, config.flavor, "migrations", first, "migration.sql"), "\n-- edited\n");
    process.env.MUSTER_MIGRATIONS_DIR = copy;
    try {
      await expect(migrate(config)).rejects.toThrow(`migration ${first} was modified after it was applied`);
    } finally {
      delete process.env.MUSTER_MIGRATIONS_DIR;
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe.each(engines())("upgrading a %s database that holds data", (engine) => {
  it("keeps every row, including rows that point at redefined tables", async () => {
    const db = await freshDatabase(engine);
    dbs.push(db);
    const config = dbConfig(db.url);
    const all = listMigrations(config.flavor).map((m) => m.name);
    // Bring the database to the first migration only, as an old release would have left it.
    const old = fs.mkdtempSync(path.join(os.tmpdir(), "muster-old-"));
    fs.mkdirSync(path.join(old, config.flavor, "migrations"), { recursive: true });
    fs.cpSync(path.join("prisma", config.flavor, "migrations", all[0]!), path.join(old, config.flavor, "migrations", all[0]!), { recursive: true });
    process.env.MUSTER_MIGRATIONS_DIR = old;
    try {
      expect(await migrate(config)).toEqual([all[0]]);
    } finally {
      delete process.env.MUSTER_MIGRATIONS_DIR;
      fs.rmSync(old, { recursive: true, force: true });
    }
    const seed = [
      `INSERT INTO "Workspace" (id, slug, name, "updatedAt") VALUES ('w1', 'w1', 'W', CURRENT_TIMESTAMP)`,
      `INSERT INTO "Employee" (id, "workspaceId", "updatedAt", "displayName") VALUES ('e1', 'w1', CURRENT_TIMESTAMP, 'Ann')`,
      `INSERT INTO "Group" (id, "workspaceId", "displayName", "displayNameKey", "updatedAt") VALUES ('g1', 'w1', 'G', 'g', CURRENT_TIMESTAMP)`,
      `INSERT INTO "GroupMember" ("groupId", "employeeId", "workspaceId") VALUES ('g1', 'e1', 'w1')`,
      `INSERT INTO "CardField" (id, "employeeId", key, value, "updatedAt") VALUES ('c1', 'e1', 'title', 'Engineer', CURRENT_TIMESTAMP)`,
    ];
    const counts = `SELECT (SELECT count(*) FROM "Employee") AS e, (SELECT count(*) FROM "GroupMember") AS m, (SELECT count(*) FROM "CardField") AS c`;
    let after: Record<string, unknown>;
    if (engine === "sqlite") {
      const { default: Database } = await import("better-sqlite3");
      const conn = new Database(db.url.slice("file:".length));
      seed.forEach((q) => conn.exec(q));
      conn.close();
      expect(await migrate(config)).toEqual(all.slice(1));
      const c2 = new Database(db.url.slice("file:".length));
      after = c2.prepare(counts).get() as Record<string, unknown>;
      c2.close();
    } else {
      const { default: pg } = await import("pg");
      const conn = new pg.Client({ connectionString: db.url });
      await conn.connect();
      for (const q of seed) await conn.query(q);
      expect(await migrate(config)).toEqual(all.slice(1));
      after = (await conn.query(counts)).rows[0] as Record<string, unknown>;
      await conn.end();
    }
    expect(Object.values(after).map(Number)).toEqual([1, 1, 1]);
  });

  it("gives card fields their source: linked ones the IdP, a template's value the template, any other the card's own", async () => {
    const db = await freshDatabase(engine);
    dbs.push(db);
    const config = dbConfig(db.url);
    const all = listMigrations(config.flavor).map((m) => m.name);
    const at = all.indexOf("20261130111320_card_sources");
    const old = fs.mkdtempSync(path.join(os.tmpdir(), "muster-old-"));
    fs.mkdirSync(path.join(old, config.flavor, "migrations"), { recursive: true });
    for (const name of all.slice(0, at)) fs.cpSync(path.join("prisma", config.flavor, "migrations", name), path.join(old, config.flavor, "migrations", name), { recursive: true });
    process.env.MUSTER_MIGRATIONS_DIR = old;
    try {
      await migrate(config);
    } finally {
      delete process.env.MUSTER_MIGRATIONS_DIR;
      fs.rmSync(old, { recursive: true, force: true });
    }
    const no = engine === "sqlite" ? "0" : "false";
    const seed = [
      `INSERT INTO "Workspace" (id, slug, name, "updatedAt") VALUES ('w1', 'w1', 'W', CURRENT_TIMESTAMP)`,
      `INSERT INTO "Template" (id, "workspaceId", name, fields, "updatedAt") VALUES ('t1', 'w1', 'T', '{"company":"Acme Inc.","website":"acme.example"}', CURRENT_TIMESTAMP)`,
      `INSERT INTO "Employee" (id, "workspaceId", "updatedAt", "displayName", "templateId") VALUES ('e1', 'w1', CURRENT_TIMESTAMP, 'Ann', 't1')`,
      `INSERT INTO "CardField" (id, "workspaceId", "employeeId", key, value, "updatedAt") VALUES ('c1', 'w1', 'e1', 'title', 'Engineer', CURRENT_TIMESTAMP)`,
      `INSERT INTO "CardField" (id, "workspaceId", "employeeId", key, value, linked, "updatedAt") VALUES ('c2', 'w1', 'e1', 'company', 'Acme Inc.', ${no}, CURRENT_TIMESTAMP)`,
      `INSERT INTO "CardField" (id, "workspaceId", "employeeId", key, value, linked, "updatedAt") VALUES ('c3', 'w1', 'e1', 'website', 'mine.example', ${no}, CURRENT_TIMESTAMP)`,
      `INSERT INTO "CardField" (id, "workspaceId", "employeeId", key, value, linked, "updatedAt") VALUES ('c4', 'w1', 'e1', 'department', 'Research', ${no}, CURRENT_TIMESTAMP)`,
    ];
    const read = `SELECT key, source FROM "CardField" ORDER BY id`;
    let rows: { key: string; source: string }[];
    if (engine === "sqlite") {
      const { default: Database } = await import("better-sqlite3");
      const conn = new Database(db.url.slice("file:".length));
      seed.forEach((q) => conn.exec(q));
      conn.close();
      expect(await migrate(config)).toEqual(all.slice(at));
      const c2 = new Database(db.url.slice("file:".length));
      rows = c2.prepare(read).all() as typeof rows;
      c2.close();
    } else {
      const { default: pg } = await import("pg");
      const conn = new pg.Client({ connectionString: db.url });
      await conn.connect();
      for (const q of seed) await conn.query(q);
      expect(await migrate(config)).toEqual(all.slice(at));
      rows = (await conn.query(read)).rows as typeof rows;
      await conn.end();
    }
    expect(rows).toEqual([
      { key: "title", source: "idp" },
      { key: "company", source: "template" },
      { key: "website", source: "muster" },
      { key: "department", source: "muster" },
    ]);
  });
});
