// The filter AST shared by the parser, the in-memory evaluator (PATCH value paths) and the
// database compiler (lib/server/scim/filter-where.ts). Names are kept as the client wrote them;
// consumers compare them case-insensitively (RFC 7643 §2.1).

/** `urn:…:User:manager.value` → { uri: "urn:…:User", attr: "manager", sub: "value" } */
export type AttrPath = { uri?: string; attr: string; sub?: string };

export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";
export type CompValue = string | number | boolean | null;

export type Filter =
  | { op: "pr"; path: AttrPath }
  | { op: CompareOp; path: AttrPath; value: CompValue }
  | { op: "and"; filters: Filter[] } // n-ary, flattened: a and b and c → one node
  | { op: "or"; filters: Filter[] }
  | { op: "not"; filter: Filter }
  // emails[type eq "work" and value co "@x"]; the inner filter's paths are relative to the element
  // (their `attr` is the sub-attribute name). Entra's `emails[type eq "work"].value eq "@x"` parses
  // to this same node; as a PATCH path, `emails[type eq "work"].value` is a PatchPath with `sub`.
  | { op: "valuePath"; path: AttrPath; filter: Filter };

/** A PATCH `path` (RFC 7644 §3.5.2): attrPath, optionally a value filter and a sub-attribute. */
export type PatchPath = { path: AttrPath; filter?: Filter; sub?: string };
