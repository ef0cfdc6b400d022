// A token's sync state from its newest request and its recent server errors. Pure, so the page's
// definition (said on the page) and the tests agree.
import type { TSyncState } from "./dto";

export const SILENT_AFTER_MS = 24 * 3_600_000;
export const FAILING_WINDOW_MS = 3_600_000;

/** Statuses that mean Muster refused the sync itself: a seat limit (403) or the rate limit (429). */
const REFUSED = new Set([403, 429]);

type Input = {
  now: number;
  /** The token's newest request, or null when it was never used. */
  last: { at: number; status: number } | null;
  /** When its newest server error (5xx) was, or null. */
  lastServerError: number | null;
};

export const syncState = ({ now, last, lastServerError }: Input): { state: TSyncState; reason: string } => {
  if (!last) return { state: "silent", reason: "Never used: no request with this token yet." };
  if (now - last.at > SILENT_AFTER_MS) return { state: "silent", reason: "No request for more than 24 hours." };
  if (last.status >= 500) return { state: "failing", reason: `Its last request failed with a server error (${last.status}).` };
  if (REFUSED.has(last.status)) return { state: "failing", reason: last.status === 429 ? "Its last request was refused: too many requests (429)." : "Its last request was refused (403), e.g. by the seat limit." };
  if (lastServerError !== null && now - lastServerError <= FAILING_WINDOW_MS) return { state: "failing", reason: "Server errors (5xx) in the last hour." };
  return { state: "healthy", reason: "Requests in the last 24 hours; the last one was answered." };
};
