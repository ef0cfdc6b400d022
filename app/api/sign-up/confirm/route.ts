// POST { token, password }: creates the workspace of an emailed sign-up link, once; the browser
// then signs in with the same password.
import { z } from "zod";
import { clientAddress } from "@/lib/server/auth/sign-in-limits";
import { publicJsonRoute } from "@/lib/server/auth/user-api";
import { confirmSignUp } from "@/lib/server/workspaces/sign-up";

const ZConfirm = z.object({ token: z.string().max(100), password: z.string().min(1, { error: "Enter the password you chose when you signed up" }).max(200) });

export const POST = publicJsonRoute(ZConfirm, async ({ token, password }, req) =>
  Response.json(await confirmSignUp(token, password, clientAddress(req.headers.get("x-forwarded-for"))), { status: 201 }),
);
