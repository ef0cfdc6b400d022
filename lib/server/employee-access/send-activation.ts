// An admin sends the activation email (again) to chosen employees, or to everyone still pending.
// The browser sends one requestId per confirmed click: a retried or doubled request finds its
// dedupeKeys taken and queues nothing twice; a new click is a new send.
import "server-only";
import { fromPrisma } from "@/lib/db/direct";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { SendActivationResult, SkipReason } from "@/lib/employee-access/activation";
import { queueActivation } from "@/lib/server/provisioning/queue-activation";
import { kickMailWorker } from "@/lib/server/email/deliver-email";

const ZRequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "requestId must be 8–64 letters, digits, - or _" });

export const ZSendActivation = z.union([
  z.object({
    employeeIds: z.array(z.string().min(1).max(64)).min(1, { error: "Choose at least one employee" }).max(1000, { error: "Send to at most 1,000 employees at a time" }),
    requestId: ZRequestId.optional(),
  }),
  z.object({ allPending: z.literal(true), requestId: ZRequestId.optional() }),
]);
export type TSendActivation = z.infer<typeof ZSendActivation>;

const CHUNK = 200;
const SELECT = { id: true, workspaceId: true, email: true, displayName: true, givenName: true, active: true, activatedAt: true, status: true } as const;

export const sendActivation = async (workspace: { id: string; name: string; slug: string }, input: TSendActivation, origin: string): Promise<SendActivationResult> => {
  const requestId = input.requestId ?? crypto.randomUUID();
  const skipped: SendActivationResult["skipped"] = [];
  let ids: string[];
  if ("allPending" in input) {
    const rows = await db.employee.findMany({ where: { workspaceId: workspace.id, activatedAt: null, status: { not: "ARCHIVED" }, email: { not: null } }, select: { id: true }, orderBy: { createdAt: "asc" } });
    ids = rows.map((r) => r.id);
  } else {
    ids = [...new Set(input.employeeIds)];
  }

  let queued = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db.employee.findMany({ where: { workspaceId: workspace.id, id: { in: chunk } }, select: SELECT });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const eligible: ((typeof rows)[number] & { email: string })[] = [];
    for (const id of chunk) {
      const e = byId.get(id);
      const reason: SkipReason | null = !e ? "not_found" : e.status === "ARCHIVED" ? "archived" : !e.email ? "no_email" : e.activatedAt ? "activated" : null;
      if (reason || !e?.email) skipped.push({ id, name: e?.displayName ?? e?.email ?? null, reason: reason ?? "no_email" });
      else eligible.push({ ...e, email: e.email });
    }
    if (!eligible.length) continue;
    queued += await db.$transaction(async (tx) => {
      let n = 0;
      for (const e of eligible) if (await queueActivation(fromPrisma(tx), { ...e, email: e.email }, workspace, origin, `activation:send:${requestId}:${e.id}`)) n++;
      return n;
    });
  }
  if (queued) kickMailWorker();
  // The first 100 skipped are named; the count says how many there were.
  return { queued, skippedCount: skipped.length, skipped: skipped.slice(0, 100) };
};
