// Roles from the IdP: the import toggle, source order, unknown roles and group→role rules (Settings).
import { withAdmin } from "@/lib/server/auth/admin-api";
import { ZRoleImportSettings } from "@/lib/provisioning/roles";
import { roleImportSettings, updateRoleImport } from "@/lib/server/workspaces/update-role-import";

export const GET = withAdmin(async (_req, { workspace }) => Response.json({ settings: await roleImportSettings(workspace.id) }, { headers: { "Cache-Control": "no-store" } }));

export const PUT = withAdmin(async (req, { workspace }) => {
  const input = ZRoleImportSettings.parse(await req.json().catch(() => ({})));
  return Response.json({ settings: await updateRoleImport(workspace.id, input) });
});
