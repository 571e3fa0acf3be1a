/**
 * How long to wait before reconnecting: exponential backoff with jitter, so that a thousand
 * widgets dropped by one service restart do not all come back in the same millisecond.
 * Pure: the random source is an argument.
 */

/** Backoff settings. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  initialMs: number;
  /** The delay stops growing here. */
  maxMs: number;
}

/** 0.5 s doubling to at most 15 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 15_000 };

/**
 * The delay before retry number `attempt` (0 for the first): the exponential step, capped, then
 * spread uniformly over its upper half ("equal jitter"), which keeps retries apart without ever
 * retrying at once.
 */
export function reconnectDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const step = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + random() * (step / 2));
}
