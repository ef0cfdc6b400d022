import NextAuth from "next-auth";
import { pausedFor } from "@/lib/auth/sign-in-errors";
import { authOptions } from "@/lib/server/auth/options";
import { withRequestLog } from "@/lib/server/http/with-request-log";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// A paused password sign-in (sign-in-limits.ts) reaches next-auth as an error it answers with 401;
// the protocol's answer is 429 with Retry-After, so clients and proxies back off.
const asPaused = async (res: Response): Promise<Response> => {
  if (res.status !== 401 || !res.headers.get("content-type")?.includes("json")) return res;
  const body = (await res.clone().json().catch(() => null)) as { url?: string } | null;
  const seconds = body?.url ? pausedFor(new URL(body.url, "http://x").searchParams.get("error")) : null;
  if (seconds === null) return res;
  const headers = new Headers(res.headers);
  headers.set("Retry-After", String(seconds));
  return new Response(JSON.stringify(body), { status: 429, headers });
};

// No withSameOrigin: next-auth checks its own CSRF token (a double-submit cookie) on every POST.
const handler = withRequestLog(async (req: Request, ctx: Ctx) => {
  const res = (await NextAuth(req as never, ctx as never, authOptions())) as Response;
  return req.method === "POST" ? asPaused(res) : res;
});

export { handler as GET, handler as POST };
