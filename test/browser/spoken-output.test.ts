/**
 * What a screen-reader user hears, through @guidepup/virtual-screen-reader: reading the panel
 * from the top once it opens, then what the conversation announces on its own (the live log)
 * as they answer, up to the first result; and in a crisis, the crisis lines announced
 * assertively. In English and Spanish.
 *
 * The virtual screen reader does not walk into shadow roots, so it reads the panel (the dialog
 * inside the element's shadow root) as its container; that is everything a visitor hears once
 * the panel is open.
 */
import { virtual } from '@guidepup/virtual-screen-reader/browser.js';
import { expect, waitUntil } from '@open-wc/testing';
import enLines from '../../locales/en/lines.json' with { type: 'json' };
import esLines from '../../locales/es/lines.json' with { type: 'json' };
import enUi from '../../locales/en/ui.json' with { type: 'json' };
import esUi from '../../locales/es/ui.json' with { type: 'json' };
import type { ReferralAssistant } from '../../src/referral-assistant.js';
import {
  answerUntilResults,
  chooseReply,
  createWidget,
  find,
  findAll,
  openPanel,
  typeMessage,
} from '../support/widget-harness.js';

const STRINGS = { en: { ui: enUi, lines: enLines }, es: { ui: esUi, lines: esLines } };
const FOOD_BANK = { en: 'Testville Food Bank', es: 'Banco de comida de Testville' };
const ENDING_LIFE = { en: 'I want to end my life', es: 'ya no quiero vivir' };

/** Starts the virtual screen reader on the open panel. */
async function listen(element: ReferralAssistant): Promise<void> {
  await virtual.start({ container: find(element, '.panel') });
}

/** Reads the panel from the top to the end of the composer, as a visitor arrowing down would. */
async function readPanel(language: 'en' | 'es'): Promise<string[]> {
  const end = 'end of form';
  for (let step = 0; step < 80 && (await virtual.lastSpokenPhrase()) !== end; step++) await virtual.next();
  expect(await virtual.lastSpokenPhrase(), `reading in ${language} never reached the composer's end`).to.equal(end);
  return virtual.spokenPhraseLog();
}

/** Waits until the screen reader has said something that includes a text. */
async function heard(text: string, what: string): Promise<string[]> {
  await waitUntil(async () => (await virtual.spokenPhraseLog()).some((phrase) => phrase.includes(text)), what, {
    timeout: 8000,
  });
  return virtual.spokenPhraseLog();
}

describe('what a screen-reader user hears', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(async () => {
    await virtual.stop();
    sessionStorage.clear();
  });

  for (const language of ['en', 'es'] as const) {
    const { ui, lines } = STRINGS[language];

    it(`${language}: hears the panel, the welcome and the choices, then each answer, up to the first result`, async () => {
      const element = await createWidget({ lang: language });
      await openPanel(element);
      await listen(element);
      const reading = await readPanel(language);
      expect(reading[0]).to.equal(`dialog, ${ui.title}`);
      const log = reading.indexOf(`log, ${ui.historyLabel}`);
      const welcome = reading.indexOf(ui.welcome);
      const askNeed = reading.indexOf(ui.askNeed);
      const replies = reading.indexOf(`group, ${ui.repliesLabel}`);
      const food = reading.indexOf(`button, ${ui.categories.food}`);
      const textbox = reading.findIndex((phrase) => phrase.startsWith(`textbox, ${ui.composerLabel}`));
      // In reading order: the history, its welcome and question, then the choices, then the text box.
      expect(
        [log, welcome, askNeed, replies, food, textbox].every((index) => index >= 0),
        reading.join('\n'),
      ).to.equal(true);
      expect([log, welcome, askNeed, replies, food, textbox]).to.deep.equal(
        [log, welcome, askNeed, replies, food, textbox].toSorted((a, b) => a - b),
      );

      await chooseReply(element, ui.categories.food);
      let said = await heard(`polite: ${ui.you} ${ui.categories.food}`, 'the chosen reply was not announced');
      await answerUntilResults(element);
      said = await heard(FOOD_BANK[language], 'the first result was not announced');
      const announced = said.filter((phrase) => phrase.startsWith('polite: ') || phrase.startsWith('assertive: '));
      // Everything came through the polite log: nothing in the main flow interrupts.
      expect(
        announced.every((phrase) => phrase.startsWith('polite: ')),
        announced.join('\n'),
      ).to.equal(true);
      const count = findAll(element, 'ul.results > li').length;
      const intro = count === 1 ? ui.resultsIntro_one : ui.resultsIntro_other.replace('{{count}}', String(count));
      expect(
        announced.some((phrase) => phrase.includes(intro)),
        announced.join('\n'),
      ).to.equal(true);
      // Each message is announced once, not again as the history grows.
      expect(announced.filter((phrase) => phrase.includes(intro))).to.have.length(1);
    });

    it(`${language}: hears the crisis lines assertively, the emergency number first, when the visitor writes about ending their life`, async () => {
      const element = await createWidget({ lang: language });
      await openPanel(element);
      await listen(element);
      await typeMessage(element, ENDING_LIFE[language]);
      const said = await heard(lines.crisis.heading, 'the crisis heading was not announced');
      const crisis = said.filter((phrase) => phrase.startsWith('assertive: '));
      expect(crisis.length, said.join('\n')).to.be.greaterThan(0);
      const full = crisis.find((phrase) => phrase.includes(lines.crisis.heading)) ?? '';
      expect(full.indexOf('911')).to.be.greaterThan(-1);
      expect(full.indexOf('911')).to.be.lessThan(full.indexOf('988'));
      expect(said.some((phrase) => phrase.startsWith('polite: ') && phrase.includes(lines.crisis.heading))).to.equal(
        false,
      );
    });
  }
});
