import { describe, expect, it } from "vitest";
import { mailConfig, retryDelayMs } from "@/lib/server/email/mail-config";
import { maskLinks, outboxStatus } from "@/lib/server/email/outbox-status";
import { activationEmail, LINK_PLACEHOLDER, magicLinkEmail, showPlaceholder, withLink } from "@/lib/server/email/render-email";
import { toVCard, vcardFileName } from "@/lib/server/employee-access/vcard";

const link = "https://muster.example.com/activate/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

describe("activation email", () => {
  const mail = activationEmail({ workspaceName: "Acme <Inc>", employeeName: 'Ada "Countess" Lovelace', expiresInDays: 7, signInUrl: "https://muster.example.com/e/acme/sign-in" });

  it("says where the employee signs in again later, on any device", () => {
    expect(mail.text).toContain("sign in to your card at https://muster.example.com/e/acme/sign-in");
    expect(mail.html).toContain("https://muster.example.com/e/acme/sign-in");
  });

  it("is stored with a placeholder, never a link, and says how long the link works", () => {
    expect(mail.subject).toBe("Activate your Acme <Inc> business card");
    expect(mail.html).toContain(`href="${LINK_PLACEHOLDER}"`);
    expect(mail.text).toContain(LINK_PLACEHOLDER);
    expect(mail.text).not.toMatch(/\/activate\//);
    expect(mail.text).toContain("7 days after this email was sent");
    expect(mail.text).toContain("works once");
  });

  it("gets its link only in the copy that is sent", () => {
    const sent = withLink(mail, `${link}&x="y"`);
    expect(sent.html).toContain(`href="${link}&amp;x=&quot;y&quot;"`);
    expect(sent.text).toContain(`${link}&x="y"`);
    expect(sent.text).not.toContain(LINK_PLACEHOLDER);
    expect(showPlaceholder(mail.text)).toContain("created when the email is sent, never stored");
  });

  it("escapes what the IdP sent", () => {
    expect(mail.html).toContain("Acme &lt;Inc&gt;");
    expect(mail.html).toContain("Ada &quot;Countess&quot; Lovelace");
    expect(mail.html).not.toContain("<Inc>");
  });

  it("sign-in link email says how long it works", () => {
    const m = magicLinkEmail({ workspaceName: "Acme", employeeName: null, expiresInMinutes: 15 });
    expect(m.text).toContain("15 minutes");
    expect(m.html).toContain("Sign in");
  });
});

describe("mail configuration", () => {
  it("is embedded without SMTP settings", () => expect(mailConfig({})).toEqual({ mode: "embedded" }));
  it("needs MAIL_FROM with SMTP", () => expect(mailConfig({ SMTP_URL: "smtp://mail:25" }).mode).toBe("misconfigured"));
  it("takes SMTP_URL", () => expect(mailConfig({ SMTP_URL: "smtps://u:p@mail.example.com:465", MAIL_FROM: "a@b.c" })).toMatchObject({ mode: "smtp", describe: "mail.example.com:465", transport: { url: "smtps://u:p@mail.example.com:465" } }));
  it("takes host, port, credentials and TLS", () =>
    expect(mailConfig({ SMTP_HOST: "mail", SMTP_PORT: "2525", SMTP_USER: "u", SMTP_PASSWORD: "p", SMTP_SECURE: "true", MAIL_FROM: "a@b.c" })).toMatchObject({
      mode: "smtp",
      transport: { host: "mail", port: 2525, secure: true, auth: { user: "u", pass: "p" } },
    }));
  it("defaults the port from SMTP_SECURE", () => {
    expect(mailConfig({ SMTP_HOST: "mail", MAIL_FROM: "a@b.c" })).toMatchObject({ transport: { port: 587, secure: false } });
    expect(mailConfig({ SMTP_HOST: "mail", SMTP_SECURE: "true", MAIL_FROM: "a@b.c" })).toMatchObject({ transport: { port: 465, secure: true } });
  });
  it("backs off exponentially, at most an hour", () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30, 30_000)).toBe(3_600_000);
  });
});

describe("outbox status", () => {
  it("tells kept, sent, skipped, retrying and queued apart", () => {
    const at = new Date();
    expect(outboxStatus({ sentAt: at, attempts: 0, lastError: null })).toBe("kept");
    expect(outboxStatus({ sentAt: at, attempts: 2, lastError: null })).toBe("sent");
    expect(outboxStatus({ sentAt: at, attempts: 0, lastError: "Not sent: the employee is archived" })).toBe("skipped");
    expect(outboxStatus({ sentAt: null, attempts: 1, lastError: "ECONNREFUSED" })).toBe("retrying");
    expect(outboxStatus({ sentAt: null, attempts: 0, lastError: null })).toBe("queued");
  });
  it("masks sign-in links", () => expect(maskLinks(`open ${link} now`)).toBe("open https://muster.example.com/activate/•••••••• now"));
});

describe("vCard", () => {
  const card = toVCard(
    {
      displayName: "Zoë O'Brien, PhD",
      givenName: "Zoë",
      familyName: "O'Brien",
      title: "Head of R&D; Europe",
      company: "Acme",
      department: "Research",
      phone: "+44 20 7946 0000",
      mobile: "+44 7700 900000",
      email: "zoe@acme.example",
      website: "acme.example",
      address: "1 Main Street\nLondon",
      location: "London",
      photoUrl: "https://cdn.example/zoe.jpg",
    },
    "https://muster.example.com/c/abcdefghijkl",
  );
  const lines = card.split("\r\n");

  it("is a vCard 3.0 with CRLF line ends", () => {
    expect(lines[0]).toBe("BEGIN:VCARD");
    expect(lines[1]).toBe("VERSION:3.0");
    expect(lines.at(-2)).toBe("END:VCARD");
    expect(card.endsWith("\r\n")).toBe(true);
  });

  it("has the name, organisation, phones, email, address, URLs and photo", () => {
    expect(lines).toContain("FN:Zoë O'Brien\\, PhD");
    expect(lines).toContain("N:O'Brien;Zoë;;;");
    expect(lines).toContain("ORG:Acme;Research");
    expect(lines).toContain("TITLE:Head of R&D\\; Europe");
    expect(lines).toContain("TEL;TYPE=WORK,VOICE:+44 20 7946 0000");
    expect(lines).toContain("TEL;TYPE=CELL,VOICE:+44 7700 900000");
    expect(lines).toContain("EMAIL;TYPE=INTERNET,WORK:zoe@acme.example");
    expect(lines).toContain("ADR;TYPE=WORK:;;1 Main Street\\nLondon;London;;;");
    expect(lines).toContain("URL;TYPE=WORK:https://acme.example");
    expect(lines).toContain("URL:https://muster.example.com/c/abcdefghijkl");
    expect(lines).toContain("PHOTO;VALUE=URI:https://cdn.example/zoe.jpg");
  });

  it("folds long lines at 75 octets", () => {
    const long = toVCard({ displayName: "x".repeat(200) });
    for (const line of long.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(long).toContain("\r\n x");
  });

  it("leaves out what is missing and refuses non-https photos", () => {
    const minimal = toVCard({ email: "a@b.c", photoUrl: "javascript:alert(1)" });
    expect(minimal).toContain("FN:a@b.c");
    expect(minimal).not.toContain("PHOTO");
    expect(minimal).not.toContain("ORG");
  });

  it("names the file after the person", () => expect(vcardFileName({ displayName: "Zoë O'Brien" })).toBe("zoe-obrien.vcf"));
});
