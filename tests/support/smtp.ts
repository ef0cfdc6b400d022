// A real SMTP server on loopback (the `smtp-server` package) that keeps what it receives, for
// tests of the mail outbox. It can be stopped and started again on the same port, like a mail
// server that goes down and comes back.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string | null; to: string[]; raw: string; subject: string; text: string };

// Enough MIME for our own mails: unfold headers, decode quoted-printable or base64 bodies.
const decodeQP = (s: string) => s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const decodeBody = (headers: string, body: string) =>
  /content-transfer-encoding:\s*base64/i.test(headers) ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : /quoted-printable/i.test(headers) ? Buffer.from(decodeQP(body), "latin1").toString("utf8") : body;

export const parseMail = (raw: string) => {
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, " ") ?? "";
  // The text/plain part: its headers end at the first blank line after "Content-Type: text/plain".
  const m = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)(?:\r?\n--|$)/i.exec(raw);
  const partHeaders = m ? raw.slice(raw.indexOf(m[0]), raw.indexOf(m[0]) + m[0].indexOf(m[1]!)) : "";
  return { subject, text: m ? decodeBody(partHeaders, m[1]!) : "" };
};

export type Mailbox = {
  port: number;
  mails: ReceivedMail[];
  to: (address: string) => ReceivedMail[];
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

export const startMailbox = async (): Promise<Mailbox> => {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  let port = 0;
  const start = async () => {
    server = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      closeTimeout: 500,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
          mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, ...parseMail(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.server.once("error", reject);
      server!.listen(port, "127.0.0.1", () => resolve());
    });
    port = (server!.server.address() as AddressInfo).port;
  };
  await start();
  return {
    get port() {
      return port;
    },
    mails,
    to: (address) => mails.filter((m) => m.to.includes(address)),
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    start,
  };
};

/** The first link in a mail's text that starts with `prefix`. */
export const linkIn = (mail: ReceivedMail, prefix: string) => {
  const m = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\S+`).exec(mail.text);
  if (!m) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return m[0];
};

export const waitFor = async <T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
