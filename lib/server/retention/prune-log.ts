// Deletes what no one needs any more: provisioning-log rows (ProvisioningEvent and the per-employee
// EmployeeEvent rows of the same requests) older than each workspace's retention, and delivered
// emails older than MUSTER_OUTBOX_RETENTION_DAYS (7 by default). An email still waiting to be sent
// is never touched, however old.
// Deletes go in batches of at most BATCH rows by primary key, each its own short statement, with a
// pause between them: on SQLite a write holds the only write lock, so a SCIM change queued behind
// the pruner waits for one small batch, never for the whole backlog. Every query here walks an index
// ((workspaceId, at) on both log tables, (sentAt, nextAttempt) on the outbox).
// One instance at a time: a lease row (JobLease "prune-log") that expires on its own if the holder dies.
import "server-only";
import crypto from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/server/errors";
import type { TPruneResult } from "@/lib/retention/retention";

export const PRUNE_JOB = "prune-log";
const BATCH = 1000;
const PAUSE_MS = 25;
const LEASE_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const outboxRetentionDays = () => {
  const days = Number(process.env.MUSTER_OUTBOX_RETENTION_DAYS || 7);
  return Number.isFinite(days) && days >= 1 ? days : 7;
};

const holderId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
const pause = () => new Promise((r) => setTimeout(r, PAUSE_MS));

/** Takes the lease when it is free or expired; false while another run holds it. */
const claimLease = async (now = new Date()) => {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const { count } = await db.jobLease.updateMany({ where: { name: PRUNE_JOB, leaseUntil: { lt: now } }, data: { holder: holderId, leaseUntil } });
  if (count === 1) return true;
  try {
    await db.jobLease.create({ data: { name: PRUNE_JOB, holder: holderId, leaseUntil } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false; // the row exists and someone holds it
    throw err;
  }
};

const renewLease = () => db.jobLease.updateMany({ where: { name: PRUNE_JOB, holder: holderId }, data: { leaseUntil: new Date(Date.now() + LEASE_MS) } });

const releaseLease = (result: TPruneResult | null) =>
  db.jobLease.updateMany({
    where: { name: PRUNE_JOB, holder: holderId },
    data: { holder: null, leaseUntil: new Date(0), ...(result ? { lastRunAt: new Date(), lastResult: JSON.stringify(result) } : {}) },
  });

/** Finds up to BATCH ids, deletes them by primary key, until none are left or `stop()` says so. */
const inBatches = async (find: () => Promise<{ id: string }[]>, remove: (ids: string[]) => Promise<{ count: number }>, stop: () => boolean) => {
  let deleted = 0;
  while (!stop()) {
    const ids = (await find()).map((r) => r.id);
    if (ids.length === 0) break;
    deleted += (await remove(ids)).count;
    if (ids.length < BATCH) break;
    await pause();
  }
  return deleted;
};

export type PruneRun = { ran: true; deleted: TPruneResult } | { ran: false; reason: string };

/**
 * One pruning run over every workspace. Returns `{ ran: false }` when another instance holds the
 * lease; `stop` is asked between batches (shutdown), and what was deleted until then is reported.
 */
export const pruneLog = async ({ now = new Date(), stop = () => false }: { now?: Date; stop?: () => boolean } = {}): Promise<PruneRun> => {
  if (!(await claimLease(now))) return { ran: false, reason: "another instance is pruning" };
  const deleted: TPruneResult = { provisioningEvents: 0, employeeEvents: 0, outboxEmails: 0 };
  try {
    const workspaces = await db.workspace.findMany({ select: { id: true, logRetentionDays: true }, orderBy: { id: "asc" } });
    for (const { id: workspaceId, logRetentionDays } of workspaces) {
      if (stop()) break;
      const where = { workspaceId, at: { lt: new Date(now.getTime() - logRetentionDays * DAY_MS) } };
      deleted.employeeEvents += await inBatches(
        () => db.employeeEvent.findMany({ where, select: { id: true }, take: BATCH }),
        (ids) => db.employeeEvent.deleteMany({ where: { id: { in: ids } } }),
        stop,
      );
      deleted.provisioningEvents += await inBatches(
        () => db.provisioningEvent.findMany({ where, select: { id: true }, take: BATCH }),
        (ids) => db.provisioningEvent.deleteMany({ where: { id: { in: ids } } }),
        stop,
      );
      await renewLease();
    }
    const sentBefore = new Date(now.getTime() - outboxRetentionDays() * DAY_MS);
    deleted.outboxEmails = await inBatches(
      () => db.outboxEmail.findMany({ where: { sentAt: { lt: sentBefore } }, select: { id: true }, take: BATCH }),
      (ids) => db.outboxEmail.deleteMany({ where: { id: { in: ids }, sentAt: { not: null } } }),
      stop,
    );
    await releaseLease(deleted);
    return { ran: true, deleted };
  } catch (err) {
    await releaseLease(null).catch(() => undefined);
    throw err;
  }
};

/** Waits for the lease (another run finishing) up to `timeoutMs`, then runs: the CLI's `prune`. */
export const pruneLogNow = async (timeoutMs = 120_000): Promise<TPruneResult> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await pruneLog();
    if (run.ran) return run.deleted;
    if (Date.now() > deadline) throw new Error(`${run.reason}; try again later`);
    await new Promise((r) => setTimeout(r, 500));
  }
};
