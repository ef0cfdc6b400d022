// The admins of a workspace and its pending invites, as the settings page shows them.
export const ADMIN_ROLES = ["OWNER", "ADMIN"] as const;
export type TAdminRole = (typeof ADMIN_ROLES)[number];

export type AdminDto = { id: string; userId: string; email: string; name: string | null; role: TAdminRole; since: string };
/** A dashboard token that stops working when its creator is removed. */
export type StoppingTokenDto = { id: string; name: string; prefix: string; lastUsedAt: string | null };

export type InviteDto = { id: string; email: string; role: TAdminRole; createdAt: string; expiresAt: string; invitedBy: string | null };
