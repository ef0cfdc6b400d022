// The provisioning log's note on attributes a request sent that /Schemas does not declare
// ("…; ignored attributes not in /Schemas: a, b" from lib/server/scim/serve.ts, or "ignored: `a`"),
// split off the summary so the log can offer "Add as a custom attribute" for each.
import { checkScimPath } from "./declaration";

const NOTE = /(?:^|;\s*)ignored(?: attributes)?(?: not in \/Schemas)?:\s*(.+)$/i;

export type TIgnoredNote = { summary: string | null; ignored: { path: string; declarable: boolean; label: string }[] };

/** "badgeId" → "Badge ID"-ish: the attribute's last name in words, for a pre-filled label. */
export const labelFromPath = (path: string) => {
  const last = path.replace(/\[.*\]/, "").split(/[:.]/).filter(Boolean).at(-1) ?? path;
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim();
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\bId\b/g, "ID").slice(0, 60);
};

/** Splits ignored paths by ", " outside brackets and quotes (a filter may hold a comma). */
const splitPaths = (list: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "[") depth++;
    else if (!quoted && c === "]") depth = Math.max(0, depth - 1);
    if (c === "," && depth === 0 && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((p) => p.trim().replace(/^`|`$/g, "")).filter(Boolean);
};

const EXTENSION_SCHEMA = /^urn:ietf:params:scim:schemas:extension:[^:]+:2\.0:User$/i;

const parseBody = (body: string | null | undefined): Record<string, unknown> | null => {
  try {
    const v: unknown = body ? JSON.parse(body) : null;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * A whole extension object nobody declared is logged by its schema URN; the request body says which
 * attributes it held, and each of those is what an admin declares (`urn:…:acme:2.0:User:badgeId`).
 */
const expand = (path: string, body: Record<string, unknown> | null): string[] => {
  if (!EXTENSION_SCHEMA.test(path) || !body) return [path];
  const key = Object.keys(body).find((k) => k.toLowerCase() === path.toLowerCase());
  const obj = key ? body[key] : undefined;
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return [path];
  const names = Object.keys(obj).filter((n) => /^[A-Za-z][\w-]*$/.test(n));
  return names.length ? names.map((n) => `${key}:${n}`) : [path];
};

/** The summary without its note, and each ignored path with whether it can be declared. */
export const ignoredNote = (summary: string | null, requestBody?: string | null): TIgnoredNote => {
  if (!summary) return { summary, ignored: [] };
  const m = NOTE.exec(summary);
  if (!m) return { summary, ignored: [] };
  const rest = summary.slice(0, m.index).trim();
  const body = parseBody(requestBody);
  const paths = [...new Set(splitPaths(m[1]!).flatMap((p) => expand(p, body)))];
  return {
    summary: rest || null,
    ignored: paths.map((path) => ({ path, declarable: checkScimPath(path).ok, label: labelFromPath(path) })),
  };
};
