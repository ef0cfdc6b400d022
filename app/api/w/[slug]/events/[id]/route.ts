// GET /api/w/[slug]/events/[id] — one logged SCIM request with its token, employee and advice.
import { z } from "zod";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { getEvent } from "@/lib/server/events/get-event";

const ZEventId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Not a provisioning log id" });

export const GET = withAdmin<{ slug: string; id: string }>(async (_req, { workspace }, params) => {
  const id = ZEventId.parse(params.id);
  return Response.json(await getEvent(workspace, id), { headers: { "Cache-Control": "no-store" } });
});
