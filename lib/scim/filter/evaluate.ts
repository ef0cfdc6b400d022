// Evaluates a filter against a SCIM JSON resource in memory: PATCH value paths, and anything
// the database compiler cannot express. Never throws for a well-formed AST.

import type { AttrPath, CompValue, CompareOp, Filter } from "./ast";

export type MatchOptions = { isCaseExact?: (path: AttrPath) => boolean };
/** `parent` names the multi-valued attribute, so isCaseExact sees `emails.value`, not `value`. */
export type ElementMatchOptions = MatchOptions & { parent?: AttrPath };

type Ctx = { isCaseExact: (path: AttrPath) => boolean; parent?: AttrPath };

const CORE_URN = /^urn:ietf:params:scim:schemas:core:2\.0:/i;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

// RFC 7643 §2.1: attribute names are case-insensitive.
const get = (obj: unknown, name: string): unknown => {
  if (!isObject(obj)) return undefined;
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : obj[key];
};

// Extension attributes live under their URN key; core attributes may be written with their
// schema URN but live at the top level.
const container = (root: unknown, uri: string | undefined): unknown => {
  if (uri === undefined) return root;
  const ext = get(root, uri);
  if (ext !== undefined) return ext;
  return CORE_URN.test(uri) ? root : undefined;
};

const attribute = (root: unknown, path: AttrPath): unknown => get(container(root, path.uri), path.attr);

// The raw values a path points at: one per element when a sub-attribute of a multi-valued
// attribute is named (`emails.value`).
const resolve = (root: unknown, path: AttrPath): unknown[] => {
  const value = attribute(root, path);
  const { sub } = path;
  if (sub === undefined) return [value];
  return (Array.isArray(value) ? value : [value]).map((el) => get(el, sub));
};

// What a comparison sees: multi-valued attributes contribute every element, and a complex
// element compares by its `value` (RFC 7644 §3.4.2.2, `emails co "x"`).
const scalars = (values: unknown[]): unknown[] =>
  values
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .map((v) => (isObject(v) ? get(v, "value") : v))
    .map((v) => (v instanceof Date ? v.toISOString() : v));

const isPresent = (v: unknown): boolean => {
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return v.length > 0;
  if (Array.isArray(v)) return v.some(isPresent);
  if (isObject(v)) return Object.values(v).some(isPresent);
  return true;
};

const fold = (s: string, exact: boolean) => (exact ? s : s.toLowerCase());

const equals = (a: unknown, b: CompValue, exact: boolean): boolean => {
  if (typeof a === "string" && typeof b === "string") return fold(a, exact) === fold(b, exact);
  return (typeof a === "number" || typeof a === "boolean") && a === b;
};

// Ordering is defined for two strings (lexical, so ISO timestamps work) or two numbers only.
const order = (a: unknown, b: CompValue, exact: boolean): number | undefined => {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a !== "string" || typeof b !== "string") return undefined;
  const x = fold(a, exact);
  const y = fold(b, exact);
  return x < y ? -1 : x > y ? 1 : 0;
};

const compare = (op: Exclude<CompareOp, "eq" | "ne">, a: unknown, b: CompValue, exact: boolean): boolean => {
  if (op === "co" || op === "sw" || op === "ew") {
    if (typeof a !== "string" || typeof b !== "string") return false;
    const x = fold(a, exact);
    const y = fold(b, exact);
    return op === "co" ? x.includes(y) : op === "sw" ? x.startsWith(y) : x.endsWith(y);
  }
  const o = order(a, b, exact);
  if (o === undefined) return false;
  return op === "gt" ? o > 0 : op === "ge" ? o >= 0 : op === "lt" ? o < 0 : o <= 0;
};

// Inside a value path the filter's paths are relative; report them absolutely for isCaseExact.
const absolute = (path: AttrPath, parent: AttrPath | undefined): AttrPath => {
  if (!parent) return path;
  return parent.uri === undefined ? { attr: parent.attr, sub: path.attr } : { uri: parent.uri, attr: parent.attr, sub: path.attr };
};

const asElement = (el: unknown): unknown => (isObject(el) ? el : { value: el });

const evaluate = (filter: Filter, root: unknown, ctx: Ctx): boolean => {
  switch (filter.op) {
    case "and":
      return filter.filters.every((f) => evaluate(f, root, ctx));
    case "or":
      return filter.filters.some((f) => evaluate(f, root, ctx));
    case "not":
      return !evaluate(filter.filter, root, ctx);
    case "pr":
      return resolve(root, filter.path).some(isPresent);
    case "valuePath": {
      const value = attribute(root, filter.path);
      const elements = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
      const inner = { ...ctx, parent: filter.path };
      return elements.some((el) => evaluate(filter.filter, asElement(el), inner));
    }
    default: {
      const raw = resolve(root, filter.path);
      const values = scalars(raw);
      const exact = ctx.isCaseExact(absolute(filter.path, ctx.parent));
      // RFC 7643 §2.5: unassigned, null and empty are the same state, so `x eq null` is `not (x pr)`.
      // `ne` is `not eq`, hence true for a missing attribute.
      const eq = () => (filter.value === null ? !raw.some(isPresent) : values.some((v) => equals(v, filter.value, exact)));
      if (filter.op === "eq") return eq();
      if (filter.op === "ne") return !eq();
      const op = filter.op;
      return values.some((v) => compare(op, v, filter.value, exact));
    }
  }
};

const context = (opts: ElementMatchOptions | undefined): Ctx => ({
  isCaseExact: opts?.isCaseExact ?? (() => false),
  ...(opts?.parent ? { parent: opts.parent } : {}),
});

export const matchesFilter = (filter: Filter, resource: Record<string, unknown>, opts?: MatchOptions): boolean =>
  evaluate(filter, resource, context({ isCaseExact: opts?.isCaseExact }));

/** A value-path filter (`emails[type eq "work"]`) against one element of a multi-valued attribute. */
export const matchesElement = (filter: Filter, element: unknown, opts?: ElementMatchOptions): boolean =>
  evaluate(filter, asElement(element), context(opts));
