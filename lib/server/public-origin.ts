// The address people reach this Muster at, for links in emails, share pages and QR codes: the
// configured public address, else the one the request came in on.
import "server-only";
import { headers } from "next/headers";

const configured = () => (process.env.MUSTER_BASE_URL || process.env.NEXTAUTH_URL || "").replace(/\/+$/, "") || null;

export const originOfRequest = (request: Request) => configured() ?? new URL(request.url).origin;

/** For server components and actions, which have headers but no Request. */
export const currentOrigin = async () => {
  const fixed = configured();
  if (fixed) return fixed;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
};
