// Brute-force protection for every password sign-in (admins, employees, SSO-link confirmations),
// with rate-limiter-flexible's Prisma store: the counters live in the database, so every instance
// sees the same ones. Per account: 5 wrong passwords in a row pause it for 15 minutes, and each
// further pause within a day doubles (at most 4 hours); the owner gets an email at each pause.
// Per client address: 50 failures an hour, whatever the accounts. A pause is a 429 with Retry-After.
import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log/logger";
import { metrics } from "@/lib/server/metrics/registry";
import { sha256Hex } from "@/lib/server/secrets";

export const ACCOUNT_ATTEMPTS = 5;
const ACCOUNT_WINDOW_S = 15 * 60;
const FIRST_PAUSE_S = 15 * 60;
const MAX_PAUSE_S = 4 * 60 * 60;
const ADDRESS_FAILURES = 50;
const ADDRESS_WINDOW_S = 60 * 60;

/** Thrown by `guardPassword`: next-auth passes the message on as `?error=TooManyAttempts:<seconds>`. */
export class SignInPaused extends Error {
  constructor(readonly retryAfter: number) {
    super(`TooManyAttempts:${retryAfter}`);
    this.name = "SignInPaused";
  }
}

type Limiters = { account: RateLimiterPrisma; address: RateLimiterPrisma; pauses: RateLimiterPrisma };
const state = globalThis as unknown as { musterSignInLimiters?: Limiters };

// If the database cannot count (it is down or locked), a per-process counter stands in.
export const store = (keyPrefix: string, points: number, duration: number) =>
  new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix, points, duration, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }) });

const limiters = (): Limiters =>
  (state.musterSignInLimiters ??= {
    account: store("signin-account", ACCOUNT_ATTEMPTS, ACCOUNT_WINDOW_S),
    address: store("signin-address", ADDRESS_FAILURES, ADDRESS_WINDOW_S),
    pauses: store("signin-pauses", 1_000, 24 * 60 * 60),
  });

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The nearest proxy's view of the client: the last X-Forwarded-For hop (Next.js sets it when absent). */
export const clientAddress = (forwardedFor: string | string[] | null | undefined): string | null => {
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const last = raw?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ? last.slice(0, 64) : null;
};

export type PasswordAttempt = {
  /** Whose password: "admin" or "employee:<workspace slug>", and the email typed. */
  scope: string;
  email: string;
  address: string | null;
  /** Called once when this attempt pauses the account: tell its owner. */
  onPause: (until: Date, attempts: number) => Promise<void>;
};

/**
 * Counts an attempt before the password is checked (so parallel guesses are counted too) and
 * throws SignInPaused when the account or the address is paused. Report the result with the
 * returned function: a success clears the account's count, a failure may pause it.
 */
export const guardPassword = async ({ scope, email, address, onPause }: PasswordAttempt) => {
  const { account, address: byAddress, pauses } = limiters();
  const accountKey = sha256Hex(`${scope}:${email.trim().toLowerCase()}`);
  const addressKey = address ? sha256Hex(address) : null;
  const seen = addressKey ? await byAddress.get(addressKey) : null;
  if (seen && seen.consumedPoints >= ADDRESS_FAILURES) {
    metrics().rateLimitRefusals.labels("signin_address").inc();
    throw new SignInPaused(seconds(seen.msBeforeNext));
  }
  let counted: RateLimiterRes;
  try {
    counted = await account.consume(accountKey);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    metrics().rateLimitRefusals.labels("signin_account").inc();
    throw new SignInPaused(seconds(err.msBeforeNext));
  }
  return async (ok: boolean) => {
    if (ok) {
      await account.delete(accountKey);
      return;
    }
    if (addressKey) await byAddress.penalty(addressKey);
    if (counted.consumedPoints < ACCOUNT_ATTEMPTS) return;
    const n = (await pauses.penalty(accountKey)).consumedPoints;
    const pause = Math.min(FIRST_PAUSE_S * 2 ** (n - 1), MAX_PAUSE_S);
    await account.block(accountKey, pause);
    await onPause(new Date(Date.now() + pause * 1000), ACCOUNT_ATTEMPTS).catch((err) => log.error({ err }, "sign-in: could not queue the pause email"));
  };
};
