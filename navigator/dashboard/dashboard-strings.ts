/**
 * The dashboard's strings, from `navigator/locales/<lang>/dashboard.json`, through a small typed
 * lookup like the console's: both languages fit in the page's bundle, and the keys of fixed text
 * stay checked by the compiler. Codes from a report (a category, a reason) are looked up by a
 * built key and fall back to the code itself, so a new code shows rather than breaks.
 */
import en from '../locales/en/dashboard.json' with { type: 'json' };
import es from '../locales/es/dashboard.json' with { type: 'json' };

/** A dashboard string key. */
export type DashboardKey = keyof typeof en;

/** The dashboard's languages. */
export type DashboardLanguage = 'en' | 'es';

/** Looks up a string and fills in `{{name}}` parameters. */
export type DashboardText = (key: DashboardKey, params?: Record<string, string | number>) => string;

const strings: Record<DashboardLanguage, Record<string, string>> = { en, es };

/** Picks the dashboard language from candidates such as `es-MX`; English otherwise. */
export function dashboardLanguage(...candidates: (string | null | undefined)[]): DashboardLanguage {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split(/[-_]/)[0];
    if (base === 'en' || base === 'es') return base;
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
