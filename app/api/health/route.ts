import { db } from "@/lib/db/client";
import { dbConfig } from "@/lib/db/config";

export const dynamic = "force-dynamic";

export const GET = async () => {
  const database = dbConfig().flavor;
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", database: { engine: database, reachable: true } });
  } catch {
    return Response.json({ status: "unavailable", database: { engine: database, reachable: false } }, { status: 503 });
  }
};
