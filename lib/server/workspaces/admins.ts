// The admins of a workspace (Memberships). A workspace always keeps at least one owner; removing
// an admin stops the SCIM tokens they created in the dashboard (see verifyToken).
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { revokeUserSessions } from "@/lib/server/auth/auth-sessions";
import { UserError } from "@/lib/server/errors";
import { ADMIN_ROLES, type AdminDto, type StoppingTokenDto, type TAdminRole } from "@/lib/workspaces/admins";

export const ZAdminRole = z.enum(ADMIN_ROLES, { error: "The role must be Owner or Admin" });
export const ZChangeRole = z.object({ role: ZAdminRole });

export const listAdmins = async (workspaceId: string): Promise<AdminDto[]> => {
  const rows = await db.membership.findMany({
    where: { workspaceId, role: { in: [...ADMIN_ROLES] } },
    include: { user: { select: { email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((m) => ({ id: m.id, userId: m.userId, email: m.user.email, name: m.user.name, role: m.role === "OWNER" ? "OWNER" : "ADMIN", since: m.createdAt.toISOString() }));
};

const findAdmin = async (tx: Pick<Tx, "membership">, workspaceId: string, membershipId: string) => {
  const m = await tx.membership.findFirst({ where: { id: membershipId, workspaceId, role: { in: [...ADMIN_ROLES] } }, include: { user: { select: { email: true } } } });
  if (!m) throw new UserError("No admin with that id in this workspace", undefined, "not_found");
  return m;
};

/** The tokens that stop working when this admin goes: made by them in the dashboard, not revoked. */
export const tokensStoppedByRemoval = async (workspaceId: string, membershipId: string): Promise<StoppingTokenDto[]> => {
  const m = await findAdmin(db, workspaceId, membershipId);
  const rows = await db.scimToken.findMany({
    where: { workspaceId, createdById: m.userId, origin: "dashboard", revokedAt: null },
    select: { id: true, name: true, prefix: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((t) => ({ ...t, lastUsedAt: t.lastUsedAt?.toISOString() ?? null }));
};

// Touching the workspace row first serializes concurrent owner changes of one workspace (a row
// lock on PostgreSQL, the write lock on SQLite), so two owners demoting each other cannot both win.
const lockWorkspace = (tx: Tx, workspaceId: string) => tx.workspace.update({ where: { id: workspaceId }, data: { updatedAt: new Date() } });

const ownerCount = (tx: Tx, workspaceId: string) => tx.membership.count({ where: { workspaceId, role: "OWNER" } });

const LAST_OWNER = "A workspace needs at least one owner. Make another admin an owner first.";

export const changeAdminRole = async (workspaceId: string, membershipId: string, role: TAdminRole): Promise<AdminDto> =>
  db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const m = await findAdmin(tx, workspaceId, membershipId);
    if (m.role === "OWNER" && role !== "OWNER" && (await ownerCount(tx, workspaceId)) <= 1) {
      throw new UserError(`${m.user.email} is the last owner. ${LAST_OWNER}`, "role", "conflict");
    }
    const { count } = await tx.membership.updateMany({ where: { id: m.id, workspaceId }, data: { role } });
    if (count === 0) throw new UserError("No admin with that id in this workspace", undefined, "not_found");
    const user = await tx.user.findUniqueOrThrow({ where: { id: m.userId }, select: { email: true, name: true } });
    return { id: m.id, userId: m.userId, email: user.email, name: user.name, role, since: m.createdAt.toISOString() };
  });

export const removeAdmin = async (workspaceId: string, membershipId: string): Promise<{ email: string; stoppedTokens: number }> =>
  db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const m = await findAdmin(tx, workspaceId, membershipId);
    if (m.role === "OWNER" && (await ownerCount(tx, workspaceId)) <= 1) {
      throw new UserError(`${m.user.email} is the last owner and cannot be removed. ${LAST_OWNER}`, undefined, "conflict");
    }
    const stoppedTokens = await tx.scimToken.count({ where: { workspaceId, createdById: m.userId, origin: "dashboard", revokedAt: null } });
    const { count } = await tx.membership.deleteMany({ where: { id: m.id, workspaceId } });
    if (count === 0) throw new UserError("No admin with that id in this workspace", undefined, "not_found");
    // Their open sessions end too: the removal takes effect in every browser they are signed in to.
    await revokeUserSessions(tx, m.userId);
    return { email: m.user.email, stoppedTokens };
  });
