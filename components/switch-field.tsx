"use client";
// An on/off setting with a sentence on what it does: a checkbox with role="switch", so it is a
// real form control for keyboards and screen readers.
import type { ReactNode } from "react";
import { cx } from "./ui";

type Props = { id: string; label: string; description: ReactNode; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean };

export const SwitchField = ({ id, label, description, checked, onChange, disabled }: Props) => (
  <div className="flex items-start justify-between gap-6 py-4">
    <div className="min-w-0">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <p id={`${id}-description`} className="mt-0.5 text-sm text-slate-600">
        {description}
      </p>
    </div>
    <span className="relative mt-0.5 inline-flex shrink-0">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-description`}
        onChange={(e) => onChange(e.target.checked)}
        className="peer absolute inset-0 z-10 h-full w-full cursor-pointer appearance-none rounded-full focus:outline-none disabled:cursor-not-allowed"
      />
      <span
        aria-hidden
        className={cx(
          "h-6 w-11 rounded-full transition peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 peer-focus-visible:ring-offset-2",
          checked ? "bg-brand-600" : "bg-slate-400",
        )}
      />
      <span aria-hidden className={cx("pointer-events-none absolute left-0.5 top-0.5 h-5 w-5 rounded-full bg-white shadow transition", checked && "translate-x-5")} />
    </span>
  </div>
);
