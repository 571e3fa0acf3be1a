/**
 * The widget under the policy a careful partner sends, `default-src 'self'; script-src 'self';
 * style-src 'self'; connect-src 'self' <navigator service>`, with no `unsafe-inline` and no
 * nonce: a visitor uses everything (launcher, categories, typed words in two languages, a
 * live chat attempt) and the page records no violation at all.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { startDemoServer } from '../../demo/demo-server.js';
import { type NavigatorService, startNavigatorService } from '../../navigator/service/navigator-service.js';
import { ROOT } from '../support/browser-session.js';
import { cspViolations, recordCspViolations } from '../support/csp-violations.js';
import {
  answerUntilResults,
  openPanel,
  reply,
  STRINGS,
  say,
  widgetIn,
  chooseLanguage,
} from '../support/demo-widget.js';

/** A free loopback port, so the navigator service can allow the demo's origin before it starts. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('the widget under a strict Content Security Policy', () => {
  let browser: Browser;
  let navigator: NavigatorService;
  let demo: { url: string; server: Server };

  before(async () => {
    const port = await freePort();
    navigator = await startNavigatorService({
      port: 0,
      dataDir: ':memory:',
      allowedOrigins: [`http://localhost:${port}`],
      staticRoutes: [],
    });
    const origin = new URL(navigator.url).origin;
    demo = await startDemoServer({
      port,
      root: ROOT,
      navigatorUrl: navigator.url,
      connectSources: [origin, origin.replace(/^http/, 'ws')],
    });
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: run `node test/support/chromium.mjs`.');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((done) => (demo ? demo.server.close(() => done()) : done()));
    await navigator?.close();
  });

  it('records no violation while a visitor uses the whole widget, in English and Spanish, up to asking for a person', async () => {
    const context = await browser.newContext({ locale: 'en-CA' });
    const page = await context.newPage();
    await recordCspViolations(page);
    const response = await page.goto(`${demo.url}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'"]) {
      assert.ok(policy.includes(directive), `the page is not sent ${directive}: ${policy}`);
    }
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes('nonce-'), policy);
    assert.match(policy, new RegExp(`connect-src 'self' ${new URL(navigator.url).origin}`));

    const en = widgetIn(page, 'en');
    await openPanel(en);
    await reply(page, en, STRINGS.en.ui.categories.food);
    await answerUntilResults(page, en, 3);
    await en.cards.first().waitFor();

    await chooseLanguage(en, 'es');
    const es = widgetIn(page, 'es');
    await es.dialog.waitFor();
    await say(page, es, 'no puedo pagar la luz este mes');
    await answerUntilResults(page, es, 3);
    await es.cards.first().waitFor();

    const [socket] = await Promise.all([
      page.waitForEvent('websocket', { timeout: 10_000 }),
      es.dialog.getByRole('button', { name: STRINGS.es.ui.talkToPerson, exact: true }).first().click(),
    ]);
    assert.match(socket.url(), /\/handoff\/visitor$/);
    // Nobody is signed in to the console: the service answers that no navigator is free.
    await page.waitForTimeout(1000);

    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  it('does notice a violation: a style attribute set on the same page is reported', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await recordCspViolations(page);
    await page.goto(`${demo.url}/`);
    await page.evaluate(() => {
      const note = document.createElement('p');
      note.setAttribute('style', 'color: red');
      document.body.append(note);
    });
    const violations = await cspViolations(page);
    assert.equal(violations.length, 1, JSON.stringify(violations));
    assert.match(violations[0] ?? '', /^style-src-attr/);
    await context.close();
  });
});
