import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import {
  MAX_FILTER_LENGTH,
  matchesFilter,
  parseFilter,
  parsePatchPath,
  printFilter,
  printPatchPath,
  type AttrPath,
  type CompValue,
  type Filter,
  type PatchPath,
} from "@/lib/scim/filter";

const URNS = [
  "urn:ietf:params:scim:schemas:core:2.0:User",
  "urn:ietf:params:scim:schemas:core:2.0:Group",
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
];

// Keyword-looking names are legal attribute names and must survive the round trip.
const anyName = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,10}$/) },
  { weight: 1, arbitrary: fc.constantFrom("$ref", "not", "and", "or", "pr", "eq", "true", "null", "NOT") },
);
const uri = fc.oneof(fc.constantFrom(...URNS), fc.stringMatching(/^urn:[a-z0-9]{1,8}(:[A-Za-z0-9.-]{1,8}){1,4}$/));

const pathOf = (name: fc.Arbitrary<string>, withUri = true): fc.Arbitrary<AttrPath> =>
  fc
    .record({
      uri: withUri ? fc.option(uri, { nil: undefined }) : fc.constant(undefined),
      attr: name,
      sub: fc.option(name, { nil: undefined }),
    })
    .map(({ uri, attr, sub }) => ({ ...(uri !== undefined ? { uri } : {}), attr, ...(sub !== undefined ? { sub } : {}) }));

const value: fc.Arbitrary<CompValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const compareOp = fc.constantFrom("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le" as const);

const leaf = (path: fc.Arbitrary<AttrPath>): fc.Arbitrary<Filter> =>
  fc.oneof(
    path.map((p): Filter => ({ op: "pr", path: p })),
    fc.tuple(compareOp, path, value).map(([op, p, v]): Filter => ({ op, path: p, value: v })),
  );

const filters = (name: fc.Arbitrary<string>) =>
  fc.letrec<{ filter: Filter; inner: Filter }>((tie) => {
    const logical = (kind: "filter" | "inner") => [
      fc.array(tie(kind), { minLength: 2, maxLength: 3 }).map((fs): Filter => ({ op: "and", filters: fs })),
      fc.array(tie(kind), { minLength: 2, maxLength: 3 }).map((fs): Filter => ({ op: "or", filters: fs })),
      tie(kind).map((f): Filter => ({ op: "not", filter: f })),
    ];
    return {
      filter: fc.oneof(
        { maxDepth: 5, depthSize: "small" },
        leaf(pathOf(name)),
        ...logical("filter"),
        fc
          .tuple(fc.option(uri, { nil: undefined }), name, tie("inner"))
          .map(([u, attr, f]): Filter => ({ op: "valuePath", path: u === undefined ? { attr } : { uri: u, attr }, filter: f })),
      ),
      // Inside [...] paths are one relative name and value paths do not nest.
      inner: fc.oneof({ maxDepth: 3, depthSize: "small" }, leaf(name.map((attr) => ({ attr }))), ...logical("inner")),
    };
  });

const { filter: anyFilter, inner: anyInner } = filters(anyName);

// What the parser returns for a printed AST: parentheses only group, so same-op chains merge.
const flatten = (f: Filter): Filter => {
  switch (f.op) {
    case "and":
    case "or": {
      const op = f.op;
      const children = f.filters.map(flatten).flatMap((c) => ((c.op === "and" || c.op === "or") && c.op === op ? c.filters : [c]));
      return { op, filters: children };
    }
    case "not":
      return { op: "not", filter: flatten(f.filter) };
    case "valuePath":
      return { ...f, filter: flatten(f.filter) };
    default:
      return f;
  }
};

const onlyScimErrors = (parse: (s: string) => unknown, scimType: string) => (source: string) => {
  try {
    parse(source);
  } catch (err) {
    expect(err).toBeInstanceOf(ScimError);
    expect((err as ScimError).scimType).toBe(scimType);
  }
};

// Fragments that reach deep into the grammar far more often than random characters do.
const soup = fc
  .array(
    fc.constantFrom("(", ")", "[", "]", " ", "and", "or", "not", "eq", "pr", "gt", '"x"', '"', "\\", "\\u00", "1e3", "-", "true",
      "userName", "emails", ".value", "urn:ietf:params:scim:schemas:core:2.0:User:", ":", "$ref", "é", "\u0000"),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

// Valid filters with one random edit: the near misses a real client produces.
const mangled = fc
  .tuple(anyFilter, fc.nat(), fc.nat({ max: 4 }), fc.oneof(soup, fc.string({ maxLength: 3 })))
  .map(([ast, at, cut, insert]) => {
    const source = printFilter(ast);
    const i = at % (source.length + 1);
    return source.slice(0, i) + insert + source.slice(i + cut);
  });

describe("filter properties", () => {
  it("parse(print(ast)) is the flattened ast", () => {
    fc.assert(
      fc.property(anyFilter, (ast) => {
        const source = printFilter(ast);
        if (source.length > MAX_FILTER_LENGTH) {
          expect(() => parseFilter(source)).toThrow(ScimError);
          return;
        }
        expect(parseFilter(source)).toStrictEqual(flatten(ast));
      }),
      { numRuns: 500 },
    );
  });

  it("printing is stable after one round trip", () => {
    fc.assert(
      fc.property(anyFilter, (ast) => {
        const source = printFilter(ast);
        fc.pre(source.length <= MAX_FILTER_LENGTH);
        expect(printFilter(parseFilter(source))).toBe(printFilter(flatten(ast)));
      }),
    );
  });

  it("parsePatchPath(printPatchPath(p)) is p", () => {
    const patchPath: fc.Arbitrary<PatchPath> = fc.oneof(
      pathOf(anyName).map((path) => ({ path })),
      fc
        .tuple(fc.option(uri, { nil: undefined }), anyName, anyInner, fc.option(anyName, { nil: undefined }))
        .map(([u, attr, filter, sub]) => ({ path: u === undefined ? { attr } : { uri: u, attr }, filter, ...(sub !== undefined ? { sub } : {}) })),
    );
    fc.assert(
      fc.property(patchPath, (p) => {
        const expected = p.filter ? { ...p, filter: flatten(p.filter) } : p;
        expect(parsePatchPath(printPatchPath(p))).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("random input only ever throws ScimError", () => {
    const input = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), soup, mangled);
    fc.assert(fc.property(input, onlyScimErrors(parseFilter, "invalidFilter")), { numRuns: 2000 });
    fc.assert(fc.property(input, onlyScimErrors(parsePatchPath, "invalidPath")), { numRuns: 2000 });
  });

  it("evaluation never throws, `not` negates and `ne` is `not eq`", () => {
    const names = fc.constantFrom("userName", "emails", "value", "type", "meta", "name", "UserName");
    const { filter } = filters(names);
    const resource = fc.dictionary(names, fc.jsonValue({ maxDepth: 3 }));
    fc.assert(
      fc.property(filter, resource, (f, r) => {
        const result = matchesFilter(f, r);
        expect(matchesFilter({ op: "not", filter: f }, r)).toBe(!result);
        if (f.op === "eq") expect(matchesFilter({ ...f, op: "ne" }, r)).toBe(!result);
      }),
      { numRuns: 500 },
    );
  });
});
