/**
 * Waits with a bound and a purpose: every wait in our tests names what it waits for, so a wait
 * that runs out (a browser that changed, a service that never answered) fails saying so, in
 * seconds, instead of hanging the suite or failing with a bare "Timeout exceeded".
 */
import type { Page } from 'playwright-core';

/** How long an end-to-end step may take before it counts as broken (Playwright's default is 30 s). */
export const E2E_WAIT_MS = 15_000;

/** Resolves with `promise`, or rejects after `ms` with a message naming what was awaited. */
export async function within<T>(promise: Promise<T>, what: string, ms = E2E_WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `predicate` returns something truthy in the page, at most `timeout` ms. */
export async function waitInPage<Arg>(
  page: Page,
  what: string,
  predicate: (arg: Arg) => unknown,
  arg?: Arg,
  timeout = E2E_WAIT_MS,
): Promise<void> {
  try {
    await page.waitForFunction(predicate as (arg: unknown) => unknown, arg, { timeout });
  } catch (error) {
    throw new Error(
      `timed out after ${timeout / 1000} s waiting for ${what} (${(error as Error).message.split('\n')[0]})`,
    );
  }
}
