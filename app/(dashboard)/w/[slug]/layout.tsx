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
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-3">
            <Link href={`/w/${workspace.slug}`} className="flex items-center gap-2">
              <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 font-bold text-white">M</span>
              <span className="font-semibold">{workspace.name}</span>
            </Link>
            {others.length ? (
              <nav aria-label="Other workspaces" className="hidden gap-2 text-sm text-slate-500 sm:flex">
                {others.map((m) => (
                  <Link key={m.workspace.id} href={`/w/${m.workspace.slug}`} className="rounded px-2 py-1 hover:bg-slate-100">
                    {m.workspace.name}
                  </Link>
                ))}
              </nav>
            ) : null}
          </div>
          <div className="flex items-center gap-3">
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
      <main className="mx-auto max-w-6xl px-6 py-8">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
};

export default WorkspaceLayout;
