/**
 * The navigator console in real Chromium, served by the real service under its strict
 * Content Security Policy, with a visitor on the widget's transport. The console bundle is
 * built here with esbuild, so the test does not depend on `npm run build`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { createClientId } from '../../src/handoff/client-id.js';
import type { HandoffEvent } from '../../src/handoff/handoff-transport.js';
import { type NavigatorService, startNavigatorService } from '../../navigator/service/navigator-service.js';
import {
  closeAllClients,
  EventLog,
  SPANISH_SUMMARY,
  until,
  visitorTransport,
} from '../support/navigator-test-clients.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromiumPath = findChromium();
const PASSWORD = 'correct horse battery staple';

describe('navigator console', {
  skip: chromiumPath ? false : 'No Chromium found (run `node test/support/chromium.mjs`).',
}, () => {
  let bundleDir: string;
  let service: NavigatorService;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];
  /** The Spanish-speaking visitor, on the widget's transport, shared by the tests below. */
  const visitor = new EventLog<HandoffEvent>();
  let visitorConnection: ReturnType<ReturnType<typeof visitorTransport>['open']>;

  before(async () => {
    bundleDir = mkdtempSync(join(tmpdir(), 'navigator-console-'));
    await build({
      entryPoints: [join(root, 'navigator/console/register-navigator-console.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(bundleDir, 'navigator-console.js'),
      logLevel: 'warning',
    });
    service = await startNavigatorService({
      port: 0,
      dataDir: ':memory:',
      queueUpdateDelayMs: 10,
      passwordCost: 14,
      staticRoutes: [
        { urlPrefix: '/dist/', dir: bundleDir },
        { urlPrefix: '/', dir: join(root, 'demo') },
      ],
    });
    await service.addNavigator('ana', 'Ana', PASSWORD);
    browser = await chromium.launch({ executablePath: chromiumPath as string, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ locale: 'en-CA' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => {
      if (message.text().startsWith('csp-violation')) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.log(`csp-violation ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
  });

  after(async () => {
    closeAllClients();
    await browser?.close();
    await service?.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  /** Text of the element's shadow root, as a person would read it. */
  const consoleText = () =>
    page.evaluate(() => {
      const root = document.querySelector('navigator-console')?.shadowRoot?.querySelector<HTMLElement>('.root');
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is the text as rendered, without hidden parts.
      return root?.innerText ?? '';
    });

  // One shift, told in steps: each step starts where the one before left the console (signed in,
  // a conversation taken, ended...), so they are steps of one test, never tests that rely on
  // another's order.
  test('a navigator’s shift, from signing in to reporting abuse', async (t) => {
    await t.test('a navigator signs in with the keyboard alone', async () => {
      await page.goto(`${service.url}/`);
      assert.equal(new URL(page.url()).pathname, '/navigator.html');
      await page.getByLabel('Username').waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.type('ana');
      await page.keyboard.press('Tab');
      await page.keyboard.type('wrong password');
      await page.keyboard.press('Enter');
      await page.getByText('Wrong username or password.').waitFor();

      await page.getByLabel('Password').fill('');
      await page.getByLabel('Password').focus();
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByText('Signed in as Ana').waitFor();
      await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
      await page.getByText('Nobody is waiting.').waitFor();
      const sound = page.getByRole('button', { name: /Sound/ });
      assert.equal(await sound.getAttribute('aria-pressed'), 'false', 'sound is off until the navigator turns it on');
    });

    await t.test(
      'a waiting Spanish-speaking visitor appears without a reload, is taken, and shows the summary',
      async () => {
        visitorConnection = visitorTransport(service.url).open({ summary: SPANISH_SUMMARY }, visitor.push);
        await visitor.waitFor((e) => e.type === 'connected', 'visitor connected');
        visitorConnection.send(createClientId(), '<img src=x onerror="document.title=1">Hola');

        const take = page.getByRole('button', { name: 'Take' });
        await take.waitFor();
        const entry = await consoleText();
        assert.match(entry, /Spanish/);
        assert.match(entry, /housing · asked for a person/);
        assert.match(page.url(), /navigator\.html$/, 'no reload happened');
        await page.getByRole('status').filter({ hasText: 'New conversation waiting.' }).waitFor();

        await take.focus();
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Conversation in Spanish' }).waitFor();
        const focused = await page.evaluate(
          () => document.querySelector('navigator-console')?.shadowRoot?.activeElement?.id,
        );
        assert.equal(focused, 'conversation-title', 'focus moves to the conversation');
        await visitor.waitFor((e) => e.type === 'navigator-joined', 'visitor told Ana joined');

        const text = await consoleText();
        for (const expected of [
          'me van a desalojar y no sé qué hacer',
          'Windsor',
          'a child',
          'Not marked urgent',
          'None detected',
          'Clínica legal comunitaria',
        ]) {
          assert.ok(text.includes(expected), `the summary shows "${expected}"`);
        }
        await page.getByText('<img src=x onerror="document.title=1">Hola').waitFor();
        assert.equal(
          await page.locator('navigator-console .transcript img').count(),
          0,
          "the visitor's text is shown as text",
        );
        assert.notEqual(await page.title(), '1');
      },
    );

    await t.test('the navigator and the visitor chat, with typing shown both ways', async () => {
      visitorConnection.typing(true);
      await page.getByText('The visitor is typing…').waitFor();

      await page.getByLabel('Your reply').focus();
      await page.keyboard.type('Hola, soy Ana. ¿Tiene la carta del dueño?');
      await visitor.waitFor((e) => e.type === 'typing' && e.typing, 'navigator typing seen by the visitor');
      await page.keyboard.press('Enter');
      const reply = (await visitor.waitFor((e) => e.type === 'message', 'the reply')) as Extract<
        HandoffEvent,
        { type: 'message' }
      >;
      assert.equal(reply.text, 'Hola, soy Ana. ¿Tiene la carta del dueño?');
      assert.equal(await page.getByLabel('Your reply').inputValue(), '', 'the composer is cleared');
      await until(async () => !(await consoleText()).includes('sending…'), 'acknowledged');

      visitorConnection.send(createClientId(), 'Sí, aquí la tengo.');
      await page.getByText('Sí, aquí la tengo.').waitFor();
      await until(
        async () => !(await consoleText()).includes('The visitor is typing…'),
        'typing cleared by the message',
      );
    });

    await t.test(
      'after a reload the console is still signed in and reopens the conversation with its transcript',
      async () => {
        await page.reload();
        await page.getByText('Signed in as Ana').waitFor();
        await page.getByRole('button', { name: 'Open' }).click();
        await page.getByText('Sí, aquí la tengo.').waitFor();
        await page.getByText('Hola, soy Ana. ¿Tiene la carta del dueño?').waitFor();
      },
    );

    await t.test('ending the conversation tells the visitor', async () => {
      const end = page.getByRole('button', { name: 'End conversation' });
      await end.focus();
      await page.keyboard.press('Enter');
      await visitor.waitFor((e) => e.type === 'ended' && e.by === 'navigator', 'the visitor sees the end');
      await page.getByText('You ended the conversation.').first().waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
      await page.getByText('Take a conversation from the queue, or open one of yours.').waitFor();
    });

    await t.test('a visitor who asked for the crisis lines is shown as a crisis, saying why', async () => {
      const asked = new EventLog<HandoffEvent>();
      const summary = { ...SPANISH_SUMMARY, reason: 'crisis' as const, urgent: true, crisis: true, crisisKinds: [] };
      const connection = visitorTransport(service.url).open({ summary }, asked.push);
      await asked.waitFor((e) => e.type === 'connected', 'connected');
      await page.getByRole('button', { name: 'Take' }).click();
      await page.getByRole('heading', { name: 'Conversation in Spanish' }).waitFor();
      await page.getByText('the visitor asked for the crisis lines (no crisis words detected)').waitFor();
      await page.getByRole('button', { name: 'End conversation' }).click();
      await asked.waitFor((e) => e.type === 'ended', 'ended');
      await page.getByRole('button', { name: 'Close' }).click();
      connection.end();
    });

    await t.test('callback requests appear live and can be marked as called', async () => {
      const another = new EventLog<HandoffEvent>();
      const connection = visitorTransport(service.url).open({ summary: SPANISH_SUMMARY }, another.push);
      await another.waitFor((e) => e.type === 'connected', 'connected');
      connection.requestCallback({ clientId: createClientId(), phone: '519-555-0134', bestTime: 'después de las 5' });
      await page.getByRole('link', { name: '519-555-0134' }).waitFor();
      assert.equal(await page.getByRole('link', { name: '519-555-0134' }).getAttribute('href'), 'tel:5195550134');
      await page.getByText('Best time: después de las 5').waitFor();
      await page.getByRole('button', { name: 'Mark as called' }).click();
      await page.getByText('No callback requests.').waitFor();
      connection.end();
    });

    await t.test(
      'a navigator reports abuse: after one confirmation the conversation ends for the visitor',
      async () => {
        const abuser = new EventLog<HandoffEvent>();
        visitorTransport(service.url).open({ summary: SPANISH_SUMMARY }, abuser.push);
        await abuser.waitFor((e) => e.type === 'connected', 'connected');
        await page.getByRole('button', { name: 'Take' }).click();
        await page.getByRole('button', { name: 'Report abuse' }).click();
        await page.getByText('End this conversation and block its sender for a while?').waitFor();
        await page.getByRole('button', { name: 'Cancel' }).click();
        assert.equal(abuser.ofType('ended').length, 0, 'cancelling changes nothing');
        await page.getByRole('button', { name: 'Report abuse' }).click();
        await page.getByRole('button', { name: 'End and block' }).click();
        await abuser.waitFor((e) => e.type === 'ended' && e.by === 'navigator', 'the abusive conversation to end');
        await page.getByText('You ended the conversation.').first().waitFor();
        await page.getByRole('button', { name: 'Close' }).click();
      },
    );

    await t.test('nothing on the console breaks its strict Content Security Policy', () => {
      assert.deepEqual(violations, []);
    });
  });
});
