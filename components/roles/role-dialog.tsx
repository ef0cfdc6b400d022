"use client";
// Creates a role or edits one: name, description, and what its holders may do, each capability
// explained in plain words.
import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/dialog";
import { Alert, Button, Field } from "@/components/ui";
import { useSaveRole } from "@/hooks/use-roles";
import { ApiError } from "@/lib/client/fetch-json";
import { CAPABILITIES, type Capability } from "@/lib/roles/roles";
import { ZRoleInput, type TRoleDto } from "@/lib/roles/schemas";

type Props = { slug: string; role: TRoleDto | null; open: boolean; onClose: () => void; onSaved: (name: string) => void };

export const RoleDialog = ({ slug, role, open, onClose, onSaved }: Props) => {
  const save = useSaveRole(slug);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const close = () => {
    setErrors({});
    save.reset();
    onClose();
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { name: String(form.get("name") ?? ""), description: String(form.get("description") ?? ""), capabilities: form.getAll("capabilities").map(String) as Capability[] };
    const parsed = ZRoleInput.safeParse(input);
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const i of parsed.error.issues) out[String(i.path[0] ?? "form")] ??= i.message;
      return setErrors(out);
    }
    setErrors({});
    try {
      const { role: saved } = await save.mutateAsync({ key: role?.key ?? null, input });
      onSaved(saved.name);
      close();
    } catch (err) {
      setErrors(err instanceof ApiError ? { form: err.message, ...err.fieldErrors } : { form: "Something went wrong. Please try again." });
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={role ? `Edit ${role.name}` : "New role"}
      description={role?.builtIn ? "A built-in role: you can rename it and change what it allows, but not delete it." : "Give employees this role on their page, or let your identity provider assign it."}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {errors.form && !errors.name ? <Alert>{errors.form}</Alert> : null}
        <Field label="Name" name="name" id="role-name" defaultValue={role?.name ?? ""} autoComplete="off" required maxLength={60} error={errors.name} />
        <div className="space-y-1">
          <label htmlFor="role-description" className="block text-sm font-medium text-slate-700">
            Description <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <textarea
            id="role-description"
            name="description"
            rows={2}
            maxLength={300}
            defaultValue={role?.description ?? ""}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? "role-description-error" : undefined}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
          />
          {errors.description ? (
            <p id="role-description-error" className="text-sm text-red-700">
              {errors.description}
            </p>
          ) : null}
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">What people with this role can do</legend>
          <div className="mt-2 space-y-2">
            {CAPABILITIES.map((c) => (
              <label key={c.value} className="flex items-start gap-3 rounded-md border border-slate-200 px-3 py-2.5 hover:bg-slate-50">
                <input
                  type="checkbox"
                  name="capabilities"
                  value={c.value}
                  defaultChecked={role ? role.capabilities.includes(c.value) : false}
                  aria-describedby={`cap-${c.value}-desc`}
                  className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                />
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-slate-900">{c.label}</span>
                  <span id={`cap-${c.value}-desc`} className="block text-xs text-slate-600">
                    {c.description}
                  </span>
                </span>
              </label>
            ))}
          </div>
          <p className="mt-2 text-xs text-slate-500">Without any of these, people with the role see only their own card, cannot change it and have no public card.</p>
        </fieldset>
        <div className="flex justify-end gap-2 pt-2">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : role ? "Save role" : "Create role"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};
