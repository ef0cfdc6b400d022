// A workspace's provisioning policy: which IdP attributes apply, the default role, activation
// emails, its card templates (compiled once) and its custom attributes with the SCIM schemas they
// make. Every change to any of them bumps the workspace's policyVersion (bumpPolicy); each request
// reads that version with its token (tokens/tokens.ts), so a cached policy is reused until — and
// never after — it changes, on every instance.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { TApplySettings } from "@/lib/provisioning/card-fields";
import { parseFields, parseRules, type TRules, type TTemplateFields } from "@/lib/provisioning/templates";
import { workspaceSchemas } from "@/lib/attributes/scim-schema";
import { isAttributeType, parseAttributePath, type TDeclaredAttribute } from "@/lib/attributes/values";
import type { SchemaRegistry } from "@/lib/scim/schemas/registry";

export type CompiledTemplate = { id: string; rules: TRules; fields: TTemplateFields };

export type Policy = TApplySettings & {
  workspaceId: string;
  version: number;
  workspaceName: string;
  sendActivationEmails: boolean;
  defaultRole: string;
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
  const [w, templates, declared] = await Promise.all([
    db.workspace.findUnique({
      where: { id: workspaceId },
      select: { name: true, policyVersion: true, applyLocation: true, applyDepartment: true, applyManager: true, sendActivationEmails: true, defaultRole: true },
    }),
    db.template.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, rules: true, fields: true } }),
    readAttributes(workspaceId),
  ]);
  if (!w) return null;
  const { name, policyVersion, ...settings } = w;
  return { workspaceId, version: policyVersion, workspaceName: name, ...settings, templates: templates.map((t) => ({ id: t.id, rules: parseRules(t.rules), fields: parseFields(t.fields) })), ...declared };
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
