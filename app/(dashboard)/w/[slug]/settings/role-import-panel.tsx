"use client";
// Settings → "Roles from your identity provider": whether the IdP decides employees' roles, where
// it says so (its `roles` attribute, group rules) and what an unknown role gives. Saved whole.
import { useState, type FormEvent } from "react";
import { SwitchField } from "@/components/switch-field";
import { Alert, Button, Card, cx } from "@/components/ui";
import { useRoleImport, useSaveRoleImport } from "@/hooks/use-role-import";
import { ApiError } from "@/lib/client/fetch-json";
import { Section } from "./settings-section";
import type { TRoleImportSettings, TRoleSourceOrder } from "@/lib/provisioning/roles";
import type { TRoleOption } from "@/lib/workspaces/settings";

type Props = { slug: string; initial: TRoleImportSettings; roles: TRoleOption[]; groups: string[]; defaultRole: string };

const SOURCE_ORDERS: { value: TRoleSourceOrder; label: string }[] = [
  { value: "scim,groups", label: "The IdP’s roles attribute first, then group rules" },
  { value: "groups,scim", label: "Group rules first, then the IdP’s roles attribute" },
];

const SELECT = "block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";

const SmallButton = ({ label, children, onClick, disabled, danger }: { label: string; children: string; onClick: () => void; disabled?: boolean; danger?: boolean }) => (
  <button
    type="button"
    aria-label={label}
    title={label}
    onClick={onClick}
    disabled={disabled}
    className={cx(
      "rounded-md border bg-white px-2.5 py-1.5 text-xs font-medium shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-not-allowed disabled:opacity-40",
      danger ? "border-red-200 text-red-700 hover:bg-red-50" : "border-slate-300 text-slate-700 hover:bg-slate-50",
    )}
  >
    {children}
  </button>
);

export const RoleImportPanel = ({ slug, initial, roles, groups, defaultRole }: Props) => {
  const { data: saved = initial } = useRoleImport(slug, initial);
  const save = useSaveRoleImport(slug);
  const [values, setValues] = useState<TRoleImportSettings>(saved);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const defaultName = roles.find((r) => r.key === defaultRole)?.name ?? defaultRole;
  const firstOther = roles.find((r) => r.key !== defaultRole)?.key ?? roles[0]?.key ?? "";

  const update = (next: Partial<TRoleImportSettings>) => {
    setResult(null);
    setFieldErrors({});
    setValues((v) => ({ ...v, ...next }));
  };
  const setRule = (i: number, rule: Partial<TRoleImportSettings["rules"][number]>) => update({ rules: values.rules.map((r, j) => (j === i ? { ...r, ...rule } : r)) });
  const move = (i: number, by: -1 | 1) => {
    const rules = [...values.rules];
    [rules[i], rules[i + by]] = [rules[i + by]!, rules[i]!];
    update({ rules });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(values, {
      onSuccess: (stored) => {
        setValues(stored);
        setResult({ tone: "success", text: "Role settings saved. They apply from the next request your IdP sends." });
      },
      onError: (err) => {
        setFieldErrors(err instanceof ApiError ? err.fieldErrors : {});
        setResult({ tone: "error", text: err.message });
      },
    });
  };

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-labelledby="role-import-title">
        <h2 id="role-import-title" className="text-lg font-semibold">
          Roles from your identity provider
        </h2>
        <div className="mt-6 divide-y divide-slate-100">
          <Section title="Import" description="Let the IdP decide which role each employee holds: from the roles it sends (Entra app roles, Okta roles) or from the groups they are in.">
            <div className="-my-4">
              <SwitchField
                id="importRoles"
                label="Import users to custom roles"
                checked={values.importRoles}
                onChange={(v) => update({ importRoles: v })}
                description={
                  <>
                    When the IdP names a role or a group rule matches, that role replaces the employee’s current one — a role an admin set by hand too. When it names none, a role an admin set stays and a role that came from the IdP falls back to the default role ({defaultName}). Switched off, new employees get the default role and syncs never change a role.
                  </>
                }
              />
            </div>
          </Section>

          <Section title="Where roles come from" description="The first source that names a role Muster has decides.">
            <fieldset>
              <legend className="sr-only">Where roles come from</legend>
              <div className="space-y-2">
                {SOURCE_ORDERS.map((o) => (
                  <label key={o.value} className="flex items-start gap-2 text-sm text-slate-700">
                    <input type="radio" name="roleSources" value={o.value} checked={values.roleSources === o.value} onChange={() => update({ roleSources: o.value })} className="mt-0.5" />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </Section>

          <Section title="Unknown roles" description="When the IdP names a role Muster does not have.">
            <fieldset>
              <legend className="sr-only">When the IdP names a role Muster does not have</legend>
              <div className="space-y-2">
                <label className="flex items-start gap-2 text-sm text-slate-700">
                  <input type="radio" name="unknownRole" checked={values.unknownRole === ""} onChange={() => update({ unknownRole: "" })} className="mt-0.5" />
                  <span>Use the workspace’s default ({defaultName})</span>
                </label>
                <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <label className="flex items-start gap-2">
                    <input type="radio" name="unknownRole" checked={values.unknownRole !== ""} onChange={() => update({ unknownRole: values.unknownRole || firstOther })} className="mt-0.5" />
                    <span>Provision to role</span>
                  </label>
                  <select
                    aria-label="Role for unknown IdP roles"
                    value={values.unknownRole}
                    disabled={values.unknownRole === ""}
                    onChange={(e) => update({ unknownRole: e.target.value })}
                    className={cx(SELECT, "w-48 max-w-full disabled:bg-slate-50 disabled:text-slate-400")}
                  >
                    {values.unknownRole === "" ? <option value="">Choose a role</option> : null}
                    {roles.map((r) => (
                      <option key={r.key} value={r.key}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {fieldErrors.unknownRole ? <p className="mt-1 text-sm text-red-700">{fieldErrors.unknownRole}</p> : null}
            </fieldset>
          </Section>

          <Section title="Group rules" description="Members of a group get its role. Rules are checked from the top; the first group an employee is in wins. Group names match the IdP’s group display name, ignoring case.">
            <h3 className="sr-only" id="role-rules-title">
              Group rules
            </h3>
            {values.rules.length === 0 ? (
              <p className="rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">No group rules yet.</p>
            ) : (
              <ol className="space-y-2" aria-labelledby="role-rules-title">
                {values.rules.map((rule, i) => (
                  <li key={i} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
                    <span className="shrink-0 text-slate-500" aria-hidden>
                      {i + 1}. Members of
                    </span>
                    <input
                      id={`rule-${i}-group`}
                      aria-label={`Members of group (rule ${i + 1})`}
                      list="role-rule-groups"
                      value={rule.groupName}
                      maxLength={200}
                      placeholder="Group name"
                      onChange={(e) => setRule(i, { groupName: e.target.value })}
                      className={cx(SELECT, "min-w-0 flex-1 basis-36")}
                    />
                    <span aria-hidden>get</span>
                    <select id={`rule-${i}-role`} aria-label={`get role (rule ${i + 1})`} value={rule.role} onChange={(e) => setRule(i, { role: e.target.value })} className={cx(SELECT, "w-40 max-w-full")}>
                      {roles.map((r) => (
                        <option key={r.key} value={r.key}>
                          {r.name}
                        </option>
                      ))}
                    </select>
                    <span className="ml-auto flex gap-1">
                      <SmallButton label={`Move rule ${i + 1} up`} onClick={() => move(i, -1)} disabled={i === 0}>
                        ↑
                      </SmallButton>
                      <SmallButton label={`Move rule ${i + 1} down`} onClick={() => move(i, 1)} disabled={i === values.rules.length - 1}>
                        ↓
                      </SmallButton>
                      <SmallButton label={`Remove rule ${i + 1}`} onClick={() => update({ rules: values.rules.filter((_, j) => j !== i) })} danger>
                        Remove
                      </SmallButton>
                    </span>
                  </li>
                ))}
              </ol>
            )}
            <datalist id="role-rule-groups">
              {groups.map((g) => (
                <option key={g} value={g} />
              ))}
            </datalist>
            {fieldErrors.rules ? <p className="mt-1 text-sm text-red-700">{fieldErrors.rules}</p> : null}
            <div className="mt-3">
              <Button type="button" variant="secondary" onClick={() => update({ rules: [...values.rules, { groupName: "", role: firstOther }] })} disabled={values.rules.length >= 100}>
                Add group rule
              </Button>
            </div>
          </Section>
        </div>
        <div className="mt-6 flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 pt-5">
          {result ? <Alert tone={result.tone}>{result.text}</Alert> : dirty ? <span className="text-sm text-slate-500">You have unsaved changes.</span> : null}
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save role settings"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
