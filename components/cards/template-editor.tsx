"use client";
// The card template editor: name, the fields the template puts on cards, the rules that pick
// employees, a live preview of the card and the employees the rules match.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Breadcrumb } from "@/components/breadcrumb";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Alert, Button, Card, cx, Field } from "@/components/ui";
import { templatesKey } from "@/hooks/use-templates";
import { requestJson } from "@/lib/client/fetch-json";
import { fieldLabel } from "@/lib/provisioning/card-fields";
import { describeRules, type TTemplateInput } from "@/lib/provisioning/templates";
import type { TTemplateDto, TTemplateEditPreview } from "@/lib/templates/dto";
import { BusinessCard } from "./business-card";
import { RuleBuilder } from "./rule-builder";
import { EXTRA_FIELD_KEYS, formRules, fromForm, MAIN_FIELD_KEYS, newId, toForm, validateForm, type TTemplateForm } from "./template-form";
import { TemplateMatches } from "./template-matches";

// What an IdP typically sends for someone, so the preview shows the template's fields in place.
const SAMPLE: Record<string, string> = {
  displayName: "Jordan Rivera",
  title: "Marketing Manager",
  department: "Marketing",
  company: "From your IdP",
  email: "jordan.rivera@example.com",
  phone: "+1 555 0100",
  mobile: "+1 555 0199",
  location: "New York",
};

const HINTS: Record<string, string> = {
  company: "Shown at the top of the card. Beats the company name your IdP sends.",
  companyLogoUrl: "An https:// address of a square image, e.g. https://acme.com/logo.png",
  website: "e.g. acme.com",
};

const inputClass = (error?: string) =>
  cx(
    "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:outline-none focus:ring-2",
    error ? "border-red-400 focus:ring-red-500" : "border-slate-300 focus:border-brand-500 focus:ring-brand-500",
  );

const n = (x: number) => x.toLocaleString("en-US");
const cardsWord = (x: number) => `${n(x)} ${x === 1 ? "card" : "cards"}`;

/** Before saving: what the edit of the fields will do to the cards that inherit the template. */
const EditImpact = ({ slug, templateId, fields }: { slug: string; templateId: string; fields: Record<string, string> }) => {
  const body = JSON.stringify(fields);
  const { data, error } = useQuery({
    queryKey: ["template-edit-preview", slug, templateId, body],
    queryFn: () => requestJson<TTemplateEditPreview>(`/api/w/${slug}/templates/${templateId}/preview-edit`, { method: "POST", body: { fields } }),
    staleTime: 5_000,
  });
  if (error) return null;
  if (!data) return <p className="text-sm text-slate-500">Counting the cards this changes…</p>;
  if (!data.changes.length) return null;
  if (data.cards === 0) return <p className="text-sm text-slate-600">No card inherits this template yet: saving changes no card.</p>;
  const verb = { added: "gets", changed: "changes to the new value", removed: "goes back to the identity provider's value" } as const;
  return (
    <div className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-slate-800" data-testid="template-edit-impact" role="status">
      <p className="font-medium">Saving updates the {cardsWord(data.cards)} that inherit this template:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {data.changes.map((c) => (
          <li key={c.key}>
            {c.label} {c.kind === "added" ? `is added on ${cardsWord(c.update)}` : `${verb[c.kind]} on ${cardsWord(c.update)}`}
            {c.keep ? `; ${cardsWord(c.keep)} ${c.keep === 1 ? "keeps its" : "keep their"} own value` : ""}.
          </li>
        ))}
      </ul>
    </div>
  );
};

const SectionHeading = ({ id, title, children }: { id: string; title: string; children?: ReactNode }) => (
  <div className="mb-4">
    <h2 id={id} className="text-base font-semibold">
      {title}
    </h2>
    {children ? <p className="mt-1 text-sm text-slate-600">{children}</p> : null}
  </div>
);

export const TemplateEditor = ({ slug, template, created }: { slug: string; template: TTemplateDto | null; created?: boolean }) => {
  const router = useRouter();
  const client = useQueryClient();
  const [saved, setSaved] = useState(() => toForm(template));
  const [form, setForm] = useState<TTemplateForm>(saved);
  // After the first attempt to save, problems show (and clear) as the admin types.
  const [submitted, setSubmitted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [createdNotice, setCreatedNotice] = useState(!!created);
  const [deleting, setDeleting] = useState(false);
  const base = `/w/${slug}/templates`;

  const dirty = useMemo(() => JSON.stringify(fromForm(form)) !== JSON.stringify(fromForm(saved)), [form, saved]);
  const rules = useMemo(() => formRules(form), [form]);
  const errors = useMemo(() => (submitted ? validateForm(form).errors : {}), [submitted, form]);
  const input = fromForm(form);
  const preview = { ...SAMPLE, ...Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v.trim() !== "")) };

  const save = useMutation({
    mutationFn: (body: TTemplateInput) =>
      template
        ? requestJson<{ template: TTemplateDto; cardsUpdated?: number }>(`/api/w/${slug}/templates/${template.id}`, { method: "PUT", body })
        : requestJson<{ template: TTemplateDto }>(`/api/w/${slug}/templates`, { method: "POST", body }),
    onSuccess: ({ template: t, ...rest }) => {
      void client.invalidateQueries({ queryKey: templatesKey(slug) });
      if (!template) {
        router.push(`${base}/${t.id}?created=1`);
        return;
      }
      const next = toForm(t);
      setSaved(next);
      setForm(next);
      const updated = (rest as { cardsUpdated?: number }).cardsUpdated ?? 0;
      setNotice(
        updated
          ? `Template saved. ${n(updated)} card ${updated === 1 ? "field was" : "fields were"} updated on the cards that inherit it.`
          : "Template saved. Cards that inherit it are up to date; new employees its rules match get it when they are provisioned.",
      );
    },
  });

  const remove = useMutation({
    mutationFn: () => requestJson(`/api/w/${slug}/templates/${template!.id}`, { method: "DELETE" }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: templatesKey(slug) });
      router.push(base);
      router.refresh();
    },
  });

  const set = (patch: Partial<TTemplateForm>) => {
    setNotice(null);
    setCreatedNotice(false);
    setForm((f) => ({ ...f, ...patch }));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { input: valid } = validateForm(form);
    setSubmitted(true);
    if (!valid) {
      setNotice(null);
      return;
    }
    save.mutate(valid);
  };

  const errorCount = Object.keys(errors).length;
  const usedKeys = new Set(form.extras.map((x) => x.key));

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: "Card templates", href: base }, { label: template ? saved.name : "New template" }]} />

      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{template ? saved.name : "New card template"}</h1>
          <p className="mt-1 text-slate-600">
            {template ? describeRules(template.rules) : "Pick who gets it with rules, and set the fields it puts on their business cards."}
          </p>
        </div>
        {template ? (
          <Button type="button" variant="secondary" className="shrink-0 whitespace-nowrap text-red-700" onClick={() => setDeleting(true)}>
            Delete template
          </Button>
        ) : null}
      </div>

      {createdNotice ? <Alert tone="success">Template created. New employees its rules match get it when they are provisioned.</Alert> : null}

      <form onSubmit={onSubmit} noValidate aria-label="Card template" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
        <div className="min-w-0 space-y-6">
          <Card>
            <Field label="Template name" id="template-name" name="name" value={form.name} maxLength={80} onChange={(e) => set({ name: e.target.value })} error={errors.name} placeholder="e.g. Marketing team" />
          </Card>

          <Card>
            <section aria-labelledby="fields-heading">
              <SectionHeading id="fields-heading" title="Card fields">
                Cards that inherit this template show these values: they win over what the identity provider sends, and editing them here updates every such card —
                except fields set on a card by an admin or the employee. Leave a field empty to keep the IdP&apos;s value.
              </SectionHeading>
              <div className="grid gap-4 sm:grid-cols-2">
                {MAIN_FIELD_KEYS.filter((k) => k !== "address").map((key) => (
                  <Field
                    key={key}
                    label={fieldLabel(key)}
                    id={`field-${key}`}
                    value={form.main[key]}
                    onChange={(e) => set({ main: { ...form.main, [key]: e.target.value } })}
                    error={errors[`field:${key}`]}
                    hint={HINTS[key]}
                    inputMode={key === "company" ? undefined : "url"}
                    spellCheck={key === "company"}
                  />
                ))}
                <div className="space-y-1 sm:col-span-2">
                  <label htmlFor="field-address" className="block text-sm font-medium text-slate-700">
                    {fieldLabel("address")}
                  </label>
                  <textarea
                    id="field-address"
                    rows={2}
                    value={form.main.address}
                    onChange={(e) => set({ main: { ...form.main, address: e.target.value } })}
                    aria-invalid={errors["field:address"] ? true : undefined}
                    className={inputClass(errors["field:address"])}
                    placeholder={"1 Market Street\nSan Francisco, CA 94105"}
                  />
                  {errors["field:address"] ? <p className="text-sm text-red-700">{errors["field:address"]}</p> : null}
                </div>
              </div>

              {form.extras.length ? (
                <ul className="mt-5 space-y-3 border-t border-slate-100 pt-5" aria-label="More fields">
                  {form.extras.map((x) => {
                    const error = errors[`extra:${x.id}`];
                    const update = (patch: Partial<typeof x>) => set({ extras: form.extras.map((y) => (y.id === x.id ? { ...y, ...patch } : y)) });
                    return (
                      <li key={x.id} className="space-y-1">
                        <div className="flex flex-wrap items-start gap-2">
                          <div className="w-48">
                            <label htmlFor={`${x.id}-key`} className="sr-only">
                              Field
                            </label>
                            <select
                              id={`${x.id}-key`}
                              value={x.custom ? "__custom" : x.key}
                              onChange={(e) => (e.target.value === "__custom" ? update({ custom: true, key: "" }) : update({ custom: false, key: e.target.value }))}
                              className={inputClass()}
                            >
                              <option value="">Pick a field…</option>
                              {EXTRA_FIELD_KEYS.filter((k) => k === x.key || !usedKeys.has(k)).map((k) => (
                                <option key={k} value={k}>
                                  {fieldLabel(k)}
                                </option>
                              ))}
                              <option value="__custom">Custom field…</option>
                            </select>
                          </div>
                          {x.custom ? (
                            <div className="w-44">
                              <label htmlFor={`${x.id}-name`} className="sr-only">
                                Custom field name
                              </label>
                              <input id={`${x.id}-name`} value={x.key} onChange={(e) => update({ key: e.target.value })} placeholder="e.g. pronouns" spellCheck={false} className={cx(inputClass(error), "font-mono text-[13px]")} />
                            </div>
                          ) : null}
                          <div className="min-w-[12rem] flex-1">
                            <label htmlFor={`${x.id}-value`} className="sr-only">
                              Value of {x.key ? fieldLabel(x.key) : "the field"}
                            </label>
                            <input id={`${x.id}-value`} value={x.value} onChange={(e) => update({ value: e.target.value })} placeholder="Value" className={inputClass()} />
                          </div>
                          <button
                            type="button"
                            onClick={() => set({ extras: form.extras.filter((y) => y.id !== x.id) })}
                            className="rounded-md px-2 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-red-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                          >
                            Remove<span className="sr-only"> {x.key ? fieldLabel(x.key) : "field"}</span>
                          </button>
                        </div>
                        {error ? <p className="text-sm text-red-700">{error}</p> : null}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              <button
                type="button"
                onClick={() => set({ extras: [...form.extras, { id: newId(), key: "", custom: false, value: "" }] })}
                className="mt-4 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
              >
                + Add a field
              </button>
            </section>
          </Card>

          <Card>
            <section aria-labelledby="rules-heading">
              <SectionHeading id="rules-heading" title="Who gets this template">
                A new employee gets the first template, in the list&apos;s order, whose rules match. Any rule may match (OR); every condition of a rule must hold (AND).
                Values compare without regard to case. Rules read what cards show: when Settings does not apply the identity provider&apos;s department or location, no
                one matches a rule on it (a SCIM attribute path reads what the IdP sent).
              </SectionHeading>
              <RuleBuilder rules={form.rules} onChange={(r) => set({ rules: r })} errors={errors} />
            </section>
          </Card>

          {template && dirty && JSON.stringify(input.fields) !== JSON.stringify(fromForm(saved).fields) && validateForm(form).input ? (
            <EditImpact slug={slug} templateId={template.id} fields={input.fields} />
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={save.isPending || (!!template && !dirty)}>
              {save.isPending ? "Saving…" : template ? "Save changes" : "Create template"}
            </Button>
            <Link href={base} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
              {template && !dirty ? "Back to templates" : "Cancel"}
            </Link>
            {template && dirty ? <span className="text-sm text-amber-800">Unsaved changes</span> : null}
          </div>
          {errorCount ? <Alert>{errorCount === 1 ? "One field needs a fix" : `${errorCount} fields need a fix`} before the template can be saved.</Alert> : null}
          {save.error ? <Alert>{save.error.message}</Alert> : null}
          {notice ? <Alert tone="success">{notice}</Alert> : null}
        </div>

        <aside aria-labelledby="preview-heading" className="lg:sticky lg:top-6 lg:self-start">
          <h2 id="preview-heading" className="mb-1 text-base font-semibold">
            Live preview
          </h2>
          <p className="mb-4 text-sm text-slate-600">A sample employee&apos;s card with this template&apos;s fields on top of what their identity provider sends.</p>
          <div className="flex justify-center rounded-xl border border-slate-200 bg-slate-100/70 p-5">
            <BusinessCard fields={preview} />
          </div>
        </aside>
      </form>

      <Card>
        <section aria-labelledby="matches-heading">
          <SectionHeading id="matches-heading" title="Employees these rules match">
            Check the rules against the employees you already have. Templates are chosen at first provisioning only; to give existing employees this template, assign it by
            hand — their cards then inherit it.
          </SectionHeading>
          <TemplateMatches slug={slug} templateId={template?.id ?? null} templateName={saved.name || "this template"} rules={rules} dirty={dirty} fieldKeys={Object.keys(fromForm(saved).fields).filter((k) => fromForm(saved).fields[k])} />
        </section>
      </Card>

      {template ? (
        <ConfirmDialog
          open={deleting}
          title={`Delete “${saved.name}”?`}
          confirmLabel="Delete template"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onCancel={() => {
            remove.reset();
            setDeleting(false);
          }}
          onConfirm={() => remove.mutate()}
        >
          <p>New employees will no longer get it. Cards it already filled keep their values.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
};
