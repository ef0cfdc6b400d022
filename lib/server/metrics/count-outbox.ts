// The outbox's depth for /api/metrics: emails not yet delivered, by kind and state — queued (never
// tried) or retrying (failed at least once, waiting for its next attempt). One grouped statement
// on the (sentAt, nextAttempt) index: delivered rows are not read.
import "server-only";
import { direct, int, sql } from "@/lib/db/direct";
import { EMAIL_KINDS } from "@/lib/server/email/enqueue-email";

export const OUTBOX_STATES = ["queued", "retrying"] as const;

export type OutboxDepth = { kind: string; state: (typeof OUTBOX_STATES)[number]; count: number };

export const countOutbox = async (): Promise<OutboxDepth[]> => {
  const rows = await direct.query<{ kind: string; retrying: unknown; n: unknown }>(
    sql`SELECT "kind", CASE WHEN "attempts" > 0 THEN 1 ELSE 0 END AS "retrying", COUNT(*) AS "n" FROM "OutboxEmail" WHERE "sentAt" IS NULL GROUP BY 1, 2`,
  );
  // Every known kind and state is reported, at 0 when empty, so an alert on a series never loses it.
  const depth = new Map<string, OutboxDepth>();
  for (const kind of EMAIL_KINDS) for (const state of OUTBOX_STATES) depth.set(`${kind} ${state}`, { kind, state, count: 0 });
  for (const r of rows) {
    const state = int(r.retrying) > 0 ? "retrying" : "queued";
    depth.set(`${r.kind} ${state}`, { kind: r.kind, state, count: int(r.n) });
  }
  return [...depth.values()];
};
