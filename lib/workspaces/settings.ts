// A workspace's settings as the settings form edits them; the server parses the same schema again.
import { z } from "zod";

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
  // A role key of the workspace (built-in or custom); the server checks that it exists.
  defaultRole: z.string({ error: "Pick one of the listed roles" }).trim().min(1, { error: "Pick one of the listed roles" }).max(100),
});
export type TWorkspaceSettings = z.infer<typeof ZWorkspaceSettings>;

/** A role as the settings page lists it (default role, unknown IdP roles, group rules). */
export type TRoleOption = { key: string; name: string; description: string; builtIn: boolean };
