"use client";
// Declare or edit a custom attribute. The contract (lib/attributes/declaration.ts) checks the form
// before it is sent, so a person sees the same message the server would give.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/dialog";
import { Alert, Button, cx, Field } from "@/components/ui";
import { ATTRIBUTE_TYPES, EXTENSION_FORM, TYPE_LABELS, ZAttributeDeclaration, type TAttributeDto, type TAttributeType } from "@/lib/attributes/declaration";
import { ApiError, requestJson } from "@/lib/client/fetch-json";

export type TFormValues = { label: string; type: TAttributeType; scimPath: string; onCard: boolean };

type Props = { slug: string; attribute: TAttributeDto | null; initial: TFormValues; onClose: () => void; onSaved: (a: TAttributeDto, created: boolean) => void };

const TYPE_HINTS: Record<TAttributeType, string> = {
  string: "Any text.",
  boolean: "true or false.",
  date: "A date or date and time (ISO 8601).",
  number: "A decimal number.",
  reference: "The SCIM id of another employee (shown as their name).",
};

export const AttributeDialog = ({ slug, attribute, initial, onClose, onSaved }: Props) => {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const locked = attribute !== null && attribute.valueCount > 0;

  const save = useMutation({
    mutationFn: (v: TFormValues) =>
      attribute
        ? requestJson<{ attribute: TAttributeDto }>(`/api/w/${slug}/attributes/${attribute.id}`, {
            method: "PATCH",
            body: locked ? { label: v.label, onCard: v.onCard } : v,
          })
        : requestJson<{ attribute: TAttributeDto }>(`/api/w/${slug}/attributes`, { method: "POST", body: v }),
    onSuccess: ({ attribute: a }) => onSaved(a, attribute === null),
    onError: (err) => setErrors(err instanceof ApiError && Object.keys(err.fieldErrors).length ? err.fieldErrors : { form: err.message }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ZAttributeDeclaration.safeParse(values);
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const i of parsed.error.issues) out[String(i.path[0] ?? "form")] ??= i.message;
      return setErrors(out);
    }
    setErrors({});
    save.mutate({ ...values, label: values.label.trim(), scimPath: values.scimPath.trim() });
  };

  const set = <K extends keyof TFormValues>(k: K, v: TFormValues[K]) => setValues((cur) => ({ ...cur, [k]: v }));

  return (
    <Dialog
      open
      onClose={() => !save.isPending && onClose()}
      title={attribute ? `Edit “${attribute.label}”` : "New custom attribute"}
      description={attribute ? undefined : "Muster stores the attribute for every employee your identity provider sends it for."}
    >
      <form onSubmit={submit} noValidate className="space-y-4 [overflow-wrap:anywhere]">
        <Field label="Label" id="attr-label" name="label" value={values.label} maxLength={60} placeholder="e.g. Badge ID" onChange={(e) => set("label", e.target.value)} error={errors.label} hint="What admins and employees see, e.g. on the card." />

        <div className="space-y-1">
          <label htmlFor="attr-type" className="block text-sm font-medium text-slate-700">
            Type
          </label>
          <select
            id="attr-type"
            value={values.type}
            disabled={locked}
            aria-invalid={errors.type ? true : undefined}
            aria-describedby="attr-type-hint"
            onChange={(e) => set("type", e.target.value as TAttributeType)}
            className={cx("block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 disabled:bg-slate-50 disabled:text-slate-500", errors.type ? "border-red-400 focus:ring-red-500" : "border-slate-300 focus:border-brand-500 focus:ring-brand-500")}
          >
            {ATTRIBUTE_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          {errors.type ? (
            <p className="text-sm text-red-700">{errors.type}</p>
          ) : (
            <p id="attr-type-hint" className="text-xs text-slate-500">
              {TYPE_HINTS[values.type]} A value of another type is refused (SCIM 400 invalidValue).
            </p>
          )}
        </div>

        <Field
          label="SCIM attribute path"
          id="attr-path"
          name="scimPath"
          value={values.scimPath}
          disabled={locked}
          spellCheck={false}
          autoComplete="off"
          placeholder="urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId"
          onChange={(e) => set("scimPath", e.target.value)}
          error={errors.scimPath}
          hint={`What your identity provider writes: a SCIM attribute such as costCenter of the enterprise extension or addresses[type eq "work"].postalCode, or one of your own: ${EXTENSION_FORM}.`}
        />

        {locked ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {attribute!.valueCount.toLocaleString("en")} {attribute!.valueCount === 1 ? "employee has" : "employees have"} a value, read from this path as this type, so both stay as they are. To change them, delete the attribute and declare it again.
          </p>
        ) : null}

        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={values.onCard} onChange={(e) => set("onCard", e.target.checked)} className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600" />
          <span>
            <span className="font-medium text-slate-900">Show on employees’ cards</span>
            <span className="block text-slate-500">Linked to the identity provider and locked, like the other fields it sends.</span>
          </span>
        </label>

        {errors.form ? <Alert>{errors.form}</Alert> : null}

        <div className="flex justify-end gap-2 pt-2">
          <Button type="button" variant="secondary" onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : attribute ? "Save" : "Declare attribute"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};
