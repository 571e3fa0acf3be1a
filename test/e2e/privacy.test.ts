/**
 * Privacy, end to end: after a whole conversation (a typed need, answers, results, feedback
 * and a person), the widget has set no cookie, used no storage but this tab's sessionStorage,
 * talked to no one but the page's own server and the navigator service, and told the host
 * page nothing the visitor typed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import { answerUntilResults, interact, openDemo, openPanel, reply, STRINGS, widgetIn } from '../support/demo-widget.js';

/** What the visitor types, word for word. */
const TYPED = 'necesito comida para mis hijos';

/** Every event the widget documents. */
const EVENT_NAMES = ['open', 'close', 'need', 'results', 'feedback', 'handoff', 'exit'].map(
  (name) => `referral-assistant-${name}`,
);

interface RecordedEvent {
  type: string;
  detail: string;
}

describe("the visitor's privacy", () => {
  let session: E2eSession;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];

  before(async () => {
    session = await startE2eSession();
    ({ context, page } = await session.newPage());
    page.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) => requested.push(socket.url()));
    // A host page's analytics: a listener on document for every widget event.
    await page.addInitScript((names: string[]) => {
      const events: { type: string; detail: string }[] = [];
      Object.assign(window, { widgetEvents: events });
      for (const name of names) {
        document.addEventListener(name, (event) =>
          events.push({ type: event.type, detail: JSON.stringify((event as CustomEvent).detail) }),
        );
      }
    }, EVENT_NAMES);
    await openDemo(page, session.url);

    // A whole conversation: a typed need in Spanish, answers, results, "no", then a person.
    const english = widgetIn(page, 'en');
    await openPanel(english);
    const widget = widgetIn(page, 'es');
    await interact(page, async () => {
      await english.composer.fill(TYPED);
      await english.send.click();
    });
    await answerUntilResults(page, widget, 2);
    assert.ok((await widget.cards.count()) > 0, 'the conversation reached results');
    await reply(page, widget, STRINGS.es.ui.replies.didNotHelp);
    // The header offers a person in every state (the replies do not repeat it).
    await interact(page, () =>
      widget.dialog.getByRole('button', { name: STRINGS.es.ui.talkToPerson, exact: true }).click(),
    );
  });
  after(async () => {
    await session?.close();
  });

  it('sets no cookie', async () => {
    assert.deepEqual(await context.cookies(), []);
    assert.equal(await page.evaluate(() => document.cookie), '');
  });

  it("keeps the conversation in this tab's sessionStorage only", async () => {
    const stored = await page.evaluate(async () => ({
      session: Object.keys(sessionStorage),
      local: Object.keys(localStorage),
      indexedDb: (await indexedDB.databases()).map((database) => database.name),
      caches: await caches.keys(),
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    }));
    assert.ok(stored.session.includes('referral-assistant:v1'), 'the conversation is in sessionStorage');
    assert.ok(
      stored.session.every((key) => key.startsWith('referral-assistant')),
      `only the widget's own keys: ${stored.session}`,
    );
    assert.deepEqual(
      { local: stored.local, indexedDb: stored.indexedDb, caches: stored.caches, workers: stored.serviceWorkers },
      { local: [], indexedDb: [], caches: [], workers: 0 },
    );
  });

  it("talks only to the page's own server and the navigator service", async () => {
    const navigator = await page.locator('script[data-navigator]').getAttribute('data-navigator');
    assert.ok(navigator, 'the demo names its navigator service');
    const allowed = new Set([new URL(session.url).host, new URL(navigator).host]);
    const network = requested.filter((url) => !url.startsWith('data:'));
    assert.ok(
      network.some((url) => url.includes('demo-directory.json')),
      'the directory was fetched',
    );
    const elsewhere = network.filter((url) => !allowed.has(new URL(url).host));
    assert.deepEqual(elsewhere, [], 'no third-party request');
  });

  it('tells the host page categories, never what the visitor typed', async () => {
    const events = await page.evaluate(() => (window as unknown as { widgetEvents: RecordedEvent[] }).widgetEvents);
    const types = new Set(events.map((event) => event.type));
    for (const type of ['open', 'need', 'results', 'feedback', 'handoff'])
      assert.ok(types.has(`referral-assistant-${type}`), `the ${type} event was fired`);
    const need = events.find((event) => event.type === 'referral-assistant-need');
    assert.deepEqual(JSON.parse(need?.detail ?? '{}').categories, ['food']);
    const typedWords = TYPED.split(' ').filter((word) => word.length >= 4);
    for (const event of events) {
      for (const word of typedWords)
        assert.ok(!event.detail.toLowerCase().includes(word), `${event.type} carries "${word}": ${event.detail}`);
    }
  });
});
