import { serveScim } from "@/lib/server/scim/serve";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ path?: string[] }> };

const handler = async (request: Request, { params }: Ctx) => serveScim(request, (await params).path);

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
