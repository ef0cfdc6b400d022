import { ScimError, conflict, notFound } from "@/lib/scim/errors";

import { isUniqueViolation } from "@/lib/server/errors";
import { SeatLimitReached } from "@/lib/server/provisioning/check-seats";

/** Database errors (and the provisioning layer's refusals) become SCIM errors here, in the service layer (STYLE.md #8). */
export const translateDbError = (err: unknown, what: string): unknown => {
  if (err instanceof ScimError) return err;
  // 403: the server refuses the operation for this client (RFC 7644 §3.12), not a malformed request;
  // Entra ID and Okta show the detail in their provisioning logs and retry on a later cycle.
  if (err instanceof SeatLimitReached) return new ScimError(403, undefined, err.message);
  if (isUniqueViolation(err)) return conflict(`${what} already exists`);
  if (typeof err === "object" && err !== null && (err as { code?: string }).code === "P2025") return notFound(`${what} not found`);
  return err;
};
