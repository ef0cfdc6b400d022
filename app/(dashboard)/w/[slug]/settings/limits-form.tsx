"use client";
// Seat limit and required attributes: what the workspace accepts from the IdP, the CSV import and
// the "Add employee" form. Saved on its own, apart from the workspace settings above it.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Alert, Button, Card, Field } from "@/components/ui";
import { REQUIRED_ATTRIBUTES } from "@/lib/provisioning/required";
import type { TDirectoryLimits } from "@/lib/workspaces/limits";
import { saveDirectoryLimits } from "./limits-actions";
import { Section } from "./settings-section";

type Props = { slug: string; initial: TDirectoryLimits; seatsUsed: number; meter: ReactNode };

export const LimitsForm = ({ slug, initial, seatsUsed, meter }: Props) => {
  const router = useRouter();
  const [limitText, setLimitText] = useState(initial.seatLimit === null ? "" : String(initial.seatLimit));
  const [required, setRequired] = useState<string[]>(initial.requiredAttributes);
  const [saved, setSaved] = useState(initial);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  const seatLimit = limitText.trim() === "" ? null : Number(limitText);
  const values: TDirectoryLimits = { seatLimit: seatLimit !== null && Number.isFinite(seatLimit) ? seatLimit : Number.NaN, requiredAttributes: required };
  const dirty = limitText.trim() !== (saved.seatLimit === null ? "" : String(saved.seatLimit)) || JSON.stringify([...required].sort()) !== JSON.stringify([...saved.requiredAttributes].sort());
  const below = seatLimit !== null && Number.isInteger(seatLimit) && seatLimit > 0 && seatLimit < seatsUsed;

  const toggle = (key: string, on: boolean) => {
    setResult(null);
    setRequired((r) => (on ? [...r, key] : r.filter((k) => k !== key)));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    startTransition(async () => {
      const res = await saveDirectoryLimits(slug, values).catch(() => ({ ok: false as const, error: "Muster could not be reached. Please try again.", fieldErrors: undefined }));
      if (!res.ok) {
        setFieldErrors(res.fieldErrors ?? {});
        setResult({ tone: "error", text: res.error });
        return;
      }
      setFieldErrors({});
      setSaved(res.data);
      setLimitText(res.data.seatLimit === null ? "" : String(res.data.seatLimit));
      setRequired(res.data.requiredAttributes);
      setResult({ tone: "success", text: "Seats and required attributes saved." });
      router.refresh();
    });
  };

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-labelledby="limits-title">
        <h2 id="limits-title" className="text-lg font-semibold">
          Seats and required attributes
        </h2>
        <div className="mt-6 divide-y divide-slate-100">
          <Section
            title="Seat limit"
            description="Employees who are not archived take a seat. Beyond the limit, a new employee or a re-activation is refused — from the IdP, a CSV import or the dashboard — and nothing is written."
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="max-w-xs">
                <Field
                  label="Maximum seats"
                  name="seatLimit"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  placeholder="No limit"
                  value={limitText}
                  onChange={(e) => {
                    setResult(null);
                    setLimitText(e.target.value);
                  }}
                  error={fieldErrors.seatLimit}
                  hint="Leave empty for no limit."
                />
                {below ? (
                  <p className="mt-2 text-sm text-amber-800" role="status">
                    {seatsUsed.toLocaleString("en")} seats are taken already: nobody is archived, but no one new is added until fewer than {seatLimit!.toLocaleString("en")} seats are taken.
                  </p>
                ) : null}
              </div>
              {meter}
            </div>
          </Section>
          <Section
            title="Required attributes"
            description="What every new employee must have. Your IdP gets a 400 error naming the missing attribute and the mapping that provides it; employees already here are not affected."
          >
            <fieldset>
              <legend className="sr-only">Attributes a new employee must have</legend>
              <ul className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                {REQUIRED_ATTRIBUTES.map((a) => {
                  const id = `required-${a.key}`;
                  return (
                    <li key={a.key} className="flex items-start gap-3">
                      <input
                        id={id}
                        type="checkbox"
                        checked={required.includes(a.key)}
                        onChange={(e) => toggle(a.key, e.target.checked)}
                        aria-describedby={`${id}-hint`}
                        className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                      />
                      <div className="min-w-0">
                        <label htmlFor={id} className="text-sm font-medium text-slate-900">
                          {a.label}
                        </label>
                        <p id={`${id}-hint`} className="break-words text-xs text-slate-500">
                          <code className="font-mono">{a.scim.replace("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:", "enterprise:")}</code> · Entra: {a.entra}
                          {a.manual ? "" : " · IdP only (hand-added employees have no such field)"}
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ul>
              {fieldErrors.requiredAttributes ? <p className="mt-2 text-sm text-red-700">{fieldErrors.requiredAttributes}</p> : null}
            </fieldset>
          </Section>
        </div>
        <div className="mt-6 flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 pt-5">
          {result ? <Alert tone={result.tone}>{result.text}</Alert> : dirty ? <span className="text-sm text-slate-500">You have unsaved changes.</span> : null}
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save seats and attributes"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
