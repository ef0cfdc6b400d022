"use client";
// The employee's card with a live preview: unlocked fields are inputs, locked ones are shown
// read-only as managed by the company. Only changed fields are sent.
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { BusinessCard } from "@/components/cards/business-card";
import { Alert, Button, Field } from "@/components/ui";
import { fieldLabel, type TCardFieldRow } from "@/lib/provisioning/card-fields";
import { ApiError, requestJson } from "@/lib/client/fetch-json";

const INPUT_TYPES: Record<string, string> = { email: "email", phone: "tel", mobile: "tel", photoUrl: "url", companyLogoUrl: "url", website: "url" };
const AUTOCOMPLETE: Record<string, string> = { displayName: "name", givenName: "given-name", familyName: "family-name", title: "organization-title", company: "organization", email: "email", phone: "tel", mobile: "tel", website: "url" };

const LockIcon = () => (
  <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" className="h-4 w-4 shrink-0 text-slate-400">
    <path d="M6 9V6.5a4 4 0 1 1 8 0V9M5 9h10a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1Z" />
  </svg>
);

// readOnlyReason: the employee's role does not allow editing (editCard), so every field is shown
// read-only with that sentence; the route refuses edits too.
type Props = { fields: TCardFieldRow[]; preview: React.ReactNode; readOnlyReason?: string | null };

export const CardForm = ({ fields, preview, readOnlyReason = null }: Props) => {
  const router = useRouter();
  const initial = useMemo(() => Object.fromEntries(fields.map((f) => [f.key, f.value ?? ""])), [fields]);
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  const editable = readOnlyReason ? [] : fields.filter((f) => !f.locked);
  const locked = readOnlyReason ? fields : fields.filter((f) => f.locked);
  const changed = Object.fromEntries(editable.filter((f) => (values[f.key] ?? "") !== (initial[f.key] ?? "")).map((f) => [f.key, values[f.key] ?? ""]));
  const dirty = Object.keys(changed).length > 0;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!dirty) return;
    setPending(true);
    setMessage(null);
    try {
      await requestJson("/api/me/card", { method: "PATCH", body: { fields: changed } });
    } catch (err) {
      setPending(false);
      setErrors(err instanceof ApiError ? err.fieldErrors : {});
      return setMessage({ tone: "error", text: err instanceof Error ? err.message : "Something went wrong." });
    }
    setPending(false);
    setErrors({});
    setMessage({ tone: "success", text: "Saved. Your card shows your changes." });
    router.refresh();
  };

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[420px_minmax(0,1fr)]">
      <div className="space-y-6">
        <BusinessCard fields={{ ...Object.fromEntries(fields.map((f) => [f.key, f.value])), ...values }} />
        {preview}
      </div>

      <section aria-labelledby="details-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="details-heading" className="text-base font-semibold">
          Your details
        </h2>
        <p className="mt-1 text-sm text-slate-600" data-testid="card-edit-note">
          {readOnlyReason ??
            (editable.length
            ? "You can change the fields below; the card on the left shows your changes as you type. Once you change a field, it keeps your value when your company's directory changes."
              : "Your company manages every field of your card. Ask your admin if something is wrong.")}
        </p>

        {editable.length ? (
          <form onSubmit={onSubmit} noValidate className="mt-5 space-y-4" aria-label="Fields you can change">
            {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
            {editable.map((f) => (
              <Field
                key={f.key}
                id={`field-${f.key}`}
                name={f.key}
                label={fieldLabel(f.key)}
                type={INPUT_TYPES[f.key] ?? "text"}
                autoComplete={AUTOCOMPLETE[f.key] ?? "off"}
                value={values[f.key] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                error={errors[f.key]}
                hint={f.source === "muster" ? "Your own value." : "From your company's directory until you change it."}
              />
            ))}
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={!dirty || pending}>
                {pending ? "Saving…" : "Save changes"}
              </Button>
              {dirty ? (
                <Button type="button" variant="secondary" onClick={() => (setValues(initial), setErrors({}), setMessage(null))} disabled={pending}>
                  Undo changes
                </Button>
              ) : null}
            </div>
          </form>
        ) : null}

        {locked.length ? (
          <div className="mt-6 border-t border-slate-100 pt-5">
            <h3 className="text-sm font-semibold text-slate-900">Managed by your company</h3>
            <dl className="mt-3 divide-y divide-slate-100">
              {locked.map((f) => (
                <div key={f.key} className="flex items-start gap-3 py-2.5" data-testid={`locked-${f.key}`}>
                  <LockIcon />
                  <dt className="w-36 shrink-0 text-sm text-slate-500">{fieldLabel(f.key)}</dt>
                  <dd className="min-w-0 flex-1 whitespace-pre-line break-words text-sm text-slate-900">
                    {f.value || <span className="text-slate-400">—</span>}
                    <span className="sr-only"> (managed by your company)</span>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
      </section>
    </div>
  );
};
