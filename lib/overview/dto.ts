// What the workspace overview shows: each SCIM token's sync state, the IdP's changes of the last
// 24 hours, pending activations, recent errors and the setup steps not done yet.

export type TSyncState = "healthy" | "failing" | "silent";

export type TTokenSync = {
  id: string;
  name: string;
  prefix: string;
  state: TSyncState;
  /** Why the state is what it is, in one short sentence. */
  reason: string;
  /** Its newest request; method, path and status are null when only the time of use is known (used before the last 24 hours). */
  lastRequest: { at: string; method: string | null; path: string | null; status: number | null; eventId: string | null } | null;
  /** Server errors (5xx) of this token in the last 24 hours. */
  serverErrors: number;
};

export type TChangeCounts = { created: number; updated: number; archived: number };

export type TRecentError = { id: string; at: string; method: string; path: string; status: number; error: string | null };

export type TNextStep = "token" | "template" | "activation-emails" | "mail";

export type TOverview = {
  seats: number;
  seatLimit: number | null;
  archived: number;
  tokens: TTokenSync[];
  changes: TChangeCounts;
  pending: number;
  sendActivationEmails: boolean;
  recentErrors: TRecentError[];
  nextSteps: TNextStep[];
};
