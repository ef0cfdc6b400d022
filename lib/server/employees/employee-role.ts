// How the employee page names an employee's role: the role's name (a custom role's key is not for
// people), and where it came from — the IdP, the default role, or an admin.
import "server-only";
import { db } from "@/lib/db/client";

const SOURCE: Record<string, string> = { idp: "from your identity provider", default: "the default role", admin: "set by an admin" };

export const employeeRole = async (workspaceId: string, key: string, source: string) => {
  const role = await db.role.findUnique({ where: { workspaceId_key: { workspaceId, key } }, select: { name: true } });
  return { name: role?.name ?? key, source: SOURCE[source] ?? null };
};
