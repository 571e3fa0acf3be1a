import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { DirectoryIndex } from '../../src/directory/directory-matcher.js';
import { buildDirectoryIndex, matchServices } from '../../src/directory/directory-matcher.js';
import { splitSnapshot } from '../../src/directory/hsds/split-snapshot.js';
import { loadNeedVocabulary } from '../../src/directory/need-vocabulary-loader.js';
import type { DirectorySearchSnapshot } from '../../src/directory/hsds/split-snapshot.js';
import { isSensitiveService } from '../../src/directory/sensitive-service.js';
import { readBlindQueries } from '../support/blind-queries.js';
import { loadMiamiSnapshot, MIAMI_DATA } from '../support/miami-snapshot.js';
import { loadFuzzyEngine } from '../../src/directory/term-corrector.js';

// Typo correction needs Fuse.js, which the widget loads on demand.
await loadFuzzyEngine();

const absent = existsSync(MIAMI_DATA) ? false : `the Miami export is not at ${MIAMI_DATA}`;

// Queries written for this test only: not in test/fixtures/relevance, never used for tuning.
const UNSEEN: { lang: 'en' | 'es'; query: string; expect: string[] }[] = [
  { lang: 'es', query: 'necesito un dentista para mi niño', expect: ['LV-1600', 'LH-5100.1700'] },
  { lang: 'es', query: 'me van a cortar el agua', expect: ['BV-8900'] },
  { lang: 'es', query: 'donde saco la matricula consular', expect: ['BT-8750.1400'] },
  { lang: 'es', query: 'clinica para embarazadas', expect: ['LJ-5000', 'LJ-2000', 'LV-6000', 'LN-1500'] },
  { lang: 'es', query: 'mi hijo necesita vacunas para entrar a la escuela', expect: ['LT-3400'] },
  {
    lang: 'es',
    query: 'perdi mi trabajo y no tengo para comer',
    expect: ['BD-1800', 'BD-5000', 'NL-6000', 'ND', 'FT-1000.8900'],
  },
  { lang: 'en', query: 'where can i get free groceries', expect: ['BD-1800', 'BD-5000'] },
  { lang: 'en', query: 'my lights are getting shut off', expect: ['BV-8900'] },
  { lang: 'en', query: 'help for a drinking problem', expect: ['RX'] },
  {
    lang: 'en',
    query: 'cheap eye exam for my son',
    expect: ['LV-2400', 'LF-4900.2000', 'LF-4900.1980', 'LH-5100.1750'],
  },
];

describe('matching on the Miami 211 export', { skip: absent }, () => {
  let index: DirectoryIndex<DirectorySearchSnapshot>;
  before(async () => {
    const miami = await loadMiamiSnapshot();
    if (!miami.ok) throw new Error(miami.why);
    // Search what the widget downloads: the split snapshot's search part.
    const { search } = splitSnapshot(miami.snapshot, 'miami');
    index = buildDirectoryIndex(search, [await loadNeedVocabulary('en'), await loadNeedVocabulary('es')]);
  });

  it('finds a relevant service in the top five for at least 9 of 10 queries it was never tuned on', () => {
    const misses = UNSEEN.filter(({ lang, query, expect }) => {
      const top = matchServices(index, { text: query }, {}, lang, 5);
      return !top.some(({ service }) =>
        service.taxonomy.some((code) => expect.some((prefix) => code.startsWith(prefix))),
      );
    });
    assert.ok(misses.length <= 1, `missed: ${misses.map((m) => m.query).join(' | ')}`);
  });

  it('answers Spanish with services whose records are in English only, saying why in Spanish', () => {
    const [first] = matchServices(index, { text: 'me duele una muela' }, {}, 'es');
    assert.ok(first, 'no result');
    assert.equal(first.service.name.es, undefined);
    assert.ok(first.service.taxonomy.some((code) => code.startsWith('LV-1600')));
    assert.ok(first.reasons.some((reason) => reason.key === 'matches'));
  });

  it('puts services that speak Spanish first for a Spanish speaker when they match as well', () => {
    const results = matchServices(index, { text: 'despensa' }, {}, 'es', 5);
    assert.ok(results.every(({ service }) => service.languages.includes('es')));
  });

  it('offers no domestic-violence counselling for "i need help fixing my boat engine"', () => {
    const results = matchServices(index, { text: 'i need help fixing my boat engine' }, {}, 'en', 5);
    assert.deepEqual(
      results.filter(({ service }) => isSensitiveService(service)).map(({ service }) => service.name.en),
      [],
    );
  });

  it('answers at most a third of the blind out-of-scope requests, in each language', () => {
    for (const language of ['en', 'es'] as const) {
      const queries = readBlindQueries('out-of-scope', language);
      const answered = queries.filter(({ query }) => matchServices(index, { text: query }, {}, language, 5).length);
      // 13 of 52 in English and 11 of 48 in Spanish when this was written, from 49 and 34.
      assert.ok(answered.length <= queries.length / 3, `${language}: ${answered.map((q) => q.query).join(' | ')}`);
    }
  });
});
