// Readiness (lib/server/lifecycle/check-readiness.ts): 200 when this instance may take traffic,
// 503 with Retry-After when not — the database is down, migrations are pending, or it is stopping.
import { checkReadiness } from "@/lib/server/lifecycle/check-readiness";

export const dynamic = "force-dynamic";

export const GET = async () => {
  const readiness = await checkReadiness();
  if (readiness.status === "ok") return Response.json(readiness);
  return Response.json(readiness, { status: 503, headers: { "Retry-After": "5" } });
};
