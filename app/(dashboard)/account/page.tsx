import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { getAccount } from "@/lib/server/auth/account";
import { listUserWorkspaces } from "@/lib/server/auth/memberships";
import { requireUser } from "@/lib/server/auth/session";
import { AccountPanels } from "./account-panels";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

const AccountPage = async () => {
  const user = await requireUser("/account");
  const [account, workspaces] = await Promise.all([getAccount(user.id, user.sid), listUserWorkspaces(user.id)]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-6 py-3">
          <Link href={workspaces[0] ? `/w/${workspaces[0].workspace.slug}` : "/"} className="flex items-center gap-2 text-sm font-medium text-slate-700 hover:text-slate-900">
            <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 font-bold text-white">M</span>
            <span>{workspaces[0] ? `Back to ${workspaces[0].workspace.name}` : "Muster"}</span>
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
          <p className="mt-1 text-slate-600">
            Signed in as <span className="font-medium text-slate-800">{account.email}</span>
            {account.name ? ` (${account.name})` : ""}.
          </p>
        </div>
        <AccountPanels account={account} />
      </main>
    </div>
  );
};

export default AccountPage;
