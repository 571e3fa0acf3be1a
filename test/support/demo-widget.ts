/**
 * The widget on the demo page, as a visitor meets it: loaded through the partner's one script
 * tag, found by role and accessible name in the visitor's language (Playwright's role locators
 * pierce the widget's open shadow root), and driven one interaction at a time.
 */
import type { Locator, Page } from 'playwright-core';
import enLines from '../../locales/en/lines.json' with { type: 'json' };
import enSafety from '../../locales/en/safety.json' with { type: 'json' };
import enUi from '../../locales/en/ui.json' with { type: 'json' };
import esLines from '../../locales/es/lines.json' with { type: 'json' };
import esSafety from '../../locales/es/safety.json' with { type: 'json' };
import esUi from '../../locales/es/ui.json' with { type: 'json' };
import frLines from '../../locales/fr/lines.json' with { type: 'json' };
import frSafety from '../../locales/fr/safety.json' with { type: 'json' };
import frUi from '../../locales/fr/ui.json' with { type: 'json' };
import { languageName, type UiLanguage } from '../../src/i18n/languages.js';
import { waitInPage } from './bounded-wait.js';

/** A language the widget speaks. */
export type Language = UiLanguage;

/** The visitor-facing strings of a language, straight from `locales/`. */
export const STRINGS = {
  en: { ui: enUi, safety: enSafety, lines: enLines },
  es: { ui: esUi, safety: esSafety, lines: esLines },
  fr: { ui: frUi, safety: frSafety, lines: frLines },
} as const;

/**
 * Switches the widget to `language` with the header's language picker: opens the picker
 * (named in the current language) and chooses the language by its own name, with a pointer
 * (`click`) or a finger (`tap`).
 */
export async function chooseLanguage(
  widget: Widget,
  language: Language,
  gesture: 'click' | 'tap' = 'click',
): Promise<void> {
  const picker = widget.dialog.locator('.language-picker > summary');
  await (gesture === 'tap' ? picker.tap() : picker.click());
  const option = widget.dialog.getByRole('button', { name: languageName(language), exact: true });
  await (gesture === 'tap' ? option.tap() : option.click());
}

/**
 * Opens the demo page with `attributes` on the partner's script tag (`{ lang: 'es' }` sets
 * `data-lang="es"`; an empty value removes the attribute), as a partner would write them. The
 * page is rewritten on its way to the browser, so the widget reads them when it starts, with
 * no race against its loading.
 */
export async function openDemo(page: Page, baseUrl: string, attributes: Record<string, string> = {}): Promise<void> {
  const pageUrl = `${baseUrl}/`;
  await page.unroute(pageUrl);
  if (Object.keys(attributes).length) {
    await page.route(pageUrl, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      const embed = /<script src="\/dist\/referral-assistant\.js"[^>]*>/.exec(html);
      if (!embed) throw new Error('the demo page no longer has the one-script-tag embed');
      await route.fulfill({ response, body: html.replace(embed[0], withDataAttributes(embed[0], attributes)) });
    });
  }
  await page.goto(pageUrl);
}

/** A start tag with its `data-*` attributes set, replaced or removed. */
function withDataAttributes(tag: string, attributes: Record<string, string>): string {
  let out = tag;
  for (const [name, value] of Object.entries(attributes)) {
    out = out.replace(new RegExp(`\\s+data-${name}="[^"]*"`), '');
    if (value) out = out.replace(/>$/, ` data-${name}="${value.replaceAll('"', '&quot;')}">`);
  }
  return out;
}

/** The widget's parts, found the way assistive technology finds them. */
export interface Widget {
  language: Language;
  launcher: Locator;
  dialog: Locator;
  /** The quick-reply group. */
  replies: Locator;
  /** Lists of service results (a list of articles). */
  results: Locator;
  /** Every service card shown. */
  cards: Locator;
  /** The history (`role="log"`). */
  history: Locator;
  composer: Locator;
  send: Locator;
}

/** Locators for the widget as it speaks `language`. */
export function widgetIn(page: Page, language: Language): Widget {
  const ui = STRINGS[language].ui;
  const dialog = page.getByRole('dialog', { name: ui.title });
  const results = dialog.getByRole('list').filter({ has: page.getByRole('article') });
  return {
    language,
    launcher: page.getByRole('button', { name: ui.launcherLabel }),
    dialog,
    replies: dialog.getByRole('group', { name: ui.repliesLabel }),
    results,
    cards: results.getByRole('article'),
    history: dialog.getByRole('log'),
    composer: dialog.getByRole('textbox', { name: ui.composerLabel }),
    send: dialog.getByRole('button', { name: ui.send, exact: true }),
  };
}

/** How many messages the history holds now. */
function messageCount(page: Page): Promise<number> {
  return page.locator('referral-assistant .history > .message').count();
}

/**
 * Does one visitor interaction and waits for the widget's answer: the history has grown and
 * nothing is loading any more. Returns when the visitor can act again.
 */
export async function interact(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await messageCount(page);
  await action();
  await waitInPage(
    page,
    'a new message in the history, with the widget no longer busy',
    (count) => {
      const root = document.querySelector('referral-assistant')?.shadowRoot;
      if (!root || root.querySelector('.busy')) return false;
      return root.querySelectorAll('.history > .message').length > count;
    },
    before,
  );
}

/**
 * Opens the panel from the launcher and waits for the welcome. It waits for the real launcher
 * first: while the widget replaces the loader's placeholder, there is a moment with no
 * launcher at all, and a tap then is lost (reported; the loader's own tests cover the swap).
 */
export async function openPanel(widget: Widget, how: 'click' | 'tap' = 'click'): Promise<void> {
  await waitInPage(widget.launcher.page(), 'the widget’s own launcher to replace the loader’s', () =>
    document.querySelector('referral-assistant')?.shadowRoot?.querySelector('.launcher'),
  );
  await widget.launcher[how]();
  await widget.dialog.waitFor();
  await widget.replies.getByRole('button').first().waitFor();
}

/** Types a message in the composer and sends it, waiting for the widget's answer. */
export async function say(page: Page, widget: Widget, text: string, how: 'click' | 'tap' = 'click'): Promise<void> {
  await widget.composer[how]();
  await widget.composer.fill(text);
  await interact(page, () => widget.send[how]());
}

/**
 * Taps or clicks the quick reply with this exact label, first unfolding "More options" when a
 * small screen has folded it away.
 */
export async function reply(page: Page, widget: Widget, label: string, how: 'click' | 'tap' = 'click'): Promise<void> {
  const button = widget.replies.getByRole('button', { name: label, exact: true });
  // Folded away behind "More options": not rendered, or rendered hidden.
  if (!(await button.count()) || (await button.isHidden())) {
    await widget.replies.getByRole('button', { name: STRINGS[widget.language].ui.moreReplies, exact: true })[how]();
  }
  await interact(page, () => button[how]());
}

/**
 * Answers clarifying questions with their first option until services are shown, at most
 * `limit` times. Returns how many answers it took.
 */
export async function answerUntilResults(
  page: Page,
  widget: Widget,
  limit: number,
  how: 'click' | 'tap' = 'click',
): Promise<number> {
  let answers = 0;
  while (!(await widget.results.count()) && answers < limit) {
    await interact(page, () => widget.replies.getByRole('button').first()[how]());
    answers++;
  }
  return answers;
}

/** The `href` of every link in a locator, in document order. */
export function hrefsIn(locator: Locator): Promise<string[]> {
  return locator.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}
