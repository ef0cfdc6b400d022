"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert, Button } from "@/components/ui";
import { requestJson } from "@/lib/client/fetch-json";

export const ConfirmLinkButton = ({ token, providerId, providerLabel }: { token: string; providerId: string; providerLabel: string }) => {
  const [state, setState] = useState<"idle" | "pending" | "linked" | "failed">("idle");
  if (state === "linked")
    return (
      <div className="space-y-4">
        <Alert tone="success">{providerLabel} is linked to your Muster account.</Alert>
        <Button type="button" className="w-full" onClick={() => signIn(providerId, { callbackUrl: "/" })}>
          Continue with {providerLabel}
        </Button>
      </div>
    );
  return (
    <div className="space-y-4">
      {state === "failed" ? <Alert>This link has expired or was already used. Sign in with single sign-on again to get a new one.</Alert> : null}
      <Button
        type="button"
        className="w-full"
        disabled={state === "pending"}
        onClick={async () => {
          setState("pending");
          setState(await requestJson("/api/sso-links/confirm", { method: "POST", body: { token } }).then(() => "linked" as const, () => "failed" as const));
        }}
      >
        {state === "pending" ? "Linking…" : `Yes, link ${providerLabel}`}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Not you?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
          Leave without linking
        </Link>
        : nothing changes.
      </p>
    </div>
  );
};
