/**
 * How text becomes search tokens, the same way for the visitor's words, the need vocabulary
 * and the directory's names, so that all three meet: folded (lower case, no accents), with
 * apostrophes joined ("didn't" is "didnt", "women's" is "womens") and plurals cut to a shared
 * stem ("clinics" and "clinic", "muelas" and "muela").
 */
import { foldText } from '../text/fold-text.js';

/**
 * Cuts the common plural endings of English and Spanish. It is deliberately crude: it only has
 * to give the same stem to the forms people type and the forms directories write, and since
 * both sides pass through it, a stem that is not a real word ("papele") does no harm.
 */
export function stemToken(token: string): string {
  if (token.length <= 3) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (/(?:ss|ch|sh|x)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !/(?:ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

/** A word of some text: folded as typed (for showing back), and its search token. */
export interface SearchWord {
  word: string;
  token: string;
}

// Printable ASCII needs no accent stripping; folding it by hand is several times faster than
// Unicode normalisation, and directory names are mostly ASCII.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function fold(text: string): string {
  return PRINTABLE_ASCII.test(text)
    ? text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : foldText(text);
}

/** Splits text into words with their search tokens, in order, repeats kept. */
export function searchWords(text: string): SearchWord[] {
  const folded = fold(text.replace(/['’`´]/g, ''));
  if (!folded) return [];
  return folded.split(' ').map((word) => ({ word, token: stemToken(word) }));
}

/** Splits text into folded, stemmed tokens, in order, repeats kept. */
export function searchTokens(text: string): string[] {
  return searchWords(text).map((word) => word.token);
}
