"use client";
// A secret shown exactly once (a new SCIM token, an invite link), with a copy button and a way to
// put it away. The parent forgets the value when it is dismissed.
import { useEffect, useRef, type ReactNode } from "react";
import { CopyField } from "./copy-button";

type Props = { title: string; headingLevel?: 2 | 3; value: string; label: string; warning: ReactNode; children?: ReactNode; onDismiss: () => void; testId: string };

export const SecretOnce = ({ title, headingLevel = 2, value, label, warning, children, onDismiss, testId }: Props) => {
  const ref = useRef<HTMLElement>(null);
  const Heading = headingLevel === 3 ? "h3" : "h2";
  // Move focus (and the view) to the secret when it appears, so nobody misses it.
  useEffect(() => ref.current?.focus(), [value]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      className="rounded-xl border border-emerald-200 bg-emerald-50 p-5 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      <div className="flex items-start justify-between gap-4">
        <div>
          <Heading id={`${testId}-title`} className="text-base font-semibold text-emerald-900">
            {title}
          </Heading>
          <p className="mt-1 text-sm text-emerald-900">{warning}</p>
        </div>
        <button
          type="button"
          onClick={onDismiss}
          className="shrink-0 rounded-md border border-emerald-300 bg-white px-3 py-1.5 text-xs font-medium text-emerald-900 hover:bg-emerald-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          Done, hide it
        </button>
      </div>
      <div className="mt-4">
        <CopyField value={value} label={`Copy ${label.toLowerCase()}`} testId={`${testId}-value`} tone="secret" />
      </div>
      {children ? <div className="mt-4 text-sm text-emerald-950">{children}</div> : null}
    </section>
  );
};
