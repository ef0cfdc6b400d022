// Where to go after signing in. A callbackUrl comes from the address bar, so it is resolved the
// way a browser would resolve it (`/\evil.example` and `/%09/evil.example` are other hosts to a
// browser) and only a path on our own origin survives; anything else is the fallback.
const PLACEHOLDER_ORIGIN = "http://muster.invalid";

export const safeRedirectPath = (raw: string | null | undefined, fallback = "/", origin = PLACEHOLDER_ORIGIN): string => {
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  const path = url.pathname.replace(/^\/{2,}/, "/");
  return `${path}${url.search}${url.hash}`;
};

/** The request header the proxy sets to the page's path and query (never trusted beyond safeRedirectPath). */
export const REQUEST_PATH_HEADER = "x-muster-path";
