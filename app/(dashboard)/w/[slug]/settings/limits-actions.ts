"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/server/auth/admin-action";
import { updateDirectoryLimits } from "@/lib/server/workspaces/update-limits";
import { ZDirectoryLimits, type TDirectoryLimits } from "@/lib/workspaces/limits";

export const saveDirectoryLimits = async (slug: string, input: TDirectoryLimits) =>
  adminAction(slug, ZDirectoryLimits, input, async (data, { workspace }) => {
    const saved = await updateDirectoryLimits(workspace.id, data);
    // The seat meter is on the overview and the employee list.
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return saved;
  });
