"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

export const LinkWithPasswordForm = ({ requestId, email, providerLabel }: { requestId: string; email: string; providerLabel: string }) => {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    if (!password) return setError("Enter your Muster password.");
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", { linkRequest: requestId, password, redirect: false });
    setPending(false);
    if (!res || res.error) return setError(signInErrorMessage(res?.error ?? "CredentialsSignin"));
    router.replace("/");
    router.refresh();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Muster account" name="email" type="email" value={email} readOnly autoComplete="username" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Confirming…" : `Link ${providerLabel} and sign in`}
      </Button>
    </form>
  );
};
