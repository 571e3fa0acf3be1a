import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/widget-wait.js';
import type { ReferralAssistant } from '../../src/referral-assistant.js';
import {
  chooseReply,
  clickHeaderButton,
  createWidget,
  find,
  findAll,
  historyText,
  launcher,
  openPanel,
  panel,
  replyLabels,
  typeMessage,
  answerUntilResults,
  waitForResults,
} from '../support/widget-harness.js';

describe('<referral-assistant>', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('shows a launcher button named in the page language, collapsed', async () => {
    const element = await createWidget({ lang: 'es' });
    const button = launcher(element);
    expect(button?.tagName).to.equal('BUTTON');
    expect(button?.getAttribute('aria-label')).to.equal('Buscar ayuda: chat sobre servicios comunitarios');
    expect(button?.getAttribute('aria-expanded')).to.equal('false');
    expect(panel(element).hidden).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('opens into a labelled dialog with a log, moves focus into it, and is accessible', async () => {
    const element = await createWidget();
    const opened = oneEvent(element, 'referral-assistant-open');
    await openPanel(element);
    expect((await opened).detail).to.deep.equal({ language: 'en' });
    expect(launcher(element)?.getAttribute('aria-expanded')).to.equal('true');
    expect(panel(element).getAttribute('lang')).to.equal('en');
    expect(find(element, '[role="log"]')).to.exist;
    expect(historyText(element)[0]).to.include('I can help you find community services');
    expect(historyText(element)[1]).to.include('call 911');
    expect(
      element.shadowRoot?.activeElement?.getAttribute('aria-label') ?? element.shadowRoot?.activeElement?.id,
    ).to.equal('composer-input');
    expect(find(element, 'label[for="composer-input"]').textContent).to.equal('Type your message');
    expect(find(element, '[part="replies"]').getAttribute('aria-label')).to.equal('Suggested replies');
    expect(replyLabels(element)).to.include.members(['Food', 'Housing', 'Legal and immigration', 'Something else']);
    await expect(element).to.be.accessible();
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    const element = await createWidget();
    await openPanel(element);
    find(element, 'input').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await element.updateComplete;
    expect(panel(element).hidden).to.equal(true);
    expect(element.shadowRoot?.activeElement).to.equal(launcher(element));
  });

  it('gets from the bubble to service cards in four interactions: open, need, area, who', async () => {
    const element = await createWidget();
    await openPanel(element);
    await chooseReply(element, 'Food');
    await chooseReply(element, 'North End');
    await chooseReply(element, 'A child');
    const cards = await waitForResults(element);
    expect(cards.length).to.be.within(1, 5);
    const headings = cards.map((card) => card.querySelector('article h3')?.textContent?.trim());
    expect(headings).to.include('Kids Breakfast Club');
    expect(headings).to.not.include('Seniors Meals on Wheels');
    expect(find(element, 'ul.results').getAttribute('role')).to.equal('list');
    expect(replyLabels(element)).to.deep.equal(['Yes, it helped', 'No']);
    await expect(element).to.be.accessible();
  });

  it('never drops focus to the page after a quick reply', async () => {
    const element = await createWidget();
    await openPanel(element);
    await chooseReply(element, 'Food');
    await waitUntil(() => replyLabels(element).includes('North End'));
    expect(document.activeElement).to.equal(element);
    expect(element.shadowRoot?.activeElement?.textContent?.trim()).to.equal('North End');
  });

  it('re-renders the whole history in Spanish when the visitor switches language mid-way', async () => {
    const element = await createWidget();
    await openPanel(element);
    await chooseReply(element, 'Food');
    await waitUntil(() => replyLabels(element).includes('North End'));
    await clickHeaderButton(element, 'Español');
    await waitUntil(() => panel(element).getAttribute('lang') === 'es', 'the panel never switched to Spanish');
    const history = historyText(element);
    expect(history[0]).to.include('Le puedo ayudar');
    expect(history).to.include('Usted: Comida');
    expect(history.join(' ')).to.not.include('Food');
    expect(replyLabels(element)).to.include('Zona norte');
    await expect(element).to.be.accessible();
  });

  it('finds Spanish-language food services for a Spanish visitor typing in their own words', async () => {
    const element = await createWidget({ lang: 'es' });
    await openPanel(element);
    await typeMessage(element, 'necesito comida para mis hijos');
    await waitUntil(
      () => replyLabels(element).length > 0 || findAll(element, 'ul.results').length > 0,
      'neither a question nor results after the typed need',
      { timeout: 8000 },
    );
    while (findAll(element, 'ul.results').length === 0) {
      // Answer whatever is still asked with its first option.
      const first = replyLabels(element)[0];
      if (!first) break;
      await chooseReply(element, first);
      await waitUntil(
        () => replyLabels(element)[0] !== first || findAll(element, 'ul.results').length > 0,
        `nothing followed the answer "${first}"`,
        { timeout: 8000 },
      );
    }
    const cards = await waitForResults(element);
    const text = cards.map((card) => card.textContent ?? '').join(' ');
    expect(text).to.match(/comida|desayuno|despensa/i);
    expect(panel(element).getAttribute('lang')).to.equal('es');
  });

  it('keeps the conversation across a reload in the same tab', async () => {
    const first = await createWidget();
    await openPanel(first);
    await chooseReply(first, 'Food');
    await waitUntil(() => replyLabels(first).includes('North End'));
    const before = historyText(first);
    first.remove();
    const second = await fixture<ReferralAssistant>(
      html`<referral-assistant directory="/test/fixtures/directory/testville.json"></referral-assistant>`,
    );
    await waitUntil(() => historyText(second).length > 0, 'the restored history never rendered');
    expect(second.open).to.equal(true);
    expect(historyText(second)).to.deep.equal(before);
    expect(replyLabels(second)).to.include('North End');
  });

  it('carries on the same conversation after its element is moved elsewhere in the page', async () => {
    const element = await createWidget();
    await openPanel(element);
    await chooseReply(element, 'Food');
    await waitUntil(() => replyLabels(element).includes('North End'), 'the area question never came', {
      timeout: 8000,
    });
    const before = historyText(element);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(element);
    await element.updateComplete;
    // A fresh conversation would show only the welcome: the history must be the same one.
    expect(historyText(element)).to.deep.equal(before);
    expect(replyLabels(element)).to.include('North End');
    await chooseReply(element, 'North End');
    await waitUntil(() => historyText(element).includes('You: North End'), 'the moved element stopped updating', {
      timeout: 5000,
    });
    expect(historyText(element).slice(0, before.length)).to.deep.equal(before);
    elsewhere.remove();
  });

  it('says plainly when the directory cannot load, and offers the phone', async () => {
    const element = await createWidget({ directory: '/test/fixtures/directory/missing.json' });
    await openPanel(element);
    await chooseReply(element, 'Food');
    await waitUntil(() => replyLabels(element).includes('Try again'), 'no retry was offered');
    const links = findAll<HTMLAnchorElement>(element, '[role="log"] a').map((a) => a.getAttribute('href'));
    expect(links).to.include('tel:211');
    expect(historyText(element).join(' ')).to.include("can't load the list of services");
    await expect(element).to.be.accessible();
  });

  it('shows the crisis lines first, assertively, when a visitor writes about ending their life', async () => {
    const element = await createWidget({ lang: 'es' });
    await openPanel(element);
    await typeMessage(element, 'ya no aguanto, me quiero morir');
    await waitUntil(() => findAll(element, '.crisis').length > 0, 'no crisis response');
    const log = find(element, '[role="log"]');
    expect(log.getAttribute('aria-live')).to.equal('assertive');
    const links = findAll<HTMLAnchorElement>(element, '.crisis a').map((a) => a.getAttribute('href'));
    expect(links[0]).to.equal('tel:911');
    expect(links).to.include('tel:988');
    expect(findAll(element, 'ul.results')).to.have.length(0);
    expect(replyLabels(element)[0]).to.equal('Sí, comuníqueme ahora');
    await expect(element).to.be.accessible();
  });

  it('shows every crisis line from the menu, in Spanish, whatever the visitor typed or not', async () => {
    const element = await createWidget({ lang: 'es', region: 'ca-on' });
    await openPanel(element);
    find<HTMLElement>(element, 'details.more summary').click();
    await element.updateComplete;
    await clickHeaderButton(element, 'Líneas de crisis');
    await waitUntil(() => find(element, '.crisis').textContent?.includes('confidenciales'), 'no crisis wording');
    expect(find<HTMLDetailsElement>(element, 'details.more').open).to.equal(false);
    expect(find(element, '[role="log"]').getAttribute('aria-live')).to.equal('assertive');
    const links = findAll<HTMLAnchorElement>(element, '.crisis a').map((a) => a.getAttribute('href'));
    // The emergency number first, then every line of the region, the kind-specific ones too.
    expect(links[0]).to.equal('tel:911');
    expect(links).to.include.members(['tel:988', 'tel:18668630511', 'tel:18006686868', 'tel:18339001010', 'tel:211']);
    // The line's own English name follows the Spanish one, marked as English for screen readers.
    expect(find(element, '.crisis-lines [lang="en"]').textContent).to.equal("Assaulted Women's Helpline");
    expect(replyLabels(element)[0]).to.equal('Sí, comuníqueme ahora');
    expect(element.shadowRoot?.activeElement?.closest('[role="group"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('offers the helpline by phone and text when the visitor asks for a person', async () => {
    const element = await createWidget();
    await openPanel(element);
    const handoff = oneEvent(element, 'referral-assistant-handoff');
    await clickHeaderButton(element, 'Talk to a person');
    expect((await handoff).detail).to.deep.equal({ reason: 'asked', language: 'en' });
    const links = findAll<HTMLAnchorElement>(element, '.contacts a').map((a) => a.getAttribute('href'));
    expect(links).to.include('tel:211');
    await expect(element).to.be.accessible();
  });

  it('fires results events with categories and counts, never the visitor’s words', async () => {
    const element = await createWidget();
    await openPanel(element);
    const results = oneEvent(element, 'referral-assistant-results');
    await typeMessage(element, 'I need help paying my hydro bill');
    await answerUntilResults(element);
    const { detail } = await results;
    expect(detail.categories).to.deep.equal(['utilities']);
    expect(JSON.stringify(detail)).to.not.include('hydro');
  });
});

describe('<referral-assistant> with hostile directory data', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows markup from the directory as text, or refuses the directory, and never runs it', async () => {
    const element = await createWidget({ directory: '/test/fixtures/directory/testville-hostile.json' });
    await openPanel(element);
    await chooseReply(element, 'Health');
    for (let i = 0; i < 3; i++) {
      await waitUntil(() => replyLabels(element).length > 0, 'no way forward');
      if (findAll(element, 'ul.results').length > 0 || replyLabels(element).includes('Try again')) break;
      await chooseReply(element, replyLabels(element)[0] ?? '');
    }
    await waitUntil(
      () => findAll(element, 'ul.results').length > 0 || replyLabels(element).includes('Try again'),
      'neither results nor a refusal',
    );
    // The light check lets the directory load, so its markup must show as text.
    const names = findAll(element, 'ul.results h3').map((heading) => heading.textContent?.trim());
    expect(names).to.include('<b>Bold</b> Clinic');
    const shadow = element.shadowRoot as ShadowRoot;
    expect(shadow.querySelector('[role="log"] img, [role="log"] script, [role="log"] b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    const hrefs = findAll<HTMLAnchorElement>(element, '[role="log"] a').map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((href) => href.toLowerCase().startsWith('javascript:'))).to.deep.equal([]);
  });
});
