// The attributes a workspace requires of a new employee (Workspace.requiredAttributes), and how to
// say which one a create lacks in words the IdP's admin can act on: the SCIM attribute, and the
// mapping in Entra ID and Okta that provides it. Pure: the provisioning layer and the dashboard
// both use it; the settings form lists the same catalogue.
import type { UserColumns } from "./user-columns";

export type RequiredAttribute = {
  key: string;
  label: string;
  /** The SCIM attribute as an IdP's mapping names it. */
  scim: string;
  /** Where Entra ID's default mappings take it from, and Okta's. */
  entra: string;
  okta: string;
  /** The employee column that must not be empty; `manager` is checked on the document's reference. */
  column: keyof UserColumns | "manager";
  /** Hand-added and CSV employees carry it too (the form and the CSV have a field for it). */
  manual: boolean;
};

export const REQUIRED_ATTRIBUTES: readonly RequiredAttribute[] = [
  { key: "email", label: "Email", scim: 'emails[type eq "work"].value', entra: "mail (or userPrincipalName)", okta: "user.email → email", column: "email", manual: true },
  { key: "givenName", label: "First name", scim: "name.givenName", entra: "givenName", okta: "user.firstName → givenName", column: "givenName", manual: true },
  { key: "familyName", label: "Last name", scim: "name.familyName", entra: "surname", okta: "user.lastName → familyName", column: "familyName", manual: true },
  { key: "title", label: "Job title", scim: "title", entra: "jobTitle", okta: "user.title → title", column: "title", manual: true },
  { key: "department", label: "Department", scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", entra: "department", okta: "user.department → department", column: "department", manual: true },
  { key: "phone", label: "Work phone", scim: 'phoneNumbers[type eq "work"].value', entra: "telephoneNumber", okta: "user.primaryPhone → primaryPhone", column: "phone", manual: true },
  { key: "location", label: "Location", scim: 'addresses[type eq "work"].locality', entra: "city", okta: "user.city → locality", column: "location", manual: true },
  { key: "employeeNumber", label: "Employee number", scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", entra: "employeeId", okta: "user.employeeNumber → employeeNumber", column: "employeeNumber", manual: false },
  { key: "manager", label: "Manager", scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", entra: "manager", okta: "managerId → manager", column: "manager", manual: false },
  { key: "externalId", label: "External id", scim: "externalId", entra: "objectId", okta: "(Okta sends it by default)", column: "externalId", manual: false },
];

export const REQUIRED_KEYS = REQUIRED_ATTRIBUTES.map((a) => a.key) as [string, ...string[]];

/** The stored column (a JSON array of keys), tolerant of anything else: unknown keys are dropped. */
export const parseRequired = (json: string | null | undefined): RequiredAttribute[] => {
  try {
    const v: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(v) ? REQUIRED_ATTRIBUTES.filter((a) => v.includes(a.key)) : [];
  } catch {
    return [];
  }
};

/** The required attributes a new identity lacks: its columns as plan-user reads them, and whether it names a manager. */
export const missingRequired = (required: readonly RequiredAttribute[], cols: UserColumns, hasManager: boolean): RequiredAttribute[] =>
  required.filter((a) => (a.column === "manager" ? !hasManager : cols[a.column] === null || cols[a.column] === ""));

/** The SCIM error detail: which attribute, and the mapping that provides it. Entra and Okta show it in their logs. */
export const missingDetail = (missing: readonly RequiredAttribute[]) => {
  const names = missing.map((a) => `${a.scim} (${a.label.toLowerCase()})`).join(", ");
  const entra = missing.map((a) => `${a.entra} → ${a.scim}`).join("; ");
  const okta = missing.map((a) => a.okta).join("; ");
  return `Missing required attribute${missing.length > 1 ? "s" : ""} ${names}: this workspace requires ${missing.length > 1 ? "them" : "it"} for every new employee. Map it in the IdP — Microsoft Entra ID: Provisioning → Mappings → Provision users, ${entra}; Okta: the app's Provisioning → To App attribute mappings, ${okta} — and make sure the user has a value.`;
};

/** The required attributes an employee added in Muster (the form, a CSV row) lacks: only the ones those carry. */
export const missingManual = (required: readonly RequiredAttribute[], profile: Partial<Record<keyof UserColumns, string | null | undefined>>) =>
  required.filter((a) => a.manual && a.column !== "manager" && !profile[a.column]);

/** "This workspace requires a job title and a department for every new employee." */
export const missingManualMessage = (missing: readonly RequiredAttribute[]) =>
  `This workspace requires ${missing.map((a) => a.label.toLowerCase()).join(" and ")} for every new employee (Settings → Required attributes).`;
