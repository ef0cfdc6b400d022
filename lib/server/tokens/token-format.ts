// SCIM tokens look like `mst_<prefix>_<secret>`. The prefix is random and stored in clear to find the
// row; the whole token is stored only as a SHA-256 hash (it has 256 bits of entropy, so a slow
// hash adds nothing) and compared in constant time.
import crypto from "node:crypto";
import { newLinkSecret, sha256Hex } from "@/lib/server/secrets";

export { sameHash } from "@/lib/server/secrets";

export const TOKEN_PREFIX = "mst_";

export const newToken = () => {
  const prefix = crypto.randomBytes(6).toString("hex");
  const token = `${TOKEN_PREFIX}${prefix}_${newLinkSecret()}`;
  return { token, prefix, hash: hashToken(token) };
};

export const hashToken = sha256Hex;

/** A token anywhere in a text (the provisioning log redacts it); its prefix is the first group. */
export const TOKEN_IN_TEXT = /mst_([0-9a-f]{12})_[A-Za-z0-9_-]{43}/g;

export const parseToken = (token: string): { prefix: string } | null => {
  const m = new RegExp(`^${TOKEN_IN_TEXT.source}$`).exec(token);
  return m ? { prefix: m[1]! } : null;
};
