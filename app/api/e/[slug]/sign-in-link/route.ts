// POST { email }: email an activated employee of this workspace a one-time sign-in link. Always
// answers 202 with the same body, so the form tells nobody which addresses have accounts.
import { ZEmail } from "@/lib/server/auth/schemas";
import { requestMagicLink } from "@/lib/server/employee-access/request-magic-link";
import { withSameOrigin } from "@/lib/server/http/same-origin";
import { withRequestLog } from "@/lib/server/http/with-request-log";
import { log } from "@/lib/log/logger";
import { originOfRequest } from "@/lib/server/public-origin";
import { z } from "zod";

const ZBody = z.object({ email: ZEmail });

export const POST = withRequestLog(withSameOrigin(async (req: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const parsed = ZBody.safeParse(await req.json().catch(() => ({})));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Enter a valid email address", field: "email" }, { status: 400 });
  try {
    await requestMagicLink(slug, parsed.data.email, originOfRequest(req));
  } catch (err) {
    log.error({ err }, "sign-in link: could not send");
    return Response.json({ error: "Something went wrong. Please try again." }, { status: 500 });
  }
  return Response.json({ ok: true }, { status: 202 });
}));
