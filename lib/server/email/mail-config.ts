// Where mail goes. With SMTP settings and MAIL_FROM, the outbox worker sends through nodemailer;
// with no SMTP settings (the embedded default) mail is kept in the outbox, readable by admins.
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export type MailConfig =
  | { mode: "smtp"; from: string; transport: SMTPTransport.Options; describe: string }
  | { mode: "embedded" }
  // SMTP is configured but MAIL_FROM is not: mail waits in the outbox (never "kept") until it is.
  | { mode: "misconfigured"; problem: string };

const DEFAULT_RETRY_BASE_MS = 30_000;
const DEFAULT_WORKER_INTERVAL_MS = 5_000;
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

// Timeouts well under the worker's lease, so a hanging server cannot make a mail look unclaimed.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export const retryBaseMs = () => positive(process.env.MUSTER_MAIL_RETRY_BASE_MS, DEFAULT_RETRY_BASE_MS);
export const workerIntervalMs = () => positive(process.env.MUSTER_MAIL_WORKER_INTERVAL_MS, DEFAULT_WORKER_INTERVAL_MS);

const hostOf = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}`;
  } catch {
    return "the SMTP_URL server";
  }
};

export const mailConfig = (env: Record<string, string | undefined> = process.env): MailConfig => {
  const url = env.SMTP_URL?.trim();
  const host = env.SMTP_HOST?.trim();
  if (!url && !host) return { mode: "embedded" };
  const from = env.MAIL_FROM?.trim();
  if (!from) return { mode: "misconfigured", problem: "SMTP is configured but MAIL_FROM is not set; set MAIL_FROM to the sender address" };
  if (url) return { mode: "smtp", from, transport: { url, ...TIMEOUTS }, describe: hostOf(url) };
  const secure = env.SMTP_SECURE === "true";
  const port = positive(env.SMTP_PORT, secure ? 465 : 587);
  const auth = env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined;
  return { mode: "smtp", from, transport: { host, port, secure, ...(auth ? { auth } : {}), ...TIMEOUTS }, describe: `${host}:${port}` };
};

/** Exponential backoff after a failed attempt (attempts ≥ 1): base × 2^(attempts−1), at most an hour. */
export const retryDelayMs = (attempts: number, base = retryBaseMs()) => Math.min(base * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
