// SCIM Users backed by Employee rows. What a create/replace/patch/delete means for Muster:
// link by email, restore archived employees, derive indexed columns, archive instead of deleting.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { activateOnProvision, revokeEmployeeAccess } from "@/lib/provisioning/activation";
import { describeChanges, managerRef, userColumns, type UserColumns } from "@/lib/provisioning/user-columns";
import { conflict, notFound } from "@/lib/scim/errors";
import type { JsonObject } from "@/lib/scim/schemas/json";
import type { ResourceStore, StoredResource } from "@/lib/scim/store";
import { initCard, syncCard } from "@/lib/server/cards/provision-card";
import { kickMailWorker } from "@/lib/server/email/deliver-email";
import { preconditionFailed, translateDbError } from "./errors";
import { toOrderBy, toWhere } from "./filter-where";

type Employee = NonNullable<Awaited<ReturnType<Db["employee"]["findFirst"]>>>;
type Settings = { applyLocation: boolean; applyDepartment: boolean; applyManager: boolean; defaultRole?: string };

const scimVisible = (workspaceId: string) => ({ workspaceId, scimDoc: { not: null }, scimDeletedAt: null });

const toStored = (e: Employee, groups: { id: string; displayName: string }[], baseUrl: string): StoredResource => {
  const doc = JSON.parse(e.scimDoc ?? "{}") as JsonObject;
  if (groups.length) doc.groups = groups.map((g) => ({ value: g.id, display: g.displayName, $ref: `${baseUrl}/Groups/${g.id}`, type: "direct" }));
  return { id: e.id, doc, created: e.createdAt, lastModified: e.updatedAt, version: e.version };
};

const statusFor = (active: boolean, linkedAt: Date | null) => (!active ? "ARCHIVED" : linkedAt ? "LINKED" : "SYNCED");

// The workspace decides whether the IdP's location, department and manager are applied.
const profileData = (cols: UserColumns, settings: Settings, managerId: string | null | undefined) => {
  const { location, department, ...rest } = cols;
  return {
    ...rest,
    ...(settings.applyLocation ? { location } : {}),
    ...(settings.applyDepartment ? { department } : {}),
    ...(settings.applyManager && managerId !== undefined ? { managerId } : {}),
  };
};

const resolveManager = async (tx: Tx, workspaceId: string, doc: JsonObject, selfId: string | null): Promise<string | null> => {
  const ref = managerRef(doc);
  if (!ref) return null;
  const key = ref.toLowerCase();
  // One indexed lookup at a time: an OR across columns makes SQLite walk the whole workspace.
  const lookups = [{ id: ref }, { userNameKey: key }, { emailKey: key }];
  for (const where of lookups) {
    const found = await tx.employee.findFirst({ where: { workspaceId, ...where }, select: { id: true }, orderBy: { createdAt: "asc" } });
    if (found) return found.id !== selfId ? found.id : null;
  }
  return null;
};

export const userStore = (db: Db, workspaceId: string, settings: Settings, baseUrl: string): ResourceStore => {
  const groupsOf = async (ids: string[]) => {
    if (!ids.length) return new Map<string, { id: string; displayName: string }[]>();
    const rows = await db.groupMember.findMany({ where: { workspaceId, employeeId: { in: ids } }, select: { employeeId: true, group: { select: { id: true, displayName: true } } } });
    const map = new Map<string, { id: string; displayName: string }[]>();
    for (const r of rows) map.set(r.employeeId, [...(map.get(r.employeeId) ?? []), r.group]);
    return map;
  };

  const load = async (tx: Tx, id: string, ifMatch: number | undefined) => {
    const e = await tx.employee.findFirst({ where: { id, ...scimVisible(workspaceId) } });
    if (!e) throw notFound(`User ${id} not found`);
    if (ifMatch !== undefined && ifMatch !== e.version) throw preconditionFailed(id, e.version);
    return e;
  };

  // Writes a new document over an existing SCIM user, in the caller's transaction.
  // `first`: the first provisioning of this identity (restored or linked), which creates the card.
  const write = async (tx: Tx, e: Employee, doc: JsonObject, verb: string, first = false) => {
    const cols = userColumns(doc);
    const managerId = await resolveManager(tx, workspaceId, doc, e.id);
    const becameInactive = e.active && !cols.active;
    const updated = await tx.employee.update({
      where: { id: e.id },
      data: {
        ...profileData(cols, settings, managerId),
        scimDoc: JSON.stringify(doc),
        status: statusFor(cols.active, e.linkedAt),
        archivedAt: cols.active ? null : becameInactive ? new Date() : e.archivedAt,
        version: { increment: 1 },
      },
    });
    if (becameInactive) await revokeEmployeeAccess(tx, workspaceId, e.id);
    await (first ? initCard : syncCard)(tx, { workspaceId, employee: updated, settings });
    const before = e.scimDoc ? userColumns(JSON.parse(e.scimDoc) as JsonObject) : null;
    const changes = describeChanges(before, cols);
    const state = becameInactive ? " — deactivated, employee archived" : !e.active && cols.active ? " — re-activated, employee restored" : "";
    return { updated, summary: `${verb} ${cols.userName}${changes.length ? `: ${changes.join("; ")}` : ": no profile change"}${state}` };
  };

  const withGroups = async (e: Employee) => toStored(e, (await groupsOf([e.id])).get(e.id) ?? [], baseUrl);

  return {
    list: async (query) => {
      const where = { ...scimVisible(workspaceId), ...(query.filter ? { AND: [toWhere("User", query.filter)] } : {}) };
      const [total, rows] = await Promise.all([
        db.employee.count({ where }),
        query.count === 0 ? Promise.resolve([]) : db.employee.findMany({ where, orderBy: toOrderBy("User", query.sortBy, query.descending), skip: query.startIndex - 1, take: query.count }),
      ]);
      const groups = await groupsOf(rows.map((r) => r.id));
      return { total, resources: rows.map((r) => toStored(r, groups.get(r.id) ?? [], baseUrl)) };
    },

    get: async (id) => {
      const e = await db.employee.findFirst({ where: { id, ...scimVisible(workspaceId) } });
      return e ? withGroups(e) : null;
    },

    create: async (doc) => {
      const cols = userColumns(doc);
      try {
        const result = await db.$transaction(async (tx) => {
          const existing = await tx.employee.findFirst({ where: { workspaceId, userNameKey: cols.userNameKey } });
          if (existing?.active) throw conflict(`A user with userName '${cols.userName}' already exists`);
          // Okta re-assigns a deactivated user by POSTing it again: bring back the same employee.
          // A deleted one comes back by userName or by the IdP's externalId; a deactivated one that
          // is still a live resource only by its own userName (another user may share its externalId).
          const deleted = (where: { userName: string } | { externalId: string }) =>
            tx.employee.findFirst({ where: { workspaceId, scimDeletedAt: { not: null }, ...where }, orderBy: { updatedAt: "desc" } });
          const archived =
            existing ?? (await deleted({ userName: cols.userName })) ?? (cols.externalId ? await deleted({ externalId: cols.externalId }) : null);
          if (archived) {
            await tx.employee.update({ where: { id: archived.id }, data: { scimDeletedAt: null, userNameKey: cols.userNameKey, active: false } });
            const { updated, summary } = await write(tx, { ...archived, active: false, scimDeletedAt: null }, doc, "Restored archived user", true);
            return { e: updated, summary, created: false };
          }
          // An employee created by hand or CSV with the same email becomes this IdP identity.
          const manual = cols.emailKey ? await tx.employee.findFirst({ where: { workspaceId, status: "MANUAL", scimDoc: null, emailKey: cols.emailKey } }) : null;
          if (manual) {
            await tx.employee.update({ where: { id: manual.id }, data: { linkedAt: new Date(), userNameKey: cols.userNameKey } });
            const { updated, summary } = await write(tx, { ...manual, linkedAt: new Date(), active: true }, doc, `Linked existing employee ${manual.displayName ?? manual.email} to`, true);
            await activateOnProvision(tx, updated, baseUrl);
            return { e: updated, summary, created: false };
          }
          const managerId = await resolveManager(tx, workspaceId, doc, null);
          const e = await tx.employee.create({
            data: {
              workspaceId,
              ...profileData(cols, settings, managerId),
              // A new employee starts with the workspace's default role (Settings).
              ...(settings.defaultRole ? { role: settings.defaultRole } : {}),
              scimDoc: JSON.stringify(doc),
              status: statusFor(cols.active, null),
              archivedAt: cols.active ? null : new Date(),
            },
          });
          await initCard(tx, { workspaceId, employee: e, settings });
          await activateOnProvision(tx, e, baseUrl);
          const changes = describeChanges(null, cols);
          return { e, summary: `Created user ${cols.userName}: ${changes.join("; ")}`, created: true };
        });
        kickMailWorker();
        return { resource: await withGroups(result.e), summary: result.summary, created: result.created };
      } catch (err) {
        throw translateDbError(err, `A user with userName '${cols.userName}'`);
      }
    },

    replace: async (id, doc, _password, ifMatch) => {
      try {
        const { updated, summary } = await db.$transaction(async (tx) => write(tx, await load(tx, id, ifMatch), doc, "Replaced user"));
        return { resource: await withGroups(updated), summary };
      } catch (err) {
        throw translateDbError(err, `A user with userName '${String(doc.userName)}'`);
      }
    },

    patch: async (id, patch, ifMatch) => {
      try {
        const { updated, summary } = await db.$transaction(async (tx) => {
          const e = await load(tx, id, ifMatch);
          const { resource } = patch(JSON.parse(e.scimDoc ?? "{}") as JsonObject);
          return write(tx, e, resource, "Updated user");
        });
        return { resource: await withGroups(updated), summary };
      } catch (err) {
        throw translateDbError(err, "A user with that userName");
      }
    },

    // Deleting never destroys: the employee is archived with its history; the SCIM resource is gone
    // (404) and its userName can be provisioned again.
    remove: async (id, ifMatch) =>
      db.$transaction(async (tx) => {
        const e = await load(tx, id, ifMatch);
        await tx.groupMember.deleteMany({ where: { workspaceId, employeeId: e.id } });
        await revokeEmployeeAccess(tx, workspaceId, e.id);
        await tx.employee.update({
          where: { id: e.id },
          data: { scimDeletedAt: new Date(), userNameKey: null, active: false, status: "ARCHIVED", archivedAt: e.archivedAt ?? new Date(), version: { increment: 1 } },
        });
        return { summary: `Deleted user ${e.userName}: employee archived, history kept` };
      }),
  };
};
