// The CSRF check of every state-changing route handler. SameSite=Lax keeps the session cookie off
// requests from other sites, but not from a page elsewhere on the same site (a sibling subdomain,
// another port), so the request itself must say it comes from our own pages. Next.js checks server
// actions itself; route handlers go through withSameOrigin (withAdmin does). The only exceptions:
// - /api/auth/[...nextauth]: next-auth checks its own CSRF token (a double-submit cookie) on POST.
// - /api/scim/v2/**: bearer tokens only, cookies are never read, so there is nothing ambient to abuse.
// tests/integration/csrf.test.ts walks app/ and fails on any other state-changing route that lets
// a cross-site request through.
import "server-only";
import { isAppOrigin } from "@/lib/server/public-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const CROSS_SITE = "Cross-site request refused: changes are accepted only from Muster's own pages.";

// A body exists when the request frames one (RFC 9112 §6.3); "Content-Length: 0" is no body.
const hasBody = (h: Headers) => Number(h.get("content-length") ?? 0) > 0 || h.has("transfer-encoding");
const isJson = (h: Headers) => h.get("content-type")?.split(";")[0]?.trim().toLowerCase() === "application/json";

/** The refusal for a request that may not change anything, or null when it may go on. */
export const refuseCrossSite = (req: Request): Response | null => {
  if (SAFE_METHODS.has(req.method)) return null;
  const h = req.headers;
  // Browsers send Sec-Fetch-Site and Origin and pages cannot forge them; requests with neither
  // (curl, server to server) carry no ambient browser cookies to abuse.
  const site = h.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return Response.json({ error: CROSS_SITE }, { status: 403 });
  const origin = h.get("origin");
  if (origin !== null && !isAppOrigin(origin, h)) return Response.json({ error: CROSS_SITE }, { status: 403 });
  // A form or a "simple" fetch can post text/plain, urlencoded or multipart bodies anywhere without
  // a CORS preflight; application/json cannot, which still holds for an old browser sending neither header.
  if (hasBody(h) && !isJson(h)) return Response.json({ error: "Send the request body as application/json." }, { status: 415 });
  return null;
};

/** Wraps a route handler so that refuseCrossSite runs before anything else, the session included. */
export const withSameOrigin =
  <C>(handler: (req: Request, ctx: C) => Promise<Response>) =>
  async (req: Request, ctx: C): Promise<Response> =>
    refuseCrossSite(req) ?? handler(req, ctx);
