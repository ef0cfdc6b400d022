"use client";
// An employee's business card for admins: every field with where its value comes from (the
// identity provider, the card's template, or set in Muster) and whether the employee may edit it
// (locked), and the controls to edit, unlock, lock, relink to the IdP or reset to the template.
// Editing or unlocking a field makes it the card's own; the card's template can be changed here.
// On a phone each field is a block (name, value, then where it comes from beside its buttons).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ButtonHTMLAttributes, type FormEvent } from "react";
import { Alert, Badge, Button, cx } from "@/components/ui";
import { useAssignCardTemplate, useCard, useCardFieldChange } from "@/hooks/use-card";
import { templatesKey } from "@/hooks/use-templates";
import { requestJson } from "@/lib/client/fetch-json";
import type { TCardDto, TCardFieldChange, TCardFieldDto } from "@/lib/cards/editor";
import type { TTemplateDto } from "@/lib/templates/dto";
import { BusinessCard } from "./business-card";

type Props = { slug: string; employeeId: string; /** Heading level of the section title (2 on the employee page). */ headingLevel?: 2 | 3 };

const LockIcon = ({ open }: { open?: boolean }) => (
  <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" className="h-3.5 w-3.5">
    <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
    <path d={open ? "M7 9V6.5a3 3 0 0 1 5.8-1.1" : "M7 9V6.5a3 3 0 0 1 6 0V9"} />
  </svg>
);

const RowButton = ({ className, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) => (
  <button
    type="button"
    className={cx(
      "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-not-allowed disabled:opacity-50",
      className,
    )}
    {...props}
  />
);

const LinkButton = ({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled: boolean; children: string }) => (
  <button
    type="button"
    onClick={onClick}
    disabled={disabled}
    aria-label={label}
    className="block rounded-sm text-xs font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:opacity-50"
  >
    {children}
  </button>
);

const Other = ({ label, value }: { label: string; value: string | null }) => (
  <p className="max-w-[12rem] truncate text-xs text-slate-500" title={value ?? ""}>
    {label}: {value ?? "(empty)"}
  </p>
);

/** Where the field's value comes from, in words, and the way back to the IdP's or the template's value. */
const SourceState = ({ f, card, onRun, disabled }: { f: TCardFieldDto; card: TCardDto; onRun: (c: TCardFieldChange) => void; disabled: boolean }) => {
  if (!f.onCard) return <span className="text-xs text-slate-500">Not on the card</span>;
  const template = card.template?.name ?? "the template";
  const reset =
    f.templateValue !== null && f.source !== "template" ? (
      <>
        {f.templateValue !== f.value ? <Other label="Template" value={f.templateValue} /> : null}
        <LinkButton label={`Reset ${f.label} to the template`} onClick={() => onRun({ action: "inherit" })} disabled={disabled}>
          Reset to template
        </LinkButton>
      </>
    ) : null;
  if (f.source === "template")
    return (
      <span title={`Inherited from the template “${template}”: edits of the template reach this card`}>
        <Badge tone="blue">From template</Badge>
      </span>
    );
  if (f.source === "idp") {
    if (f.switchedOff)
      return (
        <span title="A workspace setting keeps this IdP attribute off cards">
          <Badge tone="gray">IdP value off</Badge>
        </span>
      );
    return (
      <div className="space-y-0.5">
        {card.employee.idpOwned ? <Badge tone="green">From the IdP</Badge> : <Badge tone="gray">From the profile</Badge>}
        {reset}
      </div>
    );
  }
  return (
    <div className="space-y-0.5">
      <Badge tone="amber">Set in Muster</Badge>
      {reset}
      {f.fromIdp ? (
        <>
          {f.idpValue !== f.value && f.templateValue === null ? <Other label="IdP" value={f.idpValue} /> : null}
          <LinkButton label={`Relink ${f.label} to the identity provider`} onClick={() => onRun({ action: "relink" })} disabled={disabled}>
            Relink to IdP
          </LinkButton>
        </>
      ) : null}
    </div>
  );
};

/** The template the card inherits, and a way to change it. */
const TemplatePicker = ({ slug, employeeId, card }: { slug: string; employeeId: string; card: TCardDto }) => {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(card.template?.id ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const assign = useAssignCardTemplate(slug, employeeId);
  const templates = useQuery({
    queryKey: templatesKey(slug),
    queryFn: async () => (await requestJson<{ templates: TTemplateDto[] }>(`/api/w/${slug}/templates`)).templates,
    enabled: open,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    assign.mutate(choice || null, {
      onSuccess: ({ message: m }) => {
        setMessage(m);
        setOpen(false);
      },
    });
  };
  return (
    <div className="shrink-0 text-sm text-slate-600 sm:max-w-xs sm:text-right" data-testid="card-template">
      {open ? (
        <form onSubmit={submit} className="flex flex-wrap items-center gap-2 sm:justify-end">
          <label htmlFor="card-template-select" className="text-sm text-slate-700">
            Template
          </label>
          <select
            id="card-template-select"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
          >
            <option value="">No template</option>
            {(templates.data ?? (card.template ? [{ id: card.template.id, name: card.template.name }] : [])).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <Button type="submit" className="px-3 py-1 text-xs" disabled={assign.isPending || templates.isPending}>
            {assign.isPending ? "Assigning…" : "Assign"}
          </Button>
          <Button type="button" variant="secondary" className="px-3 py-1 text-xs" onClick={() => setOpen(false)} disabled={assign.isPending}>
            Cancel
          </Button>
          {assign.error ? <p className="w-full text-sm text-red-700">{assign.error.message}</p> : null}
        </form>
      ) : (
        <p>
          Template:{" "}
          {card.template ? (
            <Link href={`/w/${slug}/templates/${card.template.id}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600">
              {card.template.name}
            </Link>
          ) : (
            <span className="text-slate-500">none</span>
          )}{" "}
          <button
            type="button"
            onClick={() => {
              setChoice(card.template?.id ?? "");
              setMessage(null);
              setOpen(true);
            }}
            className="rounded-sm text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            Change<span className="sr-only"> the card&apos;s template</span>
          </button>
        </p>
      )}
      {message ? (
        <p role="status" className="mt-1 text-xs text-emerald-800">
          {message}
        </p>
      ) : null}
    </div>
  );
};

const EditRow = ({ f, pending, onSave, onCancel }: { f: TCardFieldDto; pending: boolean; onSave: (value: string) => void; onCancel: () => void }) => {
  const [value, setValue] = useState(f.value ?? "");
  const id = `card-edit-${f.key}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(value);
  };
  return (
    <form onSubmit={submit} className="space-y-2" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <label htmlFor={id} className="sr-only">
        {f.label}
      </label>
      {f.key === "address" ? (
        <textarea id={id} rows={3} value={value} autoFocus onChange={(e) => setValue(e.target.value)} className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500" />
      ) : (
        <input id={id} value={value} autoFocus onChange={(e) => setValue(e.target.value)} className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500" />
      )}
      {f.source === "template" ? <p className="text-xs text-amber-800">Saving makes this value the card&apos;s own: later edits of the template no longer reach it.</p> : null}
      {f.source === "idp" && f.fromIdp ? <p className="text-xs text-amber-800">Saving makes this value the card&apos;s own: later changes in the identity provider no longer reach it.</p> : null}
      <div className="flex gap-2">
        <Button type="submit" className="px-3 py-1 text-xs" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button type="button" variant="secondary" className="px-3 py-1 text-xs" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
};

export const CardEditor = ({ slug, employeeId, headingLevel = 2 }: Props) => {
  const { data: card, error, isPending } = useCard(slug, employeeId);
  const change = useCardFieldChange(slug, employeeId);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  const run = (key: string, c: TCardFieldChange) => {
    setNotice(null);
    change.mutate(
      { key, change: c },
      {
        onSuccess: ({ message }) => {
          setEditing(null);
          setNotice({ tone: "success", text: message });
        },
        onError: (err) => setNotice({ tone: "error", text: err.message }),
      },
    );
  };

  return (
    <section aria-labelledby="card-editor-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="card-editor">
      <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <Heading id="card-editor-heading" className="text-base font-semibold">
            Business card
          </Heading>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Each field comes <span className="font-medium text-slate-800">from the identity provider</span>,{" "}
            <span className="font-medium text-slate-800">from the card&apos;s template</span> (edits of the template reach it), or is{" "}
            <span className="font-medium text-slate-800">set in Muster</span>. Editing a field or unlocking it for the employee makes it the card&apos;s own; relink or reset
            it to follow the IdP or the template again.
          </p>
        </div>
        {card ? <TemplatePicker slug={slug} employeeId={employeeId} card={card} /> : null}
      </div>

      {error ? <Alert>Could not load the card: {error.message}</Alert> : null}
      {isPending ? (
        <p className="py-8 text-center text-sm text-slate-500" role="status">
          Loading the card…
        </p>
      ) : null}

      {card ? (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-[minmax(0,1fr)_380px]">
          <div className="min-w-0 space-y-3">
            {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
            {!card.employee.idpOwned ? <Alert tone="info">Added in Muster: no identity provider keeps this card in sync.</Alert> : null}
            {!card.saved ? <p className="text-sm text-slate-500">This card shows the employee&apos;s profile as it is; it is saved the first time you change a field.</p> : null}
            <div className="relative overflow-x-auto rounded-lg border border-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
                <caption className="sr-only">Card fields of {card.employee.name}</caption>
                <thead className="bg-slate-50 max-sm:sr-only">
                  <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                    <th scope="col" className="px-3 py-2">
                      Field
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Value
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Comes from
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 max-sm:block">
                  {card.fields.map((f) => {
                    const busy = change.isPending && change.variables?.key === f.key;
                    return (
                      <tr key={f.key} data-testid={`card-field-${f.key}`} className={cx("align-top max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-3 max-sm:py-2", !f.onCard && "text-slate-500")}>
                        <th scope="row" className="px-3 py-2.5 text-left font-medium text-slate-800 max-sm:col-span-2 max-sm:pb-0">
                          {f.label}
                        </th>
                        <td className="min-w-[9rem] max-w-[16rem] px-3 py-2.5 text-slate-800 max-sm:col-span-2 max-sm:min-w-0 max-sm:max-w-none max-sm:py-1">
                          {editing === f.key ? (
                            <EditRow f={f} pending={busy} onCancel={() => setEditing(null)} onSave={(value) => run(f.key, { action: "edit", value })} />
                          ) : f.value ? (
                            <span className="block whitespace-pre-line break-words" data-testid="card-field-value">
                              {f.value}
                            </span>
                          ) : (
                            <span className="text-slate-500">—</span>
                          )}
                        </td>
                        <td className="whitespace-nowrap px-3 py-2.5 max-sm:py-1">
                          <div className="flex flex-col items-start gap-1">
                            <SourceState f={f} card={card} disabled={change.isPending} onRun={(c) => run(f.key, c)} />
                            {!f.onCard ? null : f.locked ? (
                              <span className="inline-flex items-center gap-1 text-xs text-slate-600">
                                <LockIcon /> Locked
                              </span>
                            ) : (
                              <span className="inline-flex items-center gap-1 text-xs font-medium text-brand-700">
                                <LockIcon open /> Employee can edit
                              </span>
                            )}
                          </div>
                        </td>
                        <td className="px-3 py-2.5 max-sm:py-1">
                          {editing === f.key ? null : (
                            <div className="flex justify-end gap-1.5">
                              <RowButton aria-label={`Edit ${f.label}`} disabled={change.isPending} onClick={() => {
                                  setNotice(null);
                                  setEditing(f.key);
                                }}>
                                Edit
                              </RowButton>
                              {f.onCard && !f.locked ? (
                                <RowButton aria-label={`Lock ${f.label}`} disabled={change.isPending} onClick={() => run(f.key, { action: "lock" })}>
                                  Lock
                                </RowButton>
                              ) : (
                                <RowButton aria-label={`Unlock ${f.label} for the employee`} disabled={change.isPending} onClick={() => run(f.key, { action: "unlock" })}>
                                  Unlock
                                </RowButton>
                              )}
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
          <div className="xl:sticky xl:top-6 xl:self-start">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">As others see it</p>
            <div className="flex justify-center rounded-xl bg-slate-100/70 p-4">
              <BusinessCard fields={card.values} labels={card.labels} />
            </div>
          </div>
        </div>
      ) : null}
    </section>
  );
};
