"use client";
// Who a template applies to: rules joined by OR, each a list of conditions joined by AND, on what
// the identity provider sends (named attributes, group membership, or any SCIM attribute path).
import { Button, cx } from "@/components/ui";
import { RULE_ATTRIBUTES, RULE_OPERATORS, type TRuleOp } from "@/lib/provisioning/templates";
import { newCondition, newRule, type TFormCondition, type TFormRule } from "./template-form";

const control =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 placeholder:text-slate-400";
const ok = "border-slate-300 focus:border-brand-500 focus:ring-brand-500";
const bad = "border-red-400 focus:ring-red-500";

const PLACEHOLDER: Record<string, string> = {
  department: "Marketing",
  title: "Engineer",
  location: "London",
  company: "Acme",
  group: "Sales EMEA",
  scim: "value",
};

type Props = { rules: TFormRule[]; onChange: (rules: TFormRule[]) => void; errors: Record<string, string> };

const ConditionRow = ({ c, index, ruleIndex, onChange, onRemove, canRemove, errors }: { c: TFormCondition; index: number; ruleIndex: number; onChange: (c: TFormCondition) => void; onRemove: () => void; canRemove: boolean; errors: Record<string, string> }) => {
  const n = `rule ${ruleIndex + 1}, condition ${index + 1}`;
  const attrError = errors[`cond:${c.id}:attribute`];
  const valueError = errors[`cond:${c.id}:value`];
  return (
    <li className="grid grid-cols-[2.5rem_minmax(0,10rem)_minmax(0,9rem)_minmax(0,1fr)_2.25rem] items-start gap-x-2 gap-y-1.5" data-testid="condition">
      <span className="pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{index === 0 ? "If" : "and"}</span>
      <div>
        <label htmlFor={`${c.id}-attr`} className="sr-only">
          Attribute ({n})
        </label>
        <select id={`${c.id}-attr`} value={c.attribute} onChange={(e) => onChange({ ...c, attribute: e.target.value })} className={cx(control, ok)}>
          {RULE_ATTRIBUTES.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
          <option value="scim">SCIM path…</option>
        </select>
      </div>
      <div>
        <label htmlFor={`${c.id}-op`} className="sr-only">
          Operator ({n})
        </label>
        <select id={`${c.id}-op`} value={c.op} onChange={(e) => onChange({ ...c, op: e.target.value as TRuleOp })} className={cx(control, ok)}>
          {RULE_OPERATORS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${c.id}-value`} className="sr-only">
          Value ({n})
        </label>
        <input
          id={`${c.id}-value`}
          value={c.value}
          onChange={(e) => onChange({ ...c, value: e.target.value })}
          placeholder={c.op === "in" ? `${PLACEHOLDER[c.attribute] ?? "value"}, another, …` : PLACEHOLDER[c.attribute]}
          aria-invalid={valueError ? true : undefined}
          aria-describedby={valueError ? `${c.id}-value-error` : c.op === "in" ? `${c.id}-value-hint` : undefined}
          className={cx(control, valueError ? bad : ok)}
        />
      </div>
      <button
        type="button"
        onClick={onRemove}
        disabled={!canRemove}
        aria-label={`Remove ${n}`}
        title="Remove condition"
        className="grid h-9 w-9 place-items-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-red-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:invisible"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
      {c.attribute === "scim" ? (
        <div className="col-span-3 col-start-2">
          <label htmlFor={`${c.id}-path`} className="sr-only">
            SCIM attribute path ({n})
          </label>
          <input
            id={`${c.id}-path`}
            value={c.path}
            onChange={(e) => onChange({ ...c, path: e.target.value })}
            placeholder="SCIM path, e.g. userType or urn:…:enterprise:2.0:User:costCenter"
            spellCheck={false}
            aria-invalid={attrError ? true : undefined}
            aria-describedby={attrError ? `${c.id}-attr-error` : undefined}
            className={cx(control, "font-mono text-[13px]", attrError ? bad : ok)}
          />
        </div>
      ) : null}
      {attrError ? (
        <p id={`${c.id}-attr-error`} className="col-span-3 col-start-2 text-sm text-red-700">
          {attrError}
        </p>
      ) : null}
      {valueError ? (
        <p id={`${c.id}-value-error`} className="col-span-3 col-start-2 text-sm text-red-700">
          {valueError}
        </p>
      ) : c.op === "in" ? (
        <p id={`${c.id}-value-hint`} className="col-span-3 col-start-2 text-xs text-slate-500">
          Separate values with commas.
        </p>
      ) : null}
    </li>
  );
};

export const RuleBuilder = ({ rules, onChange, errors }: Props) => {
  const setRule = (i: number, rule: TFormRule) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  return (
    <div className="space-y-3">
      {rules.length === 0 ? (
        <p className="rounded-lg border border-violet-200 bg-violet-50 px-4 py-3 text-sm text-violet-900" data-testid="no-rules">
          <span className="font-medium">No rules: this template applies to every new employee</span> that no template above it matches. Add a rule to pick employees by what
          your identity provider sends.
        </p>
      ) : null}
      {rules.map((rule, i) => (
        <div key={rule.id}>
          {i > 0 ? (
            <div className="my-3 flex items-center gap-3" aria-hidden>
              <span className="h-px flex-1 bg-slate-200" />
              <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-semibold tracking-wide text-slate-600">OR</span>
              <span className="h-px flex-1 bg-slate-200" />
            </div>
          ) : null}
          <fieldset className="rounded-lg border border-slate-200 bg-slate-50/60 p-4" data-testid="rule">
            <legend className="sr-only">Rule {i + 1}</legend>
            <div className="mb-3 flex items-center justify-between gap-3">
              <p className="text-sm font-semibold text-slate-900" aria-hidden>
                Rule {i + 1}
              </p>
              <button
                type="button"
                onClick={() => onChange(rules.filter((r) => r.id !== rule.id))}
                className="rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-red-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
              >
                Remove rule {i + 1}
              </button>
            </div>
            <ul className="space-y-2">
              {rule.conditions.map((c, j) => (
                <ConditionRow
                  key={c.id}
                  c={c}
                  index={j}
                  ruleIndex={i}
                  errors={errors}
                  canRemove={rule.conditions.length > 1}
                  onChange={(next) => setRule(i, { ...rule, conditions: rule.conditions.map((x) => (x.id === c.id ? next : x)) })}
                  onRemove={() => setRule(i, { ...rule, conditions: rule.conditions.filter((x) => x.id !== c.id) })}
                />
              ))}
            </ul>
            {errors[`rule:${rule.id}`] ? <p className="mt-2 text-sm text-red-700">{errors[`rule:${rule.id}`]}</p> : null}
            <button
              type="button"
              onClick={() => setRule(i, { ...rule, conditions: [...rule.conditions, newCondition()] })}
              disabled={rule.conditions.length >= 10}
              className="mt-3 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:opacity-50"
            >
              + And… (add a condition to rule {i + 1})
            </button>
          </fieldset>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => onChange([...rules, newRule()])} disabled={rules.length >= 20}>
        {rules.length ? "Add another rule (OR)" : "Add a rule"}
      </Button>
    </div>
  );
};
