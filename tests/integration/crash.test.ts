// A crash in the middle of provisioning: `kill -9` the app while an IdP creates 2,000 users, start
// it again on the same database, and check what an operator would: every request the IdP saw
// acknowledged (2xx) is there with its log row, nothing is half-written, and the IdP's re-sent
// requests converge to the same final state. CRASH_USERS=<n> changes the size (scripts/soak.sh).
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { entraUser, type Json } from "../support/scim-client";
import { createTenant, type Tenant } from "../support/scim-tenant";
import { sql } from "../support/sql";

const USERS = Number(process.env.CRASH_USERS ?? 2000);
const CONCURRENCY = 8;

const userNameOf = (run: string, i: number) => `crash-${run}-${i}@example.test`;
const bodyOf = (run: string, i: number) => {
  const userName = userNameOf(run, i);
  return entraUser({ userName, externalId: `ext-${run}-${i}`, emails: [{ value: userName, type: "work", primary: true }] });
};

type Outcome = { status: number; body: Json } | { error: string };

/** Sends POST /Users for every index not yet answered, CONCURRENCY at a time, until `stop()`. */
const provision = async (tenant: Tenant, run: string, indexes: number[], outcomes: Map<number, Outcome>, stop: () => boolean = () => false) => {
  let next = 0;
  const worker = async () => {
    while (next < indexes.length && !stop()) {
      const i = indexes[next++]!;
      try {
        const res = await fetch(`${tenant.tenantUrl}/Users`, {
          method: "POST",
          headers: { Authorization: `Bearer ${tenant.token}`, "Content-Type": "application/scim+json" },
          body: JSON.stringify(bodyOf(run, i)),
        });
        outcomes.set(i, { status: res.status, body: await res.json().catch(() => null) });
      } catch (err) {
        // The connection died with the process: the IdP saw no answer and will send it again.
        outcomes.set(i, { error: String((err as Error).cause ?? err) });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
};

/** Rows that a change writes together but that exist without each other. */
const halfWritten = async (app: RunningApp, workspaceId: string) => {
  const one = async (query: string) => Number((await sql(app, query, [workspaceId]))[0]!.n);
  return {
    employeesWithoutCard: await one(`SELECT COUNT(*) AS n FROM "Employee" e WHERE e."workspaceId" = $1 AND NOT EXISTS (SELECT 1 FROM "CardField" c WHERE c."employeeId" = e."id")`),
    employeesWithoutLogRow: await one(`SELECT COUNT(*) AS n FROM "Employee" e WHERE e."workspaceId" = $1 AND NOT EXISTS (SELECT 1 FROM "ProvisioningEvent" p WHERE p."employeeId" = e."id" AND p."change" = 'created')`),
    employeesWithoutEmail: await one(`SELECT COUNT(*) AS n FROM "Employee" e WHERE e."workspaceId" = $1 AND NOT EXISTS (SELECT 1 FROM "EmployeeEmail" m WHERE m."employeeId" = e."id")`),
    outboxWithoutEmployee: await one(`SELECT COUNT(*) AS n FROM "OutboxEmail" o WHERE o."workspaceId" = $1 AND o."employeeId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Employee" e WHERE e."id" = o."employeeId")`),
    employeesWithoutActivation: await one(`SELECT COUNT(*) AS n FROM "Employee" e WHERE e."workspaceId" = $1 AND NOT EXISTS (SELECT 1 FROM "OutboxEmail" o WHERE o."employeeId" = e."id" AND o."kind" = 'activation')`),
    logRowsWithoutEmployee: await one(`SELECT COUNT(*) AS n FROM "ProvisioningEvent" p WHERE p."workspaceId" = $1 AND p."change" = 'created' AND NOT EXISTS (SELECT 1 FROM "Employee" e WHERE e."id" = p."employeeId")`),
  };
};

describe.each(engines())("kill -9 during a %s provisioning run", (engine) => {
  const apps: RunningApp[] = [];
  afterAll(async () => {
    // The last one drops the database: stop the others first.
    for (const app of apps.reverse()) await app.stop();
  });

  it(`${USERS} users: what was acknowledged survives, nothing is half-written, re-sending converges`, { timeout: Math.max(600_000, USERS * 300) }, async () => {
    // A mail server that never answers keeps activation emails in the outbox, where they are counted.
    const env = { MUSTER_SCIM_RATE_LIMIT: "0", SMTP_URL: "smtp://127.0.0.1:9", MUSTER_MAIL_WORKER_INTERVAL_MS: "3600000" };
    const first = await startApp(engine, { env });
    apps.push(first);
    const tenant = await createTenant(first, "Crash");
    const run = Math.random().toString(36).slice(2, 8);
    const all = Array.from({ length: USERS }, (_, i) => i);
    const outcomes = new Map<number, Outcome>();

    // Kill the app once about half of the users are acknowledged, with requests in flight.
    let killed: Promise<unknown> | null = null;
    const acknowledged = () => [...outcomes.values()].filter((o) => "status" in o && o.status < 300).length;
    const stopAfterKill = () => {
      if (!killed && acknowledged() >= USERS / 2) killed = first.kill("SIGKILL");
      return killed !== null;
    };
    await provision(tenant, run, all, outcomes, stopAfterKill);
    expect(killed, "the run ended before the crash").not.toBeNull();
    await killed;

    const acked = [...outcomes].filter(([, o]) => "status" in o && o.status === 201) as Array<[number, { status: number; body: Json }]>;
    const failedBeforeCrash = [...outcomes.values()].filter((o) => "status" in o && o.status !== 201);
    expect(failedBeforeCrash, JSON.stringify(failedBeforeCrash.slice(0, 3))).toEqual([]);
    const unanswered = [...outcomes.values()].filter((o) => "error" in o).length;
    console.log(`[crash] ${engine}: ${acked.length} of ${USERS} acknowledged before kill -9, ${unanswered} in flight, ${USERS - outcomes.size} not sent`);

    // Restart on the same database, as a supervisor would.
    const second = await startApp(engine, { env, sharing: first, port: Number(new URL(first.baseUrl).port) });
    apps.push(second);

    // Every acknowledged create is there, readable, with its log row.
    const ids = acked.map(([, o]) => o.body.id as string);
    const stored = new Set((await sql(second, `SELECT "scimId" AS id FROM "Employee" WHERE "workspaceId" = $1`, [tenant.workspaceId])).map((r) => String(r.id)));
    expect(ids.filter((id) => !stored.has(id))).toEqual([]);
    const logged = new Set(
      (await sql(second, `SELECT "resourceId" AS id FROM "ProvisioningEvent" WHERE "workspaceId" = $1 AND "method" = 'POST' AND "status" = 201`, [tenant.workspaceId])).map((r) => String(r.id)),
    );
    expect(ids.filter((id) => !logged.has(id))).toEqual([]);
    for (const [i, o] of acked.slice(0, 20)) {
      const res = await fetch(`${tenant.tenantUrl}/Users/${o.body.id}`, { headers: { Authorization: `Bearer ${tenant.token}` } });
      expect(res.status).toBe(200);
      expect((await res.json()).userName).toBe(userNameOf(run, i));
    }
    // Whatever committed (acknowledged or not) committed whole.
    expect(await halfWritten(second, tenant.workspaceId)).toEqual({ employeesWithoutCard: 0, employeesWithoutLogRow: 0, employeesWithoutEmail: 0, outboxWithoutEmployee: 0, employeesWithoutActivation: 0, logRowsWithoutEmployee: 0 });

    // The IdP sends again everything it did not see acknowledged: 201 for what was lost, 409 for
    // what committed without an answer; then the directory holds each user exactly once.
    const resent = new Map<number, Outcome>();
    const ackedSet = new Set(acked.map(([i]) => i));
    await provision(tenant, run, all.filter((i) => !ackedSet.has(i)), resent);
    const statuses = [...resent.values()].map((o) => ("status" in o ? o.status : o.error));
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    // Entra sends a create it saw refused as a conflict again after a GET: the same user comes back.
    const rows = await sql(second, `SELECT "userName" AS u, COUNT(*) AS n FROM "Employee" WHERE "workspaceId" = $1 GROUP BY "userName"`, [tenant.workspaceId]);
    expect(rows.length).toBe(USERS);
    expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    const list = await fetch(`${tenant.tenantUrl}/Users?count=0`, { headers: { Authorization: `Bearer ${tenant.token}` } });
    expect((await list.json()).totalResults).toBe(USERS);
    expect(await halfWritten(second, tenant.workspaceId)).toEqual({ employeesWithoutCard: 0, employeesWithoutLogRow: 0, employeesWithoutEmail: 0, outboxWithoutEmployee: 0, employeesWithoutActivation: 0, logRowsWithoutEmployee: 0 });
    // One activation email per employee, however often the IdP sent the create.
    const outbox = await sql(second, `SELECT COUNT(*) AS n, COUNT(DISTINCT "employeeId") AS d FROM "OutboxEmail" WHERE "workspaceId" = $1 AND "kind" = 'activation'`, [tenant.workspaceId]);
    expect({ n: Number(outbox[0]!.n), d: Number(outbox[0]!.d) }).toEqual({ n: USERS, d: USERS });
  });
});
