// PATCH { fields: { key: value } }: the signed-in employee edits unlocked fields of their own card.
// Each edited field is unlinked; a locked field is 403 and nothing is saved, and so is any edit by
// an employee whose role does not allow editing their card (editCard).
import { currentEmployee } from "@/lib/server/auth/employee-session";
import { checkMyCardEdit, updateMyCard, ZMyCardEdit } from "@/lib/server/employee-access/my-card";
import { UserError } from "@/lib/server/errors";
import { withSameOrigin } from "@/lib/server/http/same-origin";
import { withRequestLog } from "@/lib/server/http/with-request-log";
import { log } from "@/lib/log/logger";
import { cannotEditCardText } from "@/lib/roles/schemas";
import { allows } from "@/lib/server/roles/role-capabilities";

export const PATCH = withRequestLog(withSameOrigin(async (req: Request) => {
  const me = await currentEmployee();
  if (!me) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
  if (!allows(me.access, "editCard")) return Response.json({ error: cannotEditCardText(me.access.name) }, { status: 403 });
  const parsed = ZMyCardEdit.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Send { fields: { <field>: <value> } }" }, { status: 400 });
  const { values, errors } = checkMyCardEdit(parsed.data.fields);
  if (Object.keys(errors).length) return Response.json({ error: "Check the highlighted fields.", fieldErrors: errors }, { status: 400 });
  try {
    await updateMyCard(me, values);
  } catch (err) {
    if (err instanceof UserError) return Response.json({ error: err.message, field: err.field }, { status: err.code === "forbidden" ? 403 : 400 });
    log.error({ err }, "me: saving the card failed");
    return Response.json({ error: "Something went wrong. Please try again." }, { status: 500 });
  }
  return Response.json({ ok: true, saved: Object.keys(values) });
}));
