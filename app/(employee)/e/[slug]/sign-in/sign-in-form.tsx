"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { pausedFor, waitText } from "@/lib/auth/sign-in-errors";
import { rememberEmployeeWorkspace } from "@/lib/client/employee-cookie";
import { ApiError, requestJson } from "@/lib/client/fetch-json";

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

export const EmployeeSignInForm = ({ slug, workspaceName }: { slug: string; workspaceName: string }) => {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<{ form?: string; email?: string; password?: string }>({});
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState<"password" | "link" | null>(null);

  const values = () => {
    const data = new FormData(form.current!);
    return { email: String(data.get("email") ?? "").trim(), password: String(data.get("password") ?? "") };
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { email, password } = values();
    if (!looksLikeEmail(email)) return setErrors({ email: "Enter your work email address" });
    if (!password) return setErrors({ password: "Enter your password, or use a sign-in link by email" });
    setPending("password");
    setErrors({});
    setSent(null);
    const res = await signIn("employee", { mode: "password", slug, email, password, redirect: false });
    if (!res || res.error) {
      setPending(null);
      const paused = pausedFor(res?.error);
      return setErrors({
        form:
          paused !== null
            ? `Too many wrong passwords: password sign-in is paused for ${waitText(paused)}. You can still get a sign-in link by email.`
            : "Wrong email or password. If you activated without a password, use a sign-in link by email.",
      });
    }
    rememberEmployeeWorkspace(slug);
    router.replace("/me");
    router.refresh();
  };

  const emailLink = async () => {
    const { email } = values();
    if (!looksLikeEmail(email)) return setErrors({ email: "Enter your work email address to get a link" });
    setPending("link");
    setErrors({});
    try {
      await requestJson(`/api/e/${encodeURIComponent(slug)}/sign-in-link`, { method: "POST", body: { email } });
      setSent(email);
    } catch (err) {
      setErrors(err instanceof ApiError && err.fieldErrors.email ? { email: err.fieldErrors.email } : { form: err instanceof Error ? err.message : "Something went wrong." });
    } finally {
      setPending(null);
    }
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4">
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      {sent ? (
        <Alert tone="success">
          Check your inbox. If {sent} belongs to an activated employee of {workspaceName}, a sign-in link is on its way; it works once, for 15 minutes.
        </Alert>
      ) : null}
      <Field label="Work email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} />
      <Button type="submit" className="w-full" disabled={pending !== null}>
        {pending === "password" ? "Signing in…" : "Sign in"}
      </Button>
      <div className="relative text-center text-xs uppercase tracking-wide text-slate-500">
        <span aria-hidden className="absolute inset-x-0 top-1/2 border-t border-slate-200" />
        <span className="relative bg-white px-2">or</span>
      </div>
      <Button type="button" variant="secondary" className="w-full" onClick={() => void emailLink()} disabled={pending !== null}>
        {pending === "link" ? "Sending…" : "Email me a sign-in link"}
      </Button>
      <p className="text-center text-xs text-slate-500">Not activated yet? Use the activation email from {workspaceName}, or ask your admin to send a new one.</p>
    </form>
  );
};
