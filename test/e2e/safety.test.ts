/**
 * A visitor in crisis, end to end on the demo page: the crisis lines come before any service,
 * in the visitor's language, announced assertively, with an urgent offer of a person, and the
 * services wait until the visitor chooses to go on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import {
  chooseLanguage,
  answerUntilResults,
  hrefsIn,
  interact,
  type Language,
  openDemo,
  openPanel,
  reply,
  STRINGS,
  say,
  type Widget,
  widgetIn,
} from '../support/demo-widget.js';

/** "I'll answer in Spanish" (or English): the one message allowed before the crisis lines. */
const LANGUAGE_NOTICES = [STRINGS.en.lines.languageFollowed, STRINGS.es.lines.languageFollowed];

/**
 * The kind of each message in the history, in order: `visitor`, `crisis`, `results`,
 * `contacts`, `language-notice` or `text`.
 */
function messageKinds(page: Page): Promise<string[]> {
  return page.locator('referral-assistant .history > .message').evaluateAll((messages, notices) => {
    return messages.map((message) => {
      if (message.classList.contains('from-visitor')) return 'visitor';
      for (const kind of ['crisis', 'results-message', 'contacts'])
        if (message.classList.contains(kind)) return kind.replace('-message', '');
      return notices.some((notice) => message.textContent?.includes(notice)) ? 'language-notice' : 'text';
    });
  }, LANGUAGE_NOTICES);
}

/**
 * What every crisis response must show, checked the moment it appears: the crisis lines
 * first in the widget's answer (a notice that it now answers in Spanish may precede them), no
 * service anywhere, the log assertive, every line a tap-to-call link with the emergency
 * number first, the region's helpline, and an urgent offer of a person. Returns the links.
 */
async function assertCrisisResponse(page: Page, widget: Widget, region: 'ca-on' | 'us'): Promise<string[]> {
  const { safety, lines } = STRINGS[widget.language];
  const assertive = await widget.history.getAttribute('aria-live');
  const kinds = await messageKinds(page);
  const answer = kinds.slice(kinds.lastIndexOf('visitor') + 1).filter((kind) => kind !== 'language-notice');
  assert.equal(assertive, 'assertive', 'the crisis response must interrupt a screen reader');
  assert.equal(answer[0], 'crisis', `the crisis lines must come first, got ${answer.join(', ')}`);
  assert.equal(await widget.results.count(), 0, 'no service may be shown with the crisis lines');

  const crisis = widget.history.locator('.message.crisis').last();
  const crisisText = (await crisis.textContent()) ?? '';
  assert.ok(crisisText.includes(lines.crisis.heading), 'the crisis heading');
  const links = await hrefsIn(crisis);
  assert.equal(links[0], 'tel:911', `the emergency number comes first, got ${links.join(' ')}`);
  assert.ok(
    links.every((href) => /^(tel|sms):\+?\d+(\?body=\w+)?$/.test(href)),
    `every line is tap to call or text: ${links}`,
  );
  const helpline = lines.regions[region].helpline;
  assert.ok(links.includes('tel:211'), "the region's helpline is offered");
  assert.ok(crisisText.includes(helpline.name), `the helpline, ${helpline.name}`);

  const offer = widget.history.getByText(safety.handoff.urgentOffer);
  assert.equal(await offer.count(), 1, 'an urgent offer of a person follows the lines');
  const firstReply = widget.replies.getByRole('button').first();
  assert.equal(
    (await firstReply.textContent())?.trim(),
    safety.handoff.accept,
    'accepting a person is the first reply',
  );
  return links;
}

describe('a visitor in crisis', () => {
  let session: E2eSession;
  before(async () => {
    session = await startE2eSession();
  });
  after(async () => {
    await session?.close();
  });

  async function start(attributes: Record<string, string> = {}, language: Language = 'en') {
    const { context, page } = await session.newPage();
    await openDemo(page, session.url, attributes);
    const widget = widgetIn(page, language);
    await openPanel(widget);
    return { context, page, widget };
  }

  it('shows the crisis lines before any service to an English visitor in Ontario, and 9-8-8 for suicide', async () => {
    const { context, page, widget } = await start();
    assert.equal(await widget.history.getAttribute('aria-live'), 'polite', 'the welcome is not assertive');
    await say(page, widget, 'I have no food and I want to end it all');
    const links = await assertCrisisResponse(page, widget, 'ca-on');
    assert.ok(links.includes('tel:988') && links.includes('sms:988'), `9-8-8 by call and text: ${links}`);
    assert.match((await widget.history.textContent()) ?? '', /9-8-8 Suicide Crisis Helpline/);
    await context.close();
  });

  it('shows no service until the visitor chooses to continue, then the services come after the lines', async () => {
    const { context, page, widget } = await start();
    await say(page, widget, 'I have no food and I want to end it all');
    // Nothing is pending: wait a moment to be sure no search slips in behind the crisis lines.
    await page.waitForTimeout(500);
    assert.equal(await widget.results.count(), 0);
    await reply(page, widget, STRINGS.en.ui.replies.continue);
    await answerUntilResults(page, widget, 2);
    const kinds = await messageKinds(page);
    assert.ok(kinds.indexOf('crisis') < kinds.indexOf('results'), `order: ${kinds.join(', ')}`);
    assert.ok((await widget.cards.count()) >= 1, 'the food services the visitor came for are shown');
    assert.equal(await widget.history.getAttribute('aria-live'), 'polite', 'results are not assertive');
    await context.close();
  });

  it('answers a Spanish visitor typing on the English page in Spanish, saying 9-8-8 speaks no Spanish', async () => {
    const { context, page, widget: english } = await start();
    const widget = widgetIn(page, 'es');
    await interact(page, async () => {
      await english.composer.fill('ya no aguanto, me quiero morir');
      await english.send.click();
    });
    await widget.dialog.waitFor();
    assert.equal(await widget.dialog.getAttribute('lang'), 'es');
    const links = await assertCrisisResponse(page, widget, 'ca-on');
    assert.ok(links.includes('tel:988'), `9-8-8: ${links}`);
    const lines = STRINGS.es.lines.regions['ca-on'];
    const text = (await widget.history.textContent()) ?? '';
    assert.ok(
      text.includes(lines['crisis-988'].description),
      'says truthfully that 9-8-8 answers in English and French',
    );
    assert.ok(text.includes(lines.helpline.description), 'says 211 interprets into Spanish');
    await context.close();
  });

  it('gives a Spanish visitor who chose Español the domestic violence line first after 911', async () => {
    const { context, page, widget: english } = await start();
    await chooseLanguage(english, 'es');
    const widget = widgetIn(page, 'es');
    await widget.dialog.waitFor();
    await say(page, widget, 'mi esposo me pega');
    const links = await assertCrisisResponse(page, widget, 'ca-on');
    assert.deepEqual(links.slice(0, 2), ['tel:911', 'tel:18668630511'], `911, then the Assaulted Women's Helpline`);
    assert.match((await widget.history.textContent()) ?? '', /Línea de Ayuda para Mujeres Agredidas/);
    await context.close();
  });

  it("gives an English visitor in the US 911, then the 988 Lifeline by call and text, then the region's 211", async () => {
    const { context, page, widget } = await start({ region: 'us' });
    await say(page, widget, 'i want to kill myself');
    const links = await assertCrisisResponse(page, widget, 'us');
    assert.deepEqual(links.slice(0, 3), ['tel:911', 'tel:988', 'sms:988']);
    assert.match((await widget.history.textContent()) ?? '', /988 Suicide & Crisis Lifeline/);
    await context.close();
  });

  it('tells a Spanish visitor in the US to press 2 or text AYUDA to 988, with the AYUDA text ready to send', async () => {
    const { context, page, widget } = await start({ region: 'us', lang: 'es' }, 'es');
    await say(page, widget, 'kiero matarme');
    const links = await assertCrisisResponse(page, widget, 'us');
    assert.ok(links.includes('sms:988?body=AYUDA'), `text AYUDA to 988: ${links}`);
    const text = (await widget.history.textContent()) ?? '';
    assert.ok(text.includes(STRINGS.es.lines.regions.us['lifeline-988'].description));
    assert.match(text, /marque 2/);
    await context.close();
  });
});
