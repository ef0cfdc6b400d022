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
