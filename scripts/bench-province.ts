/**
 * `npm run bench` (after the directory bench): a directory partitioned by area, as a visitor's
 * phone meets it, at 4k services (the Miami export, when `../shared` is there), 20k and 60k
 * (the synthetic province, `syntheticProvince`).
 *
 * Bytes are what the widget's own loader fetches (gzip -9 of each file it asks for, counted
 * through an in-memory fetch), for a visitor who types "food bank" and then:
 * - names an area: the area index, the everywhere part, the area's part, the word list and the
 *   detail shards of the five results; median and worst over every area;
 * - says "anywhere": the index, the everywhere part, the word list and the results' shards;
 * - changes their mind to a second area: what that adds, median and worst over every other area.
 * Directory data only: the search code is printed by the directory bench above.
 *
 * Query times: the relevance query set (English and Spanish) in every area, over that area's
 * parts, area filter on, with the single file's times on the same queries beside them. Heap: V8
 * heap held after loading the largest area's parts and building their index (run with
 * `--expose-gc`), beside the single file's plain split search part.
 *
 * Chromium: the same heap in a real page (DevTools protocol, after a forced collection), with
 * the widget's loader and search bundled by esbuild; on a shared machine run the bench under
 * `flock /tmp/chromium.lock`. Options: `--sizes 20000,60000` (synthetic sizes; `0` for none),
 * `--no-miami`, `--no-browser`, `--browser-only` (only the heap in Chromium, for a short lock).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { loadDirectory } from '../src/directory/directory-loader.js';
import { buildDirectoryIndex, matchServices } from '../src/directory/directory-matcher.js';
import { createDirectorySearch } from '../src/directory/directory-search.js';
import { partitionSnapshot, worthPartitioning } from '../src/directory/hsds/partition-snapshot.js';
import { splitSnapshot } from '../src/directory/hsds/split-snapshot.js';
import { loadNeedVocabulary } from '../src/directory/need-vocabulary-loader.js';
import type { DirectorySnapshot, UiLanguage } from '../src/directory/snapshot.js';
import { loadFuzzyEngine } from '../src/directory/term-corrector.js';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.mjs';
import { loadMiamiSnapshot } from '../test/support/miami-snapshot.js';
import { syntheticProvince } from './synthetic-directory.js';

await loadFuzzyEngine();

const here = dirname(fileURLToPath(import.meta.url));
const ORIGIN = 'https://bench.example.org/';
const VISITOR_WORDS = 'food bank';
const gc = (globalThis as { gc?: () => void }).gc;
/** Keeps what a measurement built reachable, so a later heap figure does not count it as freed. */
const keepAlive: unknown[] = [];
const heapMb = () => {
  // Twice: what a first full collection only marks (weak maps, finalizers) goes in the second.
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

interface Row {
  name: string;
  services: number;
  parts: number;
  everywhere: number;
  indexGzip: number;
  beforeGzip: number;
  firstArea: { median: number; worst: number; worstArea: string };
  anywhere: number;
  secondArea: { median: number; worst: number };
  query: { p50: number; p95: number; count: number };
  singleQuery: { p50: number; p95: number };
  heapMb: number;
  singleHeapMb: number;
  /** The same in Chromium, when there is one. */
  browserHeapMb?: number;
}

/** Files by name, served from memory, each request recorded. */
function server(files: Map<string, string>) {
  const gzipCache = new Map<string, number>();
  const gzip = (name: string) => {
    let size = gzipCache.get(name);
    if (size === undefined) {
      size = gzipSync(files.get(name) ?? '', { level: 9 }).length;
      gzipCache.set(name, size);
    }
    return size;
  };
  return (asked: string[]) => {
    const fetchImpl: typeof fetch = async (input) => {
      const name = String(input).slice(ORIGIN.length);
      asked.push(name);
      const body = files.get(name);
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
    };
    return { fetchImpl, bytes: (names: string[]) => [...new Set(names)].reduce((sum, n) => sum + gzip(n), 0) };
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : Number.NaN;
}

function queryList(): { lang: UiLanguage; query: string }[] {
  const read = (name: string) =>
    (
      JSON.parse(readFileSync(resolve(here, `../test/fixtures/relevance/${name}.json`), 'utf8')) as {
        queries: { lang: UiLanguage; query: string }[];
      }
    ).queries;
  return [...read('tuned'), ...read('held-out')].map(({ lang, query }) => ({ lang, query }));
}

async function measure(
  name: string,
  snapshot: DirectorySnapshot,
  options: { browser: boolean; browserOnly: boolean },
): Promise<Row | string> {
  if (!worthPartitioning(snapshot)) {
    return `${name}: not partitioned (${snapshot.areas.length} areas, but no service names one: its export gives no service areas), so build-directory --split writes the plain split`;
  }
  const before = JSON.stringify(splitSnapshot(snapshot, 'before').search);
  const { index, files } = partitionSnapshot(snapshot, 'directory');
  const bodies = new Map<string, string>([['directory.json', JSON.stringify(index)]]);
  for (const { file, content } of files) bodies.set(file, JSON.stringify(content));
  const serve = server(bodies);
  const url = `${ORIGIN}directory.json`;

  const vocabularies = await Promise.all([loadNeedVocabulary('en'), loadNeedVocabulary('es')]);
  const largest = [...index.areas].sort(
    (a, b) => index.parts[b.part]!.services - index.parts[a.part]!.services || (a.id < b.id ? -1 : 1),
  )[0]!;

  // First, before the scenarios leave garbage behind: the heap held by the largest area's parts
  // and their index, then by the plain split's search part.
  const heapStart = heapMb();
  const held = await loadDirectory(url, serve([]).fetchImpl);
  const heldView = await held.scoped({ area: largest.id });
  await heldView.index('en');
  const heap = heapMb() - heapStart;
  const singleStart = heapMb();
  const single = buildDirectoryIndex(JSON.parse(before), vocabularies);
  const singleHeap = heapMb() - singleStart;
  keepAlive.push(held, heldView, single);
  if (options.browserOnly) {
    const inBrowser = await browserHeapMb(bodies, largest.id);
    return `${name}: Chromium heap after the first results in ${largest.id}: ${inBrowser?.toFixed(1) ?? 'no Chromium'} MB (Node: ${heap.toFixed(1)} MB)`;
  }

  // Query times in every area over its parts, then over the single file with the same filter;
  // the parts first, while the heap holds little else (a full collection of a big heap lands
  // in whichever query is running).
  const queries = queryList();
  const { fetchImpl } = serve([]);
  const directory = await loadDirectory(url, fetchImpl);
  // Each side in its own loop, so one's garbage (the single file's per-query arrays are 60,000
  // long) is not collected during the other's timings.
  const times: number[] = [];
  const singleTimes: number[] = [];
  for (const area of index.areas) {
    const view = await directory.scoped({ area: area.id });
    const english = await view.index('en');
    const spanish = await view.index('es');
    for (const { lang, query } of queries) {
      const started = performance.now();
      matchServices(lang === 'es' ? spanish : english, { text: query }, { area: area.id }, lang, 5);
      times.push(performance.now() - started);
    }
  }
  const whole = buildDirectoryIndex(snapshot, vocabularies);
  keepAlive.push(whole, directory);
  for (const area of index.areas) {
    for (const { lang, query } of queries) {
      const started = performance.now();
      matchServices(whole, { text: query }, { area: area.id }, lang, 5);
      singleTimes.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  singleTimes.sort((a, b) => a - b);

  const find = async (areas: (string | null)[]) => {
    const asked: string[] = [];
    const { fetchImpl, bytes } = serve(asked);
    const search = createDirectorySearch(await loadDirectory(url, fetchImpl));
    const steps: number[] = [];
    for (const area of areas) {
      // The first step counts from the start (the index was fetched on load); later ones what they add.
      const from = steps.length === 0 ? 0 : asked.length;
      await search.find({
        need: { categories: [], text: VISITOR_WORDS },
        answers: { area },
        language: 'en',
        urgent: false,
      });
      const earlier = new Set(asked.slice(0, from));
      steps.push(bytes(asked.slice(from).filter((file) => !earlier.has(file))));
    }
    return steps;
  };

  const firstBytes: { area: string; bytes: number }[] = [];
  for (const area of index.areas) firstBytes.push({ area: area.id, bytes: (await find([area.id]))[0]! });
  firstBytes.sort((a, b) => a.bytes - b.bytes);
  const seconds: number[] = [];
  for (const area of index.areas) {
    if (area.part === largest.part) continue;
    seconds.push((await find([largest.id, area.id]))[1]!);
  }
  seconds.sort((a, b) => a - b);
  const anywhere = (await find([null]))[0]!;

  const inBrowser = options.browser ? await browserHeapMb(bodies, largest.id) : undefined;

  const worst = firstBytes.at(-1)!;
  return {
    name,
    services: snapshot.services.length,
    parts: index.parts.length,
    everywhere: index.everywhere.services,
    indexGzip: gzipSync(bodies.get('directory.json')!, { level: 9 }).length,
    beforeGzip: gzipSync(before, { level: 9 }).length,
    firstArea: {
      median: percentile(
        firstBytes.map((b) => b.bytes),
        0.5,
      ),
      worst: worst.bytes,
      worstArea: worst.area,
    },
    anywhere,
    secondArea: { median: percentile(seconds, 0.5), worst: seconds.at(-1) ?? 0 },
    query: { p50: percentile(times, 0.5), p95: percentile(times, 0.95), count: times.length },
    singleQuery: { p50: percentile(singleTimes, 0.5), p95: percentile(singleTimes, 0.95) },
    heapMb: heap,
    singleHeapMb: singleHeap,
    ...(inBrowser !== undefined ? { browserHeapMb: inBrowser } : {}),
  };
}

/** Services that name no area serve the areas of their located locations instead. */
function byLocation(snapshot: DirectorySnapshot): DirectorySnapshot {
  return {
    ...snapshot,
    services: snapshot.services.map((service) => {
      if (service.areas.length > 0) return service;
      const areas = [...new Set(service.locations.flatMap((location) => (location.area ? [location.area] : [])))];
      return { ...service, areas };
    }),
  };
}

/**
 * The JavaScript heap a Chromium page holds after the widget's own loader and search (bundled by
 * esbuild) have shown results for the largest area, as the DevTools protocol reports it after a
 * forced collection, minus the page's heap before. Undefined without a Chromium.
 */
async function browserHeapMb(bodies: Map<string, string>, area: string): Promise<number | undefined> {
  const executablePath = findChromium();
  if (!executablePath) return undefined;
  const root = resolve(here, '..');
  const bundle = await build({
    stdin: {
      contents: `import { loadDirectory } from '${root}/src/directory/directory-loader.ts';
        import { createDirectorySearch } from '${root}/src/directory/directory-search.ts';
        import { loadFuzzyEngine } from '${root}/src/directory/term-corrector.ts';
        Object.assign(window, { loadDirectory, createDirectorySearch, loadFuzzyEngine });`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}**`, (route) => {
      const name = route.request().url().slice(ORIGIN.length);
      if (name === '') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' });
      if (name === 'search.js') return route.fulfill({ contentType: 'text/javascript', body: script });
      const body = bodies.get(name);
      return body === undefined
        ? route.fulfill({ status: 404 })
        : route.fulfill({ contentType: 'application/json', body });
    });
    await page.goto(ORIGIN);
    await page.addScriptTag({ url: `${ORIGIN}search.js` });
    const cdp = await page.context().newCDPSession(page);
    const used = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await page.evaluate(() => (window as unknown as { loadFuzzyEngine(): Promise<void> }).loadFuzzyEngine());
    const before = await used();
    await page.evaluate(
      async ({ url, area, text }) => {
        const w = window as unknown as {
          loadDirectory(url: string): Promise<unknown>;
          createDirectorySearch(directory: unknown): { find(input: unknown): Promise<{ results: unknown[] }> };
          kept: unknown;
        };
        const search = w.createDirectorySearch(await w.loadDirectory(url));
        const found = await search.find({
          need: { categories: [], text },
          answers: { area },
          language: 'en',
          urgent: false,
        });
        if (found.results.length === 0) throw new Error('no results in the browser');
        w.kept = search;
      },
      { url: `${ORIGIN}directory.json`, area, text: VISITOR_WORDS },
    );
    return ((await used()) - before) / 1024 / 1024;
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => value.toFixed(2);

function table(rows: Row[]): string {
  const lines = [
    [
      'directory',
      'services',
      'parts',
      'everywhere',
      'first area (median / worst)',
      'anywhere',
      'second area (median / worst)',
      'query p50 / p95 ms',
      'single file p50 / p95 ms',
      'heap MB (parts / single / Chromium)',
      'before: search part',
    ],
  ];
  for (const row of rows) {
    lines.push([
      row.name,
      row.services.toLocaleString('en-US'),
      String(row.parts),
      row.everywhere.toLocaleString('en-US'),
      `${kb(row.firstArea.median)} / ${kb(row.firstArea.worst)} (${row.firstArea.worstArea})`,
      kb(row.anywhere),
      `+${kb(row.secondArea.median)} / +${kb(row.secondArea.worst)}`,
      `${ms(row.query.p50)} / ${ms(row.query.p95)}`,
      `${ms(row.singleQuery.p50)} / ${ms(row.singleQuery.p95)}`,
      `${row.heapMb.toFixed(1)} / ${row.singleHeapMb.toFixed(1)} / ${row.browserHeapMb?.toFixed(1) ?? '-'}`,
      kb(row.beforeGzip),
    ]);
  }
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
    .join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '20000,60000' },
      'no-miami': { type: 'boolean' },
      'no-browser': { type: 'boolean' },
      'browser-only': { type: 'boolean' },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .filter((size) => size > 0);
  const options = { browser: !values['no-browser'], browserOnly: Boolean(values['browser-only']) };
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out(`Province bench: a directory partitioned by area, a visitor typing "${VISITOR_WORDS}".`);
  out(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, Node ${process.version}${gc ? '' : ' (run with --expose-gc for steadier heap figures)'}.`,
  );
  const rows: Row[] = [];
  const notes: string[] = [];
  const add = (result: Row | string) => (typeof result === 'string' ? notes.push(result) : rows.push(result));
  if (!values['no-miami']) {
    const miami = await loadMiamiSnapshot();
    if (miami.ok) {
      // The export names no service areas, so every service serves all of Miami and nothing
      // partitions; placed by the cities of their locations instead, it shows real data's figures.
      add(await measure('Miami', miami.snapshot, options));
      add(await measure('Miami by city', byLocation(miami.snapshot), options));
    } else notes.push(`Miami: skipped (${miami.why}).`);
  }
  for (const size of sizes) add(await measure(`province ${size / 1000}k`, syntheticProvince(size), options));
  out();
  out(table(rows));
  out();
  out('Bytes: gzip -9 of every file the widget fetched (index, everywhere part, area parts, word list, shards of the');
  out('five results), before the first results; directory data only. "before": the plain split search part that');
  out('every visitor downloaded before partitioning. Queries: the relevance set in every area, area filter on.');
  out('"Miami by city": the Miami export with each service that names no service area placed in the cities of its');
  out('locations (an assumption for measuring only: the export itself would not partition).');
  for (const note of notes) out(note);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench-province: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
