/**
 * A token bucket per connection: a burst of `capacity` frames, refilled at `perSecond`.
 * Pure: the bucket is a value and the clock an argument.
 */

/** How many frames a connection may send. */
export interface RateLimit {
  capacity: number;
  perSecond: number;
}

/** A connection's bucket. */
export interface TokenBucket {
  tokens: number;
  /** When `tokens` was last brought up to date, epoch milliseconds. */
  at: number;
}

/** A full bucket. */
export function fullBucket(limit: RateLimit, now: number): TokenBucket {
  return { tokens: limit.capacity, at: now };
}

/**
 * Takes one token. When none is left the frame is refused and `retryAfterMs` says when the
 * next token arrives.
 */
export function takeToken(
  bucket: TokenBucket,
  limit: RateLimit,
  now: number,
): { bucket: TokenBucket; allowed: boolean; retryAfterMs: number } {
  const elapsed = Math.max(0, now - bucket.at);
  const tokens = Math.min(limit.capacity, bucket.tokens + (elapsed / 1000) * limit.perSecond);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, at: now }, allowed: true, retryAfterMs: 0 };
  const retryAfterMs =
    limit.perSecond > 0 ? Math.ceil(((1 - tokens) / limit.perSecond) * 1000) : Number.POSITIVE_INFINITY;
  return { bucket: { tokens, at: now }, allowed: false, retryAfterMs };
}
