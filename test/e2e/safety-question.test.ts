/**
 * A possible sign of crisis, end to end on the demo page, in both languages: the assistant asks
 * "Are you safe right now?" before anything else; "I'm not safe" shows the crisis lines before
 * anything else; "I'm safe" carries on to services for the need the message named.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import {
  answerUntilResults,
  hrefsIn,
  type Language,
  openDemo,
  openPanel,
  reply,
  STRINGS,
  say,
  widgetIn,
} from '../support/demo-widget.js';

/** Every message of the history, in order. */
const MESSAGES = 'referral-assistant .history > .message';

/** A message with a possible sign of crisis and a need, per language. */
const POSSIBLE_CRISIS: Record<Language, string> = {
  en: "I'm not suicidal, I need food for my kids",
  es: 'no soy suicida, necesito comida para mis hijos',
};

describe('the safety question', () => {
  let session: E2eSession;
  before(async () => {
    session = await startE2eSession();
  });
  after(async () => {
    await session?.close();
  });

  async function askedIfSafe(language: Language) {
    const { context, page } = await session.newPage();
    await openDemo(page, session.url, { lang: language });
    const widget = widgetIn(page, language);
    await openPanel(widget);
    await say(page, widget, POSSIBLE_CRISIS[language]);
    return { context, page, widget };
  }

  for (const language of ['en', 'es'] as const) {
    const check = STRINGS[language].lines.safetyCheck;

    it(`asks "${check.question}" with three replies, and shows no service yet (${language})`, async () => {
      const { context, page, widget } = await askedIfSafe(language);
      const last = page.locator(MESSAGES).last();
      // Each message starts with its speaker for screen readers ("Assistant:", "You:").
      const question = (await last.textContent())?.trim() ?? '';
      assert.ok(question.endsWith(check.question), `the question answers the message, got "${question}"`);
      const labels = (await widget.replies.getByRole('button').allTextContents()).map((label) => label.trim());
      assert.deepEqual(labels.slice(0, 3), [check.safe, check.notSafe, check.talk]);
      assert.equal(await widget.results.count(), 0, 'no service before the answer');
      assert.equal(await widget.history.locator('.message.crisis').count(), 0, 'no crisis lines before the answer');
      await context.close();
    });

    it(`shows the crisis lines before anything else when the visitor is not safe (${language})`, async () => {
      const { context, page, widget } = await askedIfSafe(language);
      await reply(page, widget, check.notSafe);
      const after = page.locator(MESSAGES);
      const count = await after.count();
      const visitorChoice = after.nth(count - 3);
      const answer = (await visitorChoice.textContent())?.trim() ?? '';
      assert.ok(answer.endsWith(check.notSafe), `the answer is in the history, got "${answer}"`);
      const crisis = after.nth(count - 2);
      assert.ok(await crisis.evaluate((node) => node.classList.contains('crisis')), 'the crisis lines come next');
      const links = await hrefsIn(crisis);
      assert.equal(links[0], 'tel:911', `the emergency number first, got ${links.join(' ')}`);
      assert.equal(await widget.history.getAttribute('aria-live'), 'assertive');
      assert.equal(await widget.results.count(), 0, 'no service with the crisis lines');
      const first = (await widget.replies.getByRole('button').first().textContent())?.trim();
      assert.equal(first, STRINGS[language].safety.handoff.accept, 'a person is offered first');
      await context.close();
    });

    it(`carries on to services for the need the message named when the visitor is safe (${language})`, async () => {
      const { context, page, widget } = await askedIfSafe(language);
      await reply(page, widget, check.safe);
      await answerUntilResults(page, widget, 3);
      assert.ok((await widget.cards.count()) >= 1, 'services for the need are shown');
      assert.equal(await widget.history.locator('.message.crisis').count(), 0, 'no crisis lines for a safe visitor');
      const shown = (await widget.results.last().textContent()) ?? '';
      assert.match(shown, language === 'en' ? /food|meal|grocer/i : /comida|despensa|aliment/i, 'food services');
      await context.close();
    });
  }
});
