"use client";
// The workspace's roles: what each allows, how many employees hold it, and editing. A role is
// deleted only when nothing depends on it; the server's refusal says what to do first.
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Alert, Badge, Button, PageHeader } from "@/components/ui";
import { useDeleteRole, useRoles } from "@/hooks/use-roles";
import { CAPABILITIES } from "@/lib/roles/roles";
import type { TRoleDto } from "@/lib/roles/schemas";
import { RoleDialog } from "./role-dialog";

const n = (x: number) => x.toLocaleString("en");

export const RoleList = ({ slug, initial }: { slug: string; initial: TRoleDto[] }) => {
  const { data: roles = initial, error } = useRoles(slug, initial);
  const remove = useDeleteRole(slug);
  const [editing, setEditing] = useState<TRoleDto | null | "new">(null);
  const [deleting, setDeleting] = useState<TRoleDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div>
      <PageHeader
        title="Roles"
        description="Every employee holds one role. It decides what they can do in Muster: see colleagues' cards, edit their own card, appear in the public directory."
        actions={
          <Button type="button" className="whitespace-nowrap" onClick={() => (setNotice(null), setEditing("new"))}>
            New role
          </Button>
        }
      />
      <div className="space-y-3">
        {error ? <Alert>Could not load the roles: {error.message}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <ul className="space-y-3" aria-label="Roles">
          {roles.map((r) => (
            <li key={r.key} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid={`role-${r.name}`}>
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 className="break-words text-base font-semibold text-slate-900">{r.name}</h2>
                    {r.builtIn ? <Badge tone="gray">Built in</Badge> : null}
                  </div>
                  {r.description ? <p className="mt-1 break-words text-sm text-slate-600">{r.description}</p> : null}
                </div>
                <p className="shrink-0 text-sm text-slate-600" data-testid="role-holders">
                  <span className="font-semibold tabular-nums text-slate-900">{n(r.holders)}</span> {r.holders === 1 ? "employee" : "employees"}
                </p>
              </div>
              <ul className="mt-3 flex flex-wrap gap-2" aria-label={`What ${r.name} allows`}>
                {CAPABILITIES.map((c) => {
                  const on = r.capabilities.includes(c.value);
                  return (
                    <li key={c.value}>
                      <span
                        title={c.description}
                        className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${on ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-50 text-slate-500 line-through decoration-slate-400 ring-slate-200"}`}
                      >
                        <span aria-hidden>{on ? "✓" : "✕"}</span>
                        {c.label}
                        <span className="sr-only">{on ? ": allowed" : ": not allowed"}</span>
                      </span>
                    </li>
                  );
                })}
              </ul>
              <div className="mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-3">
                <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={() => (setNotice(null), setEditing(r))}>
                  Edit<span className="sr-only"> {r.name}</span>
                </Button>
                {r.builtIn ? null : (
                  <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={() => (setNotice(null), remove.reset(), setDeleting(r))}>
                    Delete<span className="sr-only"> {r.name}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </div>

      <RoleDialog
        key={editing === "new" ? "new" : (editing?.key ?? "none")}
        slug={slug}
        role={editing === "new" ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={(name) => setNotice(editing === "new" ? `Role ${name} created.` : `Role ${name} saved.`)}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete ${deleting.name}?` : "Delete role?"}
        confirmLabel="Delete role"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.key, {
            onSuccess: () => {
              setNotice(`Role ${deleting.name} deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        <p>
          {deleting && deleting.holders > 0
            ? `${n(deleting.holders)} ${deleting.holders === 1 ? "employee holds" : "employees hold"} this role: move them to another role before deleting it.`
            : "Nobody holds this role. Deleting it cannot be undone."}
        </p>
      </ConfirmDialog>
    </div>
  );
};
