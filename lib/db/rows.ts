// Plain INSERT and UPDATE statements for the SCIM write path, on a Queryable (lib/db/direct.ts:
// the driver adapter itself, or a Prisma transaction through fromPrisma()). Ids and timestamps are
// explicit: Prisma's client-side defaults (cuid(), @updatedAt) do not run here, and SQLite's
// CURRENT_TIMESTAMP is not the format Prisma writes.
import "server-only";
import { join, raw, sql, typed, type Queryable, type Sql } from "./direct";

export type Row = Record<string, unknown>;

// Identifiers come from our own code, never from a request; checked anyway.
export const ident = (name: string) => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
  return raw(`"${name}"`);
};

/** INSERT of one or more rows with the same columns, as one statement. */
export const insertRows = (q: Queryable, table: string, rows: Row[]) => {
  if (!rows.length) return Promise.resolve(0);
  const columns = Object.keys(rows[0]!);
  const values = rows.map((r) => sql`(${join(columns.map((c) => r[c] ?? null))})`);
  return q.execute(sql`INSERT INTO ${ident(table)} (${join(columns.map(ident))}) VALUES ${join(values)}`);
};

/**
 * INSERT of one row only while `guard` (a condition) holds, as one statement: INSERT … SELECT …
 * WHERE guard. The number of rows written: 0 when the guard did not hold. PostgreSQL types the
 * selected values by `pgTypes` (text otherwise); SQLite needs no types.
 */
export const insertRowIf = (q: Queryable, table: string, row: Row, guard: Sql, pgTypes: Record<string, string> = {}) => {
  const columns = Object.keys(row);
  const values = columns.map((c) => typed(row[c] ?? null, pgTypes[c] ?? "text"));
  return q.execute(sql`INSERT INTO ${ident(table)} (${join(columns.map(ident))}) SELECT ${join(values)} WHERE ${guard}`);
};

/** UPDATE … SET `set` WHERE every key of `where` equals its value; the number of rows changed. */
export const updateRows = (q: Queryable, table: string, set: Row, where: Row) => {
  const assignments = Object.entries(set).map(([k, v]) => sql`${ident(k)} = ${v ?? null}`);
  const conditions = Object.entries(where).map(([k, v]) => (v === null ? sql`${ident(k)} IS NULL` : sql`${ident(k)} = ${v}`));
  return q.execute(sql`UPDATE ${ident(table)} SET ${join(assignments)} WHERE ${join(conditions, " AND ")}`);
};
