// What a single sign-on means for Muster. A person is recognised by their identity provider's
// subject (provider, subject) once its link to a Muster account exists. A new subject is never
// linked silently, whatever email it claims: its first sign-in asks the account's owner to
// confirm, with their Muster password or with a one-time link sent to the account's email.
import "server-only";
import { fromPrisma } from "@/lib/db/direct";
import { db } from "@/lib/db/client";
import { enqueueNewEmail } from "@/lib/server/email/enqueue-email";
import { kickMailWorker } from "@/lib/server/email/deliver-email";
import { ssoLinkEmail } from "@/lib/server/email/render-email";
import { isLinkSecret, sha256Hex } from "@/lib/server/secrets";
import { ssoLabel, type SsoClaims } from "./sso";

export const SSO_LINK_TTL_MS = 30 * 60 * 1000;

export type SsoOutcome = { userId: string } | { redirect: string };

export const resolveSsoSignIn = async (claims: SsoClaims, origin: string): Promise<SsoOutcome> => {
  const linked = await db.account.findUnique({ where: { provider_providerAccountId: { provider: claims.provider, providerAccountId: claims.subject } }, select: { userId: true } });
  if (linked) return { userId: linked.userId };
  if (!claims.email) return { redirect: "/sign-in?error=SsoNoEmail" };
  const user = await db.user.findUnique({ where: { email: claims.email }, select: { id: true, email: true, accounts: { where: { provider: claims.provider }, select: { id: true } } } });
  if (!user) return { redirect: "/sign-in?error=SsoUnknownUser" };
  // One identity per provider and account: a second subject claiming the same email is someone else
  // until the owner unlinks the first one from their account page.
  if (user.accounts.length) return { redirect: "/sign-in?error=SsoOtherIdentityLinked" };
  const request = await db.$transaction(async (tx) => {
    const row = await tx.ssoLinkRequest.create({
      data: { userId: user.id, provider: claims.provider, providerAccountId: claims.subject, email: claims.email!, expiresAt: new Date(Date.now() + SSO_LINK_TTL_MS) },
    });
    await enqueueNewEmail(fromPrisma(tx), {
      workspaceId: null,
      to: user.email,
      kind: "sso-link",
      dedupeKey: `sso-link:${row.id}`,
      message: ssoLinkEmail({ providerLabel: ssoLabel(claims.provider), subjectEmail: claims.email!, expiresInMinutes: SSO_LINK_TTL_MS / 60_000 }),
      link: { kind: "sso-link", requestId: row.id, origin },
    });
    return row;
  });
  kickMailWorker();
  return { redirect: `/sign-in/link/${request.id}` };
};

/** A pending link request, for its confirmation page; null when used, expired or unknown. */
export const pendingSsoLink = async (id: string) => {
  const r = await db.ssoLinkRequest.findFirst({
    where: { id, usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, provider: true, email: true, user: { select: { email: true } } },
  });
  return r ? { id: r.id, provider: r.provider, providerLabel: ssoLabel(r.provider), subjectEmail: r.email, accountEmail: r.user.email } : null;
};

/**
 * Completes a link request (its owner proved who they are: their password, or the emailed link):
 * spent once, in one transaction with the link it creates.
 */
export const completeSsoLink = async (where: { id: string; userId?: string } | { tokenHash: string }) =>
  db.$transaction(async (tx) => {
    const now = new Date();
    const r = await tx.ssoLinkRequest.findFirst({ where: { ...where, usedAt: null, expiresAt: { gt: now } } });
    if (!r) return null;
    const { count } = await tx.ssoLinkRequest.updateMany({ where: { id: r.id, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) return null;
    const taken = await tx.account.findUnique({ where: { provider_providerAccountId: { provider: r.provider, providerAccountId: r.providerAccountId } }, select: { userId: true } });
    if (taken && taken.userId !== r.userId) return null;
    if (!taken) await tx.account.create({ data: { userId: r.userId, provider: r.provider, providerAccountId: r.providerAccountId, email: r.email } });
    return { userId: r.userId, provider: r.provider, providerLabel: ssoLabel(r.provider) };
  });

/** The request behind an emailed confirmation link, for its page (a GET never spends it). */
export const pendingSsoLinkByToken = async (token: string) => {
  if (!isLinkSecret(token)) return null;
  const r = await db.ssoLinkRequest.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { id: true, usedAt: true, expiresAt: true } });
  return r && !r.usedAt && r.expiresAt > new Date() ? pendingSsoLink(r.id) : null;
};

export const confirmSsoLinkByToken = (token: string) => (isLinkSecret(token) ? completeSsoLink({ tokenHash: sha256Hex(token) }) : Promise.resolve(null));
