import { withAdmin } from "@/lib/server/auth/admin-api";
import { lastRequest } from "@/lib/server/tokens/last-request";

export const dynamic = "force-dynamic";

export const GET = withAdmin(async (_req, { workspace }) => Response.json({ lastRequest: await lastRequest(workspace.id) }));
