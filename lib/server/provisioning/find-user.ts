// The reads a SCIM write needs, each one statement: the user it names, and — for a create — every
// employee the new identity could be (the same userName, a deleted or deactivated one coming back,
// a hand-made one to link) together with the manager it names.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { EmployeeState, Manager } from "./plan-user";

export const STATE_SELECT = {
  id: true,
  scimId: true,
  status: true,
  active: true,
  userName: true,
  userNameKey: true,
  externalId: true,
  scimDoc: true,
  scimDeletedAt: true,
  linkedAt: true,
  archivedAt: true,
  activatedAt: true,
  managerId: true,
  version: true,
  sessionVersion: true,
  cardPolicyVersion: true,
  displayName: true,
  displayNameKey: true,
  givenName: true,
  givenNameKey: true,
  familyName: true,
  familyNameKey: true,
  email: true,
  emailKey: true,
  emailsText: true,
  title: true,
  phone: true,
  mobile: true,
  photoUrl: true,
  department: true,
  organization: true,
  division: true,
  costCenter: true,
  employeeNumber: true,
  location: true,
  createdAt: true,
} as const;

export type Candidate = EmployeeState & { userNameKey: string | null; externalId: string | null; scimDeletedAt: Date | null; emailKey: string | null; createdAt: Date; _count: { cardFields: number } };

/** A live SCIM user by its SCIM id (deleted ones are gone). */
export const loadUser = (tx: Tx, workspaceId: string, scimId: string) =>
  tx.employee.findFirst({ where: { scimId, workspaceId, scimDeletedAt: null }, select: STATE_SELECT });

type Lookup = { userName: string; externalId: string | null; emails: string[]; managerRef: string | null };

/**
 * One statement for everything a create must know. Each branch carries the workspace and is
 * answered by its own index, so the database unions a few index lookups instead of walking the
 * workspace's rows (SQLite's OR optimisation, PostgreSQL's bitmap OR).
 */
export const findCandidates = (tx: Tx, workspaceId: string, q: Lookup): Promise<Candidate[]> => {
  const ref = q.managerRef;
  const or = [
    { workspaceId, userNameKey: q.userName.toLowerCase() },
    { workspaceId, userName: q.userName, scimDeletedAt: { not: null } },
    ...(q.externalId ? [{ workspaceId, externalId: q.externalId }] : []),
    ...(q.emails.length ? [{ workspaceId, emailKey: { in: q.emails }, status: "MANUAL" }] : []),
    ...(ref ? [{ workspaceId, scimId: ref }, { workspaceId, userNameKey: ref.toLowerCase() }, { workspaceId, emailKey: ref.toLowerCase() }] : []),
  ];
  return tx.employee.findMany({ where: { OR: or }, select: { ...STATE_SELECT, _count: { select: { cardFields: true } } }, orderBy: { createdAt: "asc" }, take: 100 }) as Promise<Candidate[]>;
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
export const findManager = async (tx: Tx, workspaceId: string, ref: string | null, selfId: string): Promise<Manager> => {
  if (!ref) return null;
  const key = ref.toLowerCase();
  const rows = await tx.employee.findMany({
    where: { OR: [{ workspaceId, scimId: ref }, { workspaceId, userNameKey: key }, { workspaceId, emailKey: key }] },
    select: { id: true, scimId: true, userNameKey: true, emailKey: true, displayName: true, email: true, scimDeletedAt: true },
    orderBy: { createdAt: "asc" },
    take: 10,
  });
  return pickManager(rows, ref, selfId);
};
