// AST → filter source that parseFilter reads back to the same (flattened) AST. Used in logs and
// in the round-trip property test.

import type { AttrPath, CompValue, Filter, PatchPath } from "./ast";

export const printAttrPath = (p: AttrPath): string =>
  `${p.uri !== undefined ? `${p.uri}:` : ""}${p.attr}${p.sub !== undefined ? `.${p.sub}` : ""}`;

// Strings are always quoted, so a bare-word tolerance on input never changes what is printed.
const printValue = (v: CompValue): string =>
  typeof v === "string" ? JSON.stringify(v) : Object.is(v, -0) ? "-0" : String(v);

const rank = { or: 1, and: 2 } as const;

const print = (f: Filter, parentRank: number): string => {
  switch (f.op) {
    case "and":
    case "or": {
      const text = f.filters.map((c) => print(c, rank[f.op])).join(` ${f.op} `);
      return rank[f.op] < parentRank ? `(${text})` : text;
    }
    case "not":
      return `not (${print(f.filter, 0)})`;
    case "valuePath":
      return `${printAttrPath(f.path)}[${print(f.filter, 0)}]`;
    case "pr":
      return `${printAttrPath(f.path)} pr`;
    default:
      return `${printAttrPath(f.path)} ${f.op} ${printValue(f.value)}`;
  }
};

export const printFilter = (filter: Filter): string => print(filter, 0);

export const printPatchPath = (p: PatchPath): string =>
  `${printAttrPath(p.path)}${p.filter ? `[${printFilter(p.filter)}]` : ""}${p.sub !== undefined ? `.${p.sub}` : ""}`;
