// Where a card's values come from: the IdP's SCIM document for provisioned employees, the profile
// columns for employees added in Muster. Shared by provisioning, the card editor and templates.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { idpCardValues, initialCardFields, type TApplySettings, type TCardFieldRow } from "@/lib/provisioning/card-fields";
import { userColumns } from "@/lib/provisioning/user-columns";

export type TCardEmployee = {
  id: string;
  scimDoc: string | null;
  managerId: string | null;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  department: string | null;
  organization: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  location: string | null;
  photoUrl: string | null;
};

export const CARD_EMPLOYEE_SELECT = {
  id: true,
  scimDoc: true,
  managerId: true,
  displayName: true,
  givenName: true,
  familyName: true,
  title: true,
  department: true,
  organization: true,
  phone: true,
  mobile: true,
  email: true,
  location: true,
  photoUrl: true,
} as const;

export const SETTINGS_SELECT = { applyLocation: true, applyDepartment: true, applyManager: true } as const;

const parseDoc = (json: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export const managerName = async (client: Tx | Db, workspaceId: string, managerId: string | null): Promise<string | null> => {
  if (!managerId) return null;
  const m = await client.employee.findFirst({ where: { id: managerId, workspaceId }, select: { displayName: true, email: true } });
  return m?.displayName || m?.email || null;
};

/** What the IdP currently says for each card field the workspace applies; null for a manual employee. */
export const idpValuesOf = async (client: Tx | Db, workspaceId: string, e: TCardEmployee, settings: TApplySettings) => {
  if (!e.scimDoc) return null;
  const manager = settings.applyManager ? await managerName(client, workspaceId, e.managerId) : null;
  return idpCardValues(userColumns(parseDoc(e.scimDoc)), manager, settings);
};

/**
 * The card an employee has before anyone touched it: the IdP's values (or, for an employee added
 * in Muster, its profile), linked and locked. `manager` is the manager's display name.
 */
export const untouchedCard = (e: TCardEmployee, settings: TApplySettings, manager: string | null): TCardFieldRow[] => {
  if (e.scimDoc) return initialCardFields(idpCardValues(userColumns(parseDoc(e.scimDoc)), settings.applyManager ? manager : null, settings));
  return initialCardFields({
    displayName: e.displayName,
    givenName: e.givenName,
    familyName: e.familyName,
    title: e.title,
    department: e.department,
    company: e.organization,
    phone: e.phone,
    mobile: e.mobile,
    email: e.email,
    location: e.location,
    manager,
    photoUrl: e.photoUrl,
  });
};

export const baseCardRows = async (client: Tx | Db, workspaceId: string, e: TCardEmployee, settings: TApplySettings) =>
  untouchedCard(e, settings, await managerName(client, workspaceId, e.managerId));

/** Saves the untouched card of an employee that has none yet, so it can be edited. */
export const ensureCard = async (tx: Tx, workspaceId: string, e: TCardEmployee, settings: TApplySettings) => {
  if ((await tx.cardField.count({ where: { workspaceId, employeeId: e.id } })) > 0) return;
  const rows = await baseCardRows(tx, workspaceId, e, settings);
  await tx.cardField.createMany({ data: rows.map((r) => ({ ...r, workspaceId, employeeId: e.id })) });
};
