import type { CrisisKind } from './crisis-kinds.js';
import { type CrisisPhraseLists, firstMatch, prepareForLanguage } from './crisis-phrases.js';

/** What {@link detectCrisis} found in a message. */
export interface CrisisDetection {
  /** The most urgent kind found, by the priority documented on `CRISIS_KINDS`. */
  kind: CrisisKind;
  /**
   * The visitor's words that matched for {@link kind}, folded and normalised
   * (e.g. "quiero matarme"). For tests, the evaluation and the navigator's summary;
   * never put it in analytics events, which carry categories only.
   */
  matched: string;
  /** Every kind found, most urgent first; `kinds[0] === kind`. */
  kinds: CrisisKind[];
}

/**
 * Looks for signs of a crisis in one free-text message, in every loaded language. Runs on
 * every message before any need matching; the widget puts crisis lines first whenever it
 * returns a result. Tuned to prefer a false alarm to a miss: a false alarm shows crisis
 * lines and the conversation still continues with the visitor's need.
 *
 * Returns `null` when nothing was found.
 */
export function detectCrisis(text: string, phrases: CrisisPhraseLists): CrisisDetection | null {
  const found = new Map<CrisisKind, string>();
  for (const language of phrases.languages) {
    const message = prepareForLanguage(text, language);
    for (const { kind, patterns } of language.crisis) {
      if (found.has(kind)) continue;
      const match = firstMatch(patterns, message);
      if (match) found.set(kind, match[0].trim());
    }
  }
  if (found.size === 0) return null;
  // Every language lists kinds in priority order, but a later language may add a more
  // urgent kind than an earlier one found, so order the union by priority again.
  const order = phrases.languages[0]?.crisis.map(({ kind }) => kind) ?? [];
  const kinds = order.filter((kind) => found.has(kind));
  const kind = kinds[0] as CrisisKind;
  return { kind, matched: found.get(kind) as string, kinds };
}
