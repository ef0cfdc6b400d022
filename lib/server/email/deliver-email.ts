// The outbox worker. Each pass claims due emails one by one with a conditional update that pushes
// nextAttempt into the future (a lease), so two instances never hold the same email; then it sends
// through SMTP, or — in the embedded mode — marks the email as kept for the outbox page.
// An email with a sign-in link gets the link only now, issued by `issueLink` right before SMTP
// takes it (and revoked again if SMTP refuses), so the stored email never holds a live secret.
// A failure counts an attempt and schedules the next one with exponential backoff; nothing is
// ever dropped. An SMTP-sent email has attempts ≥ 1; a kept one has sentAt with attempts 0; one
// whose link is no longer wanted (the employee was archived meanwhile) has sentAt and lastError.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db/client";
import { uncounted } from "@/lib/db/statement-count";
import { log } from "@/lib/log/logger";
import { metrics } from "@/lib/server/metrics/registry";
import { parseLinkSpec, type LinkSpec } from "./enqueue-email";
import { mailConfig, retryDelayMs, workerIntervalMs, type MailConfig } from "./mail-config";
import { maskLinks } from "./outbox-status";
import { withLink } from "./render-email";

/** Issues the link an email carries, or says why it is no longer wanted. */
export type LinkIssuer = (spec: LinkSpec) => Promise<{ url: string; revoke: () => Promise<unknown> } | { skip: string }>;

const BATCH = 25;
// Longer than the SMTP timeouts together: a claimed email is never re-claimed while being sent.
const LEASE_MS = 2 * 60 * 1000;
// Errors that mean "the server is unreachable", so the rest of the pass would fail the same way.
const CONNECTION_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ECONNREFUSED", "ETLS"]);

export type DeliveryReport = { claimed: number; sent: number; kept: number; failed: number; skipped: number };
const emptyReport = (): DeliveryReport => ({ claimed: 0, sent: 0, kept: 0, failed: 0, skipped: 0 });

type WorkerState = {
  timer?: NodeJS.Timeout;
  running?: Promise<DeliveryReport>;
  again?: boolean;
  issueLink?: LinkIssuer;
  transport?: { key: string; transporter: Transporter };
  // Emails this process has claimed and not yet finished with, so a shutdown can hand them back.
  leased?: Set<string>;
  stopped?: boolean;
  lastPass?: { at: Date; ok: boolean };
};
// On globalThis: Next.js loads server code in more than one bundle, and there must be one worker.
const state = ((globalThis as unknown as { musterMailWorker?: WorkerState }).musterMailWorker ??= {});

const transporterFor = (config: Extract<MailConfig, { mode: "smtp" }>) => {
  const key = JSON.stringify(config.transport);
  if (state.transport?.key !== key) state.transport = { key, transporter: nodemailer.createTransport(config.transport) };
  return state.transport.transporter;
};

const errorText = (err: unknown) => {
  const e = err as { code?: string; responseCode?: number; message?: string };
  return [e.code, e.responseCode, e.message ?? String(err)].filter(Boolean).join(" ").slice(0, 500);
};

/** One pass over the due emails. Safe to run concurrently in several processes. */
const noIssuer: LinkIssuer = () => Promise.reject(new Error("no link issuer: the mail worker was not started in this process"));

export const deliverDue = async (config: MailConfig = mailConfig(), issueLink: LinkIssuer = state.issueLink ?? noIssuer): Promise<DeliveryReport> => {
  const report = emptyReport();
  const now = new Date();
  // Embedded mode only marks due emails as kept: one statement for the whole batch, no lease
  // (two instances keeping the same email is harmless), so a busy sync pays almost nothing for it.
  if (config.mode === "embedded") {
    const { count } = await db.outboxEmail.updateMany({ where: { sentAt: null, nextAttempt: { lte: now } }, data: { sentAt: now, lastError: null } });
    if (count) metrics().emailDeliveries.labels("kept").inc(count);
    return { ...report, claimed: count, kept: count };
  }
  const due = await db.outboxEmail.findMany({
    where: { sentAt: null, nextAttempt: { lte: now } },
    orderBy: { nextAttempt: "asc" },
    take: BATCH,
    select: { id: true, to: true, subject: true, html: true, text: true, link: true, attempts: true },
  });
  const leased = (state.leased ??= new Set());
  for (const mail of due) {
    if (state.stopped) break; // shutting down: leave the rest to the other instances
    const claim = await db.outboxEmail.updateMany({
      where: { id: mail.id, sentAt: null, nextAttempt: { lte: now } },
      data: { nextAttempt: new Date(Date.now() + LEASE_MS) },
    });
    if (claim.count !== 1) continue; // another worker has it
    leased.add(mail.id);
    report.claimed++;
    const attempts = mail.attempts + 1;
    let revoke: (() => Promise<unknown>) | undefined;
    try {
      if (config.mode === "misconfigured") throw new Error(config.problem);
      const spec = parseLinkSpec(mail.link);
      let content = { html: mail.html, text: mail.text };
      if (spec) {
        const issued = await issueLink(spec);
        if ("skip" in issued) {
          await db.outboxEmail.update({ where: { id: mail.id }, data: { sentAt: new Date(), lastError: `Not sent: ${issued.skip}` } });
          report.skipped++;
          metrics().emailDeliveries.labels("skipped").inc();
          continue;
        }
        revoke = issued.revoke;
        content = withLink(mail, issued.url);
      }
      await transporterFor(config).sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        ...content,
        // Stable per email, so a receiving server can recognise a resend after a crash mid-send.
        messageId: `<${mail.id}@muster.outbox>`,
      });
      // An email queued before links were issued at send time still holds its link: strip it now.
      const legacy = spec ? {} : { html: maskLinks(mail.html), text: maskLinks(mail.text) };
      await db.outboxEmail.update({ where: { id: mail.id }, data: { sentAt: new Date(), attempts, lastError: null, ...legacy } });
      report.sent++;
      metrics().emailDeliveries.labels("sent").inc();
    } catch (err) {
      // The link in an email SMTP did not take must not work: the next attempt issues a new one.
      await revoke?.().catch(() => undefined);
      // Handed back by a shutdown meanwhile: it is due again (perhaps claimed elsewhere), leave it.
      if (!leased.has(mail.id)) break;
      await db.outboxEmail.update({ where: { id: mail.id }, data: { attempts, lastError: errorText(err), nextAttempt: new Date(Date.now() + retryDelayMs(attempts)) } });
      report.failed++;
      metrics().emailDeliveries.labels("failed").inc();
      const code = (err as { code?: string }).code;
      if (config.mode === "misconfigured" || (code && CONNECTION_ERRORS.has(code))) break;
    } finally {
      leased.delete(mail.id);
    }
  }
  return report;
};

// Batch after batch while batches come back full (a bulk send), until one fails or runs short.
const drain = async (issueLink: LinkIssuer): Promise<DeliveryReport> => {
  const total = emptyReport();
  for (;;) {
    const config = mailConfig();
    const r = await deliverDue(config, issueLink);
    for (const k of Object.keys(total) as (keyof DeliveryReport)[]) total[k] += r[k];
    if (r.claimed < BATCH || r.failed > 0) return total;
  }
};

// One pass at a time per process; a kick during a pass runs another one right after it.
const runPass = (): Promise<DeliveryReport> => {
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const issueLink = state.issueLink;
  if (!issueLink || state.stopped) return Promise.resolve(emptyReport()); // not started in this process, or stopped
  let ok = true;
  state.running = drain(issueLink)
    .catch((err) => {
      ok = false;
      log.error({ err }, "mail: outbox pass failed");
      return emptyReport();
    })
    .finally(() => {
      state.running = undefined;
      state.lastPass = { at: new Date(), ok };
      if (state.again && !state.stopped) {
        state.again = false;
        void runPass();
      }
    });
  return state.running;
};

/** Delivers what a request just queued, without waiting for the next tick. Call after the commit. */
export const kickMailWorker = () => {
  uncounted(() => setImmediate(() => void runPass()));
};

/** Starts the in-process worker (once per process; the timer does not keep the process alive). */
export const startMailWorker = (issueLink: LinkIssuer) => {
  if (state.timer || state.stopped) return;
  state.issueLink = issueLink;
  state.timer = setInterval(() => void runPass(), workerIntervalMs());
  state.timer.unref();
  const config = mailConfig();
  if (config.mode === "smtp") log.info({ server: config.describe, from: config.from }, "mail: sending through SMTP");
  else if (config.mode === "embedded") log.info("mail: embedded mode, emails are kept in the mail outbox (set SMTP_URL and MAIL_FROM to send them)");
  else log.warn({ problem: config.problem }, "mail: emails wait in the outbox");
  void runPass();
};

/** For readiness: whether this process's worker runs, and when its last pass ended. */
export const mailWorkerStatus = () => ({ running: Boolean(state.timer) && !state.stopped, lastPassAt: state.lastPass?.at.toISOString() ?? null, lastPassOk: state.lastPass?.ok ?? null });

/**
 * Stops the worker for a shutdown: no new pass, no new claim. The email being sent gets `graceMs`
 * to finish (an SMTP send takes well under a second; a hanging server would otherwise hold the
 * instance up to the SMTP timeouts); any email still leased then is handed back — due at once, so
 * another instance sends it now instead of after the lease. Its stable Message-ID lets a receiving
 * server recognise the rare resend of a message that reached it just as this process stopped.
 */
export const stopMailWorker = async (graceMs = 3000): Promise<number> => {
  state.stopped = true;
  clearInterval(state.timer);
  state.timer = undefined;
  if (state.running) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([state.running, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }
  const ids = [...(state.leased ?? [])];
  state.leased?.clear();
  if (!ids.length) return 0;
  const { count } = await db.outboxEmail.updateMany({ where: { id: { in: ids }, sentAt: null }, data: { nextAttempt: new Date() } });
  return count;
};
