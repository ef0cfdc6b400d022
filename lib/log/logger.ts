// The one logger of the server (pino), below every other layer (lib/db logs through it too): JSON lines on stdout in production, one object per line
// for a log shipper to read; pretty, coloured lines under `next dev` (pino-pretty, in-process — a
// transport's worker thread does not survive Next's bundling). Outside the Next server (the CLI,
// scripts) lines go to stderr: the CLI's stdout is the JSON document it answers with.
//
// Whatever a caller passes, some things never reach a line: values under the keys below (request
// headers, passwords, tokens, secrets, email addresses and bodies) are censored by pino's `redact`,
// and error messages and stacks have email addresses, bearer credentials and link secrets masked
// (a Prisma or SMTP error may quote the values it was given).
import "server-only";
import pino, { type DestinationStream, type Level, type Logger, type LoggerOptions } from "pino";
import pretty from "pino-pretty";
import { requestContext } from "./request-context";

const LEVELS: readonly string[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** MUSTER_LOG_LEVEL when it names a pino level, else info. */
export const logLevel = (value = process.env.MUSTER_LOG_LEVEL): Level | "silent" => {
  const level = value?.trim().toLowerCase();
  return level && LEVELS.includes(level) ? (level as Level | "silent") : "info";
};

// Censored at the top of a logged object and under the usual parents (`headers.authorization`,
// `user.password`, `mail.html` …). Exact paths only: pino's wildcard paths (`*.password`) cost
// about a hundred microseconds a line, more than the SCIM request they would describe.
const SECRET_KEYS = [
  "authorization",
  "cookie",
  '["set-cookie"]',
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "clientSecret",
  "apiKey",
  "email",
  "to",
  "html",
  "text",
  "body",
  "requestBody",
  "responseBody",
];
const PARENTS = ["headers", "req.headers", "request.headers", "res.headers", "user", "employee", "data", "input", "body", "mail", "message", "config", "options", "params", "query"];
export const REDACTED_PATHS = [...SECRET_KEYS, ...PARENTS.flatMap((p) => SECRET_KEYS.map((k) => (k.startsWith("[") ? `${p}${k}` : `${p}.${k}`)))];

const EMAIL_IN_TEXT = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;
const BEARER_IN_TEXT = /(Bearer\s+)\S+/gi;
// Link secrets and the secret half of SCIM tokens are 43 base64url characters (lib/server/secrets.ts).
const SECRET_IN_TEXT = /(?<![A-Za-z0-9_-])(mst_[0-9a-f]{12}_)?[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** A text with email addresses, bearer credentials and secrets masked. */
export const maskText = (text: string) => text.replace(BEARER_IN_TEXT, "$1[Redacted]").replace(SECRET_IN_TEXT, "$1[Redacted]").replace(EMAIL_IN_TEXT, "[email]");

const errSerializer = (err: Error) => {
  const out = pino.stdSerializers.err(err) as Record<string, unknown>;
  for (const key of ["message", "stack"]) if (typeof out[key] === "string") out[key] = maskText(out[key]);
  return out;
};

const options = (level: string): LoggerOptions => ({
  level,
  redact: { paths: REDACTED_PATHS },
  serializers: { err: errSerializer, error: errSerializer },
  formatters: { level: (label) => ({ level: label }) },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Lines written while a request runs carry its id (request-context.ts).
  mixin: () => {
    const context = requestContext();
    return context ? { requestId: context.requestId } : {};
  },
});

const defaultDestination = (): DestinationStream => {
  // The Next server sets NEXT_RUNTIME; anything else is a command whose stdout is its answer.
  const fd = process.env.NEXT_RUNTIME ? 1 : 2;
  const format = process.env.MUSTER_LOG_FORMAT ?? (process.env.NODE_ENV === "development" ? "pretty" : "json");
  if (format === "pretty") return pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname", destination: fd, sync: true });
  // Asynchronous (pino's default): lines are written in batches off the request path, and flushed at exit.
  return pino.destination({ dest: fd, sync: false });
};

/** A logger with Muster's options, writing to `destination` (tests pass their own). */
export const createLogger = (destination: DestinationStream = defaultDestination(), level: string = logLevel()): Logger => pino(options(level), destination);

// One per process, on globalThis: Next.js may load this module more than once.
const holder = globalThis as unknown as { musterLogger?: Logger };

export const log: Logger = (holder.musterLogger ??= createLogger());
