// The overview an admin opens every morning, from indexed queries only: each statement reads a
// bounded range of an index, whatever the size of the directory or of the provisioning log.
import "server-only";
import { db } from "@/lib/db/client";
import { mailConfig } from "@/lib/server/email/mail-config";
import type { TChangeCounts, TNextStep, TOverview, TRecentError, TTokenSync } from "@/lib/overview/dto";
import { SILENT_AFTER_MS, syncState } from "@/lib/overview/sync-state";

const DAY_MS = 24 * 3_600_000;
const MAX_TOKENS = 20;
const RECENT_ERRORS = 5;
// lastUsedAt is written at most once a minute per token and instance (tokens.ts); the newest
// request is searched from a little before it, so the scan stays short however busy other tokens are.
const LAST_USED_SLACK_MS = 5 * 60_000;
// Distinct error statuses are few (400, 404, 409, 429, 500…); past this many, the oldest are left out.
const MAX_ERROR_STATUSES = 40;

const CHANGE_BUCKET: Record<string, keyof TChangeCounts> = {
  created: "created",
  linked: "updated",
  restored: "updated",
  updated: "updated",
  reactivated: "updated",
  deactivated: "archived",
  deleted: "archived",
};

const firstLine = (s: string | null) => (s === null ? null : (s.split("\n", 1)[0] ?? "").slice(0, 200));

const tokenSyncs = async (workspaceId: string, now: number): Promise<TTokenSync[]> => {
  const since = new Date(now - DAY_MS);
  const [tokens, errors] = await Promise.all([
    db.scimToken.findMany({ where: { workspaceId, revokedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: MAX_TOKENS, select: { id: true, name: true, prefix: true, lastUsedAt: true } }),
    // Server errors are rare: (workspaceId, status, at) finds them directly.
    db.provisioningEvent.groupBy({ by: ["tokenId"], where: { workspaceId, status: { gte: 500 }, at: { gte: since } }, _count: { _all: true }, _max: { at: true } }),
  ]);
  const errorsOf = new Map(errors.map((e) => [e.tokenId, e]));
  return Promise.all(
    tokens.map(async (t) => {
      const used = t.lastUsedAt && now - t.lastUsedAt.getTime() <= SILENT_AFTER_MS ? t.lastUsedAt : null;
      const last = used
        ? await db.provisioningEvent.findFirst({
            where: { workspaceId, tokenId: t.id, at: { gte: new Date(used.getTime() - LAST_USED_SLACK_MS) } },
            orderBy: [{ at: "desc" }],
            select: { id: true, at: true, method: true, path: true, status: true },
          })
        : null;
      const err = errorsOf.get(t.id);
      const { state, reason } = syncState({
        now,
        // A token last used before the window keeps its time of use (it is silent either way).
        last: last ? { at: last.at.getTime(), status: last.status } : t.lastUsedAt ? { at: t.lastUsedAt.getTime(), status: 200 } : null,
        lastServerError: err?._max.at?.getTime() ?? null,
      });
      return {
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        state,
        reason,
        lastRequest: last ? { at: last.at.toISOString(), method: last.method, path: last.path, status: last.status, eventId: last.id } : t.lastUsedAt ? { at: t.lastUsedAt.toISOString(), method: null, path: null, status: null, eventId: null } : null,
        serverErrors: err?._count._all ?? 0,
      };
    }),
  );
};

/** What the IdP changed in the last 24 hours, by the log rows' change (read from the (workspaceId, at) index). */
const changesSince = async (workspaceId: string, since: Date): Promise<TChangeCounts> => {
  const rows = await db.provisioningEvent.groupBy({ by: ["change"], where: { workspaceId, at: { gte: since }, change: { not: null } }, _count: { _all: true } });
  const counts: TChangeCounts = { created: 0, updated: 0, archived: 0 };
  for (const r of rows) {
    const bucket = r.change ? CHANGE_BUCKET[r.change] : undefined;
    if (bucket) counts[bucket] += r._count._all;
  }
  return counts;
};

/**
 * The newest failed requests. A range on status would read every error ever logged and sort them;
 * instead the distinct error statuses are walked on (workspaceId, status, at), one index seek each,
 * and each status gives its newest rows straight from the same index.
 */
const recentErrors = async (workspaceId: string): Promise<TRecentError[]> => {
  const statuses: number[] = [];
  let from = 399;
  while (statuses.length < MAX_ERROR_STATUSES) {
    const next = await db.provisioningEvent.findFirst({ where: { workspaceId, status: { gt: from } }, orderBy: [{ status: "asc" }, { at: "asc" }], select: { status: true } });
    if (!next) break;
    statuses.push(next.status);
    from = next.status;
  }
  const perStatus = await Promise.all(
    statuses.map((status) =>
      db.provisioningEvent.findMany({
        where: { workspaceId, status },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: RECENT_ERRORS,
        select: { id: true, at: true, method: true, path: true, status: true, error: true },
      }),
    ),
  );
  return perStatus
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1))
    .slice(0, RECENT_ERRORS)
    .map((e) => ({ id: e.id, at: e.at.toISOString(), method: e.method, path: e.path, status: e.status, error: firstLine(e.error) }));
};

type Workspace = { id: string; seatLimit: number | null; sendActivationEmails: boolean };

export const getOverview = async (workspace: Workspace, now = Date.now()): Promise<TOverview> => {
  const workspaceId = workspace.id;
  const [byStatus, tokens, changes, pending, errors, templates] = await Promise.all([
    // Seats and archived from one covering scan of the status index.
    db.employee.groupBy({ by: ["status"], where: { workspaceId }, _count: { _all: true } }),
    tokenSyncs(workspaceId, now),
    changesSince(workspaceId, new Date(now - DAY_MS)),
    // The same count as the employee list's "Pending activation" tab.
    db.employee.count({ where: { workspaceId, activatedAt: null, status: { not: "ARCHIVED" } } }),
    recentErrors(workspaceId),
    db.template.count({ where: { workspaceId } }),
  ]);
  const nextSteps: TNextStep[] = [];
  if (!tokens.length) nextSteps.push("token");
  if (!templates) nextSteps.push("template");
  if (!workspace.sendActivationEmails) nextSteps.push("activation-emails");
  if (mailConfig().mode !== "smtp") nextSteps.push("mail");
  const archived = byStatus.find((g) => g.status === "ARCHIVED")?._count._all ?? 0;
  const seats = byStatus.reduce((n, g) => n + g._count._all, 0) - archived;
  return { seats, seatLimit: workspace.seatLimit, archived, tokens, changes, pending, sendActivationEmails: workspace.sendActivationEmails, recentErrors: errors, nextSteps };
};
