/**
 * The one-script-tag loader on the demo page (built dist/, the demo server's strict CSP): the
 * launcher comes first and alone, the widget follows on interaction or idle, calls made
 * early are kept, and a second copy of the tag changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import { cspViolations, recordCspViolations } from '../support/csp-violations.js';
import { answerUntilResults, openDemo, openPanel, STRINGS, widgetIn } from '../support/demo-widget.js';
import { waitInPage } from '../support/bounded-wait.js';

const WIDGET_MODULE = /\/dist\/referral-assistant\.define\.js$/;

/** Counts the page's requests for the widget's module. */
function countWidgetRequests(page: Page): { readonly count: number } {
  const seen = { count: 0 };
  page.on('request', (request) => {
    if (WIDGET_MODULE.test(request.url())) seen.count++;
  });
  return seen;
}

/** Makes the page never idle, as a busy page might be, so only the visitor can trigger loading. */
async function neverIdle(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
}

/** Holds the widget's module in flight until `release()` is called. */
async function holdWidgetModule(page: Page): Promise<{ requested: Promise<void>; release(): void }> {
  let release!: () => void;
  let requested!: () => void;
  const released = new Promise<void>((done) => (release = done));
  const requestedPromise = new Promise<void>((done) => (requested = done));
  await page.route(WIDGET_MODULE, async (route: Route) => {
    requested();
    await released;
    await route.continue();
  });
  return { requested: requestedPromise, release };
}

describe('the one-script-tag loader', () => {
  let session: E2eSession;
  before(async () => {
    session = await startE2eSession();
  });
  after(async () => {
    await session?.close();
  });

  it('shows the launcher before the widget is requested, and requests it only after the page has loaded', async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    await page.addInitScript(() => {
      // When the launcher enters the page, by the page's own clock.
      new MutationObserver((_, observer) => {
        if (document.querySelector('referral-assistant-launcher')?.shadowRoot?.querySelector('button')) {
          (window as { launcherShownAt?: number }).launcherShownAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await openDemo(page, session.url);
    await widgetIn(page, 'en').launcher.waitFor();
    await waitInPage(page, 'the loader to define <referral-assistant>', () => customElements.get('referral-assistant'));
    const timeline = await page.evaluate(() => {
      const widget = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.endsWith('/dist/referral-assistant.define.js'));
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        launcherShownAt: (window as { launcherShownAt?: number }).launcherShownAt,
        widgetRequestedAt: widget?.startTime,
        pageLoadedAt: navigation?.loadEventStart,
      };
    });
    assert.ok(
      timeline.launcherShownAt !== undefined && timeline.widgetRequestedAt !== undefined,
      'timeline incomplete',
    );
    assert.ok(timeline.pageLoadedAt !== undefined);
    assert.ok(
      timeline.launcherShownAt < timeline.widgetRequestedAt,
      `launcher at ${timeline.launcherShownAt} ms, widget requested at ${timeline.widgetRequestedAt} ms`,
    );
    assert.ok(
      timeline.widgetRequestedAt >= timeline.pageLoadedAt,
      `widget requested at ${timeline.widgetRequestedAt} ms, before the page's load event at ${timeline.pageLoadedAt} ms`,
    );
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  it('shows exactly one launcher in every frame while the widget replaces the loader’s', async () => {
    const { context, page } = await session.newPage();
    // tsx keeps function names through a `__name` helper that the serialised script calls.
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    await page.addInitScript(() => {
      // Per animation frame, once a launcher has appeared: how many launchers are visible.
      const counts: number[] = [];
      (window as { launcherCounts?: number[] }).launcherCounts = counts;
      const frame = () => {
        const placeholder = document.querySelector('referral-assistant-launcher')?.shadowRoot?.querySelector('button');
        const real = document.querySelector('referral-assistant')?.shadowRoot?.querySelector('[part~="launcher"]');
        const visible = [placeholder, real].filter((button) => button?.checkVisibility()).length;
        if (visible || counts.length) counts.push(visible);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await openDemo(page, session.url);
    await waitInPage(page, 'the widget’s panel to render', () =>
      document.querySelector('referral-assistant')?.shadowRoot?.querySelector('.panel'),
    );
    await page.waitForTimeout(200);
    const counts = await page.evaluate(() => (window as { launcherCounts?: number[] }).launcherCounts ?? []);
    assert.ok(counts.length > 2, `only ${counts.length} frames seen`);
    assert.deepEqual([...new Set(counts)], [1], `launchers visible per frame: ${counts.join(' ')}`);
    assert.equal(await page.locator('referral-assistant-launcher').count(), 0, 'the placeholder is still in the page');
    await context.close();
  });

  it('loads the widget when the visitor clicks the launcher, and not before', async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    await neverIdle(page);
    const requests = countWidgetRequests(page);
    await openDemo(page, session.url);
    const widget = widgetIn(page, 'en');
    await widget.launcher.waitFor();
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    assert.equal(requests.count, 0, 'the widget was requested without any interaction');

    // The loader's own launcher: the widget is not there yet.
    await widget.launcher.click();
    await widget.dialog.waitFor();
    await widget.replies.getByRole('button').first().waitFor();
    assert.equal(requests.count, 1);
    assert.equal(await widget.composer.isEnabled(), true);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  it('loads the widget on its own once the page is idle, and leaves the panel closed', async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    const requested = page.waitForRequest(WIDGET_MODULE, { timeout: 15_000 });
    await openDemo(page, session.url);
    await requested;
    // The real element has rendered its own launcher in place of the placeholder.
    await waitInPage(page, 'the widget’s panel to render', () =>
      document.querySelector('referral-assistant')?.shadowRoot?.querySelector('.panel'),
    );
    const widget = widgetIn(page, 'en');
    assert.equal(await widget.launcher.count(), 1);
    assert.equal(await widget.dialog.isVisible(), false);
    assert.equal(await page.locator('referral-assistant').getAttribute('open'), null);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  it('fetches nothing on idle when the browser asks to save data, and loads the widget when the visitor points at it', async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    // Chromium's own Save-Data switch, as a visitor's "data saver" sets navigator.connection.saveData.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
    const requests = countWidgetRequests(page);
    await openDemo(page, session.url);
    const widget = widgetIn(page, 'en');
    await widget.launcher.waitFor();
    await page.waitForLoadState('load');
    const saveData = await page.evaluate(
      () => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData,
    );
    assert.equal(saveData, true, 'the browser reports Save-Data');
    // The loader asked for its idle callback first, so once this one has run, the loader's has too.
    await page.evaluate(
      () => new Promise<void>((done) => requestIdleCallback(() => setTimeout(done, 200), { timeout: 10_000 })),
    );
    assert.equal(requests.count, 0, 'the widget was fetched on idle despite Save-Data');

    const requested = page.waitForRequest(WIDGET_MODULE, { timeout: 15_000 });
    await widget.launcher.hover();
    await requested;
    assert.equal(requests.count, 1, 'pointing at the launcher loads the widget');
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  it("opens on food in Spanish when the page's own buttons call the API before the widget has loaded", async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    await neverIdle(page);
    const held = await holdWidgetModule(page);
    await page.addInitScript(() => {
      const needs: unknown[] = [];
      (window as { needs?: unknown[] }).needs = needs;
      document.addEventListener('referral-assistant-need', (event) => needs.push(event.detail));
    });
    await openDemo(page, session.url);
    await widgetIn(page, 'en').launcher.waitFor();

    await page.evaluate(() => window.ReferralAssistant?.setLanguage('es'));
    await page.getByRole('button', { name: 'Get help with food' }).click();
    await held.requested;
    // Still loading: the placeholder already speaks Spanish.
    const widget = widgetIn(page, 'es');
    await widget.launcher.waitFor();
    assert.equal(await widget.dialog.count(), 0);

    held.release();
    await widget.dialog.waitFor();
    await answerUntilResults(page, widget, 3);
    await widget.cards.first().waitFor();
    assert.equal(await widget.dialog.getAttribute('lang'), 'es');
    const needs = await page.evaluate(() => (window as { needs?: unknown[] }).needs);
    assert.deepEqual(needs?.[0], { categories: ['food'], language: 'es' });
    assert.match((await widget.history.textContent()) ?? '', new RegExp(STRINGS.es.ui.categories.food));
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  it('brings the open panel back at once on the next page, without waiting for the page to be idle', async () => {
    const { context, page } = await session.newPage();
    await neverIdle(page);
    await openDemo(page, session.url);
    const widget = widgetIn(page, 'en');
    await widget.launcher.click();
    await widget.dialog.waitFor();
    await page.reload();
    await widget.dialog.waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('referral-assistant').getAttribute('open'), '');
    await context.close();
  });

  it('passes the tag’s own data-* attributes to the widget, and no others', async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    await neverIdle(page);
    await openDemo(page, session.url, {
      lang: 'es',
      position: 'left',
      title: 'Ayuda en Port Alder',
      'accent-color': '#ffd700',
      'exit-url': '/exit-target.html',
      style: 'display: none',
      'tracking-id': 'x',
    });
    const widget = widgetIn(page, 'es');
    await widget.launcher.waitFor();
    const element = page.locator('referral-assistant');
    const attributes = await element.evaluate((el) =>
      Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
    );
    assert.deepEqual(attributes, {
      lang: 'es',
      position: 'left',
      heading: 'Ayuda en Port Alder',
      'accent-color': '#ffd700',
      'exit-url': '/exit-target.html',
      region: 'ca-on',
      navigator: 'http://localhost:8081',
    });
    // The placeholder already follows them: left corner, the accent, dark text on a light accent.
    const box = await widget.launcher.boundingBox();
    assert.ok(box && box.x < 40, `launcher at x=${box?.x}`);
    const colours = await widget.launcher.evaluate((button) => {
      const style = getComputedStyle(button);
      return [style.backgroundColor, style.color];
    });
    assert.equal(colours[0], 'rgb(255, 215, 0)');
    assert.match(colours[1] ?? '', /^(rgb\(0, 0, 0\)|lch\(0 0 0\))$/, 'black text on gold');

    await widget.launcher.click();
    await page.getByRole('dialog', { name: 'Ayuda en Port Alder' }).waitFor();
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  it('leaves one working widget when the tag is pasted twice, and says so in the console', async () => {
    const { context, page } = await session.newPage();
    await recordCspViolations(page);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const requests = countWidgetRequests(page);
    await page.route(`${session.url}/`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /<script src="\/dist\/referral-assistant\.js"[^>]*><\/script>/,
        (tag) => `${tag}\n${tag}`,
      );
      await route.fulfill({ response, body });
    });
    await page.goto(`${session.url}/`);
    const widget = widgetIn(page, 'en');
    await widget.launcher.waitFor();
    await waitInPage(page, 'the widget’s panel to render', () =>
      document.querySelector('referral-assistant')?.shadowRoot?.querySelector('.panel'),
    );

    assert.equal(await page.locator('referral-assistant').count(), 1);
    assert.equal(await widget.launcher.count(), 1);
    assert.ok(
      warnings.some((text) => text.startsWith('[referral-assistant]')),
      `no [referral-assistant] warning among ${JSON.stringify(warnings)}`,
    );
    await openPanel(widget);
    assert.equal(requests.count, 1);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });
});
