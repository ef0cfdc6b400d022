// POST { name, email, password, workspaceName }: 202 "check your email" for every address (new or
// taken: the answer never says which), or 201 on an empty instance's first run, which signs in next.
import { ZSignUp } from "@/lib/server/auth/schemas";
import { publicJsonRoute } from "@/lib/server/auth/user-api";
import { originOfRequest } from "@/lib/server/public-origin";
import { requestSignUp } from "@/lib/server/workspaces/sign-up";

export const POST = publicJsonRoute(ZSignUp, async (body, req) => {
  const outcome = await requestSignUp(body, originOfRequest(req));
  return "created" in outcome ? Response.json({ created: true }, { status: 201 }) : Response.json({ checkEmail: true }, { status: 202 });
});
