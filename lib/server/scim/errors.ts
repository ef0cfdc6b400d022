import { ScimError, conflict, notFound } from "@/lib/scim/errors";

import { isUniqueViolation } from "@/lib/server/errors";

/** Database errors become SCIM errors here, in the service layer (STYLE.md #8). */
export const translateDbError = (err: unknown, what: string): unknown => {
  if (err instanceof ScimError) return err;
  if (isUniqueViolation(err)) return conflict(`${what} already exists`);
  if (typeof err === "object" && err !== null && (err as { code?: string }).code === "P2025") return notFound(`${what} not found`);
  return err;
};
