import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/widget-wait.js';
import enLines from '../../locales/en/lines.json' with { type: 'json' };
import enSafety from '../../locales/en/safety.json' with { type: 'json' };
import enUi from '../../locales/en/ui.json' with { type: 'json' };
import esLines from '../../locales/es/lines.json' with { type: 'json' };
import esSafety from '../../locales/es/safety.json' with { type: 'json' };
import esUi from '../../locales/es/ui.json' with { type: 'json' };
import frLines from '../../locales/fr/lines.json' with { type: 'json' };
import frSafety from '../../locales/fr/safety.json' with { type: 'json' };
import frUi from '../../locales/fr/ui.json' with { type: 'json' };
import { type UiLanguage, UI_LANGUAGES } from '../../src/i18n/languages.js';
import { STORAGE_KEY } from '../../src/conversation/conversation-storage.js';
import { conversationMachine } from '../../src/conversation/conversation.machine.js';
import type { ReferralAssistant } from '../../src/referral-assistant.js';
import { conversationPaths, leafPath } from '../support/conversation-path-model.js';
import {
  chooseReply,
  createWidget,
  find,
  findAll,
  historyText,
  launcher,
  openPanel,
  panel,
  replyLabels,
  TEST_DIRECTORY,
  answerUntilResults,
  waitForResults,
} from '../support/widget-harness.js';

/** Opens the widget straight into a state of the conversation, as a reload would. */
async function widgetIn(path: (typeof conversationPaths)[number], language: UiLanguage): Promise<ReferralAssistant> {
  const persisted = conversationMachine.getPersistedSnapshot(path.state) as unknown as {
    context: Record<string, unknown>;
  };
  persisted.context.language = language;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ snapshot: persisted, open: true }));
  const element = await fixture<ReferralAssistant>(
    html`<referral-assistant directory=${TEST_DIRECTORY}></referral-assistant>`,
  );
  await waitUntil(() => historyText(element).length > 0 && panel(element).getAttribute('lang') === language);
  return element;
}

function flatten(value: unknown, into: Map<string, string> = new Map(), prefix = ''): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, into, prefix ? `${prefix}.${key}` : key);
  }
  return into;
}

/** Every language's strings, flattened to one map per language (`safety.` and `lines.` prefixed). */
const STRINGS: Record<UiLanguage, Map<string, string>> = Object.fromEntries(
  (
    [
      ['en', enUi, enSafety, enLines],
      ['es', esUi, esSafety, esLines],
      ['fr', frUi, frSafety, frLines],
    ] as const
  ).map(([language, ui, safety, lines]) => [
    language,
    new Map([...flatten(ui), ...flatten(safety, new Map(), 'safety'), ...flatten(lines, new Map(), 'lines')]),
  ]),
) as Record<UiLanguage, Map<string, string>>;

/**
 * The other languages' strings that differ from `language`'s, cut at placeholders into
 * searchable pieces: any of them in the panel is a string that was not translated.
 */
function foreignFragments(language: UiLanguage): string[] {
  const own = STRINGS[language];
  const fragments = new Set<string>();
  for (const other of UI_LANGUAGES.filter((code) => code !== language)) {
    for (const [key, value] of STRINGS[other]) {
      if (value === own.get(key)) continue;
      for (const piece of value.split(/\{\{\w+\}\}|\$t\([^)]*\)/)) {
        const trimmed = piece.trim();
        if (trimmed.length >= 6) fragments.add(trimmed);
      }
    }
  }
  return [...fragments];
}

/** Whether `text` holds `fragment` with no letter right before or after it. */
function containsWords(text: string, fragment: string): boolean {
  const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
}

/** The text a visitor would see or hear in the panel, leaving out parts marked as another language. */
function visibleTextIn(element: ReferralAssistant, language: UiLanguage): string {
  const copy = panel(element).cloneNode(true) as HTMLElement;
  for (const other of copy.querySelectorAll(`[lang]:not([lang="${language}"])`)) other.remove();
  const attributes = [...copy.querySelectorAll('*')].flatMap((node) =>
    ['aria-label', 'placeholder', 'title', 'alt'].map((name) => node.getAttribute(name) ?? ''),
  );
  return `${copy.textContent ?? ''} ${attributes.join(' ')}`;
}

describe('accessibility in every state of the conversation', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  const resting = conversationPaths.filter((path) => !path.state.hasTag('busy'));

  for (const language of UI_LANGUAGES) {
    for (const path of resting) {
      it(`${language}: "${leafPath(path.state.value)}" passes axe`, async () => {
        const element = await widgetIn(path, language);
        await expect(element).to.be.accessible();
      });
    }
  }

  for (const language of UI_LANGUAGES.filter((code) => code !== 'en')) {
    it(`walks every state in ${language} without showing a string of another language`, async () => {
      const foreign = foreignFragments(language);
      expect(foreign.length).to.be.greaterThan(50);
      for (const path of resting) {
        const element = await widgetIn(path, language);
        const text = visibleTextIn(element, language);
        // Whole words only: French "Transport" is not a leak inside Spanish "Transporte".
        const leaked = foreign.filter((fragment) => containsWords(text, fragment));
        expect(leaked, `another language in "${leafPath(path.state.value)}" (${language})`).to.deep.equal([]);
        element.remove();
        sessionStorage.clear();
      }
    });
  }
});

describe('keyboard only', () => {
  beforeEach(() => sessionStorage.clear());

  /** Presses Tab (or Shift+Tab) until the focused control matches, as a keyboard user would. */
  async function tabTo(element: ReferralAssistant, matches: (focused: Element) => boolean, backwards = false) {
    for (let i = 0; i < 80; i++) {
      const focused = element.shadowRoot?.activeElement;
      if (focused && matches(focused)) return focused;
      if (backwards) await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      if (backwards) await sendKeys({ up: 'Shift' });
    }
    throw new Error('never reached the control with the keyboard');
  }
  const labelled = (label: string) => (node: Element) =>
    node.textContent?.trim() === label || node.getAttribute('aria-label') === label;

  it('completes the whole flow with Tab, Shift+Tab, Enter, Space and Escape', async () => {
    const element = await createWidget();
    await tabTo(element, (node) => node === launcher(element));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !panel(element).hidden, 'Enter did not open the panel');
    expect(element.shadowRoot?.activeElement?.id).to.equal('composer-input');

    await tabTo(element, labelled('Food'), true);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => replyLabels(element).includes('North End'));
    expect(document.activeElement, 'focus dropped to the page').to.equal(element);
    await tabTo(element, labelled('North End'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => replyLabels(element).includes('A child'));
    await tabTo(element, labelled('A child'));
    await sendKeys({ press: 'Enter' });
    await waitForResults(element);

    const call = await tabTo(element, (node) => node.getAttribute('href')?.startsWith('tel:') ?? false, true);
    expect(call.closest('article')).to.exist;

    await tabTo(element, labelled('Talk to a person'), true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => findAll(element, '.contacts a[href="tel:211"]').length > 0, 'no way to reach a person');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => panel(element).hidden, 'Escape did not close the panel');
    expect(element.shadowRoot?.activeElement).to.equal(launcher(element));
  });
});

describe('screen readers', () => {
  beforeEach(() => sessionStorage.clear());

  it('has one live log with no live regions nested in it, and labelled quick replies', async () => {
    const element = await createWidget();
    await openPanel(element);
    const log = find(element, '[role="log"]');
    expect(log.getAttribute('aria-live')).to.equal('polite');
    expect(log.getAttribute('aria-relevant')).to.equal('additions');
    expect(log.querySelectorAll('[aria-live], [role="alert"], [role="status"], [role="log"]')).to.have.length(0);
    expect(find(element, '[part="replies"]').getAttribute('aria-label')).to.equal('Suggested replies');
  });

  it('changes text in place when the language switches, adding nothing for the log to announce again', async () => {
    const element = await createWidget();
    await openPanel(element);
    const log = find(element, '[role="log"]');
    const added: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) added.push(...record.addedNodes);
    });
    observer.observe(log, { childList: true, subtree: true });
    element.setLanguage('es');
    await waitUntil(() => panel(element).getAttribute('lang') === 'es');
    observer.disconnect();
    expect(historyText(element)[0]).to.include('Le puedo ayudar');
    expect(added.filter((node) => node.nodeType === Node.ELEMENT_NODE)).to.have.length(0);
  });

  it('announces each new message once: one addition per message', async () => {
    const element = await createWidget();
    await openPanel(element);
    const log = find(element, '[role="log"]');
    const added: Element[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) added.push(node);
    });
    observer.observe(log, { childList: true, subtree: true });
    const before = log.children.length;
    await chooseReply(element, 'Food');
    await waitUntil(() => replyLabels(element).includes('North End'));
    observer.disconnect();
    const newMessages = log.children.length - before;
    expect(newMessages).to.equal(2);
    expect(added.filter((node) => node.parentElement === log)).to.have.length(newMessages);
  });

  it('lists results as articles with headings', async () => {
    const element = await createWidget();
    await openPanel(element);
    await chooseReply(element, 'Housing');
    const cards = await answerUntilResults(element);
    for (const card of cards) {
      const article = card.querySelector('article');
      expect(article?.getAttribute('aria-labelledby')).to.equal(article?.querySelector('h3')?.id);
    }
  });
});

describe('visual', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' });
    await setViewport({ width: 800, height: 600 });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const accent of ['#1a5fb4', '#ffeb3b', '#000000', 'hotpink', '#00ff00']) {
      it(`keeps text contrast at 4.5:1 in ${colorScheme} mode with accent ${accent}`, async () => {
        await emulateMedia({ colorScheme });
        const element = await createWidget();
        element.accentColor = accent;
        await openPanel(element);
        await chooseReply(element, 'Food');
        await expect(element).to.be.accessible({ runOnly: ['color-contrast'] } as never);
      });
    }
  }

  it('stays readable in forced-colors mode', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const element = await createWidget();
    await openPanel(element);
    await expect(element).to.be.accessible();
  });

  it('does not animate scrolling when reduced motion is asked for', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await createWidget();
    await openPanel(element);
    expect(getComputedStyle(find(element, '[role="log"]')).scrollBehavior).to.equal('auto');
  });

  it('reflows at 320 CSS px (1280 px at 400% zoom) with no horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await createWidget({ lang: 'es' });
    await openPanel(element);
    await chooseReply(element, 'Comida');
    await chooseReply(element, 'Cualquier zona');
    await chooseReply(element, 'Una persona mayor (60+)');
    await waitForResults(element);
    const dialog = panel(element);
    expect(dialog.getBoundingClientRect().width).to.be.at.most(320);
    const laidOut = [...dialog.querySelectorAll<HTMLElement>('*')].filter((node) => !node.closest('.visually-hidden'));
    for (const node of [dialog, ...laidOut]) {
      expect(node.scrollWidth, `${node.className} scrolls sideways`).to.be.at.most(node.clientWidth + 1);
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('makes every button and link at least 44 by 44 px', async () => {
    const element = await createWidget();
    await openPanel(element);
    await chooseReply(element, 'Food');
    await chooseReply(element, 'Anywhere');
    await chooseReply(element, 'An adult');
    await waitForResults(element);
    const small = findAll(element, 'button, a, summary')
      .filter((node) => node.getClientRects().length > 0)
      .map((node) => ({ node, rect: node.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width < 44 || rect.height < 44)
      .map(
        ({ node, rect }) =>
          `${node.textContent?.trim() || node.getAttribute('aria-label')} ${rect.width}×${rect.height}`,
      );
    expect(small).to.deep.equal([]);
  });
});

describe('phones', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(async () => setViewport({ width: 800, height: 600 }));

  it('fills the screen below 600 px, sized to the visual viewport, with a 16 px text box', async () => {
    await setViewport({ width: 360, height: 640 });
    const element = await createWidget();
    await openPanel(element);
    const rect = panel(element).getBoundingClientRect();
    expect([rect.left, rect.top, rect.width, rect.height]).to.deep.equal([0, 0, 360, 640]);
    const root = find(element, '.root');
    expect(root.style.getPropertyValue('--ra-viewport-height')).to.equal(
      `${Math.round(visualViewport?.height ?? 0)}px`,
    );
    expect(getComputedStyle(find(element, 'input')).fontSize).to.equal('16px');
  });
});

describe('read aloud', () => {
  beforeEach(() => sessionStorage.clear());

  it('reads a message in the conversation language with the browser’s speech', async () => {
    const spoken: { text: string; lang: string }[] = [];
    const original = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance) => spoken.push({ text: utterance.text, lang: utterance.lang });
    try {
      const element = await createWidget({ lang: 'es' });
      await openPanel(element);
      find<HTMLButtonElement>(element, '.read-aloud').click();
      await waitUntil(() => spoken.length > 0, 'the message to be spoken');
      expect(spoken).to.have.length(1);
      expect(spoken[0]?.lang).to.equal('es');
      expect(spoken[0]?.text).to.include('Le puedo ayudar');
    } finally {
      speechSynthesis.speak = original;
    }
  });

  it('hides the buttons where the browser cannot speak', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    try {
      const element = await createWidget();
      await openPanel(element);
      expect(findAll(element, '.read-aloud')).to.have.length(0);
    } finally {
      if (descriptor) Object.defineProperty(window, 'speechSynthesis', descriptor);
    }
  });
});
