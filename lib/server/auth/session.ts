import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { findAdminMembership } from "@/lib/server/workspaces/find-workspaces";
import { authOptions } from "./options";

export type SessionUser = { id: string; email: string; name: string | null };

/** The signed-in user, re-read from the database (a deleted user's cookie is worth nothing). */
export const currentUser = async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
};

export const requireUser = async (returnTo: string): Promise<SessionUser> => {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
};

/** The tenant check for every workspace page and action: another workspace's slug is a plain 404. */
export const requireWorkspaceAdmin = async (slug: string) => {
  const user = await requireUser(`/w/${slug}`);
  const membership = await findAdminMembership(user.id, slug);
  if (!membership) notFound();
  return { user, workspace: membership.workspace, role: membership.role };
};
