// Changes one card field: { action: "edit", value } | "unlock" | "lock" | "relink". Answers with
// the whole card, so the editor shows what the change did.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { getCard } from "@/lib/server/cards/get-card";
import { updateCardField } from "@/lib/server/cards/update-card-field";
import { ZCardFieldChange } from "@/lib/cards/editor";

export const PATCH = withAdmin<{ slug: string; id: string; key: string }>(async (req, { workspace }, { id, key }) => {
  const change = ZCardFieldChange.parse(await req.json().catch(() => ({})));
  const { message } = await updateCardField(workspace.id, id, key, change);
  return Response.json({ message, card: await getCard(workspace.id, id) });
});
