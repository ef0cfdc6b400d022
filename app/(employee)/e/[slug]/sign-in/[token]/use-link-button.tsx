"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button } from "@/components/ui";
import { rememberEmployeeWorkspace } from "@/lib/client/employee-cookie";

export const UseLinkButton = ({ token, slug }: { token: string; slug: string }) => {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const onClick = async () => {
    setPending(true);
    setError(undefined);
    const res = await signIn("employee", { mode: "magic", token, redirect: false });
    if (!res || res.error) {
      setPending(false);
      return setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Signing in failed. Ask for a new link.");
    }
    rememberEmployeeWorkspace(slug);
    router.replace("/me");
    router.refresh();
  };
  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Button type="button" className="w-full" onClick={() => void onClick()} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </div>
  );
};
