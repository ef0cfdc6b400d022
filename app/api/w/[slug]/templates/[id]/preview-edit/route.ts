// What saving these fields would change on the cards that inherit the template (nothing is saved).
import { withAdmin } from "@/lib/server/auth/admin-api";
import { previewTemplateEdit } from "@/lib/server/templates/preview-template-edit";

export const POST = withAdmin<{ slug: string; id: string }>(async (req, { workspace }, { id }) => {
  const body = (await req.json().catch(() => ({}))) as { fields?: unknown };
  return Response.json(await previewTemplateEdit(workspace.id, id, body.fields ?? {}), { headers: { "Cache-Control": "no-store" } });
});
