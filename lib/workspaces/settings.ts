// A workspace's settings as the settings form edits them; the server parses the same schema again.
import { z } from "zod";
import { BUILT_IN_ROLES } from "@/lib/roles/roles";

export const ZWorkspaceName = z
  .string()
  .trim()
  .min(2, { error: "Give the workspace a name of at least 2 characters" })
  .max(80, { error: "Keep the workspace name under 80 characters" });

export const ZWorkspaceSettings = z.object({
  name: ZWorkspaceName,
  applyLocation: z.boolean(),
  applyDepartment: z.boolean(),
  applyManager: z.boolean(),
  sendActivationEmails: z.boolean(),
  defaultRole: z.enum(BUILT_IN_ROLES.map((r) => r.key) as ["MEMBER", "GUEST"], { error: "Pick one of the listed roles" }),
});
export type TWorkspaceSettings = z.infer<typeof ZWorkspaceSettings>;
