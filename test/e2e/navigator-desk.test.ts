/**
 * The navigator's desk end to end (issue 14), with the real navigator service on a SQLite file
 * and real Chromium on both sides: a Spanish-speaking visitor asks for a person; an
 * English-speaking navigator takes the conversation, sends two phrases and two services found
 * by a search; the visitor reads the phrases in Spanish and sees the services as the widget's
 * own cards with Spanish labels; the navigator sends a safety check and the visitor's answer is
 * recorded; the record is saved with one unmet need; the follow-up the visitor opted into
 * appears as due. Screenshots of each new console state and of the visitor's side go to
 * `test-output/screenshots/desk/`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { startDemoServer } from '../../demo/demo-server.js';
import { DeskStore } from '../../navigator/service/desk-store.js';
import { hashPassword } from '../../navigator/service/navigator-accounts.js';
import { type NavigatorService, startNavigatorService } from '../../navigator/service/navigator-service.js';
import { NavigatorStore } from '../../navigator/service/store.js';
import { ROOT } from '../support/browser-session.js';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';

const PASSWORD = 'correct horse battery staple';
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots', 'desk');
// Injected through the DevTools protocol, which the console's strict CSP does not apply to.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** axe-core's violations inside one element (the console, the widget), shadow roots included, as readable lines. */
async function axeViolations(page: Page, element: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    const results = (await axe.run({ include: [[selector]] }, { resultTypes: ['violations'] })) as {
      violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
    };
    return results.violations.map(
      ({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
    );
  }, element);
}

describe("the navigator's desk, end to end", { timeout: 240_000 }, () => {
  let dataDir: string;
  let service: NavigatorService;
  let demo: { url: string; server: Server };
  let browser: Browser;
  let visitor: Page;
  let navigator: Page;
  let widgetLog: Locator;

  const shoot = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  };
  /** The widget's panel with `what` scrolled into its history's view. */
  const shootVisitor = async (what: Locator, name: string) => {
    await what.scrollIntoViewIfNeeded();
    await visitor.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };

  before(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: run `node test/support/chromium.mjs`.');
    mkdirSync(SCREENSHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
    const store = new NavigatorStore(dataDir);
    store.saveNavigator('ana', 'Ana', await hashPassword(PASSWORD), Date.now());
    store.close();
    const port = await freePort();
    const navigatorUrl = `http://127.0.0.1:${port}`;
    demo = await startDemoServer({
      port: 0,
      root: ROOT,
      navigatorUrl,
      connectSources: [navigatorUrl, `ws://127.0.0.1:${port}`],
    });
    const demoPort = new URL(demo.url).port;
    service = await startNavigatorService({
      port,
      dataDir,
      allowedOrigins: [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`],
      staticRoutes: [
        { urlPrefix: '/dist/', dir: join(ROOT, 'dist') },
        { urlPrefix: '/', dir: join(ROOT, 'demo') },
      ],
    });
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    visitor = await (await browser.newContext({ locale: 'es-MX', viewport: { width: 420, height: 900 } })).newPage();
    navigator = await (
      await browser.newContext({ locale: 'en-CA', viewport: { width: 1280, height: 1000 } })
    ).newPage();
    visitor.setDefaultTimeout(20_000);
    navigator.setDefaultTimeout(20_000);
    widgetLog = visitor.getByRole('log');
  });

  after(async () => {
    await browser?.close();
    await service?.close();
    await new Promise<void>((done) => (demo?.server ? demo.server.close(() => done()) : done()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets an English-speaking navigator serve a Spanish-speaking visitor from the directory, check safety, record the contact and follow up', async () => {
    // The navigator is on shift.
    await navigator.goto(`${service.url}/`);
    await navigator.getByLabel('Username').fill('ana');
    await navigator.getByLabel('Password').fill(PASSWORD);
    await navigator.keyboard.press('Enter');
    await navigator.getByText('Signed in as Ana').waitFor();

    // A Spanish-speaking visitor asks for a person.
    await visitor.goto(`${demo.url}/`);
    await visitor.getByRole('button', { name: /Buscar ayuda|Find help/ }).click();
    const input = visitor.locator('referral-assistant').locator('#composer-input');
    await input.fill('quiero hablar con una persona, por favor');
    await input.press('Enter');
    await visitor.getByRole('status').filter({ hasText: 'Esperando a una persona' }).waitFor();

    // The navigator takes it and sees, all along, which language the visitor reads.
    await navigator.getByRole('button', { name: 'Take' }).click();
    await navigator.getByRole('heading', { name: 'Conversation in Spanish' }).waitFor();
    await navigator.getByText('The visitor reads Spanish').waitFor();
    await shoot(navigator, 'console-1-conversation-with-desk');

    // Two phrases, picked in English.
    await navigator.getByRole('button', { name: /^Send: Hello, I'm a 211 navigator/ }).click();
    await navigator.getByRole('button', { name: /^Send: What area or postal code/ }).click();
    await widgetLog.getByText('Hola, soy una persona del 211. ¿En qué le puedo ayudar hoy?').waitFor();
    await widgetLog.getByText('¿En qué zona o código postal se encuentra?', { exact: false }).waitFor();
    assert.equal(
      await widgetLog.getByText('Un mensaje estándar de la persona del 211, mostrado en su idioma.').count(),
      2,
      'the visitor sees that each was a standard phrase',
    );
    await navigator.getByText('Phrase “Greeting”, read by the visitor in Spanish').waitFor();

    // Two services found by a search in English, sent in one click.
    const search = navigator.locator('referral-search');
    await search.getByLabel('Search services').fill('food bank');
    await search.getByRole('button', { name: 'Search' }).click();
    await search.getByText(/services found/).waitFor();
    await search.getByRole('checkbox', { name: /Harbour Food Bank/ }).check();
    await search.getByRole('checkbox', { name: /Baby Formula and Food Bank/ }).check();
    await shoot(navigator, 'console-2-referral-search');
    await search.getByRole('button', { name: 'Send 2 services' }).click();

    // The visitor gets the widget's own cards, labelled in Spanish.
    const sent = visitor.locator('referral-assistant').locator('.from-navigator.services');
    await sent.getByRole('article').nth(1).waitFor();
    assert.equal(await sent.getByRole('article').count(), 2);
    await sent.getByRole('heading', { name: 'Banco de alimentos Harbour' }).waitFor();
    await sent.getByRole('heading', { name: 'Banco de fórmula y comida para bebé' }).waitFor();
    await sent.getByRole('link', { name: 'Cómo llegar' }).first().waitFor();
    await sent.getByRole('button', { name: 'Imprimir' }).waitFor();
    await widgetLog.getByText('Ana le envió estos servicios:').waitFor();
    await shootVisitor(widgetLog.getByText('Ana le envió estos servicios:'), 'visitor-1-services-as-cards');
    await shootVisitor(widgetLog.getByText('Hola, soy una persona del 211.', { exact: false }), 'visitor-0-phrases');
    // The console now counts them as shown: searching again marks them.
    await search.getByRole('button', { name: 'Search' }).click();
    assert.ok((await search.getByText('(already shown to the visitor)').count()) >= 2, 'sent services are marked');

    // The safety check, answered "not safe": crisis lines at once, the answer recorded.
    await navigator.getByRole('button', { name: 'Send safety check' }).click();
    await widgetLog.getByText('¿Está a salvo en este momento?').waitFor();
    await visitor.getByRole('button', { name: 'No, no estoy a salvo' }).click();
    await widgetLog
      .getByText('Gracias por decírnoslo. Si está en peligro ahora, llame al 911.', { exact: false })
      .waitFor();
    await widgetLog.locator('a[href="tel:911"]').first().waitFor();
    await shootVisitor(widgetLog.locator('a[href="tel:911"]').first(), 'visitor-2-safety-not-safe');
    await navigator.getByText('Safety check: the visitor is NOT safe').waitFor();
    const conversation = navigator.locator('navigator-console').locator('.summary');
    await conversation.locator('.safety-summary', { hasText: 'Not safe' }).waitFor();
    await shoot(navigator, 'console-3-safety-answer');

    // The follow-up: offered, the visitor told how long the number is kept, then opting in.
    await navigator.getByRole('button', { name: 'Offer a follow-up' }).click();
    await widgetLog.getByText('a los 30 días como máximo', { exact: false }).waitFor();
    await visitor.getByRole('button', { name: 'Sí, llámenme' }).click();
    await visitor.getByLabel('Número de teléfono').fill('519 555 0199');
    await visitor.getByLabel('¿Cuándo le llamamos?').selectOption('tomorrow-morning');
    await shootVisitor(visitor.getByLabel('Número de teléfono'), 'visitor-3-follow-up-form');
    // The widget with phrases, a navigator's cards, crisis lines and the follow-up form: axe-clean.
    assert.deepEqual(await axeViolations(visitor, 'referral-assistant'), []);
    await visitor.getByRole('button', { name: 'Guardar el seguimiento' }).click();
    await widgetLog.getByText('Gracias. Una persona del 211 le llamará', { exact: false }).waitFor();
    await shootVisitor(
      widgetLog.getByText('Gracias. Una persona del 211 le llamará', { exact: false }),
      'visitor-4-follow-up-saved',
    );

    // It appears in the console's "Follow-ups due".
    const followUps = navigator.getByRole('region', { name: /Follow-ups due/ });
    await followUps.getByRole('link', { name: '519 555 0199' }).waitFor();
    await followUps.getByText(/^Due /).waitFor();

    // The conversation ends; the record is completed with one unmet need.
    await navigator.getByRole('button', { name: 'End conversation' }).click();
    const record = navigator.locator('contact-record-form');
    await record.getByRole('heading', { name: 'Record of this contact' }).waitFor();
    await record.getByRole('checkbox', { name: 'food', exact: true }).check();
    await record.getByRole('button', { name: 'Add an unmet need' }).click();
    const unmet = record.getByRole('group', { name: 'Unmet needs 1' });
    await unmet.locator('select').nth(0).selectOption('housing');
    await unmet.locator('select').nth(1).selectOption('waitlist');
    await record.getByText('Safety check (from the transcript): Not safe').waitFor();
    await record.getByRole('button', { name: 'Save record' }).click();
    await record.getByText(/^Record saved/).waitFor();
    await shoot(navigator, 'console-4-record-and-follow-ups');

    // What the service stored: codes only, the safety answer read from the transcript.
    const store = new NavigatorStore(dataDir);
    try {
      const desk = new DeskStore(store.database);
      const conversationId = (store.database.prepare('SELECT id FROM conversations').get() as { id: string }).id;
      const saved = desk.record(conversationId);
      assert.deepEqual(saved?.unmet, [{ category: 'housing', reason: 'waitlist' }]);
      assert.equal(saved?.safetyCheck, 'not-safe');
      assert.deepEqual(saved?.referrals.sort(), ['baby-food-formula-bank', 'harbour-food-bank']);
      assert.ok(saved?.needs.includes('food'));
      const due = desk.openFollowUps();
      assert.equal(due.length, 1);
      assert.equal(due[0]?.phone, '519 555 0199');
      assert.equal(due[0]?.state, 'due');
      assert.ok((due[0]?.dueAt ?? 0) > Date.now(), 'due tomorrow morning');
    } finally {
      store.close();
    }

    await shoot(navigator, 'console-5-after-record');
    // The console is usable without a mouse and clean under axe in this state.
    assert.deepEqual(await axeViolations(navigator, 'navigator-console'), []);
  });

  it('completes a follow-up from the keyboard, which deletes the number', async () => {
    const followUps = navigator.getByRole('region', { name: /Follow-ups due/ });
    const take = followUps.getByRole('button', { name: 'Take' });
    await take.focus();
    await navigator.keyboard.press('Enter');
    await followUps.getByText('taken by Ana').waitFor();
    await followUps.getByRole('button', { name: 'Done (deletes the number)' }).focus();
    await navigator.keyboard.press('Enter');
    await followUps.getByText('No follow-ups.').waitFor();
    const store = new NavigatorStore(dataDir);
    try {
      const phones = store.database.prepare('SELECT phone FROM follow_ups').all() as { phone: string | null }[];
      assert.deepEqual(phones, [{ phone: null }]);
    } finally {
      store.close();
    }
  });
});
