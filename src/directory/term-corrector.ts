/**
 * Typo tolerance: turns a word nobody knows ("despenza", "imigration", "foodbank") into the
 * known word or words it most likely meant. Fuse.js does the fuzzy comparison, but only over a
 * dictionary of distinct words (the need vocabulary and the directory's index terms), split by
 * length, so a query never scans descriptions or services.
 */
import type Fuse from 'fuse.js/basic';

/**
 * Fuse.js, loaded on demand: only typed words that the dictionary lacks need it, so a visitor
 * who taps a category never downloads it. Until {@link loadFuzzyEngine} resolves, correction
 * still splits run-together words and keeps known words, but guesses nothing.
 */
let engine: typeof Fuse | undefined;

/** Loads the fuzzy engine once. Entry points that search typed text await it first. */
export async function loadFuzzyEngine(): Promise<void> {
  engine ??= (await import('fuse.js/basic')).default;
}

/** Corrects one search token at a time. */
export interface TermCorrector {
  /** True when the token is in the dictionary as it is. */
  knows(token: string): boolean;
  /**
   * The dictionary tokens a misspelled token stands for: one token for a typo, two for words
   * run together ("foodbank"), none when nothing is close enough. `fuzzy` is true when the
   * answer is a guess by likeness rather than an exact split.
   */
  correct(token: string): { tokens: string[]; fuzzy: boolean };
}

// Fuse's bitap score is roughly errors / pattern length: 0.34 lets one typo through in a word
// of 3 to 5 letters and two in a word of 6 or more, and stops "rent" from becoming "dent".
const THRESHOLD = 0.34;
// Words shorter than this are left alone: at three letters almost every typo is another word.
const MIN_LENGTH = 4;
// Parts of a run-together word must be real words of at least this length ("food" + "bank").
const MIN_PART = 3;

/**
 * Builds a corrector over a dictionary. Words in `preferred` win ties, so a visitor's typo
 * becomes a need-vocabulary word before it becomes a word from some service's name.
 */
export function createTermCorrector(
  words: Iterable<string>,
  preferred: ReadonlySet<string> = new Set(),
): TermCorrector {
  const known = new Set<string>();
  for (const word of words) if (word) known.add(word);
  // Buckets by length and first letter, and by length and second letter: a typo changes the
  // length by one or two at most and rarely both of the first two letters, so a query compares
  // itself with a few dozen words instead of the whole dictionary.
  const buckets = new Map<string, string[]>();
  const bucketKeys = (word: string, length = word.length) => [`${length}<${word[0]}`, `${length}>${word[1]}`];
  for (const word of known) {
    if (word.length < MIN_LENGTH - 1) continue;
    for (const key of bucketKeys(word)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(word);
      else buckets.set(key, [word]);
    }
  }
  const fuses = new Map<string, Fuse<string>>();
  const fuseFor = (key: string, Engine: typeof Fuse) => {
    let fuse = fuses.get(key);
    if (!fuse) {
      fuse = new Engine(buckets.get(key) ?? [], {
        includeScore: true,
        threshold: THRESHOLD,
        ignoreLocation: true,
        ignoreFieldNorm: true,
        isCaseSensitive: true,
      });
      fuses.set(key, fuse);
    }
    return fuse;
  };

  const split = (token: string): string[] => {
    for (let at = MIN_PART; at <= token.length - MIN_PART; at++) {
      const head = token.slice(0, at);
      const tail = token.slice(at);
      if (known.has(head) && known.has(tail)) return [head, tail];
    }
    return [];
  };

  return {
    knows: (token) => known.has(token),
    correct(token) {
      if (known.has(token)) return { tokens: [token], fuzzy: false };
      if (token.length < MIN_LENGTH) return { tokens: [], fuzzy: false };
      const parts = split(token);
      if (parts.length) return { tokens: parts, fuzzy: false };
      const Engine = engine;
      if (!Engine) return { tokens: [], fuzzy: false };
      const spread = token.length >= 8 ? 2 : 1;
      let best: { word: string; score: number } | undefined;
      for (let length = token.length - spread; length <= token.length + spread; length++) {
        for (const key of bucketKeys(token, length)) {
          if (!buckets.has(key)) continue;
          for (const hit of fuseFor(key, Engine).search(token, { limit: 3 })) {
            // Closer lengths first, then preferred words, as tie-breakers on Fuse's score.
            const score =
              (hit.score ?? 1) + Math.abs(length - token.length) * 0.01 - (preferred.has(hit.item) ? 0.005 : 0);
            if (!best || score < best.score) best = { word: hit.item, score };
          }
        }
      }
      return { tokens: best ? [best.word] : [], fuzzy: true };
    },
  };
}
