// Runs the retention pruner in every instance: once shortly after boot, then every
// MUSTER_PRUNE_INTERVAL_MINUTES (60). The lease in prune-log.ts lets only one of them work at a time.
// stopPruning() is for the shutdown hook: no new run starts, a running one stops after its batch.
import "server-only";
import { uncounted } from "@/lib/db/statement-count";
import { pruneLog } from "./prune-log";
import { log } from "@/lib/log/logger";

const FIRST_RUN_MS = 60_000;

type PrunerState = { first?: NodeJS.Timeout; timer?: NodeJS.Timeout; running?: Promise<unknown>; stopping?: boolean };
// On globalThis: Next.js loads server code in more than one bundle, and there must be one pruner.
const state = ((globalThis as unknown as { musterPruner?: PrunerState }).musterPruner ??= {});

const intervalMs = () => {
  const minutes = Number(process.env.MUSTER_PRUNE_INTERVAL_MINUTES || 60);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 60) * 60_000;
};

const runOnce = () => {
  if (state.running || state.stopping) return;
  state.running = uncounted(() => pruneLog({ stop: () => !!state.stopping }))
    .then((run) => {
      if (run.ran && Object.values(run.deleted).some((n) => n > 0)) log.info({ deleted: run.deleted }, "retention: pruned");
    })
    .catch((err: unknown) => log.error({ err }, "retention: pruning failed, will try again"))
    .finally(() => (state.running = undefined));
};

export const startPruning = () => {
  if (state.timer || process.env.MUSTER_PRUNE_INTERVAL_MINUTES === "0") return;
  state.stopping = false;
  state.first = setTimeout(runOnce, FIRST_RUN_MS);
  state.first.unref();
  state.timer = setInterval(runOnce, intervalMs());
  state.timer.unref();
};

/** Stops the schedule and waits for a run in progress to finish its current batch. */
export const stopPruning = async () => {
  state.stopping = true;
  clearTimeout(state.first);
  clearInterval(state.timer);
  state.first = state.timer = undefined;
  await state.running;
};
