/**
 * Folds text for matching: lower case, accents removed, punctuation turned into single
 * spaces. "Ñandú, ¿QUÉ?" becomes "nandu que". Used by crisis detection, need vocabulary and
 * the matcher alike, so that a phrase list written with accents matches a visitor typing
 * without them on a phone keyboard, and the other way round.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
