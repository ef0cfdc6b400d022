import "server-only";
import { db } from "@/lib/db/client";

/** A workspace by slug or id, for operators (the CLI) and public pages. */
export const findWorkspace = (slugOrId: string) =>
  db.workspace.findFirst({ where: { OR: [{ slug: slugOrId }, { id: slugOrId }] } });

/** A workspace's public face by its slug (a link's `?workspace=`): its name, nothing else. */
export const findWorkspaceBySlug = (slug: string) =>
  /^[a-z0-9-]{1,100}$/.test(slug) ? db.workspace.findUnique({ where: { slug }, select: { name: true, slug: true } }) : Promise.resolve(null);
