import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter, type Filter } from "@/lib/scim/filter";
import table from "./fixtures/filter-cases.json";

type Case = { source: string; ast: Filter } | { source: string; error: "invalidFilter"; position: number };
const cases = table as Case[];

const failure = (source: string): ScimError => {
  try {
    parseFilter(source);
  } catch (err) {
    if (err instanceof ScimError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
};

describe("parseFilter: fixture table", () => {
  const valid = cases.flatMap((c) => ("ast" in c ? [c] : []));
  const invalid = cases.flatMap((c) => ("error" in c ? [c] : []));

  it("has the RFC examples, the IdP probes and enough malformed input", () => {
    expect(valid.length).toBeGreaterThanOrEqual(60);
    expect(invalid.length).toBeGreaterThanOrEqual(20);
  });

  it.each(valid)("parses $source", ({ source, ast }) => {
    expect(parseFilter(source)).toStrictEqual(ast);
  });

  it.each(invalid)("rejects $source", ({ source, error, position }) => {
    const err = failure(source);
    expect(err.status).toBe(400);
    expect(err.scimType).toBe(error);
    expect(err.message).toContain(`at position ${position}:`);
  });
});

describe("parseFilter: limits", () => {
  const nested = (levels: number) => `${"(".repeat(levels)}userName eq "x"${")".repeat(levels)}`;

  it(`accepts ${MAX_FILTER_DEPTH} levels of nesting and rejects one more`, () => {
    expect(parseFilter(nested(MAX_FILTER_DEPTH))).toEqual({ op: "eq", path: { attr: "userName" }, value: "x" });
    expect(failure(nested(MAX_FILTER_DEPTH + 1)).message).toContain(`nested deeper than ${MAX_FILTER_DEPTH}`);
  });

  it("counts not and value filters as nesting", () => {
    const nots = (n: number) => `${"not (".repeat(n)}a pr${")".repeat(n)}`;
    expect(() => parseFilter(nots(MAX_FILTER_DEPTH / 2))).not.toThrow();
    expect(failure(nots(MAX_FILTER_DEPTH / 2 + 1)).scimType).toBe("invalidFilter");
    expect(failure(`${"(".repeat(MAX_FILTER_DEPTH)}emails[type pr]${")".repeat(MAX_FILTER_DEPTH)}`).scimType).toBe("invalidFilter");
  });

  it(`accepts ${MAX_FILTER_LENGTH} characters and rejects one more`, () => {
    const source = (length: number) => `userName eq "${"x".repeat(length - 14)}"`;
    expect(source(MAX_FILTER_LENGTH)).toHaveLength(MAX_FILTER_LENGTH);
    expect(() => parseFilter(source(MAX_FILTER_LENGTH))).not.toThrow();
    expect(failure(source(MAX_FILTER_LENGTH + 1)).message).toContain(`longer than ${MAX_FILTER_LENGTH}`);
  });

  it("parses a long flat chain without deep recursion", () => {
    const terms = Array.from({ length: 300 }, (_, i) => `a${i} pr`);
    const filter = parseFilter(terms.join(" or "));
    expect(filter.op === "or" && filter.filters).toHaveLength(300);
  });

  it("rejects a wall of open parentheses quickly", () => {
    const started = performance.now();
    expect(failure("(".repeat(MAX_FILTER_LENGTH)).scimType).toBe("invalidFilter");
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("rejects input that is not a string with a ScimError", () => {
    expect(failure(undefined as unknown as string).scimType).toBe("invalidFilter");
    expect(failure(42 as unknown as string).scimType).toBe("invalidFilter");
  });

  it("cuts long words in error messages", () => {
    const err = failure(`userName eq "x" ${"y".repeat(1000)}`);
    expect(err.message.length).toBeLessThan(200);
  });
});
