// The per-token SCIM limit is one budget for every instance: two apps on one database (PostgreSQL,
// or Redis when REDIS_URL is set) together accept what one would, not twice as much, and refuse the
// rest with 429, Retry-After (whole seconds) and a SCIM error body. A store that cannot be reached
// makes the limit per process, never a 500.
// MUSTER_SCIM_RATE_LIMIT=1 with MUSTER_SCIM_RATE_BURST=10: 10 requests in a 10-second window, long
// enough that a burst of 40 requests falls into one window even on a busy machine.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startApp, type RunningApp } from "../support/app";
import { engines, type Engine } from "../support/engines";
import { scim, type ScimResponse } from "../support/scim-client";
import { expectScimError } from "../support/scim-expect";
import { createTenant, type Tenant } from "../support/scim-tenant";

const LIMIT = { MUSTER_SCIM_RATE_LIMIT: "1", MUSTER_SCIM_RATE_BURST: "10" };
const BUDGET = 10;

const burst = async (baseUrls: string[], token: string, each: number) => {
  const clients = baseUrls.map((u) => scim(u, token));
  // Alternate instances, all at once: an IdP behind a round-robin proxy.
  const responses = await Promise.all(Array.from({ length: each * clients.length }, (_, i) => clients[i % clients.length]!.get("/ServiceProviderConfig")));
  return responses.map((r, i) => ({ instance: i % clients.length, res: r }));
};

const expectRefusals = (refused: ScimResponse[]) => {
  for (const r of refused) {
    expectScimError(r, 429);
    const wait = Number(r.headers.get("retry-after"));
    expect(r.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(wait).toBeLessThanOrEqual(10);
  }
};

const twoInstances = (engine: Engine, env: Record<string, string>) => {
  const apps: RunningApp[] = [];
  let tenant: Tenant;
  beforeAll(async () => {
    apps.push(await startApp(engine, { env: { ...LIMIT, ...env } }));
    apps.push(await startApp(engine, { env: { ...LIMIT, ...env }, sharing: apps[0] }));
    tenant = await createTenant(apps[0]!, "Shared limit");
  });
  afterAll(async () => {
    // The second shares the first's database: stop it first, then the first drops the database.
    for (const app of [...apps].reverse()) await app.stop();
  });

  it("two instances accept the token's budget once between them; the rest is 429 with Retry-After and a SCIM body", async () => {
    // Each instance connects to its store on its first SCIM request: make that one with another
    // workspace's token, so the burst below meets two warm instances.
    const other = await createTenant(apps[1]!, "Bystander");
    for (const app of apps) expect((await scim(app.baseUrl, other.token).get("/ServiceProviderConfig")).status).toBe(200);
    const results = await burst(
      apps.map((a) => a.baseUrl),
      tenant.token,
      20,
    );
    const statuses = results.map((r) => r.res.status);
    expect(statuses.filter((s) => s !== 200 && s !== 429), statuses.join(",")).toEqual([]);
    const accepted = results.filter((r) => r.res.status === 200);
    expect(accepted.length, statuses.join(",")).toBe(BUDGET);
    // The budget is spent on both: each instance refuses the token now, whichever served the burst.
    for (const app of apps) expect((await scim(app.baseUrl, tenant.token).get("/ServiceProviderConfig")).status).toBe(429);
    expectRefusals(results.filter((r) => r.res.status === 429).map((r) => r.res));
    // Another token of another workspace has its own budget.
    expect((await scim(apps[1]!.baseUrl, other.token).get("/ServiceProviderConfig")).status).toBe(200);
  });
};

describe.skipIf(!engines().includes("postgres"))("shared SCIM rate limit on postgres (no Redis)", () => {
  twoInstances("postgres", {});
});

const redisEngine = engines().includes("postgres") ? "postgres" : "sqlite";
describe(`shared SCIM rate limit on Redis (${redisEngine})`, () => {
  twoInstances(redisEngine, { REDIS_URL: "redis://127.0.0.1:6379", MUSTER_REDIS_PREFIX: `muster-test-${crypto.randomBytes(4).toString("hex")}:` });
});

describe("an unreachable Redis degrades to a per-process limit, never a 500", () => {
  let app: RunningApp;
  let tenant: Tenant;
  beforeAll(async () => {
    app = await startApp("sqlite", { env: { ...LIMIT, REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    tenant = await createTenant(app, "No Redis");
  });
  afterAll(async () => app?.stop());

  it("GET /ServiceProviderConfig × 15: 10 accepted, 5 refused with 429", async () => {
    const results = await burst([app.baseUrl], tenant.token, 15);
    const statuses = results.map((r) => r.res.status);
    expect(statuses.filter((s) => s === 200).length, statuses.join(",")).toBe(BUDGET);
    expect(statuses.filter((s) => s === 429).length, statuses.join(",")).toBe(5);
    expectRefusals(results.filter((r) => r.res.status === 429).map((r) => r.res));
  });
});
