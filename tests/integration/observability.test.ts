// What an operator sees of the built app: one JSON log line per request (its id echoed to the
// caller, the workspace, the route as a pattern, status, duration — never a token, a password or
// an email), and Prometheus metrics at /api/metrics behind MUSTER_METRICS_TOKEN.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { URN } from "../support/scim-client";
import { createTenants, type Tenant } from "../support/scim-tenant";
import { signIn } from "../support/session";

const METRICS_TOKEN = `metrics-${crypto.randomBytes(12).toString("hex")}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = { level: string; msg: string; requestId?: string; workspaceId?: string | null; route?: string; method?: string; status?: number; durationMs?: number; resource?: string };

const jsonLines = (app: RunningApp): Line[] =>
  app
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line);

/** The request lines with these ids, once all of them are written (pino writes asynchronously). */
const requestLines = async (app: RunningApp, ids: string[]): Promise<Line[]> => {
  const deadline = Date.now() + 5000;
  for (;;) {
    const lines = jsonLines(app).filter((l) => l.msg === "request" && ids.includes(l.requestId!));
    if (ids.every((id) => lines.some((l) => l.requestId === id)) || Date.now() > deadline) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
};

const scrape = (app: RunningApp, token: string | null = METRICS_TOKEN) => fetch(`${app.baseUrl}/api/metrics`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });

/** `name{labels} value` lines of the exposition as a map from series to value. */
const series = async (app: RunningApp): Promise<Map<string, number>> => {
  const text = await (await scrape(app)).text();
  return new Map(
    text
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => {
        const i = l.lastIndexOf(" ");
        return [l.slice(0, i), Number(l.slice(i + 1))] as const;
      }),
  );
};

const requestId = (tag: string) => `test-${tag}-${crypto.randomBytes(6).toString("hex")}`;

describe.each(engines())("observability on %s", (engine) => {
  let app: RunningApp;
  let t: Record<"logs" | "metrics" | "limited", Tenant>;

  beforeAll(async () => {
    // A burst of 20 per token: the rate-limit test exceeds it on its own token, no other test comes close.
    app = await startApp(engine, { env: { MUSTER_METRICS_TOKEN: METRICS_TOKEN, MUSTER_SCIM_RATE_LIMIT: "5", MUSTER_SCIM_RATE_BURST: "20" } });
    t = await createTenants(app, ["logs", "metrics", "limited"] as const);
  });
  afterAll(async () => app?.stop());

  it("SCIM: echoes a sane X-Request-Id and logs the request under it; an unsafe one is replaced", async () => {
    const id = requestId("echo");
    const res = await t.logs.client.get("/ServiceProviderConfig", { headers: { "X-Request-Id": id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(id);
    const [line] = await requestLines(app, [id]);
    expect(line).toMatchObject({ level: "info", requestId: id, workspaceId: t.logs.workspaceId, method: "GET", route: "/api/scim/v2/ServiceProviderConfig", resource: "ServiceProviderConfig", status: 200 });

    const forged = await t.logs.client.get("/ServiceProviderConfig", { headers: { "X-Request-Id": 'x" "level":"fatal' } });
    expect(forged.headers.get("x-request-id")).toMatch(UUID);
    const fresh = await t.logs.client.get("/ServiceProviderConfig");
    expect(fresh.headers.get("x-request-id")).toMatch(UUID);
    expect(fresh.headers.get("x-request-id")).not.toBe(forged.headers.get("x-request-id"));
  });

  it("SCIM: one JSON line per request with id, workspace, route pattern, status and duration; no password, token, email or filter", async () => {
    const userName = `obs.${crypto.randomBytes(4).toString("hex")}@example.test`;
    const password = `Pw-${crypto.randomBytes(9).toString("base64url")}`;
    const ids = { create: requestId("create"), read: requestId("read"), filter: requestId("filter"), patch: requestId("patch"), missing: requestId("missing") };
    const h = (id: string) => ({ headers: { "X-Request-Id": id } });

    const created = await t.logs.client.post("/Users", { schemas: [URN.USER], userName, password, active: true, emails: [{ value: userName, primary: true, type: "work" }], name: { givenName: "Obs", familyName: "Erver" } }, h(ids.create));
    expect(created.status).toBe(201);
    const userId = created.body.id as string;
    expect((await t.logs.client.get(`/Users/${userId}`, h(ids.read))).status).toBe(200);
    expect((await t.logs.client.get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, h(ids.filter))).status).toBe(200);
    const patch = { schemas: [URN.PATCH], Operations: [{ op: "replace", path: "displayName", value: "Obs Erver" }] };
    expect((await t.logs.client.patch(`/Users/${userId}`, patch, h(ids.patch))).status).toBe(200);
    expect((await t.logs.client.get(`/Users/${crypto.randomUUID()}`, h(ids.missing))).status).toBe(404);

    const lines = await requestLines(app, Object.values(ids));
    expect(lines).toHaveLength(5);
    const byId = (id: string) => lines.find((l) => l.requestId === id)!;
    const expected: [string, string, string, number][] = [
      [ids.create, "POST", "/api/scim/v2/Users", 201],
      [ids.read, "GET", "/api/scim/v2/Users/:id", 200],
      [ids.filter, "GET", "/api/scim/v2/Users", 200],
      [ids.patch, "PATCH", "/api/scim/v2/Users/:id", 200],
      [ids.missing, "GET", "/api/scim/v2/Users/:id", 404],
    ];
    for (const [id, method, route, status] of expected) {
      const line = byId(id);
      expect(line, id).toMatchObject({ msg: "request", method, route, status, resource: "Users", workspaceId: t.logs.workspaceId });
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
      expect(line.durationMs).toBeLessThan(30_000);
    }
    const output = app.output();
    expect(output).not.toContain(password);
    expect(output).not.toContain(t.logs.token);
    expect(output).not.toContain(userName);
    expect(output).not.toContain(userId);
    expect(output).not.toContain("filter=");
  });

  it("dashboard API: the route as a pattern, the admin's workspace, no password or email from the sign-in", async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `admin-${tag}@example.test`;
    const password = `Adm-${crypto.randomBytes(9).toString("base64url")}`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `Observed ${tag}`, "--owner", email, "--password", password);
    const session = await signIn(app.baseUrl, email, password);
    const id = requestId("admin");
    const res = await session(`/api/w/${ws.slug}/tokens`, { headers: { "X-Request-Id": id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(id);
    const anonymous = requestId("anonymous");
    const refused = await fetch(`${app.baseUrl}/api/w/${ws.slug}/tokens`, { headers: { "X-Request-Id": anonymous } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toBe(anonymous);

    const lines = await requestLines(app, [id, anonymous]);
    expect(lines.find((l) => l.requestId === id)).toMatchObject({ method: "GET", route: "/api/w/:slug/tokens", status: 200, workspaceId: ws.workspaceId });
    expect(lines.find((l) => l.requestId === anonymous)).toMatchObject({ route: "/api/w/:slug/tokens", status: 401, workspaceId: null });
    // next-auth's own routes are logged too, as a pattern (the credentials callback carried the password).
    expect(jsonLines(app).some((l) => l.msg === "request" && l.route === "/api/auth/:nextauth*" && l.method === "POST")).toBe(true);
    const output = app.output();
    expect(output).not.toContain(password);
    expect(output).not.toContain(email);
  });

  it("pages get an X-Request-Id too", async () => {
    const id = requestId("page");
    const res = await fetch(`${app.baseUrl}/sign-in`, { headers: { "X-Request-Id": id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(id);
  });

  it("GET /api/metrics: 401 with WWW-Authenticate without the token or with a wrong one", async () => {
    for (const token of [null, "wrong-token", `${METRICS_TOKEN}x`]) {
      const res = await scrape(app, token);
      expect(res.status, String(token)).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="Muster metrics"/);
      expect(await res.text()).not.toContain("muster_");
    }
    const basic = await fetch(`${app.baseUrl}/api/metrics`, { headers: { Authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString("base64")}` } });
    expect(basic.status).toBe(401);
  });

  it("GET /api/metrics: the Prometheus text format with process, outbox and database metrics", async () => {
    const res = await scrape(app);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain("# TYPE muster_scim_requests_total counter");
    expect(text).toContain("# TYPE muster_scim_request_duration_seconds histogram");
    expect(text).toContain("# TYPE muster_outbox_depth gauge");
    expect(text).toMatch(/^muster_outbox_depth\{kind="activation",state="queued"\} \d+$/m);
    expect(text).toMatch(/^muster_outbox_depth\{kind="activation",state="retrying"\} \d+$/m);
    expect(text).toContain("# TYPE muster_email_deliveries_total counter");
    expect(text).toContain("# TYPE muster_rate_limit_refusals_total counter");
    expect(text).toMatch(/^muster_process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^muster_nodejs_eventloop_lag_seconds \d/m);
    expect(text).toContain(`muster_db_info{engine="${engine}"} 1`);
    if (engine === "postgres") {
      const total = /^muster_db_pool_connections\{state="total"\} (\d+)$/m.exec(text);
      expect(Number(total?.[1])).toBeGreaterThan(0);
      expect(text).toMatch(/^muster_db_pool_connections\{state="idle"\} \d+$/m);
      expect(text).toMatch(/^muster_db_pool_connections\{state="waiting"\} 0$/m);
      expect(text).toMatch(/^muster_db_pool_max_connections \d+$/m);
    } else {
      expect(text).not.toContain("muster_db_pool_connections");
    }
    // No secret of the scrape itself ends up in the metrics or the log.
    expect(text).not.toContain(METRICS_TOKEN);
    expect(app.output()).not.toContain(METRICS_TOKEN);
  });

  it("after N SCIM requests the counter and the histogram of that method, resource and status grew by N", async () => {
    const N = 7;
    const key = 'method="GET",resource="Groups",status="200"';
    const before = await series(app);
    for (let i = 0; i < N; i++) expect((await t.metrics.client.get("/Groups?count=1")).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await t.metrics.client.get(`/Groups/${crypto.randomUUID()}`)).status).toBe(404);
    const after = await series(app);
    const grew = (s: string) => (after.get(s) ?? 0) - (before.get(s) ?? 0);
    expect(grew(`muster_scim_requests_total{${key}}`)).toBe(N);
    expect(grew('muster_scim_requests_total{method="GET",resource="Groups",status="404"}')).toBe(2);
    expect(grew('muster_scim_request_duration_seconds_count{method="GET",resource="Groups"}')).toBe(N + 2);
    expect(grew('muster_scim_request_duration_seconds_bucket{le="+Inf",method="GET",resource="Groups"}')).toBe(N + 2);
    expect(after.has('muster_scim_request_duration_seconds_bucket{le="0.005",method="GET",resource="Groups"}')).toBe(true);
    expect(after.get('muster_scim_request_duration_seconds_sum{method="GET",resource="Groups"}')).toBeGreaterThan(0);
  });

  it("an activation email queued by a SCIM create is counted when the worker delivers it (embedded mode: kept)", async () => {
    const kept = 'muster_email_deliveries_total{result="kept"}';
    const before = (await series(app)).get(kept) ?? 0;
    const userName = `mail.${crypto.randomBytes(4).toString("hex")}@example.test`;
    const created = await t.metrics.client.post("/Users", { schemas: [URN.USER], userName, active: true, emails: [{ value: userName, primary: true, type: "work" }] });
    expect(created.status).toBe(201);
    const queued = 'muster_outbox_depth{kind="activation",state="queued"}';
    const deadline = Date.now() + 15_000;
    let after = await series(app);
    while (((after.get(kept) ?? 0) <= before || after.get(queued) !== 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      after = await series(app);
    }
    expect((after.get(kept) ?? 0) - before).toBeGreaterThanOrEqual(1);
    expect(after.get(queued)).toBe(0);
  });

  it("a SCIM token over its rate limit: each 429 counts as a refusal of the scim limiter", async () => {
    const before = await series(app);
    const answers = await Promise.all(Array.from({ length: 40 }, () => t.limited.client.get("/ServiceProviderConfig")));
    const refused = answers.filter((r) => r.status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(answers.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    const after = await series(app);
    const grew = (s: string) => (after.get(s) ?? 0) - (before.get(s) ?? 0);
    expect(grew('muster_rate_limit_refusals_total{limiter="scim"}')).toBe(refused);
    expect(grew('muster_scim_requests_total{method="GET",resource="ServiceProviderConfig",status="429"}')).toBe(refused);
  });
});

describe("metrics switched off", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp("sqlite", { env: { MUSTER_METRICS_TOKEN: "" } });
  });
  afterAll(async () => app?.stop());

  it("GET /api/metrics is 404 without MUSTER_METRICS_TOKEN, whatever the token sent", async () => {
    for (const headers of [{}, { Authorization: "Bearer anything" }, { Authorization: `Bearer ${METRICS_TOKEN}` }] as Record<string, string>[]) {
      const res = await fetch(`${app.baseUrl}/api/metrics`, { headers });
      expect(res.status).toBe(404);
      expect(res.headers.get("www-authenticate")).toBeNull();
      expect(await res.text()).not.toContain("muster_");
    }
  });
});
