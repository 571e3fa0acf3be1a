/**
 * `referral-assistant search`: what a visitor would get for some words, so a 211 data team can
 * check its directory and its vocabulary. It runs the widget's own code path: the directory
 * loader (single file or split snapshot, validated), the need vocabulary of `--lang`, the
 * matcher, and reasons rendered from `locales/<lang>/search.json`.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import enSearch from '../../locales/en/search.json' with { type: 'json' };
import esSearch from '../../locales/es/search.json' with { type: 'json' };
import type { LoadedDirectory } from '../directory/directory-loader.js';
import { loadDirectory } from '../directory/directory-loader.js';
import type { AgeGroup, MatchFilters, MatchResult } from '../directory/directory-matcher.js';
import { matchServices } from '../directory/directory-matcher.js';
import { loadFuzzyEngine } from '../directory/term-corrector.js';
import type { SearchStrings } from '../directory/match-reason-text.js';
import { reasonText } from '../directory/match-reason-text.js';
import type { SearchableService } from '../directory/search-index.js';
import type { UiLanguage } from '../directory/snapshot.js';
import { pickText, UI_LANGUAGES } from '../directory/snapshot.js';
import type { CliCommand } from './cli-command.js';
import { usageError as commandUsageError } from './command-line.js';

const USAGE =
  'search <snapshot.json> "<query>" --lang en|es [--limit 5] [--json] [--queries <file>] ' +
  '[--area <id>] [--age child|adult|senior] [--open-now] [--near <lat,lon>]';

const OPTIONS = {
  lang: { type: 'string', short: 'l' },
  limit: { type: 'string', short: 'n' },
  json: { type: 'boolean' },
  queries: { type: 'string', short: 'q' },
  area: { type: 'string' },
  age: { type: 'string' },
  'open-now': { type: 'boolean' },
  near: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const STRINGS: Record<UiLanguage, SearchStrings> = { en: enSearch, es: esSearch };
const AGE_GROUPS: readonly AgeGroup[] = ['child', 'adult', 'senior'];

/** The command. */
export const command: CliCommand = {
  usage: USAGE,
  summary: 'Show the services a visitor would be offered for some words, with the reasons, as the widget ranks them.',
  run: runSearch,
};

/** One result as `--json` prints it. */
export interface SearchResultLine {
  id: string;
  name: string;
  categories: string[];
  taxonomy: string[];
  score: number;
  reasons: string[];
  open?: boolean;
  distanceKm?: number;
}

async function runSearch(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseSearchArgs>;
  try {
    parsed = parseSearchArgs(args);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`Usage: referral-assistant ${USAGE}\n\nSee docs/matching.md.\n`);
    return 0;
  }
  const [source, query] = positionals;
  if (!source) return usageError('give the snapshot file (or URL) to search');
  await loadFuzzyEngine();
  if (values.queries ? positionals.length !== 1 : positionals.length !== 2) {
    return usageError(
      values.queries ? 'with --queries, give only the snapshot' : 'give the snapshot and one query, in quotes',
    );
  }
  const language = (values.lang ?? 'en') as UiLanguage;
  if (!UI_LANGUAGES.includes(language)) return usageError(`--lang must be one of ${UI_LANGUAGES.join(', ')}`);
  const limit = values.limit === undefined ? 5 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) return usageError('--limit must be a whole number above 0');
  const filters = readFilters(values);
  if (typeof filters === 'string') return usageError(filters);

  const loaded = await loadDirectory(toUrl(source), fetchLocal, language);
  // A partitioned directory: the parts the filters name, as the widget would load them; with
  // neither an area nor a point, every part, so the data team searches the whole directory.
  const directory = await loaded.scoped(
    filters.area || filters.near
      ? { ...(filters.area ? { area: filters.area } : {}), ...(filters.near ? { near: filters.near } : {}) }
      : { all: true },
  );
  const index = await directory.index(language);
  const search = (text: string) => {
    const started = performance.now();
    const results = matchServices(index, { text }, filters, language, limit);
    return { results, ms: performance.now() - started };
  };

  if (values.queries) {
    const lines = (await readFile(values.queries, 'utf8'))
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    for (const text of lines) {
      const { results, ms } = search(text);
      const line = {
        query: text,
        results: results.map((r) => resultLine(r, language)),
        ms: Math.round(ms * 1000) / 1000,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return 0;
  }
  const { results } = search(query!);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        results.map((r) => resultLine(r, language)),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  process.stdout.write(`${formatResults(query!, results, language, directory)}\n`);
  return 0;
}

function parseSearchArgs(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

function readFilters(values: {
  area?: string;
  age?: string;
  'open-now'?: boolean;
  near?: string;
}): MatchFilters | string {
  const filters: MatchFilters = {};
  if (values.area) filters.area = values.area;
  if (values.age) {
    if (!AGE_GROUPS.includes(values.age as AgeGroup)) return `--age must be one of ${AGE_GROUPS.join(', ')}`;
    filters.ageGroup = values.age as AgeGroup;
  }
  if (values['open-now']) filters.openNow = true;
  if (values.near) {
    const [lat, lon] = values.near.split(',').map(Number);
    if (!Number.isFinite(lat) || !Number.isFinite(lon))
      return '--near must be <latitude>,<longitude>, e.g. 25.77,-80.19';
    filters.near = { lat: lat!, lon: lon! };
  }
  return filters;
}

function resultLine(result: MatchResult<SearchableService>, language: UiLanguage): SearchResultLine {
  const { service } = result;
  return {
    id: service.id,
    name: pickText(service.name, language)?.text ?? service.id,
    categories: service.categories,
    taxonomy: service.taxonomy,
    score: result.score,
    reasons: result.reasons.map((reason) => reasonText(reason, STRINGS[language])),
    ...(result.opening.unknown ? {} : { open: result.opening.open }),
    ...(result.distanceKm !== undefined ? { distanceKm: Math.round(result.distanceKm * 10) / 10 } : {}),
  };
}

function formatResults(
  query: string,
  results: MatchResult<SearchableService>[],
  language: UiLanguage,
  directory: LoadedDirectory,
): string {
  if (!results.length) return `No services match "${query}".`;
  const lines = [
    `${results.length} services for "${query}" (${directory.snapshot.services.length.toLocaleString('en-US')} in the directory):`,
    '',
  ];
  results.forEach((result, at) => {
    const line = resultLine(result, language);
    const organization = pickText(result.service.organization, language)?.text;
    lines.push(`${at + 1}. ${line.name}  [${line.id}]  score ${line.score.toFixed(2)}`);
    if (organization && organization !== line.name) lines.push(`   ${organization}`);
    lines.push(`   ${line.reasons.join(' · ')}`);
    lines.push(`   taxonomy: ${line.taxonomy.join(' ') || '(none)'}`);
  });
  return lines.join('\n');
}

function toUrl(source: string): string {
  return /^https?:\/\//i.test(source) ? source : pathToFileURL(source).href;
}

/** `fetch` for the loader that also reads `file:` URLs, which Node's own fetch does not. */
const fetchLocal: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.protocol !== 'file:') return fetch(input, init);
  try {
    return new Response(await readFile(url), { status: 200, headers: { 'content-type': 'application/json' } });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return new Response(missing ? 'not found' : String(error), { status: missing ? 404 : 500 });
  }
};

function usageError(message: string): number {
  return commandUsageError('search', USAGE, message);
}
