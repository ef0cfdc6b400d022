// What the dashboard sees of a token: JSON-safe (ISO dates), never the secret or its hash.
import type { TokenStatus } from "./tokens";

export type TokenDto = {
  id: string;
  name: string;
  prefix: string;
  origin: "cli" | "dashboard";
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: TokenStatus;
};

type Row = Omit<TokenDto, "createdAt" | "lastUsedAt" | "revokedAt"> & { createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export const toTokenDto = (t: Row): TokenDto => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  origin: t.origin,
  createdBy: t.createdBy,
  createdByName: t.createdByName,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
  status: t.status,
});

/** A token issued just now: the only response that ever carries the clear text. */
export type IssuedTokenDto = { id: string; name: string; token: string; tenantUrl: string; replaces?: { id: string; name: string } };
