/**
 * i18next for the widget: one instance per element, strings loaded per language on demand,
 * so a visitor downloads only the language they read. Strings live in `locales/<lang>/` with
 * identical keys in every language (a test checks it).
 */
import i18next, { type i18n as I18n, type ParseKeys } from 'i18next';
import { type UiLanguage, UI_LANGUAGES } from './languages.js';
import { importLocaleFile } from './locale-files.js';
import type enSafety from '../../locales/en/safety.json';
import type enLines from '../../locales/en/lines.json';
import type enPhrasebook from '../../locales/en/phrasebook.json';
import type enSearch from '../../locales/en/search.json';
import type enUi from '../../locales/en/ui.json';

/** The namespaces of visitor-facing strings. */
export type Namespace = 'ui' | 'safety' | 'search' | 'lines' | 'phrasebook';

/**
 * Every key of the visitor-facing strings, as the compiler knows them from `locales/en`: a
 * `ui` key bare (`askNeed`), others with their namespace (`lines:live.joined`). Plural forms
 * are one key (`resultsIntro`). Keys built at run time (`lines:live.error.${code}`) are
 * checked too, as far as the types of their parts go.
 */
export type TranslationKey = ParseKeys<['ui', 'safety', 'search', 'lines', 'phrasebook']>;

/**
 * The key of a region line's name or description. Region and line ids are data (the region
 * files), so this one key is not the compiler's to check: `test/node/crisis-regions.test.ts`
 * checks that every line of every region has both, in every language.
 */
export function regionLineKey(regionId: string, lineId: string, field: 'name' | 'description'): TranslationKey {
  return `lines:regions.${regionId}.${lineId}.${field}` as TranslationKey;
}

type Strings = Partial<Record<Namespace, Record<string, unknown>>>;

/** Imports one language's strings; each file is its own chunk in the bundle. */
async function loadStrings(language: UiLanguage): Promise<Strings> {
  const [ui, safety, search] = (await Promise.all([
    importLocaleFile(language, 'ui'),
    importLocaleFile(language, 'safety'),
    importLocaleFile(language, 'search'),
  ])) as Record<string, unknown>[];
  return { ui, safety, search };
}

/** Loads the crisis, helpline and live-chat wording and the phrasebook of a language once. */
export async function ensureLines(instance: I18n, language: UiLanguage): Promise<void> {
  if (instance.hasResourceBundle(language, 'lines')) return;
  // Crisis, helpline and live-chat wording, with the navigator's phrasebook, loaded apart: they
  // are only read in a crisis response, when phone numbers are offered or in a live chat, and
  // the first results must not wait for them.
  const [lines, phrasebook] = (await Promise.all([
    importLocaleFile(language, 'lines'),
    importLocaleFile(language, 'phrasebook'),
  ])) as Record<string, unknown>[];
  instance.addResourceBundle(language, 'phrasebook', phrasebook as Record<string, unknown>);
  instance.addResourceBundle(language, 'lines', lines as Record<string, unknown>);
}

/** True when the crisis and helpline wording of a language is there to show. */
export function hasLines(instance: I18n, language: UiLanguage): boolean {
  return instance.hasResourceBundle(language, 'lines');
}

/** Picks a language the widget speaks from candidates such as `es-MX` or `en`. */
export function resolveLanguage(...candidates: (string | null | undefined)[]): UiLanguage {
  for (const candidate of candidates) {
    const base = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    const match = UI_LANGUAGES.find((language) => language === base);
    if (match) return match;
  }
  return 'en';
}

/** Creates an i18next instance with no strings yet; call {@link ensureLanguage} before use. */
export function createI18n(): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: {},
    ns: ['ui', 'safety', 'search', 'lines', 'phrasebook'],
    defaultNS: 'ui',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** Loads a language's strings once and switches the instance to it. */
export async function ensureLanguage(instance: I18n, language: UiLanguage): Promise<void> {
  if (!instance.hasResourceBundle(language, 'ui')) {
    const strings = await loadStrings(language);
    for (const [ns, bundle] of Object.entries(strings)) if (bundle) instance.addResourceBundle(language, ns, bundle);
  }
  await instance.changeLanguage(language);
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: {
      ui: typeof enUi;
      safety: typeof enSafety;
      search: typeof enSearch;
      lines: typeof enLines;
      phrasebook: typeof enPhrasebook;
    };
  }
}
