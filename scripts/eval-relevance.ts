/**
 * `npm run eval`: relevance of the matcher against the naive baseline on the Miami 211 data.
 * Each query in `test/fixtures/relevance/` carries the AIRS taxonomy prefixes a relevant
 * service has. Prints hit@5 and precision@5 per language, for the tuned set and the held-out
 * set (never tuned on) separately. `--verbose` lists every query's top five.
 *
 * precision@5 here is relevant results in the top five divided by min(5, relevant services
 * in the whole directory), so a query with only two relevant services can still score 100%.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UI_LANGUAGES } from '../src/i18n/languages.js';
import { buildDirectoryIndex, matchServices } from '../src/directory/directory-matcher.js';
import { splitSnapshot } from '../src/directory/hsds/split-snapshot.js';
import { buildNaiveIndex, naiveMatch } from '../src/directory/naive-matcher.js';
import { loadNeedVocabulary } from '../src/directory/need-vocabulary-loader.js';
import type { SearchableService } from '../src/directory/search-index.js';
import type { UiLanguage } from '../src/directory/snapshot.js';
import { loadMiamiSnapshot } from '../test/support/miami-snapshot.js';
import { loadFuzzyEngine } from '../src/directory/term-corrector.js';

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
  const miami = await loadMiamiSnapshot();
  if (!miami.ok) {
    process.stdout.write(`eval: skipped, the Miami data is not available (${miami.why}).\n`);
    return 0;
  }
  const { snapshot } = miami;
  const vocabularies = await Promise.all(UI_LANGUAGES.map((language) => loadNeedVocabulary(language)));
  // Ours searches what the widget downloads (the split snapshot's search part); the baseline
  // needs the whole file, descriptions included.
  const ours = buildDirectoryIndex(splitSnapshot(snapshot, 'miami').search, vocabularies);
  const naive = buildNaiveIndex(snapshot);
  process.stdout.write(`Miami snapshot: ${snapshot.services.length} services (${miami.how}).\n`);

  const rows: string[] = [];
  for (const set of SETS) {
    const queries = readSet(set);
    for (const language of UI_LANGUAGES) {
      const scores = { ours: zero(), naive: zero() };
      for (const query of queries.filter((q) => q.lang === language)) {
        const relevantInDirectory = snapshot.services.filter((s) => isRelevant(s, query.expect)).length;
        const denominator = Math.max(1, Math.min(K, relevantInDirectory));
        const ourTop = matchServices(ours, { text: query.query }, {}, language, K).map((r) => r.service);
        const naiveTop = naiveMatch(naive, query.query, K).map((r) => r.service);
        for (const [who, top] of [
          ['ours', ourTop],
          ['naive', naiveTop],
        ] as const) {
          const relevant = top.filter((s) => isRelevant(s, query.expect)).length;
          scores[who].count++;
          scores[who].hits += relevant > 0 ? 1 : 0;
          scores[who].precision += Math.min(1, relevant / denominator);
        }
        const ourRelevant = ourTop.filter((s) => isRelevant(s, query.expect)).length;
        if (verbose || ourRelevant === 0) {
          process.stdout.write(
            `${ourRelevant === 0 ? 'MISS' : '    '} [${set} ${language}] ${query.query}  (${ourRelevant}/${denominator})\n`,
          );
          if (verbose || ourRelevant === 0) {
            for (const s of ourTop) {
              const mark = isRelevant(s, query.expect) ? '+' : '-';
              process.stdout.write(
                `       ${mark} ${s.name.en} [${s.taxonomy.filter((c) => !c.startsWith('Y')).join(' ')}]\n`,
              );
            }
          }
        }
      }
      // A language may have queries in one set only (French has no held-out set yet).
      if (scores.ours.count === 0) continue;
      rows.push(
        `${set.padEnd(9)} ${language}  ${String(scores.ours.count).padStart(3)}  ` +
          `${pct(scores.ours.hits, scores.ours.count)}  ${pct(scores.ours.precision, scores.ours.count)}   ` +
          `${pct(scores.naive.hits, scores.naive.count)}  ${pct(scores.naive.precision, scores.naive.count)}`,
      );
    }
  }
  process.stdout.write(
    `\n                   ours            naive baseline\nset       lang  n  hit@5  prec@5   hit@5  prec@5\n${rows.join('\n')}\n`,
  );
  return 0;
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
