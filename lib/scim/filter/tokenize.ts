// Splits a filter or PATCH path into tokens. Anything that is not whitespace, a bracket, a
// parenthesis or a quoted string is one "word" (attribute path, operator, keyword, number or bare
// value); the parser decides which by position. Linear scan, no regexes over the whole input.

export type Token =
  | { kind: "word"; text: string; pos: number }
  | { kind: "string"; value: string; pos: number }
  | { kind: "(" | ")" | "[" | "]"; pos: number }
  | { kind: "end"; pos: number };

/** Reports a syntax error at a 0-based offset; the caller picks the scimType. */
export type Fail = (pos: number, message: string) => never;

const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r";
const isPunct = (c: string): c is "(" | ")" | "[" | "]" => c === "(" || c === ")" || c === "[" || c === "]";

const ESCAPES = new Map([
  ['"', '"'],
  ["\\", "\\"],
  ["/", "/"],
  ["b", "\b"],
  ["f", "\f"],
  ["n", "\n"],
  ["r", "\r"],
  ["t", "\t"],
]);
const HEX4 = /^[0-9a-fA-F]{4}$/;

// A JSON string literal starting at `start` (the opening quote). Raw control characters are
// tolerated; escapes are exactly JSON's.
const readString = (src: string, start: number, fail: Fail): { value: string; end: number } => {
  let value = "";
  let i = start + 1;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === '"') return { value, end: i + 1 };
    if (c !== "\\") {
      value += c;
      i++;
      continue;
    }
    const e = src.charAt(i + 1);
    if (e === "u") {
      const hex = src.slice(i + 2, i + 6);
      if (!HEX4.test(hex)) fail(i, "expected four hex digits after \\u");
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
      continue;
    }
    const decoded = ESCAPES.get(e);
    if (decoded === undefined) {
      if (e === "") break;
      fail(i, `unknown escape \\${e} in string`);
    }
    value += decoded;
    i += 2;
  }
  return fail(start, "unterminated string; expected a closing \"");
};

export const tokenize = (src: string, fail: Fail): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (isSpace(c)) {
      i++;
    } else if (isPunct(c)) {
      tokens.push({ kind: c, pos: i });
      i++;
    } else if (c === '"') {
      const { value, end } = readString(src, i, fail);
      tokens.push({ kind: "string", value, pos: i });
      i = end;
    } else {
      const start = i;
      while (i < src.length) {
        const d = src.charAt(i);
        if (isSpace(d) || isPunct(d) || d === '"') break;
        i++;
      }
      tokens.push({ kind: "word", text: src.slice(start, i), pos: start });
    }
  }
  tokens.push({ kind: "end", pos: src.length });
  return tokens;
};

// For error messages; long words are cut so a 4 KB filter is not echoed back whole.
export const quote = (text: string): string => (text.length > 40 ? `'${text.slice(0, 40)}…'` : `'${text}'`);

export const describeToken = (t: Token): string => {
  switch (t.kind) {
    case "word":
      return quote(t.text);
    case "string":
      return "a string";
    case "end":
      return "the end of input";
    default:
      return `'${t.kind}'`;
  }
};
