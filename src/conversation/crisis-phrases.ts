import { CRISIS_KINDS, type CrisisKind } from './crisis-kinds.js';
import {
  compilePhrasePattern,
  EXCEPTION_MARK,
  matchPhrase,
  messageWords,
  type PhrasePattern,
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
   * Idioms that are clearly not about a person in danger ("me muero de hambre"). Cut out of
   * the message before the crisis patterns run, so the rest of the message still counts.
   */
  exceptions: string[];
  /** Patterns per crisis kind. */
  crisis: Record<CrisisKind, string[]>;
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

/** One language's compiled data. */
export interface CompiledLanguage {
  readonly language: string;
  readonly words: WordTable;
  readonly exceptions: readonly PhrasePattern[];
  /** In {@link CRISIS_KINDS} order, so the first kind found is the most urgent. */
  readonly crisis: readonly { readonly kind: CrisisKind; readonly patterns: readonly PhrasePattern[] }[];
  readonly person: readonly PhrasePattern[];
}

/**
 * Compiles the phrase files of all loaded languages, keyed by language code. Detection
 * checks every language whatever the interface language, because a visitor using the
 * English interface may well write in Spanish. Throws on a malformed pattern, naming it.
 */
export function compileCrisisPhrases(files: Readonly<Record<string, CrisisPhraseFile>>): CrisisPhraseLists {
  const languages = Object.entries(files).map(([language, file]): CompiledLanguage => {
    const words: WordTable = new Map(Object.entries(file.words));
    const compile = (pattern: string) => compilePhrasePattern(pattern, words);
    return {
      language,
      words,
      exceptions: file.exceptions.map(compile),
      crisis: CRISIS_KINDS.map((kind) => ({ kind, patterns: (file.crisis[kind] ?? []).map(compile) })),
      person: file.person.map(compile),
    };
  });
  return { languages };
}

/** A message ready for one language's patterns: that language's exceptions cut out. */
export interface PreparedMessage {
  readonly text: string;
  readonly words: MessageWords;
}

/** Prepares a message for one language's patterns, with that language's exceptions cut out. */
export function prepareForLanguage(text: string, language: CompiledLanguage): PreparedMessage {
  let prepared = prepareText(text, language.words);
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
