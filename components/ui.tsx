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
