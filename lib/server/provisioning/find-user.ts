// The reads a SCIM write needs, each one statement: the user it names, and — for a create — every
// employee the new identity could be (the same userName, a deleted or deactivated one coming back,
// a hand-made one to link) together with the manager it names. Plain SQL on the driver adapter,
// like the writes (lib/db/direct.ts says why).
import "server-only";
import { bool, date, int, join, raw, sql, type Queryable } from "@/lib/db/direct";
import { PROFILE_COLUMNS, type EmployeeState, type Manager } from "./plan-user";

const STATE_COLUMNS = [
  "id",
  "scimId",
  "status",
  "active",
  "userName",
  "userNameKey",
  "externalId",
  "scimDoc",
  "scimDeletedAt",
  "linkedAt",
  "archivedAt",
  "activatedAt",
  "managerId",
  "version",
  "sessionVersion",
  "cardPolicyVersion",
  "role",
  "roleSource",
  ...PROFILE_COLUMNS,
  "createdAt",
] as const;
const COLUMNS = raw(STATE_COLUMNS.map((c) => `e."${c}"`).join(", "));

export type Stored = EmployeeState & { scimDeletedAt: Date | null; createdAt: Date };
export type Candidate = Stored & { cardFields: number };

// What the drivers return (SQLite: dates as text, booleans as 0/1), as the client would.
const toStored = (r: Record<string, unknown>): Stored =>
  ({
    ...r,
    active: bool(r.active),
    version: int(r.version),
    sessionVersion: int(r.sessionVersion),
    cardPolicyVersion: int(r.cardPolicyVersion),
    scimDeletedAt: date(r.scimDeletedAt),
    linkedAt: date(r.linkedAt),
    archivedAt: date(r.archivedAt),
    activatedAt: date(r.activatedAt),
    createdAt: date(r.createdAt),
  }) as Stored;

/** A live SCIM user by its SCIM id (deleted ones are gone). */
export const loadUser = async (tx: Queryable, workspaceId: string, scimId: string): Promise<Stored | null> => {
  const [row] = await tx.query(sql`SELECT ${COLUMNS} FROM "Employee" e WHERE e."scimId" = ${scimId} AND e."workspaceId" = ${workspaceId} AND e."scimDeletedAt" IS NULL`);
  return row ? toStored(row) : null;
};

/** `refs`: SCIM ids the new identity's reference attributes name (check-attributes.ts). */
type Lookup = { userName: string; externalId: string | null; emails: string[]; managerRef: string | null; refs?: string[] };

// Candidates are a handful of rows, put in order here: with an ORDER BY … LIMIT in the statement a
// planner may walk the workspace's createdAt index instead of looking the few rows up.
const oldestFirst = (a: { createdAt: Date | null }, b: { createdAt: Date | null }) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0);

/**
 * One statement for everything a create must know. Each branch carries the workspace and is
 * answered by its own index, so the database unions a few index lookups instead of walking the
 * workspace's rows (SQLite's OR optimisation, PostgreSQL's bitmap OR).
 */
export const findCandidates = async (tx: Queryable, workspaceId: string, q: Lookup): Promise<Candidate[]> => {
  const ref = q.managerRef;
  const branches = [
    sql`(e."workspaceId" = ${workspaceId} AND e."userNameKey" = ${q.userName.toLowerCase()})`,
    sql`(e."workspaceId" = ${workspaceId} AND e."userName" = ${q.userName} AND e."scimDeletedAt" IS NOT NULL)`,
    ...(q.externalId ? [sql`(e."workspaceId" = ${workspaceId} AND e."externalId" = ${q.externalId})`] : []),
    ...(q.emails.length ? [sql`(e."workspaceId" = ${workspaceId} AND e."emailKey" IN (${join(q.emails)}) AND e."status" = 'MANUAL')`] : []),
    ...(ref
      ? [
          sql`(e."workspaceId" = ${workspaceId} AND e."scimId" = ${ref})`,
          sql`(e."workspaceId" = ${workspaceId} AND e."userNameKey" = ${ref.toLowerCase()})`,
          sql`(e."workspaceId" = ${workspaceId} AND e."emailKey" = ${ref.toLowerCase()})`,
        ]
      : []),
    ...(q.refs?.length ? [sql`(e."workspaceId" = ${workspaceId} AND e."scimId" IN (${join(q.refs)}))`] : []),
  ];
  const rows = await tx.query(sql`
    SELECT ${COLUMNS}, (SELECT count(*) FROM "CardField" c WHERE c."employeeId" = e."id") AS "cardFields"
    FROM "Employee" e WHERE ${join(branches, " OR ")} LIMIT 100`);
  return rows.map((r) => ({ ...toStored(r), cardFields: int(r.cardFields) })).sort(oldestFirst);
};

type Named = { id: string; scimId: string | null; userNameKey: string | null; emailKey: string | null; displayName: string | null; email: string | null; scimDeletedAt: Date | null };

/** The manager an IdP names — by SCIM id (Entra), else userName or email (Okta) — among `rows`. */
export const pickManager = (rows: Named[], ref: string | null, selfId: string | null): Manager => {
  if (!ref) return null;
  const key = ref.toLowerCase();
  const live = rows.filter((r) => r.id !== selfId && r.scimDeletedAt === null);
  const found = live.find((r) => r.scimId === ref) ?? live.find((r) => r.userNameKey === key) ?? live.find((r) => r.emailKey === key) ?? null;
  return found ? { id: found.id, name: found.displayName || found.email || null } : null;
};

/** The manager a PUT or PATCH names: one statement, only when the reference changed. */
export const findManager = async (tx: Queryable, workspaceId: string, ref: string | null, selfId: string): Promise<Manager> => {
  if (!ref) return null;
  const key = ref.toLowerCase();
  const rows = await tx.query<Omit<Named, "scimDeletedAt"> & { scimDeletedAt: unknown; createdAt: unknown }>(sql`
    SELECT e."id", e."scimId", e."userNameKey", e."emailKey", e."displayName", e."email", e."scimDeletedAt", e."createdAt" FROM "Employee" e
    WHERE (e."workspaceId" = ${workspaceId} AND e."scimId" = ${ref}) OR (e."workspaceId" = ${workspaceId} AND e."userNameKey" = ${key}) OR (e."workspaceId" = ${workspaceId} AND e."emailKey" = ${key})
    LIMIT 10`);
  return pickManager(rows.map((r) => ({ ...r, scimDeletedAt: date(r.scimDeletedAt), createdAt: date(r.createdAt) })).sort(oldestFirst), ref, selfId);
};

/**
 * The names of an employee's groups, for the workspace's group→role rules: one statement, and none
 * at all when the workspace has no rules to ask (the cached policy knows).
 */
export const groupNamesFor = async (tx: Queryable, policy: { importRoles: boolean; roleRules: unknown[] }, workspaceId: string, employeeId: string): Promise<string[]> => {
  if (!policy.importRoles || policy.roleRules.length === 0) return [];
  const rows = await tx.query<{ displayName: string }>(sql`
    SELECT g."displayName" FROM "GroupMember" m JOIN "Group" g ON g."id" = m."groupId"
    WHERE m."workspaceId" = ${workspaceId} AND m."employeeId" = ${employeeId}`);
  return rows.map((r) => r.displayName);
};

const nameOf = (r: { displayName: string | null; email: string | null }) => r.displayName || r.email || null;

/** The live SCIM users among `rows` whose SCIM id is one of `ids`: SCIM id → display name. */
export const usersNamed = (rows: readonly Named[], ids: readonly string[]): Map<string, string | null> =>
  new Map(rows.filter((r) => r.scimId !== null && r.scimDeletedAt === null && ids.includes(r.scimId)).map((r) => [r.scimId!, nameOf(r)]));

/** The live SCIM users with these SCIM ids (a reference attribute's targets): one statement. */
export const findUsersByScimId = async (tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<Map<string, string | null>> => {
  if (!ids.length) return new Map();
  const rows = await tx.query<{ scimId: string; displayName: string | null; email: string | null }>(sql`
    SELECT e."scimId", e."displayName", e."email" FROM "Employee" e
    WHERE e."workspaceId" = ${workspaceId} AND e."scimId" IN (${join([...ids])}) AND e."scimDeletedAt" IS NULL`);
  return new Map(rows.map((r) => [r.scimId, nameOf(r)]));
};
