/**
 * Imports one file of a language's folder (`locales/<lang>/<file>.json`). The path is built from
 * the language, so a new folder needs no new import line: in the browser and in Node the
 * runtime resolves it, and for the bundle `rollup.config.mjs` (localeImports) expands it into
 * one dynamic import per folder and file, each its own chunk, so a visitor downloads only the
 * files of their own language.
 */
import type { UiLanguage } from './languages.js';

/** The files of a language's folder. */
export type LocaleFile = 'ui' | 'safety' | 'search' | 'lines' | 'phrasebook' | 'crisis' | 'needs';

/** The parsed contents of `locales/<language>/<file>.json`. */
export async function importLocaleFile(language: UiLanguage, file: LocaleFile): Promise<unknown> {
  const module = await import(`../../locales/${language}/${file}.json`, { with: { type: 'json' } });
  return module.default;
}
