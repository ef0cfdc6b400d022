// PostgreSQL restarted under load: stopped for 10 s ("fast" shutdown, as a service manager does)
// while IdP clients keep sending. During the outage every SCIM answer is 503 with Retry-After —
// never a 500 — and /api/health says not ready; afterwards the app serves again by itself,
// without a restart. Runs on a PostgreSQL server of the test's own (tests/support/pg-server.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { engines } from "../support/engines";
import { canRunPostgres, startPostgresServer, type PostgresServer } from "../support/pg-server";
import { entraUser, patchOps } from "../support/scim-client";
import { createTenant, type Tenant } from "../support/scim-tenant";

const OUTAGE_MS = Number(process.env.DB_OUTAGE_MS ?? 10_000);
const runnable = engines().includes("postgres") && canRunPostgres();

type Answer = { at: number; what: string; status: number; retryAfter: string | null; body: string };

describe.skipIf(!runnable)("PostgreSQL restarted during load", () => {
  let server: PostgresServer;
  let app: RunningApp;
  let tenant: Tenant;

  beforeAll(async () => {
    server = await startPostgresServer();
    app = await startApp("postgres", { postgresAdminUrl: server.adminUrl, env: { MUSTER_SCIM_RATE_LIMIT: "0" } });
    tenant = await createTenant(app, "Restart");
  });
  afterAll(async () => {
    await app?.stop().catch(() => undefined);
    server?.destroy();
  });

  it(`a ${OUTAGE_MS / 1000} s outage: 503 + Retry-After during it, never 500, recovery without a restart`, { timeout: 180_000 + OUTAGE_MS }, async () => {
    const answers: Answer[] = [];
    const t0 = Date.now();
    const send = async (what: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${tenant.tenantUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${tenant.token}`, "Content-Type": "application/scim+json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      answers.push({ at: Date.now() - t0, what, status: res.status, retryAfter: res.headers.get("retry-after"), body: text.slice(0, 300) });
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const health = async () => {
      const res = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(30_000) });
      answers.push({ at: Date.now() - t0, what: "health", status: res.status, retryAfter: res.headers.get("retry-after"), body: "" });
    };

    const before = 3_000;
    const after = 12_000;
    let outage: { from: number; to: number } | null = null;
    let stopping = false;
    const client = async (n: number) => {
      for (let i = 0; !stopping; i++) {
        const userName = `restart-${n}-${i}-${Math.random().toString(36).slice(2, 6)}@example.test`;
        const created = await send("create", "POST", "/Users", entraUser({ userName, emails: [{ value: userName, type: "work", primary: true }] }));
        if (created.status === 201) {
          await send("update", "PATCH", `/Users/${created.body.id}`, patchOps({ op: "replace", path: "title", value: `T${i}` }));
          await send("read", "GET", `/Users/${created.body.id}`);
        }
        await send("list", "GET", `/Users?count=5&filter=${encodeURIComponent(`userName sw "restart-${n}"`)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const prober = async () => {
      while (!stopping) {
        await health();
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const load = Promise.all([client(1), client(2), client(3), client(4), prober()]);
    await new Promise((r) => setTimeout(r, before));
    const from = Date.now() - t0;
    server.stop();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    server.start();
    outage = { from, to: Date.now() - t0 };
    await new Promise((r) => setTimeout(r, after));
    stopping = true;
    await load;

    const scim = answers.filter((a) => a.what !== "health");
    const tally = (list: Answer[]) => [...list.reduce((m, a) => m.set(a.status, (m.get(a.status) ?? 0) + 1), new Map<number, number>())].sort().map(([s, n]) => `${s}×${n}`).join(" ");
    const during = scim.filter((a) => a.at > outage!.from + 500 && a.at < outage!.to);
    const recoveredAt = scim.find((a) => a.at > outage!.to && a.status < 300)?.at;
    console.log(
      `[db restart] outage ${((outage.to - outage.from) / 1000).toFixed(1)} s; SCIM before: ${tally(scim.filter((a) => a.at < outage!.from))}; during: ${tally(during)}; after: ${tally(scim.filter((a) => a.at >= outage!.to))}; first success ${recoveredAt === undefined ? "never" : `${((recoveredAt - outage.to) / 1000).toFixed(1)} s after the restart`}`,
    );

    // Never a 500; every 503 says when to retry.
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    expect(answers.filter((a) => a.status === 503 && !/^\d+$/.test(a.retryAfter ?? ""))).toEqual([]);
    // Before the outage everything worked; during it the app said so.
    expect(scim.filter((a) => a.at < outage.from && a.status >= 300)).toEqual([]);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((a) => a.status !== 503)).toEqual([]);
    expect(answers.some((a) => a.what === "health" && a.status === 503 && a.at > outage!.from && a.at < outage!.to)).toBe(true);
    // It recovers by itself: the last 5 s of the run are all answered.
    expect(recoveredAt).toBeDefined();
    const tail = answers.filter((a) => a.at > outage!.to + after - 5_000);
    expect(tail.length).toBeGreaterThan(0);
    expect(tail.filter((a) => a.status >= 300)).toEqual([]);
  });
});
