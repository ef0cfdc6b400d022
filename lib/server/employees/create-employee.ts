// An employee added by hand: MANUAL, no IdP identity. If the IdP later provisions a user with the
// same email, SCIM links it to this employee instead of creating a second one.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { TNewEmployee } from "@/lib/employees/schemas";
import { UserError } from "@/lib/server/errors";
import { planManualEmployee } from "@/lib/server/provisioning/plan-manual";
import { policyOf } from "@/lib/server/provisioning/policy";
import { splitName } from "./employee-where";

/** The non-archived employee of the workspace with this email, if any (emails are unique among them). */
export const findActiveByEmail = (tx: Tx | typeof db, workspaceId: string, email: string) =>
  tx.employee.findFirst({
    where: { workspaceId, emailKey: email.toLowerCase(), status: { not: "ARCHIVED" } },
    select: { id: true, displayName: true, status: true },
  });

export const createEmployee = async (workspaceId: string, input: TNewEmployee) => {
  const { defaultRole } = await policyOf(workspaceId);
  return db.$transaction(async (tx) => {
    const taken = await findActiveByEmail(tx, workspaceId, input.email);
    if (taken) {
      throw new UserError(`${taken.displayName ?? "Another employee"} already has the email ${input.email}. Emails are unique among employees who are not archived.`, "email", "conflict");
    }
    const data = planManualEmployee({ displayName: input.name, ...splitName(input.name), email: input.email, title: input.title, department: input.department, location: input.location, phone: input.phone }, defaultRole);
    return tx.employee.create({ data: { workspaceId, ...data }, select: { id: true, displayName: true, email: true } });
  });
};
