// lib/scim has no import cycles, type-only imports included: eslint's import/no-cycle skips
// `import type`, which is how bulk.ts ↔ handler.ts went unnoticed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../../lib/scim");

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });

const resolve = (from: string, spec: string): string | undefined => {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
};

// `import … from "./x"`, `import type … from`, `export … from`: every relative specifier.
const importsOf = (file: string): string[] => {
  const text = fs.readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  return specs.map((s) => resolve(file, s)).filter((f): f is string => f !== undefined);
};

const cycles = (graph: Map<string, string[]>): string[][] => {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
};

describe("lib/scim imports", () => {
  it("form no cycle", () => {
    const graph = new Map(sources(ROOT).map((f) => [f, importsOf(f)]));
    expect(graph.size).toBeGreaterThan(30);
    const rel = (f: string) => path.relative(ROOT, f);
    expect(cycles(graph).map((c) => c.map(rel).join(" → "))).toEqual([]);
  });
});
