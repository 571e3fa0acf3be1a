/**
 * Slows password guessing, per source address and per username. A few failures are free;
 * after that each key waits before its next attempt, doubling up to a short ceiling: long
 * enough to make guessing hopeless against 12-character passwords, short enough that a
 * navigator behind the same office NAT as someone mistyping (or an attacker) waits seconds,
 * not a quarter of an hour.
 *
 * An attempt is counted when it starts, before the password is hashed: parallel attempts
 * cannot race past the limit. A success gives the address its attempt back and clears the
 * username. Kept in memory on purpose: a restart forgets it, which costs an attacker a restart.
 */

/** Failures per key before any wait. */
export const FREE_FAILURES = 5;
/** Longest wait for an address (shared by everyone behind it). */
export const MAX_ADDRESS_WAIT_MS = 10_000;
/** Longest wait for one username (everyone guessing it, from anywhere). */
export const MAX_USERNAME_WAIT_MS = 60_000;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_MS = 15 * 60 * 1000;

interface Entry {
  failures: number;
  lastAt: number;
}

/** The keys one attempt is counted under. */
export interface SignInKeys {
  address: string;
  username: string;
}

/** Counts sign-in attempts per address and per username. */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Starts an attempt: returns how many milliseconds to wait (nothing counted), or 0 after
   * counting it as a failure until {@link succeed} says otherwise.
   */
  begin(keys: SignInKeys): number {
    const address = `a:${keys.address}`;
    const username = `u:${keys.username}`;
    const wait = Math.max(this.waitFor(address, MAX_ADDRESS_WAIT_MS), this.waitFor(username, MAX_USERNAME_WAIT_MS));
    if (wait > 0) return wait;
    this.count(address);
    this.count(username);
    return 0;
  }

  /** The attempt begun with these keys succeeded. */
  succeed(keys: SignInKeys): void {
    this.entries.delete(`u:${keys.username}`);
    const address = this.entries.get(`a:${keys.address}`);
    if (address && --address.failures <= 0) this.entries.delete(`a:${keys.address}`);
  }

  /** The attempt begun with these keys never reached a password check (the service was busy). */
  cancel(keys: SignInKeys): void {
    for (const key of [`a:${keys.address}`, `u:${keys.username}`]) {
      const entry = this.entries.get(key);
      if (entry && --entry.failures <= 0) this.entries.delete(key);
    }
  }

  /** Forgets keys with nothing left to remember, so memory stays bounded. */
  prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (now - entry.lastAt > FORGET_AFTER_MS) this.entries.delete(key);
  }

  private waitFor(key: string, ceiling: number): number {
    const entry = this.current(key);
    if (!entry || entry.failures < FREE_FAILURES) return 0;
    const backoff = Math.min(ceiling, 1000 * 2 ** (entry.failures - FREE_FAILURES));
    return Math.max(0, entry.lastAt + backoff - this.now());
  }

  private count(key: string): void {
    const entry = this.current(key);
    if (entry) {
      entry.failures++;
      entry.lastAt = this.now();
    } else this.entries.set(key, { failures: 1, lastAt: this.now() });
  }

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.lastAt > FORGET_AFTER_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
