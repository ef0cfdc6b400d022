// POST { current, next, confirm }: the signed-in admin changes their password; every other session ends.
import { changePassword, ZChangePassword } from "@/lib/server/auth/account";
import { clientAddress } from "@/lib/server/auth/sign-in-limits";
import { withUser } from "@/lib/server/auth/user-api";

export const POST = withUser(async (req, user) => {
  const body = ZChangePassword.parse(await req.json().catch(() => ({})));
  return Response.json(await changePassword(user, body, clientAddress(req.headers.get("x-forwarded-for"))));
});
