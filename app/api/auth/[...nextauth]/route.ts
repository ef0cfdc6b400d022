import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";

// No withSameOrigin: next-auth checks its own CSRF token (a double-submit cookie) on every POST.
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req as never, ctx as never, authOptions());

export { handler as GET, handler as POST };
