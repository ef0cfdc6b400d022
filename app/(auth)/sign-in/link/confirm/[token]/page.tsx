import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui";
import { pendingSsoLinkByToken } from "@/lib/server/auth/sso-sign-in";
import { ConfirmLinkButton } from "./confirm-button";

export const metadata: Metadata = { title: "Confirm single sign-on", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// The link from the email. Opening it (mail scanners do) changes nothing; the button does.
const ConfirmSsoLinkPage = async ({ params }: Props) => {
  const { token } = await params;
  const request = await pendingSsoLinkByToken(token);
  if (!request)
    return (
      <>
        <h1 className="text-xl font-semibold">Confirm single sign-on</h1>
        <div className="mt-4 space-y-4">
          <Alert>This link has expired or was already used. Sign in with single sign-on again to get a new one.</Alert>
          <Link href="/sign-in" className="text-sm font-medium text-brand-700 hover:underline">
            Back to sign-in
          </Link>
        </div>
      </>
    );
  return (
    <>
      <h1 className="text-xl font-semibold">{`Link ${request.providerLabel} to your account?`}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        Someone signed in to {request.providerLabel} as <span className="font-medium text-slate-800">{request.subjectEmail}</span> and asked to use it for your Muster account{" "}
        <span className="font-medium text-slate-800">{request.accountEmail}</span>. Confirm only if that was you.
      </p>
      <ConfirmLinkButton token={token} providerId={request.provider} providerLabel={request.providerLabel} />
    </>
  );
};

export default ConfirmSsoLinkPage;
