// "Email me a sign-in link": a 15-minute, single-use link for an activated employee. The answer
// is the same whether or not the email belongs to anyone, so the form reveals no accounts.
import "server-only";
import { fromPrisma } from "@/lib/db/direct";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { kickMailWorker } from "@/lib/server/email/deliver-email";
import { enqueueEmail } from "@/lib/server/email/enqueue-email";
import { magicLinkEmail } from "@/lib/server/email/render-email";
import { MAGIC_TTL_MS } from "@/lib/server/auth/login-tokens";

// One link a minute per employee: a form submitted twice, or someone else typing the address in
// a loop, does not flood the inbox.
const THROTTLE_MS = 60_000;

export const requestMagicLink = async (slug: string, email: string, origin: string): Promise<void> => {
  const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!workspace) return;
  const employee = await db.employee.findFirst({
    where: { workspaceId: workspace.id, emailKey: email.toLowerCase(), status: { not: "ARCHIVED" }, active: true, activatedAt: { not: null } },
    orderBy: { activatedAt: "desc" },
    select: { id: true, email: true, displayName: true, givenName: true },
  });
  if (!employee?.email) return;
  const to = employee.email;
  const queued = await db.$transaction(async (tx) => {
    const recent = await tx.outboxEmail.findFirst({ where: { employeeId: employee.id, kind: "magic-link", createdAt: { gt: new Date(Date.now() - THROTTLE_MS) } }, select: { id: true } });
    if (recent) return false;
    const message = magicLinkEmail({ workspaceName: workspace.name, employeeName: employee.givenName || employee.displayName, expiresInMinutes: MAGIC_TTL_MS / 60_000 });
    const link = { kind: "magic" as const, workspaceId: workspace.id, employeeId: employee.id, slug: workspace.slug, origin };
    return enqueueEmail(fromPrisma(tx), { workspaceId: workspace.id, employeeId: employee.id, to, kind: "magic-link", dedupeKey: `magic:${crypto.randomUUID()}`, message, link });
  });
  if (queued) kickMailWorker();
};
