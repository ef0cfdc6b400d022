"use client";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { ApiError, requestJson } from "@/lib/client/fetch-json";

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

/** "Where do I sign in?": emails the sign-in page of every company this address works for. */
export const WorkspaceFinder = ({ secondary = false }: { secondary?: boolean }) => {
  const [errors, setErrors] = useState<{ form?: string; email?: string }>({});
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    if (!looksLikeEmail(email)) return setErrors({ email: "Enter your work email address" });
    setPending(true);
    setErrors({});
    setSent(null);
    try {
      await requestJson("/api/sign-in-pages", { method: "POST", body: { email } });
      setSent(email);
    } catch (err) {
      setErrors(err instanceof ApiError && err.fieldErrors.email ? { email: err.fieldErrors.email } : { form: err instanceof Error ? err.message : "Something went wrong. Please try again." });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="workspace-finder">
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      {sent ? (
        <Alert tone="success">
          If {sent} belongs to an employee of a company that uses Muster, we sent you an email with your sign-in link. It can take a few minutes to arrive; check your spam folder
          too.
        </Alert>
      ) : null}
      <Field label="Work email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Button type="submit" variant={secondary ? "secondary" : "primary"} className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Email me my sign-in link"}
      </Button>
    </form>
  );
};
