// What the process does when it is asked to stop. Any part of the server that owns background work
// (a timer, a worker, a thread) registers here how to stop it; shut-down.ts runs every hook once the
// server has stopped accepting connections, while the requests already in flight finish.
// On globalThis: Next.js loads server code in more than one bundle (instrumentation, each route),
// and the readiness route must see the flag the signal handler sets.

/** Gets the time (ms since the epoch) by which the process exits whether or not the hook is done. */
export type StopHook = (deadline: number) => unknown;

type State = { hooks: { name: string; stop: StopHook }[]; since?: Date };
const state = ((globalThis as unknown as { musterLifecycle?: State }).musterLifecycle ??= { hooks: [] });

/** Registers how to stop a piece of background work (awaited, bounded by MUSTER_SHUTDOWN_TIMEOUT_MS). */
export const onShutdown = (name: string, stop: StopHook) => {
  state.hooks.push({ name, stop });
};

export const shutdownHooks = () => [...state.hooks];

/** When shutdown began, or undefined while the process serves normally. */
export const shutdownStartedAt = () => state.since;

export const markShuttingDown = () => {
  if (state.since) return false;
  state.since = new Date();
  return true;
};
