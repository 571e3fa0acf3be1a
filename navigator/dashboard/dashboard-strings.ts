/**
 * The dashboard's strings, from `navigator/locales/<lang>/dashboard.json`, through a small typed
 * lookup like the console's: every language fits in the page's bundle, and the keys of fixed text
 * stay checked by the compiler. Codes from a report (a category, a reason) are looked up by a
 * built key and fall back to the code itself, so a new code shows rather than breaks.
 */
import type { UiLanguage } from '../../src/i18n/languages.js';
import en from '../locales/en/dashboard.json' with { type: 'json' };
import es from '../locales/es/dashboard.json' with { type: 'json' };
import fr from '../locales/fr/dashboard.json' with { type: 'json' };

/** A dashboard string key. */
export type DashboardKey = keyof typeof en;

/** Looks up a string and fills in `{{name}}` parameters. */
export type DashboardText = (key: DashboardKey, params?: Record<string, string | number>) => string;

/**
 * Every dashboard language: its folder in `navigator/locales/` and one entry here. Keyed by the
 * widget's languages (`src/i18n/languages.ts`), so a language added there without its dashboard
 * strings fails to compile rather than silently showing English to its managers.
 */
const strings: Record<UiLanguage, Record<string, string>> = { en, es, fr };

/** The dashboard's languages. */
export type DashboardLanguage = keyof typeof strings;

/** Picks the dashboard language from candidates such as `es-MX`; English otherwise. */
export function dashboardLanguage(...candidates: (string | null | undefined)[]): DashboardLanguage {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split(/[-_]/)[0];
    if (base && Object.hasOwn(strings, base)) return base as DashboardLanguage;
  }
  return 'en';
}

/** The lookup for one language. */
export function dashboardText(language: DashboardLanguage): DashboardText {
  const table = strings[language];
  return (key, params = {}) =>
    (table[key] ?? key).replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
}

/** The label of a code from a report (`category.food`, `column.searches`), or the code itself. */
export function codeLabel(t: DashboardText, prefix: string, code: string): string {
  const key = `${prefix}.${code}` as DashboardKey;
  const label = t(key);
  return label === key ? code : label;
}
