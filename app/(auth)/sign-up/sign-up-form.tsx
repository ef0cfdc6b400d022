"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { ApiError, requestJson } from "@/lib/client/fetch-json";

export const SignUpForm = () => {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [checkEmail, setCheckEmail] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setPending(true);
    setErrors({});
    try {
      const result = await requestJson<{ created?: boolean }>("/api/sign-up", { method: "POST", body: values });
      if (!result.created) return setCheckEmail(values.email!.trim());
      const login = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (!login || login.error) return setErrors({ form: "Your workspace was created, but signing in failed. Try signing in." });
      router.replace("/");
      router.refresh();
    } catch (err) {
      setErrors(err instanceof ApiError && Object.keys(err.fieldErrors).length ? err.fieldErrors : { form: err instanceof Error ? err.message : "Something went wrong. Please try again." });
    } finally {
      setPending(false);
    }
  };

  if (checkEmail)
    return (
      <div className="space-y-4" data-testid="sign-up-check-email">
        <Alert tone="success">
          <span className="font-medium">Check your inbox.</span> We sent a link to {checkEmail}. Open it within 24 hours to create your workspace.
        </Alert>
        <p className="text-sm text-slate-600">
          Nothing arrived? Check your spam folder, or{" "}
          <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setCheckEmail(null)}>
            sign up again
          </button>{" "}
          with the right address. Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
          .
        </p>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" error={errors.name} />
      <Field label="Work email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required error={errors.password} hint="At least 10 characters." />
      <Field label="Workspace name" name="workspaceName" required error={errors.workspaceName} hint="Usually your company's name." />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your workspace…" : "Create workspace"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
};
