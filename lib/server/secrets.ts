// One-time secrets in links (activation, sign-in, invitations, sign-up and SSO confirmations) and
// SCIM tokens: 256 random bits, stored only as a SHA-256 hash (that much entropy needs no slow
// hash) and compared in constant time.
import crypto from "node:crypto";

/** 32 random bytes as base64url: 43 characters, safe in a URL path. */
export const newLinkSecret = () => crypto.randomBytes(32).toString("base64url");

/** The shape of a link secret, checked before any database lookup. */
export const isLinkSecret = (s: string) => /^[A-Za-z0-9_-]{43}$/.test(s);

export const sha256Hex = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");

/** Constant-time equality of two hex digests. */
export const sameHash = (a: string, b: string) => {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};
