// PUT { templateId }: the card inherits this template from now on (null: no template).
import { withAdmin } from "@/lib/server/auth/admin-api";
import { assignCardTemplate, ZAssignCardTemplate } from "@/lib/server/cards/assign-card-template";
import { getCard } from "@/lib/server/cards/get-card";

type P = { slug: string; id: string };

export const PUT = withAdmin<P>(async (req, { workspace }, { id }) => {
  const { templateId } = ZAssignCardTemplate.parse(await req.json().catch(() => ({})));
  const { message } = await assignCardTemplate(workspace.id, id, templateId);
  return Response.json({ message, card: await getCard(workspace.id, id) });
});
