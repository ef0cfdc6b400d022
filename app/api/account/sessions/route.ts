// GET: the signed-in admin's open sessions. DELETE ?scope=others|all: "sign out everywhere" (but
// this browser, with scope=others).
import { listUserSessions } from "@/lib/server/auth/auth-sessions";
import { signOutEverywhere } from "@/lib/server/auth/account";
import { withUser } from "@/lib/server/auth/user-api";

export const GET = withUser(async (_req, user) => Response.json({ sessions: await listUserSessions(user.id, user.sid) }));

export const DELETE = withUser(async (req, user) => {
  const scope = new URL(req.url).searchParams.get("scope") === "others" ? "others" : "all";
  return Response.json({ ended: await signOutEverywhere(user, scope === "others" ? user.sid : undefined), scope });
});
