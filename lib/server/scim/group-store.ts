// SCIM Groups. Members live in GroupMember rows, never in the stored document, so a membership
// change on a 10,000-member group touches only the rows it names. Members are named by their SCIM
// ids (Employee.scimId) on the wire and stored by employee id. Each change is logged in its own
// transaction (the request's journal).
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { fromPrisma, join, sql } from "@/lib/db/direct";
import { notFound, preconditionFailed } from "@/lib/scim/errors";
import { matchesElement } from "@/lib/scim/filter";
import type { MemberOp } from "@/lib/scim/patch";
import type { JsonObject } from "@/lib/scim/schemas/json";
import type { ResourceStore, StoredResource } from "@/lib/scim/store";
import { recordGroupChanges } from "@/lib/server/employees/record-group-changes";
import type { ProvisioningContext } from "@/lib/server/provisioning/provision-user";
import { groupsGiveRoles, reassignRoles } from "@/lib/server/provisioning/reassign-roles";
import { translateDbError } from "./errors";
import { toOrderBy, toWhere } from "./filter-where";

type Group = NonNullable<Awaited<ReturnType<Db["group"]["findFirst"]>>>;
type Member = { employeeId: string; employee: { scimId: string | null; displayName: string | null; userName: string | null } };

// Group documents hold no members and no id.
const splitMembers = (doc: JsonObject): { doc: JsonObject; members: string[] | undefined } => {
  const { members, ...rest } = doc;
  if (!Array.isArray(members)) return { doc: rest, members: undefined };
  const ids = members.map((m) => (typeof m === "string" ? m : String((m as JsonObject).value ?? ""))).filter(Boolean);
  return { doc: rest, members: [...new Set(ids)] };
};

const CHUNK = 500; // keeps IN lists and multi-row inserts within every engine's parameter limits

/**
 * Who a request added to a group and who it removed, net: removed then added again (a PUT's
 * members) is no change; the employees' timelines get a row for each (record-group-changes.ts).
 */
class MemberChanges {
  readonly added = new Set<string>();
  readonly removed = new Set<string>();
  add(ids: Iterable<string>) {
    for (const id of ids) if (!this.removed.delete(id)) this.added.add(id);
  }
  remove(ids: Iterable<string>) {
    for (const id of ids) if (!this.added.delete(id)) this.removed.add(id);
  }
  get touched() {
    return [...this.added, ...this.removed];
  }
}

export const groupStore = ({ db, workspaceId, journal, policy }: ProvisioningContext, baseUrl: string): ResourceStore => {
  // With group→role rules, a membership change can change roles: the employees it touches are
  // collected and their roles recomputed in the same transaction (reassign-roles.ts).
  const rolesFollow = groupsGiveRoles(policy);
  const memberIds = async (tx: Tx, groupId: string) => (rolesFollow ? (await tx.groupMember.findMany({ where: { workspaceId, groupId }, select: { employeeId: true } })).map((m) => m.employeeId) : []);
  // DELETE … RETURNING (SQLite ≥ 3.35, PostgreSQL): who was a member, in the statement that removes them.
  const deleteMembers = async (tx: Tx, groupId: string, employeeIds?: string[]) => {
    const only = employeeIds ? sql` AND "employeeId" IN (${join(employeeIds)})` : sql``;
    const rows = await fromPrisma(tx).query<{ employeeId: string }>(sql`DELETE FROM "GroupMember" WHERE "workspaceId" = ${workspaceId} AND "groupId" = ${groupId}${only} RETURNING "employeeId"`);
    return rows.map((r) => r.employeeId);
  };

  const membersOf = async (groupIds: string[]) => {
    const rows = await db.groupMember.findMany({
      where: { workspaceId, groupId: { in: groupIds } },
      select: { groupId: true, employeeId: true, employee: { select: { scimId: true, displayName: true, userName: true } } },
      orderBy: { createdAt: "asc" },
    });
    const map = new Map<string, Member[]>();
    for (const r of rows) map.set(r.groupId, [...(map.get(r.groupId) ?? []), r]);
    return map;
  };

  const toStored = (g: Group, members: Member[] | undefined): StoredResource => {
    const doc = JSON.parse(g.scimDoc) as JsonObject;
    if (members) {
      doc.members = members
        .filter((m) => m.employee.scimId !== null)
        .map((m) => ({ value: m.employee.scimId, display: m.employee.displayName ?? m.employee.userName ?? undefined, $ref: `${baseUrl}/Users/${m.employee.scimId}`, type: "User" }));
    }
    return { id: g.id, doc, created: g.createdAt, lastModified: g.updatedAt, version: g.version };
  };

  // Only SCIM users of this workspace can be members: their SCIM ids → employee ids. Other ids
  // are reported, not stored.
  const employeesOf = async (tx: Tx, scimIds: string[]) => {
    const found = new Map<string, string>();
    for (let i = 0; i < scimIds.length; i += CHUNK) {
      const rows = await tx.employee.findMany({ where: { workspaceId, scimId: { in: scimIds.slice(i, i + CHUNK) } }, select: { id: true, scimId: true } });
      rows.forEach((r) => found.set(r.scimId!, r.id));
    }
    return found;
  };

  const addMembers = async (tx: Tx, groupId: string, scimIds: string[]) => {
    const byScimId = await employeesOf(tx, scimIds);
    const ids = [...new Set(byScimId.values())];
    const already = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await tx.groupMember.findMany({ where: { workspaceId, groupId, employeeId: { in: ids.slice(i, i + CHUNK) } }, select: { employeeId: true } });
      rows.forEach((r) => already.add(r.employeeId));
    }
    const toAdd = ids.filter((id) => !already.has(id));
    for (let i = 0; i < toAdd.length; i += CHUNK) {
      await tx.groupMember.createMany({ data: toAdd.slice(i, i + CHUNK).map((employeeId) => ({ groupId, employeeId, workspaceId })) });
    }
    return { added: toAdd, unknown: scimIds.filter((id) => !byScimId.has(id)).length };
  };

  const removeEmployees = async (tx: Tx, groupId: string, ids: string[], changes: MemberChanges) => {
    let removed = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const gone = await deleteMembers(tx, groupId, ids.slice(i, i + CHUNK));
      changes.remove(gone);
      removed += gone.length;
    }
    return removed;
  };
  const removeMembers = async (tx: Tx, groupId: string, scimIds: string[], changes: MemberChanges) => removeEmployees(tx, groupId, [...(await employeesOf(tx, scimIds)).values()], changes);
  const removeAll = async (tx: Tx, groupId: string, changes: MemberChanges) => {
    const gone = await deleteMembers(tx, groupId);
    changes.remove(gone);
    return gone.length;
  };

  /** `changes`: who the operations added and removed, net (their timelines and roles follow). */
  const applyMemberOps = async (tx: Tx, groupId: string, ops: MemberOp[], changes: MemberChanges) => {
    const notes: string[] = [];
    let added = 0;
    let removed = 0;
    let unknown = 0;
    for (const op of ops) {
      if (op.op === "replace") {
        removed += await removeAll(tx, groupId, changes);
      }
      if (op.op === "remove") {
        if (op.values) removed += await removeMembers(tx, groupId, op.values, changes);
        else if (op.filter) {
          // A filter on other member attributes: evaluate it on the (display-enriched) members.
          const all = await tx.groupMember.findMany({ where: { workspaceId, groupId }, select: { employeeId: true, employee: { select: { scimId: true, displayName: true } } } });
          const hit = all.filter((m) => matchesElement(op.filter!, { value: m.employee.scimId, display: m.employee.displayName, type: "User" }, { parent: { attr: "members" } }));
          removed += await removeEmployees(tx, groupId, hit.map((m) => m.employeeId), changes);
        } else removed += await removeAll(tx, groupId, changes);
        continue;
      }
      const r = await addMembers(tx, groupId, op.values ?? []);
      changes.add(r.added);
      added += r.added.length;
      unknown += r.unknown;
    }
    if (added) notes.push(`added ${added} member${added === 1 ? "" : "s"}`);
    if (removed) notes.push(`removed ${removed} member${removed === 1 ? "" : "s"}`);
    if (unknown) notes.push(`ignored ${unknown} member id${unknown === 1 ? "" : "s"} that are not users of this workspace`);
    return notes;
  };

  const load = async (tx: Tx, id: string, ifMatch: number | undefined) => {
    const g = await tx.group.findFirst({ where: { id, workspaceId } });
    if (!g) throw notFound(`Group ${id} not found`);
    if (ifMatch !== undefined && ifMatch !== g.version) throw preconditionFailed(id, g.version);
    return g;
  };

  const columns = (doc: JsonObject) => {
    const displayName = String(doc.displayName ?? "");
    return { displayName, displayNameKey: displayName.toLowerCase(), externalId: typeof doc.externalId === "string" ? doc.externalId : null, scimDoc: JSON.stringify(doc) };
  };

  type Op = "create" | "replace" | "patch" | "delete";
  const log = (tx: Tx, op: Op, id: string, summary: string, ignored?: readonly string[]) => journal.record(fromPrisma(tx), { op, resourceType: "Group", resourceId: id, employeeId: null, change: null, summary, ignored });

  // The roles of the employees `touched`, with their words in the request's log summary and each one's change.
  const reassign = async (tx: Tx, touched: Iterable<string>) => (rolesFollow ? reassignRoles(tx, policy, touched, new Date()) : { notes: [], changes: [] });

  // The request's log row, then each changed employee's row on their timeline, pointing at it.
  const logWithMembers = async (
    tx: Tx,
    op: Op,
    group: { id: string; name: string; deleted?: boolean },
    summary: string,
    changes: { added: Iterable<string>; removed: Iterable<string>; roles: Iterable<{ employeeId: string; change: string }> },
    ignored?: readonly string[],
  ) => {
    const event = await log(tx, op, group.id, summary, ignored);
    if (event) await recordGroupChanges(fromPrisma(tx), { workspaceId, event, group, added: changes.added, removed: changes.removed, roleChanges: changes.roles });
  };

  const save = async (tx: Tx, g: Group, doc: JsonObject, ops: MemberOp[], verb: string, op: Op, ignored?: readonly string[]) => {
    const updated = await tx.group.update({ where: { id: g.id, workspaceId }, data: { ...columns(doc), version: { increment: 1 } } });
    const changes = new MemberChanges();
    const notes = await applyMemberOps(tx, g.id, ops, changes);
    const touched = new Set(changes.touched);
    if (updated.displayName !== g.displayName) {
      notes.unshift(`renamed '${g.displayName}' → '${updated.displayName}'`);
      // A renamed group may match other rules: every member's role is asked again.
      (await memberIds(tx, g.id)).forEach((id) => touched.add(id));
    }
    const roles = await reassign(tx, touched);
    notes.push(...roles.notes);
    const summary = `${verb} group ${updated.displayName}${notes.length ? `: ${notes.join("; ")}` : ""}`;
    await logWithMembers(tx, op, { id: g.id, name: updated.displayName }, summary, { added: changes.added, removed: changes.removed, roles: roles.changes }, ignored);
    return { updated, summary };
  };

  const stored = async (g: Group) => toStored(g, (await membersOf([g.id])).get(g.id) ?? []);

  return {
    list: async (query, opts) => {
      const where = { workspaceId, ...(query.filter ? { AND: [toWhere("Group", query.filter)] } : {}) };
      const [total, rows] = await Promise.all([
        db.group.count({ where }),
        query.count === 0 ? Promise.resolve([]) : db.group.findMany({ where, orderBy: toOrderBy("Group", query.sortBy, query.descending), skip: query.startIndex - 1, take: query.count }),
      ]);
      const members = opts.withMembers && rows.length ? await membersOf(rows.map((g) => g.id)) : undefined;
      return { total, resources: rows.map((g) => toStored(g, members ? (members.get(g.id) ?? []) : undefined)) };
    },

    get: async (id, opts) => {
      const g = await db.group.findFirst({ where: { id, workspaceId } });
      if (!g) return null;
      return opts.withMembers ? stored(g) : toStored(g, undefined);
    },

    create: async (input, _password, info) => {
      const { doc, members } = splitMembers(input);
      try {
        const { g, summary } = await db.$transaction(async (tx) => {
          const g = await tx.group.create({ data: { workspaceId, ...columns(doc) } });
          const changes = new MemberChanges();
          const notes = members?.length ? await applyMemberOps(tx, g.id, [{ op: "add", values: members }], changes) : [];
          const roles = await reassign(tx, changes.touched);
          notes.push(...roles.notes);
          const summary = `Created group ${g.displayName}${notes.length ? `: ${notes.join("; ")}` : ""}`;
          await logWithMembers(tx, "create", { id: g.id, name: g.displayName }, summary, { added: changes.added, removed: [], roles: roles.changes }, info?.ignored);
          return { g, summary };
        });
        return { resource: await stored(g), summary, created: true };
      } catch (err) {
        throw translateDbError(err, "That group");
      }
    },

    replace: async (id, input, _password, ifMatch, info) => {
      const { doc, members } = splitMembers(input);
      const { updated, summary } = await db.$transaction(async (tx) => save(tx, await load(tx, id, ifMatch), doc, [{ op: "replace", values: members ?? [] }], "Replaced", "replace", info?.ignored));
      return { resource: await stored(updated), summary };
    },

    patch: async (id, patch, ifMatch) => {
      const { updated, summary } = await db.$transaction(async (tx) => {
        const g = await load(tx, id, ifMatch);
        const { resource, memberOps, ignored } = patch(JSON.parse(g.scimDoc) as JsonObject);
        return save(tx, g, splitMembers(resource).doc, memberOps ?? [], "Updated", "patch", ignored);
      });
      // Members are not re-read after a PATCH: groups can be huge and the answer is a 204.
      return { resource: toStored(updated, undefined), summary };
    },

    remove: async (id, ifMatch) =>
      db.$transaction(async (tx) => {
        const g = await load(tx, id, ifMatch);
        // Every member leaves the group: their timelines say so (the rows would go with the group anyway).
        const members = await deleteMembers(tx, g.id);
        await tx.group.delete({ where: { id: g.id, workspaceId } });
        const roles = await reassign(tx, members);
        const summary = `Deleted group ${g.displayName}${roles.notes.length ? `: ${roles.notes.join("; ")}` : ""}`;
        await logWithMembers(tx, "delete", { id: g.id, name: g.displayName, deleted: true }, summary, { added: [], removed: members, roles: roles.changes });
        return { summary };
      }),
  };
};
