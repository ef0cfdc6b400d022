// Route handlers outside a workspace (the account page, sign-up, SSO confirmations): one place that
// refuses cross-site changes, parses the JSON body with zod, checks the signed-in admin when asked,
// and words errors for forms. Each request gets its log line (withRequestLog).
import "server-only";
import { ZodError, type z } from "zod";
import { waitText } from "@/lib/auth/sign-in-errors";
import { UserError } from "@/lib/server/errors";
import { withSameOrigin } from "@/lib/server/http/same-origin";
import { withRequestLog } from "@/lib/server/http/with-request-log";
import { log } from "@/lib/log/logger";
import { fieldErrors } from "./schemas";
import { currentUser, type SessionUser } from "./session";
import { SignInPaused } from "./sign-in-limits";

const STATUS = { invalid: 400, conflict: 409, not_found: 404, forbidden: 403 } as const;

export const errorResponse = (err: unknown): Response => {
  if (err instanceof ZodError) return Response.json({ error: err.issues[0]?.message ?? "Invalid input", fieldErrors: fieldErrors(err) }, { status: 400 });
  if (err instanceof UserError) return Response.json({ error: err.message, field: err.field }, { status: STATUS[err.code] });
  if (err instanceof SignInPaused) {
    return Response.json({ error: `Too many wrong passwords: try again in ${waitText(err.retryAfter)}.` }, { status: 429, headers: { "Retry-After": String(err.retryAfter) } });
  }
  log.error({ err }, "api: unexpected error, answered 500");
  return Response.json({ error: "Something went wrong. Please try again." }, { status: 500 });
};

/** A JSON route for anyone (sign-up, confirmations): `run(body, req)` gets the validated body. */
export const publicJsonRoute =
  <S extends z.ZodType>(schema: S, run: (body: z.infer<S>, req: Request) => Promise<Response>) =>
  withRequestLog(
    withSameOrigin(async (req: Request): Promise<Response> => {
      try {
        return await run(schema.parse(await req.json().catch(() => ({}))), req);
      } catch (err) {
        return errorResponse(err);
      }
    }),
  );

/** A JSON route for the signed-in admin's own account (no workspace involved). */
export const withUser =
  <P>(run: (req: Request, user: SessionUser, params: P) => Promise<Response>) =>
  withRequestLog(
    withSameOrigin(async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
      const user = await currentUser();
      if (!user) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
      try {
        return await run(req, user, await ctx.params);
      } catch (err) {
        return errorResponse(err);
      }
    }),
  );
