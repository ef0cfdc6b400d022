import type { Metadata } from "next";
import { NarrowPage, Problem } from "@/components/employee-area/shell";
import { inspectLoginToken } from "@/lib/server/auth/authorize-employee";
import { ActivateForm } from "./activate-form";

// The token is in the URL: keep it out of Referer headers.
export const metadata: Metadata = { title: "Activate your account", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

const ActivatePage = async ({ params }: Props) => {
  const { token } = await params;
  // Only looks: opening the link (or a mail scanner fetching it) never spends it.
  const link = await inspectLoginToken(token, "activation");
  if (!link.ok) {
    const signIn = link.workspace ? { href: `/e/${link.workspace.slug}/sign-in`, label: "Go to sign-in" } : undefined;
    return (
      <NarrowPage workspaceName={link.workspace?.name}>
        {link.problem === "used" ? (
          <Problem title="This link has already been used" action={signIn}>
            Your account is activated. Sign in with your password or ask for a sign-in link by email.
          </Problem>
        ) : link.problem === "expired" ? (
          <Problem title="This activation link has expired" action={signIn}>
            Activation links work for 7 days. Ask an admin of {link.workspace?.name ?? "your company"} to send you a new one.
          </Problem>
        ) : link.problem === "archived" ? (
          <Problem title="This link is no longer valid">Your account at {link.workspace?.name ?? "this company"} is not active any more, so it cannot be activated.</Problem>
        ) : (
          <Problem title="This link is not valid">Check that you opened the whole link from the email, or ask an admin of your company for a new one.</Problem>
        )}
      </NarrowPage>
    );
  }
  const { employee } = link;
  const name = employee.givenName || employee.displayName;
  return (
    <NarrowPage workspaceName={employee.workspace.name}>
      <h1 className="text-xl font-semibold">Activate your account</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        {name ? `Hi ${name}. ` : ""}
        {employee.workspace.name} has set up a digital business card for you. Choose how you sign in, then see your card.
      </p>
      {employee.email ? (
        <dl className="mb-6 grid grid-cols-[4rem_1fr] gap-x-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
          <dt className="text-slate-500">Email</dt>
          <dd className="break-all font-medium text-slate-900" data-testid="activation-email">
            {employee.email}
          </dd>
        </dl>
      ) : null}
      <ActivateForm token={token} slug={employee.workspace.slug} email={employee.email} />
    </NarrowPage>
  );
};

export default ActivatePage;
