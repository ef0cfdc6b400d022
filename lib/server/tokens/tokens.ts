import "server-only";
import { db } from "@/lib/db/client";
import { bool, date, direct, int, join, sql } from "@/lib/db/direct";
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

/** Who a SCIM request acts for: its workspace, its token, and the version of the workspace's policy. */
export type ScimPrincipal = { workspaceId: string; tokenId: string; policyVersion: number };

// lastUsedAt is written at most once a minute per token, so a busy sync does not write on every request.
const LAST_USED_RESOLUTION_MS = 60_000;

type TokenRow = { id: string; workspaceId: string; hash: string; origin: string; revokedAt: unknown; lastUsedAt: unknown; policyVersion: number | bigint; creatorIsAdmin: unknown };


/**
 * Resolves a bearer token to its workspace, or null for a missing, unknown, revoked or orphaned
 * token. One statement, on every request: a revocation, or the creator losing admin rights, is
 * seen by the very next request on every instance; the policy version rides along so the
 * workspace's cached policy is reused only while it is current (provisioning/policy.ts).
 */
export const verifyToken = async (token: string): Promise<ScimPrincipal | null> => {
  const parsed = parseToken(token);
  if (!parsed) return null;
  // On the driver adapter: one statement on every SCIM request (lib/db/direct.ts says why).
  const [row] = await direct.query<TokenRow>(sql`
    SELECT t."id", t."workspaceId", t."hash", t."origin", t."revokedAt", t."lastUsedAt", w."policyVersion",
      EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = t."createdById" AND m."workspaceId" = t."workspaceId" AND m."role" IN (${join([...ADMIN_ROLES])})) AS "creatorIsAdmin"
    FROM "ScimToken" t JOIN "Workspace" w ON w."id" = t."workspaceId"
    WHERE t."prefix" = ${parsed.prefix}`);
  if (!row || !sameHash(row.hash, hashToken(token)) || row.revokedAt !== null) return null;
  // Tokens made by an operator (CLI) live until revoked; an admin's die with their admin rights.
  if (row.origin !== "cli" && !bool(row.creatorIsAdmin)) return null;
  const now = Date.now();
  const last = date(row.lastUsedAt)?.getTime() ?? null;
  if (last === null || now - last > LAST_USED_RESOLUTION_MS) {
    void db.scimToken.updateMany({ where: { id: row.id, workspaceId: row.workspaceId }, data: { lastUsedAt: new Date(now) } }).catch((err) => console.error("[scim] could not note the token's last use", err));
  }
  return { workspaceId: row.workspaceId, tokenId: row.id, policyVersion: int(row.policyVersion) };
};
