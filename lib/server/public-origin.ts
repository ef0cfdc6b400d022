// The address people reach this Muster at, in one place: the SCIM Tenant URL and invite links, links
// in emails, share pages and QR codes, and the same-origin check of state-changing route handlers.
// The configured public address wins; without one (embedded mode) the request tells.
import "server-only";
import { headers } from "next/headers";

const configured = () => (process.env.MUSTER_BASE_URL || process.env.NEXTAUTH_URL || "").replace(/\/+$/, "") || null;

/** For links made outside any request (the CLI's Tenant URL) or kept for later (invite links). */
export const appBaseUrl = () => configured() ?? "http://localhost:3000";

/**
 * For links a request sends to someone else (activation and sign-in emails): never the Host header,
 * which whoever sends the request chooses, but the address Next.js itself listens on.
 */
export const originOfRequest = (request: Request) => configured() ?? new URL(request.url).origin;

// Where the browser addressed this request: a proxy's X-Forwarded-Host/-Proto (first hop), else Host.
// `proto` is null when nobody said: `next start` speaks plain HTTP and cannot see TLS a proxy ended.
const cameInOn = (h: Headers) => {
  const first = (name: string) => h.get(name)?.split(",")[0]?.trim() || null;
  return { host: first("x-forwarded-host") ?? h.get("host"), proto: first("x-forwarded-proto") };
};

/** For server components that show the address back to the person who asked (share page, QR code). */
export const currentOrigin = async () => {
  const fixed = configured();
  if (fixed) return fixed;
  const { host, proto } = cameInOn(await headers());
  const h = host ?? "localhost:3000";
  return `${proto ?? (h.startsWith("localhost") || h.startsWith("127.") ? "http" : "https")}://${h}`;
};

/**
 * Whether an Origin header names this app: exactly the configured address, or in embedded mode the
 * host and port the request came in on (a browser sets Host itself; a page elsewhere cannot). The
 * scheme counts only when a proxy names it — like Next.js's own server-action check, which compares
 * hosts — so a plain-HTTP install on a LAN name keeps working.
 */
export const isAppOrigin = (origin: string, requestHeaders: Headers) => {
  let from: URL;
  try {
    from = new URL(origin); // "null" (sandboxed frames, some redirects) is not a URL: refused
  } catch {
    return false;
  }
  const fixed = configured();
  if (fixed) return from.origin === new URL(fixed).origin;
  const { host, proto } = cameInOn(requestHeaders);
  if (!host || (proto && from.protocol !== `${proto}:`)) return false;
  try {
    return new URL(`${from.protocol}//${host}`).host === from.host; // same case and default-port rules on both sides
  } catch {
    return false;
  }
};
