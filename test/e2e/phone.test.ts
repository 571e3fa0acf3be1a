/**
 * The widget on a small touch phone (360×640), walked with taps through its main states in
 * both languages. At each state: axe-core finds nothing in the widget, nothing scrolls or
 * sticks out sideways, the panel fills the screen, and the composer stays on screen when
 * focused. A screenshot of each state is saved to `test-output/screenshots/` for review.
 */
import { languageName, UI_LANGUAGES } from '../../src/i18n/languages.js';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2eSession, ROOT, startE2eSession } from '../support/browser-session.js';
import {
  chooseLanguage,
  answerUntilResults,
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

const VIEWPORT = { width: 360, height: 640 };
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
// axe-core is injected as source text through the DevTools protocol, which the page's strict
// Content Security Policy does not apply to; a <script> tag would be refused.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The parts of axe's result the test reports. */
interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's violations inside the widget, shadow root included, as readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    // Including the host element includes its shadow tree: axe walks the flattened tree.
    const results = (await axe.run({ include: [['referral-assistant']] }, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
    };
    return results.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  });
  return violations.map(
    ({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
  );
}

/** What sticks out of the viewport sideways: the page, or any visible part of the widget. */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const page = document.scrollingElement ?? document.documentElement;
    if (page.scrollWidth > window.innerWidth) problems.push(`the page scrolls sideways (${page.scrollWidth}px)`);
    const root = document.querySelector('referral-assistant')?.shadowRoot;
    for (const element of root?.querySelectorAll<HTMLElement>('*') ?? []) {
      const rect = element.getBoundingClientRect();
      if (!rect.width || !rect.height || element.closest('[hidden]')) continue;
      // Visually hidden text (for screen readers) is clipped to nothing on purpose.
      const style = getComputedStyle(element);
      if (style.clipPath !== 'none' || (style.clip !== 'auto' && style.clip !== '')) continue;
      const name = `${element.localName}.${[...element.classList].join('.')}`;
      if (rect.left < -0.5 || rect.right > window.innerWidth + 0.5)
        problems.push(`${name} spans ${Math.round(rect.left)}..${Math.round(rect.right)}px`);
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'visible')
        problems.push(`${name} scrolls sideways (${element.scrollWidth} > ${element.clientWidth})`);
    }
    return problems;
  });
}

/**
 * Whether the visitor sees the start of the widget's latest answer (the first message after
 * their own last one) in the history, rather than older messages above it.
 */
function latestAnswerInView(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.querySelector('referral-assistant')?.shadowRoot;
    const history = root?.querySelector('.history');
    const messages = [...(root?.querySelectorAll('.history > .message') ?? [])];
    const lastVisitor = messages.findLastIndex((message) => message.classList.contains('from-visitor'));
    const latest = messages[lastVisitor + 1] ?? messages.at(-1);
    if (!history || !latest) return 'no message';
    const view = history.getBoundingClientRect();
    const top = latest.getBoundingClientRect().top;
    return top >= view.top - 1 && top < view.bottom - 24
      ? null
      : `the latest answer starts at ${Math.round(top)}px, outside the history's ${Math.round(view.top)}..${Math.round(view.bottom)}px`;
  });
}

/**
 * Whether the first quick reply is shown whole in the replies area, rather than cut off by an
 * area squeezed smaller than one row of buttons.
 */
function firstReplyWhole(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.querySelector('referral-assistant')?.shadowRoot;
    const area = root?.querySelector('.replies')?.getBoundingClientRect();
    const first = root?.querySelector('.replies .reply')?.getBoundingClientRect();
    if (!area || !first) return null;
    return first.top >= area.top - 0.5 && first.bottom <= area.bottom + 0.5
      ? null
      : `the first reply spans ${Math.round(first.top)}..${Math.round(first.bottom)}px in an area of ${Math.round(area.top)}..${Math.round(area.bottom)}px`;
  });
}

/** Waits until the history has stopped scrolling (it scrolls smoothly unless motion is reduced). */
async function scrollingSettled(page: Page): Promise<void> {
  for (let frame = 0; frame < 60; frame++) {
    const still = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const history = document.querySelector('referral-assistant')?.shadowRoot?.querySelector('.history');
          const before = history?.scrollTop;
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(history?.scrollTop === before)));
        }),
    );
    if (still) return;
  }
}

/** Taps the composer and checks that it, and its send button, are on screen with focus. */
async function checkComposerWhenFocused(page: Page, widget: Widget): Promise<void> {
  await widget.composer.tap();
  const focused = await page.evaluate(
    () => document.querySelector('referral-assistant')?.shadowRoot?.activeElement?.localName,
  );
  assert.equal(focused, 'input', 'tapping the composer focuses it');
  const visibleHeight = await page.evaluate(() => window.visualViewport?.height ?? window.innerHeight);
  for (const [name, box] of [
    ['composer', await widget.composer.boundingBox()],
    ['send button', await widget.send.boundingBox()],
  ] as const) {
    assert.ok(box, `the ${name} is shown`);
    assert.ok(box.y >= 0 && box.y + box.height <= visibleHeight + 0.5, `the ${name} is on screen (y ${box.y})`);
  }
  await widget.composer.blur();
}

/** Where each state's latest answer was out of view, per language, for the test that checks it. */
const outOfView: Record<Language, string[]> = { en: [], es: [], fr: [] };
/** Where each state's quick replies were cut off, per language. */
const cutOffReplies: Record<Language, string[]> = { en: [], es: [], fr: [] };

/**
 * Takes the screenshot and checks everything a phone state must satisfy. Whether the latest
 * answer is in view and the replies are whole are recorded for tests of their own, so that
 * each failure is named once.
 */
async function checkState(page: Page, widget: Widget, state: string): Promise<void> {
  await scrollingSettled(page);
  await page.screenshot({ path: join(SCREENSHOTS, `${widget.language}-${state}.png`) });
  const hidden = await latestAnswerInView(page);
  if (hidden) outOfView[widget.language].push(`${state}: ${hidden}`);
  const cut = await firstReplyWhole(page);
  if (cut) cutOffReplies[widget.language].push(`${state}: ${cut}`);
  assert.equal(await widget.dialog.getAttribute('lang'), widget.language);
  assert.deepEqual(await sidewaysOverflow(page), [], 'nothing may stick out sideways');

  const panel = await widget.dialog.boundingBox();
  assert.ok(panel, 'the panel is shown');
  for (const [edge, value, expected] of [
    ['left', panel.x, 0],
    ['top', panel.y, 0],
    ['width', panel.width, VIEWPORT.width],
    ['height', panel.height, VIEWPORT.height],
  ] as const) {
    assert.ok(Math.abs(value - expected) <= 1, `the panel fills the screen: ${edge} is ${value}, not ${expected}`);
  }
  await checkComposerWhenFocused(page, widget);
  assert.deepEqual(await axeViolations(page), [], 'axe-core violations');
}

let session: E2eSession;
before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  session = await startE2eSession();
});
after(async () => {
  await session?.close();
});

const CRISIS_TEXT: Record<Language, string> = {
  en: 'i want to end it all',
  es: 'ya no aguanto, me quiero morir',
  fr: "j'en peux plus, je veux mourir",
};

for (const language of UI_LANGUAGES) {
  describe(`on a phone, in ${languageName(language)}`, () => {
    let page: Page;
    const widget = () => widgetIn(page, language);
    before(async () => {
      ({ page } = await session.newPage({ phone: true }));
      // No navigator service: "talk to a person" shows the phone and text lines (the live
      // chat has tests of its own).
      await openDemo(page, session.url, { navigator: '' });
    });
    after(async () => {
      await page?.context().close();
    });

    it('shows the welcome full screen', async () => {
      const english = widgetIn(page, 'en');
      await openPanel(english, 'tap');
      if (language !== 'en') {
        await chooseLanguage(english, language, 'tap');
        await widget().dialog.waitFor();
      }
      await checkState(page, widget(), 'welcome');
    });

    it('shows a clarifying question after tapping Food', async () => {
      await reply(page, widget(), STRINGS[language].ui.categories.food, 'tap');
      assert.equal(await widget().results.count(), 0, 'a question comes before the results');
      await checkState(page, widget(), 'question');
    });

    it('shows service cards after tapping the answers', async () => {
      await answerUntilResults(page, widget(), 2, 'tap');
      assert.ok((await widget().cards.count()) >= 3);
      await checkState(page, widget(), 'results');
    });

    it("shows a person's phone and text options", async () => {
      // The header's button: it is there in every state.
      const talk = widget().dialog.getByRole('button', { name: STRINGS[language].ui.talkToPerson, exact: true });
      await interact(page, () => talk.first().tap());
      assert.ok(await widget().history.locator('.message.contacts').count());
      await checkState(page, widget(), 'person');
    });

    it('shows the crisis lines', async () => {
      await say(page, widget(), CRISIS_TEXT[language], 'tap');
      await widget().history.locator('.message.crisis').waitFor();
      await checkState(page, widget(), 'crisis');
    });

    it('says plainly when the directory cannot load, and offers the phone', async () => {
      const { page: broken } = await session.newPage({ phone: true });
      await openDemo(broken, session.url, { directory: '/no-such-directory.json', lang: language });
      const view = widgetIn(broken, language);
      await openPanel(view, 'tap');
      await reply(broken, view, STRINGS[language].ui.categories.food, 'tap');
      assert.ok(await view.history.getByText(STRINGS[language].ui.directoryUnavailable).count());
      assert.ok(await view.history.locator('.message.contacts a[href="tel:211"]').count(), 'tap to call 211');
      await checkState(broken, view, 'directory-error');
      await broken.context().close();
    });

    it("keeps each new answer in view, not the conversation's first messages", () => {
      assert.deepEqual(outOfView[language], []);
    });

    it('shows the quick replies whole, not cut off', () => {
      assert.deepEqual(cutOffReplies[language], []);
    });
  });
}
