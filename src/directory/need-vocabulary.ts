/**
 * The need vocabulary: how people say what they need, per language, kept as data in
 * `locales/<lang>/needs.json` so that 211 staff can extend it without touching code. It maps
 * everyday words and phrases ("la luz", "despensa", "hydro bill", "me van a correr de la
 * casa") to need categories, taxonomy prefixes and English search terms, which is how a Spanish
 * query finds a service whose record is in English only. It also spots the hints the
 * conversation uses to skip questions: who the help is for, and whether it is needed today.
 */
import type { AgeGroup } from './age-group.js';
import { AGE_GROUPS } from './age-group.js';
import type { NeedCategory } from './snapshot.js';
import { searchTokens, searchWords } from './search-tokens.js';
import { isCrisisOrAbuseNeed } from './sensitive-service.js';
import type { TermCorrector } from './term-corrector.js';
import { createTermCorrector } from './term-corrector.js';

/** One need as written in `needs.json`. */
export interface NeedEntryData {
  /** Words and phrases people use for this need, with or without accents. */
  say: string[];
  /** The need category the widget files it under. */
  category?: NeedCategory;
  /** Taxonomy code prefixes (AIRS/211 such as `BD-1800`) of services that meet this need. */
  taxonomy?: string[];
  /** Prefixes of services that meet it in part, ranked below those of `taxonomy`. */
  related?: string[];
  /** English words to look for in names and taxonomy term names, for directories whose codes differ. */
  terms?: string[];
}

/** A hint as written in `needs.json`: phrases, and taxonomy prefixes of services aimed at it. */
export interface HintData {
  say: string[];
  taxonomy?: string[];
}

/** The shape of `locales/<lang>/needs.json`. */
export interface NeedVocabularyData {
  /** ISO 639-1 code of the language the phrases are in. */
  language: string;
  /** Words that say nothing about the need ("necesito", "please"); never searched alone. */
  stopwords: string[];
  /**
   * Stopwords a phrase may go without ("la luz" is "luz", "el patrón" is "patrón"). A phrase
   * that loses any other stopword and keeps one word ("beats me", "líneas de ayuda") is only
   * read whole, because its one word alone means something else.
   */
  articles?: string[];
  needs: NeedEntryData[];
  /** Phrases that say who the help is for ("mis hijos", "my mom"). */
  forWhom: Record<AgeGroup, HintData>;
  /** Phrases that say the help is needed today ("hoy", "tonight"). */
  today: string[];
  /** Phrases that ask for free or low-cost help ("gratis", "cheap"). */
  free: string[];
}

/** A need with its phrases compiled. */
export interface CompiledNeed {
  category?: NeedCategory;
  /** A crisis, violence or abuse need: never recognised from a corrected typo. */
  sensitive: boolean;
  taxonomy: string[];
  related: string[];
  /** Search tokens of `terms`, one list per term. */
  terms: string[][];
}

/** What a run of query tokens means. */
export type PhraseMeaning =
  | { kind: 'need'; need: number }
  | { kind: 'forWhom'; group: AgeGroup }
  | { kind: 'today' }
  | { kind: 'free' };

/** A vocabulary ready for matching: phrases as token sequences, looked up in a map. */
export interface NeedVocabulary {
  language: string;
  stopwords: ReadonlySet<string>;
  needs: CompiledNeed[];
  /** Taxonomy prefixes of services aimed at each age group, for a soft boost. */
  forWhomTaxonomy: Readonly<Record<AgeGroup, string[]>>;
  /** Phrase (content tokens joined by spaces) to what it means and how it is written. */
  phrases: ReadonlyMap<string, { meanings: PhraseMeaning[]; label: string }>;
  /** Most content tokens in one phrase. */
  longestPhrase: number;
  /**
   * Phrases that only mean something whole, keyed by all their tokens, stopwords included:
   * those whose stopwords leave a single everyday word ("beats me" is not "beat", "líneas de
   * ayuda" is not "líneas", "rental assistance" is not "rental").
   */
  wholePhrases: ReadonlyMap<string, { meanings: PhraseMeaning[]; label: string }>;
  /** Most tokens in one whole phrase. */
  longestWholePhrase: number;
  /** Every content token of every phrase, the vocabulary's share of the typo dictionary. */
  words: ReadonlySet<string>;
  /**
   * Reads typed words against this vocabulary, correcting typos with `corrector`. Carried by
   * the vocabulary so the matcher needs none of this module's code for chosen categories:
   * a visitor who taps "Food" never downloads it.
   */
  read(text: string, corrector: TermCorrector): ReadNeed;
  /** A typo corrector over this vocabulary's words and `extra` (the directory's). */
  corrector(extra: Iterable<string>): TermCorrector;
}

/** Tokens of a text without stopwords, with the folded word each came from. */
export interface ContentToken {
  token: string;
  /** The folded word as typed, for showing back to the visitor. */
  word: string;
  /** Where the word stands among all the text's words, stopwords included. */
  at?: number;
  /** True when the token is a typo correction guessed by likeness. */
  corrected?: true;
}

/** A typed word and the word it was read as. */
export interface Correction {
  typed: string;
  read: string;
}

/** A query read against a vocabulary. */
export interface ReadNeed {
  /**
   * Needs recognised, with the phrase that named each, as written in the vocabulary, and the
   * typos read into it ("shleter" read as "shelter"), so the visitor can see the guess.
   */
  needs: { need: CompiledNeed; label: string; tokens: string[]; corrections: Correction[] }[];
  ageGroup?: AgeGroup;
  today?: true;
  free?: true;
  /** Content tokens no phrase took, to be looked up in the directory itself. */
  leftovers: ContentToken[];
}

/** What {@link understandNeed} makes of free text, for the conversation. */
export interface NeedUnderstanding {
  /** Need categories recognised, most prominent first. */
  categories: NeedCategory[];
  /** Taxonomy prefixes of services that meet the recognised needs. */
  taxonomy: string[];
  ageGroup?: AgeGroup;
  today?: true;
  free?: true;
  /** The vocabulary phrases recognised, as the vocabulary writes them ("despensa", "la luz"). */
  terms: string[];
  /** Other words that may name a need the vocabulary lacks, to search for as they are. */
  otherWords: string[];
}

/** Compiles `needs.json` data. Cheap (a few ms); do it once per language. */
export function compileNeedVocabulary(data: NeedVocabularyData): NeedVocabulary {
  const stopwords = new Set(data.stopwords.flatMap(searchTokens));
  const articles = new Set((data.articles ?? []).flatMap(searchTokens));
  const phrases = new Map<string, { meanings: PhraseMeaning[]; label: string }>();
  const wholePhrases = new Map<string, { meanings: PhraseMeaning[]; label: string }>();
  const words = new Set<string>();
  let longestPhrase = 1;
  let longestWholePhrase = 1;
  const add = (phrase: string, meaning: PhraseMeaning) => {
    const all = searchTokens(phrase);
    const tokens = all.filter((token) => !stopwords.has(token));
    if (!tokens.length) return;
    for (const token of tokens) words.add(token);
    const whole = tokens.length === 1 && all.some((token) => stopwords.has(token) && !articles.has(token));
    const key = (whole ? all : tokens).join(' ');
    const into = whole ? wholePhrases : phrases;
    if (whole) longestWholePhrase = Math.max(longestWholePhrase, all.length);
    else longestPhrase = Math.max(longestPhrase, tokens.length);
    const entry = into.get(key) ?? { meanings: [], label: phrase };
    if (!entry.meanings.some((known) => sameMeaning(known, meaning))) entry.meanings.push(meaning);
    into.set(key, entry);
  };
  const needs = data.needs.map((entry, need): CompiledNeed => {
    for (const phrase of entry.say) add(phrase, { kind: 'need', need });
    return {
      category: entry.category,
      sensitive: isCrisisOrAbuseNeed(entry.taxonomy ?? []),
      taxonomy: entry.taxonomy ?? [],
      related: entry.related ?? [],
      terms: (entry.terms ?? []).map((term) => searchTokens(term).filter((token) => !stopwords.has(token))),
    };
  });
  const forWhomTaxonomy = {} as Record<AgeGroup, string[]>;
  for (const group of AGE_GROUPS) {
    const hint = data.forWhom[group];
    forWhomTaxonomy[group] = hint?.taxonomy ?? [];
    for (const phrase of hint?.say ?? []) add(phrase, { kind: 'forWhom', group });
  }
  for (const phrase of data.today) add(phrase, { kind: 'today' });
  for (const phrase of data.free) add(phrase, { kind: 'free' });
  const vocabulary: NeedVocabulary = {
    language: data.language,
    stopwords,
    needs,
    forWhomTaxonomy,
    phrases,
    longestPhrase,
    wholePhrases,
    longestWholePhrase,
    words,
    read: (text, corrector) => readNeed(contentTokens(text, vocabulary, corrector), vocabulary, allTokens(text)),
    corrector: (extra) => createTermCorrector(words, data.language, extra),
  };
  return vocabulary;
}

function sameMeaning(a: PhraseMeaning, b: PhraseMeaning): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'need' && b.kind === 'need') return a.need === b.need;
  if (a.kind === 'forWhom' && b.kind === 'forWhom') return a.group === b.group;
  return true;
}

/**
 * The content tokens of a text: stopwords dropped, misspellings corrected through `corrector`
 * where it knows better (a word it cannot place is kept as typed).
 */
export function contentTokens(text: string, vocabulary: NeedVocabulary, corrector?: TermCorrector): ContentToken[] {
  const out: ContentToken[] = [];
  searchWords(text).forEach(({ token, word }, at) => {
    if (vocabulary.stopwords.has(token)) return;
    if (!corrector || corrector.knows(token)) {
      out.push({ token, word, at });
      return;
    }
    const { tokens, fuzzy } = corrector.correct(token);
    if (!tokens.length) out.push({ token, word, at });
    for (const part of tokens) {
      if (!vocabulary.stopwords.has(part))
        out.push(fuzzy ? { token: part, word, at, corrected: true } : { token: part, word, at });
    }
  });
  return out;
}

/** Every token of a text, stopwords included, for phrases that only mean something whole. */
export function allTokens(text: string): string[] {
  return searchWords(text).map((word) => word.token);
}

/**
 * Reads content tokens against the vocabulary, in two passes: needs, then hints (who, when,
 * free). In each pass the longest phrase wins at each position, so "gas money" is transport
 * and "gas" alone is the gas bill; the passes are separate so that "activities for seniors"
 * is both a need (a senior centre) and a hint (for an older adult). With `all` (every token of
 * the text, stopwords included), phrases that only mean something whole are read first.
 */
export function readNeed(
  tokens: readonly ContentToken[],
  vocabulary: NeedVocabulary,
  all: readonly string[] = [],
): ReadNeed {
  const read: ReadNeed = { needs: [], leftovers: [] };
  const used = new Array<boolean>(tokens.length).fill(false);
  const take = (entry: { meanings: PhraseMeaning[]; label: string }, slice: readonly ContentToken[], pass: Pass) => {
    // A guess at a typo may name an everyday need, never a crisis, violence or abuse need,
    // nor a hint ("finas" is not "niñas"): those come only from words the visitor typed.
    const guessed = slice.some((t) => t.corrected);
    const meanings = entry.meanings.filter(
      (meaning) =>
        (meaning.kind === 'need') === (pass === 'needs') &&
        !(guessed && (meaning.kind !== 'need' || vocabulary.needs[meaning.need]!.sensitive)),
    );
    for (const meaning of meanings) {
      if (meaning.kind === 'need') {
        const need = vocabulary.needs[meaning.need]!;
        if (!read.needs.some((known) => known.need === need)) {
          const corrections = slice.filter((t) => t.corrected).map((t) => ({ typed: t.word, read: t.token }));
          read.needs.push({ need, label: entry.label, tokens: slice.map((t) => t.token), corrections });
        }
      } else if (meaning.kind === 'forWhom') read.ageGroup ??= meaning.group;
      else read[meaning.kind] = true;
    }
    return meanings.length > 0;
  };
  for (const pass of PASSES) {
    // Whole phrases, on every token as typed: their one content word is used when one matches.
    let start = 0;
    while (start < all.length) {
      let matched = 0;
      for (let length = Math.min(vocabulary.longestWholePhrase, all.length - start); length >= 2; length--) {
        const entry = vocabulary.wholePhrases.get(all.slice(start, start + length).join(' '));
        if (!entry) continue;
        const inside = tokens.flatMap((token, at) =>
          token.at !== undefined && token.at >= start && token.at < start + length ? [at] : [],
        );
        if (
          !take(
            entry,
            inside.map((at) => tokens[at]!),
            pass,
          )
        )
          continue;
        for (const at of inside) used[at] = true;
        matched = length;
        break;
      }
      start += matched || 1;
    }
    let at = 0;
    while (at < tokens.length) {
      let matched = 0;
      for (let length = Math.min(vocabulary.longestPhrase, tokens.length - at); length >= 1; length--) {
        const slice = tokens.slice(at, at + length);
        const entry = vocabulary.phrases.get(slice.map((t) => t.token).join(' '));
        if (!entry || !take(entry, slice, pass)) continue;
        used.fill(true, at, at + length);
        matched = length;
        break;
      }
      at += matched || 1;
    }
  }
  tokens.forEach((token, at) => {
    if (!used[at]) read.leftovers.push(token);
  });
  return read;
}

type Pass = 'needs' | 'hints';
const PASSES: readonly Pass[] = ['needs', 'hints'];

const vocabularyCorrectors = new WeakMap<NeedVocabulary, TermCorrector>();

/**
 * Turns free text into a need, for the conversation: "no tengo para la renta" is housing,
 * "comida para mis hijos" is food for a child, "shelter tonight" is housing, today. Pure; typos
 * are corrected against the vocabulary's own words.
 */
export function understandNeed(text: string, language: string, vocabulary: NeedVocabulary): NeedUnderstanding {
  if (language !== vocabulary.language) {
    throw new Error(`understandNeed: asked for "${language}" with the "${vocabulary.language}" vocabulary`);
  }
  let corrector = vocabularyCorrectors.get(vocabulary);
  if (!corrector) {
    corrector = createTermCorrector(vocabulary.words, vocabulary.language);
    vocabularyCorrectors.set(vocabulary, corrector);
  }
  const read = readNeed(contentTokens(text, vocabulary, corrector), vocabulary, allTokens(text));
  const categories: NeedCategory[] = [];
  const taxonomy: string[] = [];
  for (const { need: entry } of read.needs) {
    if (entry.category && !categories.includes(entry.category)) categories.push(entry.category);
    for (const prefix of entry.taxonomy) if (!taxonomy.includes(prefix)) taxonomy.push(prefix);
  }
  return {
    categories,
    taxonomy,
    ...(read.ageGroup ? { ageGroup: read.ageGroup } : {}),
    ...(read.today ? { today: true as const } : {}),
    ...(read.free ? { free: true as const } : {}),
    terms: read.needs.map((need) => need.label),
    otherWords: read.leftovers.filter((left) => left.word.length >= 3).map((left) => left.word),
  };
}

/**
 * A short fingerprint of a vocabulary's words, recorded in `locales/<lang>/words.json` so a test
 * can tell when the real-word list was built for an older vocabulary (FNV-1a over the sorted
 * words; not a security measure).
 */
export function vocabularyFingerprint(words: Iterable<string>): string {
  let hash = 0x811c9dc5;
  for (const char of [...words].sort().join(' ')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
