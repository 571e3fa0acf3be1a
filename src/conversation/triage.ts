/**
 * The first look at every typed message, before any matching: is this a crisis, and is the
 * visitor asking for a person? Both languages' phrase lists are checked whatever the
 * interface language, and they ship in the widget's first bundle: a crisis must be
 * recognised even when the directory cannot load.
 */
import enPhrases from '../../locales/en/crisis.json' with { type: 'json' };
import esPhrases from '../../locales/es/crisis.json' with { type: 'json' };
import { assessCrisis } from './crisis-detector.js';
import type { CrisisKind } from './crisis-kinds.js';
import { type CrisisPhraseFile, type CrisisPhraseLists, compileCrisisPhrases } from './crisis-phrases.js';
import type { UiLanguage } from '../directory/snapshot.js';
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

let compiled: CrisisPhraseLists | undefined;

/** The phrase lists, compiled on first use. */
function phraseLists(): CrisisPhraseLists {
  compiled ??= compileCrisisPhrases({
    en: enPhrases as CrisisPhraseFile,
    es: esPhrases as CrisisPhraseFile,
  });
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
