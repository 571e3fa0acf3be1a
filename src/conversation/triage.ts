/**
 * The first look at every typed message, before any matching: is this a crisis, and is the
 * visitor asking for a person? Both languages' phrase lists are checked whatever the
 * interface language, and they ship in the widget's first bundle: a crisis must be
 * recognised even when the directory cannot load.
 */
import enPhrases from '../../locales/en/crisis.json' with { type: 'json' };
import esPhrases from '../../locales/es/crisis.json' with { type: 'json' };
import { detectCrisis } from './crisis-detector.js';
import type { CrisisKind } from './crisis-kinds.js';
import { type CrisisPhraseFile, type CrisisPhraseLists, compileCrisisPhrases } from './crisis-phrases.js';
import type { UiLanguage } from '../directory/snapshot.js';
import { detectLanguage } from '../text/detect-language.js';
import { asksForPerson } from './person-request.js';

/** What the first look found. */
export interface Triage {
  /** Crisis kinds found, most urgent first; empty when none. */
  crisis: CrisisKind[];
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
  return {
    crisis: detectCrisis(text, lists)?.kinds ?? [],
    askedForPerson: asksForPerson(text, lists),
    ...(language ? { language } : {}),
  };
}
