/**
 * The first look at every typed message, before any matching: is this a crisis, and is the
 * visitor asking for a person? Every language's phrase lists are checked whatever the
 * interface language (a visitor may write French on an English page), and they load with this
 * module, before the first keystroke is checked: a crisis must be recognised even when the
 * directory cannot load.
 */
import { assessCrisis } from './crisis-detector.js';
import type { CrisisKind } from './crisis-kinds.js';
import { type CrisisPhraseFile, type CrisisPhraseLists, compileCrisisPhrases } from './crisis-phrases.js';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/languages.js';
import { importLocaleFile } from '../i18n/locale-files.js';
import { detectLanguage } from '../text/detect-language.js';
import { asksForPerson } from './person-request.js';

/** What the first look found. */
export interface Triage {
  /** Crisis kinds found in the strong tier, most urgent first; empty when none. */
  crisis: CrisisKind[];
  /**
   * Kinds found in the possible tier when there is no strong one, most urgent first: the
   * assistant asks whether the visitor is safe. Empty when none, or when `crisis` is not.
   */
  concern: CrisisKind[];
  askedForPerson: boolean;
  /** The language the message is clearly written in, if it is clear. */
  language?: UiLanguage;
}

/** Every language's `crisis.json`, imported with this module (so triage stays synchronous). */
const phraseFiles: Record<string, CrisisPhraseFile> = Object.fromEntries(
  await Promise.all(
    UI_LANGUAGES.map(async (language) => [language, (await importLocaleFile(language, 'crisis')) as CrisisPhraseFile]),
  ),
);

let compiled: CrisisPhraseLists | undefined;

/** The phrase lists, compiled on first use. */
function phraseLists(): CrisisPhraseLists {
  compiled ??= compileCrisisPhrases(phraseFiles);
  return compiled;
}

/** Checks one typed message for crisis and for a request to talk to a person. */
export function triageText(text: string): Triage {
  const lists = phraseLists();
  const language = detectLanguage(text);
  const { crisis, concern } = assessCrisis(text, lists);
  return {
    crisis: crisis?.kinds ?? [],
    concern: concern?.kinds ?? [],
    askedForPerson: asksForPerson(text, lists),
    ...(language ? { language } : {}),
  };
}
