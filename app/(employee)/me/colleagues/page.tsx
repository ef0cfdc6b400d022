import type { Metadata } from "next";
import Link from "next/link";
import { BusinessCard } from "@/components/cards/business-card";
import { EmployeeSignOut } from "@/components/employee-area/employee-sign-out";
import { NarrowPage, Problem, WidePage } from "@/components/employee-area/shell";
import { ownCardOnlyText } from "@/lib/roles/schemas";
import { requireEmployee } from "@/lib/server/auth/employee-session";
import { listColleagues } from "@/lib/server/employee-access/list-colleagues";
import { allows } from "@/lib/server/roles/role-capabilities";

export const metadata: Metadata = { title: "Colleagues", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const n = (x: number) => x.toLocaleString("en");

const linkButton =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2";

const ColleaguesPage = async ({ searchParams }: Props) => {
  const me = await requireEmployee();
  if (!me)
    return (
      <NarrowPage>
        <Problem title="You are signed out" action={{ href: "/me", label: "Find your sign-in page" }}>
          Sign in to see your colleagues&apos; cards. If you do not know where, have the link to your company&apos;s sign-in page emailed to you.
        </Problem>
      </NarrowPage>
    );
  const header = (
    <div className="flex items-center gap-3">
      <span className="hidden text-sm text-slate-500 sm:inline">{me.email ?? me.displayName}</span>
      <EmployeeSignOut slug={me.workspace.slug} />
    </div>
  );
  if (!allows(me.access, "colleagues"))
    return (
      <WidePage workspaceName={me.workspace.name} right={header}>
        <div className="max-w-xl rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="colleagues-refused">
          <h1 className="text-xl font-semibold">Colleagues</h1>
          <p className="mt-2 text-sm text-slate-600">{ownCardOnlyText(me.access.name)} Ask your admin if you need to see your colleagues&apos; cards.</p>
          <Link href="/me" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
            Back to your card
          </Link>
        </div>
      </WidePage>
    );

  const params = await searchParams;
  const q = one(params.q).trim().slice(0, 200);
  const page = Math.min(Math.max(1, Number.parseInt(one(params.page), 10) || 1), 100_000);
  const list = await listColleagues(me, q, page);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (p: number) => `/me/colleagues?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`;
  const from = list.total === 0 ? 0 : (page - 1) * list.pageSize + 1;

  return (
    <WidePage workspaceName={me.workspace.name} right={header}>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/me" className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
          Your card
        </Link>
        <span aria-hidden className="mx-1.5 text-slate-400">
          /
        </span>
        <span className="text-slate-600">Colleagues</span>
      </nav>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">Colleagues</h1>
        <p className="mt-1 text-slate-600">The business cards of everyone listed in the {me.workspace.name} directory.</p>
      </div>
      <form method="get" action="/me/colleagues" role="search" className="mb-6 flex w-full gap-2 sm:max-w-md">
        <label htmlFor="colleague-search" className="sr-only">
          Search colleagues by name or email
        </label>
        <input
          id="colleague-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search by name or email"
          autoComplete="off"
          className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
        />
        <button type="submit" className="shrink-0 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2">
          Search
        </button>
      </form>

      {list.rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600" data-testid="colleagues-empty">
          {q ? `No colleague's name or email starts with “${q}”.` : "Nobody else is listed in the directory yet."}
        </p>
      ) : (
        <ul className="grid gap-6 md:grid-cols-2" aria-label="Colleagues' cards" data-testid="colleagues">
          {list.rows.map((c) => (
            <li key={c.id} className="min-w-0">
              <BusinessCard fields={c.fields} />
            </li>
          ))}
        </ul>
      )}

      <nav aria-label="Colleagues pages" className="mt-6 flex flex-col gap-3 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
        <p>
          {list.total === 0 ? "No colleagues" : `Showing ${n(from)}–${n(Math.min(list.total, page * list.pageSize))} of ${n(list.total)} colleagues`}
        </p>
        {pages > 1 ? (
          <div className="flex items-center gap-3">
            <span className="tabular-nums">
              Page {n(Math.min(page, pages))} of {n(pages)}
            </span>
            {page > 1 ? (
              <Link href={href(page - 1)} className={linkButton}>
                Previous
              </Link>
            ) : null}
            {page < pages ? (
              <Link href={href(page + 1)} className={linkButton}>
                Next
              </Link>
            ) : null}
          </div>
        ) : null}
      </nav>
    </WidePage>
  );
};

export default ColleaguesPage;
