import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { REQUEST_PATH_HEADER, safeRedirectPath } from "@/lib/auth/safe-redirect";
import { db } from "@/lib/db/client";
import { findAdminMembership } from "@/lib/server/auth/memberships";
import { liveSession } from "./auth-sessions";
import { authOptions } from "./options";

export type SessionUser = { id: string; email: string; name: string | null; sid: string };

/**
 * The signed-in user, re-read with their session in one query: a revoked or expired session, or a
 * deleted user, makes the cookie worth nothing.
 */
export const currentUser = async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const { id, sid } = (session?.user ?? {}) as { id?: string; sid?: string };
  if (!id || !sid) return null;
  const row = await db.authSession.findFirst({ where: { ...liveSession(sid), userId: id }, select: { user: { select: { id: true, email: true, name: true } } } });
  return row?.user ? { ...row.user, sid } : null;
};

export const requireUser = async (returnTo: string): Promise<SessionUser> => {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
};

/**
 * The page being rendered (path and query, as the proxy saw it) when it lies under `prefix`, so a
 * sign-in comes back to the very page — a settings tab, an employee, a log entry's link — else `prefix`.
 */
const returnPath = async (prefix: string) => {
  const asked = safeRedirectPath((await headers()).get(REQUEST_PATH_HEADER), prefix);
  return asked === prefix || asked.startsWith(`${prefix}/`) || asked.startsWith(`${prefix}?`) ? asked : prefix;
};

/** The tenant check for every workspace page and action: another workspace's slug is a plain 404. */
export const requireWorkspaceAdmin = async (slug: string) => {
  const user = await requireUser(await returnPath(`/w/${slug}`));
  const membership = await findAdminMembership(user.id, slug);
  if (!membership) notFound();
  return { user, workspace: membership.workspace, role: membership.role };
};
