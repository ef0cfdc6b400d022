// One role, by its key: read, replace (name, description, capabilities), delete (refused while
// anything depends on it; the answer says what).
import { db } from "@/lib/db/client";
import { ZRoleInput } from "@/lib/roles/schemas";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { deleteRole } from "@/lib/server/roles/delete-role";
import { getRole } from "@/lib/server/roles/list-roles";
import { updateRole } from "@/lib/server/roles/update-role";

type P = { slug: string; key: string };

export const GET = withAdmin<P>(async (_req, { workspace }, { key }) => {
  const role = await getRole(db, workspace.id, key);
  return role ? Response.json({ role }, { headers: { "Cache-Control": "no-store" } }) : Response.json({ error: "Not found" }, { status: 404 });
});

export const PUT = withAdmin<P>(async (req, { workspace }, { key }) => {
  const input = ZRoleInput.parse(await req.json().catch(() => ({})));
  return Response.json({ role: await updateRole(workspace.id, key, input) });
});

export const DELETE = withAdmin<P>(async (_req, { workspace }, { key }) => {
  await deleteRole(workspace.id, key);
  return Response.json({ ok: true });
});
