import type { ReactNode } from "react";

/** A titled block of the Settings page: what it is about on the left, its controls on the right. */
export const Section = ({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) => (
  <div className="grid gap-4 py-6 first:pt-0 last:pb-0 md:grid-cols-3">
    <div>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <p className="mt-1 text-sm text-slate-500">{description}</p>
    </div>
    <div className="min-w-0 md:col-span-2">{children}</div>
  </div>
);
