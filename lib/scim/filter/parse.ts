// Recursive-descent parser for RFC 7644 §3.4.2.2 filters and §3.5.2 PATCH paths.
//   or      = and *("or" and)
//   and     = unary *("and" unary)
//   unary   = "(" or ")" / "not" unary / attrExp
//   attrExp = attrPath "[" or "]" [ "." subAttr test ] / attrPath test
//   test    = "pr" / compareOp compValue
// Keywords and operators are case-insensitive. Every error is a ScimError naming the position.
//
// Tolerated beyond the RFC grammar, because identity providers send it:
//   - `attr[filter].sub test` is read as `attr[filter and sub test]`, the RFC form with the same
//     meaning and exactly its AST. Entra ID sends `emails[type eq "work"].value eq "x"` when an
//     admin makes the work email the matching attribute (Microsoft's "Get User by query (work
//     email)"); the RFC only allows `.sub` after `]` in PATCH paths. `.sub` must touch the `]`.
//   - `not a eq 1` without parentheses, and unquoted values (see parseUnary and BARE_WORD).

import { badRequest } from "../errors";
import type { AttrPath, CompValue, CompareOp, Filter, PatchPath } from "./ast";
import { ATTR_NAME, parseAttrPath } from "./attr-path";
import { describeToken, quote, tokenize, type Fail, type Token } from "./tokenize";

export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_DEPTH = 32;

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);
const OPERATORS = "eq, ne, co, sw, ew, gt, ge, lt, le, pr";
const isCompareOp = (word: string): word is CompareOp => COMPARE_OPS.has(word);

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// Unquoted values are not in the RFC; tolerated because Microsoft's reference suite sends
// `userName sw O` and `meta.Created gt 2015-10-10T14:38:21.8617979-07:00`.
const BARE_WORD = /^[\p{L}\p{N}._@:+-]+$/u;
const CONNECTIVES = new Set(["and", "or", "not"]);

type State = { tokens: Token[]; i: number; end: Token; fail: Fail };

const failWith =
  (scimType: "invalidFilter" | "invalidPath"): Fail =>
  (pos, message) => {
    const what = scimType === "invalidFilter" ? "Invalid filter" : "Invalid path";
    throw badRequest(scimType, `${what} at position ${pos}: ${message}`);
  };

const start = (source: string, fail: Fail, what: string): State => {
  // The type says string, but a route may hand over whatever the query string held.
  if (typeof source !== "string") return fail(0, `${what} must be a string`);
  if (source.length > MAX_FILTER_LENGTH) fail(MAX_FILTER_LENGTH, `${what} is longer than ${MAX_FILTER_LENGTH} characters`);
  const tokens = tokenize(source, fail);
  const end = tokens[tokens.length - 1] ?? { kind: "end", pos: 0 };
  if (end === tokens[0]) fail(0, `${what} is empty`);
  return { tokens, i: 0, end, fail };
};

const peek = (s: State, ahead = 0): Token => s.tokens[s.i + ahead] ?? s.end;
const isWord = (t: Token, word: string) => t.kind === "word" && t.text.toLowerCase() === word;
const isOperator = (t: Token) => t.kind === "word" && (t.text.toLowerCase() === "pr" || isCompareOp(t.text.toLowerCase()));

const nest = (s: State, depth: number, pos: number): number => {
  if (depth >= MAX_FILTER_DEPTH) s.fail(pos, `nested deeper than ${MAX_FILTER_DEPTH} levels`);
  return depth + 1;
};

const close = (s: State, kind: ")" | "]", openPos: number) => {
  const t = peek(s);
  if (t.kind !== kind) s.fail(t.pos, `expected '${kind}' to close the one at position ${openPos} but found ${describeToken(t)}`);
  s.i++;
};

const expectEnd = (s: State, expected: string) => {
  const t = peek(s);
  if (t.kind === ")" || t.kind === "]") s.fail(t.pos, `unmatched '${t.kind}'`);
  if (t.kind !== "end") s.fail(t.pos, `expected ${expected} but found ${describeToken(t)}`);
};

// Parentheses only group: `a and (b and c)` is one three-way node.
const join = (op: "and" | "or", filters: Filter[]): Filter => {
  const flat = filters.flatMap((f) => ((f.op === "and" || f.op === "or") && f.op === op ? f.filters : [f]));
  const [only] = flat;
  return flat.length === 1 && only ? only : { op, filters: flat };
};

const parseOr = (s: State, depth: number, inner: boolean): Filter => {
  const filters = [parseAnd(s, depth, inner)];
  while (isWord(peek(s), "or")) {
    s.i++;
    filters.push(parseAnd(s, depth, inner));
  }
  return join("or", filters);
};

const parseAnd = (s: State, depth: number, inner: boolean): Filter => {
  const filters = [parseUnary(s, depth, inner)];
  while (isWord(peek(s), "and")) {
    s.i++;
    filters.push(parseUnary(s, depth, inner));
  }
  return join("and", filters);
};

const parseUnary = (s: State, depth: number, inner: boolean): Filter => {
  const t = peek(s);
  if (t.kind === "(") {
    s.i++;
    const filter = parseOr(s, nest(s, depth, t.pos), inner);
    close(s, ")", t.pos);
    return filter;
  }
  // The RFC only has `not (…)`; `not a eq 1` is tolerated. `not` stays an attribute name when an
  // operator or '[' follows it (`not pr`).
  const next = peek(s, 1);
  if (isWord(t, "not") && next.kind !== "[" && !isOperator(next)) {
    s.i++;
    return { op: "not", filter: parseUnary(s, nest(s, depth, t.pos), inner) };
  }
  return parseAttrExp(s, depth, inner);
};

const parseAttrExp = (s: State, depth: number, inner: boolean): Filter => {
  const t = peek(s);
  if (t.kind !== "word") return s.fail(t.pos, `expected an attribute path, '(' or 'not' but found ${describeToken(t)}`);
  s.i++;
  const path = parseAttrPath(t.text, t.pos, s.fail);
  if (inner && (path.uri !== undefined || path.sub !== undefined)) {
    s.fail(t.pos, `inside [...] name a sub-attribute of the element (like 'type'), not ${quote(t.text)}`);
  }

  const next = peek(s);
  if (next.kind === "[") {
    if (inner) s.fail(next.pos, "value filters cannot be nested");
    const filter = parseBracket(s, depth, path);
    const after = peek(s);
    if (after.kind !== "word" || !after.text.startsWith(".")) return { op: "valuePath", path, filter };
    // Entra's `emails[type eq "work"].value eq "x"` → `emails[type eq "work" and value eq "x"]`.
    const closedAt = s.tokens[s.i - 1]?.pos ?? after.pos;
    if (after.pos !== closedAt + 1) s.fail(after.pos, `a sub-attribute after ']' must follow it directly, as in emails[type eq "work"].value`);
    const sub = after.text.slice(1);
    if (!ATTR_NAME.test(sub)) s.fail(after.pos + 1, sub === "" ? "expected a sub-attribute name after '.'" : `${quote(sub)} is not a valid sub-attribute name`);
    s.i++;
    return { op: "valuePath", path, filter: join("and", [filter, parseTest(s, { attr: sub }, `${t.text}[…]${after.text}`)]) };
  }
  if (next.kind === "string" && isCompareOp(t.text.toLowerCase())) {
    s.fail(t.pos, `expected an attribute path before ${quote(t.text)}`);
  }
  return parseTest(s, path, t.text);
};

// `pr` or an operator and its value, after the attribute path written as `written`.
const parseTest = (s: State, path: AttrPath, written: string): Filter => {
  const next = peek(s);
  if (next.kind !== "word") {
    return s.fail(next.pos, `expected an operator (${OPERATORS}) after ${quote(written)} but found ${describeToken(next)}`);
  }
  const op = next.text.toLowerCase();
  if (op !== "pr" && !isCompareOp(op)) {
    return s.fail(next.pos, `unknown operator ${quote(next.text)}; expected one of ${OPERATORS}`);
  }
  s.i++;
  return op === "pr" ? { op, path } : { op, path, value: parseValue(s, next.text) };
};

// `[` valFilter `]` after a multi-valued attribute; returns the inner filter.
const parseBracket = (s: State, depth: number, path: AttrPath): Filter => {
  const open = peek(s);
  if (path.sub !== undefined) {
    s.fail(open.pos, `'[' must follow a multi-valued attribute, not the sub-attribute '${path.attr}.${path.sub}'`);
  }
  s.i++;
  const filter = parseOr(s, nest(s, depth, open.pos), true);
  close(s, "]", open.pos);
  return filter;
};

const parseValue = (s: State, op: string): CompValue => {
  const t = peek(s);
  const expected = `expected a value after ${quote(op)} (a quoted string, number, true, false or null)`;
  if (t.kind === "string") {
    s.i++;
    return t.value;
  }
  if (t.kind !== "word" || CONNECTIVES.has(t.text.toLowerCase())) return s.fail(t.pos, `${expected} but found ${describeToken(t)}`);
  s.i++;
  const lower = t.text.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (lower === "null") return null;
  if (NUMBER.test(t.text)) {
    const n = Number(t.text);
    return Number.isFinite(n) ? n : s.fail(t.pos, `the number ${quote(t.text)} is out of range`);
  }
  if (BARE_WORD.test(t.text)) return t.text;
  return s.fail(t.pos, `${expected} but found ${describeToken(t)}; put text in double quotes`);
};

export const parseFilter = (source: string): Filter => {
  const s = start(source, failWith("invalidFilter"), "filter");
  const filter = parseOr(s, 0, false);
  expectEnd(s, "'and', 'or' or the end of the filter");
  return filter;
};

/** RFC 7644 §3.5.2: PATH = attrPath / valuePath [subAttr], e.g. `emails[type eq "work"].value`. */
export const parsePatchPath = (source: string): PatchPath => {
  const s = start(source, failWith("invalidPath"), "path");
  const t = peek(s);
  if (t.kind !== "word") return s.fail(t.pos, `expected an attribute path but found ${describeToken(t)}`);
  s.i++;
  const path = parseAttrPath(t.text, t.pos, s.fail);
  if (peek(s).kind !== "[") {
    expectEnd(s, "'[' or the end of the path");
    return { path };
  }

  const filter = parseBracket(s, 0, path);
  const after = peek(s);
  if (after.kind !== "word" || !after.text.startsWith(".")) {
    expectEnd(s, "'.' and a sub-attribute, or the end of the path");
    return { path, filter };
  }
  s.i++;
  const sub = after.text.slice(1);
  if (!ATTR_NAME.test(sub)) s.fail(after.pos + 1, `${quote(sub)} is not a valid sub-attribute name`);
  expectEnd(s, "the end of the path");
  return { path, filter, sub };
};
