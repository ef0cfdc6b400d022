"use client";
// The workspace's card templates in the order they are tried: the first whose rules match a new
// employee wins, so order is edited here (Move up / Move down).
import Link from "next/link";
import { useState } from "react";
import { Alert, Badge, EmptyState, Table, Td, Th, timeAgo, formatDateTime } from "@/components/ui";
import { useMoveTemplate, useTemplates } from "@/hooks/use-templates";
import { fieldLabel } from "@/lib/provisioning/card-fields";
import { describeRules } from "@/lib/provisioning/templates";
import type { TTemplateDto } from "@/lib/templates/dto";

const ArrowButton = ({ label, direction, disabled, onClick }: { label: string; direction: "up" | "down"; disabled: boolean; onClick: () => void }) => (
  <button
    type="button"
    aria-label={label}
    title={label}
    disabled={disabled}
    onClick={onClick}
    className="grid h-8 w-8 place-items-center rounded-md border border-slate-300 bg-white text-slate-700 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-not-allowed disabled:opacity-40"
  >
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={`h-4 w-4 ${direction === "down" ? "rotate-180" : ""}`}>
      <path fillRule="evenodd" d="M10 4.5a.75.75 0 0 1 .53.22l4.5 4.5a.75.75 0 1 1-1.06 1.06L10.75 7.06v8.19a.75.75 0 0 1-1.5 0V7.06L6.03 10.28a.75.75 0 0 1-1.06-1.06l4.5-4.5A.75.75 0 0 1 10 4.5Z" clipRule="evenodd" />
    </svg>
  </button>
);

export const TemplateList = ({ slug, initial }: { slug: string; initial: TTemplateDto[] }) => {
  const { data: templates = initial, error } = useTemplates(slug, initial);
  const move = useMoveTemplate(slug);
  const [moved, setMoved] = useState<string | null>(null);

  if (templates.length === 0) {
    return (
      <EmptyState
        title="No card templates yet"
        action={
          <Link href={`/w/${slug}/templates/new`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2">
            Create a template
          </Link>
        }
      >
        A template gives new employees&apos; cards your company&apos;s details — company name, logo, website, address — picked by rules on what the identity provider sends, such as
        &ldquo;department equals Marketing&rdquo;.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>Could not load templates: {error.message}</Alert> : null}
      {move.error ? <Alert>{move.error.message}</Alert> : null}
      <p className="sr-only" role="status" aria-live="polite">
        {moved}
      </p>
      <Table caption="Card templates, in the order they are tried">
        <thead>
          <tr>
            <Th className="w-16">Order</Th>
            <Th>Template</Th>
            <Th>Applies to new employees where</Th>
            <Th>Sets</Th>
            <Th>Last change</Th>
            <Th className="text-right">
              <span className="sr-only">Move</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {templates.map((t, i) => {
            const keys = Object.keys(t.fields);
            return (
              <tr key={t.id} className="hover:bg-slate-50" data-testid={`template-row-${t.name}`}>
                <Td className="tabular-nums text-slate-500">{i + 1}</Td>
                <Td className="max-w-[16rem]">
                  <Link href={`/w/${slug}/templates/${t.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {t.name}
                  </Link>
                </Td>
                <Td className="max-w-[26rem]">
                  {t.rules.length ? <span className="line-clamp-2">{describeRules(t.rules)}</span> : <Badge tone="violet">Everyone not matched above</Badge>}
                </Td>
                <Td className="max-w-[16rem]">{keys.length ? <span className="line-clamp-2 text-slate-600">{keys.map(fieldLabel).join(", ")}</span> : <span className="text-slate-500">No fields</span>}</Td>
                <Td className="whitespace-nowrap text-slate-500">
                  <time dateTime={t.updatedAt} title={formatDateTime(t.updatedAt)} suppressHydrationWarning>
                    {timeAgo(t.updatedAt)}
                  </time>
                </Td>
                <Td>
                  <div className="flex justify-end gap-1.5">
                    <ArrowButton
                      label={`Move ${t.name} up`}
                      direction="up"
                      disabled={i === 0 || move.isPending}
                      onClick={() => move.mutate({ id: t.id, direction: "up" }, { onSuccess: () => setMoved(`${t.name} moved to position ${i}.`) })}
                    />
                    <ArrowButton
                      label={`Move ${t.name} down`}
                      direction="down"
                      disabled={i === templates.length - 1 || move.isPending}
                      onClick={() => move.mutate({ id: t.id, direction: "down" }, { onSuccess: () => setMoved(`${t.name} moved to position ${i + 2}.`) })}
                    />
                  </div>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
};
