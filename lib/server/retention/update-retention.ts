// A workspace's log retention for the Settings page. Not part of the provisioning policy (nothing a
// SCIM request computes depends on it), so a change does not bump policyVersion.
import "server-only";
import { db } from "@/lib/db/client";
import { UserError } from "@/lib/server/errors";
import { ZRetentionSettings, type TRetentionSettings, type TRetentionStatus } from "@/lib/retention/retention";
import { outboxRetentionDays, PRUNE_JOB } from "./prune-log";

const DAY_MS = 24 * 60 * 60 * 1000;

export const retentionStatus = async (workspaceId: string, now = new Date()): Promise<TRetentionStatus> => {
  const w = await db.workspace.findUnique({ where: { id: workspaceId }, select: { logRetentionDays: true } });
  if (!w) throw new UserError("Workspace not found", undefined, "not_found");
  const [olderRows, job] = await Promise.all([
    db.provisioningEvent.count({ where: { workspaceId, at: { lt: new Date(now.getTime() - w.logRetentionDays * DAY_MS) } } }),
    db.jobLease.findUnique({ where: { name: PRUNE_JOB }, select: { lastRunAt: true } }),
  ]);
  return { logRetentionDays: w.logRetentionDays, olderRows, outboxDays: outboxRetentionDays(), lastRunAt: job?.lastRunAt?.toISOString() ?? null };
};

export const updateRetention = async (workspaceId: string, input: TRetentionSettings): Promise<TRetentionStatus> => {
  const data = ZRetentionSettings.parse(input);
  const { count } = await db.workspace.updateMany({ where: { id: workspaceId }, data: { logRetentionDays: data.logRetentionDays } });
  if (count === 0) throw new UserError("Workspace not found", undefined, "not_found");
  return retentionStatus(workspaceId);
};
