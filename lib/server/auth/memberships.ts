// Who administers which workspace: the check behind every admin page, route and action.
import "server-only";
import { db } from "@/lib/db/client";
import { ADMIN_ROLES } from "@/lib/workspaces/admins";

/** The workspaces a user administers, oldest first. */
export const listUserWorkspaces = (userId: string) =>
  db.membership.findMany({
    where: { userId, role: { in: [...ADMIN_ROLES] } },
    include: { workspace: { select: { id: true, slug: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });

/** The user's membership in the workspace with this slug, or null: the tenant check for pages. */
export const findAdminMembership = (userId: string, slug: string) =>
  db.membership.findFirst({
    where: { userId, role: { in: [...ADMIN_ROLES] }, workspace: { slug } },
    include: { workspace: true },
  });
