// One provisioning-log entry with what the detail panel shows around it: the token's name, the
// employee it touched, and advice when it failed. Scoped by workspace: another workspace's id is
// simply not found.
import "server-only";
import { db } from "@/lib/db/client";
import type { EventDetail } from "@/lib/events/dto";
import { UserError } from "@/lib/server/errors";
import { explainError, scimTypeOf } from "./explain-error";
import { resourceOf } from "./event-resource";

export const getEvent = async (workspace: { id: string; slug: string }, id: string): Promise<EventDetail> => {
  const e = await db.provisioningEvent.findFirst({ where: { id, workspaceId: workspace.id } });
  if (!e) throw new UserError("This request is not in this workspace's provisioning log", "event", "not_found");
  const resource = resourceOf(e);
  const [token, employee] = await Promise.all([
    e.tokenId ? db.scimToken.findFirst({ where: { id: e.tokenId, workspaceId: workspace.id }, select: { id: true, name: true, prefix: true, revokedAt: true } }) : null,
    resource.type === "User" && resource.id
      ? db.employee.findFirst({ where: { id: resource.id, workspaceId: workspace.id }, select: { id: true, displayName: true, userName: true, email: true } })
      : null,
  ]);
  const scimType = scimTypeOf(e.responseBody);
  return {
    id: e.id,
    at: e.at.toISOString(),
    method: e.method,
    path: e.path,
    status: e.status,
    durationMs: e.durationMs,
    client: e.client,
    resourceType: resource.type,
    resourceId: resource.id,
    summary: e.summary,
    error: e.error,
    scimType,
    advice: explainError({ ...e, scimType }),
    requestBody: e.requestBody,
    responseBody: e.responseBody,
    token: token ? { id: token.id, name: token.name, prefix: token.prefix, revoked: token.revokedAt !== null } : null,
    employee: employee
      ? { id: employee.id, name: employee.displayName || employee.userName || employee.email || employee.id, href: `/w/${workspace.slug}/employees/${employee.id}` }
      : null,
  };
};
