// The mail outbox as its page shows it: rows, a page of them, and how this instance delivers mail.

/** What each status means is said where the server derives it: outboxStatus in lib/server/email/outbox-status.ts. */
export type OutboxStatus = "queued" | "kept" | "sent" | "retrying" | "skipped";

export type OutboxRow = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
  nextAttempt: string;
  attempts: number;
  lastError: string | null;
  status: OutboxStatus;
  employeeId: string | null;
};
export type OutboxPage = { rows: OutboxRow[]; total: number; waiting: number; page: number; pageSize: number };

/** How this instance delivers mail (never the credentials). */
export type MailDelivery = { mode: "smtp"; server: string; from: string } | { mode: "embedded" } | { mode: "misconfigured"; problem: string };
