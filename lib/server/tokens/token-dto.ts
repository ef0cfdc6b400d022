// A token row as the dashboard sees it (lib/tokens/dto.ts): JSON-safe (ISO dates), never the secret or its hash.
import type { TokenDto } from "@/lib/tokens/dto";

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
