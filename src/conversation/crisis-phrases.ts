import { CRISIS_KINDS, type CrisisKind } from './crisis-kinds.js';
import { type CrisisSpelling, crisisSpelling, respell } from './crisis-spelling.js';
import {
  compilePhrasePattern,
  EXCEPTION_MARK,
  expandGroups,
  matchPhrase,
  messageWords,
  type PhraseGroups,
  type PhrasePattern,
  patternWords,
  prepareText,
  type MessageWords,
  type WordTable,
} from './phrase-pattern.js';

/**
 * The shape of `locales/<lang>/crisis.json`: the phrase data crisis detection and the
 * "asks for a person" check run on. Documented for reviewers in `docs/crisis-detection.md`;
 * the pattern syntax is described on {@link compilePhrasePattern}.
 */
export interface CrisisPhraseFile {
  /** Texting forms and misspellings → the word the patterns use (`"kiero": "quiero"`). */
  words: Record<string, string>;
  /**
   * The crisis words a visitor's slip is respelt towards (`"suicid*"`, `"myself"`): few and
   * distinctive, so that everyday words stay what they are. See `crisis-spelling.ts`.
   */
  spelling?: string[];
  /** Everyday words one slip from a crisis word, never respelt (`"pagaron"`, not "pegaron"). */
  known?: string[];
  /** Named word groups (`"@partner": "husband|wife|..."`), used in patterns as `@partner`. */
  groups?: PhraseGroups;
  /**
   * Words that, just before a strong match, turn it into a possible one ("i m not suicidal"):
   * the visitor is asked whether they are safe instead of shown the crisis response.
   */
  negators?: string[];
  /**
   * Idioms that are clearly not about a person in danger ("me muero de hambre"). Cut out of
   * the message before the crisis patterns run, so the rest of the message still counts.
   */
  exceptions: string[];
  /** Patterns per crisis kind: a strong signal, answered with the crisis response at once. */
  crisis: Record<CrisisKind, string[]>;
  /**
   * Patterns per crisis kind for a possible signal (a crisis word alone, means without
   * intent, fear without a threat): the assistant asks "Are you safe right now?". A pattern
   * `a & b` needs both parts anywhere in the message, in any order.
   */
  possible?: Partial<Record<CrisisKind, string[]>>;
  /** Patterns for a visitor asking to talk to a person. */
  person: string[];
}

/**
 * Every loaded language's phrase data, compiled once by {@link compileCrisisPhrases}.
 * Opaque to callers: pass it to `detectCrisis` and `asksForPerson`.
 */
export interface CrisisPhraseLists {
  readonly languages: readonly CompiledLanguage[];
}

/** A compiled pattern: one phrase, or several (`a & b`) that must all be in the message. */
export type PhraseRule = readonly PhrasePattern[];

/** One language's compiled data. */
export interface CompiledLanguage {
  readonly language: string;
  readonly words: WordTable;
  readonly spelling: CrisisSpelling;
  readonly negators: ReadonlySet<string>;
  readonly exceptions: readonly PhrasePattern[];
  /** In {@link CRISIS_KINDS} order, so the first kind found is the most urgent. */
  readonly crisis: readonly { readonly kind: CrisisKind; readonly patterns: readonly PhraseRule[] }[];
  /** The possible tier, in the same order. */
  readonly possible: readonly { readonly kind: CrisisKind; readonly patterns: readonly PhraseRule[] }[];
  readonly person: readonly PhrasePattern[];
}

/**
 * Compiles the phrase files of all loaded languages, keyed by language code. Detection
 * checks every language whatever the interface language, because a visitor using the
 * English interface may well write in Spanish. Throws on a malformed pattern, naming it.
 */
export function compileCrisisPhrases(files: Readonly<Record<string, CrisisPhraseFile>>): CrisisPhraseLists {
  const expanded = Object.entries(files).map(([language, file]) => {
    const groups = expandedGroups(file.groups ?? {});
    const expand = (pattern: string) => expandGroups(pattern, groups);
    const tier = (patterns: Partial<Record<CrisisKind, string[]>>) =>
      CRISIS_KINDS.map((kind) => ({ kind, patterns: (patterns[kind] ?? []).map(expand) }));
    return {
      language,
      file,
      exceptions: file.exceptions.map(expand),
      crisis: tier(file.crisis),
      possible: tier(file.possible ?? {}),
      person: file.person.map(expand),
    };
  });
  // A word any language's lists use is a word, not a slip: Spanish "mata" is never respelt
  // towards an English crisis word, nor the other way round.
  const everyListWord = expanded.flatMap(({ file, exceptions, crisis, possible, person }) => [
    ...Object.keys(file.words),
    ...Object.values(file.words).flatMap((value) => value.split(' ')),
    ...(file.known ?? []),
    ...[...exceptions, ...person, ...[...crisis, ...possible].flatMap(({ patterns }) => patterns)]
      .flatMap(patternWords)
      .filter((word) => !word.endsWith('*')),
  ]);
  const languages = expanded.map(({ language, file, exceptions, crisis, possible, person }): CompiledLanguage => {
    const words: WordTable = new Map(Object.entries(file.words));
    const compile = (pattern: string) => compilePhrasePattern(pattern, words);
    const rule = (pattern: string): PhraseRule => pattern.split(' & ').map(compile);
    const tier = (patterns: readonly { kind: CrisisKind; patterns: string[] }[]) =>
      patterns.map(({ kind, patterns }) => ({ kind, patterns: patterns.map(rule) }));
    const crisisWords = (file.spelling ?? []).flatMap(patternWords);
    return {
      language,
      words,
      spelling: crisisSpelling(crisisWords, everyListWord),
      negators: new Set(file.negators ?? []),
      exceptions: exceptions.map(compile),
      crisis: tier(crisis),
      possible: tier(possible),
      person: person.map(compile),
    };
  });
  return { languages };
}

/** Groups with the groups they use expanded, in the order they are written. */
function expandedGroups(groups: PhraseGroups): PhraseGroups {
  const done: Record<string, string> = {};
  for (const [name, group] of Object.entries(groups)) done[name] = expandGroups(group, done);
  return done;
}

/** A message ready for one language's patterns: that language's exceptions cut out. */
export interface PreparedMessage {
  readonly text: string;
  readonly words: MessageWords;
}

/** Prepares a message for one language's patterns, with that language's exceptions cut out. */
export function prepareForLanguage(text: string, language: CompiledLanguage): PreparedMessage {
  let prepared = prepareText(text, language.words, (word) => respell(word, language.spelling));
  for (const exception of language.exceptions) {
    // Each cut replaces at least one word with the mark, which no pattern matches, so
    // this ends after at most one pass per word.
    for (
      let match = matchPhrase(exception, prepared, messageWords(prepared));
      match;
      match = exception.regex.exec(prepared)
    ) {
      prepared = prepared.slice(0, match.index) + EXCEPTION_MARK + prepared.slice(match.index + match[0].length);
    }
  }
  return { text: prepared, words: messageWords(prepared) };
}

/** The first match of any of the patterns in a prepared message, or null. */
export function firstMatch(patterns: readonly PhrasePattern[], message: PreparedMessage): RegExpExecArray | null {
  for (const pattern of patterns) {
    const match = matchPhrase(pattern, message.text, message.words);
    if (match) return match;
  }
  return null;
}

/** Where a rule matched: the words, and where the first part starts in the prepared text. */
export interface RuleMatch {
  readonly words: string;
  readonly index: number;
}

/** The first rule all of whose parts are in a prepared message, or null. */
export function firstRuleMatch(rules: readonly PhraseRule[], message: PreparedMessage): RuleMatch | null {
  for (const rule of rules) {
    const matches: RegExpExecArray[] = [];
    for (const part of rule) {
      const match = matchPhrase(part, message.text, message.words);
      if (!match) break;
      matches.push(match);
    }
    if (matches.length === rule.length && matches[0]) {
      return { words: matches.map((match) => match[0].trim()).join(' & '), index: matches[0].index };
    }
  }
  return null;
}
