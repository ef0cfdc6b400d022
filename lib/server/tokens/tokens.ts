import "server-only";
import { db } from "@/lib/db/client";
import { bool, date, direct, int, join, sql } from "@/lib/db/direct";
import { log } from "@/lib/log/logger";
import { appBaseUrl } from "@/lib/server/public-origin";
import { UserError } from "@/lib/server/errors";
import type { TokenStatus } from "@/lib/tokens/dto";
import { ADMIN_ROLES } from "@/lib/workspaces/admins";
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

type TokenRow = { id: string; workspaceId: string; hash: string; origin: string; revokedAt: unknown; lastUsedAt: unknown; policyVersion: unknown; creatorIsAdmin: unknown };

// A token made by an operator (CLI) lives until revoked; an admin's dies with their admin rights.
const creatorIsAdmin = sql`(t."origin" = 'cli' OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = t."createdById" AND m."workspaceId" = t."workspaceId" AND m."role" IN (${join([...ADMIN_ROLES])})))`;

type Cached = { hash: string; principal: ScimPrincipal; lastUsedAt: number };
const cache = ((globalThis as unknown as { musterTokens?: Map<string, Cached> }).musterTokens ??= new Map());

/**
 * Resolves a bearer token to its workspace, or null for a missing, unknown, revoked or orphaned
 * token. One statement, on the driver adapter (lib/db/direct.ts); the policy version rides along
 * so the workspace's cached policy is reused only while it is current (provisioning/policy.ts).
 */
export const verifyToken = async (token: string): Promise<ScimPrincipal | null> => {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const [row] = await direct.query<TokenRow>(sql`
    SELECT t."id", t."workspaceId", t."hash", t."origin", t."revokedAt", t."lastUsedAt", w."policyVersion", ${creatorIsAdmin} AS "creatorIsAdmin"
    FROM "ScimToken" t JOIN "Workspace" w ON w."id" = t."workspaceId"
    WHERE t."prefix" = ${parsed.prefix}`);
  if (!row || !sameHash(row.hash, hashToken(token)) || row.revokedAt !== null || !bool(row.creatorIsAdmin)) {
    cache.delete(parsed.prefix);
    return null;
  }
  const principal = { workspaceId: row.workspaceId, tokenId: row.id, policyVersion: int(row.policyVersion) };
  cache.set(parsed.prefix, { hash: row.hash, principal, lastUsedAt: date(row.lastUsedAt)?.getTime() ?? 0 });
  noteUse(parsed.prefix);
  return principal;
};

/**
 * The token's principal as this instance last verified it, without a statement — or null. Whoever
 * uses it must confirm it in a statement of the same request (stillValid below: the provisioning
 * log row is written only while it holds), so a revocation, a creator's lost admin rights or a
 * policy change on any instance is seen by the very next request, not after a TTL.
 */
export const cachedToken = (token: string): ScimPrincipal | null => {
  const parsed = parseToken(token);
  const hit = parsed ? cache.get(parsed.prefix) : undefined;
  if (!parsed || !hit || !sameHash(hit.hash, hashToken(token))) return null;
  noteUse(parsed.prefix);
  return hit.principal;
};

/** Forget a cached token (its confirmation failed): the next request verifies it in full. */
export const forgetToken = (token: string) => {
  const parsed = parseToken(token);
  if (parsed) cache.delete(parsed.prefix);
};

/** The condition, for a statement's WHERE, that the principal is still what the cache says. */
export const stillValid = (p: ScimPrincipal) => sql`EXISTS (
  SELECT 1 FROM "ScimToken" t JOIN "Workspace" w ON w."id" = t."workspaceId"
  WHERE t."id" = ${p.tokenId} AND t."workspaceId" = ${p.workspaceId} AND t."revokedAt" IS NULL AND w."policyVersion" = ${p.policyVersion} AND ${creatorIsAdmin})`;

const noteUse = (prefix: string) => {
  const hit = cache.get(prefix);
  const now = Date.now();
  if (!hit || now - hit.lastUsedAt < LAST_USED_RESOLUTION_MS) return;
  hit.lastUsedAt = now;
  void db.scimToken.updateMany({ where: { id: hit.principal.tokenId, workspaceId: hit.principal.workspaceId }, data: { lastUsedAt: new Date(now) } }).catch((err) => log.error({ err }, "scim: could not note the token's last use"));
};
