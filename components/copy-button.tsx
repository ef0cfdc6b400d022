"use client";
import { useState } from "react";

export const CopyButton = ({ value, label = "Copy" }: { value: string; label?: string }) => {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
      className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      {copied ? "Copied" : label}
    </button>
  );
};

/** A value to copy (a URL, a secret): shown in full, wrapping anywhere, with its copy button. */
export const CopyField = ({ value, label, testId, tone = "plain" }: { value: string; label: string; testId?: string; tone?: "plain" | "secret" }) => (
  <div className="flex items-center gap-2">
    <code
      data-testid={testId}
      className={
        tone === "secret"
          ? "block min-w-0 flex-1 break-all rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-sm text-slate-900"
          : "block min-w-0 flex-1 break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs"
      }
    >
      {value}
    </code>
    <CopyButton value={value} label={label} />
  </div>
);
