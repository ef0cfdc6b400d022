// Rotation without a gap: a new token with the same name is issued and the old one keeps working
// until an admin revokes it, so a running sync never meets a 401 halfway through the switch.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { UserError } from "@/lib/server/errors";
import type { IssuedTokenDto } from "@/lib/tokens/dto";
import { createToken } from "./tokens";

export const ZTokenName = z
  .string({ error: "Give the token a name" })
  .trim()
  .min(1, { error: "Give the token a name, e.g. the identity provider that will use it" })
  .max(80, { error: "Keep the token name under 80 characters" });

export const ZCreateToken = z.object({ name: ZTokenName });

const ROTATED_SUFFIX = / \(rotated \d{4}-\d{2}-\d{2}\)$/;

/** "Entra ID" → "Entra ID (rotated 2026-11-22)"; rotating again replaces the date instead of stacking. */
export const rotatedName = (name: string, now = new Date()) => `${name.replace(ROTATED_SUFFIX, "").slice(0, 60)} (rotated ${now.toISOString().slice(0, 10)})`;

export const regenerateToken = async (workspaceId: string, tokenId: string, userId: string): Promise<IssuedTokenDto> => {
  const old = await db.scimToken.findFirst({ where: { id: tokenId, workspaceId, revokedAt: null }, select: { id: true, name: true } });
  if (!old) throw new UserError("No active token with that id in this workspace", "token", "not_found");
  const issued = await createToken(workspaceId, rotatedName(old.name), userId);
  return { id: issued.id, name: issued.name, token: issued.token, tenantUrl: issued.tenantUrl, replaces: { id: old.id, name: old.name } };
};
