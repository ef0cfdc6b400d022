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

type DbError = { code?: string; name?: string; cause?: { kind?: string } };

/** What the driver adapter said went wrong, for statements sent to it directly (lib/db/direct.ts). */
export const adapterErrorKind = (err: unknown): string | undefined => ((err as DbError | null)?.name === "DriverAdapterError" ? (err as DbError).cause?.kind : undefined);

/** A unique-constraint violation: Prisma's P2002, or the driver adapter's own error, whichever engine raised it. */
export const isUniqueViolation = (err: unknown): boolean =>
  typeof err === "object" && err !== null && ((err as DbError).code === "P2002" || adapterErrorKind(err) === "UniqueConstraintViolation");
