/**
 * Slows password guessing: after too many failed sign-ins from one address, that address
 * waits. Kept in memory on purpose: a restart forgets it, which costs an attacker a restart.
 */

/** Failures allowed per address within one window. */
export const MAX_FAILURES = 10;
/** Length of the window, in milliseconds. */
export const WINDOW_MS = 15 * 60 * 1000;

/** Counts failed sign-ins per client address. */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds this address must wait before trying again, or 0. */
  waitFor(address: string): number {
    const entry = this.current(address);
    return entry && entry.count >= MAX_FAILURES ? entry.resetAt - this.now() : 0;
  }

  /** Records a failed attempt. */
  fail(address: string): void {
    const entry = this.current(address);
    if (entry) entry.count++;
    else this.failures.set(address, { count: 1, resetAt: this.now() + WINDOW_MS });
  }

  /** Forgets an address after a successful sign-in. */
  succeed(address: string): void {
    this.failures.delete(address);
  }

  private current(address: string): { count: number; resetAt: number } | undefined {
    const entry = this.failures.get(address);
    if (entry && entry.resetAt <= this.now()) {
      this.failures.delete(address);
      return undefined;
    }
    return entry;
  }
}
