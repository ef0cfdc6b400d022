// Issue 8, finding 4: SameSite=Lax keeps other sites' requests cookie-less, but not a page on the
// same site (a sibling subdomain, another port). So every state-changing route handler must refuse
// a request from any origin but the app's own, and take JSON bodies only. The routes are found by
// walking app/ — a new route is covered, or fails this file, without anyone remembering it.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { employeeSignIn, type EmployeeFetch } from "../support/employee-session";
import { engines } from "../support/engines";
import { routeFiles, type HttpMethod } from "../support/routes";
import { signIn, type SessionFetch } from "../support/session";
import { dumpDatabase, sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";

// The only route files without the check, and why.
const EXCLUDED: Record<string, string> = {
  "/api/auth/[...nextauth]": "next-auth checks its own CSRF token (double-submit cookie) on every POST",
  "/api/scim/v2/[[...path]]": "bearer tokens only, never cookies (asserted at the end of this file)",
};
const SAFE: readonly HttpMethod[] = ["GET", "HEAD", "OPTIONS"];

// Throws while the file is collected if a route file exports something it cannot classify.
const ROUTES = routeFiles();
const TARGETS = ROUTES.filter((r) => !(r.pattern in EXCLUDED)).flatMap((r) => r.methods.filter((m) => !SAFE.includes(m)).map((method) => ({ method, pattern: r.pattern })));

type Seed = { slug: string; tokenId: string; inviteId: string; inviteToken: string; employeeId: string; employeeEmail: string; templateId: string; attributeId: string; adminId: string; identityId: string };

// A real value for each dynamic segment, keyed by the segment before it ("tokens/[id]" is a token).
const segmentValues = (s: Seed): Record<string, string> => ({
  "w/[slug]": s.slug,
  "e/[slug]": s.slug,
  "admins/[id]": s.adminId,
  "employees/[id]": s.employeeId,
  "card/[key]": "title",
  "roles/[key]": "GUEST",
  "invites/[id]": s.inviteId,
  "invites/[token]": s.inviteToken,
  "templates/[id]": s.templateId,
  "attributes/[id]": s.attributeId,
  "tokens/[id]": s.tokenId,
  "identities/[id]": s.identityId,
});

const urlOf = (pattern: string, s: Seed) => {
  const values = segmentValues(s);
  const segments = pattern.split("/");
  return segments
    .map((seg, i) => {
      if (!seg.startsWith("[")) return seg;
      const key = `${segments[i - 1]}/${seg}`;
      if (!(key in values)) throw new Error(`${pattern}: no seeded value for ${key} — seed one in csrf.test.ts so this route is walked`);
      return encodeURIComponent(values[key]!);
    })
    .join("/");
};

// Bodies the route would accept, so that a route that lets the request through really writes.
const bodyOf = (method: HttpMethod, pattern: string, s: Seed): unknown => {
  const bodies: Record<string, unknown> = {
    "POST /api/e/[slug]/sign-in-link": { email: s.employeeEmail },
    "POST /api/sign-in-pages": { email: s.employeeEmail },
    "PATCH /api/me/card": { fields: { title: "Set by evil.example" } },
    "PATCH /api/w/[slug]/admins/[id]": { role: "OWNER" },
    "POST /api/w/[slug]/employees": { name: "Evil Example", email: "evil@evil.example" },
    "POST /api/w/[slug]/employees/activation": { allPending: true },
    "PATCH /api/w/[slug]/employees/[id]/card/[key]": { action: "edit", value: "Set by evil.example" },
    "POST /api/w/[slug]/employees/import": { rows: [{ row: 2, email: "imported@evil.example", name: "Imported Evil" }] },
    "POST /api/w/[slug]/invites": { email: "attacker@evil.example", role: "OWNER" },
    "POST /api/w/[slug]/templates": { name: "Evil", fields: { company: "Evil Inc." }, rules: [] },
    "PUT /api/w/[slug]/templates/[id]": { name: "Evil", fields: { company: "Evil Inc." }, rules: [] },
    "POST /api/w/[slug]/templates/[id]/apply": { all: true },
    "POST /api/w/[slug]/templates/[id]/move": { direction: "up" },
    "POST /api/w/[slug]/templates/matches": { rules: [] },
    "POST /api/w/[slug]/tokens": { name: "Evil" },
    "POST /api/w/[slug]/roles": { name: "Evil", capabilities: ["colleagues"] },
    "PUT /api/w/[slug]/roles/[key]": { name: "Evil", capabilities: [] },
    "POST /api/w/[slug]/attributes": { label: "Evil", type: "string", scimPath: "urn:ietf:params:scim:schemas:extension:evil:2.0:User:evil" },
    "PATCH /api/w/[slug]/attributes/[id]": { label: "Evil" },
    "PUT /api/w/[slug]/employees/[id]/role": { role: "GUEST" },
    "POST /api/sign-up": { name: "Evil", email: "evil@evil.example", password: "evil password 123", workspaceName: "Evil Inc" },
    "POST /api/sign-up/confirm": { token: "A".repeat(43), password: "evil password 123" },
    "POST /api/sso-links/confirm": { token: "A".repeat(43) },
    "POST /api/account/password": { current: PASSWORD, next: "evil password 123", confirm: "evil password 123" },
  };
  return bodies[`${method} ${pattern}`] ?? {};
};

describe.each(engines())("cross-site requests to route handlers on %s", (engine) => {
  let app: RunningApp;
  let seed: Seed;
  let admin: SessionFetch;
  let employee: EmployeeFetch;
  let otherPort: number;

  const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  const created = async <T>(res: Response | Promise<Response>, status = 201) => {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(status);
    return (await r.json()) as T;
  };

  // One workspace with a row behind every dynamic segment, made the way the dashboard makes them
  // (requests without Origin or Sec-Fetch-Site, like curl: those are not cross-site).
  const seedWorkspace = async (): Promise<Seed> => {
    const tag = crypto.randomBytes(4).toString("hex");
    const ownerEmail = `owner-${tag}@csrf.test`;
    const ws = await muster<{ slug: string }>(app.env, "workspace:create", "--name", `CSRF ${tag}`, "--owner", ownerEmail, "--password", PASSWORD);
    const token = await muster<{ id: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "Entra ID");
    admin = await signIn(app.baseUrl, ownerEmail, PASSWORD);
    const api = `/api/w/${ws.slug}`;

    // A second admin (to change and remove) who joined through an invite.
    const adminEmail = `admin-${tag}@csrf.test`;
    const joined = await created<{ link: string }>(admin(`${api}/invites`, json("POST", { email: adminEmail, role: "ADMIN" })));
    await created(fetch(`${app.baseUrl}/api/invites/${joined.link.split("/invite/")[1]}`, json("POST", { name: "Ada Admin", password: PASSWORD })), 200);
    const { admins } = await created<{ admins: { id: string; email: string }[] }>(admin(`${api}/admins`), 200);
    // A pending invite, to revoke and to accept.
    const pending = await created<{ invite: { id: string }; link: string }>(admin(`${api}/invites`, json("POST", { email: `invitee-${tag}@csrf.test` })));

    // An employee added by hand whose title the employee may edit, activated and signed in.
    const employeeEmail = `grace-${tag}@csrf.test`;
    const { employee: e } = await created<{ employee: { id: string } }>(admin(`${api}/employees`, json("POST", { name: "Grace Hopper", email: employeeEmail, title: "Rear Admiral" })));
    await created(admin(`${api}/employees/${e.id}/card/title`, json("PATCH", { action: "unlock" })), 200);
    // An activation link as the outbox worker would issue it when sending (stored emails hold none).
    const activation = crypto.randomBytes(32).toString("base64url");
    const [w] = await sql(app, `SELECT "id" FROM "Workspace" WHERE "slug" = $1`, [ws.slug]);
    await sql(app, `INSERT INTO "EmployeeLoginToken" ("id", "workspaceId", "employeeId", "kind", "tokenHash", "expiresAt") VALUES ($1, $2, $3, 'activation', $4, $5)`, [
      `csrf-${tag}`,
      w!.id,
      e.id,
      crypto.createHash("sha256").update(activation).digest("hex"),
      new Date(Date.now() + 3_600_000).toISOString().replace("Z", "+00:00"),
    ]);
    const signedIn = await employeeSignIn(app.baseUrl, { mode: "activate", token: activation, password: "employee password 123" });
    if (!signedIn.ok) throw new Error(`activation failed: ${signedIn.error}`);
    employee = signedIn.fetch;

    const { template } = await created<{ template: { id: string } }>(admin(`${api}/templates`, json("POST", { name: "Everyone", fields: { company: "Acme" }, rules: [] })));
    // A single sign-on identity linked to the owner (to unlink from the account page).
    const [owner] = await sql(app, `SELECT "id" FROM "User" WHERE "email" = $1`, [ownerEmail]);
    await sql(app, `INSERT INTO "Account" ("id", "userId", "provider", "providerAccountId", "email") VALUES ($1, $2, 'okta', $3, $4)`, [`acct-${tag}`, owner!.id, `00u${tag}`, ownerEmail]);
    await created(admin(`${api}/templates`, json("POST", { name: "Fallback", fields: {}, rules: [] })));
    const { attribute } = await created<{ attribute: { id: string } }>(
      admin(`${api}/attributes`, json("POST", { label: "Badge ID", type: "string", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId" })),
    );

    return {
      slug: ws.slug,
      tokenId: token.id,
      inviteId: pending.invite.id,
      inviteToken: pending.link.split("/invite/")[1]!,
      employeeId: e.id,
      employeeEmail,
      templateId: template.id,
      attributeId: attribute.id,
      adminId: admins.find((a) => a.email === adminEmail)!.id,
      identityId: `acct-${tag}`,
    };
  };

  beforeAll(async () => {
    app = await startApp(engine);
    otherPort = await freePort();
    seed = await seedWorkspace();
  });
  afterAll(async () => app?.stop());

  it("walks every route file under app/ and knows what each one is", () => {
    for (const pattern of Object.keys(EXCLUDED)) expect(ROUTES.map((r) => r.pattern), `stale exclusion ${pattern}`).toContain(pattern);
    // Every dynamic segment of a state-changing route has a seeded value (urlOf throws otherwise).
    for (const t of TARGETS) expect(urlOf(t.pattern, seed)).not.toContain("[");
    expect(TARGETS.length).toBeGreaterThanOrEqual(20);
  });

  const attacks = (): { name: string; headers: Record<string, string> }[] => [
    { name: "Origin http://evil.example, text/plain body", headers: { Origin: "http://evil.example", "Content-Type": "text/plain" } },
    { name: "Sec-Fetch-Site: same-site, JSON body", headers: { "Sec-Fetch-Site": "same-site", "Content-Type": "application/json" } },
    { name: "Origin on another port of this host, JSON body", headers: { Origin: `http://127.0.0.1:${otherPort}`, "Content-Type": "application/json" } },
  ];

  it.each(TARGETS)("$method $pattern refuses cross-site requests (403) and writes nothing", async ({ method, pattern }) => {
    const as = pattern.startsWith("/api/me/") ? employee : admin;
    const url = urlOf(pattern, seed);
    const before = await dumpDatabase(app);
    for (const attack of attacks()) {
      const res = await as(url, { method, headers: attack.headers, body: JSON.stringify(bodyOf(method, pattern, seed)) });
      const text = await res.text();
      expect(res.status, `${attack.name}: ${text}`).toBe(403);
      expect(text, attack.name).toMatch(/cross-site request refused/i);
    }
    expect(await dumpDatabase(app)).toEqual(before);
  });

  describe("the app's own pages still work", () => {
    const own = () => ({ Origin: app.baseUrl, "Sec-Fetch-Site": "same-origin" });

    it("POST /invites from the app's origin with JSON creates the invite (201)", async () => {
      const res = await admin(`/api/w/${seed.slug}/invites`, json("POST", { email: `own-${crypto.randomUUID()}@csrf.test` }, own()));
      expect(res.status, await res.clone().text()).toBe(201);
      const { invite } = (await res.json()) as { invite: { id: string } };
      expect(await sql(app, `SELECT "id" FROM "Invite" WHERE "id" = $1`, [invite.id])).toHaveLength(1);
      // A DELETE without a body needs no Content-Type.
      expect((await admin(`/api/w/${seed.slug}/invites/${invite.id}`, { method: "DELETE", headers: own() })).status).toBe(200);
    });

    it("a text/plain body from the app's origin is 415 and writes nothing", async () => {
      const before = await dumpDatabase(app);
      const res = await admin(`/api/w/${seed.slug}/invites`, { method: "POST", headers: { ...own(), "Content-Type": "text/plain" }, body: JSON.stringify({ email: "plain@csrf.test" }) });
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/);
      expect(await dumpDatabase(app)).toEqual(before);
    });

    it("PATCH /api/me/card from the app's origin saves the employee's unlocked field", async () => {
      const res = await employee("/api/me/card", json("PATCH", { fields: { title: "Commodore" } }, own()));
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await sql(app, `SELECT "value" FROM "CardField" WHERE "employeeId" = $1 AND "key" = 'title'`, [seed.employeeId])).toEqual([{ value: "Commodore" }]);
    });

    it("a request with neither Origin nor Sec-Fetch-Site (curl, a script) is not cross-site", async () => {
      await created(admin(`/api/w/${seed.slug}/tokens`, json("POST", { name: "From a script" })));
    });
  });

  it("SCIM ignores cookies: an admin's session without a bearer token is 401 and writes nothing", async () => {
    const before = await dumpDatabase(app);
    const res = await admin("/api/scim/v2/Users", {
      method: "POST",
      headers: { "Content-Type": "application/scim+json" },
      body: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "cookie@csrf.test" }),
    });
    expect(res.status).toBe(401);
    expect(await dumpDatabase(app)).toEqual(before);
  });
});
