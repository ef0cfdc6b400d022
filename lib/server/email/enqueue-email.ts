// Writes an email into the outbox inside the caller's transaction, so the email exists exactly when
// the change that caused it does. The worker (deliver-email.ts) sends it after the commit.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { RenderedEmail } from "./render-email";

export type EmailKind = "activation" | "magic-link";

export type EnqueueEmail = {
  workspaceId: string;
  employeeId?: string | null;
  to: string;
  kind: EmailKind;
  /** One email per key, ever: a replayed request finds its key taken and enqueues nothing. */
  dedupeKey: string;
  message: RenderedEmail;
};

/** true when the email was queued, false when one with this dedupeKey already exists. */
export const enqueueEmail = async (tx: Tx, { workspaceId, employeeId, to, kind, dedupeKey, message }: EnqueueEmail): Promise<boolean> => {
  // A lookup, not a caught unique violation: on PostgreSQL a failed insert aborts the whole transaction.
  const taken = await tx.outboxEmail.findUnique({ where: { dedupeKey }, select: { id: true } });
  if (taken) return false;
  await tx.outboxEmail.create({ data: { workspaceId, employeeId: employeeId ?? null, to, kind, dedupeKey, subject: message.subject, html: message.html, text: message.text } });
  return true;
};
