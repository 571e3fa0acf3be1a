import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import enWords from '../../locales/en/words.json' with { type: 'json' };
import esWords from '../../locales/es/words.json' with { type: 'json' };
import type { DirectoryIndex } from '../../src/directory/directory-matcher.js';
import { buildDirectoryIndex, matchServices, unknownWords } from '../../src/directory/directory-matcher.js';
import type { NeedVocabulary } from '../../src/directory/need-vocabulary.js';
import { understandNeed, vocabularyFingerprint } from '../../src/directory/need-vocabulary.js';
import { loadNeedVocabulary } from '../../src/directory/need-vocabulary-loader.js';
import { isSensitiveService } from '../../src/directory/sensitive-service.js';
import type { DirectorySnapshot } from '../../src/directory/snapshot.js';
import { loadFuzzyEngine } from '../../src/directory/term-corrector.js';
import { readBlindQueries } from '../support/blind-queries.js';

// Typo correction needs Fuse.js and the real-word lists, which the widget loads on demand.
await loadFuzzyEngine();

const demo = JSON.parse(
  readFileSync(new URL('../../demo/directory/demo-directory.json', import.meta.url), 'utf8'),
) as DirectorySnapshot;

let index: DirectoryIndex;
let english: NeedVocabulary;
let spanish: NeedVocabulary;
before(async () => {
  [english, spanish] = await Promise.all([loadNeedVocabulary('en'), loadNeedVocabulary('es')]);
  index = buildDirectoryIndex(demo, [english, spanish]);
});

const names = (results: { service: { name: { en?: string } } }[]) => results.map((r) => r.service.name.en);

describe('saying nothing rather than inventing a match (demo directory)', () => {
  it('offers no women’s shelter for "i need help fixing my boat engine": "boat" is a real word, never read as "beat"', () => {
    const results = matchServices(index, { text: 'i need help fixing my boat engine' }, {}, 'en');
    assert.deepEqual(names(results), []);
  });

  it('offers no shelter for "best pizza delivery near me" or "my horse needs a vet"', () => {
    for (const text of ['best pizza delivery near me', 'my horse needs a vet']) {
      const sensitive = matchServices(index, { text }, {}, 'en').filter((r) => isSensitiveService(r.service));
      assert.deepEqual(names(sensitive), [], text);
    }
  });

  it('does not offer the crisis line for "quiero rentar una moto acuatica": "quiero" never matches on its own', () => {
    const results = matchServices(index, { text: 'quiero rentar una moto acuatica' }, {}, 'es');
    assert.ok(!results.some((r) => r.service.id === 'tamarack-crisis-line'), names(results).join(', '));
    assert.deepEqual(names(results), []);
  });

  it('returns nothing for filler alone ("best place near me", "quiero ayuda porfa")', () => {
    assert.deepEqual(names(matchServices(index, { text: 'best place near me' }, {}, 'en')), []);
    assert.deepEqual(names(matchServices(index, { text: 'quiero ayuda porfa' }, {}, 'es')), []);
  });

  it('needs half of the visitor’s words: one stray word of three finds nothing', () => {
    // "engine" alone might be in some name; "wedding" and "photographer" are in none.
    assert.deepEqual(names(matchServices(index, { text: 'wedding photographer downtown' }, {}, 'en')), []);
  });

  it('still corrects a word that is not a word, and says how it read it', () => {
    const [first] = matchServices(index, { text: 'despenza' }, {}, 'es');
    assert.ok(first, 'a food service for "despenza"');
    assert.ok(first.service.categories.includes('food'), first.service.id);
    assert.deepEqual(
      first.reasons.find((reason) => reason.key === 'corrected'),
      { key: 'corrected', params: { typed: 'despenza', read: 'despensa' } },
    );
  });

  it('never reads a crisis, violence or abuse need into a corrected typo', () => {
    // Typed as written, the abuse need is recognised; as a guess at a typo, it is not.
    assert.ok(understandNeed('abused', 'en', english).terms.includes('abused'));
    const guessed = understandNeed('abusd', 'en', english);
    assert.deepEqual(guessed.categories, [], JSON.stringify(guessed));
  });

  it('reads a phrase that loses its meaning without its small words only whole: "beats me" is abuse, "beat" is not', () => {
    assert.ok(understandNeed('he beats me', 'en', english).taxonomy.includes('BH-1800.1500'));
    assert.deepEqual(understandNeed('beat the traffic', 'en', english).categories, []);
    assert.deepEqual(understandNeed('tatuajes de lineas finas', 'es', spanish).categories, []);
  });

  for (const language of ['en', 'es'] as const) {
    it(`gives no sensitive service for any blind out-of-scope request in ${language}, and answers few at all`, () => {
      const queries = readBlindQueries('out-of-scope', language);
      assert.ok(queries.length >= 30, `${queries.length} blind requests`);
      const answered = queries.filter(({ query }) => matchServices(index, { text: query }, {}, language).length);
      const sensitive = queries.filter(({ query }) =>
        matchServices(index, { text: query }, {}, language).some((r) => isSensitiveService(r.service)),
      );
      assert.deepEqual(
        sensitive.map((q) => q.query),
        [],
      );
      // 8 of 52 in English and 14 of 48 in Spanish when this was written, from 44 and 33.
      assert.ok(answered.length <= queries.length / 3, answered.map((q) => q.query).join(' | '));
    });
  }
});

describe('what a typo correction has to load', () => {
  it('needs nothing for words the vocabulary or the directory knows', () => {
    assert.deepEqual(unknownWords(index, 'food bank for my kids', 'en'), []);
    assert.deepEqual(unknownWords(index, 'necesito despensa', 'es'), []);
  });

  it('names the words it would have to look at', () => {
    assert.deepEqual(unknownWords(index, 'despenza hoy', 'es'), ['despenza']);
  });
});

describe('the real-word lists', () => {
  it('were built for the vocabulary as it is now (npm run build:word-lists after changing needs.json)', () => {
    assert.equal(enWords.vocabulary, vocabularyFingerprint(english.words));
    assert.equal(esWords.vocabulary, vocabularyFingerprint(spanish.words));
  });

  it('hold the everyday words a typo correction must not touch', () => {
    const en = new Set(enWords.words.split(' '));
    const es = new Set(esWords.words.split(' '));
    for (const word of ['boat', 'best', 'horse']) assert.ok(en.has(word), word);
    assert.ok(!en.has('despenza') && !es.has('despenza'));
  });
});
