import { ScimError, conflict, notFound } from "@/lib/scim/errors";
import { isUniqueViolation } from "@/lib/server/errors";

/** Database errors become SCIM errors here, in the service layer (STYLE.md #8). */
export const translateDbError = (err: unknown, what: string): unknown => {
  if (err instanceof ScimError) return err;
  if (isUniqueViolation(err)) return conflict(`${what} already exists`);
  if (typeof err === "object" && err !== null && (err as { code?: string }).code === "P2025") return notFound(`${what} not found`);
  return err;
};

export const preconditionFailed = (id: string, current: number) =>
  new ScimError(412, undefined, `The resource ${id} has changed (its version is W/"${current}"); read it again and retry`);
