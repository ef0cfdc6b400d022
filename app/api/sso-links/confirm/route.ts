// POST { token }: the account's owner confirms, from the link emailed to them, that an identity
// provider's account may sign in to their Muster account.
import { z } from "zod";
import { confirmSsoLinkByToken } from "@/lib/server/auth/sso-sign-in";
import { publicJsonRoute } from "@/lib/server/auth/user-api";

export const POST = publicJsonRoute(z.object({ token: z.string().max(100) }), async ({ token }) => {
  const linked = await confirmSsoLinkByToken(token);
  if (!linked) return Response.json({ error: "This link has expired or was already used. Sign in with single sign-on again to get a new one." }, { status: 410 });
  return Response.json({ provider: linked.provider, providerLabel: linked.providerLabel });
});
