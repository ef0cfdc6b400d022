// What an outbox row's columns mean for the people reading the outbox page.
import type { OutboxStatus } from "@/lib/email/outbox";

/**
 * kept: delivered to the outbox page only (embedded mode, no SMTP attempt); sent: accepted by SMTP;
 * skipped: its link was no longer wanted when its turn came (the employee was archived or activated).
 */
export const outboxStatus = (m: { sentAt: Date | null; attempts: number; lastError: string | null }): OutboxStatus =>
  m.sentAt ? (m.lastError ? "skipped" : m.attempts === 0 ? "kept" : "sent") : m.attempts > 0 ? "retrying" : "queued";

// Emails queued before links were issued at send time held the link itself; what is left of those
// is masked (list-outbox, and once at start for rows already sent or kept).
const LINK_TOKEN = /(\/(?:activate|sign-in)\/)[A-Za-z0-9_-]{43}/g;
export const maskLinks = (s: string) => s.replace(LINK_TOKEN, "$1••••••••");
