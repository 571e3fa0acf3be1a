import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { crisisSpelling, respell, slips } from '../../src/conversation/crisis-spelling.js';
import { foldText } from '../../src/text/fold-text.js';
import { bothLanguages } from '../support/crisis-phrase-lists.js';

const spelling = crisisSpelling(['killing', 'myself', 'suicid*', 'pegar', 'matarme'], ['pagar']);

describe('spelling tolerance on crisis words', () => {
  it('counts a missing, added, changed or swapped letter as one slip', () => {
    assert.equal(slips('kiling', 'killing'), 1);
    assert.equal(slips('killling', 'killing'), 1);
    assert.equal(slips('myslef', 'myself'), 1);
    assert.equal(slips('matrme', 'matarme'), 1);
    assert.equal(slips('abc', 'xyz'), 3);
  });

  it('respells a slip towards the crisis word it is one letter from', () => {
    assert.equal(respell('kiling', spelling), 'killing');
    assert.equal(respell('myslef', spelling), 'myself');
    assert.equal(respell('matrme', spelling), 'matarme');
  });

  it('respells a slip inside a word stem and keeps the ending ("sucidal")', () => {
    assert.equal(respell('sucidal', spelling), 'suicidal');
  });

  it('leaves known words, short words and changed first or last letters alone', () => {
    assert.equal(respell('pagar', spelling), 'pagar');
    assert.equal(respell('peg', spelling), 'peg');
    assert.equal(respell('billing', spelling), 'billing');
    assert.equal(respell('myselves', spelling), 'myselves');
  });

  it('respells no word of either need vocabulary as a crisis word', () => {
    const words = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') for (const word of foldText(value).split(' ')) words.add(word);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const language of ['en', 'es']) {
      collect(JSON.parse(readFileSync(new URL(`../../locales/${language}/needs.json`, import.meta.url), 'utf8')));
    }
    const respelt = bothLanguages.languages.flatMap((language) =>
      [...words]
        .filter((word) => respell(word, language.spelling) !== word)
        .map((word) => `${language.language}: ${word} → ${respell(word, language.spelling)}`),
    );
    assert.deepEqual(respelt, []);
  });
});
