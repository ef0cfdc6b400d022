"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ButtonHTMLAttributes, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { SecretOnce } from "@/components/secret-once";
import { Alert, Badge, Button, Card, cx, Field, formatDateTime, Table, Td, Th, timeAgo } from "@/components/ui";
import { adminsKey, useAdmins, type AdminsData } from "@/hooks/use-admins";
import { tokensKey } from "@/hooks/use-tokens";
import { ApiError, requestJson } from "@/lib/client/fetch-json";
import type { AdminDto, InviteDto, StoppingTokenDto } from "@/lib/workspaces/admins";

const ROLE_LABEL = { OWNER: "Owner", ADMIN: "Admin" } as const;

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

type Notice = { tone: "success" | "error"; text: string } | null;

export const AdminsPanel = ({ slug, initial }: { slug: string; initial: AdminsData }) => {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data = initial, error } = useAdmins(slug, initial);
  const [notice, setNotice] = useState<Notice>(null);
  const [removing, setRemoving] = useState<AdminDto | null>(null);
  const [invite, setInvite] = useState({ email: "", role: "ADMIN" as "ADMIN" | "OWNER" });
  const [inviteErrors, setInviteErrors] = useState<Record<string, string>>({});
  const [link, setLink] = useState<{ email: string; link: string } | null>(null);
  const isOwner = data.me.role === "OWNER";

  const refresh = () => queryClient.invalidateQueries({ queryKey: adminsKey(slug) });

  const changeRole = useMutation({
    mutationFn: ({ admin, role }: { admin: AdminDto; role: "OWNER" | "ADMIN" }) =>
      requestJson<{ admin: AdminDto }>(`/api/w/${slug}/admins/${admin.id}`, { method: "PATCH", body: { role } }),
    onSuccess: ({ admin }) => {
      setNotice({ tone: "success", text: `${admin.email} is now ${admin.role === "OWNER" ? "an owner" : "an admin"}.` });
      void refresh();
    },
    onError: (err) => setNotice({ tone: "error", text: err.message }),
  });

  const impact = useQuery({
    queryKey: [...adminsKey(slug), removing?.id, "impact"],
    queryFn: () => requestJson<{ stoppingTokens: StoppingTokenDto[] }>(`/api/w/${slug}/admins/${removing!.id}`),
    enabled: !!removing,
    staleTime: 0,
  });

  const remove = useMutation({
    mutationFn: (admin: AdminDto) => requestJson<{ email: string; stoppedTokens: number }>(`/api/w/${slug}/admins/${admin.id}`, { method: "DELETE" }),
    onSuccess: (res, admin) => {
      setRemoving(null);
      if (admin.userId === data.me.userId) {
        // You removed yourself: this workspace is no longer yours to see.
        router.replace("/");
        router.refresh();
        return;
      }
      const stopped = res.stoppedTokens ? ` ${res.stoppedTokens} SCIM ${res.stoppedTokens === 1 ? "token" : "tokens"} created by them stopped working.` : "";
      setNotice({ tone: "success", text: `${res.email} is no longer an admin of this workspace.${stopped}` });
      void refresh();
      void queryClient.invalidateQueries({ queryKey: tokensKey(slug) });
    },
  });

  const createInvite = useMutation({
    mutationFn: (input: typeof invite) => requestJson<{ invite: InviteDto; link: string }>(`/api/w/${slug}/invites`, { method: "POST", body: input }),
    onSuccess: (res) => {
      setLink({ email: res.invite.email, link: res.link });
      setInvite({ email: "", role: "ADMIN" });
      setInviteErrors({});
      setNotice(null);
      void refresh();
    },
    onError: (err) => setInviteErrors(err instanceof ApiError && Object.keys(err.fieldErrors).length ? err.fieldErrors : { email: err.message }),
  });

  const revokeInvite = useMutation({
    mutationFn: (inv: InviteDto) => requestJson(`/api/w/${slug}/invites/${inv.id}`, { method: "DELETE" }),
    onSuccess: (_res, inv) => {
      setNotice({ tone: "success", text: `The invite for ${inv.email} was withdrawn; its link no longer works.` });
      if (link?.email === inv.email) setLink(null);
      void refresh();
    },
    onError: (err) => setNotice({ tone: "error", text: err.message }),
  });

  const onInvite = (e: FormEvent) => {
    e.preventDefault();
    if (!invite.email.trim()) return setInviteErrors({ email: "Enter the email address of the person to invite" });
    createInvite.mutate(invite);
  };

  const owners = data.admins.filter((a) => a.role === "OWNER").length;

  return (
    <Card>
      <div className="flex flex-col gap-1">
        <h2 className="text-lg font-semibold">Admins</h2>
        <p className="text-sm text-slate-600">
          Admins manage this workspace: employees, SCIM tokens and settings. Owners can also change roles and remove admins; a workspace always keeps at least one owner.
        </p>
      </div>

      <div className="mt-4 space-y-4">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        {error ? <Alert>{error.message}</Alert> : null}

        <Table caption="Admins of this workspace">
          <thead>
            <tr>
              <Th>Admin</Th>
              <Th>Role</Th>
              <Th>Since</Th>
              <Th className="text-right">{isOwner ? <span className="sr-only">Actions</span> : null}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.admins.map((a) => {
              const lastOwner = a.role === "OWNER" && owners <= 1;
              return (
                <tr key={a.id} data-testid={`admin-row-${a.email}`}>
                  <Td>
                    <p className="font-medium text-slate-900">
                      {a.name || a.email}
                      {a.userId === data.me.userId ? (
                        <span className="ml-2 align-middle">
                          <Badge>You</Badge>
                        </span>
                      ) : null}
                    </p>
                    {a.name ? <p className="text-xs text-slate-500">{a.email}</p> : null}
                  </Td>
                  <Td>
                    <Badge tone={a.role === "OWNER" ? "violet" : "blue"}>{ROLE_LABEL[a.role]}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(a.since)}</Td>
                  <Td className="text-right">
                    {isOwner ? (
                      <div className="flex flex-wrap justify-end gap-2">
                        <RowButton
                          disabled={changeRole.isPending || lastOwner}
                          aria-label={a.role === "OWNER" ? `Make ${a.email} an admin` : `Make ${a.email} an owner`}
                          aria-describedby={lastOwner ? `last-owner-${a.id}` : undefined}
                          onClick={() => {
                            setNotice(null);
                            changeRole.mutate({ admin: a, role: a.role === "OWNER" ? "ADMIN" : "OWNER" });
                          }}
                        >
                          {a.role === "OWNER" ? "Make admin" : "Make owner"}
                        </RowButton>
                        <RowButton
                          danger
                          disabled={lastOwner}
                          aria-label={`Remove ${a.email}`}
                          aria-describedby={lastOwner ? `last-owner-${a.id}` : undefined}
                          onClick={() => {
                            setNotice(null);
                            remove.reset();
                            setRemoving(a);
                          }}
                        >
                          Remove
                        </RowButton>
                        {lastOwner ? (
                          <p id={`last-owner-${a.id}`} className="w-full text-right text-xs text-slate-500">
                            The only owner: make someone else an owner first.
                          </p>
                        ) : null}
                      </div>
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
        {!isOwner ? <p className="text-xs text-slate-500">Only owners can change roles or remove admins.</p> : null}
      </div>

      <div className="mt-8 border-t border-slate-100 pt-6">
        <h3 className="text-base font-semibold">Invite an admin</h3>
        <p className="mt-1 text-sm text-slate-600">Muster creates a link you send yourself. It works once, for 7 days; the invitee signs in (or creates an account) and joins with the role you pick.</p>
        <form onSubmit={onInvite} noValidate className="mt-4 flex flex-col gap-3 md:flex-row md:items-start">
          <div className="flex-1">
            <Field
              label="Email"
              id="invite-email"
              name="email"
              type="email"
              autoComplete="off"
              value={invite.email}
              onChange={(e) => setInvite((v) => ({ ...v, email: e.target.value }))}
              error={inviteErrors.email}
            />
          </div>
          <div>
            <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">
              Role
            </label>
            <select
              id="invite-role"
              value={invite.role}
              onChange={(e) => setInvite((v) => ({ ...v, role: e.target.value as "ADMIN" | "OWNER" }))}
              className="mt-1 block w-40 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
            >
              <option value="ADMIN">Admin</option>
              {isOwner ? <option value="OWNER">Owner</option> : null}
            </select>
            {inviteErrors.role ? <p className="mt-1 text-sm text-red-700">{inviteErrors.role}</p> : null}
          </div>
          <Button type="submit" className="md:mt-6" disabled={createInvite.isPending}>
            {createInvite.isPending ? "Creating…" : "Create invite link"}
          </Button>
        </form>

        {link ? (
          <div className="mt-4">
            <SecretOnce
              testId="invite-link"
              headingLevel={3}
              title={`Invite link for ${link.email}`}
              label="Link"
              value={link.link}
              warning="Send this link to them yourself. It works once, for 7 days, and will not be shown again."
              onDismiss={() => setLink(null)}
            />
          </div>
        ) : null}

        <h3 className="mt-6 text-sm font-semibold text-slate-900">Pending invites</h3>
        {data.invites.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">No pending invites.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Pending invites">
            {data.invites.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">
                    {inv.email} <Badge tone={inv.role === "OWNER" ? "violet" : "blue"}>{ROLE_LABEL[inv.role]}</Badge>
                  </p>
                  <p className="text-xs text-slate-500" suppressHydrationWarning>
                    Invited {timeAgo(inv.createdAt)}
                    {inv.invitedBy ? ` by ${inv.invitedBy}` : ""} · expires {formatDateTime(inv.expiresAt)}
                  </p>
                </div>
                <RowButton danger disabled={revokeInvite.isPending} aria-label={`Withdraw the invite for ${inv.email}`} onClick={() => revokeInvite.mutate(inv)}>
                  Withdraw
                </RowButton>
              </li>
            ))}
          </ul>
        )}
      </div>

      <ConfirmDialog
        open={!!removing}
        title={`Remove ${removing?.name || removing?.email || ""}?`}
        confirmLabel={removing?.userId === data.me.userId ? "Remove myself" : "Remove admin"}
        pendingLabel="Removing…"
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>
          {removing?.userId === data.me.userId
            ? "You will lose access to this workspace right away."
            : `${removing?.name || removing?.email} will lose access to this workspace right away. Their account stays, so you can invite them again later.`}
        </p>
        {impact.isPending ? (
          <p>Checking which SCIM tokens depend on this admin…</p>
        ) : impact.error ? (
          <p className="text-red-700">Could not check the SCIM tokens: {impact.error.message}</p>
        ) : impact.data.stoppingTokens.length ? (
          <div data-testid="stopping-tokens" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-900">
            <p className="font-medium">
              {impact.data.stoppingTokens.length === 1 ? "This SCIM token stops working" : `These ${impact.data.stoppingTokens.length} SCIM tokens stop working`}, because this admin
              created them:
            </p>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {impact.data.stoppingTokens.map((t) => (
                <li key={t.id}>
                  “{t.name}” <span className="font-mono text-xs">(mst_{t.prefix}…)</span> — last used {timeAgo(t.lastUsedAt)}
                </li>
              ))}
            </ul>
            <p className="mt-2">If an identity provider still uses one, regenerate it first on the SCIM tokens page and paste the new token into the IdP, or provisioning stops.</p>
          </div>
        ) : (
          <p data-testid="stopping-tokens">No SCIM token depends on this admin.</p>
        )}
      </ConfirmDialog>
    </Card>
  );
};
