// One custom attribute: read, change (label, card, order; type and path while no one has a value), delete.
import { ZAttributeUpdate } from "@/lib/attributes/declaration";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { deleteAttribute } from "@/lib/server/attributes/delete-attribute";
import { getAttribute } from "@/lib/server/attributes/list-attributes";
import { updateAttribute } from "@/lib/server/attributes/update-attribute";

type P = { slug: string; id: string };

export const GET = withAdmin<P>(async (_req, { workspace }, { id }) => {
  const attribute = await getAttribute(workspace.id, id);
  return attribute ? Response.json({ attribute }, { headers: { "Cache-Control": "no-store" } }) : Response.json({ error: "Not found" }, { status: 404 });
});

export const PATCH = withAdmin<P>(async (req, { workspace }, { id }) => {
  const input = ZAttributeUpdate.parse(await req.json().catch(() => ({})));
  return Response.json({ attribute: await updateAttribute(workspace.id, id, input) });
});

/** Removes the declaration and every employee's value of it; the answer says how many. */
export const DELETE = withAdmin<P>(async (_req, { workspace }, { id }) => Response.json(await deleteAttribute(workspace.id, id)));
