import { UI_LANGUAGES } from '../../src/i18n/languages.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { NeedVocabulary, NeedVocabularyData } from '../../src/directory/need-vocabulary.js';
import { compileNeedVocabulary, understandNeed } from '../../src/directory/need-vocabulary.js';
import { loadNeedVocabulary } from '../../src/directory/need-vocabulary-loader.js';
import { searchTokens } from '../../src/directory/search-tokens.js';
import { NEED_CATEGORIES } from '../../src/directory/snapshot.js';
import { loadFuzzyEngine } from '../../src/directory/term-corrector.js';

// Typo correction needs Fuse.js, which the widget loads on demand.
await loadFuzzyEngine();

let en: NeedVocabulary;
let es: NeedVocabulary;
before(async () => {
  [en, es] = await Promise.all([loadNeedVocabulary('en'), loadNeedVocabulary('es')]);
});

const understand = (text: string, vocabulary: () => NeedVocabulary) =>
  understandNeed(text, vocabulary().language, vocabulary());
const spanish = (text: string) => understand(text, () => es);
const english = (text: string) => understand(text, () => en);

describe('understanding a need in Spanish', () => {
  for (const [text, category, prefix] of [
    ['no tengo para la renta', 'housing', 'BH-3800'],
    ['me van a correr de la casa', 'housing', 'FT-4500'],
    ['me cortaron la luz', 'utilities', 'BV-8900'],
    ['necesito despensa', 'food', 'BD-1800'],
    ['no tengo aseguranza', 'health', 'LN-1500'],
    ['aseguranza para mis hijos', 'health', 'LH-3000'],
    ['me duele una muela', 'health', 'LV-1600'],
    ['busco chamba', 'work', 'ND-3500'],
    ['el patrón no me pagó', 'work', 'FT-4150'],
    ['no me pagaron', 'work', 'DF-8000.4500'],
    ['tengo miedo de la migra', 'legal', 'FT-3600'],
    ['arreglar mis papeles', 'legal', 'FT-3600'],
    ['doctor sin seguro', 'health', 'LN-1500'],
    ['aventón al doctor', 'transportation', 'BT-4500.6500-500'],
  ] as const) {
    it(`"${text}" is ${category} (${prefix})`, () => {
      const need = spanish(text);
      assert.ok(need.categories.includes(category), JSON.stringify(need));
      assert.ok(
        need.taxonomy.some((code) => code.startsWith(prefix) || prefix.startsWith(code)),
        JSON.stringify(need),
      );
    });
  }

  it('reads words typed without accents, in capitals, or misspelled', () => {
    assert.deepEqual(spanish('ASEGURANZA').categories, ['health']);
    assert.deepEqual(spanish('patron').categories, ['work']);
    assert.deepEqual(spanish('despenza').terms, ['despensa']);
    assert.deepEqual(spanish('dentista').categories, spanish('dentísta').categories);
  });

  it('hears who the help is for: "comida para mis hijos" is for a child, "para mi abuelita" for an older adult', () => {
    assert.equal(spanish('comida para mis hijos').ageGroup, 'child');
    assert.equal(spanish('comida para mi abuelita').ageGroup, 'senior');
    assert.equal(spanish('un doctor para mi mamá').ageGroup, 'senior');
  });

  it('hears that the need is for today: "hoy", "esta noche", "ahorita"', () => {
    assert.equal(spanish('donde dormir esta noche').today, true);
    assert.equal(spanish('necesito comida hoy').today, true);
    assert.equal(spanish('ahorita no tengo luz').today, true);
    assert.equal(spanish('necesito comida').today, undefined);
  });

  it('leaves unknown words for the directory to match as they are', () => {
    assert.deepEqual(spanish('despensa en kestrel').otherWords, ['kestrel']);
  });
});

describe('understanding a need in English', () => {
  for (const [text, category, prefix] of [
    ['hydro bill', 'utilities', 'BV-8900'],
    ['food bank', 'food', 'BD-1800'],
    ['got an eviction notice', 'housing', 'FT-4500'],
    ['my boss never paid me', 'work', 'DF-8000.4500'],
    ['need a dentist', 'health', 'LV-1600'],
  ] as const) {
    it(`"${text}" is ${category} (${prefix})`, () => {
      const need = english(text);
      assert.ok(need.categories.includes(category), JSON.stringify(need));
      assert.ok(
        need.taxonomy.some((code) => code.startsWith(prefix)),
        JSON.stringify(need),
      );
    });
  }

  it('hears who and when: "my kids", "my mom", "seniors", "tonight", "right now"', () => {
    assert.equal(english('food for my kids').ageGroup, 'child');
    assert.equal(english('meals for my mom').ageGroup, 'senior');
    assert.equal(english('activities for seniors').ageGroup, 'senior');
    assert.equal(english('shelter tonight').today, true);
    assert.equal(english('i need food right now').today, true);
  });

  it('takes the longest phrase: "gas money" is transportation, "gas bill" is utilities', () => {
    assert.deepEqual(english('gas money').categories, ['transportation']);
    assert.deepEqual(english('gas bill').categories, ['utilities']);
  });

  it('refuses a vocabulary of another language', () => {
    assert.throws(() => understandNeed('renta', 'en', es), /"en".*"es"/);
  });
});

describe('the vocabulary files', () => {
  for (const language of UI_LANGUAGES) {
    const data = JSON.parse(
      readFileSync(new URL(`../../locales/${language}/needs.json`, import.meta.url), 'utf8'),
    ) as NeedVocabularyData;

    it(`${language}: every need names a known category and taxonomy prefixes that end at a level`, () => {
      const prefix = /^[A-Z]{1,2}(-\d{4}(\.\d{4}(-\d{3}(\.\d{2})?)?)?)?$/;
      for (const need of data.needs) {
        if (need.category) assert.ok(NEED_CATEGORIES.includes(need.category), `${need.say[0]}: ${need.category}`);
        for (const code of [...(need.taxonomy ?? []), ...(need.related ?? [])]) assert.match(code, prefix, need.say[0]);
        assert.ok(need.taxonomy?.length || need.terms?.length, `${need.say[0]}: neither taxonomy nor terms`);
      }
    });

    it(`${language}: no phrase means two different needs, and none is only stopwords`, () => {
      const vocabulary = compileNeedVocabulary(data);
      for (const [phrase, { meanings, label }] of vocabulary.phrases) {
        const needs = meanings.filter((meaning) => meaning.kind === 'need');
        assert.ok(needs.length <= 1, `"${label}" (${phrase}) means ${needs.length} needs`);
      }
      const phrases = [...data.needs.flatMap((need) => need.say), ...data.today, ...data.free];
      const empty = phrases.filter((phrase) => searchTokens(phrase).every((token) => vocabulary.stopwords.has(token)));
      assert.deepEqual(empty, []);
    });
  }
});
