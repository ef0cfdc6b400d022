import type { Metadata } from "next";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your workspace" };

const SignUpPage = () => (
  <>
    <h1 className="text-xl font-semibold">Create your workspace</h1>
    <p className="mb-6 mt-1 text-sm text-slate-600">Connect your identity provider and keep your employee directory in sync.</p>
    <SignUpForm />
  </>
);

export default SignUpPage;
