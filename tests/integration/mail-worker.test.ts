// The outbox worker against a real database and a real SMTP server: concurrent workers claim each
// email once, failures back off and keep the email, the embedded mode keeps mail without sending.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, engines, type TestDatabase } from "../support/engines";
import { startMailbox, type Mailbox } from "../support/smtp";
import { freePort } from "../support/app";

type Worker = typeof import("@/lib/server/email/deliver-email");
type Client = typeof import("@/lib/db/client");
type Config = import("@/lib/server/email/mail-config").MailConfig;

describe.each(engines())("mail outbox worker on %s", (engine) => {
  let database: TestDatabase;
  let mailbox: Mailbox;
  let worker: Worker;
  let db: Client["db"];
  let workspaceId: string;
  const env = { ...process.env };

  const smtp = (port: number): Config => ({ mode: "smtp", from: "muster@example.test", describe: "test", transport: { host: "127.0.0.1", port, secure: false, connectionTimeout: 2000, greetingTimeout: 2000, socketTimeout: 5000 } });

  const queue = async (n: number, label: string) => {
    const to = Array.from({ length: n }, (_, i) => `${label}-${i}@example.test`);
    await db.outboxEmail.createMany({ data: to.map((address) => ({ workspaceId, to: address, subject: `Hello ${address}`, html: "<p>Hi</p>", text: "Hi", kind: "activation", dedupeKey: `test:${address}` })) });
    return to;
  };
  const rowsOf = (to: string[]) => db.outboxEmail.findMany({ where: { to: { in: to } }, orderBy: { to: "asc" } });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    process.env.DATABASE_URL = database.url;
    process.env.MUSTER_DATA_DIR = database.dataDir;
    process.env.MUSTER_MAIL_RETRY_BASE_MS = "1000";
    const { migrate } = await import("@/lib/db/migrate");
    const { dbConfig } = await import("@/lib/db/config");
    await migrate(dbConfig(database.url));
    // A fresh client for this engine: the client module keeps one per process on globalThis.
    delete (globalThis as { musterDb?: unknown }).musterDb;
    vi.resetModules();
    ({ db } = await import("@/lib/db/client"));
    worker = await import("@/lib/server/email/deliver-email");
    workspaceId = (await db.workspace.create({ data: { name: "Worker test", slug: `worker-${engine}` } })).id;
    mailbox = await startMailbox();
  });

  afterAll(async () => {
    await db?.$disconnect();
    delete (globalThis as { musterDb?: unknown }).musterDb;
    await mailbox?.stop();
    await database?.drop();
    process.env = env;
  });

  it("three workers at once deliver every email exactly once", async () => {
    const to = await queue(40, `race-${engine}`);
    const config = smtp(mailbox.port);
    for (let round = 0; round < 5; round++) await Promise.all([worker.deliverDue(config), worker.deliverDue(config), worker.deliverDue(config)]);
    for (const address of to) expect(mailbox.to(address)).toHaveLength(1);
    const rows = await rowsOf(to);
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1 && r.lastError === null)).toBe(true);
  });

  it("a failed send counts an attempt, keeps the email and backs off exponentially", async () => {
    const [address] = await queue(1, `down-${engine}`);
    const closed = smtp(await freePort());
    const before = Date.now();
    expect(await worker.deliverDue(closed)).toMatchObject({ failed: 1, sent: 0 });
    let [row] = await rowsOf([address!]);
    expect(row).toMatchObject({ attempts: 1, sentAt: null });
    expect(row!.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    const firstDelay = row!.nextAttempt.getTime() - before;
    expect(firstDelay).toBeGreaterThanOrEqual(900);
    expect(firstDelay).toBeLessThan(3000);

    // Not due yet: nothing happens.
    expect(await worker.deliverDue(closed)).toMatchObject({ claimed: 0 });
    await db.outboxEmail.updateMany({ where: { to: address }, data: { nextAttempt: new Date() } });
    const second = Date.now();
    await worker.deliverDue(closed);
    [row] = await rowsOf([address!]);
    expect(row!.attempts).toBe(2);
    expect(row!.nextAttempt.getTime() - second).toBeGreaterThanOrEqual(1900);

    // SMTP is back: delivered once.
    await db.outboxEmail.updateMany({ where: { to: address }, data: { nextAttempt: new Date() } });
    expect(await worker.deliverDue(smtp(mailbox.port))).toMatchObject({ sent: 1 });
    expect(await worker.deliverDue(smtp(mailbox.port))).toMatchObject({ claimed: 0 });
    expect(mailbox.to(address!)).toHaveLength(1);
    [row] = await rowsOf([address!]);
    expect(row).toMatchObject({ attempts: 3, lastError: null });
  });

  it("embedded mode keeps mail (sentAt, no attempt) and never sends it", async () => {
    const to = await queue(3, `kept-${engine}`);
    expect(await worker.deliverDue({ mode: "embedded" })).toMatchObject({ kept: 3, sent: 0 });
    for (const row of await rowsOf(to)) expect(row).toMatchObject({ attempts: 0, lastError: null, sentAt: expect.any(Date) });
    for (const address of to) expect(mailbox.to(address)).toHaveLength(0);
  });

  it("without MAIL_FROM nothing is sent and nothing is lost", async () => {
    const [address] = await queue(1, `nofrom-${engine}`);
    await worker.deliverDue({ mode: "misconfigured", problem: "MAIL_FROM is not set" });
    const [row] = await rowsOf([address!]);
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: "MAIL_FROM is not set" });
  });
});
