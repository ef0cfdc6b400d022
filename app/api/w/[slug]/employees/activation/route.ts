// POST { employeeIds, requestId? } | { allPending: true, requestId? }: queue activation emails.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { sendActivation, ZSendActivation } from "@/lib/server/employee-access/send-activation";
import { originOfRequest } from "@/lib/server/public-origin";

export const POST = withAdmin(async (req, { workspace }) => {
  const body = ZSendActivation.parse(await req.json().catch(() => ({})));
  return Response.json(await sendActivation(workspace, body, originOfRequest(req)));
});
