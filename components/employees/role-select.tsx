"use client";
// The employee's role on their page: what it is, where it came from, and a picker for an admin to
// set it by hand (syncs leave a role set by hand alone).
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button } from "@/components/ui";
import { useSetEmployeeRole } from "@/hooks/use-roles";
import { roleSourceLabel } from "@/lib/roles/schemas";

type Props = { slug: string; employeeId: string; roles: { key: string; name: string }[]; role: string; roleSource: string };

export const RoleSelect = ({ slug, employeeId, roles, role, roleSource }: Props) => {
  const router = useRouter();
  const client = useQueryClient();
  const set = useSetEmployeeRole(slug, employeeId);
  const [value, setValue] = useState(role);
  const [saved, setSaved] = useState<string | null>(null);
  const known = roles.some((r) => r.key === role);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    set.mutate(value, {
      onSuccess: () => {
        setSaved(`Role set to ${roles.find((r) => r.key === value)?.name ?? value}.`);
        void client.invalidateQueries({ queryKey: ["employee-events", slug, employeeId] });
        router.refresh();
      },
    });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Change role">
      <label htmlFor="employee-role" className="block text-xs font-semibold uppercase tracking-wide text-slate-500">
        Role
      </label>
      <div className="flex gap-2">
        <select
          id="employee-role"
          name="role"
          value={value}
          onChange={(e) => (setValue(e.target.value), setSaved(null), set.reset())}
          aria-describedby="employee-role-source"
          className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
        >
          {known ? null : <option value={role}>{role} (no such role)</option>}
          {roles.map((r) => (
            <option key={r.key} value={r.key}>
              {r.name}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={set.isPending || (value === role && roleSource === "admin")}>
          {set.isPending ? "Saving…" : "Save"}
        </Button>
      </div>
      <p id="employee-role-source" className="text-xs text-slate-500" data-testid="role-source">
        {roleSourceLabel(roleSource)}
        {roleSource === "admin"
          ? ": syncs keep it, unless “Import users to custom roles” is on and your identity provider names a role for them (an app role or a group rule)."
          : roleSource === "idp"
            ? ": follows what your identity provider sends while role import is on."
            : "."}
      </p>
      {set.error ? <Alert>{set.error.message}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
    </form>
  );
};
