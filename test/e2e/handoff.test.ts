/**
 * The live hand-off end to end, with the real navigator service (a child process on a SQLite
 * file) and real Chromium on both sides: the widget on the demo page, the console served by
 * the service. Covers the two scenarios: a Spanish-speaking visitor reaches a
 * navigator, and the service is killed mid-conversation and restarted without losing,
 * doubling or reordering a message.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { startDemoServer } from '../../demo/demo-server.js';
import { hashPassword } from '../../navigator/service/navigator-accounts.js';
import { NavigatorStore } from '../../navigator/service/store.js';
import { ROOT } from '../support/browser-session.js';

const PASSWORD = 'correct horse battery staple';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Starts the navigator service as its own process, so a test can kill it outright. */
async function startService(port: number, dataDir: string, allowedOrigins: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'navigator/service/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NAVIGATOR_PORT: String(port),
      NAVIGATOR_DATA: dataDir,
      NAVIGATOR_ALLOWED_ORIGINS: allowedOrigins,
      // Plain http on loopback: the one case where the session cookie may go without `Secure`.
      NAVIGATOR_SECURE_COOKIES: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((ready, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the service did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`the service exited (${code}): ${output}`)));
  });
  return child;
}

/** The widget's panel inside its shadow root (Playwright's locators pierce open shadow roots). */
const widgetLog = (page: Page): Locator => page.getByRole('log');

async function widgetSays(page: Page, text: string): Promise<void> {
  await widgetLog(page).getByText(text, { exact: false }).first().waitFor({ timeout: 20_000 });
}

async function visitorSends(page: Page, text: string): Promise<void> {
  const input = page.locator('referral-assistant').locator('#composer-input');
  await input.fill(text);
  await input.press('Enter');
}

/** The texts of the navigator's messages as the visitor sees them, in order. */
async function navigatorMessagesSeenByVisitor(page: Page): Promise<string[]> {
  return page
    .locator('referral-assistant')
    .locator('.from-navigator .text')
    .evaluateAll((nodes) => nodes.map((node) => node.textContent?.trim() ?? ''));
}

/** The console's transcript, as rendered text. */
async function consoleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('navigator-console')?.shadowRoot?.querySelector<HTMLElement>('.root');
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is the text as rendered.
    return root?.innerText ?? '';
  });
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('live hand-off to a navigator, end to end', { timeout: 180_000 }, () => {
  let dataDir: string;
  let navigatorPort: number;
  let navigatorUrl: string;
  let allowedOrigins: string;
  let service: ChildProcess;
  let demo: { url: string; server: Server };
  let browser: Browser;
  let visitor: Page;
  let navigator: Page;

  before(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: run `node test/support/chromium.mjs`.');
    dataDir = mkdtempSync(join(tmpdir(), 'handoff-e2e-'));
    const store = new NavigatorStore(dataDir);
    store.saveNavigator('ana', 'Ana', await hashPassword(PASSWORD), Date.now());
    store.close();
    navigatorPort = await freePort();
    navigatorUrl = `http://127.0.0.1:${navigatorPort}`;
    demo = await startDemoServer({
      port: 0,
      root: ROOT,
      navigatorUrl,
      connectSources: [navigatorUrl, `ws://127.0.0.1:${navigatorPort}`],
    });
    const demoPort = new URL(demo.url).port;
    allowedOrigins = `http://localhost:${demoPort},http://127.0.0.1:${demoPort}`;
    service = await startService(navigatorPort, dataDir, allowedOrigins);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    visitor = await (await browser.newContext({ locale: 'es-MX' })).newPage();
    navigator = await (await browser.newContext({ locale: 'en-CA' })).newPage();
    visitor.setDefaultTimeout(20_000);
    navigator.setDefaultTimeout(20_000);
  });

  after(async () => {
    await browser?.close();
    service?.kill('SIGKILL');
    await new Promise<void>((done) => (demo?.server ? demo.server.close(() => done()) : done()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says plainly when no navigator is signed in, and offers phone, text and a call back', async () => {
    await visitor.goto(`${demo.url}/`);
    await visitor.getByRole('button', { name: /Find help/ }).click();
    await visitorSends(visitor, 'quiero hablar con una persona');
    await widgetSays(visitor, 'Ahora no hay nadie disponible en el chat');
    await widgetLog(visitor).locator('a[href="tel:211"]').first().waitFor();
    await visitor.getByRole('button', { name: 'Pedir que me llamen' }).waitFor();
  });

  it('connects a Spanish-speaking visitor who asks for a person with a navigator, and both chat', async () => {
    // The navigator is on shift: signed in, console open.
    await navigator.goto(`${navigatorUrl}/`);
    await navigator.getByLabel('Username').fill('ana');
    await navigator.getByLabel('Password').fill(PASSWORD);
    await navigator.keyboard.press('Enter');
    await navigator.getByText('Signed in as Ana').waitFor();

    await visitorSends(visitor, 'quiero hablar con una persona, por favor');
    await widgetSays(visitor, 'Le estoy comunicando con una persona del 211');
    await visitor.getByRole('status').filter({ hasText: 'Esperando a una persona' }).waitFor();
    assert.equal(await visitor.getByRole('dialog').getAttribute('lang'), 'es');

    await navigator.getByRole('button', { name: 'Take' }).click();
    await navigator.getByRole('heading', { name: 'Conversation in Spanish' }).waitFor();
    assert.match(await consoleText(navigator), /Spanish/);

    await widgetSays(visitor, 'Ana se unió al chat.');
    await navigator.getByLabel('Your reply').fill('Hola, soy Ana. ¿En qué le puedo ayudar?');
    await navigator.keyboard.press('Enter');
    await widgetSays(visitor, 'Hola, soy Ana. ¿En qué le puedo ayudar?');

    await visitorSends(visitor, 'Me van a desalojar el viernes');
    await navigator.getByText('Me van a desalojar el viernes').waitFor();
    await visitor.getByRole('status').filter({ hasText: 'Chateando con Ana' }).waitFor();
  });

  it('loses, doubles and reorders nothing when the service is killed mid-conversation and restarted', async () => {
    const fromVisitor = (n: number) => `visitante mensaje ${n}`;
    const fromNavigator = (n: number) => `navigator message ${n}`;
    const navigatorSends = async (text: string) => {
      await navigator.getByLabel('Your reply').fill(text);
      await navigator.keyboard.press('Enter');
    };
    for (const n of [1, 2, 3]) {
      await visitorSends(visitor, fromVisitor(n));
      await navigatorSends(fromNavigator(n));
    }
    service.kill('SIGKILL');
    // Both sides keep writing while the service is down: their outboxes hold the messages.
    for (const n of [4, 5, 6]) {
      await visitorSends(visitor, fromVisitor(n));
      await navigatorSends(fromNavigator(n));
    }
    service = await startService(navigatorPort, dataDir, allowedOrigins);

    const expectedFromNavigator = ['Hola, soy Ana. ¿En qué le puedo ayudar?', ...[1, 2, 3, 4, 5, 6].map(fromNavigator)];
    await until(
      async () => (await navigatorMessagesSeenByVisitor(visitor)).length >= expectedFromNavigator.length,
      'every navigator message at the visitor',
      60_000,
    );
    assert.deepEqual(await navigatorMessagesSeenByVisitor(visitor), expectedFromNavigator);

    await until(
      async () => (await consoleText(navigator)).includes(fromVisitor(6)),
      'every visitor message at the console',
      60_000,
    );
    const transcript = await consoleText(navigator);
    const positions = [1, 2, 3, 4, 5, 6].map((n) => transcript.indexOf(fromVisitor(n)));
    for (const n of [1, 2, 3, 4, 5, 6]) {
      assert.equal(occurrences(transcript, fromVisitor(n)), 1, `${fromVisitor(n)} appears exactly once`);
    }
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
      'the visitor messages are in order',
    );
    // Every visitor message ends up acknowledged: nothing left "sending".
    await until(
      async () => (await visitor.locator('referral-assistant').locator('.delivery.sending').count()) === 0,
      'acknowledgements after the restart',
    );
  });

  it('resumes the same conversation after the visitor reloads the page', async () => {
    await visitor.reload();
    await visitor.getByRole('dialog').waitFor();
    await widgetSays(visitor, 'navigator message 6');
    await navigator.getByLabel('Your reply').fill('¿Sigue ahí?');
    await navigator.keyboard.press('Enter');
    await widgetSays(visitor, '¿Sigue ahí?');
    assert.equal(occurrences((await navigatorMessagesSeenByVisitor(visitor)).join('\n'), 'navigator message 6'), 1);
  });
});
