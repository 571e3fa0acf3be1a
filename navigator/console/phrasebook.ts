/**
 * The navigator's phrasebook, read from the widget's own `locales/<lang>/phrasebook.json`: the
 * same file the visitor's widget reads, so a phrase the navigator picks in English is the very
 * phrase the visitor reads in Spanish, and a phrase added to one language without the other
 * fails the locale test.
 */
import en from '../../locales/en/phrasebook.json' with { type: 'json' };
import es from '../../locales/es/phrasebook.json' with { type: 'json' };
import fr from '../../locales/fr/phrasebook.json' with { type: 'json' };
import { PHRASES, type PhraseKey } from '../../src/handoff/message-content.js';
import type { ConsoleLanguage } from './console-strings.js';

const phrasebooks: Record<ConsoleLanguage, Record<PhraseKey, string>> = { en, es, fr };

/** The phrases in the order the console offers them. */
export const PHRASE_ORDER: readonly PhraseKey[] = PHRASES;

/** A phrase in one of the console's languages. */
export function phraseText(phrase: PhraseKey, language: ConsoleLanguage): string {
  return phrasebooks[language][phrase];
}
