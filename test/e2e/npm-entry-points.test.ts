/**
 * What npm users get from the build: `referral-assistant` (the class, not registered) and
 * `referral-assistant/define` (registers the tag once), as ES modules with TypeScript
 * declarations in types/ (type-checked against the installed tarball in npm-package.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';

describe('the npm entry points', () => {
  let session: E2eSession;
  before(async () => {
    session = await startE2eSession();
  });
  after(async () => {
    await session?.close();
  });

  it('register <referral-assistant> from the define entry only, and only once', async () => {
    const { context, page } = await session.newPage();
    await page.goto(`${session.url}/exit-target.html`);
    const entries = { index: '/dist/referral-assistant.index.js', define: '/dist/referral-assistant.define.js' };
    const steps = await page.evaluate(async ({ index, define }) => {
      const classEntry = (await import(index)) as { ReferralAssistant?: unknown };
      const afterClass = customElements.get('referral-assistant');
      await import(define);
      const afterDefine = customElements.get('referral-assistant');
      // A second copy of the define entry (another URL, as a second bundle would be) must not throw.
      await import(`${define}?copy=2`);
      return {
        exportsClass: typeof classEntry.ReferralAssistant === 'function',
        definedByClassEntry: afterClass !== undefined,
        definedAsTheClass: afterDefine === classEntry.ReferralAssistant,
      };
    }, entries);
    assert.deepEqual(steps, { exportsClass: true, definedByClassEntry: false, definedAsTheClass: true });
    await context.close();
  });
});
