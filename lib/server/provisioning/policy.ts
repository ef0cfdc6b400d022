// A workspace's provisioning policy: which IdP attributes apply, the default role, activation
// emails, the seat limit and required attributes, its card templates (compiled once), roles from
// the IdP (its roles, group rules) and its custom attributes with the SCIM schemas they make.
// Every change to any of them bumps the workspace's policyVersion (bumpPolicy); each request reads
// that version with its token (tokens/tokens.ts), so a cached policy is reused until — and never
// after — it changes, on every instance.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { TApplySettings } from "@/lib/provisioning/card-fields";
import { parseRequired, type RequiredAttribute } from "@/lib/provisioning/required";
import { ROLE_SOURCE_ORDERS, type RolePolicy, type TRoleSourceOrder } from "@/lib/provisioning/roles";
import { parseFields, parseRules, type TRules, type TTemplateFields } from "@/lib/provisioning/templates";
import { workspaceSchemas } from "@/lib/attributes/scim-schema";
import { isAttributeType, parseAttributePath, type TDeclaredAttribute } from "@/lib/attributes/values";
import type { SchemaRegistry } from "@/lib/scim/schemas/registry";

export type CompiledTemplate = { id: string; rules: TRules; fields: TTemplateFields };

export type Policy = TApplySettings &
  RolePolicy & {
  workspaceId: string;
  version: number;
  workspaceName: string;
  workspaceSlug: string;
  sendActivationEmails: boolean;
  defaultRole: string;
  /** The most employees that are not archived; null: no limit. */
  seatLimit: number | null;
  /** What a new employee must have (a create without it is refused). */
  required: RequiredAttribute[];
  /** In the admin's order: the first whose rules match a new employee is theirs. */
  templates: CompiledTemplate[];
} & DeclaredAttributes;

/** The workspace's custom attributes (in the admin's order) and the SCIM schemas they make. */
type DeclaredAttributes = { attributes: TDeclaredAttribute[]; scimSchemas: SchemaRegistry };

const readAttributes = async (workspaceId: string): Promise<DeclaredAttributes> => {
  const rows = await db.customAttribute.findMany({
    where: { workspaceId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, key: true, label: true, type: true, scimPath: true, onCard: true },
  });
  const attributes = rows.flatMap((r): TDeclaredAttribute[] => {
    const path = parseAttributePath(r.scimPath);
    return path && isAttributeType(r.type) ? [{ ...r, type: r.type, path }] : [];
  });
  return { attributes, scimSchemas: workspaceSchemas(attributes) };
};

const cache = ((globalThis as unknown as { musterPolicies?: Map<string, Policy> }).musterPolicies ??= new Map());

const read = async (workspaceId: string): Promise<Policy | null> => {
  const [w, templates, roles, roleRules, declared] = await Promise.all([
    db.workspace.findUnique({
      where: { id: workspaceId },
      select: {
        name: true,
        slug: true,
        policyVersion: true,
        applyLocation: true,
        applyDepartment: true,
        applyManager: true,
        sendActivationEmails: true,
        defaultRole: true,
        importRoles: true,
        roleSources: true,
        unknownRole: true,
        seatLimit: true,
        requiredAttributes: true,
      },
    }),
    db.template.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, rules: true, fields: true } }),
    db.role.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { key: true, name: true } }),
    db.roleMapping.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { groupName: true, role: true } }),
    readAttributes(workspaceId),
  ]);
  if (!w) return null;
  const { name, slug, policyVersion, roleSources, requiredAttributes, ...settings } = w;
  return {
    workspaceId,
    version: policyVersion,
    workspaceName: name,
    workspaceSlug: slug,
    ...settings,
    roleSources: (ROLE_SOURCE_ORDERS as readonly string[]).includes(roleSources) ? (roleSources as TRoleSourceOrder) : "scim,groups",
    required: parseRequired(requiredAttributes),
    roles,
    roleRules,
    templates: templates.map((t) => ({ id: t.id, rules: parseRules(t.rules), fields: parseFields(t.fields) })),
    ...declared,
  };
};

/**
 * The policy at `version` (as the request's token lookup saw it): from the cache, else read once.
 * Without a version (the dashboard, which has no token to read it with), read afresh.
 */
export const policyOf = async (workspaceId: string, version?: number): Promise<Policy> => {
  const hit = cache.get(workspaceId);
  if (hit && version !== undefined && hit.version === version) return hit;
  const fresh = await read(workspaceId);
  if (!fresh) throw new Error(`workspace ${workspaceId} not found`);
  cache.set(workspaceId, fresh);
  return fresh;
};

/** Call in the transaction of every change to settings or templates: cached policies expire. */
export const bumpPolicy = (tx: Tx | typeof db, workspaceId: string) => tx.workspace.updateMany({ where: { id: workspaceId }, data: { policyVersion: { increment: 1 } } });
