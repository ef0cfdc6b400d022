// Server-side sessions behind next-auth's signed cookie. The cookie names a row (sid); the row is
// checked on every request in the same query that loads the user, so sign-out, a password change,
// removal and "sign out everywhere" end a session at once, even for a cookie copied earlier.
import "server-only";
import crypto from "node:crypto";
import type { SessionDto } from "@/lib/auth/account";
import { db, type Tx } from "@/lib/db/client";

/** How long a sign-in lasts, whatever happens to the cookie. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

type Owner = { userId: string } | { employeeId: string };

export const startSession = async (owner: Owner, userAgent: string | null): Promise<string> => {
  const id = crypto.randomBytes(24).toString("base64url");
  await db.authSession.create({ data: { id, ...owner, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  return id;
};

/** The live-session condition, for the query that loads the signed-in person. */
export const liveSession = (sid: string) => ({ id: sid, revokedAt: null, expiresAt: { gt: new Date() } });

export const revokeSession = (sid: string) => db.authSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date() } });

/** Every session of an admin, but `keep` (the browser that asked, after a password change). */
export const revokeUserSessions = (client: Tx | typeof db, userId: string, keep?: string) =>
  client.authSession.updateMany({ where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) }, data: { revokedAt: new Date() } });

export const revokeEmployeeSessions = (client: Tx | typeof db, employeeId: string) =>
  client.authSession.updateMany({ where: { employeeId, revokedAt: null }, data: { revokedAt: new Date() } });

/** An admin's live sessions, newest first, for the account page. */
export const listUserSessions = async (userId: string, currentSid: string | null): Promise<SessionDto[]> => {
  const rows = await db.authSession.findMany({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map((s) => ({ id: s.id, userAgent: s.userAgent, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), current: s.id === currentSid }));
};
