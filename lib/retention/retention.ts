// How long a workspace keeps its provisioning log, as the Settings form edits it; the server parses
// the same schema again. The floor of 7 days keeps a week of history to debug an IdP with.
import { z } from "zod";

export const MIN_RETENTION_DAYS = 7;
export const MAX_RETENTION_DAYS = 3650;
export const DEFAULT_RETENTION_DAYS = 90;

export const ZRetentionSettings = z.object({
  logRetentionDays: z
    .number({ error: "Enter a whole number of days" })
    .int({ error: "Enter a whole number of days" })
    .min(MIN_RETENTION_DAYS, { error: `Keep the log at least ${MIN_RETENTION_DAYS} days: a week of history is what you need to debug your identity provider` })
    .max(MAX_RETENTION_DAYS, { error: `Keep the log at most ${MAX_RETENTION_DAYS} days (10 years)` }),
});
export type TRetentionSettings = z.infer<typeof ZRetentionSettings>;

/** What the Settings page shows: the setting, what is older than it now, and the last pruning run. */
export type TRetentionStatus = TRetentionSettings & {
  /** Provisioning-log rows of this workspace older than its retention: the next run deletes them. */
  olderRows: number;
  /** Days delivered emails are kept (the same for every workspace: MUSTER_OUTBOX_RETENTION_DAYS). */
  outboxDays: number;
  /** When the pruner last finished (any instance). Its counts span every workspace, so they stay out of here. */
  lastRunAt: string | null;
};

/** Rows one pruning run deleted, per table (every workspace together). */
export type TPruneResult = { provisioningEvents: number; employeeEvents: number; outboxEmails: number };
