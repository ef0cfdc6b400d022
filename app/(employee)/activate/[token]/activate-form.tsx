"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { rememberEmployeeWorkspace } from "@/lib/client/employee-cookie";

type Props = { token: string; slug: string; email: string | null };

/** Activation: with a password (at least 10 characters), or with sign-in links by email instead. */
export const ActivateForm = ({ token, slug, email }: Props) => {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [pending, setPending] = useState<"password" | "links" | null>(null);

  const activate = async (password: string | null) => {
    setPending(password === null ? "links" : "password");
    setError(undefined);
    const res = await signIn("employee", { mode: "activate", token, password: password ?? "", redirect: false });
    if (!res || res.error) {
      setPending(null);
      const message = res?.error && res.error !== "CredentialsSignin" ? res.error : "Activation failed. Please try again.";
      return /password/i.test(message) ? setFieldError(message) : setError(message);
    }
    rememberEmployeeWorkspace(slug);
    router.replace("/me");
    router.refresh();
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    if (password.length < 10) return setFieldError("Use at least 10 characters for the password");
    setFieldError(undefined);
    void activate(password);
  };

  return (
    <div className="space-y-6">
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {/* Lets password managers save the password for the right account. */}
        <input type="email" name="username" autoComplete="username" value={email ?? ""} readOnly hidden />
        <Field label="Choose a password" name="password" type="password" autoComplete="new-password" required error={fieldError} hint="At least 10 characters." />
        <Button type="submit" className="w-full" disabled={pending !== null}>
          {pending === "password" ? "Activating…" : "Activate with this password"}
        </Button>
      </form>
      <div className="relative text-center text-xs uppercase tracking-wide text-slate-500">
        <span aria-hidden className="absolute inset-x-0 top-1/2 border-t border-slate-200" />
        <span className="relative bg-white px-2">or</span>
      </div>
      <div className="space-y-2">
        <Button type="button" variant="secondary" className="w-full" onClick={() => void activate(null)} disabled={pending !== null}>
          {pending === "links" ? "Activating…" : "Use sign-in links by email instead"}
        </Button>
        <p className="text-center text-xs text-slate-500">No password: your account is activated now, and each time you sign in we email you a link{email ? ` at ${email}` : ""} that works once.</p>
      </div>
    </div>
  );
};
