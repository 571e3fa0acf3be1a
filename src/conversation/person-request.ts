import { type CrisisPhraseLists, firstMatch, prepareForLanguage } from './crisis-phrases.js';

/**
 * True when the visitor asks to talk to a person ("quiero hablar con una persona",
 * "agent", "real person"), in any loaded language, misspellings and texting forms included.
 * The conversation then offers the hand-off to a navigator instead of more results.
 */
export function asksForPerson(text: string, phrases: CrisisPhraseLists): boolean {
  return phrases.languages.some((language) => firstMatch(language.person, prepareForLanguage(text, language)) !== null);
}
