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

// Prisma's codes for a server it cannot reach, a connection that closed, or a pool with no free
// connection in time; the driver adapter's kinds and PostgreSQL's SQLSTATEs for the same
// (08: connection exception, 57P: operator intervention — a shutdown or restart, 53: resources).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|connection (?:is )?closed|ECONNREFUSED|ECONNRESET|EPIPE|Can't reach database|terminating connection|the database system is (?:starting up|shutting down|in recovery mode)|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/**
 * The database cannot answer now — stopped, restarting, unreachable, out of connections — but may
 * in a moment: a door answers 503 with Retry-After, not 500, and the pool reconnects by itself.
 */
export const isDatabaseUnavailable = (err: unknown): boolean => {
  const e = err as (DbError & { message?: string; cause?: { kind?: string; code?: string; message?: string } }) | null;
  if (!e || typeof e !== "object") return false;
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  const kind = adapterErrorKind(err);
  if (kind && UNAVAILABLE_KINDS.has(kind)) return true;
  const sqlState = e.cause?.code ?? e.code;
  if (typeof sqlState === "string" && /^(08|57P|53)/.test(sqlState)) return true;
  return UNAVAILABLE_MESSAGE.test(`${e.message ?? ""} ${e.cause?.message ?? ""}`);
};
