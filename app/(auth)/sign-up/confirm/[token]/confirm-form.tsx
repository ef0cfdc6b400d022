"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { ApiError, requestJson } from "@/lib/client/fetch-json";

export const ConfirmSignUpForm = ({ token, email }: { token: string; email: string }) => {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    if (!password) return setError({ message: "Enter the password you chose when you signed up.", field: "password" });
    setPending(true);
    setError(null);
    try {
      const result = await requestJson<{ slug: string }>("/api/sign-up/confirm", { method: "POST", body: { token, password } });
      const login = await signIn("credentials", { email, password, redirect: false });
      if (!login || login.error) return setError({ message: "Your workspace was created, but signing in failed. Sign in with your email and password." });
      router.replace(`/w/${result.slug}`);
      router.refresh();
    } catch (err) {
      const field = err instanceof ApiError ? Object.keys(err.fieldErrors)[0] : undefined;
      setError({ message: err instanceof Error ? err.message : "Something went wrong. Please try again.", field: field === "password" ? "password" : undefined });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && error.field !== "password" ? <Alert>{error.message}</Alert> : null}
      <Field label="Email" name="email" type="email" value={email} readOnly autoComplete="username" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={error?.field === "password" ? error.message : undefined} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your workspace…" : "Create workspace and sign in"}
      </Button>
    </form>
  );
};
