// The workspace's card templates, in order; POST creates one (it goes last).
import { withAdmin } from "@/lib/server/auth/admin-api";
import { createTemplate, listTemplates, ZTemplateInput } from "@/lib/server/templates/templates";

export const GET = withAdmin(async (_req, { workspace }) => Response.json({ templates: await listTemplates(workspace.id) }, { headers: { "Cache-Control": "no-store" } }));

export const POST = withAdmin(async (req, { workspace }) => {
  const input = ZTemplateInput.parse(await req.json().catch(() => ({})));
  return Response.json({ template: await createTemplate(workspace.id, input) }, { status: 201 });
});
