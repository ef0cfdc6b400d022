// Writes an email into the outbox inside the caller's transaction, so the email exists exactly when
// the change that caused it does. The worker (deliver-email.ts) sends it after the commit, and
// issues the email's sign-in link (if it has one) only then: the outbox never holds a live secret.
import "server-only";
import { sql, type Queryable } from "@/lib/db/direct";
import { newId } from "@/lib/db/ids";
import { insertRows } from "@/lib/db/rows";
import type { RenderedEmail } from "./render-email";

export const EMAIL_KINDS = ["activation", "magic-link", "signup", "signup-existing", "sso-link", "lockout", "sign-in-pages"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Which one-time link to put in the email when it is sent (see lib/server/links/issue-link.ts). */
export type LinkSpec =
  | { kind: "activation"; workspaceId: string; employeeId: string; origin: string }
  | { kind: "magic"; workspaceId: string; employeeId: string; slug: string; origin: string }
  | { kind: "signup"; requestId: string; origin: string }
  | { kind: "sso-link"; requestId: string; origin: string };

export type EnqueueEmail = {
  /** null for account emails that belong to no workspace (sign-up, lockout of an admin, SSO). */
  workspaceId: string | null;
  employeeId?: string | null;
  to: string;
  kind: EmailKind;
  /** One email per key, ever: a replayed request finds its key taken and enqueues nothing. */
  dedupeKey: string;
  message: RenderedEmail;
  link?: LinkSpec;
};

const row = ({ workspaceId, employeeId, to, kind, dedupeKey, message, link }: EnqueueEmail) => ({
  id: newId(),
  workspaceId,
  employeeId: employeeId ?? null,
  to,
  kind,
  dedupeKey,
  subject: message.subject,
  html: message.html,
  text: message.text,
  link: link ? JSON.stringify(link) : null,
  attempts: 0,
  nextAttempt: new Date(),
  createdAt: new Date(),
});

// Plain INSERTs on a Queryable (lib/db/direct.ts): the SCIM create path queues here in its own
// transaction; other callers pass their Prisma transaction through fromPrisma().

/** true when the email was queued, false when one with this dedupeKey already exists. */
export const enqueueEmail = async (tx: Queryable, email: EnqueueEmail): Promise<boolean> => {
  // A lookup, not a caught unique violation: on PostgreSQL a failed insert aborts the whole transaction.
  const [taken] = await tx.query(sql`SELECT "id" FROM "OutboxEmail" WHERE "dedupeKey" = ${email.dedupeKey}`);
  if (taken) return false;
  await insertRows(tx, "OutboxEmail", [row(email)]);
  return true;
};

/** For a key no earlier request can have used (a new employee's id, a fresh request id): no lookup. */
export const enqueueNewEmail = async (tx: Queryable, email: EnqueueEmail) => {
  await insertRows(tx, "OutboxEmail", [row(email)]);
};

export const parseLinkSpec = (json: string | null): LinkSpec | null => {
  if (!json) return null;
  try {
    return JSON.parse(json) as LinkSpec;
  } catch {
    return null;
  }
};
