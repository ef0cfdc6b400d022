// Retention: provisioning-log rows (and the employee-timeline rows of the same requests) older than
// each workspace's retention are pruned, delivered emails after MUSTER_OUTBOX_RETENTION_DAYS (7),
// emails still waiting never; Settings → Data retention reads and edits the retention (7–3650 days).
// Old rows are written straight into the database: nothing else can make a row 100 days old.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster, musterFails } from "../support/cli";
import { engines } from "../support/engines";
import { entraUser, scim, type ScimClient } from "../support/scim-client";
import { signIn, type SessionFetch } from "../support/session";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const DAY = 24 * 60 * 60 * 1000;
const put = (body: unknown): RequestInit => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

type Status = { logRetentionDays: number; olderRows: number; outboxDays: number; lastRunAt: string | null };
type Ws = { workspaceId: string; slug: string; as: SessionFetch; scim: ScimClient; employeeId: string };

describe.each(engines())("retention on %s", (engine) => {
  let app: RunningApp;
  let a: Ws; // default retention: 90 days
  let b: Ws; // 30 days, set through the Settings API
  // A stored timestamp in the engine's own format (read from a row the app wrote).
  let stamp: (daysAgo: number) => unknown;

  const workspace = async (label: string): Promise<Ws> => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", email, "--password", PASSWORD);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug);
    const client = scim(app.baseUrl, token);
    const created = await client.post("/Users", entraUser());
    expect(created.status).toBe(201);
    const [employee] = await sql(app, `SELECT id FROM "Employee" WHERE "workspaceId" = $1`, [ws.workspaceId]);
    return { ...ws, as: await signIn(app.baseUrl, email, PASSWORD), scim: client, employeeId: String(employee!.id) };
  };

  const status = async (ws: Ws): Promise<Status> => {
    const res = await ws.as(`/api/w/${ws.slug}/retention`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { retention: Status }).retention;
  };

  const logRow = async (ws: Ws, daysAgo: number) => {
    const id = `old-${crypto.randomBytes(6).toString("hex")}`;
    await sql(app, `INSERT INTO "ProvisioningEvent" (id, "workspaceId", at, method, path, status, "durationMs") VALUES ($1, $2, $3, 'GET', '/Users', 200, 3)`, [id, ws.workspaceId, stamp(daysAgo)]);
    return id;
  };
  const timelineRow = async (ws: Ws, eventId: string, daysAgo: number) => {
    const id = `tl-${crypto.randomBytes(6).toString("hex")}`;
    await sql(app, `INSERT INTO "EmployeeEvent" (id, "workspaceId", "employeeId", "eventId", at, summary) VALUES ($1, $2, $3, $4, $5, 'added to Sales')`, [id, ws.workspaceId, ws.employeeId, eventId, stamp(daysAgo)]);
    return id;
  };
  const email = async (ws: Ws, { sentDaysAgo, createdDaysAgo }: { sentDaysAgo: number | null; createdDaysAgo: number }) => {
    const id = `mail-${crypto.randomBytes(6).toString("hex")}`;
    await sql(
      app,
      `INSERT INTO "OutboxEmail" (id, "workspaceId", "to", subject, html, text, kind, attempts, "nextAttempt", "sentAt", "createdAt") VALUES ($1, $2, 'ann@example.test', 'Hello', '<p>Hi</p>', 'Hi', 'activation', 1, $3, $4, $5)`,
      // A waiting email's next attempt is tomorrow: the worker must not send it during the test.
      [id, ws.workspaceId, sentDaysAgo === null ? stamp(-1) : stamp(sentDaysAgo), sentDaysAgo === null ? null : stamp(sentDaysAgo), stamp(createdDaysAgo)],
    );
    return id;
  };
  const ids = async (table: string, list: string[]) =>
    (await sql(app, `SELECT id FROM "${table}" WHERE id IN (${list.map((_, i) => `$${i + 1}`).join(", ")})`, list)).map((r) => String(r.id)).sort();

  beforeAll(async () => {
    app = await startApp(engine);
    a = await workspace("keep90");
    b = await workspace("keep30");
    const [sample] = await sql(app, `SELECT at FROM "ProvisioningEvent" LIMIT 1`);
    const at = sample!.at;
    stamp = (daysAgo) => {
      const d = new Date(Date.now() - daysAgo * DAY);
      if (typeof at === "number") return d.getTime();
      if (typeof at === "string" && at.endsWith("+00:00")) return d.toISOString().replace("Z", "+00:00");
      return engine === "sqlite" ? d.toISOString() : d;
    };
  });
  afterAll(async () => app?.stop());

  it("GET /retention: 90 days by default, nothing older yet", async () => {
    expect(await status(a)).toMatchObject({ logRetentionDays: 90, olderRows: 0, outboxDays: 7 });
  });

  it("PUT /retention refuses fewer than 7 days (and more than 3650, and non-numbers) with a 400 that says why, and keeps the setting", async () => {
    for (const bad of [6, 0, -1, 3651, 7.5, "30", null]) {
      const res = await b.as(`/api/w/${b.slug}/retention`, put({ logRetentionDays: bad }));
      expect(res.status, String(bad)).toBe(400);
      const body = (await res.json()) as { error: string };
      expect(body.error, String(bad)).toMatch(bad === 6 || bad === 0 || bad === -1 ? /at least 7 days/ : bad === 3651 ? /at most 3650 days/ : /whole number of days/);
    }
    expect((await status(b)).logRetentionDays).toBe(90);
    const ok = await b.as(`/api/w/${b.slug}/retention`, put({ logRetentionDays: 30 }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { retention: Status }).retention.logRetentionDays).toBe(30);
    expect((await status(b)).logRetentionDays).toBe(30);
    // Another workspace's admin cannot see or change it.
    expect((await a.as(`/api/w/${b.slug}/retention`, put({ logRetentionDays: 7 }))).status).toBe(404);
  });

  it("prune: deletes only rows past each workspace's retention, and delivered emails older than 7 days; never waiting ones", async () => {
    const rows = {
      a: { d10: await logRow(a, 10), d45: await logRow(a, 45), d100: await logRow(a, 100) },
      b: { d10: await logRow(b, 10), d45: await logRow(b, 45), d100: await logRow(b, 100) },
    };
    const timeline = { a100: await timelineRow(a, rows.a.d100, 100), a45: await timelineRow(a, rows.a.d45, 45), b45: await timelineRow(b, rows.b.d45, 45) };
    const mail = {
      sent10: await email(a, { sentDaysAgo: 10, createdDaysAgo: 10 }),
      sent2: await email(a, { sentDaysAgo: 2, createdDaysAgo: 2 }),
      waiting30: await email(b, { sentDaysAgo: null, createdDaysAgo: 30 }),
    };
    expect((await status(a)).olderRows).toBe(1);
    expect((await status(b)).olderRows).toBe(2);
    const recent = (await sql(app, `SELECT COUNT(*) AS n FROM "ProvisioningEvent" WHERE id NOT LIKE 'old-%'`))[0]!.n;

    const out = await muster<{ deleted: Record<string, number> }>(app.env, "prune");
    expect(out.deleted).toEqual({ provisioningEvents: 3, employeeEvents: 2, outboxEmails: 1 });

    expect(await ids("ProvisioningEvent", [...Object.values(rows.a), ...Object.values(rows.b)])).toEqual([rows.a.d10, rows.a.d45, rows.b.d10].sort());
    expect(await ids("EmployeeEvent", Object.values(timeline))).toEqual([timeline.a45]);
    expect(await ids("OutboxEmail", Object.values(mail))).toEqual([mail.sent2, mail.waiting30].sort());
    // The log of today's requests is untouched.
    expect((await sql(app, `SELECT COUNT(*) AS n FROM "ProvisioningEvent" WHERE id NOT LIKE 'old-%'`))[0]!.n).toEqual(recent);
    // The page says nothing is past the retention now, and when the pruner ran.
    const after = await status(b);
    expect(after.olderRows).toBe(0);
    expect(Date.now() - Date.parse(after.lastRunAt!)).toBeLessThan(60_000);
    // Once more: nothing left to do.
    expect((await muster<{ deleted: Record<string, number> }>(app.env, "prune")).deleted).toEqual({ provisioningEvents: 0, employeeEvents: 0, outboxEmails: 0 });
  });

  it("prune in batches: 2,500 old rows go while the IdP keeps writing, every write accepted", async () => {
    const n = 2500;
    for (let from = 0; from < n; from += 500) {
      const values: unknown[] = [];
      const tuples = Array.from({ length: 500 }, (_, j) => {
        values.push(`bulk-${from + j}-${crypto.randomBytes(3).toString("hex")}`, b.workspaceId, stamp(40 + (j % 50)));
        return `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3}, 'GET', '/Users', 200, 3)`;
      });
      await sql(app, `INSERT INTO "ProvisioningEvent" (id, "workspaceId", at, method, path, status, "durationMs") VALUES ${tuples.join(", ")}`, values);
    }
    let writing = true;
    const statuses: number[] = [];
    const writer = (async () => {
      while (writing) statuses.push((await b.scim.post("/Users", entraUser())).status);
    })();
    const out = await muster<{ deleted: Record<string, number> }>(app.env, "prune");
    writing = false;
    await writer;
    expect(out.deleted.provisioningEvents).toBe(n);
    expect((await status(b)).olderRows).toBe(0);
    // The IdP's writes went on during the prune, every one accepted.
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
  });

  it("the CLI refuses a stray option with a clear message", async () => {
    const failed = await musterFails(app.env, "prune", "--days", "3");
    expect(failed.code).toBe(1);
    expect(failed.error).toMatch(/--days/);
  });
});
