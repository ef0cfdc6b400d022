// The workspace finder (/me, signed out): someone types a work email, and Muster emails that
// address the sign-in page of every company where it belongs to an employee who may sign in (not
// archived, active; activated or not — the email says what to do). One email, whatever the number
// of companies; nothing at all for an address nobody has. The route answers the same either way.
import "server-only";
import crypto from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { fromPrisma } from "@/lib/db/direct";
import { signInPageUrl } from "@/lib/employee-access/sign-in-page";
import { store } from "@/lib/server/auth/sign-in-limits";
import { kickMailWorker } from "@/lib/server/email/deliver-email";
import { enqueueNewEmail } from "@/lib/server/email/enqueue-email";
import { metrics } from "@/lib/server/metrics/registry";
import { signInPagesEmail, type SignInPage } from "@/lib/server/email/render-email";
import { sha256Hex } from "@/lib/server/secrets";

// Per client address: 30 requests an hour, then 429 (an office behind one NAT can still onboard a
// team). Per email address: 3 emails an hour, then silence — a stranger typing someone's address in
// a loop cannot flood their inbox, and the answer stays the same, so it reveals nothing.
export const FINDER_ADDRESS_REQUESTS = 30;
export const FINDER_EMAILS_PER_ADDRESS = 3;
const WINDOW_S = 60 * 60;
// Workspaces per lookup statement: (workspaceId, emailKey) is the index, so the lookup is one
// index probe per workspace instead of a scan of every employee of every workspace.
const CHUNK = 500;

type Limiters = { client: ReturnType<typeof store>; email: ReturnType<typeof store> };
const state = globalThis as unknown as { musterFinderLimiters?: Limiters };
const limiters = (): Limiters =>
  (state.musterFinderLimiters ??= { client: store("finder-client", FINDER_ADDRESS_REQUESTS, WINDOW_S), email: store("finder-email", FINDER_EMAILS_PER_ADDRESS, WINDOW_S) });

/** Consumes a point; the seconds to wait when there was none left, else null. */
const take = async (limiter: ReturnType<typeof store>, key: string): Promise<number | null> => {
  try {
    await limiter.consume(sha256Hex(key));
    return null;
  } catch (err) {
    if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw err;
  }
};

/** Counts a finder request from this client address: the seconds it must wait, or null to go on. */
export const finderPausedFor = async (address: string | null): Promise<number | null> => {
  if (!address) return null;
  const wait = await take(limiters().client, address);
  if (wait !== null) metrics().rateLimitRefusals.labels("sign_in_pages").inc();
  return wait;
};

/** Every company where this address may sign in, by company name; the address as the directory spells it. */
export const findSignInPages = async (email: string, origin: string): Promise<{ to: string; pages: SignInPage[] } | null> => {
  const emailKey = email.trim().toLowerCase();
  const workspaces = await db.workspace.findMany({ select: { id: true, name: true, slug: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const found = new Map<string, { to: string; activated: boolean }>();
  for (let i = 0; i < workspaces.length; i += CHUNK) {
    const rows = await db.employee.findMany({
      where: { workspaceId: { in: workspaces.slice(i, i + CHUNK).map((w) => w.id) }, emailKey, status: { not: "ARCHIVED" }, active: true, email: { not: null } },
      select: { workspaceId: true, email: true, activatedAt: true },
    });
    for (const r of rows) {
      const seen = found.get(r.workspaceId);
      found.set(r.workspaceId, { to: seen?.to ?? r.email!, activated: (seen?.activated ?? false) || r.activatedAt !== null });
    }
  }
  const pages = workspaces.flatMap((w) => {
    const f = found.get(w.id);
    return f ? [{ workspaceName: w.name, url: signInPageUrl(origin, w.slug), activated: f.activated, to: f.to }] : [];
  });
  if (!pages.length) return null;
  return { to: pages[0]!.to, pages: pages.map(({ to: _to, ...page }) => page) };
};

/**
 * Queues the finder's email; false when nothing was sent (no such employee, or this address had
 * its emails for the hour). The email belongs to no workspace (workspaceId null): it names every
 * company the address is in, which no single company's admin may see in their outbox.
 */
export const sendSignInPages = async (email: string, origin: string): Promise<boolean> => {
  if ((await take(limiters().email, `finder:${email.trim().toLowerCase()}`)) !== null) return false;
  const found = await findSignInPages(email, origin);
  if (!found) return false;
  await enqueueNewEmail(fromPrisma(db), { workspaceId: null, employeeId: null, to: found.to, kind: "sign-in-pages", dedupeKey: `sign-in-pages:${crypto.randomUUID()}`, message: signInPagesEmail({ pages: found.pages }) });
  kickMailWorker();
  return true;
};
