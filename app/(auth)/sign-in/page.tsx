import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/server/auth/session";
import { ssoProviders } from "@/lib/server/auth/sso";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  SsoUnknownUser: "No Muster account uses that email. Ask a workspace owner to add you first.",
  SsoNoEmail: "Your identity provider did not share an email address.",
  OAuthSignin: "Single sign-on could not start. Try again or use your password.",
  OAuthCallback: "Single sign-on failed. Try again or use your password.",
  AccessDenied: "Access denied.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

const SignInPage = async ({ searchParams }: Props) => {
  const { callbackUrl = "/", error } = await searchParams;
  if (await currentUser()) redirect(callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/");
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in to Muster</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Admins manage their workspace here.</p>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={error ? (ERRORS[error] ?? "Sign-in failed. Please try again.") : undefined}
        sso={ssoProviders().map(({ id, label }) => ({ id, label }))}
      />
    </>
  );
};

export default SignInPage;
