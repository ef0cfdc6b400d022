// An employee's card for the card editor: fields with linked/locked state and the IdP's values.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { getCard } from "@/lib/server/cards/get-card";

export const GET = withAdmin<{ slug: string; id: string }>(async (_req, { workspace }, { id }) => {
  const card = await getCard(workspace.id, id);
  return card ? Response.json(card, { headers: { "Cache-Control": "no-store" } }) : Response.json({ error: "Not found" }, { status: 404 });
});
