import "server-only";
import { db } from "@/lib/db/client";
import { appBaseUrl } from "@/lib/server/public-origin";
import { UserError } from "@/lib/server/errors";
import { ADMIN_ROLES } from "@/lib/server/auth/memberships";
import { hashToken, newToken, parseToken, sameHash } from "./token-format";

export const tenantUrl = () => `${appBaseUrl()}/api/scim/v2`;

/** Issues a token; the clear text is returned only here, never stored. */
export const createToken = async (workspaceId: string, name: string, createdById: string | null) => {
  const origin = createdById ? "dashboard" : "cli";
  const label = name.trim().slice(0, 80) || "SCIM token";
  const { token, prefix, hash } = newToken();
  const row = await db.scimToken.create({ data: { workspaceId, name: label, prefix, hash, createdById, origin } });
  return { id: row.id, name: row.name, token, tenantUrl: tenantUrl(), createdAt: row.createdAt };
};

export type TokenStatus = "active" | "revoked" | "creator-lost-access";

export const listTokens = async (workspaceId: string) => {
  const rows = await db.scimToken.findMany({
    where: { workspaceId },
    include: { createdBy: { select: { email: true, name: true, memberships: { where: { workspaceId }, select: { role: true } } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    origin: t.origin === "cli" ? ("cli" as const) : ("dashboard" as const),
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
    createdBy: t.createdBy?.email ?? null,
    createdByName: t.createdBy?.name ?? null,
    status: statusOf(t.revokedAt, t.origin, t.createdBy?.memberships ?? []),
  }));
};

const isAdminRole = (role: string) => (ADMIN_ROLES as readonly string[]).includes(role);

const statusOf = (revokedAt: Date | null, origin: string, memberships: { role: string }[]): TokenStatus => {
  if (revokedAt) return "revoked";
  // Tokens made by an operator (CLI) live until revoked; an admin's die with their admin rights.
  if (origin !== "cli" && !memberships.some((m) => isAdminRole(m.role))) return "creator-lost-access";
  return "active";
};

export const revokeToken = async (workspaceId: string, tokenId: string) => {
  const { count } = await db.scimToken.updateMany({ where: { id: tokenId, workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new UserError("No active token with that id in this workspace", "token", "not_found");
};

/** The workspace settings that decide what provisioning applies, read with the token in one query. */
export type ProvisioningSettings = { applyLocation: boolean; applyDepartment: boolean; applyManager: boolean; defaultRole: string };
export type ScimPrincipal = { workspaceId: string; tokenId: string; settings: ProvisioningSettings };

// lastUsedAt is written at most once a minute per token, so a busy sync does not write on every request.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer token to its workspace, or null for a missing, unknown, revoked or orphaned token. */
export const verifyToken = async (token: string): Promise<ScimPrincipal | null> => {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const row = await db.scimToken.findUnique({
    where: { prefix: parsed.prefix },
    include: {
      createdBy: { select: { memberships: { select: { workspaceId: true, role: true } } } },
      workspace: { select: { applyLocation: true, applyDepartment: true, applyManager: true, defaultRole: true } },
    },
  });
  if (!row || !sameHash(row.hash, hashToken(token)) || row.revokedAt) return null;
  if (row.origin !== "cli") {
    const stillAdmin = row.createdBy?.memberships.some((m) => m.workspaceId === row.workspaceId && isAdminRole(m.role));
    if (!stillAdmin) return null;
  }
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.scimToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { workspaceId: row.workspaceId, tokenId: row.id, settings: row.workspace };
};
