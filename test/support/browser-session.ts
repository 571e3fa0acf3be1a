/**
 * End-to-end plumbing: the built demo served by the real demo server, driven by
 * playwright-core in Debian's Chromium (never a downloaded browser).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { E2E_WAIT_MS } from './bounded-wait.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startDemoServer } from '../../demo/demo-server.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A running demo server and browser. */
export interface E2eSession {
  url: string;
  browser: Browser;
  /** Opens a fresh context (no shared storage) sized like a phone or a desktop. */
  newPage(options?: { phone?: boolean; locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Starts the demo server on a free port and launches Chromium. Requires `npm run build`. */
export async function startE2eSession(): Promise<E2eSession> {
  if (!existsSync(new URL('../../dist/referral-assistant.js', import.meta.url))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node test/support/chromium.mjs`.');
  const { url, server } = await startDemoServer({ port: 0, root: ROOT });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return {
    url,
    browser,
    async newPage({ phone = false, locale = 'en-CA' } = {}) {
      const context = await browser.newContext({
        locale,
        ...(phone ? { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true } : {}),
      });
      // Playwright's own errors name the locator or event a step waited for; the bound is ours.
      context.setDefaultTimeout(E2E_WAIT_MS);
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close();
      await new Promise<void>((done) => (server as Server).close(() => done()));
    },
  };
}
