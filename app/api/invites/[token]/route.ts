// Accepting an invite: the signed-in invitee joins, or a new account is created for the invited
// email. Not under /api/w/[slug]: the invitee is not an admin yet.
import { ZodError } from "zod";
import { fieldErrors } from "@/lib/server/auth/schemas";
import { currentUser } from "@/lib/server/auth/session";
import { UserError } from "@/lib/server/errors";
import { withSameOrigin } from "@/lib/server/http/same-origin";
import { withRequestLog } from "@/lib/server/http/with-request-log";
import { log } from "@/lib/log/logger";
import { acceptInvite } from "@/lib/server/workspaces/invites";

export const dynamic = "force-dynamic";

const STATUS = { invalid: 400, conflict: 409, not_found: 404, forbidden: 403 } as const;

export const POST = withRequestLog(withSameOrigin(async (req: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  try {
    const user = await currentUser();
    const body = (await req.json().catch(() => ({}))) as { name?: unknown; password?: unknown };
    const who = user ? { userId: user.id } : { name: String(body.name ?? ""), password: String(body.password ?? "") };
    return Response.json(await acceptInvite(token, who));
  } catch (err) {
    if (err instanceof ZodError) return Response.json({ error: err.issues[0]?.message ?? "Invalid input", fieldErrors: fieldErrors(err) }, { status: 400 });
    if (err instanceof UserError) return Response.json({ error: err.message, fieldErrors: err.field ? { [err.field]: err.message } : undefined }, { status: STATUS[err.code] });
    log.error({ err }, "invite: could not accept");
    return Response.json({ error: "Something went wrong. Please try again." }, { status: 500 });
  }
}));
