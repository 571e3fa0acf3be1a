/**
 * `npm run eval`: relevance of the matcher against the naive baseline on the Miami 211 data.
 * Each query in `test/fixtures/relevance/` carries the AIRS taxonomy prefixes a relevant
 * service has. Prints hit@5 and precision@5 per language, for the tuned set and the held-out
 * set (never tuned on) separately. `--verbose` lists every query's top five.
 *
 * precision@5 here is relevant results in the top five divided by min(5, relevant services
 * in the whole directory), so a query with only two relevant services can still score 100%.
 *
 * Then the blind sets (`test/fixtures/relevance/blind/`, written without reading the
 * vocabulary), per language and per directory (the demo directory and the Miami export):
 * out of scope, how many requests get any result at all and how many get a sensitive service
 * (shelter, violence, crisis; `sensitive-service.ts`), where both should be zero; in scope,
 * how many get results and how many have a service of the right kind in the top five.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDirectoryIndex, matchServices } from '../src/directory/directory-matcher.js';
import { splitSnapshot } from '../src/directory/hsds/split-snapshot.js';
import { buildNaiveIndex, type NaiveIndex, naiveMatch } from '../src/directory/naive-matcher.js';
import { loadNeedVocabulary } from '../src/directory/need-vocabulary-loader.js';
import type { SearchableDirectory, SearchableService } from '../src/directory/search-index.js';
import { isSensitiveService } from '../src/directory/sensitive-service.js';
import type { NeedCategory, Service, UiLanguage } from '../src/directory/snapshot.js';
import { loadFuzzyEngine } from '../src/directory/term-corrector.js';
import { readBlindQueries } from '../test/support/blind-queries.js';
import { loadMiamiSnapshot } from '../test/support/miami-snapshot.js';

// Typo correction needs Fuse.js, which the widget loads on demand.
await loadFuzzyEngine();

interface RelevanceQuery {
  lang: UiLanguage;
  query: string;
  expect: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const SETS = ['tuned', 'held-out'] as const;
const K = 5;

function readSet(name: string): RelevanceQuery[] {
  const file = resolve(here, `../test/fixtures/relevance/${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: RelevanceQuery[] }).queries;
}

function isRelevant(service: SearchableService, prefixes: readonly string[]): boolean {
  return service.taxonomy.some((code) => prefixes.some((prefix) => code.startsWith(prefix)));
}

interface Score {
  hits: number;
  precision: number;
  count: number;
}

async function main(): Promise<number> {
  const verbose = process.argv.includes('--verbose');
  const vocabularies = await Promise.all([loadNeedVocabulary('en'), loadNeedVocabulary('es')]);
  const demo = JSON.parse(readFileSync(resolve(here, '../demo/directory/demo-directory.json'), 'utf8'));
  const blind = [blindRows('demo', buildDirectoryIndex(demo as SearchableDirectory, vocabularies), verbose)];
  const miami = await loadMiamiSnapshot();
  if (!miami.ok) {
    process.stdout.write(`eval: the Miami figures are skipped, its data is not available (${miami.why}).\n`);
    printBlind(blind);
    return 0;
  }
  const { snapshot } = miami;
  // Ours searches what the widget downloads (the split snapshot's search part); the baseline
  // needs the whole file, descriptions included.
  const ours = buildDirectoryIndex(splitSnapshot(snapshot, 'miami').search, vocabularies);
  const naive = buildNaiveIndex(snapshot);
  process.stdout.write(`Miami snapshot: ${snapshot.services.length} services (${miami.how}).\n`);
  blind.push(blindRows('miami', ours, verbose));

  // Judged by the codes of the export as published, so the stripped copy is judged the same way.
  const codes = new Map(snapshot.services.map((service) => [service.id, service.taxonomy]));
  const rows = relevanceRows('miami', ours, naive, snapshot.services, codes, verbose);
  if (process.argv.includes('--without-taxonomy') || process.env.EVAL_WITHOUT_TAXONOMY) {
    const stripped = await loadMiamiSnapshot({ withoutTaxonomy: true });
    if (stripped.ok) {
      process.stdout.write(`Miami without taxonomy: ${stripped.how}.\n`);
      const strippedOurs = buildDirectoryIndex(splitSnapshot(stripped.snapshot, 'miami').search, vocabularies);
      rows.push(
        ...relevanceRows(
          'stripped',
          strippedOurs,
          buildNaiveIndex(stripped.snapshot),
          snapshot.services,
          codes,
          verbose,
        ),
      );
    } else process.stdout.write(`eval: the stripped Miami export could not be built (${stripped.why}).\n`);
  }
  process.stdout.write(
    `\n                            ours            naive baseline\ndirectory set       lang  n  hit@5  prec@5   hit@5  prec@5\n${rows.join('\n')}\n`,
  );
  printBlind(blind);
  return 0;
}

/**
 * hit@5 and precision@5 of one index and its baseline on the tuned and held-out sets, one row
 * per set and language. Relevance reads each service's codes in `codes` (by id), so a copy of
 * the directory without codes is judged by the codes of the original.
 */
function relevanceRows(
  label: string,
  ours: ReturnType<typeof buildDirectoryIndex>,
  naive: NaiveIndex<Service>,
  all: readonly SearchableService[],
  codes: ReadonlyMap<string, string[]>,
  verbose: boolean,
): string[] {
  const judged = (service: SearchableService, prefixes: readonly string[]) =>
    (codes.get(service.id) ?? []).some((code) => prefixes.some((prefix) => code.startsWith(prefix)));
  const rows: string[] = [];
  for (const set of SETS) {
    const queries = readSet(set);
    for (const language of ['en', 'es'] as const) {
      const scores = { ours: zero(), naive: zero() };
      for (const query of queries.filter((q) => q.lang === language)) {
        const relevantInDirectory = all.filter((s) => judged(s, query.expect)).length;
        const denominator = Math.max(1, Math.min(K, relevantInDirectory));
        const ourTop = matchServices(ours, { text: query.query }, {}, language, K).map((r) => r.service);
        const naiveTop = naiveMatch(naive, query.query, K).map((r) => r.service);
        for (const [who, top] of [
          ['ours', ourTop],
          ['naive', naiveTop],
        ] as const) {
          const relevant = top.filter((s) => judged(s, query.expect)).length;
          scores[who].count++;
          scores[who].hits += relevant > 0 ? 1 : 0;
          scores[who].precision += Math.min(1, relevant / denominator);
        }
        const ourRelevant = ourTop.filter((s) => judged(s, query.expect)).length;
        if (verbose || ourRelevant === 0) {
          process.stdout.write(
            `${ourRelevant === 0 ? 'MISS' : '    '} [${label} ${set} ${language}] ${query.query}  (${ourRelevant}/${denominator})\n`,
          );
          for (const s of ourTop) {
            const mark = judged(s, query.expect) ? '+' : '-';
            const shown = (codes.get(s.id) ?? []).filter((c) => !c.startsWith('Y')).join(' ');
            process.stdout.write(`       ${mark} ${s.name.en} [${shown}]\n`);
          }
        }
      }
      rows.push(
        `${label.padEnd(9)} ${set.padEnd(9)} ${language}  ${String(scores.ours.count).padStart(3)}  ` +
          `${pct(scores.ours.hits, scores.ours.count)}  ${pct(scores.ours.precision, scores.ours.count)}   ` +
          `${pct(scores.naive.hits, scores.naive.count)}  ${pct(scores.naive.precision, scores.naive.count)}`,
      );
    }
  }
  return rows;
}

/**
 * What a blind in-scope label accepts: a service in one of these need categories, or with a
 * code under one of these prefixes (clothing and education have no category of their own).
 */
const BLIND_LABELS: Record<string, { categories?: NeedCategory[]; taxonomy?: string[] }> = {
  food: { categories: ['food'] },
  housing: { categories: ['housing'] },
  utilities: { categories: ['utilities'] },
  health: { categories: ['health'] },
  dental: { taxonomy: ['LV-1600', 'LH-5100.1700'] },
  'mental-health': { categories: ['mental-health'] },
  'substance-use': { taxonomy: ['RX'] },
  legal: { categories: ['legal'] },
  immigration: { taxonomy: ['FT-3600', 'FT-1000.3300', 'PH-1450', 'BT-8750', 'HH-0500.1500', 'TD-1600'] },
  employment: { categories: ['work'] },
  income: { categories: ['money'] },
  childcare: { taxonomy: ['PH-1250', 'NL-3000.1500', 'PH-1200'] },
  education: { taxonomy: ['H'] },
  transportation: { categories: ['transportation'] },
  clothing: { taxonomy: ['BM-6500.1500'] },
  seniors: { categories: ['food', 'health', 'family'] },
  disability: { categories: ['money', 'health', 'transportation'] },
};

function fitsLabel(service: SearchableService, label: string): boolean {
  const accepts = BLIND_LABELS[label];
  if (!accepts) throw new Error(`eval: the blind label "${label}" has no judgement in BLIND_LABELS`);
  return (
    (accepts.categories ?? []).some((category) => service.categories.includes(category)) ||
    isRelevant(service, accepts.taxonomy ?? [])
  );
}

/** The blind sets on one directory, one row per language. */
function blindRows(name: string, index: ReturnType<typeof buildDirectoryIndex>, verbose: boolean): string[] {
  const rows: string[] = [];
  for (const language of ['en', 'es'] as const) {
    const out = { count: 0, answered: 0, sensitive: 0 };
    for (const { query } of readBlindQueries('out-of-scope', language)) {
      const top = matchServices(index, { text: query }, {}, language, K);
      out.count++;
      if (top.length) out.answered++;
      const sensitive = top.some((result) => isSensitiveService(result.service));
      if (sensitive) out.sensitive++;
      if (verbose || top.length) {
        process.stdout.write(
          `${sensitive ? 'SENSITIVE' : top.length ? 'ANSWERED ' : '         '} [${name} ${language}] ${query}\n`,
        );
        for (const result of top) {
          const terms = result.reasons.find((reason) => reason.key === 'matches')?.params?.terms ?? '';
          process.stdout.write(
            `       ${isSensitiveService(result.service) ? '!' : '-'} ${result.service.name.en} (${terms})\n`,
          );
        }
      }
    }
    const inside = { count: 0, answered: 0, hits: 0 };
    for (const { label, query } of readBlindQueries('in-scope', language)) {
      const top = matchServices(index, { text: query }, {}, language, K);
      inside.count++;
      if (top.length) inside.answered++;
      const hit = top.some((result) => fitsLabel(result.service, label));
      if (hit) inside.hits++;
      if (verbose || !hit) {
        process.stdout.write(`${hit ? '    ' : 'MISS'} [${name} ${language} in scope: ${label}] ${query}\n`);
        for (const result of top)
          process.stdout.write(`       ${fitsLabel(result.service, label) ? '+' : '-'} ${result.service.name.en}\n`);
      }
    }
    rows.push(
      `${name.padEnd(6)} ${language}   ${String(out.count).padStart(3)}  ${String(out.answered).padStart(8)}  ` +
        `${String(out.sensitive).padStart(9)}    ${String(inside.count).padStart(3)}  ${String(inside.answered).padStart(8)}  ` +
        `${pct(inside.hits, inside.count)}`,
    );
  }
  return rows;
}

function printBlind(rows: string[][]): void {
  process.stdout.write(
    '\nBlind sets (test/fixtures/relevance/blind): out of scope, requests answered at all and with a sensitive' +
      '\nservice (shelter, violence, crisis), both best at 0; in scope, answered and the right kind in the top five.' +
      '\n              out of scope                 in scope\ndir    lang    n  answered  sensitive      n  answered  hit@5\n' +
      `${rows.flat().join('\n')}\n`,
  );
}

function zero(): Score {
  return { hits: 0, precision: 0, count: 0 };
}

function pct(value: number, count: number): string {
  return `${((100 * value) / Math.max(1, count)).toFixed(0).padStart(4)}%`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
