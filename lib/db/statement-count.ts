// Counts the SQL statements one request runs, for the test that holds the SCIM write path to its
// budget (tests/integration/statement-budget.test.ts). On only when MUSTER_COUNT_STATEMENTS=1:
// the driver adapter is wrapped so that every statement it runs (queries, writes, COMMIT) is
// counted against the request whose async context ran it, and the app answers with
// X-Muster-Statements. Off, nothing is wrapped, counted or sent.
import { AsyncLocalStorage } from "node:async_hooks";

export const countingStatements = process.env.MUSTER_COUNT_STATEMENTS === "1";

type Counter = { n: number; statements: string[] };
// On globalThis: Next.js loads server code in more than one bundle, and the process-wide client
// (lib/db/client.ts) may have been made by another bundle's copy of this module.
const storage = ((globalThis as unknown as { musterStatementCount?: AsyncLocalStorage<Counter> }).musterStatementCount ??= new AsyncLocalStorage<Counter>());

const note = (what: string) => {
  const c = storage.getStore();
  if (!c) return;
  c.n++;
  c.statements.push(what.replace(/\s+/g, " ").slice(0, 120));
};

// Prisma sends COMMIT through executeRaw; the transaction's commit() itself runs no statement.
const COUNTED = new Set(["queryRaw", "executeRaw"]);
const WRAPPED = new Set(["connect", "startTransaction"]);

/** The adapter factory, with every statement of every connection and transaction counted. */
export const counted = <T extends object>(target: T): T =>
  new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== "function" || typeof prop !== "string") return value;
      if (COUNTED.has(prop)) {
        return (...args: unknown[]) => {
          note(String((args[0] as { sql?: string } | undefined)?.sql ?? prop));
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      }
      if (WRAPPED.has(prop)) return async (...args: unknown[]) => counted((await (value as (...a: unknown[]) => Promise<object>).apply(obj, args)) as object);
      return (value as (...a: unknown[]) => unknown).bind(obj);
    },
  });

export const withStatementCount = async <T>(run: () => Promise<T>): Promise<{ value: T; count: Counter | null }> => {
  if (!countingStatements) return { value: await run(), count: null };
  const counter: Counter = { n: 0, statements: [] };
  const value = await storage.run(counter, run);
  return { value, count: counter };
};

/** Work that must not be counted against the request that started it (the mail worker). */
export const uncounted = <T>(run: () => T): T => (countingStatements ? storage.exit(run) : run());
