// Everything the employee page shows, scoped to the workspace: an id from elsewhere is null (404).
import "server-only";
import { db } from "@/lib/db/client";

export const RELATED_LIMIT = 50;

const VENDORS: [RegExp, string][] = [
  [/azure|entra|microsoft/i, "Microsoft Entra ID"],
  [/okta/i, "Okta"],
  [/onelogin/i, "OneLogin"],
  [/jumpcloud/i, "JumpCloud"],
  [/google/i, "Google Workspace"],
];

/** Which IdP wrote this employee last: the vendor its User-Agent names, else the SCIM token's name. */
const identityProvider = async (workspaceId: string, employeeId: string): Promise<string | null> => {
  const last = await db.provisioningEvent.findFirst({
    where: { workspaceId, employeeId, tokenId: { not: null } },
    orderBy: { at: "desc" },
    select: { client: true, tokenId: true },
  });
  if (!last) return null;
  const vendor = VENDORS.find(([re]) => re.test(last.client ?? ""))?.[1];
  if (vendor) return vendor;
  const token = await db.scimToken.findFirst({ where: { id: last.tokenId!, workspaceId }, select: { name: true } });
  return token?.name ?? null;
};

export const getEmployee = async (workspaceId: string, id: string) => {
  const e = await db.employee.findFirst({
    where: { id, workspaceId },
    include: {
      manager: { select: { id: true, displayName: true, email: true, status: true } },
      // Reports are read through the relation of this (workspace-scoped) employee: the managerId
      // index. A workspaceId condition here would let SQLite, which plans without statistics,
      // walk the whole workspace's name index instead.
      reports: { select: { id: true, displayName: true, email: true, title: true, status: true }, orderBy: [{ displayNameKey: "asc" }, { id: "asc" }], take: RELATED_LIMIT + 1 },
    },
  });
  if (!e) return null;
  const [reportCount, groups, groupCount, idp] = await Promise.all([
    e.reports.length > RELATED_LIMIT ? db.employee.count({ where: { managerId: e.id } }) : Promise.resolve(e.reports.length),
    db.groupMember.findMany({
      where: { workspaceId, employeeId: e.id },
      select: { group: { select: { id: true, displayName: true } } },
      orderBy: { group: { displayNameKey: "asc" } },
      take: RELATED_LIMIT,
    }),
    db.groupMember.count({ where: { workspaceId, employeeId: e.id } }),
    e.scimDoc ? identityProvider(workspaceId, e.id) : Promise.resolve(null),
  ]);
  return { ...e, reports: e.reports.slice(0, RELATED_LIMIT), reportCount, groups: groups.map((g) => g.group), groupCount, identityProvider: idp };
};

export type TEmployeeDetail = NonNullable<Awaited<ReturnType<typeof getEmployee>>>;
