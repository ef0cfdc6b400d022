import { withAdmin } from "@/lib/server/auth/admin-api";
import { ZCreateToken } from "@/lib/server/tokens/regenerate-token";
import { toTokenDto } from "@/lib/server/tokens/token-dto";
import type { IssuedTokenDto } from "@/lib/tokens/dto";
import { createToken, listTokens } from "@/lib/server/tokens/tokens";

export const dynamic = "force-dynamic";

export const GET = withAdmin(async (_req, { workspace }) => Response.json({ tokens: (await listTokens(workspace.id)).map(toTokenDto) }));

/** Issues a token; the response is the only place its clear text ever appears. */
export const POST = withAdmin(async (req, { workspace, user }) => {
  const { name } = ZCreateToken.parse(await req.json().catch(() => ({})));
  const t = await createToken(workspace.id, name, user.id);
  const body: IssuedTokenDto = { id: t.id, name: t.name, token: t.token, tenantUrl: t.tenantUrl };
  return Response.json(body, { status: 201, headers: { "Cache-Control": "no-store" } });
});
