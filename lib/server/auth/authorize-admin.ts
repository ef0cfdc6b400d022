// How an admin proves who they are to next-auth's "credentials" provider: email and password, or
// their password on the page that confirms a single sign-on link. Every password check goes
// through the brute-force guard.
import "server-only";
import { fromPrisma } from "@/lib/db/direct";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { appBaseUrl } from "@/lib/server/public-origin";
import { kickMailWorker } from "@/lib/server/email/deliver-email";
import { enqueueNewEmail } from "@/lib/server/email/enqueue-email";
import { lockoutEmail } from "@/lib/server/email/render-email";
import { DUMMY_HASH, verifyPassword } from "./password";
import { ZEmail } from "./schemas";
import { clientAddress, guardPassword } from "./sign-in-limits";
import { completeSsoLink } from "./sso-sign-in";

export type AdminUser = { id: string; email: string; name: string | null };
type Req = { headers?: Record<string, string | string[] | undefined> };

const ZCredentials = z.union([
  z.object({ linkRequest: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
  z.object({ email: ZEmail, password: z.string().min(1).max(200) }),
]);

/** Tells an admin that their password sign-in is paused (the email says nothing to a stranger). */
const notifyAdminPause = (email: string) => async (until: Date, attempts: number) => {
  const user = await db.user.findUnique({ where: { email }, select: { email: true } });
  if (!user) return;
  await enqueueNewEmail(fromPrisma(db), { workspaceId: null, to: user.email, kind: "lockout", dedupeKey: `lockout:admin:${user.email}:${until.getTime()}`, message: lockoutEmail({ attempts, until, signInUrl: `${appBaseUrl()}/sign-in` }) });
  kickMailWorker();
};

/** Checks `password` for the account with `email`, counted by the brute-force guard. */
export const checkAdminPassword = async (email: string, password: string, address: string | null) => {
  const report = await guardPassword({ scope: "admin", email, address, onPause: notifyAdminPause(email) });
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  await report(ok && !!user);
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
};

export const authorizeAdmin = async (raw: unknown, req: Req | undefined): Promise<AdminUser | null> => {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const c = parsed.data;
  const address = clientAddress(req?.headers?.["x-forwarded-for"]);
  if ("linkRequest" in c) {
    const request = await db.ssoLinkRequest.findFirst({ where: { id: c.linkRequest, usedAt: null, expiresAt: { gt: new Date() } }, select: { id: true, user: { select: { email: true } } } });
    if (!request) return null;
    const user = await checkAdminPassword(request.user.email, c.password, address);
    if (!user) return null;
    return (await completeSsoLink({ id: request.id, userId: user.id })) ? user : null;
  }
  return checkAdminPassword(c.email, c.password, address);
};
