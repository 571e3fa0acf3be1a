/**
 * Spelling tolerance for crisis words: a visitor's word that is not a word the lists know
 * is respelt as the crisis word it is one slip away from ("kiling" → "killing", "sucidal" →
 * "suicidal", "matrme" → "matarme"), so the patterns see what was meant. Texting forms and
 * three-letter slips ("kil") are in each file's `words` table instead: edit distance on
 * words that short mostly finds other words.
 *
 * What counts as one slip, chosen against the everyday messages of the evaluation set
 * (docs/crisis-detection.md, "Spelling tolerance"):
 *
 * - the first and the last letter are right (slips are rarely there; "bill" must never read
 *   "kill", and a changed ending is another form of a word: "broken", "auxilios", "vivienda"
 *   are not "broke", "auxilio", "viviendo");
 * - the visitor's word has at least 4 letters, and is not a word of any language's lists
 *   nor of the file's `known` list (everyday words one slip from a crisis word);
 * - a letter missing, added or two swapped, for crisis words of 4 letters or more; a letter
 *   changed only for words of 6 letters or more ("pega"/"paga" differ by one letter and
 *   mean hit/pay); two slips for words of 9 letters or more;
 * - for a `word*` stem of 6 letters or more, the same slips within the stem ("sucid-al").
 */

/** One language's crisis words, ready for {@link respell}. */
export interface CrisisSpelling {
  /** Whole crisis words by first letter. */
  readonly words: ReadonlyMap<string, readonly string[]>;
  /** `word*` stems (without the star) by first letter. */
  readonly stems: ReadonlyMap<string, readonly string[]>;
  /** Words never respelt: every word of every language's lists, and the `known` words. */
  readonly known: ReadonlySet<string>;
}

const MIN_WORD = 4;
const MIN_STEM = 6;
const MIN_CHANGED_LETTER = 6;
const MIN_TWO_SLIPS = 9;

/**
 * Builds the tolerance for one language from the words its crisis patterns are written with
 * (`word*` marks a stem) and the words it must leave alone.
 */
export function crisisSpelling(patternWords: Iterable<string>, known: Iterable<string>): CrisisSpelling {
  const words = new Map<string, string[]>();
  const stems = new Map<string, string[]>();
  for (const word of new Set(patternWords)) {
    const stem = word.endsWith('*');
    const bare = stem ? word.slice(0, -1) : word;
    if (!/^[a-z]+$/.test(bare) || bare.length < (stem ? MIN_STEM : MIN_WORD)) continue;
    const table = stem ? stems : words;
    const first = bare[0] as string;
    table.set(first, [...(table.get(first) ?? []), bare]);
  }
  return { words, stems, known: new Set(known) };
}

/** The crisis word a visitor's word is one slip away from, or the word itself. */
export function respell(word: string, spelling: CrisisSpelling): string {
  if (word.length < MIN_WORD || spelling.known.has(word) || !/^[a-z]+$/.test(word)) return word;
  const first = word[0] as string;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of spelling.words.get(first) ?? []) {
    if (candidate.at(-1) !== word.at(-1)) continue;
    const distance = slips(word, candidate);
    if (distance <= allowedSlips(word, candidate) && (!best || distance < best.distance)) {
      best = { word: candidate, distance };
    }
  }
  if (best) return best.word;
  for (const stem of spelling.stems.get(first) ?? []) {
    if (word.startsWith(stem)) return word;
    // The stem may have lost or gained a letter in the visitor's word: try its head at each length.
    for (const length of [stem.length, stem.length - 1, stem.length + 1]) {
      const head = word.slice(0, length);
      if (head.length === length && slips(head, stem) <= allowedSlips(head, stem)) {
        return stem + word.slice(length);
      }
    }
  }
  return word;
}

/** How many slips a word may have from `target`: see the module comment. */
function allowedSlips(word: string, target: string): number {
  if (target.length >= MIN_TWO_SLIPS) return 2;
  // Same length and not a swap of two letters means a letter was changed.
  const changed = word.length === target.length && !isSwap(word, target);
  return changed && target.length < MIN_CHANGED_LETTER ? 0 : 1;
}

/** True when `b` is `a` with two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  const differ = [...a].flatMap((letter, index) => (letter === b[index] ? [] : [index]));
  const [i, j] = differ;
  return differ.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * Edit distance with neighbouring swaps counted as one slip (optimal string alignment),
 * giving up at 3: nothing further is ever accepted.
 */
export function slips(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest >= 3) return 3;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] as number, 3);
}
