// How many seats a workspace uses (employees who are not archived) against its limit.
import "server-only";
import { db } from "@/lib/db/client";

export type SeatUsage = { used: number; limit: number | null };

export const seatUsage = async (workspaceId: string): Promise<SeatUsage> => {
  const [used, w] = await Promise.all([
    db.employee.count({ where: { workspaceId, status: { not: "ARCHIVED" } } }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: { seatLimit: true } }),
  ]);
  return { used, limit: w?.seatLimit ?? null };
};
