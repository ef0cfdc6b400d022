import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/server/auth/session";
import { inviteByToken } from "@/lib/server/workspaces/invites";
import { AcceptAsUser, AcceptWithNewAccount, SignOutToSwitch } from "./accept-form";

export const metadata: Metadata = { title: "Join a workspace", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

const ROLE = { OWNER: "an owner", ADMIN: "an admin" } as const;

const Problem = ({ title, children }: { title: string; children: ReactNode }) => (
  <>
    <h1 className="text-xl font-semibold">{title}</h1>
    <p className="mt-2 text-sm text-slate-600">{children}</p>
    <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline">
      Go to sign-in
    </Link>
  </>
);

const InvitePage = async ({ params }: Props) => {
  const { token } = await params;
  const [invite, user] = await Promise.all([inviteByToken(token), currentUser()]);
  if (invite.state === "invalid") return <Problem title="This invite link is not valid">Check that you copied the whole link, or ask an admin of the workspace for a new one.</Problem>;
  if (invite.state === "accepted") return <Problem title="This invite has already been used">If it was you, sign in to reach {invite.workspace.name}.</Problem>;
  if (invite.state === "revoked") return <Problem title="This invite was withdrawn">Ask an admin of {invite.workspace.name} for a new one.</Problem>;
  if (invite.state === "expired") return <Problem title="This invite has expired">Invites are valid for 7 days. Ask an admin of {invite.workspace.name} for a new one.</Problem>;

  const callbackUrl = `/invite/${token}`;
  return (
    <>
      <h1 className="text-xl font-semibold">Join {invite.workspace.name}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        {invite.invitedBy ? `${invite.invitedBy} invited you` : "You are invited"} to administer the {invite.workspace.name} workspace in Muster as {ROLE[invite.role]}.
      </p>
      <dl className="mb-6 grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
        <dt className="text-slate-500">Email</dt>
        <dd className="font-medium text-slate-900" data-testid="invite-email">
          {invite.email}
        </dd>
        <dt className="text-slate-500">Role</dt>
        <dd className="font-medium text-slate-900">{invite.role === "OWNER" ? "Owner" : "Admin"}</dd>
      </dl>
      {user && user.email === invite.email ? (
        <AcceptAsUser token={token} />
      ) : user ? (
        <SignOutToSwitch invitedEmail={invite.email} signedInEmail={user.email} callbackUrl={callbackUrl} />
      ) : invite.accountExists ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">You already have a Muster account. Sign in as {invite.email} to accept.</p>
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className="flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
          >
            Sign in to accept
          </Link>
        </div>
      ) : (
        <AcceptWithNewAccount token={token} email={invite.email} />
      )}
    </>
  );
};

export default InvitePage;
