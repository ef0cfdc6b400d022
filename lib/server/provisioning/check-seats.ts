// Refuses a change that would take the workspace past its seat limit (lib/provisioning/seats.ts).
// Counted in the change's own transaction; on PostgreSQL the workspace row is locked first, so two
// instances cannot both take the last seat. Nothing runs when the workspace has no limit.
import "server-only";
import { forUpdate, int, sql, type Queryable } from "@/lib/db/direct";
import { seatLimitDetail } from "@/lib/provisioning/seats";

export class SeatLimitReached extends Error {
  constructor(
    readonly limit: number,
    readonly used: number,
    readonly adding: number,
  ) {
    super(seatLimitDetail(limit, used, adding));
    this.name = "SeatLimitReached";
  }
}

/** Throws SeatLimitReached when `adding` more seats would exceed `limit`. */
export const checkSeats = async (tx: Queryable, workspaceId: string, limit: number | null, adding = 1) => {
  if (limit === null || adding <= 0) return;
  await tx.query(sql`SELECT "id" FROM "Workspace" WHERE "id" = ${workspaceId}${forUpdate()}`);
  const [row] = await tx.query<{ n: unknown }>(sql`SELECT COUNT(*) AS "n" FROM "Employee" WHERE "workspaceId" = ${workspaceId} AND "status" <> 'ARCHIVED'`);
  const used = int(row?.n ?? 0);
  if (used + adding > limit) throw new SeatLimitReached(limit, used, adding);
};
