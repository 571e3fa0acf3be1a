/**
 * `npm run bench`: the matcher against the naive baseline (one Fuse.js index over name,
 * taxonomy term names and description, `ignoreLocation`), measured in the same run, on the
 * Miami 211 export (built in-process by the importer, when `../shared` is there) and on
 * synthetic directories of 1k, 5k, 20k and 50k services.
 *
 * For each: snapshot bytes (raw and gzip; ours is the split snapshot's search part, what the
 * widget downloads before the first results, the baseline needs the whole file), load-and-index
 * time (JSON.parse plus building the index), query p50/p95 over a mixed English and Spanish
 * query list, and the heap held after loading (parsed file plus index). The baseline is slow,
 * so its queries are sampled within a time budget per directory; the sample size is printed.
 *
 * Options: `--sizes 1000,5000` (synthetic sizes; `0` for none), `--no-miami`, `--rounds 5`,
 * `--baseline-seconds 15`. Run with `node --expose-gc` for steadier memory figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildDirectoryIndex, matchServices } from '../src/directory/directory-matcher.js';
import { splitSnapshot } from '../src/directory/hsds/split-snapshot.js';
import { buildNaiveIndex, naiveMatch } from '../src/directory/naive-matcher.js';
import type { NeedVocabulary } from '../src/directory/need-vocabulary.js';
import { loadNeedVocabulary } from '../src/directory/need-vocabulary-loader.js';
import type { DirectorySnapshot, UiLanguage } from '../src/directory/snapshot.js';
import { loadMiamiSnapshot } from '../test/support/miami-snapshot.js';
import { syntheticDirectory } from './synthetic-directory.js';
import { loadFuzzyEngine } from '../src/directory/term-corrector.js';
import { textTable } from '../test/support/text-table.js';

// Typo correction needs Fuse.js, which the widget loads on demand.
await loadFuzzyEngine();

const here = dirname(fileURLToPath(import.meta.url));

interface Query {
  lang: UiLanguage;
  query: string;
}

interface Figures {
  name: string;
  services: number;
  oursBytes: number;
  oursGzip: number;
  naiveBytes: number;
  naiveGzip: number;
  oursLoadMs: number;
  naiveLoadMs: number;
  oursFirstQueryMs: number;
  ours: { p50: number; p95: number; count: number };
  naive: { p50: number; p95: number; count: number };
  oursHeapMb: number;
  naiveHeapMb: number;
  firstResults?: { mean: number; max: number; searchPart: number };
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

function queryList(): Query[] {
  const read = (name: string) =>
    (JSON.parse(readFileSync(resolve(here, `../test/fixtures/relevance/${name}.json`), 'utf8')) as { queries: Query[] })
      .queries;
  return [...read('tuned'), ...read('held-out')].map(({ lang, query }) => ({ lang, query }));
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : Number.NaN;
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Measures one directory, ours and the baseline. */
function measure(
  name: string,
  snapshot: DirectorySnapshot,
  vocabularies: NeedVocabulary[],
  queries: Query[],
  options: { rounds: number; baselineSeconds: number },
): Figures {
  const full = JSON.stringify(snapshot);
  const split = splitSnapshot(snapshot, 'bench');
  const searchPart = JSON.stringify(split.search);

  // Ours: what the widget does with the search part. Median of three loads.
  const loads: number[] = [];
  let index = buildDirectoryIndex(JSON.parse(searchPart) as typeof split.search, vocabularies);
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    index = buildDirectoryIndex(JSON.parse(searchPart) as typeof split.search, vocabularies);
    loads.push(performance.now() - started);
  }
  // Heap held after loading: the parsed file plus the index, for ours and the baseline alike.
  const heapBefore = heapMb();
  const measuredIndex = buildDirectoryIndex(JSON.parse(searchPart) as typeof split.search, vocabularies);
  const oursHeapMb = heapMb() - heapBefore;

  // The first query in each language builds that language's typo dictionary.
  const firstStarted = performance.now();
  matchServices(measuredIndex, { text: 'comida' }, {}, 'es');
  matchServices(measuredIndex, { text: 'food' }, {}, 'en');
  const oursFirstQueryMs = performance.now() - firstStarted;

  const times: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const { lang, query } of queries) {
      const started = performance.now();
      matchServices(measuredIndex, { text: query }, {}, lang, 5);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  void index;

  // The baseline: the whole file, one Fuse index, the visitor's words as typed.
  const naiveHeapBefore = heapMb();
  const naiveStarted = performance.now();
  const naive = buildNaiveIndex(JSON.parse(full) as DirectorySnapshot);
  const naiveLoadMs = performance.now() - naiveStarted;
  const naiveHeapMb = heapMb() - naiveHeapBefore;
  const naiveTimes: number[] = [];
  const deadline = performance.now() + options.baselineSeconds * 1000;
  // Alternate languages so a short sample still has both.
  const sample = queries.filter((_, at) => at % 2 === 0).concat(queries.filter((_, at) => at % 2 === 1));
  const interleaved = sample.map((_, at) => sample[(at * 37) % sample.length]!);
  for (const { query } of interleaved) {
    if (naiveTimes.length >= 3 && performance.now() > deadline) break;
    const started = performance.now();
    naiveMatch(naive, query, 5);
    naiveTimes.push(performance.now() - started);
  }
  naiveTimes.sort((a, b) => a - b);

  const figures: Figures = {
    name,
    services: snapshot.services.length,
    oursBytes: Buffer.byteLength(searchPart),
    oursGzip: gzipSync(searchPart, { level: 9 }).length,
    naiveBytes: Buffer.byteLength(full),
    naiveGzip: gzipSync(full, { level: 9 }).length,
    oursLoadMs: median(loads),
    naiveLoadMs,
    oursFirstQueryMs,
    ours: { p50: percentile(times, 0.5), p95: percentile(times, 0.95), count: times.length },
    naive: { p50: percentile(naiveTimes, 0.5), p95: percentile(naiveTimes, 0.95), count: naiveTimes.length },
    oursHeapMb,
    naiveHeapMb,
  };

  // What a visitor downloads before seeing phones and hours: the search part, then the shards
  // holding each query's top five.
  const shardGzip = split.shards.map(({ shard }) => gzipSync(JSON.stringify(shard), { level: 9 }).length);
  const shardOf = new Map(
    split.search.services.map((service, at) => [service.id, Math.floor(at / split.search.details.shardSize)]),
  );
  const perQuery = queries.map(({ lang, query }) => {
    const shards = new Set(
      matchServices(measuredIndex, { text: query }, {}, lang, 5).map((r) => shardOf.get(r.service.id)!),
    );
    return [...shards].reduce((sum, shard) => sum + shardGzip[shard]!, 0);
  });
  figures.firstResults = {
    searchPart: figures.oursGzip,
    mean: perQuery.reduce((a, b) => a + b, 0) / perQuery.length,
    max: Math.max(...perQuery),
  };
  return figures;
}

/**
 * Gzip bytes of the code a search needs in the widget, bundled and minified with code splitting
 * as the widget ships it: each language's vocabulary is its own chunk, fetched on demand.
 */
async function searchCodeSizes(): Promise<{ label: string; bytes: number; gzip: number }[]> {
  const folder = mkdtempSync(join(tmpdir(), 'search-size-'));
  const root = resolve(here, '..');
  const entries = {
    fuse: `export { default } from '${root}/node_modules/fuse.js/dist/fuse.basic.mjs';`,
    matcher: `export { matchServices, buildDirectoryIndex, withVocabulary } from '${root}/src/directory/directory-matcher.js';
      export { understandNeed } from '${root}/src/directory/need-vocabulary.js';
      export { loadNeedVocabulary } from '${root}/src/directory/need-vocabulary-loader.js';
      export { openingStatus } from '${root}/src/directory/opening-hours.js';`,
    loader: `export { loadDirectory } from '${root}/src/directory/directory-loader.js';
      export { matchServices } from '${root}/src/directory/directory-matcher.js';
      export { understandNeed } from '${root}/src/directory/need-vocabulary.js';
      export { openingStatus } from '${root}/src/directory/opening-hours.js';`,
  };
  const sizes: { label: string; bytes: number; gzip: number }[] = [];
  const measureFiles = (files: { path: string; contents: Uint8Array }[]) => ({
    bytes: files.reduce((sum, file) => sum + file.contents.length, 0),
    gzip: files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0),
  });
  try {
    for (const [name, contents] of Object.entries(entries)) {
      const entry = join(folder, `${name}.ts`);
      writeFileSync(entry, contents);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        splitting: true,
        format: 'esm',
        outdir: join(folder, `out-${name}`),
        write: false,
        logLevel: 'silent',
      });
      const vocabularies = result.outputFiles.filter((file) => /needs-[^/]*\.js$/.test(file.path));
      const code = result.outputFiles.filter((file) => !vocabularies.includes(file));
      const labels: Record<string, string> = {
        fuse: 'fuse.js/basic alone',
        matcher: 'matcher, vocabulary code, opening hours and fuse.js',
        loader: 'the same with the directory loader and snapshot validation',
      };
      sizes.push({ label: labels[name]!, ...measureFiles(code) });
      if (name === 'matcher') {
        for (const file of vocabularies) {
          const language = /language:"(\w+)"/.exec(file.text)?.[1] ?? '?';
          sizes.push({ label: `need vocabulary chunk, ${language}`, ...measureFiles([file]) });
        }
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const ratio = (naive: number, ours: number) =>
  ours > 0 && Number.isFinite(naive) ? `${(naive / ours).toFixed(0)}x` : '-';

function table(all: Figures[]): string {
  const rows = [
    ['directory', 'services', 'bytes raw / gzip', 'load+index ms', 'query p50 ms', 'query p95 ms', 'heap MB'],
  ];
  for (const f of all) {
    rows.push([
      `${f.name}  ours`,
      String(f.services),
      `${kb(f.oursBytes)} / ${kb(f.oursGzip)}`,
      ms(f.oursLoadMs),
      ms(f.ours.p50),
      ms(f.ours.p95),
      f.oursHeapMb.toFixed(1),
    ]);
    rows.push([
      `${''.padEnd(f.name.length)}  naive`,
      '',
      `${kb(f.naiveBytes)} / ${kb(f.naiveGzip)}`,
      ms(f.naiveLoadMs),
      `${ms(f.naive.p50)} (n=${f.naive.count})`,
      ms(f.naive.p95),
      f.naiveHeapMb.toFixed(1),
    ]);
    rows.push([
      `${''.padEnd(f.name.length)}  ratio`,
      '',
      `${ratio(f.naiveBytes, f.oursBytes)} / ${ratio(f.naiveGzip, f.oursGzip)}`,
      ratio(f.naiveLoadMs, f.oursLoadMs),
      ratio(f.naive.p50, f.ours.p50),
      ratio(f.naive.p95, f.ours.p95),
      ratio(f.naiveHeapMb, f.oursHeapMb),
    ]);
  }
  return textTable(rows);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,5000,20000,50000' },
      'no-miami': { type: 'boolean' },
      rounds: { type: 'string', default: '5' },
      'baseline-seconds': { type: 'string', default: '15' },
    },
  });
  const options = { rounds: Number(values.rounds), baselineSeconds: Number(values['baseline-seconds']) };
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .filter((size) => size > 0);
  const queries = queryList();
  const vocabularyStarted = performance.now();
  const vocabularies = await Promise.all([loadNeedVocabulary('en'), loadNeedVocabulary('es')]);
  const vocabularyMs = performance.now() - vocabularyStarted;
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `Directory bench: ${queries.length} queries (${queries.filter((q) => q.lang === 'es').length} Spanish), ${options.rounds} rounds for ours; ` +
      `the baseline sampled within ${options.baselineSeconds} s per directory.`,
  );
  out(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, Node ${process.version}` + `${gc ? '' : ' (run with --expose-gc for steadier heap figures)'}.`,
  );
  out(`Loading and compiling both need vocabularies: ${ms(vocabularyMs)} ms (once per page, not per directory).`);
  out();

  const all: Figures[] = [];
  if (!values['no-miami']) {
    const miami = await loadMiamiSnapshot();
    if (miami.ok) {
      out(`Miami: ${miami.how}.`);
      all.push(measure('Miami', miami.snapshot, vocabularies, queries, options));
    } else {
      out(`Miami: skipped (${miami.why}).`);
    }
  }
  for (const size of sizes) {
    const started = performance.now();
    const snapshot = syntheticDirectory(size);
    out(`Synthetic ${size}: generated in ${ms(performance.now() - started)} ms.`);
    all.push(measure(`synthetic ${size >= 1000 ? `${size / 1000}k` : size}`, snapshot, vocabularies, queries, options));
  }
  out();
  out(table(all));
  out();
  out("ours: the split snapshot's search part (what the widget downloads first), parsed and indexed; naive: the whole");
  out('snapshot in one Fuse index. Ratios are naive / ours. First query per language (builds the typo dictionary):');
  out(all.map((f) => `${f.name} ${ms(f.oursFirstQueryMs)} ms`).join(', '));
  out();
  out('Bytes before first results (gzip): the search part, then the detail shards holding the top 5 of each query:');
  for (const f of all) {
    if (!f.firstResults) continue;
    const { searchPart, mean, max } = f.firstResults;
    out(
      `  ${f.name}: search part ${kb(searchPart)}; with the top-5 shards ${kb(searchPart + mean)} on average, ${kb(searchPart + max)} at most`,
    );
  }
  out();
  out('Search code in the widget (esbuild --bundle --minify, gzip -9):');
  for (const { label, bytes, gzip } of await searchCodeSizes())
    out(`  ${label}: ${kb(bytes)} raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
