// The roles an employee can hold in the directory. Admins are not employees' roles: they are
// Memberships of the workspace (OWNER | ADMIN) and are managed on the Settings page.
export const EMPLOYEE_ROLES = [
  {
    value: "MEMBER",
    label: "Member",
    description: "A regular employee: listed in the directory, sees colleagues' cards and edits the unlocked fields of their own card.",
  },
  {
    value: "GUEST",
    label: "Guest",
    description: "For contractors and temporary staff: listed in the directory, but sees only their own card.",
  },
] as const;

export type EmployeeRole = (typeof EMPLOYEE_ROLES)[number]["value"];

export const EMPLOYEE_ROLE_VALUES = EMPLOYEE_ROLES.map((r) => r.value) as [EmployeeRole, ...EmployeeRole[]];

export const DEFAULT_EMPLOYEE_ROLE: EmployeeRole = "MEMBER";
