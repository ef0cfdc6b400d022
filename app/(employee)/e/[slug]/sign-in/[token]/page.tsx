import type { Metadata } from "next";
import { NarrowPage, Problem } from "@/components/employee-area/shell";
import { inspectLoginToken } from "@/lib/server/auth/authorize-employee";
import { UseLinkButton } from "./use-link-button";

export const metadata: Metadata = { title: "Sign in", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; token: string }> };

// The link is spent by the button, not by opening the page: mail scanners that fetch links must
// not use up a sign-in link.
const MagicLinkPage = async ({ params }: Props) => {
  const { slug, token } = await params;
  const link = await inspectLoginToken(token, "magic");
  const signIn = { href: `/e/${encodeURIComponent(slug)}/sign-in`, label: "Ask for a new link" };
  if (!link.ok || link.employee.workspace.slug !== slug) {
    const problem = link.ok ? "invalid" : link.problem;
    return (
      <NarrowPage workspaceName={link.ok ? undefined : link.workspace?.name}>
        {problem === "used" ? (
          <Problem title="This sign-in link has already been used" action={signIn}>
            Each link works once. Ask for a new one.
          </Problem>
        ) : problem === "expired" ? (
          <Problem title="This sign-in link has expired" action={signIn}>
            Sign-in links work for 15 minutes. Ask for a new one.
          </Problem>
        ) : problem === "archived" ? (
          <Problem title="This link is no longer valid">Your account is not active any more.</Problem>
        ) : (
          <Problem title="This sign-in link is not valid" action={signIn}>
            Check that you opened the whole link from the email.
          </Problem>
        )}
      </NarrowPage>
    );
  }
  const { employee } = link;
  return (
    <NarrowPage workspaceName={employee.workspace.name}>
      <h1 className="text-xl font-semibold">Sign in to your business card</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        Continue as <span className="font-medium text-slate-900">{employee.displayName ?? employee.email}</span>
        {employee.email && employee.displayName ? ` (${employee.email})` : ""}.
      </p>
      <UseLinkButton token={token} slug={slug} />
    </NarrowPage>
  );
};

export default MagicLinkPage;
