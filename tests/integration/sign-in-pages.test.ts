// POST /api/sign-in-pages, the workspace finder of /me: through a real SMTP server on loopback,
// one email names the sign-in page of every company where the address belongs to an employee
// who may sign in; the answer is the same for every address, known or not; archived employees are
// never linked; limits: 429 per client address, silence (same 202) per email address.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { employeeSignIn } from "../support/employee-session";
import { engines } from "../support/engines";
import { signIn, type SessionFetch } from "../support/session";
import { linkIn, startMailbox, waitFor, type Mailbox, type ReceivedMail } from "../support/smtp";

const PASSWORD = "correct horse battery staple";
const MAIL_FROM = "Muster <muster@example.test>";
const NEUTRAL = { ok: true };

const tag = () => crypto.randomBytes(4).toString("hex");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Each test makes workspaces through the CLI, which is slow on a busy machine.
const SLOW = 120_000;
// Each test asks from its own client address, so the per-address limit of one does not touch another.
const address = () => `198.51.100.${Math.floor(Math.random() * 200) + 20}`;

describe.each(engines())("the workspace finder on %s", (engine) => {
  let app: RunningApp;
  let mailbox: Mailbox;

  const workspace = async (label: string) => {
    const t = tag();
    const owner = `owner-${t}@${label}.test`;
    const name = `${label[0]!.toUpperCase()}${label.slice(1)} ${t}`;
    const ws = await muster<{ slug: string }>(app.env, "workspace:create", "--name", name, "--owner", owner, "--password", PASSWORD);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "test");
    const scim = (method: string, path: string, body?: unknown) =>
      fetch(`${app.baseUrl}/api/scim/v2${path}`, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { slug: ws.slug, name, owner, scim };
  };

  const provision = async (ws: Awaited<ReturnType<typeof workspace>>, email: string) => {
    const res = await ws.scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: "Katherine", familyName: "Johnson" },
      emails: [{ value: email, type: "work", primary: true }],
      active: true,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  const activate = async (slug: string, email: string) => {
    const mail = await waitFor(`the activation email of ${slug}`, () => mailbox.to(email).find((m) => m.subject.includes("Activate your") && m.text.includes(`/e/${slug}/sign-in`)));
    const token = linkIn(mail, `${app.baseUrl}/activate/`).split("/").pop()!;
    expect((await employeeSignIn(app.baseUrl, { mode: "activate", token, password: "employee password 123" })).ok).toBe(true);
  };

  const find = (email: string, from = address()) =>
    fetch(`${app.baseUrl}/api/sign-in-pages`, { method: "POST", headers: { "Content-Type": "application/json", "X-Forwarded-For": from }, body: JSON.stringify({ email }) });

  const finderMails = (email: string): ReceivedMail[] => mailbox.to(email).filter((m) => /^Your sign-in page/.test(m.subject));
  const pageOf = (slug: string) => `${app.baseUrl}/e/${slug}/sign-in`;
  // The links of a mail's text, each on a line of its own.
  const linksIn = (mail: ReceivedMail) => mail.text.split(/\r?\n/).filter((l) => /^https?:\/\//.test(l.trim())).map((l) => l.trim());

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

  it("one email names the sign-in page of both companies (activated, and not yet: what to do), never the one where the address is archived", async () => {
    // One at a time: the CLI and the app share the SQLite file.
    const acme = await workspace("acme");
    const globex = await workspace("globex");
    const initech = await workspace("initech");
    const email = `katherine-${tag()}@example.test`;
    await provision(acme, email);
    await provision(globex, email);
    const archived = await provision(initech, email);
    expect((await initech.scim("DELETE", `/Users/${archived}`)).status).toBe(204);
    await activate(acme.slug, email);

    // Typed in another case: the address is the same.
    const res = await find(email.toUpperCase());
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual(NEUTRAL);

    const mail = await waitFor("the finder's email", () => finderMails(email)[0]);
    await sleep(1200);
    expect(finderMails(email)).toHaveLength(1);
    expect(mail.subject).toBe("Your sign-in pages in Muster");
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    expect(mail.text).toContain(`belongs to an employee of 2 companies`);
    expect(linksIn(mail)).toEqual([pageOf(acme.slug), pageOf(globex.slug)].sort((a, b) => mail.text.indexOf(a) - mail.text.indexOf(b)));
    expect(mail.text).not.toContain(initech.slug);
    expect(mail.text).not.toContain(initech.name);
    // Acme: activated, sign in there. Globex: activate first.
    const acmePart = mail.text.slice(mail.text.indexOf(acme.name), mail.text.indexOf(pageOf(acme.slug)));
    const globexPart = mail.text.slice(mail.text.indexOf(globex.name), mail.text.indexOf(pageOf(globex.slug)));
    expect(acmePart).toContain("Bookmark this page");
    expect(globexPart).toContain(`Your ${globex.name} account is not activated yet`);
    expect(globexPart).toContain(`ask your ${globex.name} admin to send a new one`);
    // The pages are plain sign-in pages, not one-time links: each opens for that company.
    const page = await fetch(pageOf(globex.slug));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Sign in to your business card");
    expect(html).toContain(`tracking-tight">${globex.name}</span>`);

    // No company's admin sees it in their outbox: it names the others.
    const admin: SessionFetch = await signIn(app.baseUrl, acme.owner, PASSWORD);
    const rows = ((await (await admin(`/api/w/${acme.slug}/outbox`)).json()) as { rows: { to: string; kind: string }[] }).rows;
    expect(rows.filter((r) => r.to === email).map((r) => r.kind)).toEqual(["activation"]);
  }, SLOW);

  it("one company: the subject names it; an unknown or only-archived address gets the same answer and no email", async () => {
    const acme = await workspace("solo");
    const email = `dorothy-${tag()}@example.test`;
    await provision(acme, email);
    const gone = `mary-${tag()}@example.test`;
    const goneId = await provision(acme, gone);
    const patch = await acme.scim("PATCH", `/Users/${goneId}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] });
    expect(patch.status).toBe(200);
    const unknown = `nobody-${tag()}@example.test`;

    const answers = await Promise.all([find(email), find(unknown), find(gone)]);
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, body: await r.json() })));
    expect(bodies).toEqual([
      { status: 202, body: NEUTRAL },
      { status: 202, body: NEUTRAL },
      { status: 202, body: NEUTRAL },
    ]);

    const mail = await waitFor("the finder's email", () => finderMails(email)[0]);
    expect(mail.subject).toBe(`Your sign-in page for ${acme.name}`);
    expect(linksIn(mail)).toEqual([pageOf(acme.slug)]);
    expect(mail.text).toContain("not activated yet");
    await sleep(1500);
    expect(mailbox.to(unknown)).toEqual([]);
    expect(finderMails(gone)).toEqual([]);
  }, SLOW);

  it("limits: an email address gets 3 finder emails an hour (then the same 202 and silence); a client address is 429 after 30 requests", async () => {
    const acme = await workspace("limits");
    const email = `annie-${tag()}@example.test`;
    await provision(acme, email);
    // Four asks from four addresses: four identical answers, three emails.
    for (let i = 0; i < 4; i++) {
      const res = await find(email, `203.0.113.${10 + i}`);
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 202, body: NEUTRAL });
    }
    await waitFor("three finder emails", () => finderMails(email).length === 3);
    await sleep(1500);
    expect(finderMails(email)).toHaveLength(3);

    // One client address: 30 requests (any email, even invalid ones), then 429 with Retry-After.
    const from = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await find(i % 10 === 0 ? "not an email" : `spray-${i}-${tag()}@example.test`, from)).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(27);
    expect(statuses.filter((s) => s === 400)).toHaveLength(3);
    const refused = await find(`late-${tag()}@example.test`, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Too many requests from your network\. Try again in \d+ minutes\.$/);
    // Another address is not affected.
    expect((await find(`other-${tag()}@example.test`)).status).toBe(202);
  }, SLOW);

  it("a request from another site is refused before anything is counted or sent", async () => {
    const res = await fetch(`${app.baseUrl}/api/sign-in-pages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      body: JSON.stringify({ email: `x-${tag()}@example.test` }),
    });
    expect(res.status).toBe(403);
  }, SLOW);
});
