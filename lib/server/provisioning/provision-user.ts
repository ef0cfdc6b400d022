// POST /Users: a new identity from the IdP. One lookup decides what it is — taken, coming back,
// an employee to link, or new — then one plan, written with its log row in one transaction.
import "server-only";
import { direct } from "@/lib/db/direct";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { missingDetail, missingRequired } from "@/lib/provisioning/required";
import { emailEntries, managerRef, userColumns } from "@/lib/provisioning/user-columns";
import { conflict, ScimError } from "@/lib/scim/errors";
import type { JsonObject } from "@/lib/scim/schemas/json";
import { applyUserPlan } from "./apply-plan";
import { checkAttributes, checkReferences, referencedIds } from "./check-attributes";
import { checkSeats } from "./check-seats";
import { findCandidates, groupNamesFor, pickManager, usersNamed, type Candidate } from "./find-user";
import type { Journal } from "./journal";
import { planCreate, planUpdate, type UserPlan } from "./plan-user";
import type { Policy } from "./policy";

export type ProvisioningContext = { db: Db; workspaceId: string; policy: Policy; origin: string; journal: Journal };

/** What a write leaves for the SCIM answer: the resource as now stored, without a read-back. */
export type UserWritten = { employeeId: string; scimId: string; doc: JsonObject; createdAt: Date; updatedAt: Date; version: number; plan: UserPlan };

type Decision = { kind: "taken"; who: Candidate } | { kind: "restore"; who: Candidate; newScimId: boolean } | { kind: "link"; who: Candidate } | { kind: "new" };

/**
 * - The same userName as a live SCIM user — active or deactivated — is taken: 409 (RFC 7644 §3.3;
 *   a deactivated user is still a resource, GET returns it).
 * - A deleted user with this userName comes back: the same employee, a new SCIM id.
 * - Okta re-assigns a deactivated or deleted person with the same externalId, possibly a new
 *   userName: that employee comes back — when the externalId names only that one employee
 *   (some clients reuse externalIds across users, and then it identifies nobody).
 * - An employee added by hand with one of the new identity's emails becomes this identity.
 */
const decide = (rows: Candidate[], cols: ReturnType<typeof userColumns>, emails: string[]): Decision => {
  const taken = rows.find((r) => r.userNameKey === cols.userNameKey && r.scimDeletedAt === null && r.scimId !== null);
  if (taken) return { kind: "taken", who: taken };
  const deleted = rows.filter((r) => r.scimDeletedAt !== null && r.userName === cols.userName).pop();
  if (deleted) return { kind: "restore", who: deleted, newScimId: true };
  if (cols.externalId) {
    const same = rows.filter((r) => r.externalId === cols.externalId && r.scimDoc !== null);
    const only = same.length === 1 ? same[0]! : null;
    if (only && (only.scimDeletedAt !== null || !only.active)) return { kind: "restore", who: only, newScimId: only.scimDeletedAt !== null };
  }
  for (const email of emails) {
    const manual = rows.find((r) => r.status === "MANUAL" && r.scimDoc === null && r.emailKey === email);
    if (manual) return { kind: "link", who: manual };
  }
  return { kind: "new" };
};

export const provisionUser = async (ctx: ProvisioningContext, sent: JsonObject, ignored?: readonly string[]): Promise<UserWritten & { isNew: boolean }> => {
  const { workspaceId, policy } = ctx;
  // A custom attribute of the wrong type refuses the request before the database is touched.
  const { doc, values } = checkAttributes(sent, policy);
  const refs = referencedIds(values, policy);
  const cols = userColumns(doc);
  const emails = emailEntries(doc).map((e) => e.value);
  const ref = managerRef(doc);
  // What the workspace requires of a new employee: refused before anything is read or written.
  const missing = missingRequired(policy.required, cols, ref !== null);
  if (missing.length) throw new ScimError(400, "invalidValue", missingDetail(missing));
  return direct.transaction(async (tx) => {
    const now = new Date();
    const rows = await findCandidates(tx, workspaceId, { userName: cols.userName, externalId: cols.externalId, emails, managerRef: ref, refs });
    const decision = decide(rows, cols, emails);
    if (decision.kind === "taken") throw conflict(`A user with userName '${cols.userName}' already exists${decision.who.active ? "" : " (deactivated)"}`);
    const self = decision.kind === "new" ? null : decision.who;
    // A new employee, or an archived one coming back active, takes a seat (a linked one has it already).
    if (cols.active && (!self || (decision.kind === "restore" && self.status === "ARCHIVED"))) await checkSeats(tx, workspaceId, policy.seatLimit);
    const manager = pickManager(rows, ref, self?.id ?? null);
    const names = usersNamed(rows, refs);
    checkReferences(values, policy, names, self?.scimId ?? null);
    const custom = { values, names };
    const employeeId = self?.id ?? newId();
    // A new or linked employee's SCIM id is its own id; one coming back after a DELETE gets a new one
    // (RFC 7643 §3.1: an id is never reassigned); a deactivated one keeps its id.
    const scimId = decision.kind === "new" || decision.kind === "link" ? employeeId : decision.newScimId ? newId() : self!.scimId!;
    // A deactivated employee coming back is still in its groups: the group rules see them.
    const groups = self && decision.kind === "restore" ? await groupNamesFor(tx, policy, workspaceId, self.id) : [];
    const plan = !self
      ? planCreate({ doc, policy, manager, scimId, now, custom })
      : planUpdate({ current: self, doc, policy, manager, hasCard: self.cardFields > 0, mode: decision.kind === "link" ? "link" : "restore", scimId: scimId === self.scimId ? undefined : scimId, groups, now, custom });
    await applyUserPlan(tx, ctx, employeeId, plan, self?.version);
    await ctx.journal.record(tx, { op: "create", resourceType: "User", resourceId: scimId, employeeId, change: plan.change, summary: plan.summary, ignored });
    return { employeeId, scimId, doc, createdAt: self?.createdAt ?? now, updatedAt: now, version: self ? self.version + 1 : 1, plan, isNew: !self };
  });
};
