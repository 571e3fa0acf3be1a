/**
 * The console's strings, from `navigator/locales/<lang>/console.json`, through a small typed lookup
 * rather than the widget's i18next instance: the console is a separate page for staff, both
 * of its languages fit in its bundle, and its keys stay checked by the compiler.
 */
import en from '../locales/en/console.json' with { type: 'json' };
import es from '../locales/es/console.json' with { type: 'json' };
import fr from '../locales/fr/console.json' with { type: 'json' };

/** A console string key (plural keys without their `_one`/`_other` suffix). */
export type ConsoleKey = keyof typeof en extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K
  : never;

/** Looks up a console string and fills in `{{name}}` parameters; `count` picks the plural. */
export type ConsoleText = (key: ConsoleKey, params?: Record<string, string | number>) => string;

/** Every console language: its folder in `navigator/locales/` and one entry here. */
const strings: Record<'en' | 'es' | 'fr', Record<string, string>> = { en, es, fr };

/** The console's languages. */
export type ConsoleLanguage = keyof typeof strings;

/** Picks the console language from candidates such as `es-MX`; English otherwise. */
export function consoleLanguage(...candidates: (string | null | undefined)[]): ConsoleLanguage {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split(/[-_]/)[0];
    if (base && Object.hasOwn(strings, base)) return base as ConsoleLanguage;
  }
  return 'en';
}

const lookups = new Map<ConsoleLanguage, ConsoleText>();

/** The lookup for one language (made once per language). */
export function consoleText(language: ConsoleLanguage): ConsoleText {
  let lookup = lookups.get(language);
  if (!lookup) {
    lookup = createLookup(language);
    lookups.set(language, lookup);
  }
  return lookup;
}

function createLookup(language: ConsoleLanguage): ConsoleText {
  const table = strings[language];
  const plurals = new Intl.PluralRules(language);
  return (key, params = {}) => {
    const count = params.count;
    const pluralKey = typeof count === 'number' ? `${key}_${plurals.select(count)}` : undefined;
    const template = (pluralKey && (table[pluralKey] ?? table[`${key}_other`])) ?? table[key] ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}
