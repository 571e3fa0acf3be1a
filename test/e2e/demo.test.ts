import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';

describe('the demo page, end to end', () => {
  let session: E2eSession;
  before(async () => {
    session = await startE2eSession();
  });
  after(async () => {
    await session?.close();
  });

  it('answers a visitor typing "necesito comida para mis hijos" with Spanish food services', async () => {
    const { context, page } = await session.newPage({ phone: true });
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    await page.goto(`${session.url}/`);
    await page.getByRole('button', { name: /Find help/ }).click();
    const input = page.getByRole('textbox', { name: 'Type your message' });
    await input.fill('necesito comida para mis hijos');
    await input.press('Enter');
    const dialog = page.getByRole('dialog');
    // Answer any clarifying question with its first option until services appear.
    const results = dialog.getByRole('list').filter({ has: page.getByRole('article') });
    for (let i = 0; i < 3 && !(await results.count()); i++) {
      await page.waitForTimeout(300);
      if (await results.count()) break;
      const group = dialog.getByRole('group', { name: 'Respuestas sugeridas' });
      await group.getByRole('button').first().click();
    }
    await results.first().waitFor();
    assert.equal(await dialog.getAttribute('lang'), 'es');
    const headings = await results.first().getByRole('heading').allTextContents();
    assert.ok(headings.length >= 3 && headings.length <= 5, `expected 3 to 5 services, got ${headings.length}`);
    const cards = await results.first().textContent();
    assert.match(cards ?? '', /comida|alimentos|despensa|desayuno/i);
    assert.deepEqual(violations, [], 'the strict Content Security Policy was violated');
    await context.close();
  });
});
