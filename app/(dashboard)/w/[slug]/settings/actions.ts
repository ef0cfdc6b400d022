"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/server/auth/admin-action";
import { updateWorkspaceSettings } from "@/lib/server/workspaces/update-settings";
import { ZWorkspaceSettings, type TWorkspaceSettings } from "@/lib/workspaces/settings";

export const saveSettings = async (slug: string, input: TWorkspaceSettings) =>
  adminAction(slug, ZWorkspaceSettings, input, async (data, { workspace }) => {
    const saved = await updateWorkspaceSettings(workspace.id, data);
    // The workspace name is in the header of every page.
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return saved;
  });
