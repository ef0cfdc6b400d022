// Per-token token bucket: a runaway client gets 429 with Retry-After instead of starving the
// workspace. Per process; with several instances each enforces its share.
type Bucket = { tokens: number; at: number };

const buckets = new Map<string, Bucket>();

export const rateLimit = () => {
  const perSecond = Number(process.env.MUSTER_SCIM_RATE_LIMIT || 100);
  const burst = Number(process.env.MUSTER_SCIM_RATE_BURST || perSecond * 2);
  return { perSecond, burst };
};

/** Takes one request from the token's bucket; returns the seconds to wait when it is empty. */
export const takeToken = (key: string, now = Date.now()): { ok: true } | { ok: false; retryAfter: number } => {
  const { perSecond, burst } = rateLimit();
  if (!(perSecond > 0)) return { ok: true };
  const b = buckets.get(key) ?? { tokens: burst, at: now };
  b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
  b.at = now;
  buckets.set(key, b);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / perSecond)) };
};
