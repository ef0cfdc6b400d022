// Two Muster instances on one PostgreSQL, as in the production example (compose.yaml): an IdP's
// requests land on either one. Under concurrent load there are no errors, identical creates sent
// to both at once make one employee, and the two outbox workers deliver every activation email
// exactly once (counted at a real SMTP server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { entraUser, patchOps } from "../support/scim-client";
import { startMailbox, waitFor, type Mailbox } from "../support/smtp";
import { createTenant, type Tenant } from "../support/scim-tenant";
import { sql } from "../support/sql";

const USERS = Number(process.env.TWO_INSTANCES_USERS ?? 300);
const RACES = 40;

const postgres = engines().filter((e) => e === "postgres");

describe.skipIf(!postgres.length)("two instances on one PostgreSQL", () => {
  let mailbox: Mailbox;
  let a: RunningApp;
  let b: RunningApp;
  let tenant: Tenant;
  const via = (app: RunningApp) => tenant.tenantUrl.replace(a.baseUrl, app.baseUrl);
  const send = async (app: RunningApp, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${via(app)}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tenant.token}`, "Content-Type": "application/scim+json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };

  beforeAll(async () => {
    mailbox = await startMailbox();
    const env = { SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, MAIL_FROM: "Muster <muster@example.test>", MUSTER_MAIL_WORKER_INTERVAL_MS: "200", MUSTER_MAIL_RETRY_BASE_MS: "200", MUSTER_SCIM_RATE_LIMIT: "0" };
    a = await startApp("postgres", { env });
    b = await startApp("postgres", { env, sharing: a });
    tenant = await createTenant(a, "Two instances");
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await mailbox?.stop();
  });

  it(`${USERS} creates and updates alternating between the instances, ${RACES} identical creates sent to both at once`, { timeout: Math.max(300_000, USERS * 500) }, async () => {
    const run = Math.random().toString(36).slice(2, 8);
    const userName = (i: number) => `two-${run}-${i}@example.test`;
    const user = (i: number) => entraUser({ userName: userName(i), externalId: `two-${run}-${i}`, emails: [{ value: userName(i), type: "work", primary: true }] });
    const statuses = new Map<string, number>();
    const count = (what: string, status: number) => statuses.set(`${what} ${status}`, (statuses.get(`${what} ${status}`) ?? 0) + 1);

    const started = Date.now();
    // Creates, then an update and a read each, eight clients per instance.
    const ids: string[] = [];
    let next = 0;
    const worker = (app: RunningApp, other: RunningApp) => async () => {
      while (next < USERS) {
        const i = next++;
        const created = await send(app, "POST", "/Users", user(i));
        count("POST", created.status);
        if (created.status !== 201) continue;
        ids[i] = created.body.id;
        // The update lands on the other instance, as a load balancer would send it.
        const patched = await send(other, "PATCH", `/Users/${created.body.id}`, patchOps({ op: "replace", path: "title", value: `Title ${i}` }));
        count("PATCH", patched.status);
        const read = await send(app, "GET", `/Users/${created.body.id}`);
        count("GET", read.status);
        if (read.body?.title !== `Title ${i}`) count("stale read", 0);
      }
    };
    await Promise.all([...Array.from({ length: 8 }, () => worker(a, b)()), ...Array.from({ length: 8 }, () => worker(b, a)())]);

    // The same create sent to both instances at the same moment: one wins, the other is told of the conflict.
    const raced = await Promise.all(
      Array.from({ length: RACES }, async (_, r) => {
        const body = user(USERS + r);
        const [x, y] = await Promise.all([send(a, "POST", "/Users", body), send(b, "POST", "/Users", body)]);
        return [x.status, y.status].sort().join("+");
      }),
    );
    expect([...statuses].filter(([k]) => !/ 20[01]$/.test(k))).toEqual([]);
    expect(statuses.get("POST 201")).toBe(USERS);
    expect(raced.filter((s) => s !== "201+409")).toEqual([]);

    const rows = await sql(a, `SELECT "userNameKey" AS u, COUNT(*) AS n FROM "Employee" WHERE "workspaceId" = $1 GROUP BY "userNameKey" HAVING COUNT(*) > 1`, [tenant.workspaceId]);
    expect(rows).toEqual([]);
    const total = await sql(a, `SELECT COUNT(*) AS n FROM "Employee" WHERE "workspaceId" = $1`, [tenant.workspaceId]);
    expect(Number(total[0]!.n)).toBe(USERS + RACES);

    const loaded = Date.now();
    // Every employee's activation email reaches the mail server once, from one of the two workers.
    const expected = USERS + RACES;
    await waitFor(`${expected} activation emails`, () => mailbox.mails.length >= expected, 120_000);
    // A moment more, so that a second delivery of anything would arrive too.
    const delivered = Date.now();
    await new Promise((r) => setTimeout(r, 1500));
    console.log(`[two instances] ${USERS} users × 3 requests + ${RACES} races in ${((loaded - started) / 1000).toFixed(1)} s; ${expected} emails delivered ${((delivered - loaded) / 1000).toFixed(1)} s later`);
    const perRecipient = new Map<string, number>();
    for (const m of mailbox.mails) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const ours = [...perRecipient].filter(([to]) => to.includes(`-${run}-`));
    expect(ours.length).toBe(expected);
    expect(ours.filter(([, n]) => n !== 1)).toEqual([]);
    const outbox = await sql(a, `SELECT COUNT(*) AS n FROM "OutboxEmail" WHERE "workspaceId" = $1 AND "kind" = 'activation' AND "sentAt" IS NOT NULL AND "attempts" = 1`, [tenant.workspaceId]);
    expect(Number(outbox[0]!.n)).toBe(expected);
  });
});
