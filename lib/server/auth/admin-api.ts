// Route handlers under /api/w/[slug]/… (TanStack Query's data source) check the session and the
// workspace here, once: another workspace's slug is a 404, no session is a 401. A cross-site
// change is refused before the session is even read. Each request gets its log line (withRequestLog).
import "server-only";
import { ZodError } from "zod";
import { UserError } from "@/lib/server/errors";
import { withSameOrigin } from "@/lib/server/http/same-origin";
import { withRequestLog } from "@/lib/server/http/with-request-log";
import { log } from "@/lib/log/logger";
import { noteWorkspace } from "@/lib/log/request-context";
import { findAdminMembership } from "./memberships";
import { currentUser, type SessionUser } from "./session";

export type AdminContext = { user: SessionUser; workspace: { id: string; slug: string; name: string }; role: string };

type Handler<P> = (req: Request, ctx: AdminContext, params: P) => Promise<Response>;

export const withAdmin =
  <P extends { slug: string }>(handler: Handler<P>) =>
  withRequestLog(
    withSameOrigin(async (req: Request, { params }: { params: Promise<P> }): Promise<Response> => {
      const p = await params;
      const user = await currentUser();
      if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
      const membership = await findAdminMembership(user.id, p.slug);
      if (!membership) return Response.json({ error: "Not found" }, { status: 404 });
      noteWorkspace(membership.workspace.id);
      try {
        return await handler(req, { user, workspace: membership.workspace, role: membership.role }, p);
      } catch (err) {
        if (err instanceof ZodError) return Response.json({ error: err.issues.map((i) => i.message).join("; ") }, { status: 400 });
        if (err instanceof UserError) return Response.json({ error: err.message, field: err.field }, { status: err.code === "not_found" ? 404 : err.code === "conflict" ? 409 : err.code === "forbidden" ? 403 : 400 });
        log.error({ err }, "admin api: unexpected error, answered 500");
        return Response.json({ error: "Something went wrong" }, { status: 500 });
      }
    }),
  );
