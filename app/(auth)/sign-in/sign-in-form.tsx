"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

type Props = { callbackUrl: string; initialError?: string; sso: { id: string; label: string }[] };

export const SignInForm = ({ callbackUrl, initialError, sso }: Props) => {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  // The server page already made it a same-origin path; checked again where it is followed.
  const target = () => safeRedirectPath(callbackUrl, "/", window.location.origin);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { email, password } = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    if (!email?.trim() || !password) return setError("Enter your email and password.");
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", { email, password, redirect: false });
    setPending(false);
    if (!res || res.error) return setError(signInErrorMessage(res?.error ?? "CredentialsSignin"));
    router.replace(target());
    router.refresh();
  };

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {error ? <Alert>{error}</Alert> : null}
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {sso.length ? (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          {sso.map((p) => (
            <Button key={p.id} type="button" variant="secondary" className="w-full" onClick={() => signIn(p.id, { callbackUrl: target() })}>
              Continue with {p.label}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="text-center text-sm text-slate-600">
        New to Muster?{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
          Create a workspace
        </Link>
      </p>
    </div>
  );
};
