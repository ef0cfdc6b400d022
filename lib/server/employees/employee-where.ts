// The `where` for a tab and a search, shared by the list, the counts and the CSV export.
import "server-only";
import { dbConfig } from "@/lib/db/config";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { TEmployeeTab } from "@/lib/employees/list-query";

export type EmployeeWhere = Prisma.EmployeeWhereInput;

export const tabWhere = (tab: TEmployeeTab): EmployeeWhere => {
  switch (tab) {
    case "all":
      return {};
    case "synced":
      return { status: "SYNCED" };
    case "linked":
      return { status: "LINKED" };
    case "manual":
      return { status: "MANUAL" };
    case "archived":
      return { status: "ARCHIVED" };
    case "pending":
      return { activatedAt: null, status: { not: "ARCHIVED" } };
  }
};

// Prisma turns startsWith into LIKE, which SQLite never answers from an index (its LIKE is
// case-insensitive, the index is not), so on SQLite a prefix is a range on the lower-cased key —
// an index range scan on (workspaceId, key). PostgreSQL gets LIKE with its wildcards escaped.
const prefix = (text: string) =>
  dbConfig().flavor === "sqlite" ? { gte: text, lt: `${text}\u{10FFFF}` } : { startsWith: text.replace(/[\\%_]/g, "\\$&") };

/** Normalized search text: lower-cased, inner whitespace collapsed. */
export const searchText = (q: string) => q.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * A search matches the start of the name ("ada lo"), of the last name ("lovel") or of the email
 * ("ada.lovelace@"); each branch is one indexed range. Text with an @ is only an email.
 */
export const searchBranches = (q: string): EmployeeWhere[] => {
  const text = searchText(q);
  if (!text) return [];
  if (text.includes("@")) return [{ emailKey: prefix(text) }];
  return [{ displayNameKey: prefix(text) }, { familyNameKey: prefix(text) }, { emailKey: prefix(text) }];
};

export const searchWhere = (q: string): EmployeeWhere => {
  const branches = searchBranches(q);
  return branches.length ? { OR: branches } : {};
};

export const employeeWhere = (workspaceId: string, tab: TEmployeeTab, q: string): EmployeeWhere => ({
  workspaceId,
  ...tabWhere(tab),
  ...searchWhere(q),
});

/** First and last name from one "name" field, so people added by hand are found by last name too. */
export const splitName = (name: string): { givenName: string | null; familyName: string | null } => {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return { givenName: parts[0] ?? null, familyName: null };
  return { givenName: parts.slice(0, -1).join(" "), familyName: parts.at(-1)! };
};
