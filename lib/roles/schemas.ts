// What the roles pages and routes exchange: the input an admin gives a role, the role as listed,
// and the pure rules both sides agree on (a role's key, where an employee's role came from).
import { z } from "zod";
import { CAPABILITY_VALUES, type Capability } from "./roles";

export const MAX_ROLES = 50;

export const ZRoleInput = z.object({
  name: z
    .string({ error: "Give the role a name" })
    .trim()
    .min(1, { error: "Give the role a name" })
    .max(60, { error: "Keep the name under 60 characters" }),
  description: z.string().trim().max(300, { error: "Keep the description under 300 characters" }).default(""),
  capabilities: z
    .array(z.enum(CAPABILITY_VALUES, { error: "Pick capabilities from the list" }))
    .max(CAPABILITY_VALUES.length)
    .default([])
    .transform((list) => CAPABILITY_VALUES.filter((c) => list.includes(c))),
});
export type TRoleInput = z.input<typeof ZRoleInput>;

export const ZSetEmployeeRole = z.object({ role: z.string({ error: "Pick a role" }).trim().min(1, { error: "Pick a role" }).max(64) });

export type TRoleDto = {
  key: string;
  name: string;
  description: string;
  capabilities: Capability[];
  builtIn: boolean;
  position: number;
  /** Employees holding the role, archived ones included (they keep it when restored). */
  holders: number;
};

export type TRoleSource = "default" | "idp" | "admin";

export const ROLE_SOURCE_LABEL: Record<TRoleSource, string> = {
  default: "The workspace's default role",
  idp: "From the identity provider",
  admin: "Set by an admin",
};

export const roleSourceLabel = (source: string) => ROLE_SOURCE_LABEL[source as TRoleSource] ?? ROLE_SOURCE_LABEL.default;

/**
 * A custom role's key, from its name at creation: "Sales Lead" → "SALES_LEAD". The key never
 * changes after (renaming keeps it), so employees, rules and settings that name it stay valid.
 */
export const roleKeyOf = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40) || "ROLE";

/** "1 employee holds X" / "12 employees hold X". */
export const holdersText = (n: number, role: string) => `${n.toLocaleString("en")} ${n === 1 ? "employee holds" : "employees hold"} ${role}`;

/** What an employee reads where their role keeps them from something. */
export const cannotEditCardText = (role: string) => `Your role (${role}) does not let you edit your card. Your company keeps it up to date; ask your admin if something is wrong.`;
export const notListedText = (role: string) => `Your role (${role}) has no public card: there is no share page or vCard for you.`;
export const ownCardOnlyText = (role: string) => `Your role (${role}) lets you see only your own card.`;
