"use client";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Badge, Button, Card, Field, formatDateTime } from "@/components/ui";
import { ApiError, fetchJson, requestJson } from "@/lib/client/fetch-json";
import type { AccountDto } from "@/lib/auth/account";

type Result = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

const attempt = async (run: () => Promise<string>): Promise<Result> => {
  try {
    return { ok: true, message: await run() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : "Something went wrong.", fieldErrors: err instanceof ApiError ? err.fieldErrors : undefined };
  }
};

const othersText = (n: number) => (n === 0 ? " No other session was open." : ` ${n} other ${n === 1 ? "session was" : "sessions were"} signed out.`);

// "Chrome on macOS": enough to recognise one's own devices, from the User-Agent kept at sign-in.
const device = (ua: string | null) => {
  if (!ua) return "Unknown device";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "A browser";
  const os = /iPhone|iPad/.test(ua) ? "iOS" : /Android/.test(ua) ? "Android" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  return os ? `${browser} on ${os}` : browser;
};

const Heading = ({ children, description }: { children: string; description: string }) => (
  <div className="mb-4">
    <h2 className="text-base font-semibold">{children}</h2>
    <p className="mt-0.5 text-sm text-slate-600">{description}</p>
  </div>
);

const PasswordPanel = () => {
  const [result, setResult] = useState<Result | null>(null);
  const [pending, setPending] = useState(false);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const v = Object.fromEntries(new FormData(form)) as { current: string; next: string; confirm: string };
    setPending(true);
    const r = await attempt(async () => `Password changed.${othersText((await requestJson<{ endedSessions: number }>("/api/account/password", { method: "POST", body: v })).endedSessions)}`);
    setPending(false);
    setResult(r);
    if (r.ok) form.reset();
  };
  return (
    <Card>
      <Heading description="A new password signs you out of every other browser.">Password</Heading>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Change password">
        {result?.ok ? <Alert tone="success">{result.message}</Alert> : result && !Object.keys(errors).length ? <Alert>{result.error}</Alert> : null}
        <Field label="Current password" name="current" type="password" autoComplete="current-password" error={errors.current} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="New password" name="next" type="password" autoComplete="new-password" error={errors.next} hint="At least 10 characters." />
          <Field label="New password again" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </Card>
  );
};

const SsoPanel = ({ account }: { account: AccountDto }) => {
  const router = useRouter();
  const [message, setMessage] = useState<Result | null>(null);
  const unlinked = account.sso.filter((p) => !account.identities.some((i) => i.provider === p.id));
  if (!account.sso.length && !account.identities.length) return null;
  return (
    <Card>
      <Heading description="Identity providers that can sign you in. A new one is linked only after you confirm it with your password or by email.">Single sign-on</Heading>
      {message ? <div className="mb-4">{message.ok ? <Alert tone="success">{message.message}</Alert> : <Alert>{message.error}</Alert>}</div> : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
        {account.identities.map((i) => (
          <li key={i.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="font-medium text-slate-900">{i.providerLabel}</p>
              <p className="text-sm text-slate-600">
                {i.email ?? "No email shared"} · linked {formatDateTime(i.since)}
              </p>
            </div>
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                const r = await attempt(async () => {
                  await fetchJson(`/api/account/identities/${encodeURIComponent(i.id)}`, { method: "DELETE" });
                  return `Unlinked. That ${i.providerLabel} account can no longer sign in to yours.`;
                });
                setMessage(r);
                if (r.ok) router.refresh();
              }}
            >
              Unlink
            </Button>
          </li>
        ))}
        {unlinked.map((p) => (
          <li key={p.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="font-medium text-slate-900">{p.label}</p>
              <p className="text-sm text-slate-600">Not linked</p>
            </div>
            <Button type="button" variant="secondary" onClick={() => signIn(p.id, { callbackUrl: "/account" })}>
              Link {p.label}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
};

const SessionsPanel = ({ account }: { account: AccountDto }) => {
  const router = useRouter();
  const [result, setResult] = useState<Result | null>(null);
  const run = async (scope: "others" | "all") => {
    const r = await attempt(async () => `Done.${othersText((await fetchJson<{ ended: number }>(`/api/account/sessions?scope=${scope}`, { method: "DELETE" })).ended)}`);
    if (r.ok && scope === "all") return signOut({ callbackUrl: "/sign-in" });
    setResult(r);
    router.refresh();
  };
  return (
    <Card>
      <Heading description="Browsers where you are signed in. Each sign-in lasts 12 hours at most.">Sessions</Heading>
      {result ? <div className="mb-4">{result.ok ? <Alert tone="success">{result.message}</Alert> : <Alert>{result.error}</Alert>}</div> : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="sessions">
        {account.sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <div>
              <p className="font-medium text-slate-900">
                {device(s.userAgent)} {s.current ? <Badge tone="green">This browser</Badge> : null}
              </p>
              <p className="text-sm text-slate-600">
                Signed in {formatDateTime(s.createdAt)} · ends {formatDateTime(s.expiresAt)}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => run("others")} disabled={account.sessions.length < 2}>
          Sign out other sessions
        </Button>
        <Button type="button" variant="danger" onClick={() => run("all")}>
          Sign out everywhere
        </Button>
      </div>
    </Card>
  );
};

export const AccountPanels = ({ account }: { account: AccountDto }) => (
  <>
    <PasswordPanel />
    <SsoPanel account={account} />
    <SessionsPanel account={account} />
  </>
);
