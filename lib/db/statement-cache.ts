// Prepared statements reused across queries on the embedded SQLite connection. Prisma's
// better-sqlite3 adapter prepares every statement anew (SQLite compiles it each time: about 5 %
// of the SCIM write path's CPU, measured); the SQL of a given query is always the same text, so a
// statement compiled once can run again with new arguments. better-sqlite3 runs each statement to
// completion synchronously, so a cached one is never in use twice at once.
import type Database from "better-sqlite3";

type Statement = Database.Statement<unknown[]>;
const MAX = 500;

// The adapter calls prepare(sql).bind(args) and then run(), reader, columns() or raw().all();
// bind() fixes a statement's arguments for good, so the cached statement is wrapped instead.
const bound = (s: Statement, args: unknown[]) => ({
  reader: s.reader,
  run: () => s.run(...args),
  columns: () => s.columns(),
  raw: () => ({ all: () => s.raw(true).all(...args) }),
  all: () => s.all(...args),
  get: () => s.get(...args),
});

/** The connection with prepare() answered from a bounded cache (least recently used goes first). */
export const withStatementCache = (db: Database.Database): Database.Database => {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let s = cache.get(sql);
    if (s) {
      cache.delete(sql);
    } else {
      s = db.prepare(sql);
      if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, s);
    const stmt = s;
    return { reader: stmt.reader, run: (...a: unknown[]) => stmt.run(...a), bind: (...args: unknown[]) => bound(stmt, args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args) };
  };
  return new Proxy(db, {
    get: (target, prop) => {
      if (prop === "prepare") return prepare;
      const value = Reflect.get(target, prop, target) as unknown;
      // Native methods need the connection itself as `this`, not the proxy.
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
};
