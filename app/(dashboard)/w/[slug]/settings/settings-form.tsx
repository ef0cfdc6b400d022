"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { SwitchField } from "@/components/switch-field";
import { Alert, Button, Card, Field } from "@/components/ui";
import type { TRoleOption, TWorkspaceSettings } from "@/lib/workspaces/settings";
import { saveSettings } from "./actions";
import { Section } from "./settings-section";

type Props = { slug: string; initial: TWorkspaceSettings; roles: TRoleOption[] };

/** One titled row of a settings card: what it is on the left, its controls on the right. */
export const SettingsForm = ({ slug, initial, roles }: Props) => {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof TWorkspaceSettings>(key: K, value: TWorkspaceSettings[K]) => {
    setResult(null);
    setFieldErrors(({ [key]: _fixed, ...rest }) => rest);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const role = roles.find((r) => r.key === values.defaultRole);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    startTransition(async () => {
      const res = await saveSettings(slug, values).catch(() => ({ ok: false as const, error: "Muster could not be reached. Please try again.", fieldErrors: undefined }));
      if (!res.ok) {
        setFieldErrors(res.fieldErrors ?? {});
        setResult({ tone: "error", text: res.error });
        return;
      }
      setFieldErrors({});
      setValues(res.data);
      setSaved(res.data);
      setResult({ tone: "success", text: "Settings saved." });
      router.refresh();
    });
  };

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-labelledby="workspace-settings-title">
        <h2 id="workspace-settings-title" className="text-lg font-semibold">
          Workspace
        </h2>
        <div className="mt-6 divide-y divide-slate-100">
          <Section title="General" description="How this workspace is named in Muster.">
            <div className="max-w-md">
              <Field label="Workspace name" name="name" value={values.name} maxLength={80} onChange={(e) => set("name", e.target.value)} error={fieldErrors.name} />
            </div>
          </Section>
          <Section title="Attributes from your identity provider" description="Choose which IdP attributes Muster applies to employees. Switched off, the value in Muster is kept as it is.">
            <div className="-my-4 divide-y divide-slate-100">
              <SwitchField
                id="applyLocation"
                label="Apply location"
                checked={values.applyLocation}
                onChange={(v) => set("applyLocation", v)}
                description="Sets each employee’s location from the IdP’s enterprise location attribute, or else the city of their work address."
              />
              <SwitchField
                id="applyDepartment"
                label="Apply department"
                checked={values.applyDepartment}
                onChange={(v) => set("applyDepartment", v)}
                description="Sets each employee’s department from the IdP’s enterprise department attribute."
              />
              <SwitchField
                id="applyManager"
                label="Apply manager"
                checked={values.applyManager}
                onChange={(v) => set("applyManager", v)}
                description="Builds the reporting line from the IdP’s manager attribute (a Muster id, userName or email)."
              />
            </div>
          </Section>
          <Section title="New employees" description="What happens when the IdP provisions someone new.">
            <div className="-mt-4 divide-y divide-slate-100">
              <SwitchField
                id="sendActivationEmails"
                label="Send activation emails"
                checked={values.sendActivationEmails}
                onChange={(v) => set("sendActivationEmails", v)}
                description="Emails each newly provisioned employee a link to activate their card. Switched off, nobody is emailed and they stay pending activation."
              />
              <div className="pt-4">
                <label htmlFor="defaultRole" className="block text-sm font-medium text-slate-900">
                  Default role
                </label>
                <select
                  id="defaultRole"
                  name="defaultRole"
                  value={values.defaultRole}
                  onChange={(e) => set("defaultRole", e.target.value)}
                  aria-describedby="defaultRole-description"
                  className="mt-1 block w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
                >
                  {roles.map((r) => (
                    <option key={r.key} value={r.key}>
                      {r.name}
                    </option>
                  ))}
                </select>
                <p id="defaultRole-description" className="mt-1 text-sm text-slate-600">
                  {role?.description ? `${role.description} ` : ""}New employees start with this role unless roles come from your identity provider (next section); existing employees keep theirs. Admins are not employees’ roles — they are managed below.
                </p>
                {fieldErrors.defaultRole ? <p className="mt-1 text-sm text-red-700">{fieldErrors.defaultRole}</p> : null}
              </div>
            </div>
          </Section>
        </div>
        <div className="mt-6 flex items-center justify-end gap-3 border-t border-slate-100 pt-5">
          {result ? <Alert tone={result.tone}>{result.text}</Alert> : dirty ? <span className="text-sm text-slate-500">You have unsaved changes.</span> : null}
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save settings"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
