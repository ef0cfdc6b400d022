"use client";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { ApiError, requestJson } from "@/lib/client/fetch-json";

type Accepted = { slug: string; email: string };

const accept = (token: string, body: Record<string, string> = {}) => requestJson<Accepted>(`/api/invites/${encodeURIComponent(token)}`, { method: "POST", body });

export const AcceptAsUser = ({ token }: { token: string }) => {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const onClick = async () => {
    setPending(true);
    setError(undefined);
    try {
      const { slug } = await accept(token);
      router.replace(`/w/${slug}`);
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Something went wrong. Please try again.");
      setPending(false);
    }
  };
  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Button type="button" className="w-full" onClick={onClick} disabled={pending}>
        {pending ? "Joining…" : "Accept and join"}
      </Button>
    </div>
  );
};

export const AcceptWithNewAccount = ({ token, email }: { token: string; email: string }) => {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { name = "", password = "" } = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setPending(true);
    setErrors({});
    try {
      const { slug } = await accept(token, { name, password });
      const login = await signIn("credentials", { email, password, redirect: false });
      if (!login || login.error) {
        setErrors({ form: "Your account was created, but signing in failed. Try signing in." });
        setPending(false);
        return;
      }
      router.replace(`/w/${slug}`);
      router.refresh();
    } catch (err) {
      setErrors(err instanceof ApiError && Object.keys(err.fieldErrors).length ? err.fieldErrors : { form: err instanceof Error ? err.message : "Something went wrong." });
      setPending(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">Create your Muster account to accept.</p>
      {errors.form ? <Alert>{errors.form}</Alert> : errors.email ? <Alert>{errors.email}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required error={errors.password} hint="At least 10 characters." />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account and join"}
      </Button>
    </form>
  );
};

export const SignOutToSwitch = ({ invitedEmail, signedInEmail, callbackUrl }: { invitedEmail: string; signedInEmail: string; callbackUrl: string }) => (
  <div className="space-y-4">
    <Alert tone="info">
      This invite is for {invitedEmail}, but you are signed in as {signedInEmail}. Sign out, then open the link again as {invitedEmail}.
    </Alert>
    <Button type="button" variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl })}>
      Sign out
    </Button>
  </div>
);
