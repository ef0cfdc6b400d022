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

export const ignoredNote = (summary: string | null): TIgnoredNote => {
  if (!summary) return { summary, ignored: [] };
  const m = NOTE.exec(summary);
  if (!m) return { summary, ignored: [] };
  const rest = summary.slice(0, m.index).trim();
  return {
    summary: rest || null,
    ignored: splitPaths(m[1]!).map((path) => ({ path, declarable: checkScimPath(path).ok, label: labelFromPath(path) })),
  };
};
