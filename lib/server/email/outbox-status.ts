// What an outbox row's columns mean for the people reading the outbox page.
export type OutboxStatus = "queued" | "kept" | "sent" | "retrying";

/** kept: delivered to the outbox page only (embedded mode, no SMTP attempt); sent: accepted by SMTP. */
export const outboxStatus = (m: { sentAt: Date | null; attempts: number }): OutboxStatus => (m.sentAt ? (m.attempts === 0 ? "kept" : "sent") : m.attempts > 0 ? "retrying" : "queued");

// Sign-in links in a mail that really went out belong to its recipient: admins see them masked.
const LINK_TOKEN = /(\/(?:activate|sign-in)\/)[A-Za-z0-9_-]{43}/g;
export const maskLinks = (s: string) => s.replace(LINK_TOKEN, "$1••••••••");
