// Invitations to administer a workspace. The link carries a random token; only its SHA-256 hash is
// stored (like SCIM tokens: 256 random bits need no slow hash). An invite is good for 7 days, once.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { ZEmail, ZNewPassword } from "@/lib/server/auth/schemas";
import { appBaseUrl } from "@/lib/server/public-origin";
import { isUniqueViolation, UserError } from "@/lib/server/errors";
import { isLinkSecret, newLinkSecret, sha256Hex } from "@/lib/server/secrets";
import { ADMIN_ROLES, type InviteDto, type TAdminRole } from "@/lib/workspaces/admins";
import { ZAdminRole } from "./admins";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const ZCreateInvite = z.object({ email: ZEmail, role: ZAdminRole.default("ADMIN") });
export const ZAcceptAsNewUser = z.object({
  name: z.string().trim().min(1, { error: "Enter your name" }).max(120, { error: "Keep your name under 120 characters" }),
  password: ZNewPassword,
});

const roleOf = (role: string): TAdminRole => (role === "OWNER" ? "OWNER" : "ADMIN");

export const inviteLink = (token: string) => `${appBaseUrl()}/invite/${token}`;

type Actor = { workspaceId: string; userId: string; role: string };

export const createInvite = async (actor: Actor, input: z.input<typeof ZCreateInvite>): Promise<{ invite: InviteDto; link: string }> => {
  const { email, role } = ZCreateInvite.parse(input);
  if (role === "OWNER" && actor.role !== "OWNER") throw new UserError("Only an owner can invite another owner.", "role", "forbidden");
  const existing = await db.membership.findFirst({ where: { workspaceId: actor.workspaceId, role: { in: [...ADMIN_ROLES] }, user: { email } }, select: { id: true } });
  if (existing) throw new UserError(`${email} is already an admin of this workspace.`, "email", "conflict");

  const token = newLinkSecret();
  const now = new Date();
  const row = await db.$transaction(async (tx) => {
    // A new invite replaces any pending one for the same person, so only the newest link works.
    await tx.invite.updateMany({ where: { workspaceId: actor.workspaceId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    return tx.invite.create({
      data: { workspaceId: actor.workspaceId, email, role, tokenHash: sha256Hex(token), invitedById: actor.userId, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) },
    });
  });
  const inviter = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
  return {
    invite: { id: row.id, email: row.email, role: roleOf(row.role), createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), invitedBy: inviter?.email ?? null },
    link: inviteLink(token),
  };
};

export const listPendingInvites = async (workspaceId: string): Promise<InviteDto[]> => {
  const rows = await db.invite.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const inviterIds = [...new Set(rows.map((r) => r.invitedById).filter((id): id is string => !!id))];
  const inviters = inviterIds.length ? await db.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(inviters.map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: roleOf(r.role),
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    invitedBy: r.invitedById ? (emailOf.get(r.invitedById) ?? null) : null,
  }));
};

export const revokeInvite = async (workspaceId: string, inviteId: string) => {
  const { count } = await db.invite.updateMany({ where: { id: inviteId, workspaceId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new UserError("No pending invite with that id in this workspace", undefined, "not_found");
};

export type InviteView =
  | { state: "invalid" }
  | {
      state: "pending" | "accepted" | "revoked" | "expired";
      email: string;
      role: TAdminRole;
      expiresAt: string;
      workspace: { name: string; slug: string };
      invitedBy: string | null;
      accountExists: boolean;
    };

/** What the invite page shows for a link; "invalid" for anything that is not one of our tokens. */
export const inviteByToken = async (token: string): Promise<InviteView> => {
  if (!isLinkSecret(token)) return { state: "invalid" };
  const row = await db.invite.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { workspace: { select: { name: true, slug: true } } } });
  if (!row) return { state: "invalid" };
  const [inviter, account] = await Promise.all([
    row.invitedById ? db.user.findUnique({ where: { id: row.invitedById }, select: { email: true, name: true } }) : null,
    db.user.findUnique({ where: { email: row.email }, select: { id: true } }),
  ]);
  const state = row.acceptedAt ? "accepted" : row.revokedAt ? "revoked" : row.expiresAt <= new Date() ? "expired" : "pending";
  return {
    state,
    email: row.email,
    role: roleOf(row.role),
    expiresAt: row.expiresAt.toISOString(),
    workspace: row.workspace,
    invitedBy: inviter ? (inviter.name ? `${inviter.name} (${inviter.email})` : inviter.email) : null,
    accountExists: !!account,
  };
};

const NOT_USABLE: Record<string, string> = {
  invalid: "This invite link is not valid. Check that you copied all of it.",
  accepted: "This invite has already been used.",
  revoked: "This invite was withdrawn. Ask an admin of the workspace for a new one.",
  expired: "This invite has expired. Ask an admin of the workspace for a new one.",
};

type Invitee = { userId: string } | { name: string; password: string };

/**
 * Joins the invited person to the workspace with the invited role: a signed-in user whose email
 * is the invited one, or a new account created here. Claiming the invite and creating the
 * membership happen in one transaction, so a link works exactly once.
 */
export const acceptInvite = async (token: string, who: Invitee): Promise<{ slug: string; email: string }> => {
  const view = await inviteByToken(token);
  if (view.state !== "pending") throw new UserError(NOT_USABLE[view.state]!, undefined, view.state === "invalid" ? "not_found" : "conflict");
  const newUser = "userId" in who ? null : ZAcceptAsNewUser.parse(who);
  if (newUser && view.accountExists) throw new UserError(`An account for ${view.email} already exists. Sign in to accept the invite.`, "email", "conflict");
  const passwordHash = newUser ? await hashPassword(newUser.password) : null;
  const tokenHash = sha256Hex(token);
  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      const invite = await tx.invite.findUniqueOrThrow({ where: { tokenHash } });
      let userId: string;
      if ("userId" in who) {
        const user = await tx.user.findUnique({ where: { id: who.userId }, select: { email: true } });
        if (!user || user.email !== invite.email) {
          throw new UserError(`This invite is for ${invite.email}. Sign in with that email to accept it.`, "email", "forbidden");
        }
        userId = who.userId;
      } else {
        userId = (await tx.user.create({ data: { email: invite.email, name: newUser!.name, passwordHash } })).id;
      }
      const claimed = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
      if (claimed.count === 0) throw new UserError("This invite is no longer valid. Ask an admin of the workspace for a new one.", undefined, "conflict");
      const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId } } });
      if (!membership) await tx.membership.create({ data: { workspaceId: invite.workspaceId, userId, role: invite.role } });
      else if (invite.role === "OWNER" && membership.role !== "OWNER") await tx.membership.update({ where: { id: membership.id }, data: { role: "OWNER" } });
      else if (!(ADMIN_ROLES as readonly string[]).includes(membership.role)) await tx.membership.update({ where: { id: membership.id }, data: { role: invite.role } });
      return { slug: view.workspace.slug, email: invite.email };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new UserError(`An account for ${view.email} already exists. Sign in to accept the invite.`, "email", "conflict");
    throw err;
  }
};
