// The mail outbox of a workspace for its admins: newest first, paged in the database.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { MailDelivery, OutboxPage, OutboxRow } from "@/lib/email/outbox";
import { mailConfig } from "./mail-config";
import { maskLinks, outboxStatus } from "./outbox-status";
import { LINK_PLACEHOLDER, showPlaceholder } from "./render-email";

export const OUTBOX_PAGE_SIZE = 25;
export const ZOutboxQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });

const SELECT = { id: true, to: true, subject: true, kind: true, createdAt: true, sentAt: true, nextAttempt: true, attempts: true, lastError: true, employeeId: true } as const;

const toRow = (m: { id: string; to: string; subject: string; kind: string; createdAt: Date; sentAt: Date | null; nextAttempt: Date; attempts: number; lastError: string | null; employeeId: string | null }): OutboxRow => ({
  ...m,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
  nextAttempt: m.nextAttempt.toISOString(),
  status: outboxStatus(m),
});

export const listOutbox = async (workspaceId: string, page: number): Promise<OutboxPage> => {
  const where = { workspaceId };
  const [total, waiting, rows] = await Promise.all([
    db.outboxEmail.count({ where }),
    db.outboxEmail.count({ where: { workspaceId, sentAt: null } }),
    db.outboxEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * OUTBOX_PAGE_SIZE, take: OUTBOX_PAGE_SIZE, select: SELECT }),
  ]);
  return { rows: rows.map(toRow), total, waiting, page, pageSize: OUTBOX_PAGE_SIZE };
};

/** One email with its content. Stored emails hold a placeholder where their link goes; older rows are masked. */
export const getOutboxEmail = async (workspaceId: string, id: string) => {
  const m = await db.outboxEmail.findFirst({ where: { id, workspaceId }, select: { ...SELECT, html: true, text: true } });
  if (!m) return null;
  const shown = (s: string) => showPlaceholder(maskLinks(s));
  return { ...toRow(m), html: shown(m.html), text: shown(m.text), hasLink: m.text.includes(LINK_PLACEHOLDER) || maskLinks(m.text) !== m.text };
};

/** How this instance delivers mail, for the outbox page (never the credentials). */
export const mailDelivery = (): MailDelivery => {
  const c = mailConfig();
  return c.mode === "smtp" ? { mode: "smtp", server: c.describe, from: c.from } : c;
};
