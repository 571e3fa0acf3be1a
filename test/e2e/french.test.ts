/**
 * The widget in French on the demo page, end to end: a page in French gets a French launcher
 * and panel; a typed need reaches services; a crisis message gets 911, 9-8-8 in French and an
 * offer of a person; "Parler à une personne" hands off to 211. Throughout, no English or
 * Spanish string of the widget shows in the French interface.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import {
  answerUntilResults,
  hrefsIn,
  openDemo,
  interact,
  openPanel,
  STRINGS,
  say,
  type Widget,
  widgetIn,
} from '../support/demo-widget.js';

/** English and Spanish strings that differ from the French, cut at placeholders into pieces of 6+ characters. */
function foreignFragments(): string[] {
  const flatten = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(flatten)
        : [];
  const french = new Set(flatten(STRINGS.fr));
  const pieces = [...flatten(STRINGS.en), ...flatten(STRINGS.es)]
    .filter((value) => !french.has(value))
    .flatMap((value) => value.split(/\{\{\w+\}\}/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= 6);
  return [...new Set(pieces)];
}

/** The panel's text and accessible labels, leaving out what is marked as another language (service records, names of languages). */
function panelText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const panel = document.querySelector('referral-assistant')?.shadowRoot?.querySelector('#panel');
    if (!panel) return '';
    const copy = panel.cloneNode(true) as HTMLElement;
    for (const other of copy.querySelectorAll('[lang]:not([lang="fr"])')) other.remove();
    const labels = [...copy.querySelectorAll('*')].flatMap((node) =>
      ['aria-label', 'placeholder', 'title'].map((name) => node.getAttribute(name) ?? ''),
    );
    return `${copy.textContent ?? ''} ${labels.join(' ')}`;
  });
}

async function assertOnlyFrench(page: Page, where: string): Promise<void> {
  const text = await panelText(page);
  const leaked = FOREIGN.filter((fragment) => text.includes(fragment));
  assert.deepEqual(leaked, [], `English or Spanish in the French interface (${where})`);
}

const FOREIGN = foreignFragments();
const { ui, safety, lines } = STRINGS.fr;

describe('the widget in French, end to end', () => {
  let session: E2eSession;
  before(async () => {
    session = await startE2eSession();
  });
  after(async () => {
    await session?.close();
  });

  async function frenchPage(): Promise<{ page: Page; widget: Widget; close: () => Promise<void> }> {
    const { context, page } = await session.newPage({ phone: true });
    await openDemo(page, session.url, { lang: 'fr', navigator: '' });
    const widget = widgetIn(page, 'fr');
    await openPanel(widget, 'tap');
    return { page, widget, close: () => context.close() };
  }

  it('has enough English and Spanish strings to catch a leak', () => {
    assert.ok(FOREIGN.length > 100, `only ${FOREIGN.length} fragments`);
  });

  it('shows French services for "j\'ai besoin de nourriture pour mes enfants"', async () => {
    const { page, widget, close } = await frenchPage();
    assert.equal(await widget.dialog.getAttribute('lang'), 'fr');
    await assertOnlyFrench(page, 'welcome');
    await say(page, widget, "j'ai besoin de nourriture pour mes enfants", 'tap');
    await answerUntilResults(page, widget, 3, 'tap');
    await widget.cards.first().waitFor();
    const count = await widget.cards.count();
    assert.ok(count >= 1 && count <= 5, `expected 1 to 5 services, got ${count}`);
    assert.match((await widget.results.first().textContent()) ?? '', /nourriture|alimentaire|food|repas|meal/i);
    await assertOnlyFrench(page, 'results');
    await close();
  });

  it('answers "j\'veux pu vivre" with 911 first, then 9-8-8 in French, and an offer of a person', async () => {
    const { page, widget, close } = await frenchPage();
    await say(page, widget, "chu pu capable, j'veux pu vivre", 'tap');
    const crisis = widget.history.locator('.message.crisis').last();
    await crisis.waitFor();
    assert.equal(await widget.history.getAttribute('aria-live'), 'assertive');
    const text = (await crisis.textContent()) ?? '';
    assert.ok(text.includes(lines.crisis.heading), 'the French crisis heading');
    assert.ok(text.includes(lines.regions['ca-on']['crisis-988'].name), 'the 9-8-8 line by its French name');
    const links = await hrefsIn(crisis);
    assert.equal(links[0], 'tel:911', `the emergency number comes first, got ${links.join(' ')}`);
    assert.ok(links.includes('tel:988') && links.includes('sms:988'), '9-8-8 to call or text');
    assert.equal(await widget.history.getByText(safety.handoff.urgentOffer).count(), 1, 'an offer of a person');
    assert.equal(await widget.results.count(), 0, 'no service is shown with the crisis lines');
    await assertOnlyFrench(page, 'crisis');
    await close();
  });

  it('hands off to 211 in French when the visitor asks for a person', async () => {
    const { page, widget, close } = await frenchPage();
    await interact(page, () => widget.dialog.getByRole('button', { name: ui.talkToPerson, exact: true }).first().tap());
    // The phone line is drawn once the crisis and helpline wording has loaded: wait for it, bounded.
    await widget.history.locator('a[href="tel:211"]').first().waitFor({ timeout: 10_000 });
    const history = (await widget.history.textContent()) ?? '';
    const offer = lines.contacts.person.split('{{helpline}}')[0]?.trim() ?? '';
    assert.ok(history.includes(offer), `the French offer of a person ("${offer}") in: ${history}`);
    await assertOnlyFrench(page, 'hand-off');
    await close();
  });
});
