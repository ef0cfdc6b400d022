// DELETE: unlinks a single sign-on identity from the signed-in admin's account.
import { unlinkIdentity } from "@/lib/server/auth/account";
import { withUser } from "@/lib/server/auth/user-api";

export const DELETE = withUser<{ id: string }>(async (_req, user, { id }) => {
  await unlinkIdentity(user, id);
  return new Response(null, { status: 204 });
});
