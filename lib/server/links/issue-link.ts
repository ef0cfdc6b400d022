// Issues the one-time link of an email at the moment the outbox worker hands it to SMTP (never
// before: a stored email holds only a placeholder). A link that is no longer wanted — the employee
// was archived or activated meanwhile, the request was used or expired — is skipped, not sent.
import "server-only";
import { db } from "@/lib/db/client";
import type { LinkSpec } from "@/lib/server/email/enqueue-email";
import type { LinkIssuer } from "@/lib/server/email/deliver-email";
import { activationLink, hashLoginToken, issueLoginToken, magicLink } from "@/lib/server/auth/login-tokens";
import { newLinkSecret, sha256Hex } from "@/lib/server/secrets";

const forEmployee = async (spec: Extract<LinkSpec, { kind: "activation" | "magic" }>) =>
  db.$transaction(async (tx) => {
    const e = await tx.employee.findFirst({
      where: { id: spec.employeeId, workspaceId: spec.workspaceId },
      select: { status: true, active: true, activatedAt: true },
    });
    if (!e || e.status === "ARCHIVED" || !e.active) return { skip: "the employee is archived" };
    if (spec.kind === "activation" && e.activatedAt) return { skip: "the employee has already activated their account" };
    if (spec.kind === "magic" && !e.activatedAt) return { skip: "the employee has not activated their account" };
    const { token } = await issueLoginToken(tx, { workspaceId: spec.workspaceId, employeeId: spec.employeeId, kind: spec.kind });
    const url = spec.kind === "activation" ? activationLink(spec.origin, token) : magicLink(spec.origin, spec.slug, token);
    const revoke = () => db.employeeLoginToken.updateMany({ where: { tokenHash: hashLoginToken(token), usedAt: null }, data: { expiresAt: new Date() } });
    return { url, revoke };
  });

// Sign-up and SSO-link confirmations: the request row holds the hash of its newest link only.
const forRequest = async (spec: Extract<LinkSpec, { kind: "signup" | "sso-link" }>) => {
  const token = newLinkSecret();
  const where = { id: spec.requestId, usedAt: null, expiresAt: { gt: new Date() } };
  const data = { tokenHash: sha256Hex(token) };
  const { count } = spec.kind === "signup" ? await db.signupRequest.updateMany({ where, data }) : await db.ssoLinkRequest.updateMany({ where, data });
  if (count !== 1) return { skip: "the request was already used or has expired" };
  const revokeWhere = { id: spec.requestId, tokenHash: data.tokenHash };
  const revoke = () => (spec.kind === "signup" ? db.signupRequest.updateMany({ where: revokeWhere, data: { tokenHash: null } }) : db.ssoLinkRequest.updateMany({ where: revokeWhere, data: { tokenHash: null } }));
  const path = spec.kind === "signup" ? "/sign-up/confirm" : "/sign-in/link/confirm";
  return { url: `${spec.origin}${path}/${token}`, revoke };
};

export const issueLink: LinkIssuer = async (spec) => (spec.kind === "activation" || spec.kind === "magic" ? forEmployee(spec) : forRequest(spec));
