// Issue "Security", finding 1: single sign-on with a real OpenID Connect provider on loopback
// (oidc-provider, configured as Okta). An email an IdP claims is never enough to become an admin:
// it must be verified, and a new subject is linked only when the account's owner confirms; after
// that, the person is recognised by (provider, subject), whatever email the token says.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { signInWithOkta, startOidcProvider, type OidcProvider } from "../support/oidc";
import { attemptSignIn } from "../support/session";
import { linkIn, startMailbox, waitFor, type Mailbox } from "../support/smtp";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";
const tag = () => crypto.randomBytes(4).toString("hex");

describe.each(engines())("single sign-on with an OpenID Connect provider on %s", { timeout: 120_000 }, (engine) => {
  let app: RunningApp;
  let idp: OidcProvider;
  let mailbox: Mailbox;

  const admin = async () => {
    const email = `owner-${tag()}@sso.test`;
    const ws = await muster<{ slug: string }>(app.env, "workspace:create", "--name", `SSO ${tag()}`, "--owner", email, "--password", PASSWORD);
    return { ...ws, email };
  };
  const links = (email: string) => sql(app, `SELECT a."provider", a."providerAccountId" FROM "Account" a JOIN "User" u ON u."id" = a."userId" WHERE u."email" = $1`, [email]);
  const requests = (email: string) => sql(app, `SELECT r."id" FROM "SsoLinkRequest" r JOIN "User" u ON u."id" = r."userId" WHERE u."email" = $1`, [email]);
  const whoAmI = async (walk: Awaited<ReturnType<typeof signInWithOkta>>) => {
    const res = await walk.fetch("/account");
    if (res.status !== 200) return null;
    return /Signed in as <span[^>]*>([^<]+)</.exec(await res.text())?.[1] ?? null;
  };

  beforeAll(async () => {
    mailbox = await startMailbox();
    idp = await startOidcProvider();
    app = await startApp(engine, {
      env: {
        OKTA_ISSUER: idp.issuer,
        OKTA_CLIENT_ID: idp.clientId,
        OKTA_CLIENT_SECRET: idp.clientSecret,
        SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
        MAIL_FROM: "Muster <muster@example.test>",
        MUSTER_MAIL_WORKER_INTERVAL_MS: "200",
      },
    });
    idp.register(app.baseUrl);
  });
  afterAll(async () => {
    await app?.stop();
    await idp?.stop();
    await mailbox?.stop();
  });

  it("an unverified email is refused: no session, no link, nothing pending", async () => {
    const o = await admin();
    idp.signInAs({ sub: `attacker-${tag()}`, email: o.email, email_verified: false });
    const walk = await signInWithOkta(app.baseUrl);
    expect(walk.landedOn).toBe("/sign-in?error=SsoEmailNotVerified");
    expect(await whoAmI(walk)).toBeNull();
    expect(await links(o.email)).toEqual([]);
    expect(await requests(o.email)).toEqual([]);
  });

  it("an unknown email is refused", async () => {
    idp.signInAs({ sub: `stranger-${tag()}`, email: `nobody-${tag()}@sso.test`, email_verified: true });
    const walk = await signInWithOkta(app.baseUrl);
    expect(walk.landedOn).toBe("/sign-in?error=SsoUnknownUser");
    expect(await whoAmI(walk)).toBeNull();
  });

  it("a verified email is linked only once its owner confirms by email; then the subject signs in", async () => {
    const o = await admin();
    const sub = `okta-${tag()}`;
    idp.signInAs({ sub, email: o.email, email_verified: true, name: "Olga Owner" });
    const first = await signInWithOkta(app.baseUrl);
    expect(first.landedOn).toMatch(/^\/sign-in\/link\/\w+$/);
    expect(await whoAmI(first)).toBeNull();
    expect(await links(o.email)).toEqual([]);
    const page = await (await first.fetch(first.landedOn)).text();
    expect(page).toContain("Link Okta to your account");

    const mail = await waitFor("the confirmation email", () => mailbox.to(o.email).find((m) => m.subject.includes("Okta")));
    const token = linkIn(mail, `${app.baseUrl}/sign-in/link/confirm/`).split("/").pop()!;
    const confirmed = await fetch(`${app.baseUrl}/api/sso-links/confirm`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
    expect(confirmed.status).toBe(200);
    expect(await links(o.email)).toEqual([{ provider: "okta", providerAccountId: sub }]);
    // The emailed link works once.
    expect((await fetch(`${app.baseUrl}/api/sso-links/confirm`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) })).status).toBe(410);

    const again = await signInWithOkta(app.baseUrl);
    expect(again.landedOn).toBe("/");
    expect(await whoAmI(again)).toBe(o.email);
  });

  it("a verified email is linked when its owner confirms with their Muster password", async () => {
    const o = await admin();
    const sub = `okta-${tag()}`;
    idp.signInAs({ sub, email: o.email, email_verified: true });
    const first = await signInWithOkta(app.baseUrl);
    const requestId = first.landedOn.split("/").pop()!;
    expect((await attemptSignIn(app.baseUrl, { linkRequest: requestId, password: "a wrong password" })).signedIn).toBe(false);
    expect(await links(o.email)).toEqual([]);
    expect((await attemptSignIn(app.baseUrl, { linkRequest: requestId, password: PASSWORD })).signedIn).toBe(true);
    expect(await links(o.email)).toEqual([{ provider: "okta", providerAccountId: sub }]);
    expect(await whoAmI(await signInWithOkta(app.baseUrl))).toBe(o.email);
  });

  it("a case-changed email is the same account and still needs its owner's confirmation", async () => {
    const o = await admin();
    idp.signInAs({ sub: `okta-${tag()}`, email: o.email.toUpperCase(), email_verified: true });
    const walk = await signInWithOkta(app.baseUrl);
    expect(walk.landedOn).toMatch(/^\/sign-in\/link\/\w+$/);
    expect(await whoAmI(walk)).toBeNull();
    expect(await requests(o.email)).toHaveLength(1);
    expect(await links(o.email)).toEqual([]);
  });

  it("a second subject with the same verified email does not get in; the linked subject is recognised whatever email it shows", async () => {
    const o = await admin();
    const other = await admin();
    const sub = `okta-${tag()}`;
    idp.signInAs({ sub, email: o.email, email_verified: true });
    await attemptSignIn(app.baseUrl, { linkRequest: (await signInWithOkta(app.baseUrl)).landedOn.split("/").pop()!, password: PASSWORD });
    expect(await links(o.email)).toHaveLength(1);

    idp.signInAs({ sub: `impostor-${tag()}`, email: o.email, email_verified: true });
    const impostor = await signInWithOkta(app.baseUrl);
    expect(impostor.landedOn).toBe("/sign-in?error=SsoOtherIdentityLinked");
    expect(await whoAmI(impostor)).toBeNull();
    expect(await links(o.email)).toHaveLength(1);

    // The linked subject now claims another admin's email: it is still the person it was linked to.
    idp.signInAs({ sub, email: other.email, email_verified: true });
    expect(await whoAmI(await signInWithOkta(app.baseUrl))).toBe(o.email);
    expect(await links(other.email)).toEqual([]);
  });
});
