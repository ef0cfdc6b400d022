// Card templates as the template pages receive them: a template, the employees its rules match,
// and the outcome of applying it by hand.
import type { TRules, TTemplateFields } from "@/lib/provisioning/templates";

export type TTemplateDto = { id: string; name: string; position: number; fields: TTemplateFields; rules: TRules; createdAt: string; updatedAt: string };

export type TMatchRow = { id: string; displayName: string | null; email: string | null; title: string | null; department: string | null; status: string; template: string | null };
export type TMatchList = { rows: TMatchRow[]; total: number; page: number; pageSize: number; scanned: number };

export type TApplyResult = { applied: number; template: string; done: boolean; after: string | null; scanned: number; total: number };

/** What saving a template's fields will do to the cards that inherit it, per field it changes. */
export type TTemplateEditPreview = {
  /** Cards that inherit the template (archived employees' included: their history follows too). */
  cards: number;
  changes: { key: string; label: string; kind: "added" | "changed" | "removed"; update: number; keep: number }[];
};
