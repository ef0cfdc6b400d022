// One card template: read, replace (name, fields, rules; the answer says how many card fields of
// the cards that inherit it changed), delete.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { deleteTemplate, getTemplate, updateTemplate, ZTemplateInput } from "@/lib/server/templates/templates";

type P = { slug: string; id: string };

export const GET = withAdmin<P>(async (_req, { workspace }, { id }) => {
  const template = await getTemplate(workspace.id, id);
  return template ? Response.json({ template }, { headers: { "Cache-Control": "no-store" } }) : Response.json({ error: "Not found" }, { status: 404 });
});

export const PUT = withAdmin<P>(async (req, { workspace }, { id }) => {
  const input = ZTemplateInput.parse(await req.json().catch(() => ({})));
  const { cardsUpdated, ...template } = await updateTemplate(workspace.id, id, input);
  return Response.json({ template, cardsUpdated });
});

export const DELETE = withAdmin<P>(async (_req, { workspace }, { id }) => {
  await deleteTemplate(workspace.id, id);
  return Response.json({ ok: true });
});
