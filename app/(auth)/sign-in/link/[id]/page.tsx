import type { Metadata } from "next";
import { Alert } from "@/components/ui";
import { pendingSsoLink } from "@/lib/server/auth/sso-sign-in";
import { LinkWithPasswordForm } from "./link-form";
import { LinkGone } from "../link-gone";

export const metadata: Metadata = { title: "Confirm single sign-on", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// Where a first single sign-on lands: the identity is not linked until the account's owner says so.
const ConfirmSsoPage = async ({ params }: Props) => {
  const { id } = await params;
  const request = await pendingSsoLink(id);
  if (!request) return <LinkGone>This confirmation has expired or was already used. Sign in with single sign-on again, or with your password.</LinkGone>;
  return (
    <>
      <h1 className="text-xl font-semibold">{`Link ${request.providerLabel} to your account`}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        You signed in to {request.providerLabel} as <span className="font-medium text-slate-800">{request.subjectEmail}</span>. This is the first time, so Muster asks the
        account&apos;s owner to confirm before {request.providerLabel} can sign in to it.
      </p>
      <Alert tone="info">We also emailed a confirmation link to {request.accountEmail}. Open it, or enter your Muster password below.</Alert>
      <div className="mt-4">
        <LinkWithPasswordForm requestId={request.id} email={request.accountEmail} providerLabel={request.providerLabel} />
      </div>
    </>
  );
};

export default ConfirmSsoPage;
