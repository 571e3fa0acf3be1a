/**
 * Issue 23, end to end on the demo page: a request that no service in the directory serves gets
 * an honest answer in the visitor's language. The widget says it found nothing for that in this
 * directory and names what it looked for, offers the helpline's lines, the need categories and a
 * person, shows no service card, asks no question first, and tells the host about the unmet need
 * (`referral-assistant-need` with `count: 0`, categories only, never the words).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import { hrefsIn, type Language, openDemo, openPanel, STRINGS, say, widgetIn } from '../support/demo-widget.js';

const REQUESTS: Record<Language, { text: string; words: RegExp }> = {
  en: { text: 'i need help fixing my boat engine', words: /boat/ },
  es: { text: 'necesito un veterinario para mi caballo', words: /caballo/ },
  fr: { text: "j'ai besoin d'aide pour réparer le moteur de mon bateau", words: /bateau/ },
};

/** Every `referral-assistant-need` detail, as a host's analytics would see it. */
async function recordNeedEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.assign(window, { needEvents: seen });
    document.addEventListener('referral-assistant-need', (event) => seen.push((event as CustomEvent).detail));
  });
}

let session: E2eSession;
before(async () => {
  session = await startE2eSession();
});
after(async () => {
  await session?.close();
});

for (const language of ['en', 'es'] as const satisfies Language[]) {
  describe(`a request the directory cannot serve, in ${language === 'en' ? 'English' : 'Spanish'}`, () => {
    it('says nothing was found for it here, offers 211, the categories and a person, and shows no service', async () => {
      const { context, page } = await session.newPage({ phone: true });
      await recordNeedEvents(page);
      await openDemo(page, session.url, language === 'es' ? { lang: 'es' } : {});
      const widget = widgetIn(page, language);
      const { ui } = STRINGS[language];
      await openPanel(widget);
      await say(page, widget, REQUESTS[language].text);

      const history = (await widget.history.textContent()) ?? '';
      const [opening] = ui.nothingFits.split('{{words}}');
      assert.ok(opening && history.includes(opening), `the no-match sentence in ${language}: ${history}`);
      assert.match(history, REQUESTS[language].words, 'it names what it looked for');
      assert.ok(!history.includes(ui.questions.area), 'it asks for no area first');
      assert.equal(await widget.cards.count(), 0, 'no service card');
      const links = await hrefsIn(widget.history);
      assert.ok(links.includes('tel:211'), `the helpline is a tap away: ${links.join(' ')}`);
      // A person is one tap away: the header's "Talk to a person", shown in every state (small
      // phones: not repeated among the quick replies).
      const person = widget.dialog.locator('.header').getByRole('button', { name: ui.talkToPerson, exact: true });
      assert.equal(await person.isVisible(), true, 'a person is offered');
      const replies = (await widget.replies.getByRole('button').allTextContents()).map((label) => label.trim());
      assert.ok(replies.includes(ui.categories.food), `the categories are offered: ${replies.join(' | ')}`);

      const events = (await page.evaluate(() => (window as unknown as { needEvents: unknown[] }).needEvents)) as {
        count?: number;
        language: string;
      }[];
      const unmet = events.filter((detail) => detail.count === 0);
      assert.equal(unmet.length, 1, JSON.stringify(events));
      assert.equal(unmet[0]?.language, language);
      assert.ok(
        !JSON.stringify(events).includes(REQUESTS[language].text),
        'the visitor’s words never leave the widget',
      );
      await context.close();
    });
  });
}
