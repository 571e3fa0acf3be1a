/**
 * Results a visitor can act on, on a phone: open now in the directory's time zone, nearest
 * first from a typed postal code, and one tap to call, text, get directions, copy, print or
 * send the results by text message. The demo directory's clock is fixed at a Tuesday 11:00 in
 * Toronto, when the Harbour Food Bank (Tuesdays 10:00 to 15:00) is open.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { waitInPage } from '../support/bounded-wait.js';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';

/** Tuesday 24 November 2026, 11:00 in Toronto (EST, UTC−5). */
const TUESDAY_11AM_TORONTO = new Date('2026-11-24T16:00:00Z');

describe('results people can act on, on a phone', { timeout: 120_000 }, () => {
  let session: E2eSession;
  let context: BrowserContext;
  let page: Page;
  let cards: Locator;
  let interactionsBeforeResults = 0;

  before(async () => {
    session = await startE2eSession();
    ({ context, page } = await session.newPage({ phone: true, locale: 'es-MX' }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    await page.clock.setFixedTime(TUESDAY_11AM_TORONTO);
    // An arrow, not a named function: tsx's keepNames would wrap a named one in a `__name`
    // helper that does not exist in the page, and the init script would fail silently.
    await page.addInitScript(() => {
      const counter = window as unknown as { printed: number; printStandIn: unknown };
      counter.printed = 0;
      window.print = () => {
        counter.printed++;
      };
      counter.printStandIn = window.print;
    });
    await page.goto(`${session.url}/`);

    const tap = async (locator: Locator) => {
      interactionsBeforeResults++;
      await locator.tap();
    };
    const send = async (text: string) => {
      interactionsBeforeResults++;
      const input = page.getByRole('textbox', { name: /Escriba su mensaje|Type your message/ });
      await input.fill(text);
      await input.press('Enter');
    };
    await tap(page.getByRole('button', { name: /Find help|Buscar ayuda/ }));
    await send('necesito despensa hoy');
    await page.getByRole('log').getByText('¿Dónde está usted?').waitFor();
    await send('N9N 2B4');
    const results = page
      .getByRole('log')
      .getByRole('list')
      .filter({ has: page.getByRole('article') });
    const replies = page.getByRole('group', { name: 'Respuestas sugeridas' });
    for (let i = 0; i < 2 && !(await results.count()); i++) {
      await page.waitForTimeout(400);
      if (await results.count()) break;
      await tap(replies.getByRole('button').first());
    }
    await results.first().waitFor();
    cards = results.first().getByRole('article');
  });

  after(async () => {
    await context?.close();
    await session?.close();
  });

  it('reaches results in Spanish from a postal code in a few interactions, an open food bank first', async () => {
    assert.ok(interactionsBeforeResults <= 4, `took ${interactionsBeforeResults} interactions`);
    const first = cards.first();
    assert.equal(await first.getByRole('heading').textContent(), 'Banco de alimentos Harbour');
    const status = await first.locator('.card-status').textContent();
    assert.match(status ?? '', /^Abierto ahora · cierra a las 15:00 · A [\d,.]+ km$/);
  });

  it('sends the results by text message with one tap, in Spanish, with name, phone, address and hours', async () => {
    const sms = page.getByRole('link', { name: 'Enviar por mensaje de texto' });
    const href = (await sms.getAttribute('href')) ?? '';
    assert.match(href, /^sms:\?&body=/);
    const body = decodeURIComponent(href.replace(/^sms:\?&body=/, ''));
    assert.match(body, /^Servicios comunitarios:/);
    assert.match(body, /Banco de alimentos Harbour\nTeléfono: 519-555-01\d\d/);
    assert.match(body, /Dirección: 48 Wharf Street, Port Alder, ON N9N 7G7/);
    assert.match(body, /Horario: .*10:00–15:00/);
    // One tap opens the phone's messaging app with this text; choosing oneself and sending are
    // the second and third.
    await sms.tap();
  });

  it('gives each service a call link, directions and a plain address to copy', async () => {
    const first = cards.first();
    const call = first.locator('a[href^="tel:"]').first();
    assert.match((await call.getAttribute('href')) ?? '', /^tel:\+?1?519555\d{4}$/);
    const directions = first.getByRole('link', { name: 'Cómo llegar' });
    assert.equal(
      await directions.getAttribute('href'),
      'https://www.openstreetmap.org/search?query=48%20Wharf%20Street%2C%20Port%20Alder%2C%20ON%20N9N%207G7',
    );
    assert.equal(await first.locator('.card-address').textContent(), '48 Wharf Street, Port Alder, ON N9N 7G7');
  });

  it('copies a service’s details to the clipboard and says so', async () => {
    await cards.first().getByRole('button', { name: 'Copiar los datos de Banco de alimentos Harbour' }).tap();
    await page.getByRole('status').filter({ hasText: 'Copiado' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^Banco de alimentos Harbour\nTeléfono:/);
  });

  it('prints only the results, in Spanish', async () => {
    // The stand-in for the browser's print dialog is in place from the page's first script
    // (addInitScript, before goto), so the widget can only ever reach it: a real dialog would
    // block the page, and with it the tap that opened it.
    assert.equal(
      await page.evaluate(() => window.print === (window as unknown as { printStandIn: unknown }).printStandIn),
      true,
      'window.print is the stand-in',
    );
    await page.getByRole('button', { name: 'Imprimir' }).tap();
    // The print view loads when asked for, then the browser's print dialog opens, once.
    await waitInPage(
      page,
      'the widget to call window.print',
      () => (window as unknown as { printed: number }).printed > 0,
    );
    assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('referral-assistant').locator('.print-view');
    assert.equal(await printed.isVisible(), true);
    assert.match((await printed.textContent()) ?? '', /Banco de alimentos Harbour.*Dirección: 48 Wharf Street/s);
    assert.equal(await page.locator('main').isVisible(), false, 'the host page is hidden in print');
    await page.emulateMedia({ media: 'screen' });
  });
});
