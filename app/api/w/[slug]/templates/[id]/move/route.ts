// Moves a template one place up or down; the first template whose rules match wins.
import { z } from "zod";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { moveTemplate } from "@/lib/server/templates/templates";

const ZMove = z.object({ direction: z.enum(["up", "down"], { error: 'direction is "up" or "down"' }) });

export const POST = withAdmin<{ slug: string; id: string }>(async (req, { workspace }, { id }) => {
  const { direction } = ZMove.parse(await req.json().catch(() => ({})));
  return Response.json({ templates: await moveTemplate(workspace.id, id, direction) });
});
