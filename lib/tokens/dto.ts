// What the dashboard sees of SCIM tokens and of the newest request they made: JSON-safe (ISO
// dates), never the secret or its hash, except the one answer that issues a token.

export type TokenStatus = "active" | "revoked" | "creator-lost-access";

export type TokenDto = {
  id: string;
  name: string;
  prefix: string;
  origin: "cli" | "dashboard";
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: TokenStatus;
};

/** A token issued just now: the only response that ever carries the clear text. */
export type IssuedTokenDto = { id: string; name: string; token: string; tenantUrl: string; replaces?: { id: string; name: string } };

/** The newest SCIM request of a workspace, for "is my IdP talking to Muster?" on the Connect page. */
export type LastRequestDto = { at: string; method: string; path: string; status: number; tokenName: string | null; tokenPrefix: string | null } | null;
