// The roles employees hold in the directory, and what each lets its holders do in Muster. Admins
// are not employees' roles: they are Memberships of the workspace (OWNER | ADMIN), managed on the
// Settings page. MEMBER and GUEST are built in: every workspace has them, they cannot be deleted.

/** What a role may allow, from a fixed list. A role without `colleagues` sees only its own card. */
export const CAPABILITIES = [
  { value: "colleagues", label: "See colleagues' cards", description: "Opens the cards of everyone in the directory, not only their own." },
  { value: "editCard", label: "Edit their card", description: "Edits the fields of their own card that an admin left unlocked." },
  { value: "listed", label: "Listed publicly", description: "Appears in the directory and has a public share page (/c/…)." },
] as const;

export type Capability = (typeof CAPABILITIES)[number]["value"];
export const CAPABILITY_VALUES = CAPABILITIES.map((c) => c.value) as [Capability, ...Capability[]];

export const BUILT_IN_ROLES = [
  {
    key: "MEMBER",
    name: "Member",
    description: "A regular employee: listed in the directory, sees colleagues' cards and edits the unlocked fields of their own card.",
    capabilities: ["colleagues", "editCard", "listed"] as Capability[],
  },
  {
    key: "GUEST",
    name: "Guest",
    description: "For contractors and temporary staff: listed in the directory, but sees only their own card.",
    capabilities: ["editCard", "listed"] as Capability[],
  },
] as const;

export const DEFAULT_ROLE_KEY = "MEMBER";

/** The built-in roles' rows, for a new workspace (the migration adds them to existing ones). */
export const builtInRoleRows = (workspaceId: string) =>
  BUILT_IN_ROLES.map((r, position) => ({
    workspaceId,
    key: r.key,
    name: r.name,
    nameKey: r.name.toLowerCase(),
    description: r.description,
    capabilities: JSON.stringify(r.capabilities),
    builtIn: true,
    position,
  }));

/** A stored capabilities column, tolerant of anything that is not a list of known capabilities. */
export const parseCapabilities = (json: string): Capability[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? CAPABILITY_VALUES.filter((c) => v.includes(c)) : [];
  } catch {
    return [];
  }
};
