// Sign-up that reveals nothing about which emails have accounts. On an instance with no account yet
// (the first run), the workspace is created at once: there is nobody to reveal. Otherwise the form
// always answers "check your email": a new address gets a one-time link that creates the workspace,
// an address that already has an account gets an email saying so. The password is hashed in both
// cases, so the answer takes as long either way.
import "server-only";
import { fromPrisma } from "@/lib/db/direct";
import { db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import type { TSignUp } from "@/lib/server/auth/schemas";
import { guardPassword } from "@/lib/server/auth/sign-in-limits";
import { kickMailWorker } from "@/lib/server/email/deliver-email";
import { enqueueEmail, enqueueNewEmail } from "@/lib/server/email/enqueue-email";
import { signupConfirmEmail, signupExistingEmail } from "@/lib/server/email/render-email";
import { UserError } from "@/lib/server/errors";
import { isLinkSecret, sha256Hex } from "@/lib/server/secrets";
import { createWorkspace } from "./create-workspace";

export const SIGNUP_TTL_MS = 24 * 60 * 60 * 1000;
// At most one "you already have an account" email per address and ten minutes.
const EXISTING_NOTICE_BUCKET_MS = 10 * 60 * 1000;

export type SignUpOutcome = { created: true } | { checkEmail: true };

export const requestSignUp = async (input: TSignUp, origin: string): Promise<SignUpOutcome> => {
  const passwordHash = await hashPassword(input.password);
  if (!(await db.user.findFirst({ select: { id: true } }))) {
    await createWorkspace({ name: input.workspaceName, ownerEmail: input.email, ownerName: input.name, passwordHash, requireNewOwner: true });
    return { created: true };
  }
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  await db.$transaction(async (tx) => {
    if (existing) {
      const bucket = Math.floor(Date.now() / EXISTING_NOTICE_BUCKET_MS);
      await enqueueEmail(fromPrisma(tx), { workspaceId: null, to: input.email, kind: "signup-existing", dedupeKey: `signup-existing:${sha256Hex(input.email)}:${bucket}`, message: signupExistingEmail({ signInUrl: `${origin}/sign-in` }) });
      return;
    }
    const request = await tx.signupRequest.create({
      data: { email: input.email, name: input.name || null, passwordHash, workspaceName: input.workspaceName, expiresAt: new Date(Date.now() + SIGNUP_TTL_MS) },
    });
    await enqueueNewEmail(fromPrisma(tx), {
      workspaceId: null,
      to: input.email,
      kind: "signup",
      dedupeKey: `signup:${request.id}`,
      message: signupConfirmEmail({ workspaceName: input.workspaceName, expiresInHours: SIGNUP_TTL_MS / 3_600_000 }),
      link: { kind: "signup", requestId: request.id, origin },
    });
  });
  kickMailWorker();
  return { checkEmail: true };
};

/** What a confirmation link would create, for its page (a GET never spends it). */
export const inspectSignUp = async (token: string) => {
  if (!isLinkSecret(token)) return { state: "invalid" as const };
  const r = await db.signupRequest.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { email: true, workspaceName: true, usedAt: true, expiresAt: true } });
  if (!r) return { state: "invalid" as const };
  if (r.usedAt) return { state: "used" as const };
  if (r.expiresAt <= new Date()) return { state: "expired" as const };
  return { state: "ok" as const, email: r.email, workspaceName: r.workspaceName };
};

/**
 * Creates the workspace of a confirmation link, once (even when two requests race). The person
 * types the password they chose, so whoever holds the link alone cannot take the account; the
 * caller then signs them in with it.
 */
export const confirmSignUp = async (token: string, password: string, address: string | null) => {
  if (!isLinkSecret(token)) throw new UserError("This link is not valid. Open the whole link from the email.", "token");
  const tokenHash = sha256Hex(token);
  const r = await db.signupRequest.findUnique({ where: { tokenHash } });
  if (!r || r.usedAt || r.expiresAt <= new Date()) throw new UserError("This link has already been used or has expired. Sign up again.", "token");
  const report = await guardPassword({ scope: "signup", email: r.email, address, onPause: async () => undefined });
  const ok = await verifyPassword(r.passwordHash, password);
  await report(ok);
  if (!ok) throw new UserError("That is not the password you chose when you signed up.", "password");
  const now = new Date();
  const { count } = await db.signupRequest.updateMany({ where: { id: r.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count !== 1) throw new UserError("This link has already been used or has expired. Sign up again.", "token");
  const created = await createWorkspace({ name: r.workspaceName, ownerEmail: r.email, ownerName: r.name ?? undefined, passwordHash: r.passwordHash, requireNewOwner: true });
  return { email: r.email, slug: created.slug };
};
