import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { NarrowPage } from "@/components/employee-area/shell";
import { currentEmployee } from "@/lib/server/auth/employee-session";
import { findWorkspace } from "@/lib/server/workspaces/find-workspaces";
import { EmployeeSignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in to your card", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const EmployeeSignInPage = async ({ params }: Props) => {
  const { slug } = await params;
  const workspace = await findWorkspace(slug);
  if (!workspace || workspace.slug !== slug) notFound();
  const me = await currentEmployee();
  if (me && me.workspace.slug === workspace.slug) redirect("/me");
  return (
    <NarrowPage workspaceName={workspace.name}>
      <h1 className="text-xl font-semibold">Sign in to your business card</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">For employees of {workspace.name}. Use your password, or get a sign-in link by email.</p>
      <EmployeeSignInForm slug={workspace.slug} workspaceName={workspace.name} />
    </NarrowPage>
  );
};

export default EmployeeSignInPage;
