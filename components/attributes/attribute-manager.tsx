"use client";
// The attributes page: what custom attributes are and how to map them, the declared ones (path to
// copy into the IdP, how many employees have a value, on the card or not), and the dialogs to
// declare, edit and delete one.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { CopyButton } from "@/components/copy-button";
import { Alert, Badge, Button, EmptyState } from "@/components/ui";
import { attributesKey, useAttributes } from "@/hooks/use-attributes";
import { TYPE_LABELS, type TAttributeDto } from "@/lib/attributes/declaration";
import { requestJson } from "@/lib/client/fetch-json";
import { attributeHeaders } from "@/lib/employees/csv-import";
import { AttributeDialog, type TFormValues } from "./attribute-dialog";

type Props = { slug: string; initialAttributes: TAttributeDto[]; prefill: { scimPath: string; label: string } | null };

const n = (x: number) => x.toLocaleString("en");
const people = (x: number) => `${n(x)} ${x === 1 ? "employee" : "employees"}`;

/** Okta's Profile Editor asks for the attribute's name and its schema URN separately. */
const oktaParts = (path: string) => {
  if (!/^urn:/i.test(path)) return null;
  const colon = path.lastIndexOf(":");
  return { name: path.slice(colon + 1), namespace: path.slice(0, colon) };
};

const OnCardSwitch = ({ a, pending, onChange }: { a: TAttributeDto; pending: boolean; onChange: (on: boolean) => void }) => (
  <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-700">
    <input type="checkbox" role="switch" checked={a.onCard} disabled={pending} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-500" />
    Show on cards
    <span className="sr-only"> ({a.label})</span>
  </label>
);

export const AttributeManager = ({ slug, initialAttributes, prefill }: Props) => {
  const client = useQueryClient();
  const { data } = useAttributes(slug, initialAttributes);
  const attributes = data ?? initialAttributes;
  const headers = attributeHeaders(attributes);
  const [editing, setEditing] = useState<{ attribute: TAttributeDto | null; initial: TFormValues } | null>(
    prefill ? { attribute: null, initial: { label: prefill.label, type: "string", scimPath: prefill.scimPath, onCard: false } } : null,
  );
  const [deleting, setDeleting] = useState<TAttributeDto | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: attributesKey(slug) });

  const toggle = useMutation({
    mutationFn: ({ a, onCard }: { a: TAttributeDto; onCard: boolean }) => requestJson<{ attribute: TAttributeDto }>(`/api/w/${slug}/attributes/${a.id}`, { method: "PATCH", body: { onCard } }),
    onSuccess: ({ attribute }) => {
      setNotice({ tone: "success", text: attribute.onCard ? `“${attribute.label}” now shows on employees’ cards.` : `“${attribute.label}” no longer shows on cards.` });
      void refresh();
    },
    onError: (err) => setNotice({ tone: "error", text: err.message }),
  });

  const remove = useMutation({
    mutationFn: (a: TAttributeDto) => requestJson<{ label: string; removedValues: number }>(`/api/w/${slug}/attributes/${a.id}`, { method: "DELETE" }),
    onSuccess: (r) => {
      setDeleting(null);
      setNotice({ tone: "success", text: `“${r.label}” is deleted with the values of ${people(r.removedValues)}. If your identity provider still sends it, it is ignored.` });
      void refresh();
    },
  });

  const onSaved = (a: TAttributeDto, created: boolean) => {
    setEditing(null);
    setNotice({ tone: "success", text: created ? `“${a.label}” is declared. Map ${a.scimPath} in your identity provider. Values arrive as it sends each user: new and changed users on its next cycle; to send everyone now, restart provisioning (Entra ID: Provisioning → Restart provisioning; Okta: Push or re-assign the app).` : `“${a.label}” is saved.` });
    // Drop ?path=…&label=… so a reload does not open the form again.
    if (created && window.location.search) window.history.replaceState(null, "", window.location.pathname);
    void refresh();
  };

  const newAttribute = () => setEditing({ attribute: null, initial: { label: "", type: "string", scimPath: "", onCard: false } });

  return (
    <div className="space-y-6">
      <section aria-labelledby="howto-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-5 text-sm text-slate-700">
        <h2 id="howto-heading" className="font-semibold text-slate-900">
          How to send one from your identity provider
        </h2>
        <p className="mt-1">
          Declare the attribute here with the SCIM path it travels under, then copy the attribute name and paste it in the SCIM attributes of your identity provider:
          in <strong>Microsoft Entra ID</strong>, add an attribute mapping (Provisioning → Mappings → Provision users) whose <em>target attribute</em> is the path; in <strong>Okta</strong>, add it to the
          app’s user profile (Profile Editor → Add attribute) with the attribute’s name as <em>external name</em> and its schema URN as <em>external namespace</em>.
        </p>
        <p className="mt-2">Until an attribute is declared, Muster ignores it, and the provisioning log lists it as ignored with a link to declare it.</p>
      </section>

      {/* A SCIM path is one long word: let it wrap anywhere rather than push the page sideways. */}
      {notice ? (
        <div className="[overflow-wrap:anywhere]">
          <Alert tone={notice.tone}>{notice.text}</Alert>
        </div>
      ) : null}

      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">
          Declared attributes <span className="text-sm font-normal text-slate-500">({n(attributes.length)})</span>
        </h2>
        <Button onClick={newAttribute} className="shrink-0 whitespace-nowrap">
          New attribute
        </Button>
      </div>

      {attributes.length === 0 ? (
        <EmptyState title="No custom attributes yet" action={<Button onClick={newAttribute}>Declare an attribute</Button>}>
          Declare a badge number, a cost center or a hire date, then map it in your identity provider.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Declared attributes">
          {attributes.map((a) => {
            const okta = oktaParts(a.scimPath);
            return (
              <li key={a.id} className="flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between" data-testid={`attribute-${a.key}`}>
                <div className="min-w-0 flex-1 space-y-1.5">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-medium text-slate-900">{a.label}</h3>
                    <Badge tone="blue">{TYPE_LABELS[a.type]}</Badge>
                    {a.onCard ? <Badge tone="green">On cards</Badge> : null}
                  </div>
                  <div className="flex min-w-0 items-center gap-2">
                    <code className="min-w-0 break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800" data-testid="attribute-path">
                      {a.scimPath}
                    </code>
                    <CopyButton value={a.scimPath} label="Copy path" />
                  </div>
                  {okta ? (
                    <p className="break-all text-xs text-slate-500">
                      Okta: external name <span className="font-mono">{okta.name}</span>, external namespace <span className="font-mono">{okta.namespace}</span>
                    </p>
                  ) : null}
                  <p className="text-xs text-slate-500">
                    Key <span className="font-mono">{a.key}</span> (column, CSV header “{headers.get(a.key) ?? a.key}”, card field <span className="font-mono">attr.{a.key}</span>) ·{" "}
                    <span data-testid="attribute-count">{a.valueCount === 0 ? "no employee has a value yet" : `${people(a.valueCount)} ${a.valueCount === 1 ? "has" : "have"} a value`}</span>
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-3 md:justify-end">
                  <OnCardSwitch a={a} pending={toggle.isPending} onChange={(onCard) => toggle.mutate({ a, onCard })} />
                  <Button variant="secondary" className="px-3 py-1.5 text-xs" onClick={() => setEditing({ attribute: a, initial: { label: a.label, type: a.type, scimPath: a.scimPath, onCard: a.onCard } })} aria-label={`Edit ${a.label}`}>
                    Edit
                  </Button>
                  <Button variant="secondary" className="border-red-200 px-3 py-1.5 text-xs text-red-700 hover:bg-red-50" onClick={() => setDeleting(a)} aria-label={`Delete ${a.label}`}>
                    Delete
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {editing ? <AttributeDialog slug={slug} attribute={editing.attribute} initial={editing.initial} onClose={() => setEditing(null)} onSaved={onSaved} /> : null}

      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete “${deleting.label}”?` : "Delete attribute"}
        confirmLabel="Delete attribute"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
      >
        {deleting ? (
          <>
            <p data-testid="delete-count">
              {deleting.valueCount === 0 ? "No employee has a value for it." : `${people(deleting.valueCount)} ${deleting.valueCount === 1 ? "has" : "have"} a value for it: deleting removes those values, its column and its card field.`}
            </p>
            <p className="[overflow-wrap:anywhere]">If your identity provider keeps sending {deleting.scimPath}, Muster ignores it from now on.</p>
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
};
