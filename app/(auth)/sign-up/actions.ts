"use server";
import { fieldErrors, ZSignUp } from "@/lib/server/auth/schemas";
import { UserError } from "@/lib/server/errors";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";

export type SignUpResult = { ok: true } | { ok: false; errors: Record<string, string> };

export const signUp = async (input: Record<string, string>): Promise<SignUpResult> => {
  const parsed = ZSignUp.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { name, email, password, workspaceName } = parsed.data;
  try {
    await createWorkspace({ name: workspaceName, ownerEmail: email, ownerName: name, password, requireNewOwner: true });
    return { ok: true };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, errors: { [err.field ?? "form"]: err.message } };
    throw err;
  }
};
