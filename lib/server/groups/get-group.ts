import "server-only";
import { db } from "@/lib/db/client";

/** A group of this workspace with its member count, or null (another workspace's id is a 404). */
export const getGroup = async (workspaceId: string, id: string) => {
  const g = await db.group.findFirst({ where: { id, workspaceId }, select: { id: true, displayName: true, externalId: true, createdAt: true, updatedAt: true } });
  if (!g) return null;
  // A primary-key prefix count (not the relation _count, which aggregates every group's members).
  const memberCount = await db.groupMember.count({ where: { groupId: g.id, workspaceId } });
  return { ...g, memberCount };
};

export const groupExists = async (workspaceId: string, id: string) => (await db.group.count({ where: { id, workspaceId } })) > 0;
