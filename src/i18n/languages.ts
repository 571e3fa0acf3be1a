/**
 * The languages the widget speaks: the one place that lists them. Adding a language is its
 * folder in `locales/<code>/` and one line here (docs/adding-a-language.md); every loader,
 * the language picker, typed-language detection and the command line read this list.
 */

/** Each language, named in itself (as the picker shows it), in the order the picker lists them. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
] as const;

/** A language the widget speaks. */
export type UiLanguage = (typeof LANGUAGES)[number]['code'];

/** The codes of the languages the widget speaks. */
export const UI_LANGUAGES: readonly UiLanguage[] = LANGUAGES.map((language) => language.code);

/** True when a code names a language the widget speaks. */
export function isUiLanguage(code: unknown): code is UiLanguage {
  return typeof code === 'string' && (UI_LANGUAGES as readonly string[]).includes(code);
}

/** A language's name in itself ("Français"), for the picker and the launcher. */
export function languageName(code: UiLanguage): string {
  return LANGUAGES.find((language) => language.code === code)?.name ?? code;
}
