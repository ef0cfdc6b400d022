// The driver adapter the Prisma client connected with, for lib/db/direct.ts (kept apart so that
// the client module and the direct module do not import each other).
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

const holder = globalThis as unknown as { musterAdapter?: SqlDriverAdapter };

export const rememberAdapter = (adapter: SqlDriverAdapter) => {
  holder.musterAdapter = adapter;
};

export const connectedAdapter = () => holder.musterAdapter;

/** A factory whose connect() remembers the adapter it returns. */
export const remembering = <F extends { connect: () => Promise<SqlDriverAdapter> }>(factory: F): F =>
  new Proxy(factory, {
    get(target, prop) {
      if (prop === "connect")
        return async () => {
          const adapter = await target.connect();
          rememberAdapter(adapter);
          return adapter;
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
