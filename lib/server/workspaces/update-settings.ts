import "server-only";
import { db } from "@/lib/db/client";
import { UserError } from "@/lib/server/errors";
import { ZWorkspaceSettings, type TWorkspaceSettings } from "@/lib/workspaces/settings";

export const workspaceSettings = async (workspaceId: string): Promise<TWorkspaceSettings> => {
  const w = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { name: true, applyLocation: true, applyDepartment: true, applyManager: true, sendActivationEmails: true, defaultRole: true },
  });
  if (!w) throw new UserError("Workspace not found", undefined, "not_found");
  return w;
};

export const updateWorkspaceSettings = async (workspaceId: string, input: TWorkspaceSettings): Promise<TWorkspaceSettings> => {
  const data = ZWorkspaceSettings.parse(input);
  // Any of the workspace's roles, built-in or custom — never a key it does not have.
  if ((await db.role.count({ where: { workspaceId, key: data.defaultRole } })) === 0) throw new UserError("That role does not exist in this workspace. Pick one of the listed roles.", "defaultRole");
  // The version bump in the same statement: every instance's cached policy expires with it.
  const { count } = await db.workspace.updateMany({ where: { id: workspaceId }, data: { ...data, policyVersion: { increment: 1 } } });
  if (count === 0) throw new UserError("Workspace not found", undefined, "not_found");
  return data;
};
