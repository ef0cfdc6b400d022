import { z } from "zod";
import { ZWorkspaceName } from "@/lib/workspaces/settings";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }));

export const ZNewPassword = z
  .string()
  .min(10, { error: "Use at least 10 characters for the password" })
  .max(200, { error: "Use at most 200 characters for the password" });

export const ZSignUp = z.object({
  name: z.string().trim().max(120).optional().default(""),
  email: ZEmail,
  password: ZNewPassword,
  workspaceName: ZWorkspaceName,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({ email: ZEmail, password: z.string().min(1).max(200) });

/** The first message of each invalid field, for forms. */
export const fieldErrors = (error: z.ZodError): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
};
