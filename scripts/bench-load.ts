/**
 * `npm run bench:load` (after `npm run build`): what the widget costs a partner's page, in
 * Chromium with a slow-3G network (400 ms round trip, 400 kbit/s each way) and the CPU slowed
 * 4× (CDP `Network.emulateNetworkConditions`, `Emulation.setCPUThrottlingRate`).
 *
 * The demo page is measured beside the same page without the script tag (stripped as it is
 * served), in alternating runs with a cold cache each, served locally with gzip -9 as a
 * production host would and with the demo's strict CSP. Printed as medians:
 * - first contentful paint and the load event of the host page, with and without the widget;
 * - when the launcher is visible (the frame after it enters the page);
 * - main-thread blocking time: long tasks (PerformanceObserver 'longtask'), the part of each
 *   beyond 50 ms, summed from navigation until the page has settled (the widget loaded on
 *   idle, then one more second);
 * - bytes transferred (CDP `Network.loadingFinished` encodedDataLength) for the page load,
 *   and after a click on the launcher;
 * - time from a click on the launcher to a usable panel (the composer visible and enabled):
 *   once the widget has loaded on idle, and when the visitor clicks as soon as the launcher
 *   shows (the widget is then fetched on the click).
 *
 * Options: `--runs N` (default 5 per variant), `--time-limit S` (whole benchmark, default 300).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import enUi from '../locales/en/ui.json' with { type: 'json' };
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.mjs';
import { demoContentSecurityPolicy, resolveDemoPath } from '../demo/demo-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NETWORK = { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = 4;
/** Every wait in a run is bounded by this. */
const STEP_TIMEOUT_MS = 60_000;
const LONG_TASK_MS = 50;

const { values: options } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'time-limit': { type: 'string', default: '300' } },
});
const RUNS = Math.max(1, Number(options.runs));
const DEADLINE = Date.now() + Number(options['time-limit']) * 1000;

/** The page with the widget, and the same page with the one script tag taken out. */
const PAGES = { widget: '/bench/with-widget.html', none: '/bench/without-widget.html' } as const;
const EMBED_TAG =
  /\s*<!-- The one tag a partner pastes: -->\s*<script src="\/dist\/referral-assistant\.js"[^>]*><\/script>/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Serves demo/ and dist/ like the demo server, plus the two bench pages, gzip-compressed. */
async function startBenchServer(): Promise<{ url: string; server: Server }> {
  const index = await readFile(`${ROOT}demo/index.html`, 'utf8');
  if (!EMBED_TAG.test(index)) throw new Error('demo/index.html no longer has the one-script-tag embed');
  const pages: Record<string, string> = { [PAGES.widget]: index, [PAGES.none]: index.replace(EMBED_TAG, '') };
  const compressed = new Map<string, Buffer>();
  const csp = demoContentSecurityPolicy();
  const server = createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    try {
      let body = compressed.get(path);
      if (!body) {
        const file = resolveDemoPath(ROOT, path);
        const source = pages[path] ?? (file ? await readFile(file) : undefined);
        if (source === undefined) throw new Error('not found');
        body = gzipSync(source, { level: 9 });
        compressed.set(path, body);
      }
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      response.writeHead(200, {
        'content-type': type,
        'content-encoding': 'gzip',
        'content-length': body.length,
        'content-security-policy': csp,
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { url: `http://localhost:${typeof address === 'object' && address ? address.port : 0}`, server };
}

/** What the page records about itself, by its own clock (ms since navigation start). */
interface PageRecord {
  fcp?: number;
  load?: number;
  launcherVisible?: number;
  longTasks: number[];
  clickAt?: number;
  usableAt?: number;
}

/** Installed before any page script: observers for paint, long tasks, the launcher and the panel. */
function recordInPage(): void {
  const record: PageRecord = { longTasks: [] };
  (window as { __bench?: PageRecord }).__bench = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') record.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  addEventListener('load', () => {
    record.load = performance.now();
  });
  // The loader's launcher comes first; the widget's own replaces it later.
  const launcher = () => document.querySelector('referral-assistant-launcher')?.shadowRoot?.querySelector('button');
  new MutationObserver((_, observer) => {
    if (!launcher()?.checkVisibility()) return;
    observer.disconnect();
    // The frame after it is laid out: rAF runs before that frame's paint, the task after it.
    requestAnimationFrame(() => setTimeout(() => (record.launcherVisible = performance.now())));
  }).observe(document, { childList: true, subtree: true });
  addEventListener(
    'click',
    (event) => {
      if (record.clickAt !== undefined) return;
      record.clickAt = event.timeStamp;
      const poll = () => {
        const input = document
          .querySelector('referral-assistant')
          ?.shadowRoot?.querySelector<HTMLInputElement>('.composer-input');
        if (input?.checkVisibility() && !input.disabled) record.usableAt = performance.now();
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    },
    true,
  );
}

/** Sums bytes received per phase, and knows when the network is quiet. */
class ByteCounter {
  bytes = 0;
  private inFlight = new Set<string>();
  private lastActivity = Date.now();

  constructor(session: CDPSession) {
    session.on('Network.requestWillBeSent', ({ requestId }) => {
      this.inFlight.add(requestId);
      this.lastActivity = Date.now();
    });
    session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      this.bytes += encodedDataLength;
      this.settle(requestId);
    });
    session.on('Network.loadingFailed', ({ requestId }) => this.settle(requestId));
  }

  private settle(requestId: string): void {
    this.inFlight.delete(requestId);
    this.lastActivity = Date.now();
  }

  /** Resolves once nothing has been in flight for `quietMs`. */
  async quiet(quietMs = 1000): Promise<void> {
    const started = Date.now();
    while (this.inFlight.size > 0 || Date.now() - this.lastActivity < quietMs) {
      if (Date.now() - started > STEP_TIMEOUT_MS) throw new Error('the network never went quiet');
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

interface RunResult {
  fcp: number;
  load: number;
  blockingMs: number;
  loadBytes: number;
  launcherVisible?: number;
  clickToUsable?: number;
  openBytes?: number;
}

async function openThrottled(browser: Browser): Promise<{ page: Page; counter: ByteCounter; close(): Promise<void> }> {
  const context = await browser.newContext({ locale: 'en-CA', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await session.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // tsx compiles this file keeping function names through a `__name` helper, which the
  // serialised recordInPage calls in the page: give the page a stand-in.
  await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await page.addInitScript(recordInPage);
  return { page, counter: new ByteCounter(session), close: () => context.close() };
}

function readRecord(page: Page): Promise<PageRecord> {
  return page.evaluate(() => (window as { __bench?: PageRecord }).__bench ?? { longTasks: [] });
}

function blocking(record: PageRecord): number {
  return record.longTasks.reduce((sum, duration) => sum + Math.max(0, duration - LONG_TASK_MS), 0);
}

/**
 * One page load. `click`: 'none' measures the page alone; 'after-idle' lets the widget load on
 * idle, then clicks; 'at-once' clicks as soon as the launcher shows.
 */
async function run(browser: Browser, baseUrl: string, path: string, click: 'none' | 'after-idle' | 'at-once') {
  const { page, counter, close } = await openThrottled(browser);
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
    const launcher = page.getByRole('button', { name: enUi.launcherLabel });
    if (click === 'at-once') {
      await launcher.click();
    } else if (click === 'after-idle') {
      // The widget has replaced the loader's launcher with its own.
      await page.waitForFunction(() =>
        document.querySelector('referral-assistant')?.shadowRoot?.querySelector('.panel'),
      );
    }
    await counter.quiet();
    let record = await readRecord(page);
    const result: RunResult = {
      fcp: record.fcp ?? Number.NaN,
      load: record.load ?? Number.NaN,
      blockingMs: blocking(record),
      loadBytes: counter.bytes,
      ...(record.launcherVisible !== undefined ? { launcherVisible: record.launcherVisible } : {}),
    };
    if (click === 'after-idle') {
      const before = counter.bytes;
      await launcher.click();
      await page.waitForFunction(() => (window as { __bench?: PageRecord }).__bench?.usableAt !== undefined);
      await counter.quiet();
      result.openBytes = counter.bytes - before;
    } else if (click === 'at-once') {
      await page.waitForFunction(() => (window as { __bench?: PageRecord }).__bench?.usableAt !== undefined);
    }
    record = await readRecord(page);
    if (record.clickAt !== undefined && record.usableAt !== undefined) {
      result.clickToUsable = record.usableAt - record.clickAt;
    }
    return result;
  } finally {
    await close();
  }
}

function median(values: (number | undefined)[]): number | undefined {
  const sorted = values.filter((v): v is number => v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);
const kb = (value: number | undefined) => (value === undefined ? '—' : `${(value / 1024).toFixed(1)} KB`);
function signed(value: number | undefined, format: (v: number) => string): string {
  if (value === undefined) return '';
  return `${value >= 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node test/support/chromium.mjs`.');
  const { url, server } = await startBenchServer();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const results = { none: [] as RunResult[], widget: [] as RunResult[], atOnce: [] as RunResult[] };
  try {
    console.log(
      `Slow 3G (${NETWORK.latency} ms RTT, ${(NETWORK.downloadThroughput * 8) / 1000} kbit/s), CPU ${CPU_SLOWDOWN}× slower, gzip -9, cold cache; ${RUNS} runs each`,
    );
    for (let i = 0; i < RUNS && Date.now() < DEADLINE; i++) {
      results.none.push(await run(browser, url, PAGES.none, 'none'));
      results.widget.push(await run(browser, url, PAGES.widget, 'after-idle'));
      results.atOnce.push(await run(browser, url, PAGES.widget, 'at-once'));
      process.stdout.write(`  run ${i + 1} done\n`);
    }
    if (Date.now() >= DEADLINE) console.log(`  (time limit reached after ${results.none.length} runs)`);
  } finally {
    await browser.close();
    server.close();
  }

  const of = (list: RunResult[], key: keyof RunResult) => median(list.map((r) => r[key]));
  const rows: [string, number | undefined, number | undefined, (v: number | undefined) => string][] = [
    ['first contentful paint', of(results.none, 'fcp'), of(results.widget, 'fcp'), ms],
    ['load event', of(results.none, 'load'), of(results.widget, 'load'), ms],
    ['launcher visible', undefined, of(results.widget, 'launcherVisible'), ms],
    [
      'main-thread blocking (long tasks beyond 50 ms)',
      of(results.none, 'blockingMs'),
      of(results.widget, 'blockingMs'),
      ms,
    ],
    ['bytes transferred, page load until settled', of(results.none, 'loadBytes'), of(results.widget, 'loadBytes'), kb],
    ['click → usable panel, widget loaded on idle', undefined, of(results.widget, 'clickToUsable'), ms],
    ['bytes transferred after that click', undefined, of(results.widget, 'openBytes'), kb],
    ['click → usable panel, clicked as soon as shown', undefined, of(results.atOnce, 'clickToUsable'), ms],
    ['bytes transferred, clicked as soon as shown', undefined, of(results.atOnce, 'loadBytes'), kb],
  ];
  console.log(
    `\n${'median'.padEnd(48)}${'without widget'.padStart(16)}${'with widget'.padStart(14)}${'difference'.padStart(14)}`,
  );
  for (const [label, none, widget, format] of rows) {
    const difference = none !== undefined && widget !== undefined ? signed(widget - none, (v) => format(v)) : '';
    console.log(
      `${label.padEnd(48)}${format(none).padStart(16)}${format(widget).padStart(14)}${difference.padStart(14)}`,
    );
  }
  console.log(
    '\nThe page without the widget has no launcher or panel: "—". Bytes count what crossed the (emulated) network,\n' +
      'compressed, with headers; the directory data loads after the click, when the panel opens.',
  );
}

await main();
