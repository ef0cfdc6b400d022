"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ButtonHTMLAttributes, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { SecretOnce } from "@/components/secret-once";
import { Alert, Badge, Button, Card, cx, EmptyState, Field, formatDateTime, Table, Td, Th, timeAgo } from "@/components/ui";
import { tokensKey, useTokens } from "@/hooks/use-tokens";
import { requestJson } from "@/lib/client/fetch-json";
import type { IssuedTokenDto, TokenDto } from "@/lib/tokens/dto";

type Props = { slug: string; tenantUrl: string; initialTokens: TokenDto[] };

const STATUS = {
  active: { label: "Active", tone: "green" },
  revoked: { label: "Revoked", tone: "gray" },
  "creator-lost-access": { label: "Stopped: creator is no longer an admin", tone: "amber" },
} as const;

const RowButton = ({ danger, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { danger?: boolean }) => (
  <button
    type="button"
    className={cx(
      "rounded-md border bg-white px-3 py-1.5 text-xs font-medium shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-not-allowed disabled:opacity-60",
      danger ? "border-red-200 text-red-700 hover:bg-red-50" : "border-slate-300 text-slate-700 hover:bg-slate-50",
    )}
    {...props}
  />
);

export const TokenManager = ({ slug, tenantUrl, initialTokens }: Props) => {
  const queryClient = useQueryClient();
  const tokens = useTokens(slug, initialTokens);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const [issued, setIssued] = useState<IssuedTokenDto | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [revoking, setRevoking] = useState<TokenDto | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: tokensKey(slug) });

  const create = useMutation({
    mutationFn: (tokenName: string) => requestJson<IssuedTokenDto>(`/api/w/${slug}/tokens`, { method: "POST", body: { name: tokenName } }),
    onSuccess: (t) => {
      setIssued(t);
      setName("");
      setNotice(null);
      void refresh();
    },
    onError: (err) => setNameError(err.message),
  });

  const regenerate = useMutation({
    mutationFn: (t: TokenDto) => requestJson<IssuedTokenDto>(`/api/w/${slug}/tokens/${t.id}/regenerate`, { method: "POST" }),
    onSuccess: (t) => {
      setIssued(t);
      setNotice(null);
      void refresh();
    },
    onError: (err) => setNotice({ tone: "error", text: err.message }),
  });

  const revoke = useMutation({
    mutationFn: (t: TokenDto) => requestJson(`/api/w/${slug}/tokens/${t.id}`, { method: "DELETE" }),
    onSuccess: (_data, t) => {
      setRevoking(null);
      setNotice({ tone: "success", text: `“${t.name}” is revoked. Requests signed with it are now refused (401).` });
      if (issued?.replaces?.id === t.id) setIssued((cur) => (cur ? { ...cur, replaces: undefined } : cur));
      void refresh();
    },
  });

  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError("Give the token a name, e.g. the identity provider that will use it");
    setNameError(undefined);
    create.mutate(name);
  };

  const rows = tokens.data ?? [];

  return (
    <div className="space-y-6">
      {issued ? (
        <SecretOnce
          testId="new-token"
          title={issued.replaces ? `New token for “${issued.replaces.name}”` : `Your new token “${issued.name}”`}
          label="Token"
          value={issued.token}
          warning="Copy it now and paste it into your identity provider. Muster keeps only a hash: this token will not be shown again."
          onDismiss={() => setIssued(null)}
        >
          {issued.replaces ? (
            <div>
              <p className="font-medium">The old token keeps working until you revoke it, so your sync does not stop. To switch over:</p>
              <ol className="mt-2 list-decimal space-y-1 pl-5">
                <li>Paste this token as the Secret Token in your identity provider (Entra ID: Provisioning → Admin Credentials; Okta: Provisioning → Integration).</li>
                <li>Run Test Connection there, and save.</li>
                <li>
                  When the old token’s <strong>Last used</strong> below stops moving, revoke “{issued.replaces.name}”.
                </li>
              </ol>
            </div>
          ) : (
            <p>
              Tenant URL for your identity provider: <code className="rounded bg-white px-1.5 py-0.5 font-mono text-xs">{tenantUrl}</code>
            </p>
          )}
        </SecretOnce>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <h2 className="text-lg font-semibold">Generate a token</h2>
          <p className="mt-1 text-sm text-slate-600">One token per identity provider makes it easy to see who is calling and to rotate one without touching the others.</p>
          <form onSubmit={onCreate} noValidate className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start">
            <div className="flex-1">
              <Field
                label="Token name"
                name="tokenName"
                id="token-name"
                value={name}
                maxLength={80}
                placeholder="e.g. Microsoft Entra ID"
                onChange={(e) => setName(e.target.value)}
                error={nameError}
                hint="Name it after the system that will use it."
              />
            </div>
            <Button type="submit" className="sm:mt-6" disabled={create.isPending}>
              {create.isPending ? "Generating…" : "Generate token"}
            </Button>
          </form>
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">Rotating a token</h2>
          <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm text-slate-600">
            <li>
              <strong className="text-slate-800">Regenerate</strong> issues a new token with the same name. The old one keeps working.
            </li>
            <li>Paste the new token into your identity provider and run Test Connection.</li>
            <li>
              When the old token’s <strong className="text-slate-800">Last used</strong> stops moving, revoke it.
            </li>
          </ol>
          <p className="mt-3 text-xs text-slate-500">A token made by an admin stops working if that admin is removed. Tokens made with the CLI live until revoked.</p>
        </Card>
      </div>

      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {tokens.error ? <Alert>{tokens.error.message}</Alert> : null}

      {rows.length === 0 ? (
        <EmptyState title="No tokens yet">Generate one above, then paste it into your identity provider as the Secret Token.</EmptyState>
      ) : (
        <Table caption="SCIM tokens">
          <thead>
            <tr>
              <Th className="whitespace-nowrap">Name</Th>
              <Th className="whitespace-nowrap">Token</Th>
              <Th className="whitespace-nowrap">Created</Th>
              <Th className="whitespace-nowrap">Last used</Th>
              <Th className="whitespace-nowrap">Status</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((t) => (
              <tr key={t.id} data-testid={`token-row-${t.id}`} className={t.status === "revoked" ? "bg-slate-50/60" : undefined}>
                <Td className="min-w-48 font-medium text-slate-900">
                  <span data-testid="token-name">{t.name}</span>
                  {issued?.replaces?.id === t.id ? <p className="mt-0.5 text-xs font-normal text-amber-700">Being replaced — revoke once your IdP uses the new token</p> : null}
                </Td>
                <Td>
                  <code className="whitespace-nowrap font-mono text-xs text-slate-600">mst_{t.prefix}…</code>
                </Td>
                <Td className="whitespace-nowrap">
                  {formatDateTime(t.createdAt)}
                  <p className="mt-0.5 text-xs text-slate-500">
                    by{" "}
                    {t.origin === "cli" ? (
                      <Badge tone="violet">CLI</Badge>
                    ) : (
                      <span title={t.createdBy ?? undefined}>{t.createdByName || t.createdBy || "a deleted user"}</span>
                    )}
                  </p>
                </Td>
                <Td className="whitespace-nowrap">
                  <span title={t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "This token has not been used yet"} suppressHydrationWarning>
                    {timeAgo(t.lastUsedAt)}
                  </span>
                </Td>
                <Td>
                  <Badge tone={STATUS[t.status].tone}>{STATUS[t.status].label}</Badge>
                  {t.revokedAt ? <p className="mt-1 whitespace-nowrap text-xs text-slate-500">{formatDateTime(t.revokedAt)}</p> : null}
                </Td>
                <Td className="text-right">
                  {t.status === "revoked" ? null : (
                    <div className="flex justify-end gap-2">
                      <RowButton
                        disabled={regenerate.isPending}
                        aria-label={`Regenerate ${t.name}`}
                        onClick={() => regenerate.mutate(t)}
                      >
                        Regenerate
                      </RowButton>
                      <RowButton
                        danger
                        aria-label={`Revoke ${t.name}`}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(t);
                        }}
                      >
                        Revoke
                      </RowButton>
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <ConfirmDialog
        open={!!revoking}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onCancel={() => setRevoking(null)}
      >
        <p>
          Any identity provider still using <code className="font-mono text-xs">mst_{revoking?.prefix}…</code> gets 401 from its next request, and provisioning stops until
          it has a new token. This cannot be undone.
        </p>
        <p>
          Last used: <strong className="text-slate-800">{timeAgo(revoking?.lastUsedAt)}</strong>
          {revoking?.lastUsedAt ? ` (${formatDateTime(revoking.lastUsedAt)})` : ""}.
        </p>
      </ConfirmDialog>
    </div>
  );
};
