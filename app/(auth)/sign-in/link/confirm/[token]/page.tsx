import type { Metadata } from "next";
import { pendingSsoLinkByToken } from "@/lib/server/auth/sso-sign-in";
import { ConfirmLinkButton } from "./confirm-button";
import { LinkGone } from "../../link-gone";

export const metadata: Metadata = { title: "Confirm single sign-on", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// The link from the email. Opening it (mail scanners do) changes nothing; the button does.
const ConfirmSsoLinkPage = async ({ params }: Props) => {
  const { token } = await params;
  const request = await pendingSsoLinkByToken(token);
  if (!request) return <LinkGone>This link has expired or was already used. Sign in with single sign-on again to get a new one.</LinkGone>;
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
