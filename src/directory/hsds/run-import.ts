/**
 * One import run, shared by `build-directory` (which then writes the snapshot) and
 * `validate-directory` on an HSDS input (which only reports): read the category map, the
 * translations and the input, build, and check the result with the widget's own validator.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import defaultCategoryMap from '../category-map.json' with { type: 'json' };
import type { DirectorySnapshot } from '../snapshot.js';
import { formatProblem, validateSnapshot } from '../validate-snapshot.js';
import { buildSnapshot } from './build-snapshot.js';
import type { ImportProgress } from './import-progress.js';
import type { ImportReport } from './import-report.js';
import { loadCategoryMap, type CategoryMap } from './map-categories.js';
import { readHsdsInput, type InputKind } from './read-hsds-input.js';
import { readTranslations, type TranslationRow } from './read-translations.js';

/** What the command line passes to an import. */
export interface ImportOptions {
  categories?: string;
  translations?: string;
  timeZone?: string;
  region?: string;
  name?: string;
  language?: string;
}

/** The import options from command-line flags (`--time-zone` and friends). */
export function importOptionsFromFlags(
  flags: Partial<
    Record<'categories' | 'translations' | 'time-zone' | 'region' | 'name' | 'language', string | boolean>
  >,
): ImportOptions {
  const options: ImportOptions = {};
  const text = (value: string | boolean | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);
  const pairs = [
    ['categories', 'categories'],
    ['translations', 'translations'],
    ['time-zone', 'timeZone'],
    ['region', 'region'],
    ['name', 'name'],
    ['language', 'language'],
  ] as const;
  for (const [flag, key] of pairs) {
    const value = text(flags[flag]);
    if (value !== undefined) options[key] = value;
  }
  return options;
}

/** The outcome: a snapshot the widget accepts, or the reasons there is none. */
export interface ImportOutcome {
  snapshot?: DirectorySnapshot;
  /** Problems the widget's validator found in the built snapshot, one line each. */
  invalid: string[];
}

/**
 * Runs an import. Throws only for unusable command-line files (a category map that is not
 * JSON or not a valid map); everything about the data goes to the report.
 */
export async function runImport(
  input: string,
  detected: Exclude<InputKind, { kind: 'snapshot' }>,
  options: ImportOptions,
  report: ImportReport,
  progress: ImportProgress,
): Promise<ImportOutcome> {
  let categoryMap: CategoryMap;
  try {
    categoryMap = loadCategoryMap(
      options.categories ? JSON.parse(await readFile(options.categories, 'utf8')) : defaultCategoryMap,
    );
  } catch (error) {
    throw new Error(
      `${options.categories ?? 'category map'}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let translations: { file: string; rows: TranslationRow[] } | undefined;
  if (options.translations) {
    const file = basename(options.translations);
    translations = { file, rows: readTranslations(await readFile(options.translations, 'utf8'), file, report) };
  }
  const source = await readHsdsInput(detected, report, (message) => progress.update(message));
  const snapshot = buildSnapshot(
    source,
    {
      categoryMap,
      fallbackName: basename(resolve(input)).replace(/\.json$/i, ''),
      now: new Date(),
      onProgress: (done, total) =>
        progress.update(`building services ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...(options.region ? { region: options.region } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.language ? { language: options.language.toLowerCase() } : {}),
      ...(translations ? { translations } : {}),
    },
    report,
  );
  progress.done();
  if (!snapshot) return { invalid: [] };
  // The widget refuses a snapshot that fails its checks, so an import must not produce one.
  const validation = validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
  if (!validation.ok) {
    report.servicesWritten = 0;
    return { invalid: validation.problems.map(formatProblem) };
  }
  return { snapshot, invalid: [] };
}
