// The signed-in employee, re-read from the database on every request: a session whose employee
// was archived (sessionVersion bumped) or whose version no longer matches is worth nothing. What
// their role allows comes with them (one more indexed lookup), so a role change applies at once.
import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { EMPLOYEE_WORKSPACE_COOKIE } from "@/lib/client/employee-cookie";
import { db } from "@/lib/db/client";
import { roleAccess } from "@/lib/server/roles/role-capabilities";
import { liveSession } from "./auth-sessions";
import { authOptions } from "./options";

export type EmployeeSessionClaim = { id: string; sessionVersion: number; sid: string };

export const currentEmployee = async () => {
  const session = await getServerSession(authOptions());
  const claim = (session as { employee?: EmployeeSessionClaim } | null)?.employee;
  if (!claim?.sid) return null;
  const me = await db.employee.findFirst({
    where: { id: claim.id, sessionVersion: claim.sessionVersion, status: { not: "ARCHIVED" }, active: true, activatedAt: { not: null }, sessions: { some: liveSession(claim.sid) } },
    select: { id: true, workspaceId: true, displayName: true, givenName: true, email: true, shareId: true, passwordHash: true, role: true, workspace: { select: { name: true, slug: true } } },
  });
  return me ? { ...me, access: await roleAccess(me.workspaceId, me.role) } : null;
};

export type SignedInEmployee = NonNullable<Awaited<ReturnType<typeof currentEmployee>>>;

/** The sign-in page of the workspace this browser's employee last signed in to, if known. */
export const employeeSignInPath = async () => {
  const slug = (await cookies()).get(EMPLOYEE_WORKSPACE_COOKIE)?.value;
  return slug && /^[a-z0-9-]{1,100}$/.test(slug) ? `/e/${slug}/sign-in` : null;
};

/** For employee pages that need a session: without one, off to the sign-in page when it is known. */
export const requireEmployee = async (): Promise<SignedInEmployee | null> => {
  const e = await currentEmployee();
  if (e) return e;
  const path = await employeeSignInPath();
  if (path) redirect(path);
  return null;
};
