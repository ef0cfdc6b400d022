import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui";
import { inspectSignUp } from "@/lib/server/workspaces/sign-up";
import { ConfirmSignUpForm } from "./confirm-form";

export const metadata: Metadata = { title: "Create your workspace", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

const PROBLEMS = {
  invalid: "This link is not valid. Open the whole link from the email, or sign up again.",
  used: "This link has already been used. Sign in with the email and password you chose.",
  expired: "This link has expired. Sign up again to get a new one.",
} as const;

type Props = { params: Promise<{ token: string }> };

// Opening the page (a GET, which mail scanners also do) never spends the link: the form does.
const ConfirmSignUpPage = async ({ params }: Props) => {
  const { token } = await params;
  const request = await inspectSignUp(token);
  if (request.state !== "ok")
    return (
      <>
        <h1 className="text-xl font-semibold">Create your workspace</h1>
        <div className="mt-4 space-y-4">
          <Alert>{PROBLEMS[request.state]}</Alert>
          <p className="text-sm text-slate-600">
            <Link href={request.state === "used" ? "/sign-in" : "/sign-up"} className="font-medium text-brand-700 hover:underline">
              {request.state === "used" ? "Go to sign-in" : "Sign up again"}
            </Link>
          </p>
        </div>
      </>
    );
  return (
    <>
      <h1 className="text-xl font-semibold">Create {request.workspaceName}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Your email {request.email} is confirmed. Enter the password you chose to create the workspace and sign in.</p>
      <ConfirmSignUpForm token={token} email={request.email} />
    </>
  );
};

export default ConfirmSignUpPage;
