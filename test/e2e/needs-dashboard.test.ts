/**
 * Needs data end to end, in real Chromium against the real navigator service (in this process,
 * on a free port): visitors on a partner's page search, find nothing, answer "did this help?"
 * and ask for a person; the dashboard then shows those counts and its CSV matches its tables.
 * Privacy: no request from the widget carries typed text, an identifier, a cookie or a referrer,
 * and with the real threshold no small count reaches the dashboard, its CSV or its API.
 * Screenshots of the dashboard at 1280 and 360 px go to test-output/screenshots/dashboard/.
 *
 * Service and demo page are both on `localhost` (different ports): cookies do not care about
 * ports, so a staff session cookie is one the widget's requests could carry if they were careless.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import { startDemoServer } from '../../demo/demo-server.js';
import { DEFAULT_NEEDS_CONFIG } from '../../navigator/service/needs-config.js';
import { seedDemoNeeds } from '../../navigator/service/needs-demo-seed.js';
import { dayIn } from '../../navigator/service/needs-report.js';
import { NEEDS_REPORT_PATH, type NeedsReport } from '../../navigator/service/needs-report-format.js';
import { NeedsStore } from '../../navigator/service/needs-store.js';
import { startNavigatorService } from '../../navigator/service/navigator-service.js';
import { NavigatorStore } from '../../navigator/service/store.js';
import dashboardEn from '../../navigator/locales/en/dashboard.json' with { type: 'json' };
import { NEEDS_COUNT_PATH } from '../../src/analytics/needs-count-protocol.js';
import { waitInPage, within } from '../support/bounded-wait.js';
import { ROOT } from '../support/browser-session.js';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import {
  answerUntilResults,
  interact,
  openPanel,
  reply,
  STRINGS,
  say,
  type Widget,
  widgetIn,
} from '../support/demo-widget.js';

const PASSWORD = 'correct horse battery staple';
/** The service's default time zone, which files counts under its days. */
const TIME_ZONE = 'America/Toronto';
const SCREENSHOTS = join(ROOT, 'test-output/screenshots/dashboard');
const TESTVILLE = readFileSync(join(ROOT, 'test/fixtures/directory/testville.json'), 'utf8');
const en = STRINGS.en.ui;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A navigator service on localhost with the dashboard's files, and the demo page opted into counting. */
async function startPair(options: { minCell: number; dataDir: string }) {
  const demoPort = await freePort();
  const service = await startNavigatorService({
    port: 0,
    dataDir: options.dataDir,
    allowedOrigins: [`http://localhost:${demoPort}`],
    needs: { ...DEFAULT_NEEDS_CONFIG, minCell: options.minCell },
    staticRoutes: [
      { urlPrefix: '/dist/', dir: join(ROOT, 'dist') },
      { urlPrefix: '/', dir: join(ROOT, 'demo') },
    ],
  });
  const serviceUrl = service.url.replace('127.0.0.1', 'localhost');
  const page = await startDemoServer({
    port: demoPort,
    root: ROOT,
    host: '127.0.0.1',
    navigatorUrl: serviceUrl,
    needsCountsUrl: serviceUrl,
    // The embed tag names the small Testville directory (no transportation services), English,
    // and a quick exit that stays on the demo server.
    embedAttributes: {
      directory: `http://localhost:${demoPort}/testville.json`,
      lang: 'en',
      'exit-url': `http://localhost:${demoPort}/exit-target.html`,
    },
    connectSources: [serviceUrl, serviceUrl.replace(/^http/, 'ws')],
  });
  await service.addNavigator('manager', 'Mina Manager', PASSWORD);
  service.setRole('manager', 'analyst');
  return { service, serviceUrl, demo: page };
}

/**
 * Opens the demo page, whose embed tag names the Testville directory, and its panel. Only the
 * directory is answered by the test (the fixture is not in demo/); the page itself comes from
 * the demo server, because Chromium treats a page the test wrote as public, and a public page
 * may not send requests to a loopback service (Local Network Access).
 */
async function openTestville(page: Page, demoUrl: string): Promise<Widget> {
  await page.route('**/testville.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: TESTVILLE }),
  );
  const directoryLoaded = page.waitForResponse('**/testville.json');
  await page.goto(`${demoUrl}/`);
  const widget = widgetIn(page, 'en');
  await openPanel(widget);
  await within(directoryLoaded, 'the Testville directory');
  await page.unrouteAll({ behavior: 'wait' });
  return widget;
}

async function signInToDashboard(page: Page, serviceUrl: string): Promise<void> {
  await page.goto(`${serviceUrl}/dashboard.html?lang=en`);
  await page.getByLabel(dashboardEn.username).fill('manager');
  await page.getByLabel(dashboardEn.password).fill(PASSWORD);
  await page.getByRole('button', { name: dashboardEn.signIn }).click();
  await page.getByRole('button', { name: dashboardEn.exportCsv }).waitFor();
}

/** The texts of a dashboard table, header row first. */
async function tableTexts(page: Page, tableId: string): Promise<string[][]> {
  return page
    .locator(`needs-dashboard section[data-table="${tableId}"] table tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')));
}

/** A CSV's rows (RFC 4180, quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  return rows;
}

/** The CSV the dashboard downloads. */
async function downloadCsv(page: Page): Promise<string> {
  const [download] = await within(
    Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: dashboardEn.exportCsv }).click()]),
    'the CSV download',
  );
  const path = await download.path();
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

/** The rows of one table's section in the CSV: from its title to the next blank line. */
function csvSection(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((row) => row.length === 1 && row[0] === title);
  assert.ok(start >= 0, `the CSV has the table "${title}"`);
  const end = rows.findIndex((row, index) => index > start && row.length === 1 && row[0] === '');
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

/** The service's answer to a batch of counts whose body holds `fragment`, once it arrives. */
function countedResponse(page: Page, fragment: string): Promise<unknown> {
  return page.waitForResponse(
    (response) =>
      response.url().endsWith(NEEDS_COUNT_PATH) &&
      response.status() === 204 &&
      (response.request().postData() ?? '').includes(fragment),
    { timeout: 15_000 },
  );
}

async function reportFromApi(context: BrowserContext, serviceUrl: string, query = ''): Promise<NeedsReport> {
  const response = await context.request.get(`${serviceUrl}${NEEDS_REPORT_PATH}${query}`);
  assert.equal(response.status(), 200);
  return (await response.json()) as NeedsReport;
}

describe('needs data, end to end', { timeout: 240_000 }, () => {
  let browser: Browser;
  let live: Awaited<ReturnType<typeof startPair>>;
  let demoData: Awaited<ReturnType<typeof startPair>>;
  let dataDir: string;

  before(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: run `node test/support/chromium.mjs`.');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    live = await startPair({ minCell: 1, dataDir: ':memory:' });
    // The demo's invented counts, with the real threshold: many small cells to withhold.
    dataDir = mkdtempSync(join(tmpdir(), 'needs-e2e-'));
    const store = new NavigatorStore(dataDir);
    seedDemoNeeds(new NeedsStore(store.database), dayIn(TIME_ZONE, Date.now()));
    store.close();
    demoData = await startPair({ minCell: 5, dataDir });
  });

  after(async () => {
    await browser?.close();
    for (const pair of [live, demoData]) {
      await pair?.service.close();
      await new Promise<void>((done) => (pair?.demo ? pair.demo.server.close(() => done()) : done()));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows on the dashboard what visitors searched, did not find, answered and asked for, and the CSV matches', async () => {
    // A visitor looks for transportation: Testville has none.
    const first = await browser.newContext({ locale: 'en-CA' });
    const page1 = await first.newPage();
    const widget1 = await openTestville(page1, live.demo.url);
    const nothingFound = countedResponse(page1, '"found":false');
    await reply(page1, widget1, en.categories.transportation);
    for (let answers = 0; answers < 3; answers++) {
      if (await widget1.history.getByText(en.noResults).count()) break;
      await interact(page1, () => widget1.replies.getByRole('button').first().click());
    }
    await widget1.history.getByText(en.noResults).waitFor();
    await within(nothingFound, 'the search that found nothing, counted');
    await first.close();

    // Another finds food, says it did not help, and asks for a person.
    const second = await browser.newContext({ locale: 'en-CA' });
    const page2 = await second.newPage();
    const widget2 = await openTestville(page2, live.demo.url);
    await reply(page2, widget2, en.categories.food);
    await answerUntilResults(page2, widget2, 3);
    assert.ok((await widget2.cards.count()) > 0, 'food services were found');
    await reply(page2, widget2, en.replies.didNotHelp);
    const handoff = countedResponse(page2, '"step":"handoff"');
    await interact(page2, () => widget2.dialog.getByRole('button', { name: en.talkToPerson }).first().click());
    await within(handoff, 'the hand-off and the answer, counted');
    await second.close();

    const staff = await browser.newContext({ locale: 'en-CA', acceptDownloads: true });
    const dashboard = await staff.newPage();
    await signInToDashboard(dashboard, live.serviceUrl);
    const today = dayIn(TIME_ZONE, Date.now());

    const gaps = await tableTexts(dashboard, 'data-gaps');
    assert.deepEqual(gaps[1]?.slice(0, 3), [dashboardEn['category.transportation'], '1', '1']);
    const unmet = await tableTexts(dashboard, 'unmet-by-category');
    assert.deepEqual(
      unmet.find((row) => row[0] === dashboardEn['category.food']),
      [dashboardEn['category.food'], '1', '0', '1', '100'],
    );
    const handoffs = await tableTexts(dashboard, 'handoffs-and-safety');
    assert.ok(handoffs.some((row) => row[0] === dashboardEn['item.handoff:asked'] && row[1] === '1'));
    const needs = await tableTexts(dashboard, 'needs-over-time');
    const header = needs[0] ?? [];
    const todayRow = needs.find((row) => row[0] === today) ?? [];
    assert.equal(todayRow[header.indexOf(dashboardEn['category.food'])], '1');
    assert.equal(todayRow[header.indexOf(dashboardEn['category.transportation'])], '1');

    const csv = parseCsv(await downloadCsv(dashboard));
    for (const id of ['needs-over-time', 'unmet-by-category', 'data-gaps', 'handoffs-and-safety'] as const) {
      const title = dashboardEn[`table.${id}`];
      assert.deepEqual(csvSection(csv, title), await tableTexts(dashboard, id), `the CSV's "${title}" is the table`);
    }
    await staff.close();
  });

  it('sends no typed text, identifier, cookie or referrer in any request from the widget', async () => {
    const context = await browser.newContext({ locale: 'en-CA' });
    // A staff member signed in on this machine: their session cookie is on localhost.
    const staffPage = await context.newPage();
    await signInToDashboard(staffPage, live.serviceUrl);
    assert.ok((await context.cookies(live.serviceUrl)).length > 0, 'a session cookie is set for the service');
    const seen: Promise<{ request: Request; headers: Record<string, string> }>[] = [];
    context.on('request', (request) => {
      seen.push(request.allHeaders().then((headers) => ({ request, headers })));
    });
    const page = await context.newPage();
    const widget = await openTestville(page, live.demo.url);
    const typed = 'Quokka Zedd at 12 Elmwood Lane needs food for the kids';
    await say(page, widget, typed);
    await answerUntilResults(page, widget, 3);
    await reply(page, widget, en.replies.helped);
    // The page is being replaced: the request is seen by the browser context, not the old page.
    const counted = context.waitForEvent('request', {
      predicate: (request) =>
        request.url().endsWith(NEEDS_COUNT_PATH) && (request.postData() ?? '').includes('"step":"quick-exit"'),
      timeout: 15_000,
    });
    await page.getByRole('button', { name: STRINGS.en.safety.quickExit.label }).click();
    await within(counted, 'a batch of counts sent on quick exit');
    await waitInPage(page, 'the exit page to replace the demo', () => location.pathname.endsWith('exit-target.html'));
    const requests = await Promise.all(seen);
    await context.close();

    const batches = requests.filter(({ request }) => request.url().endsWith(NEEDS_COUNT_PATH));
    assert.ok(batches.length > 0, 'the widget sent counts');
    const steps = batches.flatMap(
      ({ request }) => (JSON.parse(request.postData() ?? '{}') as { steps: object[] }).steps,
    );
    assert.ok(
      steps.some((step) => 'step' in step && step.step === 'quick-exit'),
      'quick exit was counted',
    );
    assert.ok(
      steps.some((step) => 'step' in step && step.step === 'feedback'),
      'the answer was counted',
    );
    for (const { request, headers } of batches) {
      assert.equal(headers.cookie, undefined, 'no cookie');
      assert.ok(!headers.referer, 'no referrer');
      assert.equal(new URL(request.url()).search, '', 'nothing in the URL');
      const body = JSON.parse(request.postData() ?? '{}') as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ['region', 'steps', 'v']);
      for (const step of body.steps as Record<string, unknown>[]) {
        for (const [key, value] of Object.entries(step)) {
          assert.ok(['step', 'category', 'language', 'found', 'helpful', 'area', 'reason'].includes(key), key);
          assert.ok(typeof value === 'boolean' || /^[a-z-]{1,20}$/.test(String(value)), `${key}: a code, not ${value}`);
        }
      }
    }
    const words = ['Quokka', 'Zedd', 'Elmwood'];
    for (const { request, headers } of requests) {
      const everything = [request.url(), request.postData() ?? '', JSON.stringify(headers)].join('\n');
      for (const word of words) assert.ok(!everything.includes(word), `"${word}" left the page in ${request.url()}`);
    }
  });

  it('never shows a count under the threshold in the dashboard, its CSV or its API', async () => {
    const context = await browser.newContext({ locale: 'en-CA', acceptDownloads: true });
    const page = await context.newPage();
    await signInToDashboard(page, demoData.serviceUrl);
    await page.getByRole('note').filter({ hasText: dashboardEn.demoNotice }).waitFor();
    const small = (text: string) => /^[1-4]$/.test(text);
    for (const query of ['', '?language=es', '?area=kestrel', '?language=es&area=kestrel']) {
      const report = await reportFromApi(context, demoData.serviceUrl, query);
      assert.equal(report.threshold, 5);
      for (const table of report.tables) {
        for (const row of table.rows) {
          row.values.forEach((value, index) => {
            const column = table.columns[index] ?? '';
            if (table.percentColumns.includes(column) || value === null) return;
            assert.ok(value === 0 || value >= 5, `${query} ${table.id} ${row.key} ${column} = ${value}`);
          });
        }
      }
    }
    assert.ok(
      (await reportFromApi(context, demoData.serviceUrl)).tables.some((t) =>
        t.rows.some((r) => r.values.includes(null)),
      ),
      'the demo data has small cells, withheld',
    );
    const percentHeaders = new Set(
      ['column.unmet-rate', 'column.share', 'column.no-result-rate'].map(
        (k) => dashboardEn[k as keyof typeof dashboardEn],
      ),
    );
    const tableIds = (await reportFromApi(context, demoData.serviceUrl)).tables.map((t) => t.id);
    const csv = parseCsv(await downloadCsv(page));
    for (const id of tableIds) {
      for (const rows of [await tableTexts(page, id), csvSection(csv, dashboardEn[`table.${id}`])]) {
        const headers = rows[0] ?? [];
        for (const row of rows.slice(1)) {
          row.forEach((text, index) => {
            if (index === 0 || percentHeaders.has(headers[index] ?? '')) return;
            assert.ok(!small(text), `${id}: ${row[0]} / ${headers[index]} shows ${text}`);
          });
        }
      }
    }
    await context.close();
  });

  it('takes screenshots of the dashboard at 1280 and 360 px', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [width, height, language] of [
      [1280, 900, 'en'],
      [360, 780, 'en'],
      [360, 780, 'es'],
    ] as const) {
      const context = await browser.newContext({
        viewport: { width, height },
        locale: language === 'es' ? 'es-MX' : 'en-CA',
      });
      const page = await context.newPage();
      await signInToDashboard(page, demoData.serviceUrl);
      if (language === 'es') {
        await page.goto(`${demoData.serviceUrl}/dashboard.html?lang=es`);
        await page.getByRole('button', { name: 'Descargar CSV' }).waitFor();
      }
      await page.locator('needs-dashboard section[data-table="navigator-records"] table').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page does not scroll sideways at ${width} px (${overflow} px too wide)`);
      await page.screenshot({ path: join(SCREENSHOTS, `dashboard-${width}-${language}.png`), fullPage: true });
      await context.close();
    }
  });
});
