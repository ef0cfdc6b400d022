import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
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
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in to Muster</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Admins manage their workspace here.</p>
      <SignInForm callbackUrl={callbackUrl} initialError={signInErrorMessage(error)} sso={ssoProviders().map(({ id, label }) => ({ id, label }))} />
    </>
  );
};

export default SignInPage;
