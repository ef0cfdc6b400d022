import Link from "next/link";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";
import { SignOutButton } from "@/components/sign-out-button";
import { WorkspaceNav } from "@/components/workspace-nav";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listUserWorkspaces } from "@/lib/server/auth/memberships";

export const dynamic = "force-dynamic";

type Props = { children: ReactNode; params: Promise<{ slug: string }> };

const WorkspaceLayout = async ({ children, params }: Props) => {
  const { slug } = await params;
  const { user, workspace } = await requireWorkspaceAdmin(slug);
  const others = (await listUserWorkspaces(user.id)).filter((m) => m.workspace.id !== workspace.id);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:gap-4 sm:px-6">
          {/* min-w-0 lets a long workspace name shorten to one line instead of pushing the account links off a phone. */}
          <div className="flex min-w-0 items-center gap-3">
            <Link href={`/w/${workspace.slug}`} className="flex min-w-0 items-center gap-2" title={workspace.name}>
              <span aria-hidden className="grid h-8 w-8 shrink-0 place-items-center rounded-lg bg-brand-600 font-bold text-white">M</span>
              <span className="truncate font-semibold">{workspace.name}</span>
            </Link>
            {others.length ? (
              <nav aria-label="Other workspaces" className="hidden gap-2 text-sm text-slate-500 sm:flex">
                {others.map((m) => (
                  <Link key={m.workspace.id} href={`/w/${m.workspace.slug}`} className="whitespace-nowrap rounded px-2 py-1 hover:bg-slate-100">
                    {m.workspace.name}
                  </Link>
                ))}
              </nav>
            ) : null}
          </div>
          <div className="flex shrink-0 items-center gap-1 sm:gap-3">
            <Link href="/account" className="rounded px-2 py-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-900" title="Your account: password, single sign-on, sessions">
              <span className="hidden sm:inline" data-testid="signed-in-as">
                {user.email}
              </span>
              <span className="sm:hidden">Account</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
        <WorkspaceNav slug={workspace.slug} />
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
};

export default WorkspaceLayout;
