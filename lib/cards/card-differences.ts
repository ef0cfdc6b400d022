// Where an employee's card (what colleagues see) says something other than their profile (what the
// IdP or the admin entered), and why: an edit in Muster, a template, or a workspace setting that keeps
// an IdP attribute off cards. Pure, so the employee page and its tests share it.
import type { TCardSource } from "@/lib/provisioning/card-fields";
import type { TCardFieldDto } from "./editor";

/** Who decides a card field's value (lib/provisioning/card-fields.ts). */
export type TFieldSource = TCardSource;

/** A card field as the comparison needs it; `source` is null when the card lacks the field. */
export type TSourcedCardField = Pick<TCardFieldDto, "key" | "value" | "onCard" | "switchedOff" | "source">;

export type TCardDifference =
  | { key: string; kind: "value"; cardValue: string | null; source: TFieldSource; template: string | null }
  /** `attribute`: the IdP attribute a workspace setting keeps off cards (location, department, manager). */
  | { key: string; kind: "switchedOff"; attribute: string }
  | { key: string; kind: "notOnCard" };

const norm = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

/**
 * For each profile value (keyed by card field: displayName, title, company, …), what the card shows
 * instead — only where the two disagree. A profile value the card leaves out counts; an empty
 * profile value with nothing on the card does not.
 */
export const cardDifferences = (profile: Record<string, string | null | undefined>, fields: TSourcedCardField[], template: { name: string } | null): Map<string, TCardDifference> => {
  const out = new Map<string, TCardDifference>();
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const [key, raw] of Object.entries(profile)) {
    const f = byKey.get(key);
    if (!f) continue;
    const mine = norm(raw);
    if (!f.onCard) {
      if (mine === null) continue;
      out.set(key, f.switchedOff ? { key, kind: "switchedOff", attribute: key } : { key, kind: "notOnCard" });
      continue;
    }
    const shown = norm(f.value);
    if (shown === mine) continue;
    const source = f.source ?? "idp";
    out.set(key, { key, kind: "value", cardValue: shown, source, template: source === "template" ? (template?.name ?? null) : null });
  }
  return out;
};

const sourceWords = (d: Extract<TCardDifference, { kind: "value" }>) =>
  d.source === "template" ? (d.template ? `from template “${d.template}”` : "from a template") : d.source === "muster" ? "set in Muster" : "from the identity provider";

/** One sentence for the profile: "Card shows “Sales EMEA” (set in Muster)". */
export const describeDifference = (d: TCardDifference): string => {
  if (d.kind === "switchedOff") return `Not on the card: the workspace does not apply ${d.attribute}`;
  if (d.kind === "notOnCard") return "Not on the card";
  return d.cardValue === null ? `Card leaves it empty (${sourceWords(d)})` : `Card shows “${d.cardValue}” (${sourceWords(d)})`;
};
