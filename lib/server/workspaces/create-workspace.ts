import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { builtInRoleRows } from "@/lib/roles/roles";
import { hashPassword } from "@/lib/server/auth/password";
import { ZEmail, ZNewPassword } from "@/lib/server/auth/schemas";
import { ZWorkspaceName } from "@/lib/workspaces/settings";
import { isUniqueViolation, UserError } from "@/lib/server/errors";

const slugify = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "workspace";

type Input = { name: string; ownerEmail: string; ownerName?: string; password?: string; passwordHash?: string; requireNewOwner?: boolean };

/**
 * Creates a workspace and makes `ownerEmail` its owner, creating that user when needed.
 * Sign-up passes requireNewOwner, so an existing account is never taken over by a stranger;
 * the operator CLI may attach a workspace to an existing user.
 */
export const createWorkspace = async (input: Input): Promise<{ workspaceId: string; slug: string; userId: string }> => {
  const name = ZWorkspaceName.parse(input.name);
  const email = ZEmail.parse(input.ownerEmail);
  const passwordHash = input.passwordHash ?? (input.password === undefined ? null : await hashPassword(ZNewPassword.parse(input.password)));

  for (let attempt = 0; attempt < 5; attempt++) {
    const base = slugify(name);
    const slug = attempt === 0 ? base : `${base}-${crypto.randomBytes(3).toString("hex")}`;
    try {
      return await db.$transaction(async (tx) => {
        let user = await tx.user.findUnique({ where: { email } });
        if (user && input.requireNewOwner) throw new UserError("An account with this email already exists. Sign in instead.", "email", "conflict");
        user ??= await tx.user.create({ data: { email, name: input.ownerName || null, passwordHash } });
        if (passwordHash && !user.passwordHash) await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
        const workspace = await tx.workspace.create({ data: { name, slug } });
        await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "OWNER" } });
        await tx.role.createMany({ data: builtInRoleRows(workspace.id) });
        return { workspaceId: workspace.id, slug, userId: user.id };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const target = JSON.stringify((err as { meta?: unknown }).meta ?? "");
      if (/email/i.test(target)) throw new UserError("An account with this email already exists. Sign in instead.", "email", "conflict");
      // a slug collision: try again with a suffix
    }
  }
  throw new Error("could not find a free workspace slug");
};
