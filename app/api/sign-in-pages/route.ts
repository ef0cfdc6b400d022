// POST { email }: the workspace finder of /me. Always 202 with the same body, and the lookup and
// the email run after the answer is sent (`after`), so neither the answer nor its timing tells
// which addresses have an employee anywhere. A client address that asks too often gets 429 with
// Retry-After (that says nothing about any email); an email address asked for too often gets the
// same 202 and no further email (lib/server/employee-access/send-sign-in-pages.ts).
import { after } from "next/server";
import { z } from "zod";
import { waitText } from "@/lib/auth/sign-in-errors";
import { ZEmail } from "@/lib/server/auth/schemas";
import { clientAddress } from "@/lib/server/auth/sign-in-limits";
import { finderPausedFor, sendSignInPages } from "@/lib/server/employee-access/send-sign-in-pages";
import { withSameOrigin } from "@/lib/server/http/same-origin";
import { withRequestLog } from "@/lib/server/http/with-request-log";
import { log } from "@/lib/log/logger";
import { originOfRequest } from "@/lib/server/public-origin";

const ZBody = z.object({ email: ZEmail });

export const POST = withRequestLog(withSameOrigin(async (req: Request) => {
  const wait = await finderPausedFor(clientAddress(req.headers.get("x-forwarded-for")));
  if (wait !== null)
    return Response.json({ error: `Too many requests from your network. Try again in ${waitText(wait)}.` }, { status: 429, headers: { "Retry-After": String(wait) } });
  const parsed = ZBody.safeParse(await req.json().catch(() => ({})));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Enter a valid email address", field: "email" }, { status: 400 });
  const origin = originOfRequest(req);
  after(() => sendSignInPages(parsed.data.email, origin).catch((err) => log.error({ err }, "sign-in pages: could not send")));
  return Response.json({ ok: true }, { status: 202 });
}));
