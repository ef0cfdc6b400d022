// Activation emails, queued in the transaction of the change that causes them (a first
// provisioning, an admin's send), so an email exists exactly when its change commits. The link is
// issued only when the email is sent (lib/server/links/issue-link.ts).
import "server-only";
import type { Queryable } from "@/lib/db/direct";
import { ACTIVATION_TTL_MS } from "@/lib/server/auth/login-tokens";
import { enqueueEmail, enqueueNewEmail } from "@/lib/server/email/enqueue-email";
import { activationEmail } from "@/lib/server/email/render-email";

type Recipient = { id: string; workspaceId: string; email: string; displayName: string | null; givenName?: string | null };

/**
 * Queues an activation email unless one with this dedupeKey exists (then nothing happens: no
 * second email). `fresh`: the key cannot exist yet (a new employee's), so there is nothing to look up.
 * Returns whether an email was queued.
 */
export const queueActivation = async (tx: Queryable, e: Recipient, workspace: { name: string; slug: string }, origin: string, dedupeKey: string, fresh = false) => {
  const email = {
    workspaceId: e.workspaceId,
    employeeId: e.id,
    to: e.email,
    kind: "activation" as const,
    dedupeKey,
    message: activationEmail({
      workspaceName: workspace.name,
      employeeName: e.givenName || e.displayName,
      expiresInDays: ACTIVATION_TTL_MS / 86_400_000,
      // Where the employee signs in again after activating, on any device.
      signInUrl: `${origin}/e/${workspace.slug}/sign-in`,
    }),
    link: { kind: "activation" as const, workspaceId: e.workspaceId, employeeId: e.id, origin },
  };
  if (!fresh) return enqueueEmail(tx, email);
  await enqueueNewEmail(tx, email);
  return true;
};
