/**
 * The element's controllers (notices, focus, scrolling, the top layer, the accent, printing,
 * the quick replies' rows)
 * keep working after the element is taken out of the page and put back, as Lit's own
 * controller tests check.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { waitUntil } from '../support/widget-wait.js';
import type { ReferralAssistant } from '../../src/referral-assistant.js';
import {
  answerUntilResults,
  chooseReply,
  clickHeaderButton,
  createWidget,
  find,
  findAll,
  historyText,
  openPanel,
  replyLabels,
} from '../support/widget-harness.js';

/** Takes the element out of the page and puts it back elsewhere. */
async function move(element: ReferralAssistant): Promise<HTMLElement> {
  const elsewhere = document.createElement('div');
  document.body.append(elsewhere);
  element.remove();
  elsewhere.append(element);
  await element.updateComplete;
  return elsewhere;
}

describe('the element’s controllers, after the element is moved', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('keeps the widget in the top layer', async () => {
    const element = await createWidget();
    const elsewhere = await move(element);
    await waitUntil(() => find(element, '.root').matches(':popover-open'), 'the root left the top layer for good', {
      timeout: 5000,
    });
    elsewhere.remove();
  });

  it('still moves focus to the new quick replies after a choice', async () => {
    const element = await createWidget();
    await openPanel(element);
    const elsewhere = await move(element);
    await chooseReply(element, 'Food');
    await waitUntil(() => replyLabels(element).includes('North End'), 'the area question never came', {
      timeout: 8000,
    });
    await waitUntil(
      () => element.shadowRoot?.activeElement?.classList.contains('reply') === true,
      'focus did not reach the first new quick reply',
      { timeout: 5000 },
    );
    expect(element.shadowRoot?.activeElement?.textContent?.trim()).to.equal(replyLabels(element)[0]);
    elsewhere.remove();
  });

  it('still says "Copied" when a service is copied', async () => {
    const element = await createWidget();
    await openPanel(element);
    await chooseReply(element, 'Food');
    await answerUntilResults(element);
    const elsewhere = await move(element);
    const copy = findAll<HTMLButtonElement>(element, 'button').find((button) => button.textContent?.trim() === 'Copy');
    if (!copy) throw new Error('no Copy button on the service card');
    copy.click();
    await waitUntil(
      () => find(element, '.notice').textContent !== '',
      'no notice after copying (neither copied nor failed)',
      { timeout: 5000 },
    );
    expect(find(element, '.notice').getAttribute('role')).to.equal('status');
    expect(find(element, '.notice').textContent).to.match(/^(Copied|Couldn't copy)/);
    elsewhere.remove();
  });

  it('still switches the whole history to Spanish, loading its strings', async () => {
    const element = await createWidget();
    await openPanel(element);
    const elsewhere = await move(element);
    await clickHeaderButton(element, 'Español');
    await waitUntil(
      () => find(element, '#panel').getAttribute('lang') === 'es',
      'the panel never switched to Spanish after the move',
    );
    expect(historyText(element)[0]).to.include('¡Hola!');
    elsewhere.remove();
  });

  it('keeps the accent colour and a readable text colour on it', async () => {
    const element = await createWidget();
    element.accentColor = '#ffd700';
    await element.updateComplete;
    const elsewhere = await move(element);
    element.requestUpdate();
    await element.updateComplete;
    const root = find(element, '.root');
    expect(root.style.getPropertyValue('--ra-accent')).to.equal('#ffd700');
    // Gold is light: the text on it must be dark.
    expect(root.style.getPropertyValue('--ra-on-accent')).to.equal('#000000');
    elsewhere.remove();
  });

  it('still folds the quick replies past the rows a small phone allows, and unfolds them on request', async () => {
    await setViewport({ width: 320, height: 568 });
    try {
      const element = await createWidget();
      await openPanel(element);
      const elsewhere = await move(element);
      const more = find<HTMLButtonElement>(element, '.more-replies');
      await waitUntil(() => !more.hidden, 'the welcome’s categories were not folded behind "More options"');
      const shown = () => findAll<HTMLButtonElement>(element, '.reply').filter((reply) => !reply.hidden);
      const rows = new Set([...shown(), more].map((button) => button.offsetTop)).size;
      expect(rows, 'rows of replies at 320×568').to.equal(2);
      const folded = findAll<HTMLButtonElement>(element, '.reply').find((reply) => reply.hidden);
      more.click();
      await waitUntil(
        () => more.hidden && shown().length === replyLabels(element).length,
        'the replies never unfolded',
      );
      expect(element.shadowRoot?.activeElement, 'focus on the first reply that was folded').to.equal(folded);
      elsewhere.remove();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
