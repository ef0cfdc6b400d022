// Issue "Security": what a penetration test found, each as behaviour an attacker would meet —
// sessions that end, paused brute force (shared by every instance), sign-up that reveals no
// accounts, redirects that stay on this origin, and emails whose stored copy holds no live link.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { employeeSignIn } from "../support/employee-session";
import { engines } from "../support/engines";
import { attemptSignIn, signIn, signOutOf, type SessionFetch } from "../support/session";
import { linkIn, startMailbox, waitFor, type Mailbox } from "../support/smtp";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const tag = () => crypto.randomBytes(4).toString("hex");
const json = (method: string, body?: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

// Many sign-ins (Argon2id) and CLI runs per test: slower than the default 30 s on a busy machine.
describe.each(engines())("account security on %s", { timeout: 120_000 }, (engine) => {
  let app: RunningApp;
  let second: RunningApp;
  let mailbox: Mailbox;

  const owner = async (label: string) => {
    const email = `owner-${tag()}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag()}`, "--owner", email, "--password", PASSWORD);
    return { ...ws, email };
  };
  const tokensOf = (fetch: SessionFetch, slug: string) => fetch(`/api/w/${slug}/tokens`).then((r) => r.status);

  beforeAll(async () => {
    mailbox = await startMailbox();
    const env = { SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, MAIL_FROM: "Muster <muster@example.test>", MUSTER_MAIL_RETRY_BASE_MS: "200", MUSTER_MAIL_WORKER_INTERVAL_MS: "200" };
    app = await startApp(engine, { env });
    second = await startApp(engine, { env, sharing: app });
  });
  afterAll(async () => {
    await second?.stop();
    await app?.stop();
    await mailbox?.stop();
  });

  describe("sessions end on the server (finding 7)", () => {
    it("a cookie copied before sign-out is refused after it", async () => {
      const o = await owner("signout");
      const a = await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD });
      expect(a.signedIn).toBe(true);
      const copy = new Map(a.jar);
      expect(await tokensOf(a.fetch, o.slug)).toBe(200);
      await signOutOf(app.baseUrl, a.jar);
      const stolen = (path: string) => fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: { Cookie: [...copy].map(([k, v]) => `${k}=${v}`).join("; ") } });
      expect((await stolen(`/api/w/${o.slug}/tokens`)).status).toBe(401);
      const page = await stolen(`/w/${o.slug}`);
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toContain("/sign-in");
    });

    it("a password change ends every other session; 'sign out everywhere' ends them all", async () => {
      const o = await owner("password");
      const laptop = await signIn(app.baseUrl, o.email, PASSWORD);
      const phone = await signIn(second.baseUrl, o.email, PASSWORD);
      const sessions = (await (await laptop("/api/account/sessions")).json()) as { sessions: { current: boolean }[] };
      expect(sessions.sessions).toHaveLength(2);
      expect(sessions.sessions.filter((s) => s.current)).toHaveLength(1);

      const wrong = await laptop("/api/account/password", json("POST", { current: "not my password", next: "a brand new password", confirm: "a brand new password" }));
      expect(wrong.status).toBe(400);
      const changed = await laptop("/api/account/password", json("POST", { current: PASSWORD, next: "a brand new password", confirm: "a brand new password" }));
      expect(changed.status).toBe(200);
      expect(await changed.json()).toEqual({ endedSessions: 1 });
      expect(await tokensOf(phone, o.slug)).toBe(401);
      expect(await tokensOf(laptop, o.slug)).toBe(200);
      expect((await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD })).signedIn).toBe(false);

      const tablet = await signIn(app.baseUrl, o.email, "a brand new password");
      expect((await laptop("/api/account/sessions?scope=all", { method: "DELETE" })).status).toBe(200);
      expect(await tokensOf(laptop, o.slug)).toBe(401);
      expect(await tokensOf(tablet, o.slug)).toBe(401);
    });

    it("an admin removed from the workspace is signed out at once", async () => {
      const o = await owner("removal");
      const boss = await signIn(app.baseUrl, o.email, PASSWORD);
      const inviteeEmail = `admin-${tag()}@removal.test`;
      const invite = (await (await boss(`/api/w/${o.slug}/invites`, json("POST", { email: inviteeEmail, role: "ADMIN" }))).json()) as { link: string };
      const accepted = await fetch(`${app.baseUrl}/api/invites/${invite.link.split("/").pop()}`, json("POST", { name: "Ann Admin", password: PASSWORD }));
      expect(accepted.status).toBe(200);
      const ann = await signIn(app.baseUrl, inviteeEmail, PASSWORD);
      expect(await tokensOf(ann, o.slug)).toBe(200);
      const admins = (await (await boss(`/api/w/${o.slug}/admins`)).json()) as { admins: { id: string; email: string }[] };
      const annId = admins.admins.find((a) => a.email === inviteeEmail)!.id;
      expect((await boss(`/api/w/${o.slug}/admins/${annId}`, { method: "DELETE" })).status).toBe(200);
      expect((await ann("/api/account/sessions")).status).toBe(401);
    });
  });

  describe("brute force is paused (finding 2)", () => {
    it("30 wrong passwords: 5 × 401, then 429 with Retry-After — for the right password too, on every instance — and one email to the owner", async () => {
      const o = await owner("brute");
      const statuses: number[] = [];
      let last = await attemptSignIn(app.baseUrl, { email: o.email, password: "wrong password 0" });
      statuses.push(last.status);
      for (let i = 1; i < 30; i++) {
        last = await attemptSignIn(app.baseUrl, { email: o.email, password: `wrong password ${i}` });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
      expect(Number(last.retryAfter)).toBeGreaterThan(800);
      expect(last.error).toMatch(/^TooManyAttempts:\d+$/);

      const right = await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD });
      expect(right).toMatchObject({ status: 429, signedIn: false });
      // The counters live in the database: the other instance refuses too.
      expect(await attemptSignIn(second.baseUrl, { email: o.email, password: PASSWORD })).toMatchObject({ status: 429, signedIn: false });

      const mail = await waitFor("the lockout email", () => mailbox.to(o.email).find((m) => m.subject.includes("paused")));
      expect(mail.text).toContain("5 times in a row");
      expect(mailbox.to(o.email).filter((m) => m.subject.includes("paused"))).toHaveLength(1);
      // Keys are hashes: the email typed is not in the table.
      const keys = await sql(app, `SELECT "key" FROM "RateLimit"`);
      expect(keys.length).toBeGreaterThan(0);
      expect(JSON.stringify(keys)).not.toContain(o.email);
    });

    it("parallel guesses are counted before they are checked", async () => {
      const o = await owner("parallel");
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attemptSignIn(app.baseUrl, { email: o.email, password: `parallel guess ${i}` })));
      expect(results.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
      expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(15);
    });

    it("a success resets the count: four wrong passwords, the right one, four more still sign in", async () => {
      const o = await owner("reset");
      for (let i = 0; i < 4; i++) expect((await attemptSignIn(app.baseUrl, { email: o.email, password: `nope ${i}` })).status).toBe(401);
      expect((await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD })).signedIn).toBe(true);
      for (let i = 0; i < 4; i++) expect((await attemptSignIn(app.baseUrl, { email: o.email, password: `nope again ${i}` })).status).toBe(401);
      expect((await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD })).signedIn).toBe(true);
    });

    it("one client address guessing across many accounts is paused after 50 failures", async () => {
      const from = { "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 200) + 20}` };
      const statuses: number[] = [];
      for (let i = 0; i < 52; i++) statuses.push((await attemptSignIn(app.baseUrl, { email: `nobody-${i}-${tag()}@spray.test`, password: "Winter2026!" }, { headers: from })).status);
      expect(statuses.slice(0, 50)).toEqual(Array(50).fill(401));
      expect(statuses.slice(50)).toEqual([429, 429]);
      // Another address is not affected.
      const o = await owner("other-address");
      expect((await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD }, { headers: { "X-Forwarded-For": "192.0.2.44" } })).signedIn).toBe(true);
    });

    it("an employee's password sign-in is paused the same way", async () => {
      const o = await owner("employee-brute");
      const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", o.slug, "--name", "idp");
      const email = `eve-${tag()}@employee-brute.test`;
      const created = await fetch(`${app.baseUrl}/api/scim/v2/Users`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
        body: JSON.stringify({ userName: email, name: { givenName: "Eve", familyName: "Employee" }, emails: [{ value: email, primary: true }], active: true }),
      });
      expect(created.status).toBe(201);
      const link = linkIn(await waitFor("the activation email", () => mailbox.to(email)[0]), `${app.baseUrl}/activate/`);
      const activated = await employeeSignIn(app.baseUrl, { mode: "activate", token: link.split("/").pop()!, password: "employee password 1" });
      expect(activated.ok).toBe(true);

      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await attemptSignIn(app.baseUrl, { mode: "password", slug: o.slug, email, password: `guess ${i}` }, { provider: "employee" })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      expect((await attemptSignIn(app.baseUrl, { mode: "password", slug: o.slug, email, password: "employee password 1" }, { provider: "employee" })).status).toBe(429);
      await waitFor("the employee's lockout email", () => mailbox.to(email).find((m) => m.subject.includes("paused")));
    });
  });

  describe("sign-up reveals no accounts (finding 2)", () => {
    it("a taken and a new email get the same answer; only the new one can create a workspace, by its emailed link and password", async () => {
      const o = await owner("signup");
      const fresh = `new-${tag()}@signup.test`;
      const before = await sql(app, `SELECT count(*) AS n FROM "Workspace"`);
      const taken = await fetch(`${app.baseUrl}/api/sign-up`, json("POST", { name: "Mallory", email: o.email.toUpperCase(), password: "mallory password", workspaceName: "Takeover" }));
      const newcomer = await fetch(`${app.baseUrl}/api/sign-up`, json("POST", { name: "Nina", email: fresh, password: "nina's password", workspaceName: "Nina Co" }));
      expect([taken.status, newcomer.status]).toEqual([202, 202]);
      expect(await taken.json()).toEqual(await newcomer.json());
      expect(await sql(app, `SELECT count(*) AS n FROM "Workspace"`)).toEqual(before);

      const notice = await waitFor("the 'you already have an account' email", () => mailbox.to(o.email).find((m) => m.subject.includes("already have")));
      expect(notice.text).not.toMatch(/\/sign-up\/confirm\//);
      const confirm = linkIn(await waitFor("the confirmation email", () => mailbox.to(fresh)[0]), `${app.baseUrl}/sign-up/confirm/`);
      const token = confirm.split("/").pop()!;
      expect((await fetch(confirm)).status).toBe(200); // a GET (a mail scanner) spends nothing
      expect((await fetch(`${app.baseUrl}/api/sign-up/confirm`, json("POST", { token, password: "not nina's password" }))).status).toBe(400);
      const done = await fetch(`${app.baseUrl}/api/sign-up/confirm`, json("POST", { token, password: "nina's password" }));
      expect(done.status).toBe(201);
      expect(await done.json()).toMatchObject({ email: fresh, slug: expect.stringMatching(/^nina-co/) });
      expect((await fetch(`${app.baseUrl}/api/sign-up/confirm`, json("POST", { token, password: "nina's password" }))).status).toBe(400);
      expect((await attemptSignIn(app.baseUrl, { email: fresh, password: "nina's password" })).signedIn).toBe(true);
      // The original owner's password was never touched.
      expect((await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD })).signedIn).toBe(true);
    });
  });

  describe("redirects stay on this origin (finding 3)", () => {
    const payloads = ["/\\evil.example", "/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "//evil.example", "/.//evil.example", "https://evil.example/x", "javascript:alert(1)", "/w/%0d%0aSet-Cookie:x=1"];

    it("a signed-in visit of /sign-in?callbackUrl=… goes to a path of this app, never elsewhere and never a 500", async () => {
      const o = await owner("redirect");
      const admin = await signIn(app.baseUrl, o.email, PASSWORD);
      for (const raw of payloads) {
        const res = await admin(`/sign-in?callbackUrl=${encodeURIComponent(raw)}`);
        expect(res.status, raw).toBe(307);
        const target = new URL(res.headers.get("location")!, app.baseUrl);
        expect(target.origin, raw).toBe(app.baseUrl);
        expect(target.pathname.startsWith("//"), raw).toBe(false);
      }
      const deep = await admin(`/sign-in?callbackUrl=${encodeURIComponent(`/w/${o.slug}/settings?tab=admins`)}`);
      expect(deep.headers.get("location")).toBe(`/w/${o.slug}/settings?tab=admins`);
    });

    it("next-auth's own redirect after sign-in stays on this origin", async () => {
      const o = await owner("redirect-auth");
      for (const raw of payloads) {
        const a = await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD, callbackUrl: raw });
        expect(a.signedIn, raw).toBe(true);
      }
      const a = await attemptSignIn(app.baseUrl, { email: o.email, password: PASSWORD, callbackUrl: "/\\evil.example" });
      const signout = await fetch(`${app.baseUrl}/api/auth/signin?callbackUrl=${encodeURIComponent("https://evil.example/")}`, { redirect: "manual", headers: { Cookie: [...a.jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
      expect(new URL(signout.headers.get("location") ?? "/", app.baseUrl).origin).toBe(app.baseUrl);
    });
  });

  describe("stored emails hold no live link (finding 5)", () => {
    it("the link exists only in the sent email: never in the outbox, not while SMTP is down, not after", async () => {
      const o = await owner("secrets");
      const admin = await signIn(app.baseUrl, o.email, PASSWORD);
      const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", o.slug, "--name", "idp");
      const email = `sam-${tag()}@secrets.test`;
      await mailbox.stop();
      let employeeId: string;
      try {
        const res = await fetch(`${app.baseUrl}/api/scim/v2/Users`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
          body: JSON.stringify({ userName: email, emails: [{ value: email, primary: true }], active: true }),
        });
        employeeId = ((await res.json()) as { id: string }).id;
        await waitFor("a failed attempt", async () => {
          const [row] = await sql(app, `SELECT "attempts" FROM "OutboxEmail" WHERE "to" = $1`, [email]);
          return row && Number(row.attempts) >= 1;
        });
        // While undelivered, no link works: the one issued for the failed attempt was revoked.
        const issued = await sql(app, `SELECT "expiresAt", "usedAt" FROM "EmployeeLoginToken" WHERE "employeeId" = $1`, [employeeId]);
        expect(issued.filter((t) => t.usedAt === null && new Date(t.expiresAt as string).getTime() > Date.now())).toEqual([]);
      } finally {
        await mailbox.start();
      }
      const link = linkIn(await waitFor("the activation email", () => mailbox.to(email)[0]), `${app.baseUrl}/activate/`);
      const secret = link.split("/").pop()!;
      const rows = await sql(app, `SELECT * FROM "OutboxEmail" WHERE "to" = $1`, [email]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect(String(rows[0]!.text)).toContain("{{muster:link}}");
      const page = await (await admin(`/w/${o.slug}/outbox/${rows[0]!.id}`)).text();
      expect(page).not.toContain(secret);
      expect(page).toContain("never stored");
      // The emailed link is the one that works.
      expect((await employeeSignIn(app.baseUrl, { mode: "activate", token: secret })).ok).toBe(true);
    });
  });
});
