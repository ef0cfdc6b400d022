// Server actions for workspace pages: the session and workspace are checked here, input is
// validated with zod, and the result is a value the form can show (never a thrown error).
import "server-only";
import { ZodError, type z } from "zod";
import { log } from "@/lib/log/logger";
import { UserError } from "@/lib/server/errors";
import { findAdminMembership } from "@/lib/server/auth/memberships";
import type { AdminContext } from "./admin-api";
import { currentUser } from "./session";

export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const adminAction = async <S extends z.ZodType, T>(
  slug: string,
  schema: S,
  input: unknown,
  run: (data: z.infer<S>, ctx: AdminContext) => Promise<T>,
  opts: { ownerOnly?: boolean } = {},
): Promise<ActionResult<T>> => {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
  const membership = await findAdminMembership(user.id, slug);
  if (!membership) return { ok: false, error: "You are not an admin of this workspace." };
  if (opts.ownerOnly && membership.role !== "OWNER") return { ok: false, error: "Only an owner of the workspace can do this." };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input", fieldErrors };
  }
  try {
    return { ok: true, data: await run(parsed.data, { user, workspace: membership.workspace, role: membership.role }) };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, error: err.message, fieldErrors: err.field ? { [err.field]: err.message } : undefined };
    if (err instanceof ZodError) return { ok: false, error: err.issues[0]?.message ?? "Invalid input" };
    log.error({ err }, "admin action: unexpected error");
    return { ok: false, error: "Something went wrong. Please try again." };
  }
};
