// Single-use links for employees: "activation" (7 days, sent when they are provisioned or by an
// admin) and "magic" (15 minutes, a sign-in link). The link carries 256 random bits; only their
// SHA-256 hash is stored. Whether a link still works is decided when it is used: unused, unexpired,
// and the employee not archived.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";

export type LoginTokenKind = "activation" | "magic";

export const ACTIVATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const MAGIC_TTL_MS = 15 * 60 * 1000;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const hashLoginToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
export const isLoginTokenShape = (token: string) => TOKEN_SHAPE.test(token);

export const activationLink = (origin: string, token: string) => `${origin}/activate/${token}`;
export const magicLink = (origin: string, slug: string, token: string) => `${origin}/e/${encodeURIComponent(slug)}/sign-in/${token}`;

/** Creates a token in the caller's transaction; the clear text is returned only here. */
export const issueLoginToken = async (tx: Tx, { workspaceId, employeeId, kind }: { workspaceId: string; employeeId: string; kind: LoginTokenKind }) => {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + (kind === "activation" ? ACTIVATION_TTL_MS : MAGIC_TTL_MS));
  await tx.employeeLoginToken.create({ data: { workspaceId, employeeId, kind, tokenHash: hashLoginToken(token), expiresAt } });
  return { token, expiresAt };
};

/** Makes every outstanding link of an employee unusable (archiving, or after activation). */
export const expireLoginTokens = (tx: Tx, workspaceId: string, employeeId: string, kind?: LoginTokenKind) =>
  tx.employeeLoginToken.updateMany({ where: { workspaceId, employeeId, usedAt: null, expiresAt: { gt: new Date() }, ...(kind ? { kind } : {}) }, data: { expiresAt: new Date() } });
