// Small shared building blocks, so every page has the same spacing and type.
import type { ButtonHTMLAttributes, InputHTMLAttributes, ReactNode } from "react";

const cx = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(" ");

export const Button = ({ className, variant = "primary", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" }) => (
  <button
    className={cx(
      "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium shadow-sm transition focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-60",
      variant === "primary" && "bg-brand-600 text-white hover:bg-brand-700",
      variant === "secondary" && "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
      variant === "danger" && "bg-red-600 text-white hover:bg-red-700",
      className,
    )}
    {...props}
  />
);

export const Field = ({ label, error, hint, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) => {
  const id = props.id ?? props.name;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={cx(
          "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:outline-none focus:ring-2",
          error ? "border-red-400 focus:ring-red-500" : "border-slate-300 focus:border-brand-500 focus:ring-brand-500",
        )}
        {...props}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
};

export const Alert = ({ children, tone = "error" }: { children: ReactNode; tone?: "error" | "info" | "success" }) => (
  <div
    role={tone === "error" ? "alert" : "status"}
    className={cx(
      "rounded-md border px-3 py-2 text-sm",
      tone === "error" && "border-red-200 bg-red-50 text-red-800",
      tone === "info" && "border-brand-100 bg-brand-50 text-brand-700",
      tone === "success" && "border-emerald-200 bg-emerald-50 text-emerald-800",
    )}
  >
    {children}
  </div>
);

export const Card = ({ children, className }: { children: ReactNode; className?: string }) => (
  <section className={cx("rounded-xl border border-slate-200 bg-white p-6 shadow-sm", className)}>{children}</section>
);

export { cx };

export const PageHeader = ({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) => (
  <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {description ? <p className="mt-1 text-slate-600">{description}</p> : null}
    </div>
    {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
  </div>
);

const BADGE_TONES = {
  gray: "bg-slate-100 text-slate-700 ring-slate-200",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  blue: "bg-brand-50 text-brand-700 ring-brand-100",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
} as const;

export const Badge = ({ children, tone = "gray" }: { children: ReactNode; tone?: keyof typeof BADGE_TONES }) => (
  <span className={cx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", BADGE_TONES[tone])}>{children}</span>
);

export const EmptyState = ({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) => (
  <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
    <h2 className="text-base font-semibold text-slate-900">{title}</h2>
    {children ? <div className="mx-auto mt-1 max-w-md text-sm text-slate-600">{children}</div> : null}
    {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
  </div>
);

/** A table with the house style; pass <thead>/<tbody> rows as children. */
export const Table = ({ children, caption }: { children: ReactNode; caption?: string }) => (
  // relative: screen-reader-only text in cells (absolutely positioned) is clipped with the table
  // instead of widening the page on a phone.
  <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
    <table className="min-w-full divide-y divide-slate-200 text-sm">
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      {children}
    </table>
  </div>
);

export const Th = ({ children, className }: { children?: ReactNode; className?: string }) => (
  <th scope="col" className={cx("bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", className)}>
    {children}
  </th>
);

export const Td = ({ children, className }: { children?: ReactNode; className?: string }) => <td className={cx("px-4 py-3 align-top text-slate-700", className)}>{children}</td>;

export const formatDateTime = (d: Date | string | null | undefined) =>
  d ? new Date(d).toLocaleString("en-GB", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC" : "—";

/** "3 minutes ago" — relative to now, for last-seen columns. */
export const timeAgo = (d: Date | string | null | undefined, now = Date.now()) => {
  if (!d) return "never";
  const s = Math.round((now - new Date(d).getTime()) / 1000);
  if (s < 60) return "just now";
  const units: [number, string][] = [
    [60, "minute"],
    [3600, "hour"],
    [86400, "day"],
    [2592000, "month"],
  ];
  let out = `${Math.round(s / 31536000)} years ago`;
  for (let i = units.length - 1; i >= 0; i--) {
    const [size, name] = units[i]!;
    if (s >= size) {
      const n = Math.floor(s / size);
      out = `${n} ${name}${n === 1 ? "" : "s"} ago`;
      break;
    }
  }
  return out;
};
