/**
 * `waitUntil` for browser tests, bounded and saying what it waited for. @open-wc/testing's own
 * waits 1 s by default and fails with "waitUntil timed out": too short on a loaded 2-core CI
 * machine, and silent about what never happened. This one waits up to 10 s and names the
 * condition (the given message, or the predicate's source).
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/** How long a browser test may wait for the widget before the step counts as broken. */
export const BROWSER_WAIT_MS = 10_000;

export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { timeout?: number; interval?: number } = {},
): Promise<void> {
  const timeout = options.timeout ?? BROWSER_WAIT_MS;
  const what = message ?? `the condition ${predicate.toString().replace(/\s+/g, ' ')}`;
  return openWcWaitUntil(() => Boolean(predicate()), `timed out after ${timeout / 1000} s waiting for: ${what}`, {
    ...options,
    timeout,
  });
}
