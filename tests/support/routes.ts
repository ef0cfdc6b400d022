// Every route handler file under app/, read with TypeScript's own parser: its URL pattern and the
// HTTP methods it exports. An export this cannot account for throws, so a test that walks the
// routes cannot be slipped past by writing a route in a shape nobody expected.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

// What Next.js lets a route file export besides its handlers (route segment config).
const SEGMENT_CONFIG = new Set(["dynamic", "dynamicParams", "revalidate", "fetchCache", "runtime", "preferredRegion", "maxDuration"]);

export type RouteFile = { file: string; pattern: string; methods: HttpMethod[] };

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

const exportedNames = (file: string): string[] => {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const st of source.statements) {
    if (ts.isVariableStatement(st) && isExported(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) throw new Error(`${file}: a destructured export cannot be classified`);
        names.push(d.name.text);
      }
    } else if (ts.isFunctionDeclaration(st) && isExported(st)) {
      if (!st.name) throw new Error(`${file}: a default export cannot be classified`);
      names.push(st.name.text);
    } else if (ts.isExportDeclaration(st)) {
      if (!st.exportClause || !ts.isNamedExports(st.exportClause)) throw new Error(`${file}: "export *" cannot be classified`);
      names.push(...st.exportClause.elements.map((e) => e.name.text));
    } else if (ts.isExportAssignment(st) || ((ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && isExported(st))) {
      throw new Error(`${file}: an export that is neither a handler nor segment config`);
    }
  }
  return names;
};

const methodsOf = (file: string): HttpMethod[] =>
  exportedNames(file).flatMap((name) => {
    if ((HTTP_METHODS as readonly string[]).includes(name)) return [name as HttpMethod];
    if (SEGMENT_CONFIG.has(name)) return [];
    throw new Error(`${file}: unknown export "${name}"`);
  });

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    if (/^route\.(ts|tsx|js|jsx|mjs)$/.test(e.name)) return [full];
    return [];
  });

/** `app/(employee)/c/[shareId]/vcard/route.ts` → `/c/[shareId]/vcard` (route groups are not in the URL). */
const patternOf = (appDir: string, file: string) =>
  `/${path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/")}`;

export const routeFiles = (appDir = path.resolve("app")): RouteFile[] =>
  walk(appDir)
    .map((file) => ({ file: path.relative(process.cwd(), file), pattern: patternOf(appDir, file), methods: methodsOf(file) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
