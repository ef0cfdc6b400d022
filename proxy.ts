// Gives every HTML page a Content-Security-Policy with a fresh nonce. Next reads the nonce from the
// policy on the *request* and puts it on the scripts it renders, so the policy goes both ways.
// The matcher keeps API routes (the SCIM hot path) and static files out: they never run the proxy.
// Pages also get their X-Request-Id here (API routes set their own: lib/server/http/with-request-log.ts).
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/safe-redirect";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/http/request-id";
import { newNonce, pageCsp } from "@/lib/security/page-csp";

export const proxy = (request: NextRequest) => {
  const nonce = newNonce();
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  // A server component that adds a <Script> reads its nonce here: (await headers()).get("x-nonce").
  headers.set("x-nonce", nonce);
  // The page asked for, so that a sign-in redirect can come back to it (lib/server/auth/session.ts).
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const requestId = requestIdOf(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
};

export const config = {
  matcher: [
    {
      // Everything but /api, /api/…, Next's static files and image optimizer, and the favicon.
      source: "/((?!api/|api$|_next/static|_next/image|favicon\\.ico).*)",
      // Router prefetches fetch RSC payloads, not HTML: no scripts to protect, no proxy to pay for.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
