/**
 * Quick exit, end to end: the header button and the Escape-three-times shortcut take the tab
 * to a neutral page in place of the demo page, so Back does not return to the conversation,
 * and leave nothing stored. The exit URL is the demo server's own neutral page, because the
 * default is an external site and the tests have no network.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import { interact, type Language, openDemo, openPanel, STRINGS, widgetIn } from '../support/demo-widget.js';

const STORAGE_KEY = 'referral-assistant:v1';

/** Everything this origin stored in the tab: session and local storage, as key lists. */
function storedKeys(page: Page): Promise<{ session: string[]; local: string[] }> {
  return page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }));
}

describe('quick exit', () => {
  let session: E2eSession;
  let exitUrl: string;
  let previousUrl: string;
  before(async () => {
    session = await startE2eSession();
    exitUrl = `${session.url}/exit-target.html`;
    previousUrl = `${session.url}/exit-target.html?visited-before`;
  });
  after(async () => {
    await session?.close();
  });

  /** A tab that visited another page, then the demo, and started a conversation about food. */
  async function conversationUnderWay(language: Language) {
    const { context, page } = await session.newPage();
    await page.goto(previousUrl);
    await openDemo(page, session.url, { 'exit-url': exitUrl, ...(language === 'es' ? { lang: 'es' } : {}) });
    const widget = widgetIn(page, language);
    await openPanel(widget);
    const food = STRINGS[language].ui.categories.food;
    await interact(page, () => widget.replies.getByRole('button', { name: food, exact: true }).click());
    assert.deepEqual((await storedKeys(page)).session, [STORAGE_KEY], 'the conversation is kept in sessionStorage');
    return { context, page, widget };
  }

  it('takes the tab to the neutral page in place of the demo, so Back does not return to the conversation', async () => {
    const { context, page, widget } = await conversationUnderWay('en');
    await widget.dialog.getByRole('button', { name: STRINGS.en.safety.quickExit.label }).click();
    await page.waitForURL(exitUrl);
    await page.goBack();
    assert.equal(page.url(), previousUrl, 'Back skips the replaced demo page');
    assert.equal(await page.locator('referral-assistant').count(), 0);
    await context.close();
  });

  it('leaves nothing stored, so coming back to the site starts a new conversation', async () => {
    const { context, page, widget } = await conversationUnderWay('en');
    await widget.dialog.getByRole('button', { name: STRINGS.en.safety.quickExit.label }).click();
    await page.waitForURL(exitUrl);
    // Same origin and same tab as the demo: this is the storage the widget used.
    assert.deepEqual(await storedKeys(page), { session: [], local: [] });

    await openDemo(page, session.url);
    const again = widgetIn(page, 'en');
    await again.launcher.waitFor();
    assert.equal(await again.launcher.getAttribute('aria-expanded'), 'false', 'the panel does not reopen by itself');
    await openPanel(again);
    const history = (await again.history.textContent()) ?? '';
    assert.ok(!history.includes(STRINGS.en.ui.categories.food), 'the food conversation is gone');
    await context.close();
  });

  it('does the same when a Spanish visitor presses Escape three times quickly', async () => {
    const { context, page } = await conversationUnderWay('es');
    for (let press = 0; press < 3; press++) await page.keyboard.press('Escape');
    await page.waitForURL(exitUrl);
    assert.deepEqual(await storedKeys(page), { session: [], local: [] });
    await page.goBack();
    assert.equal(page.url(), previousUrl, 'Back skips the replaced demo page');
    await context.close();
  });
});
