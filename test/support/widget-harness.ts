/**
 * Helpers for driving `<referral-assistant>` in browser tests the way a visitor would:
 * find things by role and visible text inside the shadow root, click, type, wait.
 */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from './widget-wait.js';
import '../../src/define.js';
import type { ReferralAssistant } from '../../src/referral-assistant.js';

/** The small hand-written directory the component tests search. */
export const TEST_DIRECTORY = '/test/fixtures/directory/testville.json';

/** Creates the element, waits for its launcher. */
export async function createWidget(
  attributes: { lang?: string; directory?: string; region?: string } = {},
): Promise<ReferralAssistant> {
  const element = await fixture<ReferralAssistant>(
    html`<referral-assistant
      directory=${attributes.directory ?? TEST_DIRECTORY}
      lang=${attributes.lang ?? 'en'}
      region=${attributes.region ?? 'ca-on'}
    ></referral-assistant>`,
  );
  await waitUntil(() => launcher(element), 'the launcher never appeared');
  return element;
}

/** Shadow-root query that fails loudly. */
export function find<T extends Element = HTMLElement>(element: ReferralAssistant, selector: string): T {
  const found = element.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function findAll<T extends Element = HTMLElement>(element: ReferralAssistant, selector: string): T[] {
  return [...(element.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

export function launcher(element: ReferralAssistant): HTMLButtonElement | null {
  return element.shadowRoot?.querySelector<HTMLButtonElement>('button.launcher') ?? null;
}

export function panel(element: ReferralAssistant): HTMLElement {
  return find(element, '[role="dialog"]');
}

/** The text of every message in the history, in order. */
export function historyText(element: ReferralAssistant): string[] {
  return findAll(element, '[role="log"] > *').map((node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

/** The quick replies on offer, by their visible text. */
export function replyLabels(element: ReferralAssistant): string[] {
  return findAll(element, '.replies[role="group"] button').map((b) => b.textContent?.trim() ?? '');
}

/** Clicks the quick reply with this visible text, waiting for it to be offered. */
export async function chooseReply(element: ReferralAssistant, label: string): Promise<void> {
  await waitUntil(
    () => replyLabels(element).includes(label),
    `no quick reply "${label}"; offered: ${replyLabels(element).join(' | ')}`,
    { timeout: 5000 },
  );
  const button = findAll<HTMLButtonElement>(element, '.replies[role="group"] button').find(
    (b) => b.textContent?.trim() === label,
  );
  button?.click();
  await element.updateComplete;
}

/** Clicks a header button by its visible text or accessible name. */
export async function clickHeaderButton(element: ReferralAssistant, name: string): Promise<void> {
  const button = findAll<HTMLButtonElement>(element, '.header button').find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );
  if (!button) throw new Error(`no header button "${name}"`);
  button.click();
  await element.updateComplete;
}

/** Types into the composer and sends, as Enter would. */
export async function typeMessage(element: ReferralAssistant, text: string): Promise<void> {
  const input = find<HTMLInputElement>(element, 'input');
  input.value = text;
  find<HTMLFormElement>(element, 'form').requestSubmit();
  await element.updateComplete;
}

/** Opens the panel with the launcher. */
export async function openPanel(element: ReferralAssistant): Promise<void> {
  launcher(element)?.click();
  await element.updateComplete;
  await waitUntil(() => !panel(element).hidden && historyText(element).length > 0, 'the panel never opened');
}

/** Waits until a result list is shown and returns its items. */
export async function waitForResults(element: ReferralAssistant): Promise<HTMLElement[]> {
  await waitUntil(() => findAll(element, '[role="log"] ul.results').length > 0, 'no results appeared', {
    timeout: 8000,
  });
  const lists = findAll(element, '[role="log"] ul.results');
  return [...(lists.at(-1)?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
}

/** Answers each clarifying question with its first option until services are shown. */
export async function answerUntilResults(element: ReferralAssistant): Promise<HTMLElement[]> {
  for (let i = 0; i < 4 && findAll(element, 'ul.results').length === 0; i++) {
    await waitUntil(
      () => findAll(element, 'ul.results').length > 0 || replyLabels(element).length > 0,
      'neither results nor a question',
      { timeout: 8000 },
    );
    if (findAll(element, 'ul.results').length > 0) break;
    const first = replyLabels(element)[0];
    if (first) await chooseReply(element, first);
    await waitUntil(() => findAll(element, 'ul.results').length > 0 || replyLabels(element)[0] !== first);
  }
  return waitForResults(element);
}
