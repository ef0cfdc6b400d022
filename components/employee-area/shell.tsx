// Frames for the pages employees see (activation, sign-in, their card): the auth pages' look,
// with the company's name where it is known.
import Link from "next/link";
import type { ReactNode } from "react";

const Logo = ({ workspaceName }: { workspaceName?: string }) => (
  <div className="flex items-center gap-2">
    <span aria-hidden className="grid h-9 w-9 place-items-center rounded-lg bg-brand-600 text-lg font-bold text-white">
      M
    </span>
    <span className="text-xl font-semibold tracking-tight">{workspaceName ?? "Muster"}</span>
  </div>
);

/** A single white panel in the middle of the page. */
export const NarrowPage = ({ workspaceName, children }: { workspaceName?: string; children: ReactNode }) => (
  <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
    <div className="mb-8">
      <Logo workspaceName={workspaceName} />
    </div>
    <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
  </main>
);

/** A problem with a link or session: what happened, and where to go next. */
export const Problem = ({ title, children, action }: { title: string; children: ReactNode; action?: { href: string; label: string } }) => (
  <>
    <h1 className="text-xl font-semibold">{title}</h1>
    <p className="mt-2 text-sm text-slate-600">{children}</p>
    {action ? (
      <Link href={action.href} className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline">
        {action.label}
      </Link>
    ) : null}
  </>
);

/** The employee's own pages: a header with their company and the sign-out button. */
export const WidePage = ({ workspaceName, right, children }: { workspaceName: string; right?: ReactNode; children: ReactNode }) => (
  <div className="min-h-screen bg-gradient-to-b from-brand-50 to-slate-50">
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-6 py-3">
        <div className="flex items-center gap-2">
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 font-bold text-white">
            M
          </span>
          <span className="font-semibold">{workspaceName}</span>
        </div>
        {right}
      </div>
    </header>
    <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
  </div>
);
