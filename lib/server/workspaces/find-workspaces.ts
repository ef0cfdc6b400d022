import "server-only";
import { db } from "@/lib/db/client";

/** A workspace by slug or id, for operators (the CLI) and public pages. */
export const findWorkspace = (slugOrId: string) =>
  db.workspace.findFirst({ where: { OR: [{ slug: slugOrId }, { id: slugOrId }] } });
