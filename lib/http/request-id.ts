// The id that ties a request's log line to what the client, the reverse proxy and the IdP saw.
// A caller's X-Request-Id is kept when it is a plain token (a proxy's or an IdP's correlation id),
// so one id follows the request through every hop; anything else — too long, or with characters
// that could forge a log field or a header — is replaced by a fresh one. No Node or Next imports:
// proxy.ts uses it too.

export const REQUEST_ID_HEADER = "x-request-id";

const SANE = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's id when sane, else a new random one. */
export const requestIdOf = (headers: Headers): string => {
  const given = headers.get(REQUEST_ID_HEADER);
  return given !== null && SANE.test(given) ? given : crypto.randomUUID();
};
