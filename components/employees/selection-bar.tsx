"use client";
// What an admin can do with the employees picked on the list: assign a card template, send
// activation emails. The selection is the rows checked on the current page.
import Link from "next/link";
import { useId, useState } from "react";
import { Dialog } from "@/components/dialog";
import { Alert, Button } from "@/components/ui";
import { useAssignTemplate } from "@/hooks/use-assign-template";
import type { TApplyResult } from "@/lib/templates/dto";
import { SendActivationButton } from "./send-activation-button";

type Props = {
  slug: string;
  selected: { id: string; name: string }[];
  templates: { id: string; name: string }[];
  onClear: () => void;
};

const n = (x: number) => x.toLocaleString("en");
const people = (x: number) => (x === 1 ? "1 employee" : `${n(x)} employees`);

/** Assigned results stay visible after the selection is cleared, until the next assignment. */
export const AssignResult = ({ result }: { result: TApplyResult | null }) =>
  result ? (
    <div className="mb-3">
      <Alert tone="success">
        Assigned “{result.template}” to {people(result.applied)}. Their cards inherit the template’s fields; fields changed on a card keep their value.
      </Alert>
    </div>
  ) : null;

export const SelectionBar = ({ slug, selected, templates, onClear, onAssigned }: Props & { onAssigned: (r: TApplyResult) => void }) => {
  const assign = useAssignTemplate(slug);
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const selectId = useId();

  const onOpen = () => {
    assign.reset();
    if (!templates.some((t) => t.id === templateId)) setTemplateId(templates[0]?.id ?? "");
    setOpen(true);
  };

  const confirm = async () => {
    try {
      const r = await assign.mutateAsync({ templateId, employeeIds: selected.map((e) => e.id) });
      setOpen(false);
      onAssigned(r);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <div role="region" aria-label="Selected employees" className="mb-3 flex flex-col gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 sm:flex-row sm:flex-wrap sm:items-center" data-testid="selection-bar">
      <p className="text-sm font-medium text-slate-900" aria-live="polite">
        {n(selected.length)} selected
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <Button variant="secondary" onClick={onOpen}>
          Assign template…
        </Button>
        <SendActivationButton slug={slug} employees={selected} align="start" />
        <Button variant="secondary" onClick={onClear}>
          Clear selection
        </Button>
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Assign a template to ${people(selected.length)}`}
        description="Cards inherit the template's fields; fields changed on a card keep their value."
      >
        {templates.length ? (
          <>
            <label htmlFor={selectId} className="block text-sm font-medium text-slate-700">
              Template
            </label>
            <select
              id={selectId}
              value={templateId}
              onChange={(e) => setTemplateId(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
            >
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p className="text-sm text-slate-600">
            This workspace has no card template yet.{" "}
            <Link href={`/w/${slug}/templates`} className="font-medium text-brand-700 underline">
              Create a template
            </Link>{" "}
            first.
          </p>
        )}
        {assign.error ? (
          <div className="mt-4">
            <Alert>{assign.error.message}</Alert>
          </div>
        ) : null}
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={!templates.length || !templateId || assign.isPending}>
            {assign.isPending ? "Assigning…" : "Assign template"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
};
