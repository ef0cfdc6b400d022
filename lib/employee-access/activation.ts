// What the server answers when an admin sends activation emails: how many were queued, and who was skipped and why.

export type SkipReason = "not_found" | "archived" | "no_email" | "activated";
export type SendActivationResult = { queued: number; skippedCount: number; skipped: { id: string; name: string | null; reason: SkipReason }[] };
