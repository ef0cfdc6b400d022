// How an employee proves who they are to next-auth's "employee" provider: a one-time activation
// link (optionally choosing a password), a one-time sign-in link, or email + password within a
// workspace. Links are claimed with a conditional update, so each works once even when two
// requests race; archived employees never get in.
import "server-only";
import { fromPrisma } from "@/lib/db/direct";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { appBaseUrl } from "@/lib/server/public-origin";
import { kickMailWorker } from "@/lib/server/email/deliver-email";
import { enqueueNewEmail } from "@/lib/server/email/enqueue-email";
import { lockoutEmail } from "@/lib/server/email/render-email";
import { expireLoginTokens, hashLoginToken, isLoginTokenShape, type LoginTokenKind } from "./login-tokens";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password";
import { ZEmail, ZNewPassword } from "./schemas";
import { clientAddress, guardPassword } from "./sign-in-limits";

export type EmployeeUser = { id: string; name: string | null; email: string | null; kind: "employee"; sessionVersion: number };

/** A refusal the sign-in form shows as is (next-auth passes the message through). */
export class EmployeeSignInError extends Error {}

const ZCredentials = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("activate"), token: z.string(), password: z.string().optional() }),
  z.object({ mode: z.literal("magic"), token: z.string() }),
  z.object({ mode: z.literal("password"), slug: z.string().min(1).max(100), email: ZEmail, password: z.string().min(1).max(200) }),
]);

const TOKEN_PROBLEMS = {
  invalid: "This link is not valid. Check that you opened the whole link from the email.",
  used: "This link has already been used. Sign in instead, or ask for a new link.",
  expired: "This link has expired. Ask for a new one.",
  archived: "This link is no longer valid: your account is not active any more.",
} as const;
export type TokenProblem = keyof typeof TOKEN_PROBLEMS;
export const tokenProblemMessage = (p: TokenProblem) => TOKEN_PROBLEMS[p];

const EMPLOYEE = { id: true, workspaceId: true, displayName: true, email: true, status: true, active: true, activatedAt: true, sessionVersion: true, shareId: true, passwordHash: true } as const;

/** What a link is, without using it: for the pages that show it (a GET must never spend a link). */
export const inspectLoginToken = async (token: string, kind: LoginTokenKind) => {
  if (!isLoginTokenShape(token)) return { ok: false as const, problem: "invalid" as TokenProblem };
  const row = await db.employeeLoginToken.findUnique({
    where: { tokenHash: hashLoginToken(token) },
    include: { employee: { select: { ...EMPLOYEE, givenName: true, workspace: { select: { name: true, slug: true } } } } },
  });
  if (!row || row.kind !== kind) return { ok: false as const, problem: "invalid" as TokenProblem };
  if (row.employee.status === "ARCHIVED" || !row.employee.active) return { ok: false as const, problem: "archived" as TokenProblem, workspace: row.employee.workspace };
  if (row.usedAt) return { ok: false as const, problem: "used" as TokenProblem, workspace: row.employee.workspace };
  if (row.expiresAt <= new Date()) return { ok: false as const, problem: "expired" as TokenProblem, workspace: row.employee.workspace };
  const { passwordHash, ...employee } = row.employee;
  return { ok: true as const, expiresAt: row.expiresAt, employee: { ...employee, hasPassword: passwordHash !== null } };
};

const newShareId = () => crypto.randomBytes(12).toString("base64url");

const spendToken = async (token: string, kind: LoginTokenKind, passwordHash: string | null): Promise<EmployeeUser> => {
  const checked = await inspectLoginToken(token, kind);
  if (!checked.ok) throw new EmployeeSignInError(TOKEN_PROBLEMS[checked.problem]);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const tokenHash = hashLoginToken(token);
    const claim = await tx.employeeLoginToken.updateMany({ where: { tokenHash, kind, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claim.count !== 1) throw new EmployeeSignInError(TOKEN_PROBLEMS.used);
    const e = await tx.employee.findUniqueOrThrow({ where: { id: checked.employee.id }, select: EMPLOYEE });
    // Checked again inside the transaction: an archive that landed after the first look wins.
    if (e.status === "ARCHIVED" || !e.active) throw new EmployeeSignInError(TOKEN_PROBLEMS.archived);
    if (kind === "activation") {
      await tx.employee.update({
        where: { id: e.id },
        data: { activatedAt: e.activatedAt ?? now, shareId: e.shareId ?? newShareId(), ...(passwordHash ? { passwordHash } : {}) },
      });
      // Other activation emails sent before are spent once the account is active.
      await expireLoginTokens(tx, e.workspaceId, e.id, "activation");
    }
    return { id: e.id, name: e.displayName, email: e.email, kind: "employee" as const, sessionVersion: e.sessionVersion };
  });
};

/** Tells the employee (in their workspace's outbox) that password sign-in is paused. */
const notifyPause = (slug: string, email: string) => async (until: Date, attempts: number) => {
  const e = await db.employee.findFirst({
    where: { workspace: { slug }, emailKey: email, status: { not: "ARCHIVED" }, active: true, activatedAt: { not: null } },
    select: { id: true, workspaceId: true, email: true, workspace: { select: { name: true } } },
  });
  if (!e?.email) return;
  const message = lockoutEmail({ attempts, until, signInUrl: `${appBaseUrl()}/e/${encodeURIComponent(slug)}/sign-in`, workspaceName: e.workspace.name });
  await enqueueNewEmail(fromPrisma(db), { workspaceId: e.workspaceId, employeeId: e.id, to: e.email!, kind: "lockout", dedupeKey: `lockout:employee:${e.id}:${until.getTime()}`, message });
  kickMailWorker();
};

const withPassword = async (slug: string, email: string, password: string, address: string | null): Promise<EmployeeUser | null> => {
  const report = await guardPassword({ scope: `employee:${slug}`, email, address, onPause: notifyPause(slug, email) });
  const candidates = await db.employee.findMany({
    where: { workspace: { slug }, emailKey: email, status: { not: "ARCHIVED" }, active: true, activatedAt: { not: null }, passwordHash: { not: null } },
    select: EMPLOYEE,
    take: 3,
  });
  let user: EmployeeUser | null = null;
  if (!candidates.length) await verifyPassword(DUMMY_HASH, password);
  for (const e of candidates) {
    if (!user && (await verifyPassword(e.passwordHash, password))) user = { id: e.id, name: e.displayName, email: e.email, kind: "employee", sessionVersion: e.sessionVersion };
  }
  await report(user !== null);
  return user;
};

type Req = { headers?: Record<string, string | string[] | undefined> };

/** The "employee" provider's authorize: an EmployeeUser, null for wrong credentials, or an EmployeeSignInError. */
export const authorizeEmployee = async (raw: unknown, req?: Req): Promise<EmployeeUser | null> => {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const c = parsed.data;
  if (c.mode === "password") return withPassword(c.slug, c.email, c.password, clientAddress(req?.headers?.["x-forwarded-for"]));
  if (c.mode === "magic") return spendToken(c.token, "magic", null);
  let passwordHash: string | null = null;
  if (c.password) {
    const checked = ZNewPassword.safeParse(c.password);
    if (!checked.success) throw new EmployeeSignInError(checked.error.issues[0]?.message ?? "Choose a longer password");
    passwordHash = await hashPassword(checked.data);
  }
  return spendToken(c.token, "activation", passwordHash);
};
