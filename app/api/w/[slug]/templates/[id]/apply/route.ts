// Applies a template by hand to existing employees: every current match ({ all: true }) or the
// picked ones ({ employeeIds }).
import { withAdmin } from "@/lib/server/auth/admin-api";
import { applyTemplate, ZApplyTemplate } from "@/lib/server/templates/apply-template";

export const POST = withAdmin<{ slug: string; id: string }>(async (req, { workspace }, { id }) => {
  const input = ZApplyTemplate.parse(await req.json().catch(() => ({})));
  return Response.json(await applyTemplate(workspace.id, id, input));
});
