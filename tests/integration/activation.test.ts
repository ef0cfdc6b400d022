// Activation emails through a real SMTP server (smtp-server on loopback), the employee's sign-in
// (activation link, password, sign-in link by email), their card, and what archiving ends.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { employeeSignIn, type EmployeeFetch } from "../support/employee-session";
import { engines } from "../support/engines";
import { signIn, type SessionFetch } from "../support/session";
import { linkIn, startMailbox, waitFor, type Mailbox } from "../support/smtp";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const EMPLOYEE_PASSWORD = "employee password 123";
const MAIL_FROM = "Muster <muster@example.test>";

type OutboxRow = { id: string; to: string; kind: string; status: string; attempts: number; lastError: string | null };


const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tag = () => crypto.randomBytes(4).toString("hex");

describe.each(engines())("activation emails and employee sign-in on %s", (engine) => {
  let app: RunningApp;
  let mailbox: Mailbox;

  // A workspace with a signed-in owner and a SCIM token.
  const workspace = async (label: string) => {
    const t = tag();
    const email = `owner-${t}@${label}.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${t}`, "--owner", email, "--password", PASSWORD);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "test");
    const admin = await signIn(app.baseUrl, email, PASSWORD);
    const scim = (method: string, path: string, body?: unknown) =>
      fetch(`${app.baseUrl}/api/scim/v2${path}`, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { ...ws, admin, scim };
  };

  const userDoc = (email: string, extra: Record<string, unknown> = {}) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: email,
    name: { givenName: "Grace", familyName: "Hopper" },
    displayName: "Grace Hopper",
    title: "Rear Admiral",
    emails: [{ value: email, type: "work", primary: true }],
    active: true,
    ...extra,
  });

  const provision = async (ws: Awaited<ReturnType<typeof workspace>>, email: string, extra?: Record<string, unknown>) => {
    const res = await ws.scim("POST", "/Users", userDoc(email, extra));
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  const outbox = async (admin: SessionFetch, slug: string) => {
    const res = await admin(`/api/w/${slug}/outbox`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { rows: OutboxRow[] }).rows;
  };

  const activationLinkFor = async (email: string) => {
    const mail = await waitFor(`the activation email to ${email}`, () => mailbox.to(email)[0]);
    return linkIn(mail, `${app.baseUrl}/activate/`);
  };
  const tokenOf = (link: string) => link.split("/").pop()!;

  const activate = async (link: string, password = EMPLOYEE_PASSWORD): Promise<EmployeeFetch> => {
    const res = await employeeSignIn(app.baseUrl, { mode: "activate", token: tokenOf(link), password });
    if (!res.ok) throw new Error(`activation failed: ${res.error}`);
    return res.fetch;
  };

  beforeAll(async () => {
    mailbox = await startMailbox();
    app = await startApp(engine, {
      env: { SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, MAIL_FROM, MUSTER_MAIL_RETRY_BASE_MS: "200", MUSTER_MAIL_WORKER_INTERVAL_MS: "200" },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await mailbox?.stop();
  });

  it("POST /Users sends exactly one activation email whose link works; a replay sends none", async () => {
    const ws = await workspace("acme");
    const email = `grace-${tag()}@acme.test`;
    await provision(ws, email);
    const link = await activationLinkFor(email);
    const [mail] = mailbox.to(email);
    expect(mail!.from).toBe("muster@example.test");
    expect(mail!.subject).toContain("Activate your");
    expect(mail!.raw).toMatch(/Content-Type: text\/html/i);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Activate your account");
    expect(html).toContain(email);

    // The same POST again is a 409: no second email, now or later.
    expect((await ws.scim("POST", "/Users", userDoc(email))).status).toBe(409);
    await sleep(1200);
    expect(mailbox.to(email)).toHaveLength(1);

    const rows = (await outbox(ws.admin, ws.slug)).filter((r) => r.to === email);
    expect(rows).toEqual([expect.objectContaining({ kind: "activation", status: "sent", attempts: 1, lastError: null })]);
    // Only the hash of the link is stored.
    const stored = await sql(app, `SELECT "tokenHash" FROM "EmployeeLoginToken" WHERE "tokenHash" = $1 OR "tokenHash" = $2`, [tokenOf(link), crypto.createHash("sha256").update(tokenOf(link)).digest("hex")]);
    expect(stored).toEqual([{ tokenHash: crypto.createHash("sha256").update(tokenOf(link)).digest("hex") }]);
  });

  it("with SMTP down the email waits with attempts > 0, and is delivered once when SMTP is back", async () => {
    const ws = await workspace("outage");
    const email = `ada-${tag()}@outage.test`;
    await mailbox.stop();
    try {
      await provision(ws, email);
      const waiting = await waitFor("two failed attempts", async () => {
        const row = (await outbox(ws.admin, ws.slug)).find((r) => r.to === email);
        return row && row.attempts >= 2 ? row : null;
      });
      expect(waiting.status).toBe("retrying");
      expect(waiting.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
      expect(mailbox.to(email)).toHaveLength(0);
    } finally {
      await mailbox.start();
    }
    await activationLinkFor(email);
    await sleep(1500);
    expect(mailbox.to(email)).toHaveLength(1);
    const row = (await outbox(ws.admin, ws.slug)).find((r) => r.to === email)!;
    expect(row.status).toBe("sent");
    expect(row.attempts).toBeGreaterThanOrEqual(3);
  });

  it("activation: a password (≥ 10 characters) signs the employee in; the link works once", async () => {
    const ws = await workspace("activate");
    const email = `linus-${tag()}@activate.test`;
    await provision(ws, email);
    const link = await activationLinkFor(email);

    const short = await employeeSignIn(app.baseUrl, { mode: "activate", token: tokenOf(link), password: "short" });
    expect(short).toEqual({ ok: false, error: expect.stringContaining("at least 10 characters") });

    const me = await activate(link);
    const page = await me("/me");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`data-testid="employee-signed-in-as"`);
    expect(html).toContain("Grace Hopper");

    const again = await employeeSignIn(app.baseUrl, { mode: "activate", token: tokenOf(link), password: EMPLOYEE_PASSWORD });
    expect(again).toEqual({ ok: false, error: expect.stringContaining("already been used") });
    expect(await (await fetch(link)).text()).toContain("already been used");

    // Later sign-ins: email + password within the workspace; a wrong password is refused.
    expect((await employeeSignIn(app.baseUrl, { mode: "password", slug: ws.slug, email, password: EMPLOYEE_PASSWORD })).ok).toBe(true);
    expect((await employeeSignIn(app.baseUrl, { mode: "password", slug: ws.slug, email, password: "wrong password!" })).ok).toBe(false);
    expect((await employeeSignIn(app.baseUrl, { mode: "password", slug: "another-workspace", email, password: EMPLOYEE_PASSWORD })).ok).toBe(false);

    // An employee session is not an admin session.
    expect((await me(`/api/w/${ws.slug}/outbox`)).status).toBe(401);
    expect((await me(`/w/${ws.slug}`)).status).toBe(307);
  });

  it("activation without a password, then sign-in links by email (15 minutes, once)", async () => {
    const ws = await workspace("magic");
    const email = `mary-${tag()}@magic.test`;
    await provision(ws, email);
    await activate(await activationLinkFor(email), "");

    const ask = await fetch(`${app.baseUrl}/api/e/${ws.slug}/sign-in-link`, json("POST", { email }));
    expect(ask.status).toBe(202);
    // Unknown addresses get the same answer and no email.
    expect((await fetch(`${app.baseUrl}/api/e/${ws.slug}/sign-in-link`, json("POST", { email: `nobody-${tag()}@magic.test` }))).status).toBe(202);

    const mail = await waitFor("the sign-in link email", () => mailbox.to(email).find((m) => m.subject.includes("sign-in link")));
    const link = linkIn(mail, `${app.baseUrl}/e/${ws.slug}/sign-in/`);
    expect(mail.text).toContain("15 minutes");
    // Opening the page does not spend the link (mail scanners open links too).
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link)).status).toBe(200);

    const signedIn = await employeeSignIn(app.baseUrl, { mode: "magic", token: tokenOf(link) });
    expect(signedIn.ok).toBe(true);
    if (signedIn.ok) expect(await (await signedIn.fetch("/me")).text()).toContain("Grace Hopper");
    expect(await employeeSignIn(app.baseUrl, { mode: "magic", token: tokenOf(link) })).toEqual({ ok: false, error: expect.stringContaining("already been used") });

    // A second request within a minute sends nothing more.
    await fetch(`${app.baseUrl}/api/e/${ws.slug}/sign-in-link`, json("POST", { email }));
    await sleep(1000);
    expect(mailbox.to(email).filter((m) => m.subject.includes("sign-in link"))).toHaveLength(1);
  });

  it("the employee edits unlocked fields only; an edit unlinks the field", async () => {
    const ws = await workspace("edit");
    const email = `alan-${tag()}@edit.test`;
    const id = await provision(ws, email);
    const me = await activate(await activationLinkFor(email));

    // Locked (the default): refused, nothing saved.
    const locked = await me("/api/me/card", json("PATCH", { fields: { title: "Chief Codebreaker" } }));
    expect(locked.status).toBe(403);

    expect((await ws.admin(`/api/w/${ws.slug}/employees/${id}/card/title`, json("PATCH", { action: "unlock" }))).status).toBe(200);
    const bad = await me("/api/me/card", json("PATCH", { fields: { title: "x".repeat(250) } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fieldErrors: Record<string, string> }).fieldErrors.title).toBeTruthy();

    const saved = await me("/api/me/card", json("PATCH", { fields: { title: "Chief Codebreaker" } }));
    expect(saved.status).toBe(200);
    const card = (await (await ws.admin(`/api/w/${ws.slug}/employees/${id}/card`)).json()) as { fields: { key: string; value: string | null; source: string | null; locked: boolean }[] };
    expect(card.fields.find((f) => f.key === "title")).toMatchObject({ value: "Chief Codebreaker", source: "muster", locked: false });

    // A later IdP change no longer overwrites the employee's value.
    expect((await ws.scim("PUT", `/Users/${id}`, userDoc(email, { title: "Mathematician" }))).status).toBe(200);
    const after = (await (await ws.admin(`/api/w/${ws.slug}/employees/${id}/card`)).json()) as typeof card;
    expect(after.fields.find((f) => f.key === "title")?.value).toBe("Chief Codebreaker");
    expect(await (await me("/me")).text()).toContain("Chief Codebreaker");
  });

  it("the public card: page, vCard and QR code for an activated employee only", async () => {
    const ws = await workspace("share");
    const email = `katherine-${tag()}@share.test`;
    await provision(ws, email, { phoneNumbers: [{ value: "+1 555 0100", type: "work" }] });
    const me = await activate(await activationLinkFor(email));
    const html = await (await me("/me")).text();
    const shareUrl = /data-testid="share-url"[^>]*>([^<]+)</.exec(html)?.[1];
    expect(shareUrl).toMatch(new RegExp(`^${app.baseUrl}/c/[A-Za-z0-9_-]+$`));

    const page = await fetch(shareUrl!);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain("Grace Hopper");
    expect(body).toContain("<svg");
    expect(body).toContain("Save contact");

    const vcard = await fetch(`${shareUrl}/vcard`);
    expect(vcard.status).toBe(200);
    expect(vcard.headers.get("content-type")).toContain("text/vcard");
    const text = await vcard.text();
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    expect(text).toContain("FN:Grace Hopper\r\n");
    expect(text).toContain("N:Hopper;Grace;;;\r\n");
    expect(text).toContain("TITLE:Rear Admiral\r\n");
    expect(text).toContain("TEL;TYPE=WORK,VOICE:+1 555 0100\r\n");
    expect(text).toContain(`EMAIL;TYPE=INTERNET,WORK:${email}\r\n`);
    expect(text).toContain(`URL:${shareUrl}\r\n`);

    expect((await fetch(`${app.baseUrl}/c/not-a-real-share-id`)).status).toBe(404);
  });

  it("archiving ends the employee's sessions, links and public card", async () => {
    const ws = await workspace("archive");
    const activeEmail = `barbara-${tag()}@archive.test`;
    const pendingEmail = `frances-${tag()}@archive.test`;
    const activeId = await provision(ws, activeEmail);
    const pendingId = await provision(ws, pendingEmail);
    const me = await activate(await activationLinkFor(activeEmail));
    const shareUrl = /data-testid="share-url"[^>]*>([^<]+)</.exec(await (await me("/me")).text())![1]!;
    const pendingLink = await activationLinkFor(pendingEmail);

    // Deactivated by the IdP (PATCH active=false) and deleted (DELETE): both archive.
    const deactivate = { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] };
    expect((await ws.scim("PATCH", `/Users/${activeId}`, deactivate)).status).toBe(200);
    expect((await ws.scim("DELETE", `/Users/${pendingId}`)).status).toBe(204);

    const signedOut = (html: string) => html.includes("Sign in to see your card") && !html.includes('data-testid="employee-signed-in-as"');
    expect(signedOut(await (await me("/me")).text())).toBe(true);
    expect((await me("/api/me/card", json("PATCH", { fields: {} }))).status).toBe(401);
    expect((await employeeSignIn(app.baseUrl, { mode: "password", slug: ws.slug, email: activeEmail, password: EMPLOYEE_PASSWORD })).ok).toBe(false);
    expect((await fetch(shareUrl)).status).toBe(404);

    expect(await (await fetch(pendingLink)).text()).toContain("no longer valid");
    expect(await employeeSignIn(app.baseUrl, { mode: "activate", token: tokenOf(pendingLink), password: EMPLOYEE_PASSWORD })).toEqual({ ok: false, error: expect.stringContaining("no longer valid") });

    // Re-activated by the IdP: the old session and link stay dead (the password works again).
    const reactivate = { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: true }] };
    expect((await ws.scim("PATCH", `/Users/${activeId}`, reactivate)).status).toBe(200);
    expect(signedOut(await (await me("/me")).text())).toBe(true);
    expect((await employeeSignIn(app.baseUrl, { mode: "password", slug: ws.slug, email: activeEmail, password: EMPLOYEE_PASSWORD })).ok).toBe(true);
  });

  it("POST /api/w/{slug}/employees/activation sends again, once per request; the workspace toggle stops automatic emails", async () => {
    const ws = await workspace("resend");
    await sql(app, `UPDATE "Workspace" SET "sendActivationEmails" = $1, "policyVersion" = "policyVersion" + 1 WHERE slug = $2`, [engine === "sqlite" ? 0 : false, ws.slug]);
    const email = `hedy-${tag()}@resend.test`;
    const id = await provision(ws, email);
    await sleep(1200);
    expect(mailbox.to(email)).toHaveLength(0);

    const send = (body: unknown) => ws.admin(`/api/w/${ws.slug}/employees/activation`, json("POST", body));
    const first = await send({ employeeIds: [id, "no-such-employee"], requestId: "request-0001" });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ queued: 1, skippedCount: 1, skipped: [{ id: "no-such-employee", name: null, reason: "not_found" }] });
    // The same request again (a retry, a double click) queues nothing.
    expect(await (await send({ employeeIds: [id], requestId: "request-0001" })).json()).toMatchObject({ queued: 0 });
    await waitFor("the resent email", () => mailbox.to(email)[0]);
    await sleep(1000);
    expect(mailbox.to(email)).toHaveLength(1);

    // A new request is a new email; "everyone pending" includes this employee.
    expect(await (await send({ allPending: true, requestId: "request-0002" })).json()).toMatchObject({ queued: 1 });
    await waitFor("the second email", () => mailbox.to(email).length === 2);

    // Activated employees are skipped; other workspaces' employees are not found.
    await activate(linkIn(mailbox.to(email)[1]!, `${app.baseUrl}/activate/`));
    expect(await (await send({ employeeIds: [id] })).json()).toMatchObject({ queued: 0, skipped: [{ id, reason: "activated" }] });
    const other = await workspace("other");
    expect(await (await other.admin(`/api/w/${other.slug}/employees/activation`, json("POST", { employeeIds: [id] }))).json()).toMatchObject({ queued: 0, skipped: [{ id, reason: "not_found" }] });
    expect((await fetch(`${app.baseUrl}/api/w/${ws.slug}/employees/activation`, json("POST", { employeeIds: [id] }))).status).toBe(401);
    expect((await send({ employeeIds: [] })).status).toBe(400);
  });
});
