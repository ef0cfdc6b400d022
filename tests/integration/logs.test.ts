// The provisioning log's JSON routes, fed by real SCIM requests: what an IdP did shows up newest
// first, filters and keyset pages work, secrets stay out, errors come with advice, the chart counts
// each request in its hour — and another workspace sees none of it.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { signIn, type SessionFetch } from "../support/session";
import { sql as sqlRows } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const USER_PASSWORD = "Pa55word-that-must-never-be-logged";
const ENTRA = "Azure Active Directory SCIM Provisioning";

type Row = { id: string; at: string; method: string; path: string; status: number; resourceType: string | null; resourceId: string | null; summary: string | null; error: string | null; advice: { title: string; action: string } | null };
type Page = { events: Row[]; nextCursor: string | null; total: { count: number; capped: boolean } | null };
type Detail = Row & { requestBody: string | null; responseBody: string | null; scimType: string | null; token: { name: string } | null; employee: { id: string; href: string } | null; client: string | null };
type Chart = { range: string; bucket: "hour" | "day"; from: string; to: string; bars: { start: string; success: number; clientError: number; serverError: number }[]; totals: { all: number; success: number; clientError: number; serverError: number } };


describe.each(engines())("provisioning log on %s", (engine) => {
  let app: RunningApp;
  let slug: string;
  let admin: SessionFetch;
  let other: { slug: string; admin: SessionFetch };
  let userId: string;
  const sent: { method: string; status: number }[] = [];

  const scimRequest = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.baseUrl}/api/scim/v2${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "User-Agent": ENTRA, ...(body ? { "Content-Type": "application/scim+json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    sent.push({ method, status: res.status });
    return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>) };
  };

  const workspace = async (label: string) => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@${label}.test`;
    const ws = await muster<{ slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", email, "--password", PASSWORD);
    const token = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "Entra ID");
    return { slug: ws.slug, token: token.token, admin: await signIn(app.baseUrl, email, PASSWORD) };
  };

  const list = async (query = "", as = admin, s = slug) => {
    const res = await as(`/api/w/${s}/events${query ? `?${query}` : ""}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  const detail = async (id: string) => {
    const res = await admin(`/api/w/${slug}/events/${id}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Detail;
  };

  beforeAll(async () => {
    app = await startApp(engine);
    const a = await workspace("Logs");
    slug = a.slug;
    admin = a.admin;
    const b = await workspace("Elsewhere");
    other = { slug: b.slug, admin: b.admin };
    await scimRequest(b.token, "GET", "/Users");

    const user = {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "ann.logs@example.test",
      name: { givenName: "Ann", familyName: "Logs" },
      emails: [{ value: "ann.logs@example.test", primary: true, type: "work" }],
      title: "Engineer",
      password: USER_PASSWORD,
      active: true,
    };
    const created = await scimRequest(a.token, "POST", "/Users", user);
    expect(created.status).toBe(201);
    userId = String(created.body!.id);
    expect((await scimRequest(a.token, "POST", "/Users", user)).status).toBe(409);
    expect((await scimRequest(a.token, "GET", `/Users?filter=${encodeURIComponent('phoneNumbers.value eq "1"')}`)).status).toBe(400);
    const patch = { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "title", value: "Lead Engineer" }] };
    expect((await scimRequest(a.token, "PATCH", `/Users/${userId}`, patch)).status).toBe(200);
    expect((await scimRequest(a.token, "POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Log readers" })).status).toBe(201);
    expect((await scimRequest(a.token, "PATCH", "/Users/does-not-exist", patch)).status).toBe(404);
    expect((await scimRequest(a.token, "GET", "/ServiceProviderConfig")).status).toBe(200);
    // Enough reads for a second page.
    for (let i = 0; i < 52; i++) await scimRequest(a.token, "GET", `/Users?filter=${encodeURIComponent(`userName eq "u${i}@example.test"`)}`);
  });
  afterAll(async () => app?.stop());

  it("records times in the format the chart's SQL compares against", async () => {
    const [row] = await sqlRows(app, `SELECT "at" FROM "ProvisioningEvent" LIMIT 1`, []);
    if (engine === "sqlite") expect(row!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    else expect(row!.at).toBeInstanceOf(Date);
  });

  it("GET /events lists every request newest first, 50 at a time, with a count", async () => {
    const page = await list();
    expect(page.events).toHaveLength(50);
    expect(page.total).toEqual({ count: 59, capped: false });
    const keys = page.events.map((e) => [e.at, e.id] as const);
    const sorted = [...keys].sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? 1 : -1) : x[0] < y[0] ? 1 : -1));
    expect(keys).toEqual(sorted);
    const newest = new URL(page.events[0]!.path, "http://x");
    expect([newest.pathname, newest.searchParams.get("filter")]).toEqual(["/Users", 'userName eq "u51@example.test"']);
  });

  it("keyset paging continues where the page ended, without overlap or gaps", async () => {
    const first = await list();
    expect(first.nextCursor).toBeTruthy();
    const second = await list(`cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.events).toHaveLength(9);
    expect(second.nextCursor).toBeNull();
    expect(second.total).toBeNull(); // counted once, on the first page
    const ids = [...first.events, ...second.events].map((e) => e.id);
    expect(new Set(ids).size).toBe(59);
    expect(second.events.at(-1)!.path).toBe("/Users");
    expect(second.events.at(-1)!.status).toBe(201);
    expect(new Date(second.events[0]!.at).getTime()).toBeLessThanOrEqual(new Date(first.events.at(-1)!.at).getTime());
  });

  it("filters: errors only, outcome, exact status, method, resource type, resource id", async () => {
    const errors = await list("errors=1");
    expect(errors.events.map((e) => e.status)).toEqual([404, 400, 409]);
    expect(errors.total).toEqual({ count: 3, capped: false });
    expect(errors.events.every((e) => e.advice !== null && e.error !== null)).toBe(true);

    expect((await list("outcome=client-error")).events).toHaveLength(3);
    expect((await list("outcome=server-error")).events).toHaveLength(0);
    expect((await list("outcome=success")).total).toEqual({ count: 56, capped: false });
    expect((await list("outcome=success&errors=1")).events).toHaveLength(0);
    expect((await list("status=409")).events.map((e) => e.method)).toEqual(["POST"]);

    const posts = await list("method=POST");
    expect(posts.events.map((e) => [e.path, e.status])).toEqual([
      ["/Groups", 201],
      ["/Users", 409],
      ["/Users", 201],
    ]);
    expect((await list("method=PATCH&errors=1")).events.map((e) => e.status)).toEqual([404]);

    // Failed requests carry no resourceType; their path says which resource they were about.
    const users = await list("resource=User&errors=1");
    expect(users.events.map((e) => e.status)).toEqual([404, 400, 409]);
    expect(users.events.every((e) => e.resourceType === "User")).toBe(true);
    expect(users.total).toBeNull(); // the resource type is not indexed, so it is not counted
    expect((await list("resource=Group")).events.map((e) => e.path)).toEqual(["/Groups"]);
    expect((await list("resource=other")).events.map((e) => e.path)).toEqual(["/ServiceProviderConfig"]);
    expect((await list(`resourceId=${userId}`)).events.map((e) => e.method)).toEqual(["PATCH", "POST"]);

    expect((await list("range=1h")).total!.count).toBe(59);
    expect((await list(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).events).toHaveLength(0);
    expect((await list(`to=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`)).events).toHaveLength(0);
  });

  it("refuses filters that do not parse (400)", async () => {
    for (const q of ["method=FETCH", "status=99", "outcome=great", "range=2h", "from=yesterday", "cursor=nope", "errors=maybe"]) {
      expect((await admin(`/api/w/${slug}/events?${q}`)).status, q).toBe(400);
    }
    expect((await admin(`/api/w/${slug}/events/chart?range=2d`)).status).toBe(400);
  });

  it("GET /events/{id} shows the request without the password, with the token and the employee", async () => {
    const [post] = (await list("method=POST&status=201&resource=User")).events;
    const e = await detail(post!.id);
    expect(e.summary).toMatch(/^Created user ann\.logs@example\.test/);
    expect(e.requestBody).toContain('"password": "[redacted]"');
    expect(e.requestBody).not.toContain(USER_PASSWORD);
    expect(e.responseBody).toBeNull();
    expect(e.advice).toBeNull();
    expect(e.token?.name).toBe("Entra ID");
    expect(e.client).toBe(ENTRA);
    expect(e.employee).toEqual({ id: userId, name: expect.any(String), href: `/w/${slug}/employees/${userId}` });
  });

  it("an error's detail explains it in words an IdP admin can act on", async () => {
    const [conflict] = (await list("status=409")).events;
    const e = await detail(conflict!.id);
    expect(e.scimType).toBe("uniqueness");
    expect(e.error).toMatch(/already exists/);
    expect(e.responseBody).toContain('"scimType": "uniqueness"');
    expect(e.requestBody).not.toContain(USER_PASSWORD);
    expect(e.advice!.title).toBe("User already exists");
    expect(e.advice!.action).toMatch(/matching attribute/);
    expect(e.employee).toBeNull();

    const [badFilter] = (await list("status=400")).events;
    expect(badFilter!.advice!.title).toBe("Filter not supported");
    const [missing] = (await list("status=404")).events;
    expect(missing!.advice!.action).toMatch(/deleted here or belongs to another workspace/);
  });

  it("GET /events/chart counts every request in its hour and outcome, zeros elsewhere", async () => {
    const res = await admin(`/api/w/${slug}/events/chart?range=24h`);
    expect(res.status).toBe(200);
    const chart = (await res.json()) as Chart;
    expect(chart.bucket).toBe("hour");
    expect(chart.bars).toHaveLength(24);
    expect(chart.totals).toEqual({ all: 59, success: 56, clientError: 3, serverError: 0 });

    const all = [...(await list()).events, ...(await list(`cursor=${encodeURIComponent((await list()).nextCursor!)}`)).events];
    const expected = new Map<string, { success: number; clientError: number; serverError: number }>();
    for (const e of all) {
      const hour = new Date(Math.floor(new Date(e.at).getTime() / 3_600_000) * 3_600_000).toISOString();
      const b = expected.get(hour) ?? { success: 0, clientError: 0, serverError: 0 };
      b[e.status >= 500 ? "serverError" : e.status >= 400 ? "clientError" : "success"]++;
      expected.set(hour, b);
    }
    for (const h of chart.bars) expect({ start: h.start, ...(expected.get(h.start) ?? { success: 0, clientError: 0, serverError: 0 }) }).toEqual(h);
    expect(chart.bars.at(-1)!.start).toBe(new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString());

    const week = (await (await admin(`/api/w/${slug}/events/chart?range=7d`)).json()) as Chart;
    expect(week.bucket).toBe("day");
    expect(week.bars).toHaveLength(7);
    expect(week.bars.at(-1)!.start).toBe(new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString());
    expect(week.totals.all).toBe(59);
    expect(week.totals.clientError).toBe(3);
  });

  it("GET /events/chart (range auto, the default) zooms to the hours that had requests", async () => {
    const auto = (await (await admin(`/api/w/${slug}/events/chart`)).json()) as Chart;
    expect(auto.range).toBe("auto");
    // Every request of this test is minutes old: hourly bars over a day, the busy hours inside it.
    expect(auto.bucket).toBe("hour");
    expect(auto.bars).toHaveLength(24);
    expect(auto.totals).toEqual({ all: 59, success: 56, clientError: 3, serverError: 0 });
    expect(new Date(auto.to).getTime()).toBeLessThanOrEqual(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000);
  });

  it("another workspace's admin gets 404 for this workspace's slug and event ids; no session is 401", async () => {
    const [any] = (await list()).events;
    expect((await other.admin(`/api/w/${slug}/events`)).status).toBe(404);
    expect((await other.admin(`/api/w/${slug}/events/${any!.id}`)).status).toBe(404);
    expect((await other.admin(`/api/w/${slug}/events/chart`)).status).toBe(404);
    // Under their own slug, this workspace's event id is simply not found.
    expect((await other.admin(`/api/w/${other.slug}/events/${any!.id}`)).status).toBe(404);
    const theirs = await list("", other.admin, other.slug);
    expect(theirs.events).toHaveLength(1);
    expect(theirs.events.some((e) => e.id === any!.id)).toBe(false);
    expect((await fetch(`${app.baseUrl}/api/w/${slug}/events`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/w/${slug}/events/${any!.id}`)).status).toBe(401);
  });
});
