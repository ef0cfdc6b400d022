// Employees added in Muster (the dashboard's "Add employee", CSV import): MANUAL, no IdP identity,
// with the same derived columns as a provisioned one, so search, filters and a later link by
// email treat them alike. Pure, like plan-user.ts.
import "server-only";
import { searchKeys } from "@/lib/provisioning/user-columns";

export type ManualProfile = {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  email: string;
  title?: string | null;
  department?: string | null;
  location?: string | null;
  phone?: string | null;
};

type ManualColumns = Omit<ManualProfile, "email"> & { email?: string };

/** The columns of a new hand-made employee; it gets the workspace's default role, like a provisioned one. */
export const planManualEmployee = (p: ManualProfile, defaultRole: string) => ({
  status: "MANUAL",
  active: true,
  displayName: p.displayName,
  givenName: p.givenName,
  familyName: p.familyName,
  email: p.email,
  title: p.title ?? null,
  department: p.department ?? null,
  location: p.location ?? null,
  phone: p.phone ?? null,
  role: defaultRole,
  ...searchKeys(p),
});

/** The columns to write when a hand-made employee's profile changes: the changed ones and their search keys. */
export const planManualChange = (current: ManualColumns, changes: Partial<ManualColumns>) => {
  const next = { ...current, ...changes };
  const keys = searchKeys({ displayName: next.displayName, givenName: next.givenName, familyName: next.familyName, email: next.email ?? null });
  return {
    ...changes,
    ...(changes.displayName !== undefined ? { displayNameKey: keys.displayNameKey } : {}),
    ...(changes.givenName !== undefined ? { givenNameKey: keys.givenNameKey } : {}),
    ...(changes.familyName !== undefined ? { familyNameKey: keys.familyNameKey } : {}),
  };
};
