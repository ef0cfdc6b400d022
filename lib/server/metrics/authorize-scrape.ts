// /api/metrics is answered only to `Authorization: Bearer $MUSTER_METRICS_TOKEN`. Without the
// variable the route does not exist (404, like any unknown path); a missing or wrong token is a
// 401 with WWW-Authenticate (RFC 6750). The token is compared through its SHA-256 in constant time.
import "server-only";
import { sameHash, sha256Hex } from "@/lib/server/secrets";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The refusal for a scrape, or null when it may go on. */
export const refuseScrape = (req: Request): Response | null => {
  const expected = process.env.MUSTER_METRICS_TOKEN;
  if (!expected) return new Response(null, { status: 404 });
  const given = BEARER.exec(req.headers.get("authorization") ?? "")?.[1];
  if (given && sameHash(sha256Hex(given), sha256Hex(expected))) return null;
  return new Response("Send the metrics token as 'Authorization: Bearer <MUSTER_METRICS_TOKEN>'\n", {
    status: 401,
    headers: { "WWW-Authenticate": `Bearer realm="Muster metrics"${given ? ', error="invalid_token"' : ""}`, "Content-Type": "text/plain; charset=utf-8" },
  });
};
