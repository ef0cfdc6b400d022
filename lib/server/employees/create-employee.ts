// An employee added by hand: MANUAL, no IdP identity. If the IdP later provisions a user with the
// same email, SCIM links it to this employee instead of creating a second one.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { TNewEmployee } from "@/lib/employees/schemas";
import { fromPrisma } from "@/lib/db/direct";
import { missingManual, missingManualMessage } from "@/lib/provisioning/required";
import { seatLimitMessage } from "@/lib/provisioning/seats";
import { UserError } from "@/lib/server/errors";
import { checkSeats, SeatLimitReached } from "@/lib/server/provisioning/check-seats";
import { planManualEmployee } from "@/lib/server/provisioning/plan-manual";
import { policyOf } from "@/lib/server/provisioning/policy";
import { splitName } from "./employee-where";

/** The non-archived employee of the workspace with this email, if any (emails are unique among them). */
export const findActiveByEmail = (tx: Tx | typeof db, workspaceId: string, email: string) =>
  tx.employee.findFirst({
    where: { workspaceId, emailKey: email.toLowerCase(), status: { not: "ARCHIVED" } },
    select: { id: true, displayName: true, status: true },
  });

/** The seat limit, in a dashboard transaction: refused with a sentence for the admin. */
export const checkSeatsFor = async (tx: Tx, workspaceId: string, limit: number | null, adding = 1) => {
  try {
    await checkSeats(fromPrisma(tx), workspaceId, limit, adding);
  } catch (err) {
    if (err instanceof SeatLimitReached) throw new UserError(seatLimitMessage(err.limit, err.used, err.adding), undefined, "conflict");
    throw err;
  }
};

export const createEmployee = async (workspaceId: string, input: TNewEmployee) => {
  const { defaultRole, required, seatLimit } = await policyOf(workspaceId);
  const names = splitName(input.name);
  const missing = missingManual(required, { ...names, email: input.email, title: input.title, department: input.department, location: input.location, phone: input.phone });
  if (missing.length) throw new UserError(missingManualMessage(missing), missing[0]!.key === "givenName" || missing[0]!.key === "familyName" ? "name" : missing[0]!.key);
  return db.$transaction(async (tx) => {
    await checkSeatsFor(tx, workspaceId, seatLimit);
    const taken = await findActiveByEmail(tx, workspaceId, input.email);
    if (taken) {
      throw new UserError(`${taken.displayName ?? "Another employee"} already has the email ${input.email}. Emails are unique among employees who are not archived.`, "email", "conflict");
    }
    const data = planManualEmployee({ displayName: input.name, ...names, email: input.email, title: input.title, department: input.department, location: input.location, phone: input.phone }, defaultRole);
    return tx.employee.create({ data: { workspaceId, ...data }, select: { id: true, displayName: true, email: true } });
  });
};
