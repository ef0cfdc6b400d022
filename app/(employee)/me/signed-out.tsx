// /me without a session: where to sign in. A known workspace (?workspace=<slug>) gets a direct
// link; anyone else finds their company's sign-in page by email (workspace-finder.tsx).
import Link from "next/link";
import { NarrowPage } from "@/components/employee-area/shell";
import { signInPagePath } from "@/lib/employee-access/sign-in-page";
import { WorkspaceFinder } from "./workspace-finder";

export const SignedOut = ({ workspace }: { workspace: { name: string; slug: string } | null }) => (
  <NarrowPage workspaceName={workspace?.name}>
    <h1 className="text-xl font-semibold">Sign in to see your card</h1>
    {workspace ? (
      <>
        <p className="mt-1 text-sm text-slate-600">Your business card at {workspace.name} is one step away.</p>
        <Link
          href={signInPagePath(workspace.slug)}
          data-testid="continue-sign-in"
          className="mt-4 flex w-full items-center justify-center rounded-md text-center bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
        >
          Continue to {workspace.name} sign-in
        </Link>
        <h2 className="mt-8 border-t border-slate-200 pt-6 text-sm font-semibold text-slate-900">Another company?</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">Enter your work email and we will email you the link to its sign-in page.</p>
      </>
    ) : (
      <p className="mb-6 mt-1 text-sm text-slate-600">
        Each company has its own sign-in page in Muster. Enter your work email and we will email you the link to yours.
      </p>
    )}
    <WorkspaceFinder secondary={workspace !== null} />
    <p className="mt-6 text-center text-xs text-slate-500">First time here? Open the activation email from your company to set up your account.</p>
  </NarrowPage>
);
