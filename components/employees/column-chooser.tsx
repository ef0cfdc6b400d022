"use client";
// The employee list's "Columns" menu: which custom attributes show as columns. The choice lives in
// the URL (?cols=…), so a reload or a shared link shows the same table.
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { TAttributeColumn } from "@/lib/attributes/values-dto";
import { MAX_ATTRIBUTE_COLUMNS } from "@/lib/attributes/values-dto";

type Props = { slug: string; attributes: TAttributeColumn[]; chosen: string[]; onChange: (keys: string[]) => void };

export const ColumnChooser = ({ slug, attributes, chosen, onChange }: Props) => {
  const ref = useRef<HTMLDetailsElement>(null);
  // Close on a click elsewhere or Escape, like a menu.
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && ref.current?.open) {
        ref.current.open = false;
        ref.current.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  const toggle = (key: string, on: boolean) => {
    // Keep the workspace's order of attributes, whatever order they were ticked in.
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    onChange(attributes.map((a) => a.key).filter((k) => next.has(k)));
  };
  const full = chosen.length >= MAX_ATTRIBUTE_COLUMNS;
  return (
    <details ref={ref} className="relative">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 [&::-webkit-details-marker]:hidden">
        Columns
        {chosen.length ? <span className="rounded-full bg-brand-50 px-1.5 text-xs text-brand-700">+{chosen.length}</span> : null}
        <span aria-hidden className="text-[10px] text-slate-400">
          ▼
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 max-w-[calc(100vw-3rem)] rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <fieldset>
          <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Custom attribute columns</legend>
          {attributes.length ? (
            <ul className="mt-2 max-h-72 space-y-1 overflow-y-auto">
              {attributes.map((a) => {
                const on = chosen.includes(a.key);
                return (
                  <li key={a.key}>
                    <label className="flex items-center gap-2 rounded px-1 py-1 text-sm text-slate-800 hover:bg-slate-50">
                      <input type="checkbox" checked={on} disabled={!on && full} onChange={(e) => toggle(a.key, e.target.checked)} className="h-4 w-4 rounded border-slate-300 text-brand-600" />
                      <span className="min-w-0 truncate">{a.label}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600">No custom attributes are declared yet.</p>
          )}
          {full ? <p className="mt-2 text-xs text-slate-500">At most {MAX_ATTRIBUTE_COLUMNS} attribute columns at once.</p> : null}
        </fieldset>
        <Link href={`/w/${slug}/attributes`} className="mt-3 block text-xs font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
          Manage custom attributes
        </Link>
      </div>
    </details>
  );
};
