// Single-use links for employees: "activation" (7 days, sent when they are provisioned or by an
// admin) and "magic" (15 minutes, a sign-in link). A link is issued only when its email is handed to
// SMTP (lib/server/links/issue-link.ts), carries 256 random bits, and only its hash is stored.
// Whether a link still works is decided when it is used: unused, unexpired, employee not archived.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { isLinkSecret, newLinkSecret, sha256Hex } from "@/lib/server/secrets";

export type LoginTokenKind = "activation" | "magic";

export const ACTIVATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const MAGIC_TTL_MS = 15 * 60 * 1000;

export const hashLoginToken = sha256Hex;
export const isLoginTokenShape = isLinkSecret;

export const activationLink = (origin: string, token: string) => `${origin}/activate/${token}`;
export const magicLink = (origin: string, slug: string, token: string) => `${origin}/e/${encodeURIComponent(slug)}/sign-in/${token}`;

/** Creates a token in the caller's transaction; the clear text is returned only here. */
export const issueLoginToken = async (tx: Tx, { workspaceId, employeeId, kind }: { workspaceId: string; employeeId: string; kind: LoginTokenKind }) => {
  const token = newLinkSecret();
  const expiresAt = new Date(Date.now() + (kind === "activation" ? ACTIVATION_TTL_MS : MAGIC_TTL_MS));
  await tx.employeeLoginToken.create({ data: { workspaceId, employeeId, kind, tokenHash: hashLoginToken(token), expiresAt } });
  return { token, expiresAt };
};

/** Makes every outstanding link of an employee unusable (archiving, or after activation). */
export const expireLoginTokens = (tx: Tx, workspaceId: string, employeeId: string, kind?: LoginTokenKind) =>
  tx.employeeLoginToken.updateMany({ where: { workspaceId, employeeId, usedAt: null, expiresAt: { gt: new Date() }, ...(kind ? { kind } : {}) }, data: { expiresAt: new Date() } });
