// Graceful shutdown on SIGTERM (what Docker, Kubernetes and systemd send) and SIGINT (Ctrl+C):
//   1. readiness (/api/health) answers 503 at once, so a proxy or load balancer stops choosing
//      this instance — for MUSTER_SHUTDOWN_DELAY_MS (default 0) it keeps serving meanwhile;
//   2. the server stops accepting connections (a new one is refused and a proxy retries it
//      elsewhere); keep-alive connections close after their current answer;
//   3. requests in flight finish, while every onShutdown hook stops its background work
//      (the outbox worker hands back the emails it holds, timers and threads stop);
//   4. the database client closes and the process exits 0 — or 1 when MUSTER_SHUTDOWN_TIMEOUT_MS
//      (default 10 s, counted after the delay) ran out first and cut what was still running.
// Next.js installs its own handler in `next start` and the standalone server.js unless
// NEXT_MANUAL_SIG_HANDLE is set: it waits for open connections without a bound, runs no hooks and
// exits 143. When that variable is not set, the listeners present this early are Next's, and they
// are replaced — so the same shutdown runs however the server was started.
import "server-only";
import { db } from "@/lib/db/client";
import { markShuttingDown, shutdownHooks, type StopHook } from "./on-shutdown";
import { openRequests, stopAccepting, trackRequests, whenIdle } from "./track-requests";
import { log } from "@/lib/log/logger";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

const millis = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return raw !== undefined && raw !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
};
export const shutdownDelayMs = () => millis(process.env.MUSTER_SHUTDOWN_DELAY_MS, 0);
export const shutdownTimeoutMs = () => millis(process.env.MUSTER_SHUTDOWN_TIMEOUT_MS, 10_000);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** true when `work` settles before `deadline` (a timestamp), false when the deadline comes first. */
const before = async (deadline: number, work: Promise<unknown>) => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
};

const note = (message: string) => log.info(`shutdown: ${message}`);

const runHook = async ({ name, stop }: { name: string; stop: StopHook }, deadline: number) => {
  try {
    await stop(deadline);
    return true;
  } catch (err) {
    log.error({ err, hook: name }, "shutdown: stopping a piece of background work failed");
    return false;
  }
};

export const shutDown = async (signal: string) => {
  if (!markShuttingDown()) return; // a second signal (a shell sends Ctrl+C twice) changes nothing
  const delay = shutdownDelayMs();
  note(`${signal}; readiness answers 503${delay ? `, closing in ${delay} ms` : ""}`);
  if (delay) await sleep(delay);
  const deadline = Date.now() + shutdownTimeoutMs();
  stopAccepting();
  const inFlight = openRequests();
  note(`stopped accepting connections; ${inFlight} request(s) in flight`);
  const hooks = shutdownHooks();
  const stopped = Promise.all(hooks.map((hook) => runHook(hook, deadline)));
  const finished = await before(deadline, Promise.all([whenIdle(), stopped]));
  const hooksOk = finished && (await stopped).every(Boolean);
  if (!finished) note(`gave up after ${shutdownTimeoutMs()} ms with ${openRequests()} request(s) still in flight`);
  // A pool that cannot close in time must not keep the process: the server will not wait for it.
  await before(Date.now() + 2000, db.$disconnect().catch((err) => log.error({ err }, "shutdown: closing the database failed")));
  note(finished ? "done" : "done, cut short");
  // Log lines are written asynchronously: the last ones must reach stdout before the process ends.
  await before(Date.now() + 500, new Promise<void>((resolve) => log.flush(() => resolve())));
  process.exit(finished && hooksOk ? 0 : 1);
};

/** Takes over SIGTERM and SIGINT for this process (once; boot calls it in production). */
export const handleShutdownSignals = () => {
  const state = ((globalThis as unknown as { musterSignals?: { installed?: boolean } }).musterSignals ??= {});
  if (state.installed) return;
  state.installed = true;
  trackRequests();
  for (const signal of SIGNALS) {
    if (!process.env.NEXT_MANUAL_SIG_HANDLE) process.removeAllListeners(signal);
    process.on(signal, () => void shutDown(signal));
  }
};
