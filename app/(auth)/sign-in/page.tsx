import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { currentEmployee } from "@/lib/server/auth/employee-session";
import { currentUser } from "@/lib/server/auth/session";
import { ssoProviders } from "@/lib/server/auth/sso";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

const SignInPage = async ({ searchParams }: Props) => {
  const { callbackUrl: raw, error } = await searchParams;
  const callbackUrl = safeRedirectPath(raw);
  if (await currentUser()) redirect(callbackUrl);
  // An employee who opened an admin page: say who they are signed in as, and where their card is.
  const employee = await currentEmployee();
  return (
    <>
      {employee ? (
        <section aria-labelledby="employee-notice" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <h2 id="employee-notice" className="font-semibold">
            You are signed in as an employee
          </h2>
          <p className="mt-1">
            {employee.displayName ?? employee.email} ({employee.workspace.name}). The page you opened is for the workspace&apos;s admins; your own card is on your page.
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Link href="/me" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
              Open my card
            </Link>
            <SignOutButton callbackUrl={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} />
          </div>
        </section>
      ) : null}
      <h1 className="text-xl font-semibold">{employee ? "Sign in as an admin" : "Sign in to Muster"}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Admins manage their workspace here.</p>
      <SignInForm callbackUrl={callbackUrl} initialError={signInErrorMessage(error)} sso={ssoProviders().map(({ id, label }) => ({ id, label }))} />
    </>
  );
};

export default SignInPage;
