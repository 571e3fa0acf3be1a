import type { CrisisKind } from './crisis-kinds.js';
import {
  type CrisisPhraseLists,
  firstRuleMatch,
  type PreparedMessage,
  prepareForLanguage,
  type RuleMatch,
} from './crisis-phrases.js';

/** What {@link assessCrisis} found in a message, in one tier. */
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

/** The two tiers of {@link assessCrisis}. */
export interface CrisisAssessment {
  /** A strong signal: the crisis response at once. */
  crisis: CrisisDetection | null;
  /**
   * A possible signal, and no strong one: the assistant asks "Are you safe right now?".
   * Always null when {@link crisis} is not.
   */
  concern: CrisisDetection | null;
}

/**
 * Looks for signs of a crisis in one free-text message, in every loaded language, in two
 * tiers (docs/crisis-detection.md). Runs on every message before any need matching. Tuned to
 * prefer a false alarm to a miss: a false alarm in the strong tier shows crisis lines, in the
 * possible tier asks one question; either way the conversation continues with the need.
 *
 * A strong match right after a negator ("i m not suicidal", "no soy suicida") counts as
 * possible: the visitor is asked rather than either alarmed or ignored.
 */
export function assessCrisis(text: string, phrases: CrisisPhraseLists): CrisisAssessment {
  const strong = new Map<CrisisKind, string>();
  const negators = new Set(phrases.languages.flatMap((language) => [...language.negators]));
  const possible = new Map<CrisisKind, string>();
  for (const language of phrases.languages) {
    const message = prepareForLanguage(text, language);
    for (const { kind, patterns } of language.crisis) {
      if (strong.has(kind)) continue;
      const match = firstRuleMatch(patterns, message);
      if (!match) continue;
      if (negated(match, message, negators)) possible.set(kind, match.words);
      else strong.set(kind, match.words);
    }
    for (const { kind, patterns } of language.possible) {
      if (strong.has(kind) || possible.has(kind)) continue;
      const match = firstRuleMatch(patterns, message);
      if (match) possible.set(kind, match.words);
    }
  }
  // Every language lists kinds in priority order, but a later language may add a more
  // urgent kind than an earlier one found, so order the union by priority again.
  const order = phrases.languages[0]?.crisis.map(({ kind }) => kind) ?? [];
  const crisis = detection(order, strong);
  return { crisis, concern: crisis ? null : detection(order, possible) };
}

/**
 * Looks for a strong sign of crisis only: {@link assessCrisis}'s `crisis`. Returns `null`
 * when there is none.
 */
export function detectCrisis(text: string, phrases: CrisisPhraseLists): CrisisDetection | null {
  return assessCrisis(text, phrases).crisis;
}

function detection(order: readonly CrisisKind[], found: ReadonlyMap<CrisisKind, string>): CrisisDetection | null {
  const kinds = order.filter((kind) => found.has(kind));
  const kind = kinds[0];
  return kind ? { kind, matched: found.get(kind) as string, kinds } : null;
}

/**
 * True when the words just before a match are a negator of any language ("not", "never",
 * "no soy"): a message may switch language mid-sentence, so every language's negators count.
 */
function negated(match: RuleMatch, message: PreparedMessage, negators: ReadonlySet<string>): boolean {
  const before = message.text.slice(0, match.index).trim().split(' ');
  return [1, 2, 3].some((count) => before.length >= count && negators.has(before.slice(-count).join(' ')));
}
