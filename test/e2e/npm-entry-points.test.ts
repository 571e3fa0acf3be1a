/**
 * What npm users get from the build: `referral-assistant` (the class, not registered) and
 * `referral-assistant/define` (registers the tag once), as ES modules with TypeScript
 * declarations in types/, resolved through package.json's `exports` as a consumer would.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type E2eSession, ROOT, startE2eSession } from '../support/browser-session.js';

/** Inside the package, so `referral-assistant` resolves to this package by its own name. */
const CONSUMER_DIR = join(ROOT, 'test-output', 'npm-consumer');

const CONSUMER = `import { type ReferralAssistantEventMap, ReferralAssistant } from 'referral-assistant';
import 'referral-assistant/define';

const element = document.createElement('referral-assistant');
const typed: ReferralAssistant = element;
typed.startWithNeed('food');
typed.setLanguage('es');
typed.addEventListener('referral-assistant-results', (event) => {
  const count: number = event.detail.count;
  return count;
});
const detail: ReferralAssistantEventMap['referral-assistant-need'] = { categories: ['housing'], language: 'en' };
// @ts-expect-error: not a need category
typed.startWithNeed('pizza');
// @ts-expect-error: the open property is a boolean
const wrong: string = typed.open;
export { detail, wrong };
`;

describe('the npm entry points', () => {
  let session: E2eSession;
  before(async () => {
    session = await startE2eSession();
  });
  after(async () => {
    await session?.close();
    rmSync(CONSUMER_DIR, { recursive: true, force: true });
  });

  it('give a TypeScript consumer the class, its tag and its typed events from types/', () => {
    mkdirSync(CONSUMER_DIR, { recursive: true });
    writeFileSync(join(CONSUMER_DIR, 'consumer.ts'), CONSUMER);
    writeFileSync(
      join(CONSUMER_DIR, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    // typescript's `exports` hide bin/tsc from require.resolve; its package.json is exported.
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', join(CONSUMER_DIR, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      assert.fail(`the consumer does not type-check against types/:\n${(error as { stdout?: string }).stdout}`);
    }
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
