// An admin's own account as the account page shows it: sign-in methods and open sessions.

export type LinkedIdentityDto = { id: string; provider: string; providerLabel: string; email: string | null; since: string };
export type SessionDto = { id: string; userAgent: string | null; createdAt: string; expiresAt: string; current: boolean };
export type AccountDto = { email: string; name: string | null; hasPassword: boolean; identities: LinkedIdentityDto[]; sso: { id: string; label: string }[]; sessions: SessionDto[] };
