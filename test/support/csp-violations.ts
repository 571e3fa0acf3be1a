/**
 * Counts Content Security Policy violations on a page: every `securitypolicyviolation` event
 * (they bubble and are composed, so one listener on the document also hears those from inside
 * the widget's shadow root), kept in the page so none is lost to timing.
 */
import type { Page } from 'playwright-core';

interface ViolationLog {
  __cspViolations?: string[];
}

/** Starts recording on every document the page loads; call before `goto`. */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as ViolationLog).__cspViolations = log;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => log.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile})`),
      true,
    );
  });
}

/** The violations recorded so far on the current document. */
export async function cspViolations(page: Page): Promise<string[]> {
  // Violation events are queued as tasks: let any pending one arrive first.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  return page.evaluate(() => [...((window as ViolationLog).__cspViolations ?? [])]);
}
