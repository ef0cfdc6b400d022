// The workspace's custom attributes (with how many employees have a value); POST declares one.
import { ZAttributeDeclaration } from "@/lib/attributes/declaration";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { createAttribute } from "@/lib/server/attributes/create-attribute";
import { listAttributes } from "@/lib/server/attributes/list-attributes";

export const GET = withAdmin(async (_req, { workspace }) => Response.json({ attributes: await listAttributes(workspace.id) }, { headers: { "Cache-Control": "no-store" } }));

export const POST = withAdmin(async (req, { workspace }) => {
  const input = ZAttributeDeclaration.parse(await req.json().catch(() => ({})));
  return Response.json({ attribute: await createAttribute(workspace.id, input) }, { status: 201 });
});
