// The newest SCIM request of a workspace, for "is my IdP talking to Muster?" on the Connect page.
import "server-only";
import { db } from "@/lib/db/client";
import type { LastRequestDto } from "@/lib/tokens/dto";

export const lastRequest = async (workspaceId: string): Promise<LastRequestDto> => {
  // (workspaceId, at) is indexed: this reads one row however long the log is.
  const e = await db.provisioningEvent.findFirst({
    where: { workspaceId },
    orderBy: { at: "desc" },
    select: { at: true, method: true, path: true, status: true, tokenId: true },
  });
  if (!e) return null;
  const token = e.tokenId ? await db.scimToken.findFirst({ where: { id: e.tokenId, workspaceId }, select: { name: true, prefix: true } }) : null;
  return { at: e.at.toISOString(), method: e.method, path: e.path, status: e.status, tokenName: token?.name ?? null, tokenPrefix: token?.prefix ?? null };
};
