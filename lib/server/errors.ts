// Errors a service raises for a person to read (forms, the CLI); anything else is a bug.
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly code: "invalid" | "conflict" | "not_found" | "forbidden" = "invalid",
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** Prisma's unique-constraint violation (P2002), whichever adapter raised it. */
export const isUniqueViolation = (err: unknown): boolean =>
  typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
