"use client";
import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/dialog";
import { Alert, Button, Field } from "@/components/ui";
import { useCreateEmployee } from "@/hooks/use-create-employee";
import { ApiError } from "@/lib/client/fetch-json";
import { ZNewEmployee } from "@/lib/employees/schemas";

type Created = { id: string; name: string };

const firstErrors = (issues: { path: PropertyKey[]; message: string }[]) => {
  const out: Record<string, string> = {};
  for (const i of issues) out[String(i.path[0] ?? "form")] ??= i.message;
  return out;
};

export const AddEmployeeDialog = ({ slug, open, onClose, onCreated }: { slug: string; open: boolean; onClose: () => void; onCreated: (c: Created) => void }) => {
  const create = useCreateEmployee(slug);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const close = () => {
    setErrors({});
    create.reset();
    onClose();
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const parsed = ZNewEmployee.safeParse(values);
    if (!parsed.success) return setErrors(firstErrors(parsed.error.issues));
    setErrors({});
    try {
      const { employee } = await create.mutateAsync(values);
      onCreated({ id: employee.id, name: employee.displayName ?? parsed.data.name });
      close();
    } catch (err) {
      setErrors(err instanceof ApiError ? { form: err.message, ...err.fieldErrors } : { form: "Something went wrong. Please try again." });
    }
  };

  return (
    <Dialog open={open} onClose={close} title="Add an employee" description="For people your identity provider does not provision. If it later provisions someone with the same email, Muster links the two.">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {errors.form && !errors.email ? <Alert>{errors.form}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" name="name" id="new-employee-name" autoComplete="off" required error={errors.name} />
          <Field label="Email" name="email" id="new-employee-email" type="email" autoComplete="off" required error={errors.email} />
          <Field label="Job title" name="title" id="new-employee-title" error={errors.title} />
          <Field label="Department" name="department" id="new-employee-department" error={errors.department} />
          <Field label="Location" name="location" id="new-employee-location" error={errors.location} />
          <Field label="Phone" name="phone" id="new-employee-phone" type="tel" error={errors.phone} />
        </div>
        <div className="flex justify-end gap-2 pt-2">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add employee"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};
