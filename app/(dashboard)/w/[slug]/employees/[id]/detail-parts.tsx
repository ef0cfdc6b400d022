// Building blocks the employee page's tabs share.
import type { ReactNode } from "react";

export const linkClass = "text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700";

export const Item = ({ label, children, note, className }: { label: string; children: ReactNode; note?: ReactNode; className?: string }) => (
  <div className={className ? `min-w-0 ${className}` : "min-w-0"}>
    <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
    <dd className="mt-0.5 break-words text-sm text-slate-900">{children ?? <span className="text-slate-400">—</span>}</dd>
    {note ? <dd className="mt-1 break-words text-xs text-amber-800">{note}</dd> : null}
  </div>
);

// A card that is also a named region, so each part of the page is a landmark for screen readers.
export const Panel = ({ labelledBy, children }: { labelledBy: string; children: ReactNode }) => (
  <section aria-labelledby={labelledBy} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
    {children}
  </section>
);

export const SectionTitle = ({ id, children }: { id: string; children: ReactNode }) => (
  <h2 id={id} className="text-base font-semibold">
    {children}
  </h2>
);
