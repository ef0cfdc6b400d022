// Activation emails and what archiving does to an employee's sign-in. These run inside the
// transaction of the change that causes them (a SCIM request, an admin's send), so the email is
// queued exactly when the change commits.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/server/email/enqueue-email";
import { activationEmail } from "@/lib/server/email/render-email";
import { ACTIVATION_TTL_MS, expireLoginTokens } from "@/lib/server/auth/login-tokens";

type Recipient = { id: string; workspaceId: string; email: string | null; displayName: string | null; givenName?: string | null; active: boolean; activatedAt: Date | null };

/**
 * Queues an activation email, unless an email with this dedupeKey exists (then nothing happens: no
 * second email). Its link is issued when the email is sent. Returns whether an email was queued.
 */
export const queueActivation = async (tx: Tx, e: Recipient & { email: string }, workspaceName: string, origin: string, dedupeKey: string) => {
  const message = activationEmail({ workspaceName, employeeName: e.givenName || e.displayName, expiresInDays: ACTIVATION_TTL_MS / 86_400_000 });
  const link = { kind: "activation" as const, workspaceId: e.workspaceId, employeeId: e.id, origin };
  return enqueueEmail(tx, { workspaceId: e.workspaceId, employeeId: e.id, to: e.email, kind: "activation", dedupeKey, message, link });
};

/**
 * The hook for first provisioning (a new SCIM user, or a manual employee linked to one): an active
 * employee with an email gets one activation email when the workspace sends them. The dedupeKey is
 * per employee, so replaying the request can never send a second.
 * `scimBaseUrl` is the SCIM base the request came in on (…/api/scim/v2): links use the same origin.
 */
export const activateOnProvision = async (tx: Tx, e: Recipient, scimBaseUrl: string) => {
  if (!e.active || !e.email || e.activatedAt) return false;
  const workspace = await tx.workspace.findUnique({ where: { id: e.workspaceId }, select: { name: true, sendActivationEmails: true } });
  if (!workspace?.sendActivationEmails) return false;
  const origin = scimBaseUrl.replace(/\/api\/scim\/v2\/?$/, "");
  return queueActivation(tx, { ...e, email: e.email }, workspace.name, origin, `activation:provision:${e.id}`);
};

/** Archiving (by the IdP or by hand): every session of the employee ends and no link works any more. */
export const revokeEmployeeAccess = async (tx: Tx, workspaceId: string, employeeId: string) => {
  await tx.employee.updateMany({ where: { id: employeeId, workspaceId }, data: { sessionVersion: { increment: 1 } } });
  await expireLoginTokens(tx, workspaceId, employeeId);
};
