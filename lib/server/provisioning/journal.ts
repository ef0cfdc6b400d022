// Where a change is recorded, in the change's own transaction, so that a change never exists
// without its record. The SCIM adapter records each change as a provisioning-log row
// (lib/server/scim/serve.ts); a writer with nothing to record passes noJournal.
import "server-only";
import type { Queryable } from "@/lib/db/direct";
import type { ChangeKind } from "./plan-user";

export type JournalEntry = {
  /** What the client asked for: a create, a replace (PUT), a patch or a delete. */
  op: "create" | "replace" | "patch" | "delete";
  resourceType: "User" | "Group";
  resourceId: string | null;
  employeeId: string | null;
  change: ChangeKind | null;
  summary: string;
  /** Attributes the request sent that no schema declares: accepted, not stored (the log says which). */
  ignored?: readonly string[];
};

/** The recorded row (its id and time), for rows that hang off it (employee-events.ts); null when nothing was recorded. */
export type JournalRecord = { id: string; at: Date } | null;

export type Journal = { record: (tx: Queryable, entry: JournalEntry) => Promise<JournalRecord> };

export const noJournal: Journal = { record: async () => null };
