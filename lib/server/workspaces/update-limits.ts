// The seat limit and required attributes of a workspace. Both are part of the provisioning policy:
// the change bumps policyVersion in the same statement, so every instance's cached policy expires.
import "server-only";
import { db } from "@/lib/db/client";
import { parseRequired } from "@/lib/provisioning/required";
import { UserError } from "@/lib/server/errors";
import { ZDirectoryLimits, type TDirectoryLimits } from "@/lib/workspaces/limits";

export const directoryLimits = async (workspaceId: string): Promise<TDirectoryLimits> => {
  const w = await db.workspace.findUnique({ where: { id: workspaceId }, select: { seatLimit: true, requiredAttributes: true } });
  if (!w) throw new UserError("Workspace not found", undefined, "not_found");
  return { seatLimit: w.seatLimit, requiredAttributes: parseRequired(w.requiredAttributes).map((a) => a.key) };
};

export const updateDirectoryLimits = async (workspaceId: string, input: TDirectoryLimits): Promise<TDirectoryLimits> => {
  const data = ZDirectoryLimits.parse(input);
  const requiredAttributes = [...new Set(data.requiredAttributes)];
  const { count } = await db.workspace.updateMany({
    where: { id: workspaceId },
    data: { seatLimit: data.seatLimit, requiredAttributes: JSON.stringify(requiredAttributes), policyVersion: { increment: 1 } },
  });
  if (count === 0) throw new UserError("Workspace not found", undefined, "not_found");
  return { seatLimit: data.seatLimit, requiredAttributes };
};
