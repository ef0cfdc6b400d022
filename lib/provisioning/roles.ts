// Roles from the IdP: which role an employee holds, from what the IdP sends. Pure, shared by the
// SCIM write path (plan-user.ts), group membership changes (reassign-roles.ts) and the settings
// page, so what the settings say is what provisioning does.
//
// Sources, asked in the workspace's order (roleSources):
// - "scim": the User's `roles` attribute. Entra sends app roles as a PATCH on
//   `roles[primary eq "True"].value` (stored as [{ value, primary: "True" }]) or a whole
//   [{ value, type: "WindowsAzureActiveDirectoryRole", primary }]; Okta sends `roles` multi-valued,
//   [{ value }] or plain strings. The primary role is asked first, then the others in order.
// - "groups": the admin's rules "members of group X get role Y", in order; first match wins.
// An IdP value names a role by its name or its key, ignoring case. The first source that names a
// role Muster has decides. When none does but the IdP named a role Muster does not have, the
// workspace's unknownRole decides ("" the default role, else that role); otherwise the default role.
import { z } from "zod";

export const ROLE_SOURCES = ["scim", "groups"] as const;
export type TRoleSource = (typeof ROLE_SOURCES)[number];
export const ROLE_SOURCE_ORDERS = ["scim,groups", "groups,scim"] as const;
export type TRoleSourceOrder = (typeof ROLE_SOURCE_ORDERS)[number];

export type RoleRef = { key: string; name: string };
export type RoleRule = { groupName: string; role: string };

export type RolePolicy = {
  importRoles: boolean;
  roleSources: TRoleSourceOrder;
  /** The workspace's roles, built-in and custom. */
  roles: RoleRef[];
  /** Group rules in the admin's order. */
  roleRules: RoleRule[];
  /** "" the default role; else the key of the role an unknown IdP role provisions to. */
  unknownRole: string;
  defaultRole: string;
};

/** A role value the IdP sent, and whether it is an Entra app role (for the log's wording). */
export type IdpRole = { value: string; entra: boolean };

/** How a role was decided: `idp` when the IdP named it (its roles or a group rule), else `default`. */
export type ResolvedRole = { key: string; from: "idp" | "default"; reason: string };

const isTrue = (v: unknown) => v === true || (typeof v === "string" && v.trim().toLowerCase() === "true");

/** The `roles` of a User document, primary first; tolerant of plain strings and a single value. */
export const idpRoles = (doc: Record<string, unknown>): IdpRole[] => {
  const key = Object.keys(doc).find((k) => k.toLowerCase() === "roles");
  const raw = key === undefined ? undefined : doc[key];
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const out: (IdpRole & { primary: boolean })[] = [];
  for (const item of list) {
    if (typeof item === "string") {
      if (item.trim()) out.push({ value: item.trim(), entra: false, primary: false });
      continue;
    }
    if (!item || typeof item !== "object") continue;
    const el = item as Record<string, unknown>;
    const value = typeof el.value === "string" ? el.value.trim() : typeof el.display === "string" ? el.display.trim() : "";
    if (!value) continue;
    // Entra's app roles: the type it sends, or the string "True" its filtered PATCH path leaves.
    const entra = el.type === "WindowsAzureActiveDirectoryRole" || (typeof el.primary === "string" && el.primary === "True");
    out.push({ value, entra, primary: isTrue(el.primary) });
  }
  return [...out.filter((r) => r.primary), ...out.filter((r) => !r.primary)].map(({ value, entra }) => ({ value, entra }));
};

/** The role an IdP value names: by key or name, ignoring case. */
export const roleNamed = (roles: RoleRef[], value: string): RoleRef | undefined => {
  const v = value.trim().toLowerCase();
  return roles.find((r) => r.key.toLowerCase() === v) ?? roles.find((r) => r.name.toLowerCase() === v);
};

export const roleName = (roles: RoleRef[], key: string) => roles.find((r) => r.key === key)?.name ?? key;

type Input = { roles: IdpRole[]; groups: readonly string[]; policy: RolePolicy };

/** The role the IdP gives, with a reason for the log. Call only when the workspace imports roles. */
export const resolveRole = ({ roles, groups, policy }: Input): ResolvedRole => {
  const groupKeys = new Set(groups.map((g) => g.trim().toLowerCase()));
  const order = policy.roleSources.split(",") as TRoleSource[];
  for (const source of order) {
    if (source === "scim") {
      for (const r of roles) {
        const role = roleNamed(policy.roles, r.value);
        if (role) return { key: role.key, from: "idp", reason: `from ${r.entra ? "Entra app role" : "IdP role"} '${r.value}'` };
      }
    } else {
      for (const rule of policy.roleRules) {
        // A rule whose role was deleted since is skipped, not applied.
        if (groupKeys.has(rule.groupName.trim().toLowerCase()) && policy.roles.some((r) => r.key === rule.role)) {
          return { key: rule.role, from: "idp", reason: `from group '${rule.groupName}' rule` };
        }
      }
    }
  }
  const unknown = roles[0];
  if (unknown) {
    const to = policy.unknownRole && policy.roles.some((r) => r.key === policy.unknownRole) ? policy.unknownRole : "";
    if (to) return { key: to, from: "idp", reason: `IdP role '${unknown.value}' unknown: provisioned to ${roleName(policy.roles, to)}` };
    return { key: policy.defaultRole, from: "default", reason: `IdP role '${unknown.value}' unknown: default role` };
  }
  return { key: policy.defaultRole, from: "default", reason: "default role" };
};

/**
 * What an employee's role becomes, deliberately:
 * - import off: a new employee gets the default role; a sync never changes a role.
 * - import on, the IdP names a role (its roles, an unknown role with "provision to", a group
 *   rule): the IdP is the source of truth — that role, even over one an admin set by hand.
 * - import on, the IdP names nothing usable: a role that came from the IdP falls back to the
 *   default role (the IdP took it away); one an admin set, or the default, is kept.
 * Returns null when the role stays as it is.
 */
export const nextRole = (
  current: { role: string; roleSource: string } | null,
  input: Input,
): { role: string; roleSource: "idp" | "default"; reason: string } | null => {
  const { policy } = input;
  if (!policy.importRoles) return current ? null : { role: policy.defaultRole, roleSource: "default", reason: "default role" };
  const r = resolveRole(input);
  if (current === null) return { role: r.key, roleSource: r.from, reason: r.reason };
  if (r.from === "default" && current.roleSource !== "idp") return null;
  if (r.key === current.role && r.from === current.roleSource) return null;
  return { role: r.key, roleSource: r.from, reason: r.reason };
};

/** The log's words for a role change: "role Member → Sales Lead (from Entra app role 'Sales Lead')". */
export const describeRoleChange = (roles: RoleRef[], before: string | null, after: string, reason: string) =>
  `role ${before === null ? "" : `${roleName(roles, before)} → `}${roleName(roles, after)} (${reason})`;

// The settings page's "Roles from your identity provider" section, as the browser sends it.
export const ZRoleRule = z.object({
  groupName: z.string().trim().min(1, { error: "Name the group" }).max(200, { error: "A group name has at most 200 characters" }),
  role: z.string().trim().min(1, { error: "Pick a role" }),
});

export const ZRoleImportSettings = z.object({
  importRoles: z.boolean(),
  roleSources: z.enum(ROLE_SOURCE_ORDERS, { error: "Pick an order for the sources" }),
  unknownRole: z.string().trim().max(100),
  rules: z.array(ZRoleRule).max(100, { error: "At most 100 group rules" }),
});
export type TRoleImportSettings = z.infer<typeof ZRoleImportSettings>;
