// An admin's own account: password, single sign-on links and sessions.
import "server-only";
import { z } from "zod";
import type { AccountDto } from "@/lib/auth/account";
import { db } from "@/lib/db/client";
import { UserError } from "@/lib/server/errors";
import { listUserSessions, revokeUserSessions } from "./auth-sessions";
import { checkAdminPassword } from "./authorize-admin";
import { hashPassword } from "./password";
import { ZNewPassword } from "./schemas";
import { ssoLabel, ssoProviders } from "./sso";

export const ZChangePassword = z
  .object({ current: z.string().min(1, { error: "Enter your current password" }).max(200), next: ZNewPassword, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], error: "The two new passwords differ" });

export const getAccount = async (userId: string, currentSid: string): Promise<AccountDto> => {
  const [user, sessions] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passwordHash: true, accounts: { orderBy: { createdAt: "asc" } } } }),
    listUserSessions(userId, currentSid),
  ]);
  return {
    email: user.email,
    name: user.name,
    hasPassword: user.passwordHash !== null,
    identities: user.accounts.map((a) => ({ id: a.id, provider: a.provider, providerLabel: ssoLabel(a.provider), email: a.email, since: a.createdAt.toISOString() })),
    sso: ssoProviders().map(({ id, label }) => ({ id, label })),
    sessions,
  };
};

/** A new password ends every other session of the account (this browser stays signed in). */
export const changePassword = async (user: { id: string; email: string; sid: string }, input: z.input<typeof ZChangePassword>, address: string | null) => {
  const data = ZChangePassword.parse(input);
  if (!(await checkAdminPassword(user.email, data.current, address))) throw new UserError("That is not your current password.", "current");
  const passwordHash = await hashPassword(data.next);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    return (await revokeUserSessions(tx, user.id, user.sid)).count;
  });
  return { endedSessions: ended };
};

export const unlinkIdentity = async (user: { id: string }, accountId: string) => {
  const { count } = await db.account.deleteMany({ where: { id: accountId, userId: user.id } });
  if (count === 0) throw new UserError("That sign-in method is not linked to your account.", undefined, "not_found");
};

/** "Sign out everywhere": every session, or every other one when `keep` is this browser's. */
export const signOutEverywhere = async (user: { id: string }, keep?: string) => (await revokeUserSessions(db, user.id, keep)).count;
