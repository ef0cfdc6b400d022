// The template editor's form state and how it maps to what the routes take. Conditions keep a
// "scim" attribute plus a path while being edited, and "is one of" values as comma-separated text.
import { STANDARD_FIELD_KEYS } from "@/lib/provisioning/card-fields";
import { RULE_ATTRIBUTES, ZTemplateInput, type TCondition, type TRuleOp, type TTemplateInput } from "@/lib/provisioning/templates";

export const MAIN_FIELD_KEYS = ["company", "companyLogoUrl", "website", "address"] as const;
/** Standard fields a template may also set, offered under "Add a field". */
export const EXTRA_FIELD_KEYS = STANDARD_FIELD_KEYS.filter((k) => !(MAIN_FIELD_KEYS as readonly string[]).includes(k));

export type TFormCondition = { id: string; attribute: string; path: string; op: TRuleOp; value: string };
export type TFormRule = { id: string; conditions: TFormCondition[] };
export type TFormExtra = { id: string; key: string; custom: boolean; value: string };
export type TTemplateForm = { name: string; main: Record<(typeof MAIN_FIELD_KEYS)[number], string>; extras: TFormExtra[]; rules: TFormRule[] };

let seq = 0;
export const newId = () => `f${++seq}`;

const NAMED = new Set<string>(RULE_ATTRIBUTES.map((a) => a.id));

export const newCondition = (): TFormCondition => ({ id: newId(), attribute: "department", path: "", op: "eq", value: "" });
export const newRule = (): TFormRule => ({ id: newId(), conditions: [newCondition()] });

export const toForm = (t: { name: string; fields: Record<string, string>; rules: TCondition[][] } | null): TTemplateForm => {
  const fields = t?.fields ?? {};
  return {
    name: t?.name ?? "",
    main: { company: fields.company ?? "", companyLogoUrl: fields.companyLogoUrl ?? "", website: fields.website ?? "", address: fields.address ?? "" },
    extras: Object.entries(fields)
      .filter(([k]) => !(MAIN_FIELD_KEYS as readonly string[]).includes(k))
      .map(([key, value]) => ({ id: newId(), key, custom: !EXTRA_FIELD_KEYS.includes(key), value })),
    rules: (t?.rules ?? []).map((rule) => ({
      id: newId(),
      conditions: rule.map((c) => ({
        id: newId(),
        attribute: NAMED.has(c.attribute) ? c.attribute : "scim",
        path: NAMED.has(c.attribute) ? "" : c.attribute,
        op: c.op,
        value: Array.isArray(c.value) ? c.value.join(", ") : c.value,
      })),
    })),
  };
};

const toCondition = (c: TFormCondition): TCondition => ({
  attribute: c.attribute === "scim" ? c.path.trim() : c.attribute,
  op: c.op,
  value:
    c.op === "in"
      ? c.value
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean)
      : c.value,
});

export const fromForm = (f: TTemplateForm): TTemplateInput => ({
  name: f.name,
  fields: { ...f.main, ...Object.fromEntries(f.extras.filter((x) => x.key.trim()).map((x) => [x.key.trim(), x.value])) },
  rules: f.rules.map((r) => r.conditions.map(toCondition)),
});

/** The rules as the matcher takes them, or null while some condition is incomplete. */
export const formRules = (f: TTemplateForm) => {
  const parsed = ZTemplateInput.shape.rules.safeParse(f.rules.map((r) => r.conditions.map(toCondition)));
  return parsed.success ? parsed.data : null;
};

/**
 * Field errors keyed by where the form shows them: "name", "field:<key>", "extra:<id>",
 * "cond:<id>:attribute|value", "rule:<id>".
 */
export const validateForm = (f: TTemplateForm): { errors: Record<string, string>; input: TTemplateInput | null } => {
  const errors: Record<string, string> = {};
  const seen = new Set<string>(MAIN_FIELD_KEYS);
  for (const x of f.extras) {
    const key = x.key.trim();
    if (!key) errors[`extra:${x.id}`] = "Pick a field or give a custom field a name";
    else if (seen.has(key)) errors[`extra:${x.id}`] = "This field is already in the template";
    seen.add(key);
  }
  const parsed = ZTemplateInput.safeParse(fromForm(f));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [section, a, b, c] = issue.path.map(String);
      let where = "form";
      if (section === "name") where = "name";
      else if (section === "fields" && a) where = (MAIN_FIELD_KEYS as readonly string[]).includes(a) ? `field:${a}` : `extra:${f.extras.find((x) => x.key.trim() === a)?.id ?? ""}`;
      else if (section === "rules" && a !== undefined) {
        const rule = f.rules[Number(a)];
        const cond = b !== undefined ? rule?.conditions[Number(b)] : undefined;
        where = cond ? `cond:${cond.id}:${c === "attribute" ? "attribute" : "value"}` : `rule:${rule?.id ?? ""}`;
      }
      errors[where] ??= issue.message;
    }
  }
  return { errors, input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null };
};
