// SCIM Users over Employee rows. Reads are here; what a create, replace, patch or delete means for
// an employee is the provisioning layer's (lib/server/provisioning), which this adapter calls.
import "server-only";
import { direct, join, sql } from "@/lib/db/direct";
import type { JsonObject } from "@/lib/scim/schemas/json";
import type { ResourceStore, StoredResource } from "@/lib/scim/store";
import { deleteUser } from "@/lib/server/provisioning/delete-user";
import { provisionUser, type ProvisioningContext, type UserWritten } from "@/lib/server/provisioning/provision-user";
import { updateUser } from "@/lib/server/provisioning/update-user";
import { translateDbError } from "./errors";
import { toOrderBy, toWhere } from "./filter-where";

type GroupRef = { id: string; displayName: string };
type Row = { id: string; scimId: string | null; scimDoc: string | null; createdAt: Date; updatedAt: Date; version: number };

const ROW = { id: true, scimId: true, scimDoc: true, createdAt: true, updatedAt: true, version: true } as const;

/** The groups of some employees, in one statement (a join: Prisma would read the groups separately). */
export const groupsOf = async (workspaceId: string, employeeIds: string[]) => {
  const map = new Map<string, GroupRef[]>();
  if (!employeeIds.length) return map;
  const rows = await direct.query<{ employeeId: string; id: string; displayName: string }>(sql`
    SELECT gm."employeeId", g."id", g."displayName" FROM "GroupMember" gm JOIN "Group" g ON g."id" = gm."groupId"
    WHERE gm."workspaceId" = ${workspaceId} AND gm."employeeId" IN (${join(employeeIds)}) ORDER BY gm."createdAt", g."id"`);
  for (const r of rows) map.set(r.employeeId, [...(map.get(r.employeeId) ?? []), { id: r.id, displayName: r.displayName }]);
  return map;
};

export const userStore = (ctx: ProvisioningContext, baseUrl: string): ResourceStore => {
  const { db, workspaceId } = ctx;
  // A SCIM user is an employee with a SCIM id: provisioned, not deleted.
  const visible = { workspaceId, scimId: { not: null } };

  const toStored = (id: string, doc: JsonObject, created: Date, lastModified: Date, version: number, groups: GroupRef[]): StoredResource => {
    const out = groups.length ? { ...doc, groups: groups.map((g) => ({ value: g.id, display: g.displayName, $ref: `${baseUrl}/Groups/${g.id}`, type: "direct" })) } : doc;
    return { id, doc: out, created, lastModified, version };
  };
  const fromRow = (r: Row, groups: GroupRef[] = []) => toStored(r.scimId!, JSON.parse(r.scimDoc ?? "{}") as JsonObject, r.createdAt, r.updatedAt, r.version, groups);

  // A write answers with what it wrote; only the groups are read (a brand-new user has none).
  const written = async (w: UserWritten, isNew = false) => {
    const groups = isNew ? [] : ((await groupsOf(workspaceId, [w.employeeId])).get(w.employeeId) ?? []);
    return { resource: toStored(w.scimId, w.doc, w.createdAt, w.updatedAt, w.version, groups), summary: w.plan.summary };
  };

  return {
    list: async (query) => {
      const where = { ...visible, ...(query.filter ? { AND: [toWhere("User", query.filter, { workspaceId, attributes: ctx.policy.attributes })] } : {}) };
      const rows = query.count === 0 ? [] : await db.employee.findMany({ where, select: ROW, orderBy: toOrderBy("User", query.sortBy, query.descending), skip: query.startIndex - 1, take: query.count });
      // A first page that is not full holds every match: no count needed (an IdP's lookup by userName).
      const total = query.startIndex === 1 && rows.length < query.count ? rows.length : await db.employee.count({ where });
      const groups = await groupsOf(workspaceId, rows.map((r) => r.id));
      return { total, resources: rows.map((r) => fromRow(r, groups.get(r.id))) };
    },

    get: async (id) => {
      const r = await db.employee.findFirst({ where: { ...visible, scimId: id }, select: ROW });
      return r ? fromRow(r, (await groupsOf(workspaceId, [r.id])).get(r.id)) : null;
    },

    create: async (doc, _password, info) => {
      try {
        const w = await provisionUser(ctx, doc, info?.ignored);
        return { ...(await written(w, w.isNew)), created: w.isNew };
      } catch (err) {
        throw translateDbError(err, `A user with userName '${String(doc.userName)}'`);
      }
    },

    replace: async (id, doc, _password, ifMatch, info) => {
      try {
        return await written(await updateUser(ctx, "replace", id, () => ({ doc, ignored: info?.ignored }), ifMatch));
      } catch (err) {
        throw translateDbError(err, `A user with userName '${String(doc.userName)}'`);
      }
    },

    patch: async (id, patch, ifMatch) => {
      try {
        return await written(
          await updateUser(
            ctx,
            "patch",
            id,
            (current) => {
              const { resource, ignored } = patch(current);
              return { doc: resource, ignored };
            },
            ifMatch,
          ),
        );
      } catch (err) {
        throw translateDbError(err, "A user with that userName");
      }
    },

    remove: async (id, ifMatch) => deleteUser(ctx, id, ifMatch),
  };
};
