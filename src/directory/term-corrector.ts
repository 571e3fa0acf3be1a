/**
 * Typo tolerance: turns a word nobody knows ("despenza", "imigration", "foodbank") into the
 * known word or words it most likely meant, and leaves real words alone: "boat" is never read
 * as "beat", however close. Fuse.js does the fuzzy comparison, over the need vocabulary's
 * words only, split by length, so a query never scans descriptions or services; the
 * directory's own words are matched as typed and used to split run-together words.
 *
 * Both heavy parts load on demand, one after the other and only when needed: a word that
 * neither the vocabulary nor the directory knows loads the language's list of real words
 * (`locales/<lang>/words.json`, a few kilobytes); only a word that is not on it either loads
 * Fuse.js. A visitor whose words are all known downloads neither.
 */
import type Fuse from 'fuse.js/basic';

/** Fuse.js, once loaded. Until then correction splits run-together words but guesses nothing. */
let engine: typeof Fuse | undefined;
/** Each language's real words, once loaded. Without its list a language gets no guesses. */
const realWords = new Map<string, ReadonlySet<string>>();

const realWordSources: Record<string, () => Promise<{ default: unknown }>> = {
  en: () => import('../../locales/en/words.json', { with: { type: 'json' } }),
  es: () => import('../../locales/es/words.json', { with: { type: 'json' } }),
};

/** Loads a language's list of real words once (see `scripts/build-word-lists.ts`). */
export async function loadRealWords(language: string): Promise<ReadonlySet<string>> {
  let words = realWords.get(language);
  if (!words) {
    const source = realWordSources[language];
    const data = source ? ((await source()).default as { words: string }) : { words: '' };
    words = new Set(data.words.split(' ').filter(Boolean));
    realWords.set(language, words);
  }
  return words;
}

/**
 * Loads Fuse.js and every language's real words. Node entry points (the CLI, evaluations,
 * tests) await it once; the widget loads only what a query needs, through
 * {@link prepareCorrection}.
 */
export async function loadFuzzyEngine(): Promise<void> {
  await Promise.all([...Object.keys(realWordSources).map(loadRealWords), loadEngine()]);
}

async function loadEngine(): Promise<void> {
  engine ??= (await import('fuse.js/basic')).default;
}

/**
 * Loads what correcting these tokens takes: nothing when there are none, the language's real
 * words when some are unknown, and Fuse.js only when one of them is not a real word either.
 */
export async function prepareCorrection(unknown: readonly string[], language: string): Promise<void> {
  const candidates = unknown.filter((token) => token.length >= MIN_CORRECTED_LENGTH);
  if (!candidates.length) return;
  const words = await loadRealWords(language);
  if (candidates.some((token) => !words.has(token))) await loadEngine();
}

/**
 * Edits a correction may make in a typed word of this length: one (a letter added, dropped or
 * changed) up to seven letters, two beyond. The real-word lists are built for the same reach.
 */
export function allowedEdits(length: number): number {
  return length <= 7 ? 1 : 2;
}

/** Levenshtein distance between two words, or `limit + 1` once it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, at) => at);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
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
/** Words shorter than this are left alone: at three letters almost every typo is another word. */
export const MIN_CORRECTED_LENGTH = 4;
// Parts of a run-together word must be real words of at least this length ("food" + "bank").
const MIN_PART = 3;

/**
 * Builds a corrector for a language: `targets` (the need vocabulary's words) are what a typo
 * may be corrected to; `known` words (the directory's) are taken as typed and used to split
 * run-together words, but never guessed, because the real-word list only guards the
 * vocabulary's neighbourhood ("pizza" must not become a "Plaza" in some service's name).
 */
export function createTermCorrector(
  targets: Iterable<string>,
  language: string,
  known: Iterable<string> = [],
): TermCorrector {
  const dictionary = new Set<string>();
  for (const word of targets) if (word) dictionary.add(word);
  const taken = new Set(dictionary);
  for (const word of known) if (word) taken.add(word);
  // Buckets by length and first letter, and by length and second letter: a typo changes the
  // length by one or two at most and rarely both of the first two letters, so a query compares
  // itself with a few dozen words instead of the whole dictionary.
  const buckets = new Map<string, string[]>();
  const bucketKeys = (word: string, length = word.length) => [`${length}<${word[0]}`, `${length}>${word[1]}`];
  for (const word of dictionary) {
    if (word.length < MIN_CORRECTED_LENGTH - 1) continue;
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
      if (taken.has(head) && taken.has(tail)) return [head, tail];
    }
    return [];
  };

  return {
    knows: (token) => taken.has(token),
    correct(token) {
      if (taken.has(token)) return { tokens: [token], fuzzy: false };
      if (token.length < MIN_CORRECTED_LENGTH) return { tokens: [], fuzzy: false };
      // A real word is what the visitor meant, even when the directory does not know it; and
      // until the language's list is here, nothing can be ruled a typo.
      const real = realWords.get(language);
      if (!real || real.has(token)) return { tokens: [], fuzzy: false };
      const parts = split(token);
      if (parts.length) return { tokens: parts, fuzzy: false };
      const Engine = engine;
      if (!Engine) return { tokens: [], fuzzy: false };
      const spread = token.length >= 8 ? 2 : 1;
      const limit = allowedEdits(token.length);
      let best: { word: string; score: number } | undefined;
      for (let length = token.length - spread; length <= token.length + spread; length++) {
        for (const key of bucketKeys(token, length)) {
          if (!buckets.has(key)) continue;
          for (const hit of fuseFor(key, Engine).search(token, { limit: 3 })) {
            // Fuse finds the typed word inside longer ones too; the edit limit keeps corrections
            // within the reach the real-word list was built for.
            if (editDistance(token, hit.item, limit) > limit) continue;
            // Closer lengths first, as a tie-breaker on Fuse's score.
            const score = (hit.score ?? 1) + Math.abs(length - token.length) * 0.01;
            if (!best || score < best.score) best = { word: hit.item, score };
          }
        }
      }
      return { tokens: best ? [best.word] : [], fuzzy: true };
    },
  };
}
